import type { Variant } from "../construction/parameters/variant.ts";
import type { Estimate } from "../math/estimate.ts";

/**
 * One row of the Theorem 1.1 table at one M: the separation time T* = M^{s−1} ln ln M (2.9), the
 * initial and final distances of the two solutions, the weighted norm ‖e^{⟨v⟩²} f_a(T*)‖ of (1.16),
 * the paper's bound 1/ln M for it, and the deflation ratio.
 */
export interface TheoremRow {
  readonly M: number;
  readonly Tstar: Estimate;
  readonly initialDistance: Estimate;
  readonly finalDistance: Estimate;
  readonly weightedFinalNorm: Estimate;
  readonly invLnM: Estimate;
  readonly deflation: Estimate;
  /** Cutoff and variant the row was computed with (absent in older data). */
  readonly cutoff?: string;
  readonly variant?: Variant;
  /** ‖e^{⟨v⟩²} f_r(0)‖, ‖e^{⟨v⟩²} f_r(T*)‖ and ‖e^{⟨v⟩²} f_b‖ (time-independent) in L²_v H^{s0}_x. */
  readonly weightedCoreInitial?: Estimate;
  readonly weightedCoreFinal?: Estimate;
  readonly weightedBeam?: Estimate;
  /** Λ(T*, 0, 0) = ∫_0^{T*} A[f_b](τ, 0, 0) dτ, the exponent of the deflation. */
  readonly exponent?: Estimate;
  /** finalDistance − error > initialDistance + error: the separation of Theorem 1.1 is visible. */
  readonly separated?: boolean;
}

/** The norms ‖e^{⟨v⟩²} f_r(t)‖ and ‖e^{⟨v⟩²} f_b(t)‖ in L²_v H^{s0}_x over t ∈ [0, T*] at one M ((1.14)–(1.15)). */
export interface DeflationCurve {
  readonly M: number;
  readonly t: readonly number[];
  readonly fr: readonly Estimate[];
  readonly fb: readonly Estimate[];
  /** Cutoff and variant the curve was computed with (absent in older data). */
  readonly cutoff?: string;
  readonly variant?: Variant;
}
