import type { Beam } from "../construction/beam/beam.ts";
import { makeBeam } from "../construction/beam/beam.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import {
  type ConstructionConstants,
  makeParameters,
} from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import type { Estimate } from "../math/estimate.ts";
import type { ClaimResult, Measurement } from "./claim-result.ts";
import { type Direction, judgeScaling } from "./verdict.ts";

/** What every claim check receives. */
export interface ClaimContext {
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /**
   * Also measure on the large-M grid 10^3 … 10^12 where a check can (the deflation claims
   * (2.36)–(2.43), as-in-proof). Off by default: the M list is used exactly as given.
   */
  readonly largeM?: boolean;
  /** The construction's free constants (construction/parameters.ts); absent: the paper's. */
  readonly constants?: Partial<ConstructionConstants>;
  /**
   * The kernel of A[f_b] by name (absent: `hard-sphere`). Checks specific to hard spheres report
   * `not-stated` for another kernel (kernel-scope.ts; docs/kernels.md).
   */
  readonly kernel?: string;
}

export function beamFor(ctx: ClaimContext, M: number): Beam {
  return makeBeam(
    makeParameters({
      M,
      s: ctx.s,
      s0: ctx.s0,
      ...(ctx.constants ? { constants: ctx.constants } : {}),
      kernel: ctx.kernel,
    }),
    cutoffByName(ctx.cutoff),
    ctx.variant,
  );
}

/** A uniformly random unit vector. */
export function randomUnit(rnd: () => number, out: number[] = [0, 0, 0]): number[] {
  const z = 2 * rnd() - 1;
  const ph = 2 * Math.PI * rnd();
  const r = Math.sqrt(1 - z * z);
  out[0] = r * Math.cos(ph);
  out[1] = r * Math.sin(ph);
  out[2] = z;
  return out;
}

/**
 * Assemble an asymptotic claim: measurements (value vs the paper's right side without constant)
 * judged by {@link judgeScaling}. `variable` "lnM" fits against ln M instead of M (for statements
 * whose right side is a power of ln M).
 */
export function scalingClaim(
  base: Omit<
    ClaimResult,
    "verdict" | "reason" | "fit" | "impliedConstant" | "paperExponent" | "measurements"
  >,
  measurements: Measurement[],
  alpha: number,
  direction: Direction,
  variable: "M" | "lnM" = "M",
  logFactor?: (M: number) => number,
): ClaimResult {
  const samples = measurements.map((m) => ({
    M: variable === "M" ? m.M : Math.log(m.M),
    value: m.value.value,
    error: m.value.error,
  }));
  const j = judgeScaling(samples, alpha, direction, logFactor);
  const lowerBounds = measurements.some((m) => m.value.lowerBound);
  return {
    ...base,
    measurements,
    paperExponent: alpha,
    ...(variable === "lnM" ? { variable } : {}),
    fit: j.fit,
    impliedConstant: { min: j.impliedConstantMin, max: j.impliedConstantMax },
    verdict: j.verdict,
    reason: `${variable === "lnM" ? "fit against ln M: " : ""}${j.reason}${lowerBounds ? "; values are sampled sups (lower bounds)" : ""}`,
  };
}

/** The descriptive fields every claim result of a context carries. */
export function claimBase(
  ctx: ClaimContext,
  id: string,
  title: string,
  statement: string,
  method: string,
) {
  return { id, title, statement, cutoff: ctx.cutoff, variant: ctx.variant, method };
}

export function m(
  M: number,
  value: Estimate,
  prediction: number | null,
  where?: Record<string, unknown>,
): Measurement {
  return where ? { M, value, prediction, where } : { M, value, prediction };
}
