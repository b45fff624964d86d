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
export { FFT3D } from "./fft3d.ts";
export { type GaussRule, gaussLegendre, gaussSum } from "./gauss-legendre.ts";
export { fitPowerLaw, type PowerFit, type Sample } from "./power-fit.ts";
export { refineUntil } from "./refine.ts";
export { orthonormalFrame, projectPerp, type Vec3Like } from "./vec3.ts";
