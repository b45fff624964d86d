import type { Beam } from "../../construction/beam/beam.ts";
import type { DuhamelWindow } from "../../construction/parameters/duhamel-window.ts";
import type { ZPart } from "../../kinetic/z-parts.ts";
import type { Estimate } from "../../math/estimate.ts";

/**
 * The shared vocabulary of the Section 4 error table: the eight terms of F_err (4.1), the four
 * parts of the Z-norm (3.3)/(4.2), the Duhamel windows (t0, t), and the paper's bound for each
 * term × part (Lemmas 4.3–4.6). Each term's measurement lives in its own file of this folder and
 * implements {@link ErrorTermMeasure}; `error-table.ts` sweeps them over M and windows.
 */

/** The eight error terms of (4.1), as used on the command line and in JSON. */
export const ERROR_TERMS = [
  "v.grad(fr)",
  "Q+(fr,fb)",
  "Q-(fb,fr)",
  "Q+(fb,fr)",
  "Q-(fr,fr)",
  "Q+(fr,fr)",
  "Q-(fb,fb)",
  "Q+(fb,fb)",
] as const;
/** One of the eight terms of F_err (4.1) (see {@link ERROR_TERMS}). */
export type ErrorTermId = (typeof ERROR_TERMS)[number];

/** A Duhamel window 0 ≤ t0 ≤ t ≤ T* (owned by the construction, whose kernels take it). */
export type { DuhamelWindow } from "../../construction/parameters/duhamel-window.ts";
export { Z_PART_LABELS, Z_PARTS, type ZPart, zPartPrefactor } from "../../kinetic/z-parts.ts";

/** Logarithmic factor accompanying a power of M in a bound. */
export type LogFactor = "none" | "lnM" | "lnlnM";

export function logFactorValue(f: LogFactor, M: number): number {
  return f === "none" ? 1 : f === "lnM" ? Math.log(M) : Math.log(Math.log(M));
}

/** The paper's bound M^{exponent}·(log factor) for one term × part, and where it comes from. */
export interface PaperBound {
  readonly exponent: number;
  readonly logFactor: LogFactor;
  /** e.g. "M^{3/2−2s} ln M". */
  readonly text: string;
  /** e.g. "Lemma 4.6, (4.50)". */
  readonly source: string;
}

/**
 * One measured entry: prefactor × ‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} F(τ) dτ‖_{part} for one
 * window. A supremum over x found by search is a lower bound: `value.lowerBound` is then true,
 * `where` says how the search was steered, and `upperBound` may bracket it from above.
 */
export interface TermMeasurement {
  readonly value: Estimate;
  /**
   * Optional rigorous upper bound of the same quantity (for entries whose `value` is a sampled
   * lower bound): the pair (value, upperBound) brackets the true norm.
   */
  readonly upperBound?: Estimate;
  readonly window: DuhamelWindow;
  readonly where?: Record<string, unknown>;
}

export interface MeasureOptions {
  /** Relative tolerance for quadratures (default chosen by the term). */
  readonly tol?: number;
  /** Seed for any sampling (reported in the method string). */
  readonly seed?: number;
}

/** How one error term is measured in one Z-norm part. */
export interface ErrorTermMeasure {
  readonly term: ErrorTermId;
  readonly part: ZPart;
  /** The bound the paper proves for this entry, for parameters (s, s0, p). */
  paper(s: number, s0: number, p: number): PaperBound;
  measure(beam: Beam, window: DuhamelWindow, options?: MeasureOptions): TermMeasurement;
}

// ─── the second solution g = g_a + g_c of Section 5 ──────────────────────────────────────────────

/**
 * The three terms of G_err (5.2) for g_a ≡ f_r(0) (∂_t g_a = 0):
 * G_err = v·∇x f_r(0) + Q⁻(f_r(0), f_r(0)) − Q⁺(f_r(0), f_r(0)). Kept apart from
 * {@link ERROR_TERMS} so that the F_err table stays its 32 entries.
 */
export const G_ERR_TERMS = ["v.grad(fr0)", "Q-(fr0,fr0)", "Q+(fr0,fr0)"] as const;
/** One of the three terms of G_err (5.2) (see {@link G_ERR_TERMS}). */
export type GErrTermId = (typeof G_ERR_TERMS)[number];

/** Any term of either table: F_err (4.1) or G_err (5.2). */
export type TableTermId = ErrorTermId | GErrTermId;

/** Which approximate solution a term belongs to: f = f_a (F_err, (5.1)) or g = g_a (G_err, (5.2)). */
export type Solution = "f" | "g";

export function isGErrTerm(term: string): term is GErrTermId {
  return (G_ERR_TERMS as readonly string[]).includes(term);
}

export function solutionOf(term: TableTermId): Solution {
  return isGErrTerm(term) ? "g" : "f";
}

/** How one G_err term is measured in one Z-norm part (the same contract as {@link ErrorTermMeasure}). */
export interface GErrTermMeasure extends Omit<ErrorTermMeasure, "term"> {
  readonly term: GErrTermId;
}

/** A measure of either table. */
export type TableTermMeasure = ErrorTermMeasure | GErrTermMeasure;
