import type { Beam } from "../../construction/beam/beam.ts";
import { coreCoreConstants } from "../../construction/core/core-core-profiles.ts";
import { coreWeightSpread } from "../../construction/core/core-decay.ts";
import {
  type Bracket,
  coreCoreFrozenBracket,
  transportFrozenBracket,
} from "../../construction/core/frozen-core-brackets.ts";
import { estimate } from "../../math/estimate.ts";
import {
  type DuhamelWindow,
  type GErrTermId,
  type GErrTermMeasure,
  type PaperBound,
  type TermMeasurement,
  Z_PARTS,
  type ZPart,
  zPartPrefactor,
} from "./error-term.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";
import { transportPaperBound } from "./transport-measures.ts";

/**
 * The error G_err of the second approximate solution g_a ≡ f_r(0) of Section 5, (5.2), in the
 * error table: each of v·∇x f_r(0), Q⁻(f_r(0), f_r(0)), Q⁺(f_r(0), f_r(0)) in the four Z-norm parts
 * (5.12), as the midpoint ± half-width of an exact bracket times the weight ⟨v⟩e^{⟨v⟩²}. The
 * brackets and their derivation are construction/core/frozen-core-brackets.ts; the paper's bounds
 * are the chains of Lemma 4.3 (`transportPaperBound`) and Lemma 4.4 (`lemma44Bound`).
 */

/** The bracket times the weight ⟨v⟩e^{⟨v⟩²} ∈ [e, e(1 + w)] on |v| ≤ vmax/N, as an Estimate. */
function weighted(
  beam: Beam,
  part: ZPart,
  b: Bracket,
  vmax: number,
  method: string,
  window: DuhamelWindow,
): TermMeasurement {
  const wRel = coreWeightSpread(beam.params.lnN - Math.log(vmax));
  const unit = Math.exp(1 + b.logUnit);
  const lo = b.lo * unit;
  const hi = b.hi * (1 + wRel) * (1 + b.rel) * unit;
  return {
    value: estimate(0.5 * (lo + hi), 0.5 * (hi - lo) + 1e-15 * hi, "derived", method),
    window,
    where: {
      ...b.where,
      bracket: [lo, hi],
      prefactor: zPartPrefactor(part, beam.params.M, beam.params.s0),
    },
  };
}

// ─── the measures ────────────────────────────────────────────────────────────────────────────────

/** The paper's bound for a G_err term × part: (5.12) M^{−δ}, with the explicit chain of Lemma 4.3/4.4. */
export function gErrPaperBound(
  term: GErrTermId,
  part: ZPart,
  s: number,
  s0: number,
  p: number,
): PaperBound {
  const base =
    term === "v.grad(fr0)" ? transportPaperBound(part, s, s0, p) : lemma44Bound(s, s0, p);
  return {
    exponent: base.exponent,
    logFactor: base.logFactor,
    text: `(5.12) states ≲ M^{−δ}; the proof repeats ${term === "v.grad(fr0)" ? "Lemma 4.3" : "Lemma 4.4"} with f_r(0): ${base.text}`,
    source: `(5.12) via ${base.source}`,
  };
}

function gErrMeasure(term: GErrTermId, part: ZPart): GErrTermMeasure {
  return {
    term,
    part,
    paper: (s, s0, p) => gErrPaperBound(term, part, s, s0, p),
    measure(beam: Beam, window: DuhamelWindow): TermMeasurement {
      if (term === "v.grad(fr0)") {
        return weighted(
          beam,
          part,
          transportFrozenBracket(beam, part, window),
          1,
          "exact Duhamel integral f_r(0)(x) − f_r(0)(x − (t−t0)v); norms bracketed by first-order Taylor (upper end exact by Minkowski / mean value) with explicit second-order remainders; radial integrals by Gauss–Legendre 200 (vs 100)",
          window,
        );
      }
      const sign = term === "Q-(fr0,fr0)" ? "-" : "+";
      const b = coreCoreFrozenBracket(beam, sign, part, window);
      return weighted(
        beam,
        part,
        b,
        coreCoreConstants(beam.cutoff, sign).Vmax,
        `Q${sign}(f_r(0), f_r(0)) separable (Λ(0) = 0); ${sign === "-" ? "c⁻ = 2πχ a" : "c⁺ = Q⁺(χ,χ) by the radial Carleman formula"} (core-core-terms.ts); transport shift ≤ σ bracketed (Minkowski / Lipschitz)`,
        window,
      );
    },
  };
}

/** Every G_err term × part (12 measures). */
export const G_ERR_MEASURES: readonly GErrTermMeasure[] = (
  ["v.grad(fr0)", "Q-(fr0,fr0)", "Q+(fr0,fr0)"] as const
).flatMap((term) => Z_PARTS.map((part) => gErrMeasure(term, part)));

/** The measure of a G_err term × part. */
export function findGErrMeasure(term: GErrTermId, part: ZPart): GErrTermMeasure | undefined {
  return G_ERR_MEASURES.find((m) => m.term === term && m.part === part);
}
