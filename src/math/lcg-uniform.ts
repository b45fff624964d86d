/**
 * Deterministic uniform generator on [0, 1) (Park–Miller minimal standard, multiplier 16807), the
 * same recurrence as claims/claim-helpers.ts `lcg`, available to the construction layer for
 * seeded, reproducible sampling.
 */
export function lcgUniform(seed: number): () => number {
  let x = Math.floor(Math.abs(seed)) % 2147483647;
  if (x <= 0) x += 2147483646;
  return () => {
    x = (x * 16807) % 2147483647;
    return (x - 1) / 2147483646;
  };
}
