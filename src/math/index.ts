/**
 * boltzlab/math — numerical primitives, no physics: {@link Estimate} (value, error, provenance),
 * Gauss–Legendre rules, adaptive refinement, power-law fits, the 3-D FFT, vectors, and
 * {@link RuleError} (the one-line error for bad input).
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/math
 */
export { RuleError, requireFinite } from "./errors.ts";
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
} from "./estimate.ts";
export { type GaussRule, gaussLegendre, gaussSum } from "./gauss-legendre.ts";
export { refineUntil } from "./refine.ts";
export { type PowerFit, type Sample, fitPowerLaw } from "./power-fit.ts";
export { FFT3D } from "./fft3d.ts";
export { type Vec3Like, orthonormalFrame, projectPerp } from "./vec3.ts";
