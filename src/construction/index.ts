/**
 * boltzlab/construction — the paper's counterexample: parameters (2.7)–(2.9), cutoffs χ, the
 * lattice e_{i,j} (2.3), tubes K and bumps I, the beam f_b (2.4) and its collision frequency
 * A[f_b] (2.6), the core f_r (2.5), and their norms.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/construction
 */
export {
  type ParameterInput,
  type Parameters,
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeParameters,
  tStar,
} from "./parameters.ts";
export {
  type Cutoff,
  type CutoffName,
  CUTOFF_NAMES,
  bump,
  customCutoff,
  cutoffByName,
  plateau,
} from "./cutoff.ts";
export { type Variant, VARIANTS, variantByName } from "./variant.ts";
export {
  type Lattice,
  latticeCount,
  latticeIndex,
  latticePoint,
  makeLattice,
} from "./lattice.ts";
export { type LatticeSeparation, latticeSeparation } from "./lattice-separation.ts";
export { type LatticePairSum, latticePairSum } from "./lattice-pair-sum.ts";
export { type TubeShape, tubeGradientNorm, tubeSum, tubeValue } from "./tubes.ts";
export {
  type BumpShape,
  bumpOverlapCount,
  bumpRadius,
  bumpSum,
  bumpValue,
} from "./velocity-bumps.ts";
export { type Beam, beamValue, makeBeam } from "./beam.ts";
export {
  type FrequencyOptions,
  beamCollisionFrequency,
} from "./beam-collision-frequency.ts";
export { centreFrequency, coreExponent, coreValue } from "./core.ts";
export { type CoreNormDetail, type CoreNormOptions, coreNorm } from "./core-norm.ts";
export {
  type VelocityWeight,
  beamLpLinfNorm,
  beamSobolevNorm,
  kappaVelocityWeight,
} from "./beam-norm.ts";
export { beamPhaseSpace, corePhaseSpace } from "./phase-space-functions.ts";
export { type BeamZNorm, beamZNorm } from "./beam-znorm.ts";
export { type CoreZNorm, coreZNorm } from "./core-znorm.ts";
export { beamMixedNorm } from "./beam-mixed-norm.ts";
export { beamLinfNorms } from "./beam-gradient-norm.ts";
export { characteristicFrequency } from "./characteristic-frequency.ts";
export { gainLinfParts, gainLinfDiagonal } from "./beam-gain-linf.ts";
export { gainL2Parts } from "./beam-gain-l2.ts";
