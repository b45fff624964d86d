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

export { closureScenarios, measuredBootstrap, measuredErrorBound } from "./bootstrap-measured.ts";
export type { ClaimContext } from "./claim-helpers.ts";
export type { ClaimResult, Measurement } from "./claim-result.ts";
export {
  admissible,
  type Constraint,
  constructionConstraints,
} from "./construction-constraints.ts";
export { computedDeflation, deflationLawReport } from "./deflation-law.ts";
export { type DesignResult, design } from "./design.ts";
export {
  assembleEntries,
  beamForTable,
  DEFAULT_WINDOW_FRACTIONS,
  type ErrorTableEntry,
  errorJobs,
  type GridAwareMeasure,
  type JobRecord,
  runErrorJob,
  type TableParameters,
} from "./error-table/error-table.ts";
export {
  type DuhamelWindow,
  ERROR_TERMS,
  type ErrorTermId,
  type ErrorTermMeasure,
  G_ERR_TERMS,
  type GErrTermId,
  type GErrTermMeasure,
  type PaperBound,
  type Solution,
  type TableTermId,
} from "./error-table/error-term.ts";
export { findGErrMeasure, G_ERR_MEASURES } from "./error-table/g-err-terms.ts";
export { type ParsedFile, parseJobFile } from "./error-table/job-records.ts";
export { ERROR_TERM_MEASURES, findMeasure } from "./error-table/measures.ts";
export { findTableMeasure } from "./error-table/table-measures.ts";
export {
  errorTableKernelScope,
  type KernelTableEntry,
  type KernelTableOptions,
} from "./error-table-kernels.ts";
export {
  DEFAULT_COMPARED_KERNELS,
  type KernelComparison,
  type KernelComparisonEntry,
  type KernelComparisonOptions,
  type KernelComparisonRow,
  kernelComparison,
  kernelEntry,
} from "./kernel-comparison.ts";
export { type KernelScope, kernelComputes, kernelScope } from "./kernel-scope.ts";
export type { ClaimPool, PoolResult, PoolTask, RowOptions } from "./pool-task.ts";
export { claimsProposition3_1 } from "./proposition-3-1.ts";
export {
  type BootstrapResult,
  bootstrap,
  closureThreshold,
  coefficient58,
  type Partition,
  partition,
} from "./proposition-5-1.ts";
export { CLAIM_IDS, type RunClaimsOptions, runClaims } from "./registry.ts";
export { runPoolTask } from "./run-pool-task.ts";
export { claimsSecondSolution, gErrorSum, stationaryCoreZNorm } from "./second-solution.ts";
export {
  deflationCurve,
  deflationLaw,
  smallestSeparatingM,
  type TheoremOptions,
  theoremRow,
  theoremTable,
} from "./theorem-1-1.ts";
export type { DeflationCurve, TheoremRow } from "./theorem-row.ts";
export { mapCsv, thresholdMap } from "./threshold-map.ts";
export {
  type Criterion,
  type CriterionPoint,
  criterionPoint,
  type ThresholdOptions,
  type ThresholdResult,
  threshold,
} from "./thresholds.ts";
export { judgeScaling, VERDICTS, type Verdict } from "./verdict.ts";
export { approximateSolutionZNorm, claimsLemma4_2 } from "./z-norms-4-4-to-4-19.ts";
