/**
 * boltzlab/construction — the paper's counterexample: parameters (2.7)–(2.9), cutoffs χ, the
 * lattice e_{i,j} (2.3), tubes K and bumps I, the beam f_b (2.4) and its collision frequency
 * A[f_b] (2.6), the core f_r (2.5), and their norms.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/construction
 */

export { type Beam, beamValue, makeBeam } from "./beam/beam.ts";
export {
  beamCollisionFrequency,
  type FrequencyOptions,
} from "./beam/beam-collision-frequency.ts";
export { beamLinfNorms } from "./beam/beam-gradient-norm.ts";
export { beamMixedNorm } from "./beam/beam-mixed-norm.ts";
export {
  beamLpLinfNorm,
  beamSobolevNorm,
  kappaVelocityWeight,
  OVERLAP_MAX_M,
  type VelocityWeight,
} from "./beam/beam-norm.ts";
export { type BeamZNorm, beamZNorm } from "./beam/beam-znorm.ts";
export { characteristicFrequency } from "./beam/characteristic-frequency.ts";
export { gainL2Parts } from "./beam-beam/beam-gain-l2.ts";
export { gainLinfDiagonal, gainLinfParts } from "./beam-beam/beam-gain-linf.ts";
export { centreFrequency, coreExponent, coreValue } from "./core/core.ts";
export { type CoreNormDetail, type CoreNormOptions, coreNorm } from "./core/core-norm.ts";
export {
  type CoreSelfFrequency,
  coreSelfFrequency,
  criticalSoftGamma,
  radialSpeedMoment,
} from "./core/core-self-frequency.ts";
export { type CoreZNorm, coreZNorm } from "./core/core-znorm.ts";
export {
  axialSpeedMoment,
  cutoffLineIntegrals,
  deflationExpansion,
  deflationExponentLimit,
  lawConstants,
  predictedDeflation,
} from "./core/deflation-law.ts";
export {
  bump,
  CUTOFF_NAMES,
  type Cutoff,
  type CutoffName,
  customCutoff,
  cutoffByName,
  plateau,
} from "./geometry/cutoff.ts";
export {
  type Lattice,
  latticeCount,
  latticeIndex,
  latticePoint,
  makeLattice,
} from "./geometry/lattice.ts";
export { type LatticePairSum, latticePairSum } from "./geometry/lattice-pair-sum.ts";
export { type LatticeSeparation, latticeSeparation } from "./geometry/lattice-separation.ts";
export { type TubeShape, tubeGradientNorm, tubeSum, tubeValue } from "./geometry/tubes.ts";
export {
  type BumpShape,
  bumpOverlapCount,
  bumpRadius,
  bumpSum,
  bumpValue,
} from "./geometry/velocity-bumps.ts";
export { kernelNormalization } from "./parameters/kernel-normalization.ts";
export { NAMED_CONSTRUCTIONS, type NamedConstruction } from "./parameters/named-constructions.ts";
export {
  CONSTANT_SYMBOLS,
  type ConstructionConstants,
  DEFAULT_KERNEL,
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeConstants,
  makeParameters,
  PAPER_CONSTANTS,
  type ParameterInput,
  type Parameters,
  requireHardSphere,
  tStar,
} from "./parameters/parameters.ts";
export { VARIANTS, type Variant, variantByName } from "./parameters/variant.ts";
export { beamPhaseSpace, corePhaseSpace } from "./phase-space-functions.ts";
