/**
 * Theorem 1.1 on the exact solutions f = f_a + f_c, g = g_a + g_c from merged particle runs of the
 * corrections (norms: L²_v H^{s0}_x without velocity weight, X below).
 *
 * - Initial distance, exact: f_c(0) = g_c(0) = 0, so ‖f(0) − g(0)‖_X = ‖f_b(0)‖_X
 *   ({@link beamSobolevNorm}).
 * - Approximate final distance: ‖f_a(T*) − g_a(T*)‖_X² = ‖f_b(T*)‖_X² + ‖f_r(T*) − f_r(0)‖_X² (disjoint
 *   velocity supports; {@link coreNorm} with its reduction bounds).
 * - Rigorous lower bound of the exact final distance (up to the stated statistical error): with
 *   ψ = f_r(0), ‖f(T*) − g(T*)‖_X ≥ |⟨f(T*) − g(T*), ψ⟩_X|/‖ψ‖_X, and
 *   ⟨f(T*) − g(T*), ψ⟩_X = ⟨f_r(T*) − f_r(0), ψ⟩_X + ⟨f_c(T*), ψ⟩_X − ⟨g_c(T*), ψ⟩_X (⟨f_b, ψ⟩_X = 0:
 *   disjoint velocity supports). Under coreNorm's reduction Λ → Λ(T*, 0, 0), f_r(T*) − f_r(0) =
 *   (e^{−Λ₀} − 1)ψ, so the first term is −‖f_r(T*) − f_r(0)‖_X‖ψ‖_X up to 2·err·‖ψ‖_X; the last two
 *   are the particles' linear functionals with standard errors. Hence
 *     ‖f(T*) − g(T*)‖_X ≥ ‖f_r(T*) − f_r(0)‖_X − (⟨f_c, ψ⟩_X − ⟨g_c, ψ⟩_X)/‖ψ‖_X,
 *   reported with its standard error and, conservatively, minus two standard errors and the
 *   deterministic error.
 * - A second, sharper bound with ψ₂ = f_b(T*) + Δ̃, Δ̃ = (e^{−Λ₀} − 1) f_r(0) (the approximate
 *   difference f_a(T*) − g_a(T*) under the reduction; a legitimate test function):
 *     ‖f(T*) − g(T*)‖_X ≥ ⟨f(T*) − g(T*), ψ₂⟩_X/‖ψ₂‖_X,
 *     ⟨f(T*) − g(T*), ψ₂⟩_X ≥ ‖f_b‖² + ‖Δ̃‖² − err·‖Δ̃‖ + ⟨f_c − g_c, f_b(T*)⟩_X − (‖Δ̃‖/‖f_r(0)‖)⟨f_c − g_c, f_r(0)⟩_X
 *   (⟨f_b, f_r⟩_X = 0; ⟨Δ_r, Δ̃⟩ ≥ ‖Δ̃‖² − ‖Δ_r − Δ̃‖‖Δ̃‖ with ‖Δ_r − Δ̃‖ ≤ coreNorm's error; ‖f_b‖ at the
 *   lower end of its bracket); ⟨g_c, f_b⟩_X = 0 (g_c lives in |v| < 1/N, outside every bump).
 *   `finalLowerBound` is the larger of the two bounds.
 * - Separation of the exact solutions at this M: `separates` when the conservative lower bound of
 *   the final distance exceeds the upper end of the initial distance, else `inconclusive` (a lower
 *   bound that does not exceed it decides nothing).
 */
import type { Beam } from "../../../construction/beam/beam.ts";
import { beamSobolevNorm } from "../../../construction/beam/beam-norm.ts";
import { coreNorm } from "../../../construction/core/core-norm.ts";
import type { ExactMerged, ValueError } from "./exact-run.ts";

/** The exact-solution picture at one M (see the file comment). */
export interface ExactTheoremRow {
  readonly M: number;
  readonly Tstar: number;
  readonly initialDistance: ValueError;
  readonly approximateFinalDistance: ValueError;
  /** ‖f_r(0)‖_X and ‖f_r(T*) − f_r(0)‖_X. */
  readonly coreNorm: ValueError;
  readonly coreDeflation: ValueError;
  /** ⟨f_c(T*), f_b(T*)⟩_X (null: f was not run). */
  readonly beamPairingF: ValueError | null;
  /** ⟨f_c(T*), f_r(0)⟩_X and ⟨g_c(T*), f_r(0)⟩_X (null: that solution was not run). */
  readonly pairingF: ValueError | null;
  readonly pairingG: ValueError | null;
  /** The lower bound of ‖f(T*) − g(T*)‖_X (value ± standard error; null without both solutions). */
  readonly finalLowerBound: ValueError | null;
  /** finalLowerBound − 2 standard errors − the deterministic error. */
  readonly finalLowerBoundConservative: number | null;
  readonly separation: "separates" | "inconclusive";
  readonly reason: string;
}

/** Combine the merged runs of f_c and g_c (either may be absent) into the theorem's row. */
export function exactTheoremRow(
  beam: Beam,
  f: ExactMerged | null,
  g: ExactMerged | null,
): ExactTheoremRow {
  const { M, Tstar, s0 } = beam.params;
  const init = beamSobolevNorm(beam, s0, "none");
  const c0 = coreNorm(beam, 0, { weighted: false, subtract: 0 }).norm;
  const dr = coreNorm(beam, Tstar, { weighted: false, subtract: 1 }).norm;
  const approx = Math.hypot(init.value, dr.value);
  const approxErr = (init.value * init.error + dr.value * dr.error) / approx;
  const last = (m: ExactMerged | null): ValueError | null =>
    m === null ? null : m.points[m.points.length - 1].corePairing;
  const pf = last(f);
  const pg = last(g);
  let lb: ValueError | null = null;
  let cons: number | null = null;
  let separation: "separates" | "inconclusive" = "inconclusive";
  let reason: string;
  const bf = f === null ? null : f.points[f.points.length - 1].beamPairing;
  if (pf === null || pg === null || bf === null) {
    reason = "the lower bound needs both corrections (--solution both)";
  } else {
    const P = pf.value - pg.value;
    const se1 = Math.hypot(pf.error, pg.error) / c0.value;
    const lb1 = dr.value - P / c0.value;
    const cons1 = lb1 - 2 * se1 - (2 * dr.error + (dr.value * c0.error) / c0.value);
    // ψ₂ = f_b(T*) + Δ̃
    const a = Math.max(0, init.value - init.error);
    const d = dr.value;
    const n2 = Math.sqrt(a * a + d * d);
    const num = a * a + d * d - dr.error * d + bf.value - (d / c0.value) * P;
    const se2 = Math.hypot(bf.error, (d / c0.value) * Math.hypot(pf.error, pg.error)) / n2;
    const lb2 = num / n2;
    const cons2 = lb2 - 2 * se2;
    const useSecond = cons2 >= cons1;
    lb = useSecond ? { value: lb2, error: se2 } : { value: lb1, error: se1 };
    cons = Math.max(cons1, cons2);
    if (Number.isNaN(se1) || Number.isNaN(se2)) cons = Number.NEGATIVE_INFINITY;
    const initHi = init.value + init.error;
    if (cons > initHi) {
      separation = "separates";
      reason = `final ≥ ${cons.toExponential(3)} > initial ≤ ${initHi.toExponential(3)}`;
    } else {
      reason = `final ≥ ${cons.toExponential(3)} does not exceed initial ${initHi.toExponential(3)}`;
    }
  }
  return {
    M,
    Tstar,
    initialDistance: { value: init.value, error: init.error },
    approximateFinalDistance: { value: approx, error: approxErr },
    coreNorm: { value: c0.value, error: c0.error },
    coreDeflation: { value: dr.value, error: dr.error },
    beamPairingF: bf,
    pairingF: pf,
    pairingG: pg,
    finalLowerBound: lb,
    finalLowerBoundConservative: cons,
    separation,
    reason,
  };
}
