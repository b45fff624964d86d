import type { Cutoff } from "./cutoff.ts";
import type { Lattice } from "./lattice.ts";
import { forEachInDoubleCone } from "./lattice-cone.ts";

/**
 * The tubes of (2.4): K_{i,j}(x) = χ(M P⊥_{e} x) χ(P_{e} x) with e = e_{i,j}, a cylinder of radius
 * 1/M and half-length 1 along e. `scale` generalizes to the K̃ of (2.28)–(2.29)
 * (K̃(x) = χ(M P⊥x / σ) χ(P x / σ), σ = 10) and to the lower envelope of (2.34)
 * (χ(10 M P⊥x) χ(10 P x), σ = 1/10).
 *
 * With r = |P⊥ x|, a = e·x and ρ = M r/σ, ζ = |a|/σ:
 *   K = φ(ρ) φ(ζ),
 *   ∇K = φ'(ρ) φ(ζ) (M/σ) P⊥x/r + φ(ρ) φ'(ζ) sign(a) e/σ.
 */
export interface TubeShape {
  readonly M: number;
  readonly cutoff: Cutoff;
  /** σ: 1 for K, 10 for K̃ (2.28), 1/10 for the inner tube of (2.34). */
  readonly scale: number;
}

/** K_e(x) for a unit vector e. */
export function tubeValue(shape: TubeShape, e: ArrayLike<number>, x: ArrayLike<number>): number {
  const a = e[0] * x[0] + e[1] * x[1] + e[2] * x[2];
  const px = x[0] - a * e[0];
  const py = x[1] - a * e[1];
  const pz = x[2] - a * e[2];
  const r = Math.sqrt(px * px + py * py + pz * pz);
  const { phi } = shape.cutoff;
  return phi((shape.M * r) / shape.scale) * phi(Math.abs(a) / shape.scale);
}

/** |∇K_e(x)| (Euclidean norm of the gradient). */
export function tubeGradientNorm(
  shape: TubeShape,
  e: ArrayLike<number>,
  x: ArrayLike<number>,
): number {
  const a = e[0] * x[0] + e[1] * x[1] + e[2] * x[2];
  const px = x[0] - a * e[0];
  const py = x[1] - a * e[1];
  const pz = x[2] - a * e[2];
  const r = Math.sqrt(px * px + py * py + pz * pz);
  const { phi, dphi } = shape.cutoff;
  const s = shape.scale;
  const rho = (shape.M * r) / s;
  const zeta = Math.abs(a) / s;
  // the two components are orthogonal (P⊥x ⊥ e)
  const perp = dphi(rho) * phi(zeta) * (shape.M / s);
  const par = (phi(rho) * dphi(zeta)) / s;
  return Math.hypot(perp, par);
}

/** Perpendicular reach of a tube: K_e(x) ≠ 0 ⇒ |P⊥_e x| < scale/M and |e·x| < scale. */
export function tubeRadius(shape: TubeShape): number {
  return shape.scale / shape.M;
}

/**
 * Σ_{i,j} |∇^k K_{i,j}(x)| for k = 0, 1 (the left side of (2.11), (2.29)), visiting only the tubes
 * whose direction lies in the double cone of half-angle arcsin(radius/|x|) around ±x.
 */
export function tubeSum(
  shape: TubeShape,
  lattice: Lattice,
  x: ArrayLike<number>,
  k: 0 | 1,
): number {
  const nx = Math.hypot(x[0], x[1], x[2]);
  if (nx >= shape.scale * Math.sqrt(1 + 1 / (shape.M * shape.M))) return 0;
  const R = tubeRadius(shape);
  const alpha = nx <= R ? Math.PI : Math.asin(R / nx);
  dir[0] = nx > 0 ? x[0] / nx : 0;
  dir[1] = nx > 0 ? x[1] / nx : 0;
  dir[2] = nx > 0 ? x[2] / nx : 1;
  let total = 0;
  const e = lattice.e;
  forEachInDoubleCone(shape.M, dir, alpha, (idx) => {
    eScratch[0] = e[3 * idx];
    eScratch[1] = e[3 * idx + 1];
    eScratch[2] = e[3 * idx + 2];
    total += k === 0 ? tubeValue(shape, eScratch, x) : tubeGradientNorm(shape, eScratch, x);
  });
  return total;
}

/** The same sum over every tube (the naive reference for tests and bench). */
export function tubeSumNaive(
  shape: TubeShape,
  lattice: Lattice,
  x: ArrayLike<number>,
  k: 0 | 1,
): number {
  let total = 0;
  const e = lattice.e;
  for (let idx = 0; idx < lattice.count; idx++) {
    eScratch[0] = e[3 * idx];
    eScratch[1] = e[3 * idx + 1];
    eScratch[2] = e[3 * idx + 2];
    total += k === 0 ? tubeValue(shape, eScratch, x) : tubeGradientNorm(shape, eScratch, x);
  }
  return total;
}

const dir = new Float64Array(3);
const eScratch = new Float64Array(3);
