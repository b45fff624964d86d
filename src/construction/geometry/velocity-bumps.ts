import type { Variant } from "../parameters/variant.ts";
import type { Cutoff } from "./cutoff.ts";
import type { Lattice } from "./lattice.ts";
import { forEachInCone } from "./lattice-cone.ts";

/**
 * The velocity bumps of (2.4): I_{i,j}(v) = χ(c M P⊥_{e} v) χ(α P_{e}(v − e)), e = e_{i,j}, α = 10
 * in the paper.
 *
 * Two readings of c (docs/design.md, variants):
 * - `as-written`: c = 1, the definition (2.4): |P⊥v| < 1/M on the support;
 * - `as-in-proof`: c = 10, what the proof of (2.20) uses in (2.21): |P⊥v| ≤ 1/(10M).
 * In both, the axial factor restricts e·v to (1 − 1/α, 1 + 1/α) = (9/10, 11/10).
 * A construction with other constants (`parameters.ts`) sets `transverse` (c) and `axial` (α).
 */
export interface BumpShape {
  readonly M: number;
  readonly cutoff: Cutoff;
  readonly variant: Variant;
  /** c in χ(c M P⊥v); absent: {@link bumpWidthFactor} of the variant. */
  readonly transverse?: number;
  /** α in χ(α P(v − e)); absent: 10. */
  readonly axial?: number;
}

/** The variant's factor c of χ(c M P⊥ v): 10 `as-in-proof`, 1 `as-written`. */
export function bumpWidthFactor(variant: Variant): number {
  return variant === "as-in-proof" ? 10 : 1;
}

/** The shape's transverse factor c (its own, or the variant's). */
export function bumpTransverseFactor(shape: BumpShape): number {
  return shape.transverse ?? bumpWidthFactor(shape.variant);
}

/** The shape's axial factor α (its own, or the paper's 10). */
export function bumpAxialFactor(shape: BumpShape): number {
  return shape.axial ?? 10;
}

/** The half width h = 1/α of the bump's axial support 1 − h < e·v < 1 + h (paper: 1/10). */
export function bumpAxialHalfWidth(shape: BumpShape): number {
  return 1 / bumpAxialFactor(shape);
}

/**
 * The axial support (1 − 1/α, 1 + 1/α) of the bump's factor χ(α P(v − e)) (2.4): [0.9, 1.1] for the
 * paper's α = 10 (bit for bit: 1 ∓ 0.1 are those doubles).
 */
export function bumpAxialRange(shape: BumpShape): readonly [number, number] {
  const h = bumpAxialHalfWidth(shape);
  return [1 - h, 1 + h];
}

/**
 * Margin of the proof's disjointness argument (2.21)–(2.23) for this shape: for v, u in the supports
 * of two different bumps, |v − u| ≥ (1 − 1/α)·|e − e'| − 2ρ ≥ ((1 − 1/α) − 2/c)/M, using
 * |ae − be'| ≥ √(ab)|e − e'|, a, b ≥ 1 − 1/α, |P⊥| ≤ ρ = 1/(cM) and the separation (2.10)
 * |e − e'| ≥ 1/M. Returns (1 − 1/α) − 2/c: the supports are disjoint by this argument when it is > 0
 * (paper, as-in-proof: 0.9 − 0.2 = 0.7; as-written: 0.9 − 2 < 0, the argument fails).
 */
export function bumpDisjointnessMargin(shape: BumpShape): number {
  return 1 - 1 / bumpAxialFactor(shape) - 2 / bumpTransverseFactor(shape);
}

/** Radius ρ = 1/(cM) of the bump's cross-section. */
export function bumpRadius(shape: BumpShape): number {
  return 1 / (bumpTransverseFactor(shape) * shape.M);
}

/** I_e(v) for a unit vector e. */
export function bumpValue(shape: BumpShape, e: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = e[0] * v[0] + e[1] * v[1] + e[2] * v[2];
  const px = v[0] - a * e[0];
  const py = v[1] - a * e[1];
  const pz = v[2] - a * e[2];
  const r = Math.sqrt(px * px + py * py + pz * pz);
  const { phi } = shape.cutoff;
  return phi(r / bumpRadius(shape)) * phi(bumpAxialFactor(shape) * Math.abs(a - 1));
}

/**
 * Visit every k whose bump can be non-zero at v: e_k within angle arcsin(ρ/|v|) of v/|v|
 * (a superset; the exact test is the bump value). Only directions in the upper hemisphere exist,
 * and the axial factor forces e·v > 0, so one cone suffices.
 */
export function forEachBumpAt(
  shape: BumpShape,
  v: ArrayLike<number>,
  visit: (k: number) => void,
): void {
  const nv = Math.hypot(v[0], v[1], v[2]);
  const rho = bumpRadius(shape);
  const h = 1 / bumpAxialFactor(shape);
  if (nv <= 1 - h || nv >= (1 + h) * Math.sqrt(1 + rho * rho)) return;
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
