import type { ZPart } from "../../kinetic/z-parts.ts";
import type { Beam } from "../beam/beam.ts";
import { transportConstants } from "../geometry/cutoff-constants.ts";
import type { DuhamelWindow } from "../parameters/duhamel-window.ts";
import { coreLogAmplitude } from "./core.ts";
import { coreCoreConstants, squareConstants } from "./core-core-profiles.ts";

/**
 * The error G_err of the second approximate solution g_a ≡ f_r(0) of Section 5, (5.2):
 *   G_err = ∂_t g_a + v·∇x g_a + Q⁻(g_a,g_a) − Q⁺(g_a,g_a)
 *         = v·∇x f_r(0) + Q⁻(f_r(0), f_r(0)) − Q⁺(f_r(0), f_r(0)),
 * each term in the four Z-norm parts (3.3) as a Duhamel quantity (5.12)
 *   prefactor × ‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} F dτ‖_part.
 * The core is frozen: f_r(0)(y, u) = Amp χ(100My) χ(Nu), Amp = M^{3/2−s0}N^{3/2}, Λ(0) = 0 exactly,
 * so (unlike F_err's f_r(τ)) nothing depends on τ except the transport shift. With X = 100Mx,
 * V = Nv, Φ = φ(|·|), Δt = t − t0 and σ = 100M Δt / N (the shift per unit |V| over the window):
 *
 * v·∇x f_r(0): the Duhamel integral is exact,
 *   ∫_{t0}^{t} e^{−(t−τ)v·∇x}(v·∇x g) dτ = g(x) − g(x − Δt v) = Amp χ(V)[Φ(X) − Φ(X − σV)].
 * Its norms are bracketed with a = σV, d = |a| (P1 = ∫|∇Φ|², P2 = ∫|∇²Φ|²_F, d1 = max|φ'|,
 * H = max_r max(|φ''|, |φ'/r|) = sup‖∇²Φ‖_op, T3 a bound of ∇³Φ; construction/geometry/cutoff-constants.ts):
 *   ‖Φ − Φ(·−a)‖_{L²} ∈ [d√(P1/3) − ½d²√P2, d√(P1/3)]   (upper: Φ − Φ(·−a) = ∫_0^1 a·∇Φ(· − θa)dθ and
 *     Minkowski; ‖a·∇Φ‖ = d√(P1/3) by isotropy; lower: Taylor remainder ≤ ½ aᵀ∇²Φ a),
 *   ‖∇Φ − ∇Φ(·−a)‖_{L²} ∈ [d√(P2/3) − ½d²√3 T3 √(4π/3), d√(P2/3)],
 *   sup_X|Φ(X) − Φ(X−a)| ∈ [d d1 − ½d² H, d d1]   (lower at X = (r⋆ + d)â, r⋆ = argmax|φ'|),
 *   sup_X|∇Φ(X) − ∇Φ(X−a)| ∈ [d H − ½d²√3 T3, d H],
 * then integrated over V against χ(V)² (Minkowski in V for the lower L² ends) or χ(V): radial
 * constants ∫χ²|V|², ∫χ²|V|⁴, ∫χ|V|, ∫χ|V|². Sups over x are therefore exact brackets, not samples.
 *
 * Q∓(f_r(0), f_r(0)): Q∓(g,g)(y, v) = Amp² N⁻⁴ Φ(100My)² c∓(V) exactly (c⁻ = 2πχ a, c⁺ = Q⁺(χ,χ),
 * core-core-profiles.ts `coreCoreConstants`), so the Duhamel quantity is
 *   Amp² N⁻⁴ c(V) ∫_{t0}^{t} Φ²(X − s(τ)V) dτ,   s(τ) = 100M(t − τ)/N ∈ [0, σ],
 * with (n0, n1, n2 = L² norms of Φ², ∇Φ², ∇²Φ²; g2 = max|∇Φ²|, H2 = max‖∇²Φ²‖_op; Vmax the support
 * radius of c):
 *   L²_x ∈ Δt[n0 − ½σVmax n1/√3, n0],  ∇L²_x ∈ Δt[n1 − ½σVmax n2/√3, n1]  (Minkowski; shifts by
 *   ∫ s dτ = ½σΔt),  L^∞_x ∈ Δt[1 − ½σVmax g2, 1] (Φ² ≤ 1; lower at X = (σ/2)V),
 *   ∇L^∞_x ∈ Δt[g2 − ½σVmax H2, g2] (lower at X = X⋆ + (σ/2)V, |∇Φ²(X⋆)| = g2).
 * This is the Q±(f_r,f_r) measure of claims/error-table/core-core-terms.ts with e^{−Λ} ≡ 1 (Δ = |∇Λ| = 0); it is
 * written here as an exact bracket (E ≡ 1 and no e^{±Δ} leave only the transport shift, bounded
 * from both sides), with the Φ² constants of core-core-profiles.ts `squareConstants`.
 *
 * Weights: ⟨v⟩e^{⟨v⟩²} on |v| ≤ Vmax/N lies in [e, e(1 + w)], w = O(N⁻²) (`coreWeightSpread`).
 * Every value is the midpoint of its bracket; the error is the half-width plus the relative
 * quadrature errors of the radial constants, so value ± error contains the true norm.
 *
 * The paper's bounds: (5.12) states ≲ M^{−δ} "repeating the analysis of Sections 4.2–4.3", i.e. the
 * chains of Lemma 4.3 (v·∇x f_r) and Lemma 4.4 (Q±(f_r,f_r)) with f_r(0) in place of f_r(t); those
 * explicit powers are recorded (claims/error-table/transport-measures.ts `transportPaperBound`, `lemma44Bound`).
 */

/** A bracket [lo, hi] of a norm in units of e^{logUnit}. */
export interface Bracket {
  readonly lo: number;
  readonly hi: number;
  /** Relative error of the constants (quadratures), applied to hi. */
  readonly rel: number;
  readonly logUnit: number;
  readonly where: Record<string, unknown>;
}

/** ln of 100M Δt / N, the rescaled shift per unit |V| over the window. */
function logShift(beam: Beam, w: DuhamelWindow): number {
  return (
    Math.log(beam.params.constants.coreRadius * beam.params.M) +
    Math.log(w.t - w.t0) -
    beam.params.lnN
  );
}

/**
 * The bracket of prefactor × ‖e^{⟨v⟩²}[f_r(0)(x) − f_r(0)(x − Δt v)]‖_part (the exact Duhamel
 * integral of v·∇x f_r(0); module comment), before the weight ⟨v⟩e^{⟨v⟩²} ∈ [e, e(1 + w)].
 */
export function transportFrozenBracket(beam: Beam, part: ZPart, w: DuhamelWindow): Bracket {
  const { M, s0, lnN } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const c = transportConstants(beam.cutoff);
  const lnM = Math.log(M);
  const ln100M = Math.log(coreR * M);
  const lnSigma = logShift(beam, w);
  const sigma = Math.exp(lnSigma);
  const logAmp = coreLogAmplitude(beam);
  const vol = Math.sqrt((4 / 3) * Math.PI);
  // brackets in units of σ·e^{logUnit}: [main − σ·rem, main]
  let main: number;
  let rem: number;
  let logUnit: number;
  switch (part) {
    case "L2":
      main = Math.sqrt((c.P1 / 3) * c.chi2v2);
      rem = 0.5 * Math.sqrt(c.P2 * c.chi2v4);
      logUnit = s0 * lnM + logAmp - 1.5 * ln100M - 1.5 * lnN;
      break;
    case "gradL2":
      main = Math.sqrt((c.P2 / 3) * c.chi2v2);
      rem = 0.5 * Math.sqrt(3) * c.T3 * vol * Math.sqrt(c.chi2v4);
      logUnit = (s0 - 1) * lnM + ln100M + logAmp - 1.5 * ln100M - 1.5 * lnN;
      break;
    case "Linf":
      main = c.d1 * c.chiv1;
      rem = 0.5 * c.H * c.chiv2;
      logUnit = logAmp - 3 * lnN;
      break;
    case "gradLinf":
      main = c.H * c.chiv1;
      rem = 0.5 * Math.sqrt(3) * c.T3 * c.chiv2;
      logUnit = -lnM + ln100M + logAmp - 3 * lnN;
      break;
  }
  return {
    lo: Math.max(0, main - sigma * rem),
    hi: main,
    rel: 4 * c.relErr,
    logUnit: logUnit + lnSigma,
    where: {
      closedForm: "∫_{t0}^{t} e^{−(t−τ)v·∇x} v·∇x f_r(0) dτ = f_r(0)(x) − f_r(0)(x − (t−t0)v)",
      shift: sigma,
      supOverX:
        part === "Linf"
          ? "exact bracket: X = (r⋆ + σ|V|)V̂, r⋆ = argmax|φ'|"
          : part === "gradLinf"
            ? "exact bracket: at the maximizer of ‖∇²Φ(X)V̂‖"
            : undefined,
    },
  };
}

/** The bracket of prefactor × ‖e^{⟨v⟩²}∫ e^{−(t−τ)v·∇x} Q∓(f_r(0), f_r(0)) dτ‖_part (module comment). */
export function coreCoreFrozenBracket(
  beam: Beam,
  sign: "+" | "-",
  part: ZPart,
  w: DuhamelWindow,
): Bracket {
  const { M, s0, lnN } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const cc = coreCoreConstants(beam.cutoff, sign);
  const sq = squareConstants(beam.cutoff);
  const lnM = Math.log(M);
  const ln100M = Math.log(coreR * M);
  const lnSigma = logShift(beam, w);
  const shift = 0.5 * Math.exp(lnSigma) * cc.Vmax;
  const logBase = 2 * coreLogAmplitude(beam) - 4 * lnN + Math.log(w.t - w.t0);
  const r2 = Math.sqrt(cc.C2);
  let lo: number;
  let hi: number;
  let logUnit: number;
  switch (part) {
    case "L2":
      hi = r2 * sq.n0;
      lo = r2 * (sq.n0 - (shift * sq.n1) / Math.sqrt(3));
      logUnit = s0 * lnM + logBase - 1.5 * ln100M - 1.5 * lnN;
      break;
    case "gradL2":
      hi = r2 * sq.n1;
      lo = r2 * (sq.n1 - (shift * sq.n2) / Math.sqrt(3));
      logUnit = (s0 - 1) * lnM + ln100M + logBase - 1.5 * ln100M - 1.5 * lnN;
      break;
    case "Linf":
      hi = cc.C1;
      lo = cc.C1 * (1 - shift * sq.g2);
      logUnit = logBase - 3 * lnN;
      break;
    case "gradLinf":
      hi = cc.C1 * sq.g2;
      lo = cc.C1 * (sq.g2 - shift * sq.H2);
      logUnit = -lnM + ln100M + logBase - 3 * lnN;
      break;
  }
  return {
    lo: Math.max(0, lo),
    hi,
    rel: cc.relErr + sq.relErr,
    logUnit,
    where: {
      reduction: `Q${sign}(f_r(0), f_r(0)) = Amp² N⁻⁴ χ(100My)² c${sign === "-" ? "⁻" : "⁺"}(Nv) exactly (Λ(0) = 0)`,
      shift: 2 * shift,
      supOverX:
        part === "Linf"
          ? "exact bracket: X = (σ/2)V"
          : part === "gradLinf"
            ? "exact bracket: X = X⋆ + (σ/2)V, X⋆ the maximizer of |∇Φ²|"
            : undefined,
    },
  };
}
