import { RuleError } from "../errors.ts";
import type { Uniform } from "./uniform-stream.ts";

/**
 * Radially stratified Monte Carlo over a ball (used for the v-integrals of the Lemma 4.6 norms):
 * sample i of n has |v| = R((i + U)/n)^{1/3} (n strata of equal volume) and a uniform direction,
 * so Σ_i vol·h(v_i)/n is unbiased for ∫_{B_R} h. Its variance is estimated by the collapsed-strata
 * estimator (adjacent strata paired): Var ≈ n⁻² Σ_j (x_{2j} − x_{2j+1})² (n even), which is
 * conservative (it includes the variation between the two strata of a pair).
 */
export function stratifiedBallPoint(
  out: Float64Array,
  R: number,
  i: number,
  n: number,
  rnd: Uniform,
): void {
  const r = R * Math.cbrt((i + rnd()) / n);
  const z = 2 * rnd() - 1;
  const ph = 2 * Math.PI * rnd();
  const s = Math.sqrt(Math.max(0, 1 - z * z));
  out[0] = r * s * Math.cos(ph);
  out[1] = r * s * Math.sin(ph);
  out[2] = r * z;
}

/** Mean and collapsed-strata standard error of x[0..n) (n even). */
export function collapsedStrataMean(
  x: ArrayLike<number>,
  n: number,
): { value: number; se: number } {
  if (!(n >= 2 && n % 2 === 0))
    throw new RuleError("stratified sampling needs an even number >= 2 of samples", `got ${n}`);
  let s = 0;
  let d = 0;
  for (let i = 0; i < n; i++) s += x[i];
  for (let j = 0; j + 1 < n; j += 2) d += (x[j] - x[j + 1]) ** 2;
  return { value: s / n, se: Math.sqrt(d) / n };
}
