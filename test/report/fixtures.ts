import type { ClaimResult, Measurement } from "../../src/claims/claim-result.ts";
import { estimate } from "../../src/math/estimate.ts";
import { fitPowerLaw } from "../../src/math/power-fit.ts";

/** A synthetic asymptotic claim: values 2·M^{α}·(1 + noise), with one value ≤ 0 when `withZero`. */
export function syntheticScalingClaim(options: {
  id: string;
  alpha: number;
  measured: number;
  withZero?: boolean;
  logFactor?: (M: number) => number;
}): ClaimResult {
  const Ms = [8, 16, 32, 64, 128, 256];
  const L = options.logFactor ?? (() => 1);
  const measurements: Measurement[] = Ms.map((M, k) => {
    const v =
      options.withZero && k === 0 ? 0 : 2 * M ** options.measured * L(M) * (1 + 0.03 * Math.sin(k));
    return {
      M,
      value: estimate(v, 0.05 * Math.abs(v) + (v === 0 ? 1e-3 : 0), "quadrature", "synthetic"),
      prediction: M ** options.alpha * L(M),
    };
  });
  const fit = fitPowerLaw(
    measurements.map((m) => ({ M: m.M, value: m.value.value, error: m.value.error })),
    L,
  );
  return {
    id: options.id,
    title: "synthetic scaling",
    statement: "y ≲ M^α",
    cutoff: "bump",
    variant: "as-written",
    verdict: Math.abs(options.measured - options.alpha) < 0.05 ? "consistent" : "inconsistent",
    reason: `synthetic data with exponent ${options.measured}`,
    measurements,
    paperExponent: options.alpha,
    fit,
    impliedConstant: { min: 1.9, max: 2.1 },
    method: "synthetic fixture",
  };
}
