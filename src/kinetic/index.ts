/**
 * boltzlab/kinetic — the hard-sphere Boltzmann equation independent of the paper's construction:
 * kernels B(u − v, ω), the collision operator Q = Q⁺ − Q⁻ and the collision frequency
 * A[g] = 2π ∫|u − v| g du, Maxwellians with their closed forms, free transport and the Z-norm (3.3).
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/kinetic
 */
export {
  type Kernel,
  constantKernel,
  hardSphere,
  kernelByName,
  variableHardSpheres,
} from "./kernel.ts";
export {
  type CollisionOptions,
  collisionFrequency,
  collisionOperator,
  gainTerm,
  lossTerm,
  weakForm,
} from "./collision.ts";
export {
  type MaxwellianParams,
  maxwellian,
  maxwellianCollisionFrequency,
} from "./maxwellian.ts";
export {
  type PhaseSpaceFunction,
  type VelocityPiece,
  type VelocityRegion,
  sumOf,
  velocityFunction,
} from "./phase-space.ts";
export { freeTransport, sampledPhaseSpace } from "./free-transport.ts";
export { Z_PART_LABELS, Z_PARTS, type ZPart, zPartPrefactor } from "./z-parts.ts";
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
} from "./znorm.ts";
