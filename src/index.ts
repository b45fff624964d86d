/**
 * boltzlab: the public API.
 *
 * A laboratory for the hard-sphere Boltzmann equation
 *   ∂t f + v·∇x f = Q(f, f),   B(u − v, ω) = |(u − v)·ω|,
 * built around Chen, Shen & Zhang, "Sharp H^s_x ill-posedness of the hard-sphere Boltzmann
 * equation". Every computed number is an {@link Estimate} (value, error, provenance).
 *
 * Layers (DESIGN.md), re-exported here from the bottom up:
 * - math: {@link Estimate}, Gauss–Legendre rules, power-law fits, 3-D FFT, {@link RuleError};
 * - kinetic: kernels, the collision operator Q⁺/Q⁻ and the collision frequency
 *   A[g] = 2π∫|u − v| g du, Maxwellians with their closed forms, free transport, the Z-norm (3.3);
 * - construction: parameters (2.7)–(2.9), cutoffs χ, the lattice (2.3), tubes K and bumps I (2.4),
 *   the beam f_b (2.4), its collision frequency A[f_b] (2.6), the core f_r (2.5) and their norms;
 * - claims: every Section 2 statement, Proposition 3.1 and Lemma 4.2 as checkable claims with
 *   verdicts; Theorem 1.1; the Section 4 error table (error-table/); Proposition 5.1;
 * - solvers: the homogeneous spectral solver (Mouhot–Pareschi);
 * - report: the report data and the HTML/Markdown/JSON writer.
 *
 * @example
 * ```ts
 * import { makeBeam, makeParameters, cutoffByName, beamValue, beamCollisionFrequency } from "boltzlab";
 * const beam = makeBeam(makeParameters({ M: 16, s: 0.8, s0: 0.5 }), cutoffByName("bump"), "as-in-proof");
 * beamValue(beam, 0, [0, 0, 0], [0, 0, 1]);            // f_b(0, 0, e_{0}) = M^{1−s}
 * beamCollisionFrequency(beam, 0.1, [0, 0, 0], [0, 0, 0]); // A[f_b] with its quadrature error
 * ```
 *
 * @packageDocumentation
 */

// ── math ──────────────────────────────────────────────────────────────────────────────────────
export { RuleError, requireFinite } from "./math/errors.ts";
export {
  type Estimate,
  type EstimateKind,
  agree,
  bracket,
  estimate,
  exact,
  formatEstimate,
  ratio,
  scale,
  sqrtEstimate,
  sum,
  times,
} from "./math/estimate.ts";
export { type GaussRule, gaussLegendre, gaussSum } from "./math/gauss-legendre.ts";
export { refineUntil } from "./math/refine.ts";
export { type PowerFit, type Sample, fitPowerLaw } from "./math/power-fit.ts";
export { FFT3D } from "./math/fft3d.ts";
export { type Vec3Like, orthonormalFrame, projectPerp } from "./math/vec3.ts";

// ── kinetic ───────────────────────────────────────────────────────────────────────────────────
export {
  type Kernel,
  constantKernel,
  hardSphere,
  kernelByName,
  variableHardSpheres,
} from "./kinetic/kernel.ts";
export {
  type CollisionOptions,
  collisionFrequency,
  collisionOperator,
  gainTerm,
  lossTerm,
  weakForm,
} from "./kinetic/collision.ts";
export {
  type MaxwellianParams,
  maxwellian,
  maxwellianCollisionFrequency,
} from "./kinetic/maxwellian.ts";
export {
  type PhaseSpaceFunction,
  type VelocityPiece,
  type VelocityRegion,
  sumOf,
  velocityFunction,
} from "./kinetic/phase-space.ts";
export { freeTransport, sampledPhaseSpace } from "./kinetic/free-transport.ts";
export { Z_PART_LABELS, Z_PARTS, type ZPart, zPartPrefactor } from "./kinetic/z-parts.ts";
export {
  type ZNorm,
  type ZWeight,
  GAUSSIAN_WEIGHT,
  V_GAUSSIAN_WEIGHT,
  NO_WEIGHT,
  kappaWeight,
  separableZNorm,
  generalZNorm,
  disjointSumZNorm,
} from "./kinetic/znorm.ts";

// ── construction ──────────────────────────────────────────────────────────────────────────────
export {
  type ConstructionConstants,
  type ParameterInput,
  type Parameters,
  CONSTANT_SYMBOLS,
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeConstants,
  makeParameters,
  PAPER_CONSTANTS,
  tStar,
} from "./construction/parameters.ts";
export { type NamedConstruction, NAMED_CONSTRUCTIONS } from "./construction/named-constructions.ts";
export {
  cutoffLineIntegrals,
  deflationExpansion,
  deflationExponentLimit,
  lawConstants,
  predictedDeflation,
} from "./construction/deflation-law.ts";
export {
  type Cutoff,
  type CutoffName,
  CUTOFF_NAMES,
  bump,
  customCutoff,
  cutoffByName,
  plateau,
} from "./construction/cutoff.ts";
export { type Variant, VARIANTS, variantByName } from "./construction/variant.ts";
export {
  type Lattice,
  latticeCount,
  latticeIndex,
  latticePoint,
  makeLattice,
} from "./construction/lattice.ts";
export { type LatticeSeparation, latticeSeparation } from "./construction/lattice-separation.ts";
export { type LatticePairSum, latticePairSum } from "./construction/lattice-pair-sum.ts";
export { type TubeShape, tubeGradientNorm, tubeSum, tubeValue } from "./construction/tubes.ts";
export {
  type BumpShape,
  bumpOverlapCount,
  bumpRadius,
  bumpSum,
  bumpValue,
} from "./construction/velocity-bumps.ts";
export { type Beam, beamValue, makeBeam } from "./construction/beam.ts";
export {
  type FrequencyOptions,
  beamCollisionFrequency,
} from "./construction/beam-collision-frequency.ts";
export { centreFrequency, coreExponent, coreValue } from "./construction/core.ts";
export { type CoreNormDetail, type CoreNormOptions, coreNorm } from "./construction/core-norm.ts";
export {
  type VelocityWeight,
  beamLpLinfNorm,
  beamSobolevNorm,
  kappaVelocityWeight,
} from "./construction/beam-norm.ts";
export { beamPhaseSpace, corePhaseSpace } from "./construction/phase-space-functions.ts";
export { type BeamZNorm, beamZNorm } from "./construction/beam-znorm.ts";
export { type CoreZNorm, coreZNorm } from "./construction/core-znorm.ts";
export { beamMixedNorm } from "./construction/beam-mixed-norm.ts";
export { beamLinfNorms } from "./construction/beam-gradient-norm.ts";
export { characteristicFrequency } from "./construction/characteristic-frequency.ts";
export { gainLinfParts, gainLinfDiagonal } from "./construction/beam-gain-linf.ts";
export { gainL2Parts } from "./construction/beam-gain-l2.ts";

// ── claims ────────────────────────────────────────────────────────────────────────────────────
export type { ClaimResult, Measurement } from "./claims/claim-result.ts";
export { type Verdict, VERDICTS, judgeScaling } from "./claims/verdict.ts";
export type { ClaimContext } from "./claims/claim-helpers.ts";
export { CLAIM_IDS, type RunClaimsOptions, runClaims } from "./claims/registry.ts";
export {
  type TheoremOptions,
  deflationCurve,
  deflationLaw,
  smallestSeparatingM,
  theoremRow,
  theoremTable,
} from "./claims/theorem-1-1.ts";
export { computedDeflation, deflationLawReport } from "./claims/deflation-law.ts";
export {
  type Criterion,
  type CriterionPoint,
  type ThresholdOptions,
  type ThresholdResult,
  criterionPoint,
  threshold,
} from "./claims/thresholds.ts";
export { type Constraint, admissible, constructionConstraints } from "./claims/construction-constraints.ts";
export { type DesignResult, design } from "./claims/design.ts";
export { mapCsv, thresholdMap } from "./claims/threshold-map.ts";
export { claimsLemma4_2, approximateSolutionZNorm } from "./claims/lemma-4-2.ts";
export { claimsProposition3_1 } from "./claims/proposition-3-1.ts";
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
} from "./claims/error-table/error-term.ts";
export {
  type ErrorTableEntry,
  type JobRecord,
  type TableParameters,
  DEFAULT_WINDOW_FRACTIONS,
  assembleEntries,
  errorJobs,
  runErrorJob,
  beamForTable,
} from "./claims/error-table/error-table.ts";
export { ERROR_TERM_MEASURES, findMeasure } from "./claims/error-table/measures.ts";
export { G_ERR_MEASURES, findGErrMeasure } from "./claims/error-table/g-err-terms.ts";
export { findTableMeasure } from "./claims/error-table/table-measures.ts";
export { claimsSecondSolution, gErrorSum, stationaryCoreZNorm } from "./claims/second-solution.ts";
export { DEFAULT_ERRORS_FILE, readJobFile } from "./claims/error-table/job-file.ts";
export {
  bootstrap,
  closureThreshold,
  coefficient58,
  partition,
  type BootstrapResult,
  type Partition,
} from "./claims/proposition-5-1.ts";
export { measuredBootstrap, closureScenarios, measuredErrorBound } from "./claims/bootstrap-measured.ts";

// ── solvers ───────────────────────────────────────────────────────────────────────────────────
export { type SolverOptions, HomogeneousSolver } from "./solvers/spectral/time-step.ts";
export { type SpectralOptions, MouhotPareschi } from "./solvers/spectral/mouhot-pareschi.ts";
export { type VelocityGrid, makeGrid } from "./solvers/spectral/grid.ts";
export { Bkw } from "./solvers/spectral/bkw.ts";

// ── report ────────────────────────────────────────────────────────────────────────────────────
export type { ReportData, TheoremRow } from "./report/report-data.ts";
export { type BuildReportOptions, buildReportData } from "./report/build-report.ts";
export { writeReport } from "./report/report.ts";
