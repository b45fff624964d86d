/**
 * Sampling a variable x ∈ [lo, hi] with a density close to a given non-negative profile f, for
 * importance sampling: a piecewise-constant density with `bins` equal bins whose masses are
 * f(midpoint) (floored at 10⁻³ max f, so the density is positive wherever the integrand can be),
 * sampled exactly by inverting its piecewise-linear CDF. The density is known exactly, so
 * integrand/density is an unbiased weight whatever f is.
 */
export interface ProfileSampler {
  /** Map u ∈ [0, 1) to x (inverse CDF). */
  sample(u: number): number;
  /** The density at x. */
  density(x: number): number;
}

/**
 * An importance sampler on [lo, hi] whose density follows the profile f (see the module comment),
 * with `bins` equal bins (default 256).
 */
export function profileSampler(
  f: (x: number) => number,
  lo: number,
  hi: number,
  bins = 256,
): ProfileSampler {
  const h = (hi - lo) / bins;
  const mass = new Float64Array(bins);
  let max = 0;
  for (let i = 0; i < bins; i++) {
    mass[i] = Math.max(0, f(lo + (i + 0.5) * h));
    max = Math.max(max, mass[i]);
  }
  let total = 0;
  for (let i = 0; i < bins; i++) {
    mass[i] = Math.max(mass[i], 1e-3 * max) || 1;
    total += mass[i];
  }
  const cdf = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) cdf[i + 1] = cdf[i] + mass[i] / total;
  return {
    sample(u) {
      let a = 0;
      let b = bins;
      while (b - a > 1) {
        const m = (a + b) >> 1;
        if (cdf[m] <= u) a = m;
        else b = m;
      }
      const frac = (u - cdf[a]) / (cdf[a + 1] - cdf[a]);
      return lo + (a + Math.min(1, Math.max(0, frac))) * h;
    },
    density(x) {
      const i = Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / h)));
      return mass[i] / total / h;
    },
  };
}
