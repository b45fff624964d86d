import type { Beam } from "../construction/beam/beam.ts";
import { beamZNorm } from "../construction/beam/beam-znorm.ts";
import { Z_PARTS, type ZPart } from "../kinetic/z-parts.ts";
import { V_GAUSSIAN_WEIGHT } from "../kinetic/z-weight.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { beamFor, type ClaimContext, claimBase, m, scalingClaim } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";
import { findMeasure } from "./error-table/measures.ts";

/**
 * Proposition 3.1, (3.5) for Q⁻ and (3.6) for Q⁺, on the construction's own functions f = g = f_b.
 * The left side ‖e^{⟨v⟩²} Q^±(f_b, f_b)(t)‖_Z is taken from the Section 4 error-table measures over a
 * short Duhamel window:
 *
 *   ‖e^{⟨v⟩²} Q^±(t)‖_Z = lim_{ε→0} ε⁻¹ ‖e^{⟨v⟩²} ∫_{t−ε}^{t} e^{−(t−τ)v·∇x} Q^±(f_b, f_b)(τ) dτ‖_Z,
 *
 * with ε = 10⁻³/M (the transport moves x by ε|v| ≤ 1.6ε over the window, a relative change of order
 * εM ≈ 10⁻³ in functions varying on the scale 1/M; reported in the method). The right side is
 * ‖⟨v⟩e^{⟨v⟩²} f_b‖_Z (‖⟨v⟩e^{⟨v⟩²} f_b‖_{L^{1,1}L^∞} + M⁻¹‖⟨v⟩e^{⟨v⟩²} ∇f_b‖_{L^{1,1}L^∞}) from
 * construction/beam/beam-znorm.ts (exact in t). The L^∞ parts of the left side are sampled sups (lower
 * bounds), so each ratio is a lower bound of the true ratio: it can show growth, not boundedness.
 */
export type BeamBeamTerm = "Q-(fb,fb)" | "Q+(fb,fb)";

export interface ConstructionRatio {
  readonly M: number;
  readonly t: number;
  readonly epsilon: number;
  readonly term: BeamBeamTerm;
  /** ‖e^{⟨v⟩²} Q^±(f_b,f_b)(t)‖_Z, part by part (prefactors included) and total. */
  readonly parts: Readonly<Record<ZPart, Estimate>>;
  readonly lhs: Estimate;
  readonly rhs: number;
  readonly ratio: Estimate;
}

export function constructionRatio(beam: Beam, term: BeamBeamTerm, t: number): ConstructionRatio {
  const { M } = beam.params;
  const epsilon = 1e-3 / M;
  const t1 = Math.max(t, epsilon);
  const parts = {} as Record<ZPart, Estimate>;
  let value = 0;
  let error = 0;
  let lowerBound = false;
  for (const part of Z_PARTS) {
    const measure = findMeasure(term, part);
    if (!measure) throw new Error(`no error-table measure for ${term} ${part}`);
    const r = measure.measure(beam, { t0: t1 - epsilon, t: t1 }).value;
    const e = estimate(
      r.value / epsilon,
      (r.error + epsilon * M * 1e-3 * r.value) / epsilon,
      r.kind,
      r.method,
      {
        lowerBound: r.lowerBound === true,
      },
    );
    parts[part] = e;
    value += e.value;
    error += e.error;
    lowerBound ||= r.lowerBound === true;
  }
  const z = beamZNorm(beam, V_GAUSSIAN_WEIGHT).z;
  const rhs = z.total.value * (z.parts.Linf.value + z.parts.gradLinf.value);
  const lhs = estimate(
    value,
    error,
    "derived",
    `Σ of the four parts over the window (t − ε, t), ε = ${epsilon.toExponential(1)}`,
    {
      lowerBound,
    },
  );
  const ratio = estimate(
    value / rhs,
    error / rhs,
    "derived",
    `left side / right side (right side from beam-znorm.ts)`,
    {
      lowerBound,
    },
  );
  return { M, t: t1, epsilon, term, parts, lhs, rhs, ratio };
}

/**
 * (3.5)/(3.6) with f = g = f_b: the largest ratio over t ∈ {ε, ½T*, T*} at each M, judged as a
 * bounded quantity (exponent 0) across M. Ids "3.5-fb" (Q⁻) and "3.6-fb" (Q⁺); opt-in in the registry (`claims --id 3.5-fb,3.6-fb --M 4,8`).
 */
export function claimsProposition3_1Construction(ctx: ClaimContext): ClaimResult[] {
  return (
    [
      ["3.5-fb", "Q-(fb,fb)", "(3.5) for Q⁻ with f = g = f_b"],
      ["3.6-fb", "Q+(fb,fb)", "(3.6) for Q⁺ with f = g = f_b"],
    ] as const
  ).map(([id, term, title]) => {
    const meas = ctx.Ms.map((M) => {
      const beam = beamFor(ctx, M);
      const T = beam.params.Tstar;
      let best: ConstructionRatio | null = null;
      for (const t of [0, T / 2, T]) {
        const r = constructionRatio(beam, term, t);
        if (!best || r.ratio.value > best.ratio.value) best = r;
      }
      const b = best as ConstructionRatio;
      return m(M, b.ratio, 1, { t: b.t, lhs: b.lhs.value, rhs: b.rhs });
    });
    return scalingClaim(
      claimBase(
        ctx,
        id,
        title,
        `‖e^{⟨v⟩²}Q(f_b,f_b)(t)‖_Z ≲ ‖⟨v⟩e^{⟨v⟩²}f_b‖_Z(‖⟨v⟩e^{⟨v⟩²}f_b‖_{L^{1,1}L^∞} + M⁻¹‖⟨v⟩e^{⟨v⟩²}∇f_b‖_{L^{1,1}L^∞}): the ratio stays bounded in M`,
        "left side from the error-table measures of the term over a window of length ε = 10⁻³/M divided by ε (L^∞ parts sampled sups: lower bounds), largest over t ∈ {ε, T*/2, T*}; right side from beam-znorm.ts",
      ),
      meas,
      0,
      "upper",
    );
  });
}
