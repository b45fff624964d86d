import { beamValue, makeBeam } from "../construction/beam/beam.ts";
import { beamCollisionFrequency } from "../construction/beam/beam-collision-frequency.ts";
import { coreValue } from "../construction/core/core.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import { forEachInDoubleCone } from "../construction/geometry/lattice-cone.ts";
import { nearestLatticeDirection } from "../construction/geometry/lattice-nearest.ts";
import { type TubeShape, tubeRadius, tubeSum } from "../construction/geometry/tubes.ts";
import {
  bumpRadius,
  bumpSum,
  bumpWidthFactor,
  forEachBumpAt,
} from "../construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import type { PointQuantity } from "./point-quantities.ts";

/**
 * One pointwise value of the construction of (2.3)–(2.6) as an {@link Estimate}:
 * - `Ksum` = Σ K_{i,j}(x), `Isum` = Σ I_{i,j}(v) and `fb` = f_b(t, x, v) (2.4) are exact finite
 *   sums over the n candidate terms the lattice cone enumeration visits; their error is floating
 *   point only, (8 + n) ulp × value (8 ulp per non-negative term, 1 ulp per addition), plus 2 ulp
 *   for the amplitude product of f_b;
 * - `A` = A[f_b](t, x, v) (2.6) and `fr` = f_r(t, x, v) (2.5) carry the library's own error
 *   (per-tube quadrature; the quadrature of Λ propagated).
 * When an exact sum is 0 because the point lies off the supports, `offSupport` says which support
 * and gives the nearest lattice direction.
 */
export interface PointInput {
  readonly quantity: PointQuantity;
  readonly M: number;
  readonly s: number;
  readonly s0: number;
  readonly p: number | undefined;
  readonly t: number;
  readonly x: readonly [number, number, number];
  readonly v: readonly [number, number, number];
  readonly cutoff: string;
  readonly variant: Variant;
}

/** The value of a {@link PointInput} and, for an exact 0 off the supports, why. */
export interface PointValue {
  readonly estimate: Estimate;
  readonly offSupport?: OffSupport;
}

/** Per-term rounding allowance (ulp) of one tube or bump value (sqrt, exp, products). */
const TERM_ULP = 8;

function exactSum(value: number, n: number, what: string): Estimate {
  return estimate(
    value,
    (TERM_ULP + n) * Number.EPSILON * Math.abs(value),
    "closed-form",
    `exact finite sum ${what} over the ${n} candidate terms found by cone enumeration of the lattice; error from floating point only: (${TERM_ULP} + ${n}) ulp x value (${TERM_ULP} ulp per term, 1 ulp per addition)`,
  );
}

/**
 * The number of tubes {@link tubeSum} visits at x: the lattice directions in the double cone of
 * half-angle arcsin(radius/|x|) around ±x, none beyond the reach scale·√(1 + 1/M²) (the same
 * cone, radius and reach as tubeSum).
 */
export function tubeCandidateCount(shape: TubeShape, x: readonly number[]): number {
  const nx = Math.hypot(x[0], x[1], x[2]);
  if (nx >= shape.scale * Math.sqrt(1 + 1 / (shape.M * shape.M))) return 0;
  const R = tubeRadius(shape);
  const alpha = nx <= R ? Math.PI : Math.asin(R / nx);
  const d = nx > 0 ? [x[0] / nx, x[1] / nx, x[2] / nx] : [0, 0, 1];
  let n = 0;
  forEachInDoubleCone(shape.M, d, alpha, () => {
    n++;
  });
  return n;
}

/** The lattice direction nearest a point's direction, and the point's offsets from it. */
export interface NearestAxis {
  readonly i: number;
  readonly j: number;
  readonly e: readonly number[];
  /** |P⊥_e u| and e·u for the point u. */
  readonly perp: number;
  readonly axial: number;
}

/**
 * Why an exact sum is 0: v = 0 (no bump reaches it); v off every velocity bump (support
 * |P⊥_e v| < ρ = 1/(cM), 9/10 < e·v < 11/10); y (x, or x − vt for f_b) off every tube
 * (|P⊥_e y| < 1/M, |e·y| < 1); or v in a bump and x − vt in a tube of another direction.
 */
export type OffSupport =
  | { readonly kind: "bump-at-origin" }
  | {
      readonly kind: "bump";
      readonly v: readonly number[];
      readonly variant: Variant;
      readonly widthFactor: number;
      readonly rho: number;
      readonly nearest: NearestAxis;
    }
  | {
      readonly kind: "tube";
      readonly what: "x" | "x − vt";
      readonly y: readonly number[];
      readonly tubeRadius: number;
      readonly nearest: NearestAxis;
    }
  | { readonly kind: "unpaired" };

function nearestAxis(M: number, u: readonly number[]): NearestAxis {
  const nu = Math.hypot(u[0], u[1], u[2]);
  const n = nearestLatticeDirection(M, u);
  return {
    i: n.i,
    j: n.j,
    e: Array.from(n.e),
    perp: nu * Math.sin(n.angle),
    axial: nu * Math.cos(n.angle),
  };
}

function offBump(o: PointInput, rho: number): OffSupport {
  if (Math.hypot(o.v[0], o.v[1], o.v[2]) === 0) return { kind: "bump-at-origin" };
  return {
    kind: "bump",
    v: o.v,
    variant: o.variant,
    widthFactor: bumpWidthFactor(o.variant),
    rho,
    nearest: nearestAxis(o.M, o.v),
  };
}

function offTube(o: PointInput, y: readonly number[], what: "x" | "x − vt"): OffSupport {
  // tubes are symmetric under y → −y and the lattice lies in the upper hemisphere
  const u = y[2] < 0 ? [-y[0], -y[1], -y[2]] : y;
  return { kind: "tube", what, y, tubeRadius: 1 / o.M, nearest: nearestAxis(o.M, u) };
}

function zeroReason(
  o: PointInput,
  beam: ReturnType<typeof makeBeam>,
  value: number,
): OffSupport | undefined {
  if (value !== 0) return undefined;
  const y = [o.x[0] - o.v[0] * o.t, o.x[1] - o.v[1] * o.t, o.x[2] - o.v[2] * o.t];
  const rho = bumpRadius(beam.bump);
  switch (o.quantity) {
    case "Isum":
      return offBump(o, rho);
    case "Ksum":
      return offTube(o, o.x, "x");
    case "fb": {
      if (!(bumpSum(beam.bump, beam.lattice, o.v) > 0)) return offBump(o, rho);
      if (tubeSum(beam.tube, beam.lattice, y, 0) === 0) return offTube(o, y, "x − vt");
      return { kind: "unpaired" };
    }
    default:
      return undefined;
  }
}

function bumpCandidates(beam: ReturnType<typeof makeBeam>, v: readonly number[]): number {
  let n = 0;
  forEachBumpAt(beam.bump, v, () => {
    n++;
  });
  return n;
}

const withReason = (e: Estimate, why: OffSupport | undefined): PointValue =>
  why === undefined ? { estimate: e } : { estimate: e, offSupport: why };

/** Evaluate one {@link PointInput} (see its comment for what each error means). */
export function evaluatePoint(o: PointInput): PointValue {
  const params = makeParameters({ M: o.M, s: o.s, s0: o.s0, p: o.p });
  const beam = makeBeam(params, cutoffByName(o.cutoff), o.variant);
  switch (o.quantity) {
    case "Ksum": {
      const value = tubeSum(beam.tube, beam.lattice, o.x, 0);
      const n = tubeCandidateCount(beam.tube, o.x);
      return withReason(exactSum(value, n, "Σ K_{i,j}(x) of (2.4)"), zeroReason(o, beam, value));
    }
    case "Isum": {
      const value = bumpSum(beam.bump, beam.lattice, o.v);
      const n = bumpCandidates(beam, o.v);
      return withReason(exactSum(value, n, "Σ I_{i,j}(v) of (2.4)"), zeroReason(o, beam, value));
    }
    case "fb": {
      const n = bumpCandidates(beam, o.v);
      const value = beamValue(beam, o.t, o.x, o.v);
      const r = exactSum(value, n, "f_b = M^{1-s} Σ K_{i,j}(x - vt) I_{i,j}(v) of (2.4)");
      const e = estimate(value, r.error + 2 * Number.EPSILON * Math.abs(value), r.kind, r.method);
      return withReason(e, zeroReason(o, beam, value));
    }
    case "A":
      return { estimate: beamCollisionFrequency(beam, o.t, o.x, o.v) };
    case "fr":
      return { estimate: coreValue(beam, o.t, o.x, o.v) };
  }
}
