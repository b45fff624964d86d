/**
 * A residual source −R = Σ_i S_i assembled term by term. Each term proposes points at a rate
 * `rate(t0, t1)` (an upper bound of the mass per unit time of the points it can return) and
 * returns one signed point per accepted proposal, labelled by the named part of F_err it samples
 * (e.g. a pair event of Q(f_b, f_b) returns a point of Q⁺(f_b,f_b) or of −Q⁻(f_b,f_b)). The sum is
 * a {@link ResidualSource}: proposals at the total rate, each handed to term i with probability
 * rate_i/Σ rate, so E Σ w φ = Σ_i ∫∫∫ S_i φ exactly.
 *
 * {@link termMassRates} estimates, at one time t, the mass rate ∫∫|S_i,ℓ|(t, x, v) dx dv of every
 * label ℓ by the same proposals (rate × acceptance frequency, binomial standard error): the total
 * variation of each part of F_err, reported beside the error table.
 */
import type { Normal } from "../../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../../math/sampling/uniform-stream.ts";
import type { ResidualSource } from "../background.ts";

/** One term of a residual source (see the file comment). */
export interface SourceTerm {
  /** The term, e.g. "Q(fb,fb)" or "-v.grad(fr)". */
  readonly name: string;
  /** Names of the parts of F_err its points represent (label index + 1 is returned by `propose`). */
  readonly labels: readonly string[];
  /** Proposal rate on [t0, t1] (≥ the mass rate of the points returned, for every t there). */
  rate(t0: number, t1: number): number;
  /**
   * Draw t ∈ [t0, t1] and a point; write (t, x0, x1, x2, v0, v1, v2) into out and return
   * ±(1 + label index) (the sign of the point), or 0 to reject.
   */
  propose(t0: number, t1: number, rand: Uniform, normal: Normal, out: Float64Array): number;
}

/** A residual source assembled from terms, keeping them for the report. */
export interface TermedSource extends ResidualSource {
  readonly terms: readonly SourceTerm[];
}

/** The sum of the terms as a {@link ResidualSource}. */
export function termedSource(terms: readonly SourceTerm[]): TermedSource {
  const rates = new Float64Array(terms.length);
  let lastT0 = Number.NaN;
  let lastT1 = Number.NaN;
  let total = 0;
  const fill = (t0: number, t1: number) => {
    if (t0 === lastT0 && t1 === lastT1) return;
    total = 0;
    for (let i = 0; i < terms.length; i++) {
      rates[i] = terms[i].rate(t0, t1);
      total += rates[i];
    }
    lastT0 = t0;
    lastT1 = t1;
  };
  return {
    terms,
    bound(t0, t1) {
      fill(t0, t1);
      return total;
    },
    sample(t0, t1, rand, normal, out) {
      fill(t0, t1);
      let r = rand() * total;
      let i = 0;
      while (i < terms.length - 1 && r >= rates[i]) {
        r -= rates[i];
        i++;
      }
      return Math.sign(terms[i].propose(t0, t1, rand, normal, out));
    },
  };
}

/** The mass rate of one labelled part at one time, with its Monte Carlo standard error. */
export interface MassRate {
  readonly term: string;
  readonly label: string;
  /** ∫∫ |S_ℓ|(t, x, v) dx dv. */
  readonly value: number;
  readonly error: number;
  readonly proposals: number;
  readonly accepted: number;
}

const scratch = new Float64Array(7);

/**
 * ∫∫|S_ℓ|(t) for every label of a term, from `proposals` proposals at the instant t:
 * value = rate·k_ℓ/n, error = rate·√(max(k_ℓ, 1)(1 − k_ℓ/n))/n (binomial; with no accepted
 * proposal the error is rate/n, the scale below which the rate is not resolved, never 0).
 */
export function termMassRates(
  term: SourceTerm,
  t: number,
  proposals: number,
  rand: Uniform,
  normal: Normal,
): MassRate[] {
  const k = new Float64Array(term.labels.length);
  for (let i = 0; i < proposals; i++) {
    const r = term.propose(t, t, rand, normal, scratch);
    if (r !== 0) k[Math.abs(r) - 1]++;
  }
  const rate = term.rate(t, t);
  return term.labels.map((label, i) => ({
    term: term.name,
    label,
    value: (rate * k[i]) / proposals,
    error: (rate * Math.sqrt(Math.max(k[i], 1) * (1 - k[i] / proposals))) / proposals,
    proposals,
    accepted: k[i],
  }));
}
