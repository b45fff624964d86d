import { coreNorm } from "../construction/core/core-norm.ts";
import {
  type DeflationExpansion,
  deflationExpansion,
  deflationExponentLimit,
  lawConstants,
} from "../construction/core/deflation-law.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { fitPowerLaw } from "../math/power-fit.ts";
import { normBeam } from "./theorem-1-1.ts";

/**
 * The closed-form deflation law (construction/core/deflation-law.ts) against the computed deflation
 * ‖f_r(T*)‖/‖f_r(0)‖ (unweighted L²_v H^{s0}_x, core-norm.ts, the same numbers as the Theorem 1.1
 * rows), for M up to 10^15: the computed exponent γ(M) = −ln(deflation)/ln ln M per M, and the
 * exponent fitted to deflation ≈ C (ln M)^{−γ} over windows of M, which is what a finite-M study sees.
 */
export interface DeflationLawOptions {
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants?: Partial<ConstructionConstants>;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`); docs/kernels.md. */
  readonly kernel?: string;
}

export interface DeflationLawPoint {
  readonly M: number;
  readonly Tstar: number;
  /** ‖f_r(T*)‖/‖f_r(0)‖ computed (error from the core-norm reduction bounds). */
  readonly deflation: Estimate;
  /** γ(M) = −ln(deflation)/ln ln M, computed. */
  readonly gamma: Estimate;
  readonly expansion: DeflationExpansion;
}

/**
 * The computed deflation ‖f_r(T*)‖/‖f_r(0)‖ at M (unweighted L²_v H^{s0}_x, the numbers of the
 * Theorem 1.1 rows) with its error, the exponent γ(M) = −ln(deflation)/ln ln M, and the closed-form
 * law's expansion at the same M for comparison.
 */
export function computedDeflation(M: number, o: DeflationLawOptions): DeflationLawPoint {
  const beam = normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, o.kernel);
  const T = beam.params.Tstar;
  const fT = coreNorm(beam, T, { weighted: false, subtract: 0 }).norm;
  const f0 = coreNorm(beam, 0, { weighted: false, subtract: 0 }).norm;
  const d = fT.value / f0.value;
  const dErr = d * (fT.error / fT.value + f0.error / f0.value);
  const L = Math.log(Math.log(M));
  const g = -Math.log(d) / L;
  const gErr = dErr / d / L;
  return {
    M,
    Tstar: T,
    deflation: estimate(d, dErr, "derived", "‖f_r(T*)‖/‖f_r(0)‖ by core-norm.ts (unweighted)"),
    gamma: estimate(g, gErr, "derived", "−ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M"),
    expansion: deflationExpansion(
      cutoffByName(o.cutoff),
      lawConstants(beam.params.constants, o.variant),
      Math.log(M),
      o.s,
      beam.params.kernel,
    ),
  };
}

export interface DeflationWindowFit {
  readonly Mlo: number;
  readonly Mhi: number;
  /** γ fitted to deflation ≈ C (ln M)^{−γ} over [Mlo, Mhi] (points at 10^{k/4}). */
  readonly gamma: number;
  readonly gammaError: number;
}

export interface DeflationLawReport {
  readonly options: DeflationLawOptions;
  readonly limit: Estimate;
  readonly points: readonly DeflationLawPoint[];
  readonly windows: readonly DeflationWindowFit[];
}

/**
 * Points at M = 10^{k/4} (k = 4 … 4·maxDecade) and fits over each decade [10^k, 10^{k+1}]: the
 * fitted γ against γ∞ shows how fast a finite-M fit approaches the law.
 */
export function deflationLawReport(o: DeflationLawOptions, maxDecade = 15): DeflationLawReport {
  const points: DeflationLawPoint[] = [];
  for (let k = 4; k <= 4 * maxDecade; k++)
    points.push(computedDeflation(Math.round(10 ** (k / 4)), o));
  const windows: DeflationWindowFit[] = [];
  for (let d = 1; d < maxDecade; d++) {
    const sel = points.filter((p) => p.M >= 10 ** d * 0.999 && p.M <= 10 ** (d + 1) * 1.001);
    const fit = fitPowerLaw(
      sel.map((p) => ({ M: Math.log(p.M), value: p.deflation.value, error: p.deflation.error })),
    );
    windows.push({
      Mlo: 10 ** d,
      Mhi: 10 ** (d + 1),
      gamma: -fit.exponent,
      gammaError: fit.exponentError,
    });
  }
  const beam = normBeam(4, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, o.kernel);
  return {
    options: o,
    limit: deflationExponentLimit(
      cutoffByName(o.cutoff),
      lawConstants(beam.params.constants, o.variant),
      beam.params.kernel,
    ),
    points,
    windows,
  };
}
