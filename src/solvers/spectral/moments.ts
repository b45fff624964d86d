/**
 * Macroscopic quantities of a grid function f on a {@link VelocityGrid}, by the trapezoidal rule
 * on the periodic grid (weight h³ per point), which is the rule the conservative correction makes
 * exact: mass ρ = ∫f, momentum ∫v f, energy ½∫|v|² f, temperature tensor
 * T_ab = ρ⁻¹∫(v−ū)_a(v−ū)_b f, entropy H = ∫ f ln f (over f > 0; 0 ln 0 = 0).
 */
import type { VelocityGrid } from "./grid.ts";

/** Macroscopic quantities of a grid function (see the module comment for the quadrature). */
export interface Moments {
  readonly mass: number;
  readonly momentum: [number, number, number];
  /** Kinetic energy ½∫|v|² f. */
  readonly energy: number;
  /** Mean velocity ū = momentum / mass. */
  readonly velocity: [number, number, number];
  /** Scalar temperature (Txx + Tyy + Tzz)/3. */
  readonly temperature: number;
  /** Diagonal of the temperature tensor [Txx, Tyy, Tzz]. */
  readonly temperatureTensor: [number, number, number];
  /** H = ∫ f ln f over the points with f > 0. */
  readonly entropy: number;
  /** Smallest grid value of f. */
  readonly min: number;
  /** Number of grid points with f < 0. */
  readonly negativeCount: number;
}

/**
 * Mass, momentum, energy, mean velocity, temperature (scalar and diagonal of the tensor), entropy
 * ∫ f ln f over f > 0, and the count and minimum of negative values of f on `grid`.
 */
export function moments(grid: VelocityGrid, f: Float64Array): Moments {
  const { n, axis, dv } = grid;
  let m0 = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let sxx = 0;
  let syy = 0;
  let szz = 0;
  let H = 0;
  let min = Number.POSITIVE_INFINITY;
  let neg = 0;
  let idx = 0;
  for (let i = 0; i < n; i++) {
    const x = axis[i];
    for (let j = 0; j < n; j++) {
      const y = axis[j];
      for (let k = 0; k < n; k++, idx++) {
        const z = axis[k];
        const v = f[idx];
        m0 += v;
        mx += v * x;
        my += v * y;
        mz += v * z;
        sxx += v * x * x;
        syy += v * y * y;
        szz += v * z * z;
        if (v > 0) H += v * Math.log(v);
        else if (v < 0) neg++;
        if (v < min) min = v;
      }
    }
  }
  const mass = m0 * dv;
  const p: [number, number, number] = [mx * dv, my * dv, mz * dv];
  const u: [number, number, number] = [p[0] / mass, p[1] / mass, p[2] / mass];
  const Txx = (sxx * dv) / mass - u[0] * u[0];
  const Tyy = (syy * dv) / mass - u[1] * u[1];
  const Tzz = (szz * dv) / mass - u[2] * u[2];
  return {
    mass,
    momentum: p,
    energy: 0.5 * (sxx + syy + szz) * dv,
    velocity: u,
    temperature: (Txx + Tyy + Tzz) / 3,
    temperatureTensor: [Txx, Tyy, Tzz],
    entropy: H * dv,
    min,
    negativeCount: neg,
  };
}
