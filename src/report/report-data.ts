import type { ClaimResult, Variant } from "../claims/claim-result.ts";
import type { Estimate } from "../math/estimate.ts";
import type { HowLargeMData } from "./how-large-m.ts";
import type { Sections35Data } from "./sections-3-5.ts";

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

/** The parameters a report was computed with ((2.7)–(2.9)); `extra` holds anything else worth showing. */
export interface ReportParameters {
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  readonly Ms: readonly number[];
  readonly cutoffs: readonly string[];
  readonly variants: readonly Variant[];
  readonly extra?: Readonly<Record<string, string | number | boolean>>;
}

/** How and when the run was made. */
export interface RunInfo {
  /** ISO 8601 start time. */
  readonly date: string;
  readonly durationSeconds: number;
  readonly commandLine: string;
  /** e.g. { boltzlab: "0.1.0", node: "v20.…" }. */
  readonly versions: Readonly<Record<string, string>>;
}

/** Everything `writeReport` turns into index.html, report.md, report.json and figures/. */
export interface ReportData {
  readonly title: string;
  readonly parameters: ReportParameters;
  readonly claims: readonly ClaimResult[];
  readonly theorem: readonly TheoremRow[];
  readonly deflation: readonly DeflationCurve[];
  /** The Sections 3–5 chapter (error table, Proposition 5.1), when computed. */
  readonly sections35?: Sections35Data;
  /** The chapter "How large must M be" (how-large-m.ts), when computed. */
  readonly howLargeM?: HowLargeMData;
  readonly runInfo: RunInfo;
}
