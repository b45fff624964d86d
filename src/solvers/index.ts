/**
 * boltzlab/solvers — the real equation in time: the homogeneous spectral solver (Mouhot–Pareschi)
 * on a periodic velocity grid, its time stepping, moments, and the BKW exact solution.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/solvers
 */

export { Bkw, type BkwParams } from "./spectral/bkw.ts";
export { describeGrid, makeGrid, type VelocityGrid } from "./spectral/grid.ts";
export { type Moments, moments } from "./spectral/moments.ts";
export {
  MouhotPareschi,
  type SpectralKernel,
  type SpectralOptions,
} from "./spectral/mouhot-pareschi.ts";
export {
  type AdaptiveReport,
  HomogeneousSolver,
  type PositivityMode,
  type Scheme,
  type SolverOptions,
  type StepReport,
} from "./spectral/time-step.ts";
