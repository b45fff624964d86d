import { beamValue, makeBeam } from "../construction/beam.ts";
import { beamCollisionFrequency } from "../construction/beam-collision-frequency.ts";
import { coreValue } from "../construction/core.ts";
import { cutoffByName } from "../construction/cutoff.ts";
import { forEachInDoubleCone } from "../construction/lattice-cone.ts";
import { makeParameters } from "../construction/parameters.ts";
import { tubeSum } from "../construction/tubes.ts";
import type { Variant } from "../construction/variant.ts";
import { bumpSum, forEachBumpAt } from "../construction/velocity-bumps.ts";
import type { Quantity } from "./commands/eval.ts";

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
}

/** Floating-point bound of a sum of n non-negative terms each within TERM_ULP ulp. */
function sumBound(value: number, n: number): number {
  return (TERM_ULP + n) * Number.EPSILON * Math.abs(value);
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

export async function evaluate(o: EvalInput): Promise<EvalResult> {
  const params = makeParameters({ M: o.M, s: o.s, s0: o.s0, p: o.p });
  const cutoff = cutoffByName(o.cutoff);
  const beam = makeBeam(params, cutoff, o.variant);
  switch (o.quantity) {
    case "Ksum": {
      const value = tubeSum(beam.tube, beam.lattice, o.x, 0);
      return exactSum(value, tubeCandidates(o.M, o.x), "Σ K_{i,j}(x) of (2.4)");
    }
    case "Isum": {
      let n = 0;
      forEachBumpAt(beam.bump, o.v, () => {
        n++;
      });
      const value = bumpSum(beam.bump, beam.lattice, o.v);
      return exactSum(value, n, "Σ I_{i,j}(v) of (2.4)");
    }
    case "fb": {
      let n = 0;
      forEachBumpAt(beam.bump, o.v, () => {
        n++;
      });
      const value = beamValue(beam, o.t, o.x, o.v);
      const r = exactSum(value, n, "f_b = M^{1-s} Σ K_{i,j}(x - vt) I_{i,j}(v) of (2.4)");
      return { ...r, error: r.error + 2 * Number.EPSILON * Math.abs(value) };
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
