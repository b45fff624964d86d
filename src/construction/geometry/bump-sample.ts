import { lcgUniform } from "../../math/sampling/uniform-stream.ts";

/**
 * A stratified sample of the velocity bumps k = 0 … count−1 of (2.4) (indices ordered by ring, so
 * contiguous index ranges are ring bands — the lattice is not rotation-invariant, so bumps in
 * different bands differ). With `size ≥ count` every bump is taken (one stratum, no sampling
 * error). Otherwise H = min(4, ⌊size/2⌋) contiguous strata of near-equal size, and size/H bumps
 * drawn without replacement in each (seeded Park–Miller generator).
 */
export interface BumpSample {
  readonly count: number;
  readonly seed: number;
  readonly exhaustive: boolean;
  /** Per stratum: its population N_h and the sampled indices. */
  readonly strata: readonly { readonly size: number; readonly indices: readonly number[] }[];
}

export function stratifiedBumpSample(count: number, size: number, seed: number): BumpSample {
  if (size >= count) {
    return {
      count,
      seed,
      exhaustive: true,
      strata: [{ size: count, indices: Array.from({ length: count }, (_, i) => i) }],
    };
  }
  const H = Math.max(1, Math.min(4, Math.floor(size / 2)));
  const rnd = lcgUniform(seed);
  const strata: { size: number; indices: number[] }[] = [];
  for (let h = 0; h < H; h++) {
    const lo = Math.floor((h * count) / H);
    const hi = Math.floor(((h + 1) * count) / H);
    const N = hi - lo;
    const n = Math.min(N, Math.floor(size / H) + (h < size % H ? 1 : 0));
    const pool = Array.from({ length: N }, (_, i) => lo + i);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(rnd() * (N - i));
      const x = pool[i];
      pool[i] = pool[j];
      pool[j] = x;
    }
    strata.push({ size: N, indices: pool.slice(0, n).sort((a, b) => a - b) });
  }
  return { count, seed, exhaustive: false, strata };
}

/** Every sampled index, in stratum order. */
export function sampledIndices(sample: BumpSample): number[] {
  return sample.strata.flatMap((s) => s.indices);
}

/**
 * The stratified estimate of Σ_k y_k over all bumps: Σ_h (N_h/n_h) Σ_{i∈h} y_i, its standard
 * error √(Σ_h N_h² (1 − n_h/N_h) s_h²/n_h) (0 when exhaustive), and the propagated per-bump
 * error Σ_h (N_h/n_h) Σ e_i. `y(k)` and `e(k)` give a sampled bump's value and error.
 */
export function stratifiedTotal(
  sample: BumpSample,
  y: (k: number) => number,
  e: (k: number) => number = () => 0,
): { total: number; standardError: number; error: number } {
  let total = 0;
  let variance = 0;
  let error = 0;
  for (const s of sample.strata) {
    const n = s.indices.length;
    if (n === 0) continue;
    const vals = s.indices.map(y);
    const mean = vals.reduce((a, b) => a + b, 0) / n;
    total += s.size * mean;
    error += (s.size / n) * s.indices.reduce((a, k) => a + e(k), 0);
    if (n < s.size && n > 1) {
      const s2 = vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      variance += s.size * s.size * (1 - n / s.size) * (s2 / n);
    }
  }
  return { total, standardError: Math.sqrt(variance), error };
}
