import { beamValue, makeBeam } from "../construction/beam/beam.ts";
import { beamCollisionFrequency } from "../construction/beam/beam-collision-frequency.ts";
import { coreValue } from "../construction/core/core.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import { forEachInDoubleCone } from "../construction/geometry/lattice-cone.ts";
import { nearestLatticeDirection } from "../construction/geometry/lattice-nearest.ts";
import { tubeSum } from "../construction/geometry/tubes.ts";
import {
  bumpRadius,
  bumpSum,
  bumpWidthFactor,
  forEachBumpAt,
} from "../construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { fmt } from "./common-options.ts";
import type { Quantity } from "./eval-quantities.ts";

/** Per-term rounding allowance (ulp) of one tube or bump value (sqrt, exp, products). */
const TERM_ULP = 8;

export interface EvalInput {
  quantity: Quantity;
  M: number;
  s: number;
  s0: number;
  p: number | undefined;
  t: number;
  x: readonly [number, number, number];
  v: readonly [number, number, number];
  cutoff: string;
  variant: Variant;
}

export interface EvalResult {
  value: number;
  error: number;
  method: string;
  unconverged?: boolean;
  /** Why an exact sum is 0: the point lies off every bump / tube (nearest lattice direction named). */
  note?: string;
}

/** Floating-point bound of a sum of n non-negative terms each within TERM_ULP ulp. */
function sumBound(value: number, n: number): number {
  return (TERM_ULP + n) * Number.EPSILON * Math.abs(value);
}

function withNote(r: EvalResult, note: string | undefined): EvalResult {
  return note === undefined ? r : { ...r, note };
}

function exactSum(value: number, n: number, what: string): EvalResult {
  return {
    value,
    error: sumBound(value, n),
    method: `exact finite sum ${what} over the ${n} candidate terms found by cone enumeration of the lattice; error from floating point only: (${TERM_ULP} + ${n}) ulp x value (${TERM_ULP} ulp per term, 1 ulp per addition)`,
  };
}

/** Number of tubes visited by {@link tubeSum} at x (same cone as the library uses). */
function tubeCandidates(M: number, x: readonly number[]): number {
  const nx = Math.hypot(x[0], x[1], x[2]);
  if (nx >= Math.sqrt(1 + 1 / (M * M))) return 0;
  const R = 1 / M;
  const alpha = nx <= R ? Math.PI : Math.asin(R / nx);
  const d = nx > 0 ? [x[0] / nx, x[1] / nx, x[2] / nx] : [0, 0, 1];
  let n = 0;
  forEachInDoubleCone(M, d, alpha, () => {
    n++;
  });
  return n;
}

const v3 = (a: readonly number[]) => `(${a.map((c) => fmt(c)).join(", ")})`;

/**
 * The reason an exact sum vanishes, for the user: v outside every velocity bump I_{i,j} (support
 * |P⊥_e v| < ρ = 1/(cM) and 9/10 < e·v < 11/10, (2.4)), or y = x − vt outside every tube K_{i,j}
 * (|P⊥_e y| < 1/M and |e·y| < 1), with the nearest lattice direction and how far it is.
 */
function bumpNote(o: EvalInput, rho: number): string {
  const nv = Math.hypot(o.v[0], o.v[1], o.v[2]);
  const hint = `list the directions with \`boltzlab lattice --M ${o.M} --points\``;
  if (nv === 0)
    return `v = 0 lies outside every velocity bump I_{i,j} (they need 9/10 < e·v < 11/10); ${hint}`;
  const n = nearestLatticeDirection(o.M, o.v);
  const perp = nv * Math.sin(n.angle);
  const axial = nv * Math.cos(n.angle);
  return (
    `v = ${v3(o.v)} lies outside every velocity bump I_{i,j} of (2.4) (variant ${o.variant}: |P⊥_e v| < 1/(${bumpWidthFactor(o.variant)}M) = ${fmt(rho)} and 9/10 < e·v < 11/10); ` +
    `the nearest lattice direction is e_{${n.i},${n.j}} = ${v3(n.e)}, where |P⊥_e v| = ${fmt(perp)} and e·v = ${fmt(axial)}; ${hint}`
  );
}

function tubeNote(o: EvalInput, y: readonly number[], what: string): string {
  const ny = Math.hypot(y[0], y[1], y[2]);
  const hint = `list the directions with \`boltzlab lattice --M ${o.M} --points\``;
  // tubes are symmetric under y → −y and the lattice lies in the upper hemisphere
  const u = y[2] < 0 ? [-y[0], -y[1], -y[2]] : y;
  const n = nearestLatticeDirection(o.M, u);
  return (
    `${what} = ${v3(y)} lies outside every tube K_{i,j} of (2.4) (|P⊥_e y| < 1/M = ${fmt(1 / o.M)} and |e·y| < 1); ` +
    `the nearest tube axis is e_{${n.i},${n.j}} = ${v3(n.e)}, at distance |P⊥_e y| = ${fmt(ny * Math.sin(n.angle))} with |e·y| = ${fmt(ny * Math.cos(n.angle))}; ${hint}`
  );
}

/** A note when an exact sum is 0 because the point is off the supports (undefined otherwise). */
function zeroNote(
  o: EvalInput,
  beam: ReturnType<typeof makeBeam>,
  value: number,
): string | undefined {
  if (value !== 0) return undefined;
  const y = [o.x[0] - o.v[0] * o.t, o.x[1] - o.v[1] * o.t, o.x[2] - o.v[2] * o.t];
  const rho = bumpRadius(beam.bump);
  const onBump = bumpSum(beam.bump, beam.lattice, o.v) > 0;
  switch (o.quantity) {
    case "Isum":
      return bumpNote(o, rho);
    case "Ksum":
      return tubeNote(o, o.x, "x");
    case "fb": {
      if (!onBump) return bumpNote(o, rho);
      if (tubeSum(beam.tube, beam.lattice, y, 0) === 0) return tubeNote(o, y, "x − vt");
      return "v lies in a velocity bump I_{i,j} and x − vt in some tube, but not in the tube K_{i,j} of the same direction (f_b pairs them, (2.4))";
    }
    default:
      return undefined;
  }
}

export async function evaluate(o: EvalInput): Promise<EvalResult> {
  const params = makeParameters({ M: o.M, s: o.s, s0: o.s0, p: o.p });
  const cutoff = cutoffByName(o.cutoff);
  const beam = makeBeam(params, cutoff, o.variant);
  switch (o.quantity) {
    case "Ksum": {
      const value = tubeSum(beam.tube, beam.lattice, o.x, 0);
      return withNote(
        exactSum(value, tubeCandidates(o.M, o.x), "Σ K_{i,j}(x) of (2.4)"),
        zeroNote(o, beam, value),
      );
    }
    case "Isum": {
      let n = 0;
      forEachBumpAt(beam.bump, o.v, () => {
        n++;
      });
      const value = bumpSum(beam.bump, beam.lattice, o.v);
      return withNote(exactSum(value, n, "Σ I_{i,j}(v) of (2.4)"), zeroNote(o, beam, value));
    }
    case "fb": {
      let n = 0;
      forEachBumpAt(beam.bump, o.v, () => {
        n++;
      });
      const value = beamValue(beam, o.t, o.x, o.v);
      const r = exactSum(value, n, "f_b = M^{1-s} Σ K_{i,j}(x - vt) I_{i,j}(v) of (2.4)");
      return withNote(
        { ...r, error: r.error + 2 * Number.EPSILON * Math.abs(value) },
        zeroNote(o, beam, value),
      );
    }
    case "A": {
      const e = beamCollisionFrequency(beam, o.t, o.x, o.v);
      return { value: e.value, error: e.error, method: e.method, unconverged: e.unconverged };
    }
    case "fr": {
      const e = coreValue(beam, o.t, o.x, o.v);
      return { value: e.value, error: e.error, method: e.method, unconverged: e.unconverged };
    }
  }
}
