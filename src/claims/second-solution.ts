import { coreZNorm } from "../construction/core/core-znorm.ts";
import { GAUSSIAN_WEIGHT } from "../kinetic/z-weight.ts";
import type { ZNorm } from "../kinetic/znorm.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { type ClaimContext, claimBase, m, scalingClaim } from "./claim-helpers.ts";
import type { ClaimResult, Measurement } from "./claim-result.ts";
import {
  beamForTable,
  DEFAULT_WINDOW_FRACTIONS,
  errorJobs,
  runErrorJob,
  type TableParameters,
} from "./error-table/error-table.ts";
import { G_ERR_TERMS, logFactorValue, Z_PARTS } from "./error-table/error-term.ts";
import { findGErrMeasure, gErrPaperBound } from "./error-table/g-err-terms.ts";
import { normBeam } from "./theorem-1-1.ts";
import { dominantSummary } from "./z-norms-4-4-to-4-19.ts";

/**
 * The second solution g = g_a + g_c of Section 5, (5.2): g_a(t) ≡ f_r(0), the stationary core.
 *   (5.11) ‖e^{⟨v⟩²} g_a‖_{L^∞_t Z} = ‖e^{⟨v⟩²} f_r(0)‖_Z ≲ 1 — the Z-norm of f_r at t = 0
 *          (core-znorm.ts; at t = 0 every bracket closes: closed forms of the cutoff);
 *   (5.12) ‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} G_err dτ‖_Z ≲ M^{−δ} — bounded here, by the triangle
 *          inequality, by the sum of the 12 G_err entries (3 terms × 4 parts, g-err-terms.ts), each
 *          at its largest window on the grid {0, ¼, ½, ¾, 1}·T*.
 * Z_g(M) is the Z_a of the g_c bootstrap (bootstrap-measured.ts with `solution: "g"`).
 */

const zCache = new Map<string, ZNorm>();

/** ‖e^{⟨v⟩²} g_a‖_Z = ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11) at one M (cached). */
export function stationaryCoreZNorm(ctx: Omit<ClaimContext, "Ms">, M: number): ZNorm {
  const key = JSON.stringify([M, ctx.s, ctx.s0, ctx.cutoff, ctx.variant, ctx.constants ?? {}]);
  const hit = zCache.get(key);
  if (hit) return hit;
  const z = coreZNorm(
    normBeam(M, ctx.s, ctx.s0, undefined, ctx.cutoff, ctx.variant, ctx.constants),
    0,
    GAUSSIAN_WEIGHT,
  ).z;
  zCache.set(key, z);
  return z;
}

/**
 * The bound of (5.12) at one M: Σ over the 12 G_err entries of the largest value over the window
 * grid (each value ± error a rigorous bracket, g-err-terms.ts), and the entry that dominates.
 */
export function gErrorSum(
  ctx: Omit<ClaimContext, "Ms">,
  M: number,
): { sum: Estimate; dominant: string } {
  const params: TableParameters = {
    s: ctx.s,
    s0: ctx.s0,
    p: 10,
    cutoff: ctx.cutoff,
    variant: ctx.variant,
    grid: DEFAULT_WINDOW_FRACTIONS,
  };
  const beam = beamForTable(M, params);
  let v = 0;
  let e = 0;
  let best = { id: "", value: -1 };
  for (const job of errorJobs([...G_ERR_TERMS], Z_PARTS, [M])) {
    const measure = findGErrMeasure(job.term as (typeof G_ERR_TERMS)[number], job.part);
    if (!measure) continue;
    const r = runErrorJob(job, measure, beam, params);
    v += r.sup.value.value;
    e += r.sup.value.error;
    if (r.sup.value.value > best.value)
      best = { id: `${job.term} ${job.part}`, value: r.sup.value.value };
  }
  return {
    sum: estimate(
      v,
      e,
      "derived",
      "Σ of the 12 G_err entries (largest over the window grid {0, ¼, ½, ¾, 1}·T*), each a rigorous bracket",
    ),
    dominant: best.id,
  };
}

/** Claims (5.11) and (5.12) for one cutoff × variant over the context's M (M ≥ 3). */
export function claimsSecondSolution(ctx: ClaimContext): ClaimResult[] {
  const Ms = ctx.Ms.filter((M) => M >= 3);
  const zs = Ms.map((M) => ({ M, z: stationaryCoreZNorm(ctx, M) }));
  const z511: Measurement[] = zs.map(({ M, z }) =>
    m(M, z.total, 1, {
      dominant: z.dominant,
      parts: Object.fromEntries(Z_PARTS.map((p) => [p, z.parts[p].value])),
    }),
  );
  const out: ClaimResult[] = [
    scalingClaim(
      claimBase(
        ctx,
        "5.11",
        "Z-norm of the second approximate solution",
        "‖e^{⟨v⟩²} g_a‖_{L^∞_t Z} = ‖e^{⟨v⟩²} f_r(0)‖_Z ≲ 1 (g_a ≡ f_r(0))",
        `core-znorm.ts at t = 0 (Λ = 0: the parts are closed forms of the cutoff up to the weight bracket [e, e^{1+N⁻²}(1+N⁻²)^{1/2}]); dominant part: ${dominantSummary(zs)}`,
      ),
      z511,
      0,
      "upper",
    ),
  ];
  // (5.12): compared with the proof's explicit chain, the largest of the entries' powers (Lemma 4.3's L² chain)
  const chain = gErrPaperBound("v.grad(fr0)", "gradL2", ctx.s, ctx.s0, 10);
  const lf = (M: number) => logFactorValue(chain.logFactor, M);
  const e512: Measurement[] = Ms.map((M) => {
    const g = gErrorSum(ctx, M);
    return m(M, g.sum, M ** chain.exponent * lf(M), { dominantEntry: g.dominant });
  });
  out.push(
    scalingClaim(
      claimBase(
        ctx,
        "5.12",
        "Error of the second approximate solution",
        `‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} G_err dτ‖_Z ≲ M^{−δ}, G_err = v·∇x f_r(0) + Q⁻(f_r(0),f_r(0)) − Q⁺(f_r(0),f_r(0)); the proof's chain (Lemmas 4.3–4.4 with f_r(0)) gives M^{s−p} ln ln M`,
        "Σ over the 3 terms × 4 Z-parts of the G_err table (triangle inequality: an upper bound of the Z-norm of the sum), each at its largest window of the grid {0, ¼, ½, ¾, 1}·T*; v·∇x f_r(0) by its exact Duhamel integral, Q∓(f_r(0), f_r(0)) separable (g-err-terms.ts); fitted with ln ln M divided out",
      ),
      e512,
      chain.exponent,
      "upper",
      "M",
      lf,
    ),
  );
  return out;
}
