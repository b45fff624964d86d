import type { Beam } from "../../construction/beam/beam.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { coreCoreConstants, squareConstants } from "../../construction/core/core-core-profiles.ts";
import { coreDecay, coreWeightSpread } from "../../construction/core/core-decay.ts";
import { estimate } from "../../math/estimate.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement, ZPart } from "./error-term.ts";
import { Z_PARTS } from "./error-term.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";

/**
 * The bilinear terms of Lemma 4.4 that involve the core f_r: Q⁺(f_r,f_b), Q±(f_b,f_r), Q±(f_r,f_r),
 * each in the four Z-norm parts, measured with the reduction of f_r of construction/core/core-decay.ts
 * (e^{−Λ(τ,y,u)} ∈ E(τ)[e^{−Δ}, e^{Δ}], |∇yΛ| ≤ D; every value carries these bounds in its error).
 *
 * Q±(f_r, f_r): the measures below; the profiles c± and the constants of Φ² are
 * construction/core/core-core-profiles.ts. With V = N v, X = 100M x and χ_v = χ(N·):
 *   Q⁻(f_r,f_r)(τ,y,v) = f_r(v) A[f_r](v) = Amp² e^{−Λ(y,v)} χ(100My)² χ(V) 2π N⁻⁴ ∫|W − V| e^{−Λ(y,W/N)} χ(W) dW,
 *   Q⁺(f_r,f_r)(τ,y,v) = Amp² χ(100My)² N⁻⁴ Q⁺(e^{−Λ}χ, e^{−Λ}χ)(V)   (Q⁺(g(N·),h(N·))(v) = N⁻⁴Q⁺(g,h)(Nv)),
 * both within a factor e^{±2Δ} of Amp² E² χ(100My)² N⁻⁴ c(V) with
 *   c⁻(V) = 2π χ(V) a(|V|),  a(r) = ∫|W − V| χ(W) dW = 4π∫_0^1 φ(ρ) ρ² m(r, ρ) dρ,
 *   m(r, ρ) = r + ρ²/(3r) (r ≥ ρ), ρ + r²/(3ρ) (r < ρ) (the mean of |W − V| over |W| = ρ),
 *   c⁺(V) = q(|V|) = Q⁺(χ, χ)(V), supported in |V| ≤ √2 (energy conservation).
 * q is computed in the Carleman form (collision.ts): for hard spheres
 *   Q⁺(f,g)(v) = 2 ∫ dy |y|⁻¹ f(v + y) ∫_{w ⊥ y} g(v + w) dA(w),
 * and for radial g = φ(|·|) the plane integral is P(d) = 2π ∫_d^1 φ(ρ) ρ dρ at distance d = |v·ŷ| from 0,
 * so with y = ρ ω̂, cos∠(ω̂, v) = c:
 *   q(r) = 4π ∫_{−1}^{1} dc P(r|c|) ∫_0^∞ φ(√(r² + ρ² + 2rρc)) ρ dρ
 * (Gauss–Legendre in c on [−1,0], [0,1] and in ρ on the chord of the unit ball; refined until two
 * orders agree; checked against collision.ts `gainTerm` in the tests, and ∫q = ∫c⁻ (mass)).
 * The Duhamel integrand along the characteristic has y = x − (t−τ)v, i.e. X − s(τ)V with
 * s ≤ ε = 100M T* / N; so G(x, v) = Amp² N⁻⁴ c(V) ∫_{t0}^{t} E(τ)² Φ²(X − s(τ)V) dτ (1 ± (e^{2Δ}−1)),
 * Φ² = φ(|·|)², and the norms separate: ‖c‖_{L^r_V} × norms of Φ² × ∫E² (the shift bounded by
 * ‖∇Φ²‖, ‖∇²Φ²‖ and their sups; for L² the Minkowski bound makes the upper side exact). The sup
 * over x is exact (X = 0 for Φ², the maximizer of |(φ²)'| for the gradient), not sampled.
 */

// ─── Q±(f_r, f_r) ────────────────────────────────────────────────────────────────────────────────

function coreCoreMeasure(term: "Q-(fr,fr)" | "Q+(fr,fr)", part: ZPart): ErrorTermMeasure {
  const sign = term === "Q-(fr,fr)" ? "-" : "+";
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s0, lnN } = beam.params;
      const coreR = beam.params.constants.coreRadius;
      const dec = coreDecay(beam);
      const cc = coreCoreConstants(beam.cutoff, sign);
      const sq = squareConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(coreR * M);
      const eps = Math.exp(ln100M + Math.log(dec.Tstar) - lnN) * cc.Vmax;
      const inv = 1 / (coreR * M);
      const IE2 = dec.integrate(w.t0, w.t, (_t, E) => E * E);
      const IE2d = dec.integrate(w.t0, w.t, (t, E) => E * E * Math.expm1(2 * dec.delta(t)));
      const IE2D = dec.integrate(
        w.t0,
        w.t,
        (t, E) => E * E * Math.exp(2 * dec.delta(t)) * 2 * dec.gradBound(t),
      );
      // log of e · Amp² · N⁻⁴
      const logBase = 1 + 2 * coreLogAmplitude(beam) - 4 * lnN;
      let main: number;
      let err: number;
      let logUnit: number;
      switch (part) {
        case "L2":
          main = IE2.value * sq.n0 * Math.sqrt(cc.C2);
          err = Math.sqrt(cc.C2) * (IE2.value * eps * sq.n1 + IE2d.value * sq.n0);
          logUnit = s0 * lnM + logBase - 1.5 * ln100M - 1.5 * lnN;
          break;
        case "gradL2":
          main = IE2.value * sq.n1 * Math.sqrt(cc.C2);
          err =
            Math.sqrt(cc.C2) *
            (IE2.value * eps * sq.n2 + IE2d.value * sq.n1 + IE2D.value * inv * sq.n0);
          logUnit = (s0 - 1) * lnM + logBase + ln100M - 1.5 * ln100M - 1.5 * lnN;
          break;
        case "Linf":
          main = IE2.value * (1 - 0.5 * sq.g2 * eps) * cc.C1;
          err = cc.C1 * (0.5 * IE2.value * sq.g2 * eps + IE2d.value);
          logUnit = logBase - 3 * lnN;
          break;
        case "gradLinf":
          main = IE2.value * sq.g2 * cc.C1;
          err = cc.C1 * (IE2.value * sq.H2 * eps + IE2d.value * sq.g2 + IE2D.value * inv);
          logUnit = -lnM + logBase + ln100M - 3 * lnN;
          break;
      }
      const rel = coreWeightSpread(lnN) + cc.relErr + sq.relErr + IE2.error / IE2.value;
      const unit = Math.exp(logUnit);
      return {
        value: estimate(
          main * unit,
          (err + main * rel + IE2d.error + IE2D.error) * unit,
          "derived",
          `reduction of f_r to Λ(τ,0,0) (e^{±2Δ}, |∇Λ| ≤ D, shift ≤ ${eps.toExponential(1)}); ${sign === "-" ? "c⁻ = 2πχ a, a by Gauss–Legendre" : "c⁺ = Q⁺(χ,χ) by the radial Carleman formula"}; separable norms; ∫E² by Gauss–Legendre`,
        ),
        window: w,
        where: {
          reduction: "f_r ≈ Amp e^{−Λ(τ,0,0)} χ(100Mx) χ(Nv)",
          integralOfDecaySquared: IE2.value,
          supOverX:
            part === "Linf"
              ? "exact: X = 0"
              : part === "gradLinf"
                ? "exact: maximizer of |(φ²)'|"
                : undefined,
        },
      };
    },
  };
}

/** Q⁻(f_r, f_r) and Q⁺(f_r, f_r) in the four Z-norm parts. */
export const CORE_CORE_MEASURES: readonly ErrorTermMeasure[] = (
  ["Q-(fr,fr)", "Q+(fr,fr)"] as const
).flatMap((term) => Z_PARTS.map((part) => coreCoreMeasure(term, part)));
