import type { ClaimResult, Measurement } from "../../src/claims/claim-result.ts";
import type { DeflationCurve, TheoremRow } from "../../src/claims/theorem-row.ts";
import { estimate, exact } from "../../src/math/estimate.ts";
import { fitPowerLaw } from "../../src/math/power-fit.ts";
import type { ReportData } from "../../src/report/report-data.ts";

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

/** T* = M^{s−1} ln ln M (2.9) with s = 0.8, for synthetic rows. */
function tstar(M: number): number {
  return M ** -0.2 * Math.log(Math.log(M));
}

/**
 * Synthetic Theorem 1.1 rows for two configurations (bump × as-written on M = 8…64, bump ×
 * as-in-proof on M = 8…64 and 10¹¹), with one non-positive value (finalDistance at the first M of
 * as-written) and, for as-in-proof, a weak separation at M = 10¹¹ (final distance 1.9e-4 beyond an
 * initial distance 1.1e-4, deflation ratio 0.985).
 */
export function syntheticTheoremRows(): TheoremRow[] {
  const e = (v: number, rel = 0.05) =>
    estimate(v, rel * Math.abs(v) + 1e-9, "quadrature", "synthetic");
  const written = [8, 16, 32, 64].map(
    (M, k): TheoremRow => ({
      M,
      Tstar: exact(tstar(M)),
      initialDistance: e(M ** -0.3),
      finalDistance: k === 0 ? e(-1e-3) : e(0.8 + 0.01 * k),
      weightedFinalNorm: e(Math.exp(-tstar(M) * M ** 0.2)),
      invLnM: exact(1 / Math.log(M)),
      deflation: e(0.5 / Math.log(M)),
      cutoff: "bump",
      variant: "as-written",
      weightedCoreInitial: e(0.0341),
      separated: false,
    }),
  );
  const inProof = [8, 16, 32, 64, 1e11].map(
    (M): TheoremRow => ({
      M,
      Tstar: exact(tstar(M)),
      initialDistance: e(M === 1e11 ? 1.08e-4 : 0.1 * M ** -0.3, 1e-4),
      finalDistance: e(M === 1e11 ? 1.94e-4 : 0.02 * M ** -0.3, 1e-4),
      weightedFinalNorm: e(0.04),
      invLnM: exact(1 / Math.log(M)),
      deflation: e(M === 1e11 ? 0.985 : 0.99, 1e-5),
      cutoff: "bump",
      variant: "as-in-proof",
      weightedCoreInitial: e(0.0341),
      separated: M === 1e11,
    }),
  );
  return [...written, ...inProof];
}

/** Synthetic deflation curves: f_r decays like exp(−t M^{1−s}), f_b stays ≈ M^{s0−s}. */
export function syntheticDeflationCurves(): DeflationCurve[] {
  return [16, 64, 256].map((M, k) => {
    const T = tstar(M);
    const t = Array.from({ length: 21 }, (_, k) => (T * k) / 20);
    return {
      M,
      t,
      fr: t.map((x) =>
        estimate(
          Math.exp(-x * M ** 0.2),
          0.02 * Math.exp(-x * M ** 0.2),
          "quadrature",
          "synthetic",
        ),
      ),
      fb: t.map(() =>
        estimate(M ** -0.3, 0.01 * M ** -0.3, "monte-carlo", "synthetic, n = 1000, seed 1"),
      ),
      cutoff: "bump",
      variant: k === 2 ? "as-in-proof" : "as-written",
    };
  });
}

/**
 * An explicit claim (2.20) that is violated in `variant`, with its counterexample (one coordinate at
 * round-off level), a meaningless fit (exponent −153.913 ± 67.703) and implied constant up to 1e206.
 */
export function syntheticViolatedClaim(
  variant: "as-written" | "as-in-proof" = "as-written",
): ClaimResult {
  return {
    id: "2.20",
    title: "disjoint supports of I_{i,j}",
    statement: "Supp I_{i1,j1} ∩ Supp I_{i2,j2} = ∅",
    cutoff: "bump",
    variant,
    verdict: "violated",
    reason:
      "overlap found at v = (0.1, 0.2, 0.97) for (1,2) and (2,2) | a pipe; see `boltzlab claims --id 2.20`",
    measurements: [
      { M: 8, value: exact(2), prediction: 1 },
      { M: 16, value: exact(1e-60), prediction: 2 },
      { M: 32, value: exact(1e-100), prediction: 4 },
    ],
    paperExponent: 1,
    fit: { exponent: -153.913, exponentError: 67.703, prefactor: 1, localSlopes: [], n: 3 },
    impliedConstant: { min: 1e-100, max: 1e206 },
    counterexample: {
      v: [0.1, -9.130616052692812e-17, 0.97],
      pairs: [
        [1, 2],
        [2, 2],
      ],
    },
    method: "grid search over the supports <script>",
  };
}

/** A complete synthetic {@link ReportData}. */
export function syntheticReportData(): ReportData {
  return {
    title: "boltzlab synthetic report",
    parameters: {
      s: 0.8,
      s0: 0.5,
      p: 10,
      Ms: [8, 16, 32, 64],
      cutoffs: ["bump"],
      variants: ["as-written", "as-in-proof"],
    },
    claims: [
      syntheticScalingClaim({ id: "2.24", alpha: -0.3, measured: -0.3 }),
      syntheticScalingClaim({ id: "2.11/k=1", alpha: 3, measured: 3.4, withZero: true }),
      syntheticViolatedClaim("as-written"),
      syntheticViolatedClaim("as-in-proof"),
      {
        ...syntheticScalingClaim({ id: "2.24", alpha: -0.3, measured: -0.3 }),
        variant: "as-in-proof",
      },
    ],
    theorem: syntheticTheoremRows(),
    deflation: syntheticDeflationCurves(),
    runInfo: {
      date: "2025-01-01T00:00:00.000Z",
      durationSeconds: 12.5,
      commandLine: "boltzlab report --M 8,16,32,64",
      versions: { boltzlab: "0.1.0", node: process.version },
    },
  };
}
