/**
 * Mean and standard error over independent replicas: for values y_1..y_R (R ≥ 2) the sample mean
 * ȳ and s/√R with s² the unbiased sample variance. With R = 1 the error is NaN (unknown), never 0.
 */
export interface MeanError {
  mean: number;
  error: number;
}

export function meanError(ys: ArrayLike<number>): MeanError {
  const R = ys.length;
  let s = 0;
  for (let r = 0; r < R; r++) s += ys[r];
  const mean = s / R;
  if (R < 2) return { mean, error: Number.NaN };
  let q = 0;
  for (let r = 0; r < R; r++) q += (ys[r] - mean) ** 2;
  return { mean, error: Math.sqrt(q / (R - 1) / R) };
}

/**
 * Seed of replica r derived from a base seed (distinct 32-bit values for r < 2³²; a Weyl step
 * with the golden-ratio constant, then a xorshift-multiply finalizer).
 */
export function replicaSeed(seed: number, r: number): number {
  let h = (seed + Math.imul(r + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
