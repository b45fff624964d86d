import type { Beam } from "../../construction/beam/beam.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { coreDecay, coreWeightSpread } from "../../construction/core/core-decay.ts";
import { transportConstants } from "../../construction/geometry/cutoff-constants.ts";
import { estimate } from "../../math/estimate.ts";
import type {
  DuhamelWindow,
  ErrorTermMeasure,
  PaperBound,
  TermMeasurement,
  ZPart,
} from "./error-term.ts";
import { zPartPrefactor } from "./error-term.ts";

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
function transportReduced(
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

/**
 * The paper's bound for v·∇x f_r in one part (Lemma 4.3). L² parts: (4.12) gives
 * ‖∇x(v·∇x f_r)‖ ≲ N⁻¹M^{2−s0}, times T* and the part's prefactor M^{s0−1}: T*·M·N⁻¹ = M^{s−p} ln ln M
 * (the L² part "analogously" from (2.41): M^{s0}·T*·N⁻¹M^{1−s0}, the same power); the lemma states
 * ≲ N^{−1/2} = M^{−p/2}. L^∞ parts: the chain before (4.15) gives ‖∇x(v·∇x f_r)‖ ≲ N^{−5/2}M^{7/2−s0},
 * times T* and the part's prefactor M⁻¹: M^{s+3/2−s0−5p/2} ln ln M (the L^∞ part "in a similar way":
 * T*·N^{−5/2}M^{5/2−s0}, the same power). (4.15) as printed, T*N^{−5/2}M^{7/2−s0}, drops the M⁻¹
 * (exponent s + 5/2 − s0 − 5p/2); the lemma states ≲ N⁻¹ = M^{−p}.
 */
export function transportPaperBound(part: ZPart, s: number, s0: number, p: number): PaperBound {
  if (part === "L2" || part === "gradL2") {
    return {
      exponent: s - p,
      logFactor: "lnlnM",
      text: `T*·M·N⁻¹ = M^{s−p} ln ln M (proof's chain with the part's prefactor); Lemma 4.3 states ≲ N^{−1/2} = M^{${(-p / 2).toString()}} (and M^{−δ})`,
      source:
        part === "gradL2"
          ? "Lemma 4.3, (4.12) and the display after it"
          : "Lemma 4.3, (4.12) 'analogously' with (2.41)",
    };
  }
  return {
    exponent: s + 1.5 - s0 - 2.5 * p,
    logFactor: "lnlnM",
    text: `T*·N^{−5/2}M^{5/2−s0} = M^{s+3/2−s0−5p/2} ln ln M (chain before (4.15) with the part's prefactor; (4.15) as printed drops the M⁻¹: M^{s+5/2−s0−5p/2}); Lemma 4.3 states ≲ N⁻¹ = M^{${-p}} (and M^{−δ})`,
    source: part === "gradLinf" ? "Lemma 4.3, (4.15)" : "Lemma 4.3, (4.15) 'in a similar way'",
  };
}

function transportMeasure(part: ZPart): ErrorTermMeasure {
  return {
    term: "v.grad(fr)",
    part,
    paper: (s, s0, p) => transportPaperBound(part, s, s0, p),
    measure(beam: Beam, window: DuhamelWindow): TermMeasurement {
      const r = transportReduced(beam, part, window);
      const unit = Math.exp(r.logUnit);
      const value = estimate(
        r.main * unit,
        r.error * unit,
        "derived",
        `reduction of f_r to Λ(τ,0,0) with explicit bounds (Δ, |∇Λ|, |∇²Λ|, shift ε = 100M T* / N); separable radial integrals; Duhamel τ-integral of e^{−Λ₀} by Gauss–Legendre 32 (vs 16)`,
      );
      return {
        value,
        window,
        where: {
          reduction: "f_r ≈ Amp e^{−Λ(τ,0,0)} χ(100Mx) χ(Nv)",
          integralOfDecay: r.IE,
          sup:
            part === "Linf" || part === "gradLinf"
              ? "exact: X̂ ∥ V at the maximizer of the profile factor"
              : undefined,
          prefactor: zPartPrefactor(part, beam.params.M, beam.params.s0),
        },
      };
    },
  };
}

/** v·∇x f_r in the four parts. */
export const TRANSPORT_MEASURES: readonly ErrorTermMeasure[] = (
  ["L2", "gradL2", "Linf", "gradLinf"] as const
).map(transportMeasure);
