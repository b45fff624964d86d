/**
 * boltzlab/claims — every statement of the paper as a checkable claim with a verdict (`holds`,
 * `violated`, `consistent`, `inconsistent`, `inconclusive`): Section 2, Proposition 3.1, Lemma 4.2,
 * Theorem 1.1, the Section 4 error table and Proposition 5.1.
 *
 * Browser-safe: no Node built-in is imported. Worker pools and job files are in
 * `boltzlab/parallel` (Node only); pass a pool to {@link runClaims} to use it.
 *
 * @module boltzlab/claims
 */
export type { ClaimResult, Measurement } from "./claim-result.ts";
export { type Verdict, VERDICTS, judgeScaling } from "./verdict.ts";
export type { ClaimContext } from "./claim-helpers.ts";
export { CLAIM_IDS, type RunClaimsOptions, runClaims } from "./registry.ts";
export {
  type TheoremOptions,
  deflationCurve,
  deflationLaw,
  smallestSeparatingM,
  theoremRow,
  theoremTable,
} from "./theorem-1-1.ts";
export { claimsLemma4_2, approximateSolutionZNorm } from "./lemma-4-2.ts";
export { claimsProposition3_1 } from "./proposition-3-1.ts";
export {
  ERROR_TERMS,
  G_ERR_TERMS,
  type ErrorTermId,
  type GErrTermId,
  type TableTermId,
  type Solution,
  type ErrorTermMeasure,
  type GErrTermMeasure,
  type DuhamelWindow,
  type PaperBound,
} from "./error-table/error-term.ts";
export {
  type ErrorTableEntry,
  type JobRecord,
  type TableParameters,
  DEFAULT_WINDOW_FRACTIONS,
  assembleEntries,
  errorJobs,
  runErrorJob,
  beamForTable,
} from "./error-table/error-table.ts";
export { ERROR_TERM_MEASURES, findMeasure } from "./error-table/measures.ts";
export { G_ERR_MEASURES, findGErrMeasure } from "./error-table/g-err-terms.ts";
export { findTableMeasure } from "./error-table/table-measures.ts";
export { claimsSecondSolution, gErrorSum, stationaryCoreZNorm } from "./second-solution.ts";
export {
  bootstrap,
  closureThreshold,
  coefficient58,
  partition,
  type BootstrapResult,
  type Partition,
} from "./proposition-5-1.ts";
export { measuredBootstrap, closureScenarios, measuredErrorBound } from "./bootstrap-measured.ts";
export type { DeflationCurve, TheoremRow } from "../report/report-data.ts";
export type { ClaimPool, PoolResult, PoolTask, RowOptions } from "./pool-task.ts";
export { type ParsedFile, parseJobFile } from "./error-table/job-records.ts";
