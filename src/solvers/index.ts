/**
 * boltzlab/solvers — the real equation in time: the homogeneous spectral solver (Mouhot–Pareschi)
 * on a periodic velocity grid, its domain rule, time stepping, relaxation runs, moments, and the BKW
 * exact solution; the particle solver (DSMC and deviational signed-weight Monte Carlo) with its
 * replica statistics and the hard-sphere transport coefficients.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/solvers
 */

export type { Background, ResidualSource } from "./particles/background.ts";
export { fluxGradientRatio } from "./particles/flux-gradient-ratio.ts";
export { freeTransportAnisotropic } from "./particles/free-transport-anisotropic.ts";
export {
  type FreeTransportGaussian,
  freeTransportGaussian,
} from "./particles/free-transport-gaussian.ts";
export {
  type LocalMaxwellianWave,
  localMaxwellianWave,
} from "./particles/local-maxwellian-wave.ts";
export {
  backgroundFA,
  type PaperBackground,
  type PaperBackgroundOptions,
} from "./particles/paper-backgrounds/background-f-a.ts";
export { backgroundGA, type CoreBackground } from "./particles/paper-backgrounds/background-g-a.ts";
export {
  type ExactMerged,
  type ExactReplicaRecord,
  type ExactRunConfig,
  mergeExact,
  runExactReplica,
} from "./particles/paper-backgrounds/exact-run.ts";
export {
  type ExactTheoremRow,
  exactTheoremRow,
} from "./particles/paper-backgrounds/exact-theorem.ts";
export { fErrSource, gErrSource } from "./particles/paper-backgrounds/f-err-source.ts";
export {
  type SourceTerm,
  type TermedSource,
  termMassRates,
} from "./particles/paper-backgrounds/termed-source.ts";
export {
  mergeReplicas,
  PARTICLE_INITS,
  type ParticleRunConfig,
  runReplica,
} from "./particles/particle-run.ts";
export {
  combineTransport,
  type TransportOptions,
  type TransportReplica,
  type TransportResult,
  type TransportSettings,
  transportCoefficient,
  transportReplica,
  transportSettings,
} from "./particles/transport-coefficients.ts";
export {
  type RealSpaceWaveDecay,
  realSpaceWaveDecay,
  waveDecayRate,
} from "./particles/wave-decay-rate.ts";
export {
  type WaveModeReplica,
  type WaveModeSettings,
  waveModeReplica,
} from "./particles/wave-mode.ts";
export {
  type WaveTransportOptions,
  type WaveTransportResult,
  waveTransportCoefficient,
} from "./particles/wave-transport.ts";
export { Bkw, type BkwParams } from "./spectral/bkw.ts";
export {
  halfSphereRule,
  LEBEDEV_DEGREES,
  lebedevRule,
  type SphereRule,
  type SphereRuleName,
  sphereRule,
} from "./spectral/directions.ts";
export {
  chooseDomain,
  chooseDomainForMoments,
  type DataScales,
  type DomainChoice,
  droppedWeight,
  equivalentRadius,
  type FourierBound,
  faceTailExponent,
  fourthMomentErrorEstimate,
  type MomentErrorTerms,
  momentErrorEstimate,
  momentErrorTerms,
  POINTWISE_SLACK,
  resolutionExponent,
  tailOutside,
} from "./spectral/domain.ts";
export { describeGrid, makeGrid, type VelocityGrid } from "./spectral/grid.ts";
export { type Moments, moments } from "./spectral/moments.ts";
export {
  type CollisionOperator,
  combineGain,
  GAIN_BLOCKS,
  gainBlock,
  MouhotPareschi,
  type SpectralKernel,
  type SpectralOptions,
} from "./spectral/mouhot-pareschi.ts";
export {
  lebedevDegreeFor,
  RELAX_DEFAULTS,
  type RelaxationResult,
  type RelaxationSetup,
  runRelaxation,
} from "./spectral/relaxation.ts";
export {
  type AdaptiveReport,
  HomogeneousSolver,
  type PositivityMode,
  type ProjectionWeight,
  type Scheme,
  type SolverOptions,
  type StepReport,
} from "./spectral/time-step.ts";
export {
  droppedFraction,
  MAX_STEPS,
  parseTruncation,
  SEPARATED,
  staircaseSides,
  type Truncation,
  truncationName,
  truncationReach,
} from "./spectral/truncation.ts";
