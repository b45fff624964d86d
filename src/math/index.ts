/**
 * boltzlab/math — numerical primitives, no physics: {@link Estimate} (value, error, provenance),
 * the numerics layer — `quadrature/` (Gauss–Legendre, mapped and composite rules, radial integrals,
 * refinement to a tolerance, one golden-section maximizer) and `sampling/` (one seeded uniform family
 * with named streams, normal variates, uniform points in a direction, ball, shell or cylinder,
 * profile importance sampling) — interval arithmetic, power-law fits, the 3-D FFT, vectors, and
 * {@link RuleError} (the one-line error for bad input).
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/math
 */
export { RuleError, requireFinite } from "./errors.ts";
export {
  agree,
  bracket,
  type Estimate,
  type EstimateKind,
  estimate,
  exact,
  formatEstimate,
  ratio,
  scale,
  sqrtEstimate,
  sum,
  times,
} from "./estimate.ts";
export { FFT3D, type FFTEngine } from "./fft3d.ts";
export {
  type Interval,
  intervalAdd,
  intervalMidpoint,
  intervalMul,
  intervalOf,
} from "./interval.ts";
export { fitPowerLaw, type PowerFit, type Sample } from "./power-fit.ts";
export {
  compositeGaussSum,
  compositeRule,
  equalPanelGaussSum,
  equalPanelRule,
} from "./quadrature/composite.ts";
export {
  type GaussRule,
  gaussLegendre,
  gaussSum,
  leftAnchoredRule,
  mappedRule,
} from "./quadrature/gauss-legendre.ts";
export {
  type GoldenSectionOptions,
  goldenSectionMax,
  type Maximum,
} from "./quadrature/maximize.ts";
export { radialIntegral, radialIntegralEstimate } from "./quadrature/radial.ts";
export { refineUntil } from "./quadrature/refine.ts";
export { type Normal, normalSampler } from "./sampling/normal-sampler.ts";
export { type ProfileSampler, profileSampler } from "./sampling/profile-sampler.ts";
export {
  type Cylinder,
  uniformDirection,
  uniformInBall,
  uniformInCylinder,
  uniformInShell,
} from "./sampling/regions.ts";
export {
  lcgUniform,
  seededUniform,
  type Uniform,
  type UniformAlgorithm,
  type UniformStreamOptions,
  uniformStream,
} from "./sampling/uniform-stream.ts";
export { orthonormalFrame, projectPerp, type Vec3Like } from "./vec3.ts";
