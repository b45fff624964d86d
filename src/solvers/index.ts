/**
 * boltzlab/solvers — the real equation in time: the homogeneous spectral solver (Mouhot–Pareschi)
 * on a periodic velocity grid, its time stepping, moments, and the BKW exact solution.
 *
 * Browser-safe: no Node built-in is imported.
 *
 * @module boltzlab/solvers
 */
export {
  type AdaptiveReport,
  type PositivityMode,
  type Scheme,
  type SolverOptions,
  type StepReport,
  HomogeneousSolver,
} from "./spectral/time-step.ts";
export {
  type SpectralKernel,
  type SpectralOptions,
  MouhotPareschi,
} from "./spectral/mouhot-pareschi.ts";
export { type VelocityGrid, describeGrid, makeGrid } from "./spectral/grid.ts";
export { type Moments, moments } from "./spectral/moments.ts";
export { type BkwParams, Bkw } from "./spectral/bkw.ts";
