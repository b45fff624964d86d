import type { PaperBound } from "./error-term.ts";

/**
 * Lemma 4.4: T* M^{1−s} N⁻¹ ≲ (ln ln M) N⁻¹ for every term and part, from (4.16)–(4.19) and
 * (3.5)–(3.6).
 */
export function lemma44Bound(_s: number, _s0: number, p: number): PaperBound {
  return {
    exponent: -p,
    logFactor: "lnlnM",
    text: `T* M^{1−s} N⁻¹ = (ln ln M) N⁻¹ = M^{${-p}} ln ln M (Lemma 4.4 states M^{−δ})`,
    source: "Lemma 4.4 (proof, with (4.16)–(4.19))",
  };
}
