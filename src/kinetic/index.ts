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
  type CollisionOptions,
  collisionFrequency,
  collisionOperator,
  gainTerm,
  lossTerm,
  ORDER_SCHEDULE,
  weakForm,
} from "./collision.ts";
export { freeTransport, sampledPhaseSpace } from "./free-transport.ts";
export {
  constantKernel,
  hardSphere,
  type Kernel,
  kernelByName,
  variableHardSpheres,
} from "./kernel.ts";
export {
  type MaxwellianParams,
  maxwellian,
  maxwellianCollisionFrequency,
  meanDistancePowerStdNormal,
} from "./maxwellian.ts";
export {
  type PhaseSpaceFunction,
  sumOf,
  type VelocityPiece,
  type VelocityRegion,
  velocityFunction,
} from "./phase-space.ts";
export { Z_PART_LABELS, Z_PARTS, type ZPart, zPartPrefactor } from "./z-parts.ts";
export {
  GAUSSIAN_WEIGHT,
  kappaWeight,
  NO_WEIGHT,
  V_GAUSSIAN_WEIGHT,
  type ZWeight,
} from "./z-weight.ts";
export { disjointSumZNorm, generalZNorm, separableZNorm, type ZNorm } from "./znorm.ts";
