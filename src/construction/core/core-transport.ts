import type { ZPart } from "../../kinetic/z-parts.ts";
import type { Beam } from "../beam/beam.ts";
import { transportConstants } from "../geometry/cutoff-constants.ts";
import type { DuhamelWindow } from "../parameters/duhamel-window.ts";
import { coreLogAmplitude } from "./core.ts";
import { coreDecay, coreWeightSpread } from "./core-decay.ts";

/**
 * The transport term v·∇x f_r of (4.1) in the four Z-norm parts (Lemma 4.3), measured with the
 * reduction of the core f_r of construction/core/core-decay.ts (Λ₀, E = e^{−Λ₀} and the bounds
 * Δ, D, HΛ).
 *
 * Transport term. With X = 100M x, V = N v the Duhamel integrand evaluated along the characteristic,
 * (v·∇x f_r)(τ, x − (t−τ)v, v), is Amp (100M/N) χ(V) e^{−Λ}[V·∇Φ(Y) − Φ(Y) V·∇Λ/(100M)],
 * Φ = φ(|·|), Y = X − s(τ)V, s(τ) = 100M(t−τ)/N ≤ ε = 100M T* / N. Main part
 *   Amp (100M/N) χ(V) (V·∇Φ(X)) ∫_{t0}^{t} E(τ) dτ,
 * and the shift Y − X (at most ε|V|) is bounded with the Lipschitz constants H (for ∇Φ) and T3 (for
 * ∇²Φ). The norms of the main part are separable radial integrals:
 *   L²:      ‖χ(V) V·∇Φ(X)‖ = (⅓ ∫χ²|V|² · ∫φ'(|X|)²)^{1/2}
 *   ∇ L²:    ‖χ(V) ∇²Φ(X)V‖ = (⅓ ∫χ²|V|² · ∫(φ''² + 2(φ'/r)²))^{1/2}
 *   L^∞_x:   sup_X |V·∇Φ(X)| = |V| max|φ'|   (attained with X̂ ∥ V at the maximizer of |φ'|)
 *   ∇ L^∞_x: sup_X |∇²Φ(X)V| = |V| max_r max(|φ''|, |φ'/r|)   (X̂ ∥ V or X̂ ⊥ V)
 * so the sups over x are exact (not sampled). The weight ⟨v⟩e^{⟨v⟩²} lies in [e, e(1 + 2N⁻²)] on
 * |v| ≤ 1/N. The Duhamel integral in τ is a Gauss–Legendre quadrature of E (16 and 32 nodes).
 */

/** What the measure of one part needs from one window: main value and absolute error, in units of `unit`. */
interface Reduced {
  readonly main: number;
  readonly error: number;
}

/**
 * The transport quantity for one part and window, as (main, error) in units of
 * prefactor × e × Amp (100M/N) × (part scaling); see the module comment for each line.
 */
export function transportReduced(
  beam: Beam,
  part: ZPart,
  w: DuhamelWindow,
): Reduced & { logUnit: number; IE: number } {
  const { M, s0, lnN } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const dec = coreDecay(beam);
  const c = transportConstants(beam.cutoff);
  const lnM = Math.log(M);
  const ln100M = Math.log(coreR * M);
  const eps = Math.exp(ln100M + Math.log(dec.Tstar) - lnN);
  const IE = dec.integrate(w.t0, w.t, (_t, E) => E);
  const IEd = dec.integrate(w.t0, w.t, (t, E) => E * Math.expm1(dec.delta(t)));
  const IED = dec.integrate(w.t0, w.t, (t, E) => E * Math.exp(dec.delta(t)) * dec.gradBound(t));
  const IEH = dec.integrate(w.t0, w.t, (t, E) => {
    const D = dec.gradBound(t);
    return E * Math.exp(dec.delta(t)) * (dec.hessBound(t) + D * D);
  });
  const inv = 1 / (coreR * M);
  const volShift = Math.sqrt((4 / 3) * Math.PI * (1 + eps) ** 3);
  // log of e · Amp · 100M / N
  const logBase = 1 + coreLogAmplitude(beam) + ln100M - lnN;
  let main: number;
  let err: number;
  let logUnit: number;
  switch (part) {
    case "L2": {
      main = IE.value * Math.sqrt((c.chi2v2 * c.P1) / 3);
      err =
        IE.error * Math.sqrt((c.chi2v2 * c.P1) / 3) +
        IE.value * c.H * eps * Math.sqrt(c.chi2v4) * volShift +
        Math.sqrt(c.chi2v2) * (IEd.value * Math.sqrt(c.P1) + IED.value * inv * Math.sqrt(c.P0));
      logUnit = s0 * lnM + logBase - 1.5 * ln100M - 1.5 * lnN;
      break;
    }
    case "gradL2": {
      main = IE.value * Math.sqrt((c.chi2v2 * c.P2) / 3);
      err =
        IE.error * Math.sqrt((c.chi2v2 * c.P2) / 3) +
        IE.value * Math.sqrt(3) * c.T3 * eps * Math.sqrt(c.chi2v4) * volShift +
        Math.sqrt(c.chi2v2) *
          (IEd.value * Math.sqrt(c.P2) +
            2 * IED.value * inv * Math.sqrt(c.P1) +
            IEH.value * inv * inv * Math.sqrt(c.P0));
      logUnit = (s0 - 1) * lnM + logBase + ln100M - 1.5 * ln100M - 1.5 * lnN;
      break;
    }
    case "Linf": {
      main = IE.value * c.d1 * c.chiv1;
      err =
        IE.error * c.d1 * c.chiv1 +
        IE.value * c.H * eps * c.chiv2 +
        c.chiv1 * (IEd.value * c.d1 + IED.value * inv);
      logUnit = logBase - 3 * lnN;
      break;
    }
    case "gradLinf": {
      main = IE.value * c.H * c.chiv1;
      err =
        IE.error * c.H * c.chiv1 +
        IE.value * c.T3 * eps * c.chiv2 +
        c.chiv1 * (IEd.value * c.H + 2 * IED.value * c.d1 * inv + IEH.value * inv * inv);
      logUnit = -lnM + logBase + ln100M - 3 * lnN;
      break;
    }
  }
  const wRel = coreWeightSpread(lnN);
  const error = err + main * (wRel + 4 * c.relErr) + IEd.error + IED.error + IEH.error;
  return { main, error, logUnit, IE: IE.value };
}
