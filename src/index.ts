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
 *   A[g] = 2π∫|u − v| g du, Maxwellians with their closed forms, free transport;
 * - construction: parameters (2.7)–(2.9), cutoffs χ, the lattice (2.3), tubes K and bumps I (2.4),
 *   the beam f_b (2.4), its collision frequency A[f_b] (2.6), the core f_r (2.5) and their norms;
 * - claims: every Section 2 statement as a checkable claim with a verdict, and Theorem 1.1;
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

// ── construction ──────────────────────────────────────────────────────────────────────────────
export {
  type ParameterInput,
  type Parameters,
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeParameters,
  tStar,
} from "./construction/parameters.ts";
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
export { beamLpLinfNorm, beamSobolevNorm } from "./construction/beam-norm.ts";
export { beamPhaseSpace, corePhaseSpace } from "./construction/phase-space-functions.ts";

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

// ── solvers ───────────────────────────────────────────────────────────────────────────────────
export { type SolverOptions, HomogeneousSolver } from "./solvers/spectral/time-step.ts";
export { type SpectralOptions, MouhotPareschi } from "./solvers/spectral/mouhot-pareschi.ts";
export { type VelocityGrid, makeGrid } from "./solvers/spectral/grid.ts";
export { Bkw } from "./solvers/spectral/bkw.ts";

// ── report ────────────────────────────────────────────────────────────────────────────────────
export type { ReportData, TheoremRow } from "./report/report-data.ts";
export { type BuildReportOptions, buildReportData } from "./report/build-report.ts";
export { writeReport } from "./report/report.ts";
