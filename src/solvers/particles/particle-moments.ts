/**
 * Moments of the empirical measure Σ w_i δ(x − x_i) δ(v − v_i) (signed weights allowed):
 * mass Σw, momentum Σw v, energy ½Σw|v|², the diagonal of the temperature tensor
 * T_aa = (Σw v_a² − (Σw v_a)²/Σw)/Σw (as `relax`, src/solvers/spectral/moments.ts), the fourth
 * moment Σw|v|⁴, and the total variation Σ|w| (the noise scale of a signed-weight estimate).
 */
import type { ParticleSet } from "./particle-set.ts";

export interface ParticleMoments {
  mass: number;
  momentum: [number, number, number];
  energy: number;
  temperature: [number, number, number];
  fourthMoment: number;
  totalVariation: number;
}

export function particleMoments(p: ParticleSet): ParticleMoments {
  const { v, w } = p;
  let m = 0;
  let tv = 0;
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let m4 = 0;
  for (let i = 0; i < p.count; i++) {
    const wi = w[i];
    const a = v[3 * i];
    const b = v[3 * i + 1];
    const c = v[3 * i + 2];
    m += wi;
    tv += Math.abs(wi);
    p0 += wi * a;
    p1 += wi * b;
    p2 += wi * c;
    s0 += wi * a * a;
    s1 += wi * b * b;
    s2 += wi * c * c;
    const q = a * a + b * b + c * c;
    m4 += wi * q * q;
  }
  const T = (s: number, q: number): number => (m !== 0 ? (s - (q * q) / m) / m : Number.NaN);
  return {
    mass: m,
    momentum: [p0, p1, p2],
    energy: 0.5 * (s0 + s1 + s2),
    temperature: [T(s0, p0), T(s1, p1), T(s2, p2)],
    fourthMoment: m4,
    totalVariation: tv,
  };
}

/** Txx − (Tyy + Tzz)/2. */
export function anisotropy(m: ParticleMoments): number {
  return m.temperature[0] - 0.5 * (m.temperature[1] + m.temperature[2]);
}
