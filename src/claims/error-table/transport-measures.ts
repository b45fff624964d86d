import type { Beam } from "../../construction/beam/beam.ts";
import { transportReduced } from "../../construction/core/core-transport.ts";
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
 * The transport term v·∇x f_r of (4.1) in the four Z-norm parts (Lemma 4.3): the paper's bound and
 * the error-table measure; the reduction of the term for one window (main value, error, unit) is
 * construction/core/core-transport.ts.
 */

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
