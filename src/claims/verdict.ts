import { fitPowerLaw, type PowerFit, type Sample } from "../math/power-fit.ts";

/**
 * Verdicts (docs/design.md, "Numbers are estimates"):
 * - `holds` / `violated`: statements with explicit constants;
 * - `consistent` / `inconsistent` / `inconclusive`: asymptotic statements;
 * - `not-stated`: the paper states (and proves) the statement for the hard-sphere kernel only and
 *   boltzlab does not compute it for the kernel asked for (claims/kernel-scope.ts, docs/kernels.md).
 */
export type Verdict =
  | "holds"
  | "violated"
  | "consistent"
  | "inconsistent"
  | "inconclusive"
  | "not-stated";

/** Every verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = [
  "holds",
  "violated",
  "consistent",
  "inconsistent",
  "inconclusive",
  "not-stated",
];

/** Direction of an asymptotic statement: y ≲ pred (upper), y ≳ pred (lower), y ∼ pred (both). */
export type Direction = "upper" | "lower" | "two-sided";

export interface ScalingVerdict {
  readonly verdict: Verdict;
  readonly fit: PowerFit;
  /** max and min over M of value / prediction(M). */
  readonly impliedConstantMax: number;
  readonly impliedConstantMin: number;
  readonly reason: string;
}

/** Tolerance (in exponent units) below which a deviation is never called "clearly worse". */
export const EXPONENT_SLACK = 0.1;

/**
 * Judge `samples` against the prediction C·M^α·L(M). The fitted exponent is compared with α
 * (after dividing out L); the last local slope tells whether the implied constant is still moving
 * at the top of the range. Rules:
 * - consistent: fitted exponent within max(2σ, slack/2) of α on the allowed side, and the last
 *   local slope within `slack` of α on that side;
 * - inconsistent: fitted exponent beyond α by more than max(3σ, slack) on the wrong side, and the
 *   last local slope is as well (the constant keeps drifting at the largest M reached);
 * - inconclusive: anything between, or fewer than three usable values of M.
 */
export function judgeScaling(
  samples: readonly Sample[],
  alpha: number,
  direction: Direction,
  logFactor?: (M: number) => number,
): ScalingVerdict {
  const fit = fitPowerLaw(samples, logFactor);
  const ratios = samples
    .filter((s) => s.value > 0)
    .map((s) => s.value / (s.M ** alpha * (logFactor ? logFactor(s.M) : 1)));
  const impliedConstantMax = ratios.length ? Math.max(...ratios) : Number.NaN;
  const impliedConstantMin = ratios.length ? Math.min(...ratios) : Number.NaN;
  const base = { fit, impliedConstantMax, impliedConstantMin };
  if (fit.n < 3 || !Number.isFinite(fit.exponent)) {
    return { ...base, verdict: "inconclusive", reason: `only ${fit.n} usable values of M` };
  }
  const d = fit.exponent - alpha;
  const last = fit.localSlopes[fit.localSlopes.length - 1] - alpha;
  const sigma = fit.exponentError;
  const okTol = Math.max(2 * sigma, EXPONENT_SLACK / 2);
  const badTol = Math.max(3 * sigma, EXPONENT_SLACK);
  const worse = (x: number, tol: number) =>
    direction === "upper" ? x > tol : direction === "lower" ? x < -tol : Math.abs(x) > tol;
  const fmt = (x: number) => x.toFixed(3);
  if (!worse(d, okTol) && !worse(last, EXPONENT_SLACK)) {
    return {
      ...base,
      verdict: "consistent",
      reason: `fitted exponent ${fmt(fit.exponent)} ± ${fmt(sigma)} vs predicted ${fmt(alpha)} (${direction}); last local slope ${fmt(last + alpha)}`,
    };
  }
  if (worse(d, badTol) && worse(last, EXPONENT_SLACK)) {
    return {
      ...base,
      verdict: "inconsistent",
      reason: `fitted exponent ${fmt(fit.exponent)} ± ${fmt(sigma)} is clearly ${direction === "lower" ? "below" : "off"} the predicted ${fmt(alpha)} and the last local slope ${fmt(last + alpha)} agrees`,
    };
  }
  return {
    ...base,
    verdict: "inconclusive",
    reason: `fitted exponent ${fmt(fit.exponent)} ± ${fmt(sigma)}, last local slope ${fmt(last + alpha)}, predicted ${fmt(alpha)}: the range of M reached does not separate pre-asymptotic drift from a different exponent`,
  };
}
