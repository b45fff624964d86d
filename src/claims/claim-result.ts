import type { Variant } from "../construction/parameters/variant.ts";
import type { Estimate } from "../math/estimate.ts";
import type { PowerFit } from "../math/power-fit.ts";
import type { Verdict } from "./verdict.ts";

export { VARIANTS, type Variant } from "../construction/parameters/variant.ts";

/** One measured value of a claim at one M (and possibly one k or t). */
export interface Measurement {
  readonly M: number;
  /** The measured quantity (left side of the statement). */
  readonly value: Estimate;
  /** The paper's right side without its implied constant (e.g. M^{1−s}); null for explicit claims. */
  readonly prediction: number | null;
  /** Where the measurement was taken (point, indices, time), for counterexamples and reproduction. */
  readonly where?: Record<string, unknown>;
}

/** The result of checking one statement of the paper for one cutoff and one variant. */
export interface ClaimResult {
  /** The paper's equation number, e.g. "2.12"; sub-cases carry a suffix, e.g. "2.11/k=1". */
  readonly id: string;
  readonly title: string;
  /** The statement in words/LaTeX-ish plain text. */
  readonly statement: string;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly verdict: Verdict;
  /** Why this verdict: what was tested, the fit, or the counterexample. */
  readonly reason: string;
  readonly measurements: readonly Measurement[];
  /** For asymptotic claims: the paper's exponent and the fit, both in the variable `variable`. */
  readonly paperExponent?: number;
  /** The variable the exponent refers to: M (default) or ln M (statements like (ln M)^{−1}). */
  readonly variable?: "M" | "lnM";
  readonly fit?: PowerFit;
  readonly impliedConstant?: { min: number; max: number };
  /** For violations: the counterexample (point, indices, numbers). */
  readonly counterexample?: Record<string, unknown>;
  /** Short description of the method and how the sampling was steered. */
  readonly method: string;
}
