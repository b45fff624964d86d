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
 * - The weighted norms of Theorem 1.1 (`weighted`; ω = e^{⟨v⟩²}, ⟨v⟩² = 1 + |v|², X_ω = ‖ω·‖_X). The
 *   weight e^{(1−κt)⟨v⟩²} of (5.5)/(5.6) is 1 at t = T* (κT* = 1, (6.2)), so the final distance in
 *   it is the unweighted one above. The theorem's initial distance is ‖e^{⟨v⟩²}f_b(0)‖_X, exact
 *   ({@link beamSobolevNorm}). A lower bound of the final ‖e^{⟨v⟩²}(f − g)(T*)‖_X, with
 *   D = f(T*) − g(T*): ω depends on v only, and f_b lives in |v| ≥ e·v > a = 1 − 1/α (the bump's
 *   axial support, {@link bumpAxialRange}), f_r(0) in |v| < 1/N < a, so over these disjoint regions
 *     ‖ωD‖²_X ≥ e^{2(1+a²)}‖D 1_{|v|>a}‖²_X + e²‖D 1_{|v|<1/N}‖²_X
 *             ≥ e^{2(1+a²)}(⟨D, f_b(T*)⟩_X/‖f_b‖_X)² + e²(⟨D, f_r(0)⟩_X/‖f_r(0)‖_X)²
 *   (Cauchy–Schwarz in each region), ⟨D, f_b(T*)⟩_X = ‖f_b‖²_X + ⟨f_c, f_b(T*)⟩_X (⟨f_r, f_b⟩ =
 *   ⟨g_c, f_b⟩ = 0 by disjoint velocity supports) and |⟨D, f_r(0)⟩_X|/‖f_r(0)‖_X ≥ the first bound
 *   above. No assumption beyond the particles' standard errors; it uses the weight's smallest value on
 *   each region, so it lies below ‖e^{⟨v⟩²}(f_a − g_a)(T*)‖_X by at most e^{u²−a²} on the beam
 *   (u the largest bump speed).
 */
import type { Beam } from "../../../construction/beam/beam.ts";
import { beamSobolevNorm } from "../../../construction/beam/beam-norm.ts";
import { coreNorm } from "../../../construction/core/core-norm.ts";
import { bumpAxialRange } from "../../../construction/geometry/velocity-bumps.ts";
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
  /** The distances in the weighted norm ‖e^{⟨v⟩²}·‖_X of Theorem 1.1 (see the file comment). */
  readonly weighted: ExactWeightedDistances;
}

/** Theorem 1.1's distances with the velocity weight e^{⟨v⟩²} (file comment). */
export interface ExactWeightedDistances {
  readonly weight: "e^{<v>^2}";
  /** ‖e^{⟨v⟩²}(f(0) − g(0))‖_X = ‖e^{⟨v⟩²}f_b(0)‖_X, exact (the theorem's initial distance). */
  readonly initialDistance: ValueError;
  /** ‖e^{⟨v⟩²}(f_a − g_a)(T*)‖_X = (‖e^{⟨v⟩²}f_b‖² + ‖e^{⟨v⟩²}(f_r(T*) − f_r(0))‖²)^{1/2}. */
  readonly approximateFinalDistance: ValueError;
  /** a = 1 − 1/α: every bump's velocities have |v| > a. */
  readonly beamSpeedFloor: number;
  /** Lower bound of ‖e^{⟨v⟩²}(f − g)(T*)‖_X (value ± standard error; null without both solutions). */
  readonly finalLowerBound: ValueError | null;
  /** Each region's part less two standard errors (and the core part's deterministic error). */
  readonly finalLowerBoundConservative: number | null;
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
  // the weighted distances (file comment)
  const beamSpeedFloor = bumpAxialRange(beam.bump)[0];
  const wInit = beamSobolevNorm(beam, s0, "gaussian");
  const wDr = coreNorm(beam, Tstar, { weighted: true, subtract: 1 }).norm;
  const wApprox = Math.hypot(wInit.value, wDr.value);
  let wLb: ValueError | null = null;
  let wCons: number | null = null;
  if (pf === null || pg === null || bf === null) {
    reason = "the lower bound needs both corrections (--solution both)";
  } else {
    const P = pf.value - pg.value;
    const se1 = Math.hypot(pf.error, pg.error) / c0.value;
    const lb1 = dr.value - P / c0.value;
    const det1 = 2 * dr.error + (dr.value * c0.error) / c0.value;
    const cons1 = lb1 - 2 * se1 - det1;
    {
      // beam region |v| > a: ⟨D, f_b⟩/‖f_b‖ = ‖f_b‖ + ⟨f_c, f_b⟩/‖f_b‖, increasing in ‖f_b‖ while
      // |⟨f_c, f_b⟩| < ‖f_b‖², so the lower end of ‖f_b‖ gives a lower bound
      const nb = Math.max(0, init.value - init.error);
      const b = nb > 0 ? nb + bf.value / nb : 0;
      const seB = nb > 0 ? bf.error / nb : Number.NaN;
      const wb = Math.exp(1 + beamSpeedFloor * beamSpeedFloor);
      const wc = Math.E;
      const bp = Math.max(0, b);
      const cp = Math.max(0, lb1);
      const v = Math.hypot(wb * bp, wc * cp);
      const se = v > 0 ? Math.hypot(wb * wb * bp * seB, wc * wc * cp * se1) / v : 0;
      wLb = { value: v, error: se };
      wCons = Math.hypot(wb * Math.max(0, b - 2 * seB), wc * Math.max(0, cons1));
      if (Number.isNaN(se)) wCons = Number.NEGATIVE_INFINITY;
    }
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
    weighted: {
      weight: "e^{<v>^2}",
      initialDistance: { value: wInit.value, error: wInit.error },
      approximateFinalDistance: {
        value: wApprox,
        error: (wInit.value * wInit.error + wDr.value * wDr.error) / wApprox,
      },
      beamSpeedFloor,
      finalLowerBound: wLb,
      finalLowerBoundConservative: wCons,
    },
  };
}
