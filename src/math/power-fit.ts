/**
 * Power-law fits y ≈ C · M^α · L(M) by least squares in log–log coordinates, where L is an optional
 * known logarithmic factor (e.g. ln M or ln ln M) divided out before the fit.
 *
 * The exponent's uncertainty combines (in quadrature) the statistical standard error of the slope
 * from the residuals and the slope change that the measurement errors alone can produce
 * (propagated through the normal equations). Local slopes between consecutive M are reported too:
 * they show whether the range reached is still pre-asymptotic.
 */
export interface PowerFit {
  readonly exponent: number;
  readonly exponentError: number;
  readonly prefactor: number;
  readonly localSlopes: readonly number[];
  readonly n: number;
}

/** One measurement for a power-law fit: the quantity `value` ± `error` at parameter M. */
export interface Sample {
  readonly M: number;
  readonly value: number;
  readonly error: number;
}

/**
 * Fit value ≈ C · M^α · L(M) by least squares in log–log coordinates (see the module comment for
 * the exponent's uncertainty). Samples with a non-positive or non-finite value are dropped; with
 * fewer than two left, every field of the fit is NaN.
 * @param logFactor - a known factor L(M) divided out before the fit (e.g. `Math.log` for ln M).
 * @returns the exponent α with its uncertainty, the prefactor C, the local slopes between
 *   consecutive M and the number of samples used.
 *
 * @example
 * ```ts
 * import { fitPowerLaw } from "boltzlab";
 * const samples = [4, 8, 16, 32].map((M) => ({ M, value: 3 * M ** -0.2, error: 0 }));
 * const fit = fitPowerLaw(samples);
 * if (!(Math.abs(fit.exponent + 0.2) < 1e-12 && Math.abs(fit.prefactor - 3) < 1e-12)) throw new Error("example check failed");
 * ```
 */
export function fitPowerLaw(
  samples: readonly Sample[],
  logFactor?: (M: number) => number,
): PowerFit {
  const pts = samples.filter((s) => s.value > 0 && Number.isFinite(s.value));
  const n = pts.length;
  if (n < 2) {
    return {
      exponent: Number.NaN,
      exponentError: Number.NaN,
      prefactor: Number.NaN,
      localSlopes: [],
      n,
    };
  }
  const x = pts.map((s) => Math.log(s.M));
  const y = pts.map((s) => Math.log(s.value / (logFactor ? logFactor(s.M) : 1)));
  const dy = pts.map((s) => Math.min(1, s.error / s.value));
  const xm = x.reduce((a, b) => a + b, 0) / n;
  const ym = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - xm) ** 2;
    sxy += (x[i] - xm) * (y[i] - ym);
  }
  const slope = sxy / sxx;
  const intercept = ym - slope * xm;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const statVar = n > 2 ? rss / (n - 2) / sxx : 0;
  // worst-case propagation of the measurement errors through the slope formula
  let measErr = 0;
  for (let i = 0; i < n; i++) measErr += (Math.abs(x[i] - xm) / sxx) * dy[i];
  const localSlopes: number[] = [];
  for (let i = 1; i < n; i++) localSlopes.push((y[i] - y[i - 1]) / (x[i] - x[i - 1]));
  return {
    exponent: slope,
    exponentError: Math.sqrt(statVar + measErr * measErr),
    prefactor: Math.exp(intercept),
    localSlopes,
    n,
  };
}
