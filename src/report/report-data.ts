import type { ClaimResult, Variant } from "../claims/claim-result.ts";
import type { KernelComparison } from "../claims/kernel-comparison.ts";
import type { DeflationCurve, TheoremRow } from "../claims/theorem-row.ts";
import type { ExactResultLike } from "./exact-solutions.ts";
import type { HowLargeMData } from "./how-large-m.ts";
import type { Sections35Data } from "./sections-3-5.ts";

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
  /** The chapter "Exact solutions" (exact-solutions.ts), from `report --exact FILE`. */
  readonly exactSolutions?: ExactResultLike;
  /** The chapter "Kernels (Remark 1.5)" (kernels.ts), when computed. */
  readonly kernels?: KernelComparison;
  readonly runInfo: RunInfo;
}
