import type { Variant } from "./variant.ts";
import type { Cutoff } from "./cutoff.ts";
import { forEachInCone } from "./lattice-cone.ts";
import type { Lattice } from "./lattice.ts";

/**
 * The velocity bumps of (2.4): I_{i,j}(v) = χ(c M P⊥_{e} v) χ(10 P_{e}(v − e)), e = e_{i,j}.
 *
 * Two readings (DESIGN.md, variants):
 * - `as-written`: c = 1, the definition (2.4): |P⊥v| < 1/M on the support;
 * - `as-in-proof`: c = 10, what the proof of (2.20) uses in (2.21): |P⊥v| ≤ 1/(10M).
 * In both, the axial factor restricts e·v to (9/10, 11/10).
 */
export interface BumpShape {
  readonly M: number;
  readonly cutoff: Cutoff;
  readonly variant: Variant;
}

/** The factor c of χ(c M P⊥ v). */
export function bumpWidthFactor(variant: Variant): number {
  return variant === "as-in-proof" ? 10 : 1;
}

/** Radius ρ = 1/(cM) of the bump's cross-section. */
export function bumpRadius(shape: BumpShape): number {
  return 1 / (bumpWidthFactor(shape.variant) * shape.M);
}

/** I_e(v) for a unit vector e. */
export function bumpValue(shape: BumpShape, e: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = e[0] * v[0] + e[1] * v[1] + e[2] * v[2];
  const px = v[0] - a * e[0];
  const py = v[1] - a * e[1];
  const pz = v[2] - a * e[2];
  const r = Math.sqrt(px * px + py * py + pz * pz);
  const { phi } = shape.cutoff;
  return phi(r / bumpRadius(shape)) * phi(10 * Math.abs(a - 1));
}

/**
 * Visit every k whose bump can be non-zero at v: e_k within angle arcsin(ρ/|v|) of v/|v|
 * (a superset; the exact test is the bump value). Only directions in the upper hemisphere exist,
 * and the axial factor forces e·v > 0, so one cone suffices.
 */
export function forEachBumpAt(shape: BumpShape, v: ArrayLike<number>, visit: (k: number) => void): void {
  const nv = Math.hypot(v[0], v[1], v[2]);
  if (nv <= 0.9 || nv >= 1.1 * Math.sqrt(1 + 1 / shape.M ** 2)) return;
  const rho = bumpRadius(shape);
  dir[0] = v[0] / nv;
  dir[1] = v[1] / nv;
  dir[2] = v[2] / nv;
  forEachInCone(shape.M, dir, Math.asin(Math.min(1, rho / nv)), visit);
}

/** Σ_{i,j} I_{i,j}(v), the left side of (2.12)/(1.13). */
export function bumpSum(shape: BumpShape, lattice: Lattice, v: ArrayLike<number>): number {
  let total = 0;
  const e = lattice.e;
  forEachBumpAt(shape, v, (k) => {
    eScratch[0] = e[3 * k];
    eScratch[1] = e[3 * k + 1];
    eScratch[2] = e[3 * k + 2];
    total += bumpValue(shape, eScratch, v);
  });
  return total;
}

/** Number of bumps non-zero at v (2 or more is a point of overlap, contradicting (2.20)). */
export function bumpOverlapCount(shape: BumpShape, lattice: Lattice, v: ArrayLike<number>): number {
  let count = 0;
  const e = lattice.e;
  forEachBumpAt(shape, v, (k) => {
    eScratch[0] = e[3 * k];
    eScratch[1] = e[3 * k + 1];
    eScratch[2] = e[3 * k + 2];
    if (bumpValue(shape, eScratch, v) > 0) count++;
  });
  return count;
}

/** Σ I over every bump (naive reference). */
export function bumpSumNaive(shape: BumpShape, lattice: Lattice, v: ArrayLike<number>): number {
  let total = 0;
  const e = lattice.e;
  for (let k = 0; k < lattice.count; k++) {
    eScratch[0] = e[3 * k];
    eScratch[1] = e[3 * k + 1];
    eScratch[2] = e[3 * k + 2];
    total += bumpValue(shape, eScratch, v);
  }
  return total;
}

const dir = new Float64Array(3);
const eScratch = new Float64Array(3);
