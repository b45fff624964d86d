/**
 * The measures the spectral benches take from one evaluated Q (bench/spectral-accuracy.ts and
 * bench/kipack-boltzlab.ts and others): grid moments, for BKW the fourth-moment relaxation rate
 * against its exact value 8π/15 and the max-norm residual of Q against the exact ∂t f, and one
 * evaluation of the raw Q or of the time stepper's operator.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Bkw } from "../src/solvers/spectral/bkw.ts";
import type { VelocityGrid } from "../src/solvers/spectral/grid.ts";
import {
  MouhotPareschi,
  type SpectralKernel,
  type SpectralOptions,
} from "../src/solvers/spectral/mouhot-pareschi.ts";
import { HomogeneousSolver } from "../src/solvers/spectral/time-step.ts";

/** ∫ w(v) q(v) dv on the grid (midpoint sum). */
export function moment(
  g: VelocityGrid,
  q: Float64Array,
  w: (x: number, y: number, z: number) => number,
): number {
  let s = 0;
  let i = 0;
  for (const x of g.axis) for (const y of g.axis) for (const z of g.axis) s += w(x, y, z) * q[i++];
  return s * g.dv;
}

/**
 * For f = the BKW datum at t = 0 and Q = Q(f, f) on `grid`: λ = −(d/dt)M₄ / (2ρ(M₄ − 15ρT²)) and
 * its relative error against 8π/15 (absolute and signed), and max|Q − ∂t f_BKW| / max|∂t f_BKW|.
 */
export function bkwMeasures(
  b: { readonly grid: VelocityGrid; readonly f: Float64Array; readonly Q: Float64Array },
  bkw: Bkw,
): { lambda: number; rateError: number; signedRateError: number; residual: number } {
  const r4 = (x: number, y: number, z: number) => (x * x + y * y + z * z) ** 2;
  const rho = moment(b.grid, b.f, () => 1);
  const T = moment(b.grid, b.f, (x, y, z) => x * x + y * y + z * z) / (3 * rho);
  const lambda =
    -moment(b.grid, b.Q, r4) / (2 * rho * (moment(b.grid, b.f, r4) - 15 * rho * T * T));
  let e = 0;
  let sc = 0;
  let i = 0;
  for (const x of b.grid.axis)
    for (const y of b.grid.axis)
      for (const z of b.grid.axis) {
        const ex = bkw.timeDerivative(0, x * x + y * y + z * z);
        e = Math.max(e, Math.abs(b.Q[i++] - ex));
        sc = Math.max(sc, Math.abs(ex));
      }
  const signedRateError = lambda / ((8 * Math.PI) / 15) - 1;
  return { lambda, rateError: Math.abs(signedRateError), signedRateError, residual: e / sc };
}

/**
 * Which operator one evaluation applies: the raw Mouhot–Pareschi Q, or one of the operators the
 * time stepper can apply (`HomogeneousSolver.rhs`, `time-step.ts`): "P" the uniform conservative
 * projection P Q(f); "P+eq" P[Q(f) − Q(M[f])] (Filbet–Pareschi–Rey); "Pnu+eq" the same with the
 * projection weighted by the loss frequency of M[f] — the relax default ("stepper").
 */
export type OperatorName = "raw" | "P" | "P+eq" | "Pnu+eq";

/** One evaluation of `op` on f: Q and the loss frequency, in fresh arrays. */
export function evaluateOperator(
  grid: VelocityGrid,
  kernel: SpectralKernel,
  opts: SpectralOptions,
  f: Float64Array,
  op: OperatorName,
): { Q: Float64Array; loss: Float64Array } {
  const Q = new Float64Array(grid.n ** 3);
  const loss = new Float64Array(grid.n ** 3);
  if (op === "raw") new MouhotPareschi(grid, kernel, opts).evaluate(f, Q, undefined, loss);
  else
    new HomogeneousSolver(grid, kernel, {
      ...opts,
      conservative: true,
      equilibriumPreserving: op !== "P",
      projection: op === "Pnu+eq" ? "loss-frequency" : "uniform",
    }).rhs(f, Q, loss);
  return { Q, loss };
}

/** The anisotropy weight v_x² − (v_y² + v_z²)/2 of the two-beam tests (A = its moment of f). */
export const anisotropy = (x: number, y: number, z: number): number =>
  x * x - 0.5 * (y * y + z * z);

/**
 * The two-beam datum's exact rates (U = 1, T_b = 1/2, hard spheres), by the independent quadrature
 * of bench/two_beam_rate.py: dA/dt and, as that script prints them, its normalizations.
 */
export function twoBeamExact(): { dAdt: number; [key: string]: unknown } {
  return JSON.parse(
    execFileSync("python3", [fileURLToPath(new URL("./two_beam_rate.py", import.meta.url))], {
      encoding: "utf8",
    }),
  );
}

/** max|Q(M,M)| / max(M·ν) on the grid: the relative residual of Q on a Maxwellian (exact 0). */
export function maxwellianResidual(f: Float64Array, Q: Float64Array, loss: Float64Array): number {
  let q = 0;
  let s = 0;
  for (let i = 0; i < Q.length; i++) {
    q = Math.max(q, Math.abs(Q[i]));
    s = Math.max(s, f[i] * loss[i]);
  }
  return q / s;
}
