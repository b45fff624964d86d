import { RuleError } from "../../math/errors.ts";

/**
 * A set of simulation particles in typed arrays: position x_i ∈ R³, velocity v_i ∈ R³ and a signed
 * weight w_i (the mass it carries). The empirical measure Σ_i w_i δ(x − x_i) δ(v − v_i) represents
 * f (plain DSMC, w_i > 0) or the deviation f_δ = f − f_ref (deviational mode, w_i of either sign).
 * Layout: x[3i..3i+2], v[3i..3i+2], w[i] for i < count; arrays grow by doubling.
 */
export interface ParticleSet {
  count: number;
  x: Float64Array;
  v: Float64Array;
  w: Float64Array;
}

export function makeParticleSet(capacity: number): ParticleSet {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RuleError("particle capacity must be an integer >= 1", `got ${capacity}`);
  return {
    count: 0,
    x: new Float64Array(3 * capacity),
    v: new Float64Array(3 * capacity),
    w: new Float64Array(capacity),
  };
}

/** Make room for `extra` more particles (amortized doubling). */
export function reserve(p: ParticleSet, extra: number): void {
  const need = p.count + extra;
  if (need <= p.w.length) return;
  let cap = p.w.length;
  while (cap < need) cap *= 2;
  const x = new Float64Array(3 * cap);
  x.set(p.x.subarray(0, 3 * p.count));
  const v = new Float64Array(3 * cap);
  v.set(p.v.subarray(0, 3 * p.count));
  const w = new Float64Array(cap);
  w.set(p.w.subarray(0, p.count));
  p.x = x;
  p.v = v;
  p.w = w;
}

/** Append one particle (call {@link reserve} first in hot loops). */
export function pushParticle(
  p: ParticleSet,
  x0: number,
  x1: number,
  x2: number,
  v0: number,
  v1: number,
  v2: number,
  w: number,
): void {
  if (p.count === p.w.length) reserve(p, 1);
  const i = p.count++;
  p.x[3 * i] = x0;
  p.x[3 * i + 1] = x1;
  p.x[3 * i + 2] = x2;
  p.v[3 * i] = v0;
  p.v[3 * i + 1] = v1;
  p.v[3 * i + 2] = v2;
  p.w[i] = w;
}

/** Remove particle i by moving the last one into its slot (order is not preserved). */
export function removeParticle(p: ParticleSet, i: number): void {
  const last = --p.count;
  if (i === last) return;
  for (let a = 0; a < 3; a++) {
    p.x[3 * i + a] = p.x[3 * last + a];
    p.v[3 * i + a] = p.v[3 * last + a];
  }
  p.w[i] = p.w[last];
}
