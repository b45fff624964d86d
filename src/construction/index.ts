/**
 * boltzlab/construction — the paper's counterexample: parameters (2.7)–(2.9), cutoffs χ, the
 * lattice e_{i,j} (2.3), tubes K and bumps I, the beam f_b (2.4) and its collision frequency
 * A[f_b] (2.6), the core f_r (2.5), and their norms.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/construction
 */

export { type Beam, beamValue, makeBeam } from "./beam.ts";
export {
  beamCollisionFrequency,
  type FrequencyOptions,
} from "./beam-collision-frequency.ts";
export { gainL2Parts } from "./beam-gain-l2.ts";
export { gainLinfDiagonal, gainLinfParts } from "./beam-gain-linf.ts";
export { beamLinfNorms } from "./beam-gradient-norm.ts";
export { beamMixedNorm } from "./beam-mixed-norm.ts";
export {
  beamLpLinfNorm,
  beamSobolevNorm,
  kappaVelocityWeight,
  OVERLAP_MAX_M,
  type VelocityWeight,
} from "./beam-norm.ts";
export { type BeamZNorm, beamZNorm } from "./beam-znorm.ts";
export { characteristicFrequency } from "./characteristic-frequency.ts";
export { centreFrequency, coreExponent, coreValue } from "./core.ts";
export { type CoreNormDetail, type CoreNormOptions, coreNorm } from "./core-norm.ts";
export {
  type CoreSelfFrequency,
  coreSelfFrequency,
  criticalSoftGamma,
  radialSpeedMoment,
} from "./core-self-frequency.ts";
export { type CoreZNorm, coreZNorm } from "./core-znorm.ts";
export {
  bump,
  CUTOFF_NAMES,
  type Cutoff,
  type CutoffName,
  customCutoff,
  cutoffByName,
  plateau,
} from "./cutoff.ts";
export {
  axialSpeedMoment,
  cutoffLineIntegrals,
  deflationExpansion,
  deflationExponentLimit,
  lawConstants,
  predictedDeflation,
} from "./deflation-law.ts";
export { kernelNormalization } from "./kernel-normalization.ts";
export {
  type Lattice,
  latticeCount,
  latticeIndex,
  latticePoint,
  makeLattice,
} from "./lattice.ts";
export { type LatticePairSum, latticePairSum } from "./lattice-pair-sum.ts";
export { type LatticeSeparation, latticeSeparation } from "./lattice-separation.ts";
export { NAMED_CONSTRUCTIONS, type NamedConstruction } from "./named-constructions.ts";
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
} from "./parameters.ts";
export { beamPhaseSpace, corePhaseSpace } from "./phase-space-functions.ts";
export { type TubeShape, tubeGradientNorm, tubeSum, tubeValue } from "./tubes.ts";
export { VARIANTS, type Variant, variantByName } from "./variant.ts";
export {
  type BumpShape,
  bumpOverlapCount,
  bumpRadius,
  bumpSum,
  bumpValue,
} from "./velocity-bumps.ts";
