import { RuleError } from "../../math/errors.ts";
import { uniformDirection } from "../../math/sampling/regions.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";

/**
 * The collision kernels in particle form, in boltzlab's normalization (src/kinetic/kernel.ts,
 * ω over all of S², no 1/(4π)):
 *   Q⁺(f,f)(v) = ∫∫ f(v*) f(u*) B(u − v, ω) dω du,  v* = v − ((v−u)·ω)ω,  u* = u + ((v−u)·ω)ω.
 * A pair with relative speed g = |u − v| collides at the total rate σ(g) = ∫_{S²} B dω:
 *   hard spheres  B = |(u−v)·ω|:  σ(g) = 2π g, and ω ∝ |k·ω| (k = (v−u)/g) makes the
 *                 post-collisional direction σ̂ = k − 2(k·ω)ω uniform on S² (dσ̂ = 4|k·ω| dω,
 *                 src/solvers/spectral/bkw.ts), so v' = c + gσ̂/2, u' = c − gσ̂/2, c = (v+u)/2;
 *   constant      B ≡ 1:           σ(g) = 4π, ω uniform on S², v' = v − ((v−u)·ω)ω, u' = u + ….
 * Both maps conserve v + u and |v|² + |u|² exactly (to round-off in floating point).
 */
export type ParticleKernelName = "hard-sphere" | "constant";

export interface ParticleKernel {
  readonly name: ParticleKernelName;
  /** σ(g) = ∫_{S²} B dω for relative speed g. */
  readonly totalRate: (g: number) => number;
  /** σ(g)/g for hard spheres (2π), used for the majorant 2π·g_max; 0 means σ is constant. */
  readonly ratePerSpeed: number;
  /** σ when the kernel is constant (4π), else 0. */
  readonly constantRate: number;
}

export const HARD_SPHERE: ParticleKernel = {
  name: "hard-sphere",
  totalRate: (g) => 2 * Math.PI * g,
  ratePerSpeed: 2 * Math.PI,
  constantRate: 0,
};

export const CONSTANT: ParticleKernel = {
  name: "constant",
  totalRate: () => 4 * Math.PI,
  ratePerSpeed: 0,
  constantRate: 4 * Math.PI,
};

export function particleKernel(name: string): ParticleKernel {
  if (name === "hard-sphere") return HARD_SPHERE;
  if (name === "constant") return CONSTANT;
  throw new RuleError("kernel must be hard-sphere or constant", `got "${name}"`);
}

/**
 * The majorant σ_max of the collision rate σ(|u − v|) over every pair of one cell, for the NTC
 * candidate count (Bird 1994, §11.1): the kernel's constant rate, or, for rates proportional to
 * the relative speed, `ratePerSpeed` · 2 max_i |v_i − v̄| (|v_i − v_j| ≤ |v_i − v̄| + |v_j − v̄|), exact
 * for the cell's particles at this step rather than a running maximum. `order[a … a+n−1]` are the
 * cell's particle indices into the velocities `v` (x, y, z interleaved).
 */
export function cellMajorant(
  k: ParticleKernel,
  v: Float64Array,
  order: ArrayLike<number>,
  a: number,
  n: number,
): number {
  if (k.constantRate > 0) return k.constantRate;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let r = a; r < a + n; r++) {
    const i = 3 * order[r];
    m0 += v[i];
    m1 += v[i + 1];
    m2 += v[i + 2];
  }
  m0 /= n;
  m1 /= n;
  m2 /= n;
  let r2 = 0;
  for (let r = a; r < a + n; r++) {
    const i = 3 * order[r];
    const d0 = v[i] - m0;
    const d1 = v[i + 1] - m1;
    const d2 = v[i + 2] - m2;
    const q = d0 * d0 + d1 * d1 + d2 * d2;
    if (q > r2) r2 = q;
  }
  return k.ratePerSpeed * 2 * Math.sqrt(r2);
}

const dir = new Float64Array(3);

/**
 * Replace velocities a = va[ia..ia+2] and b = vb[ib..ib+2] (possibly the same array) by their
 * post-collisional values under `kernel`, with the direction drawn from `rand`.
 */
export function collidePair(
  kernel: ParticleKernel,
  rand: Uniform,
  va: Float64Array,
  ia: number,
  vb: Float64Array,
  ib: number,
): void {
  uniformDirection(dir, rand);
  const a0 = va[ia];
  const a1 = va[ia + 1];
  const a2 = va[ia + 2];
  const b0 = vb[ib];
  const b1 = vb[ib + 1];
  const b2 = vb[ib + 2];
  const g0 = a0 - b0;
  const g1 = a1 - b1;
  const g2 = a2 - b2;
  if (kernel.name === "hard-sphere") {
    const g = Math.sqrt(g0 * g0 + g1 * g1 + g2 * g2);
    const c0 = 0.5 * (a0 + b0);
    const c1 = 0.5 * (a1 + b1);
    const c2 = 0.5 * (a2 + b2);
    const h = 0.5 * g;
    va[ia] = c0 + h * dir[0];
    va[ia + 1] = c1 + h * dir[1];
    va[ia + 2] = c2 + h * dir[2];
    vb[ib] = c0 - h * dir[0];
    vb[ib + 1] = c1 - h * dir[1];
    vb[ib + 2] = c2 - h * dir[2];
  } else {
    const s = g0 * dir[0] + g1 * dir[1] + g2 * dir[2];
    const d0 = s * dir[0];
    const d1 = s * dir[1];
    const d2 = s * dir[2];
    va[ia] = a0 - d0;
    va[ia + 1] = a1 - d1;
    va[ia + 2] = a2 - d2;
    vb[ib] = b0 + d0;
    vb[ib + 1] = b1 + d1;
    vb[ib + 2] = b2 + d2;
  }
}
