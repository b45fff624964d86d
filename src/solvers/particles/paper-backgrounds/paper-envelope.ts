/**
 * Envelopes of the paper's beam f_b (2.4) and core f_r (2.5) for particle sampling: rigorous bounds
 * of their collision frequencies along free flights, the tubes that can reach a point, proposals
 * uniform on the supports, and the exact velocity integral of the core's collision frequency.
 *
 * Notation (docs/exact.md): n = M(M+1)/2 tubes; bump k supported in the cylinder
 * C_k = {a e_k + ρ r ω̂ : |a − 1| < h, r < 1} (ρ = 1/(cM) the bump radius, h = 1/α), so
 * |u| ≤ u_max = √((1 + h)² + ρ²) on every bump; tube K_k supported in {|P⊥y| < 1/M, |e_k·y| < 1};
 * core supported in |x| < 1/(RM), |v| < 1/N.
 *
 * Rigorous bounds used (with 0 ≤ φ ≤ 1, checked on a grid when the envelope is made):
 * - ∫ I_k(u) du = 2πρ² J₁ · (2h) J₀,  J₁ = ∫₀¹ rφ(r) dr,  J₀ = ∫₀¹ φ(y) dy (1-D Gauss–Legendre on
 *   smooth profiles, converged below 1e-12 relative; a factor 1 + 1e-9 is added);
 * - along a flight y(s) = x + s v, s ∈ [0, τ], tube k contributes to A[f_b](t + s, y(s), v) only if
 *   |P⊥_k y(s)| < 1/M + (t + s)ρ, hence only if |P⊥_k m| < 1/M + (t + τ)ρ + |v|τ/2 (m the midpoint);
 *   and not at all when every |y(s)| ≥ 1 + u_max(t + τ) + 1/M + (t + τ)ρ;
 * - |u − v| ≤ |v| + u_max, K ≤ 1, so A[f_b] ≤ 2π c_b M^{1−s} (|v| + u_max) ‖I‖₁ · #{such tubes};
 * - |∇K| ≤ max|φ'| √(M² + 1) (max|φ'| on a 20 001-point grid plus the grid step times the grid
 *   max of |φ''|).
 */

import type { Beam } from "../../../construction/beam/beam.ts";
import { coreLogAmplitude, coreScale } from "../../../construction/core/core.ts";
import { forEachInDoubleCone } from "../../../construction/geometry/lattice-cone.ts";
import { tubeValue } from "../../../construction/geometry/tubes.ts";
import {
  bumpAxialFactor,
  bumpRadius,
  bumpValue,
} from "../../../construction/geometry/velocity-bumps.ts";
import { RuleError } from "../../../math/errors.ts";
import { gaussLegendre } from "../../../math/quadrature/gauss-legendre.ts";
import type { Uniform } from "../../../math/sampling/uniform-stream.ts";
import { orthonormalFrame } from "../../../math/vec3.ts";

/** The constants of the envelopes of f_b and f_r for one construction (see the file comment). */
export interface PaperEnvelope {
  readonly beam: Beam;
  /** Number of tubes n = M(M+1)/2. */
  readonly n: number;
  readonly rho: number;
  /** Axial half-width h = 1/α of the bumps. */
  readonly h: number;
  readonly uMax: number;
  /** Volume of the cylinder C_k containing supp I_k: 2πρ²h. */
  readonly bumpCylinder: number;
  /** ‖I_k‖_{L¹} (upper value, see the file comment). */
  readonly bumpL1: number;
  /** Volume of the support cylinder of K_k: 2π/M². */
  readonly tubeCylinder: number;
  /** Core radius in x, 1/(RM). */
  readonly coreX: number;
  /** Core radius in v, 1/N. */
  readonly coreV: number;
  /** ln of c_r M^{3/2−s0} N^{3/2}. */
  readonly logCoreAmplitude: number;
  /** Bound of max|φ'|. */
  readonly slope: number;
  /** J₂ = ∫₀¹ r²φ, J₄ = ∫₀¹ r⁴φ (the core's radial velocity moments). */
  readonly J2: number;
  readonly J4: number;
}

function radial(phi: (r: number) => number, k: number, a: number, b: number): number {
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let i = 0; i < nodes.length; i++) {
    const r = a + 0.5 * (b - a) * (1 + nodes[i]);
    s += 0.5 * (b - a) * weights[i] * r ** k * phi(r);
  }
  return s;
}

/** The envelope constants of a beam (and of the core built on it). */
export function paperEnvelope(beam: Beam): PaperEnvelope {
  const { M } = beam.params;
  const { phi, dphi, d2phi } = beam.cutoff;
  const G = 20000;
  let slope = 0;
  let curv = 0;
  for (let i = 0; i <= G; i++) {
    const r = i / G;
    const f = phi(r);
    if (!(f >= 0 && f <= 1))
      throw new RuleError(
        "the particle envelopes need a cutoff with 0 <= phi <= 1",
        `phi(${r}) = ${f}`,
      );
    slope = Math.max(slope, Math.abs(dphi(r)));
    curv = Math.max(curv, Math.abs(d2phi(r)));
  }
  slope += curv / G;
  const rho = bumpRadius(beam.bump);
  const h = 1 / bumpAxialFactor(beam.bump);
  const J0 = radial(phi, 0, 0, 1);
  const J1 = radial(phi, 1, 0, 1);
  return {
    beam,
    n: (M * (M + 1)) / 2,
    rho,
    h,
    uMax: Math.sqrt((1 + h) ** 2 + rho * rho),
    bumpCylinder: 2 * Math.PI * rho * rho * h,
    bumpL1: 2 * Math.PI * rho * rho * J1 * 2 * h * J0 * (1 + 1e-9),
    tubeCylinder: (2 * Math.PI) / (M * M),
    coreX: 1 / coreScale(beam),
    coreV: Math.exp(-beam.params.lnN),
    logCoreAmplitude: coreLogAmplitude(beam),
    slope,
    J2: radial(phi, 2, 0, 1),
    J4: radial(phi, 4, 0, 1),
  };
}

/** Distance from 0 of the segment {x + s v : s ∈ [0, tau]}. */
export function segmentDistance(x: ArrayLike<number>, v: ArrayLike<number>, tau: number): number {
  const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const xv = x[0] * v[0] + x[1] * v[1] + x[2] * v[2];
  const s = v2 > 0 ? Math.min(tau, Math.max(0, -xv / v2)) : 0;
  return Math.hypot(x[0] + s * v[0], x[1] + s * v[1], x[2] + s * v[2]);
}

const mid = new Float64Array(3);

/**
 * Visit every tube that can contribute to A[f_b] somewhere on the flight from (t, x) over [0, tau]
 * with velocity v (a superset; tau = 0: the tubes that can reach (t, x)). Returns false (visiting
 * nothing) when the flight stays outside every transported tube.
 */
export function forEachTubeOnFlight(
  env: PaperEnvelope,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  tau: number,
  visit: (k: number) => void,
): boolean {
  const { M } = env.beam.params;
  const reach = 1 / M + (t + tau) * env.rho;
  if (segmentDistance(x, v, tau) >= 1 + env.uMax * (t + tau) + reach) return false;
  for (let d = 0; d < 3; d++) mid[d] = x[d] + 0.5 * tau * v[d];
  const half = 0.5 * tau * Math.hypot(v[0], v[1], v[2]);
  const nm = Math.hypot(mid[0], mid[1], mid[2]);
  const r = reach + half;
  if (r >= nm) {
    for (let k = 0; k < env.n; k++) visit(k);
    return true;
  }
  for (let d = 0; d < 3; d++) mid[d] /= nm;
  forEachInDoubleCone(M, mid, Math.asin(r / nm), visit);
  return true;
}

let counted = 0;
const countOne = () => {
  counted++;
};

/** A number ≥ A[f_b](t + s, x + s v, v) for every s ∈ [0, tau] (rigorous, see the file comment). */
export function beamFlightBound(
  env: PaperEnvelope,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  tau: number,
): number {
  counted = 0;
  if (!forEachTubeOnFlight(env, t, x, v, tau, countOne)) return 0;
  return (
    2 *
    Math.PI *
    env.beam.amplitude *
    (Math.hypot(v[0], v[1], v[2]) + env.uMax) *
    env.bumpL1 *
    counted
  );
}

const f1 = new Float64Array(3);
const f2 = new Float64Array(3);
const ek = new Float64Array(3);

/** The unit vector e_k into out. */
export function tubeAxis(env: PaperEnvelope, k: number, out: Float64Array): void {
  const e = env.beam.lattice.e;
  out[0] = e[3 * k];
  out[1] = e[3 * k + 1];
  out[2] = e[3 * k + 2];
}

/** u uniform on the cylinder C_k ⊃ supp I_k, into out[off..off+2]. */
export function proposeBumpVelocity(
  env: PaperEnvelope,
  k: number,
  rand: Uniform,
  out: Float64Array,
  off = 0,
): void {
  tubeAxis(env, k, ek);
  orthonormalFrame(f1, f2, ek);
  const a = 1 + env.h * (2 * rand() - 1);
  const r = env.rho * Math.sqrt(rand());
  const psi = 2 * Math.PI * rand();
  const c = r * Math.cos(psi);
  const s = r * Math.sin(psi);
  for (let d = 0; d < 3; d++) out[off + d] = a * ek[d] + c * f1[d] + s * f2[d];
}

/** y uniform on the support cylinder of K_k (radius 1/M, axial half-length 1), into out. */
export function proposeTubePoint(
  env: PaperEnvelope,
  k: number,
  rand: Uniform,
  out: Float64Array,
): void {
  tubeAxis(env, k, ek);
  orthonormalFrame(f1, f2, ek);
  const a = 2 * rand() - 1;
  const r = Math.sqrt(rand()) / env.beam.params.M;
  const psi = 2 * Math.PI * rand();
  const c = r * Math.cos(psi);
  const s = r * Math.sin(psi);
  for (let d = 0; d < 3; d++) out[d] = a * ek[d] + c * f1[d] + s * f2[d];
}

const y = new Float64Array(3);

/** I_k(u) K_k(x − u t): tube k's factor of f_b(t, x, u)/(c_b M^{1−s}). */
export function tubeTerm(
  env: PaperEnvelope,
  k: number,
  t: number,
  x: ArrayLike<number>,
  u: ArrayLike<number>,
  uOff = 0,
): number {
  tubeAxis(env, k, ek);
  y[0] = u[uOff];
  y[1] = u[uOff + 1];
  y[2] = u[uOff + 2];
  const I = bumpValue(env.beam.bump, ek, y);
  if (I === 0) return 0;
  y[0] = x[0] - u[uOff] * t;
  y[1] = x[1] - u[uOff + 1] * t;
  y[2] = x[2] - u[uOff + 2] * t;
  return I * tubeValue(env.beam.tube, ek, y);
}

let candidates = new Int32Array(0);
let nCand = 0;
const pushCand = (k: number) => {
  candidates[nCand++] = k;
};

/**
 * Draw u ∝ f_b(t, x, u)|u − v| into out by rejection: k uniform over the tubes that can reach
 * (t, x), u uniform on C_k, accepted with probability I_k(u)K_k(x − ut)|u − v|/(|v| + u_max)
 * (the accepted u has density ∝ Σ_k I_k K_k |u − v|, exactly). Throws if f_b(t, x, ·) ≡ 0 there.
 */
export function sampleBeamPartner(
  env: PaperEnvelope,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  rand: Uniform,
  out: Float64Array,
): void {
  if (candidates.length < env.n) candidates = new Int32Array(env.n);
  nCand = 0;
  if (!forEachTubeOnFlight(env, t, x, v, 0, pushCand) || nCand === 0)
    throw new Error("beam partner requested where f_b vanishes");
  const cap = env.uMax + Math.hypot(v[0], v[1], v[2]);
  for (let it = 0; it < 100_000_000; it++) {
    const k = candidates[Math.floor(rand() * nCand)];
    proposeBumpVelocity(env, k, rand, out);
    const g = Math.hypot(out[0] - v[0], out[1] - v[1], out[2] - v[2]);
    if (rand() * cap < tubeTerm(env, k, t, x, out) * g) return;
  }
  throw new Error("beam partner: rejection did not terminate (f_b ≈ 0 at this point)");
}

/** u uniform in the ball of radius R around 0, into out[off..off+2]. */
export function uniformBall(R: number, rand: Uniform, out: Float64Array, off = 0): void {
  for (;;) {
    const a = 2 * rand() - 1;
    const b = 2 * rand() - 1;
    const c = 2 * rand() - 1;
    if (a * a + b * b + c * c < 1) {
      out[off] = R * a;
      out[off + 1] = R * b;
      out[off + 2] = R * c;
      return;
    }
  }
}

/** Volume of the ball of radius R. */
export function ballVolume(R: number): number {
  return (4 / 3) * Math.PI * R ** 3;
}

/**
 * c_r M^{3/2−s0} N^{3/2} ∫ |u − v| φ(N|u|) du for |v| = w, exactly up to 1-D Gauss–Legendre:
 * the mean of |u − v| over the sphere |u| = r is w + r²/(3w) (w ≥ r) or r + w²/(3r) (w < r), so with
 * W = N w the integral is N^{−4}·4π ∫₀¹ r²φ(r) m(r, W) dr (= N^{−3}·4π[w J₂ + J₄/(3N²w)] for W ≥ 1).
 */
export function coreSpeedIntegral(env: PaperEnvelope, w: number): number {
  const { lnN } = env.beam.params;
  const W = w / env.coreV;
  if (W >= 1)
    return (
      Math.exp(env.logCoreAmplitude - 3 * lnN) *
      4 *
      Math.PI *
      (w * env.J2 + (env.J4 * env.coreV ** 2) / (3 * w))
    );
  const phi = env.beam.cutoff.phi;
  const { nodes, weights } = gaussLegendre(32);
  let s = 0;
  for (const [a, b] of [
    [0, W],
    [W, 1],
  ]) {
    if (b <= a) continue;
    for (let i = 0; i < nodes.length; i++) {
      const r = a + 0.5 * (b - a) * (1 + nodes[i]);
      const m = W >= r ? W + (r * r) / (3 * W) : r + (W * W) / (3 * r);
      s += 0.5 * (b - a) * weights[i] * r * r * phi(r) * m;
    }
  }
  return Math.exp(env.logCoreAmplitude - 4 * lnN) * 4 * Math.PI * s;
}

/**
 * Draw u ∝ φ(N|u|)|u − v| into out: u uniform in the ball of radius 1/N, accepted with probability
 * φ(N|u|)|u − v|/(|v| + 1/N).
 */
export function sampleCorePartner(
  env: PaperEnvelope,
  v: ArrayLike<number>,
  rand: Uniform,
  out: Float64Array,
): void {
  const cap = Math.hypot(v[0], v[1], v[2]) + env.coreV;
  const phi = env.beam.cutoff.phi;
  for (;;) {
    uniformBall(env.coreV, rand, out);
    const g = Math.hypot(out[0] - v[0], out[1] - v[1], out[2] - v[2]);
    const ph = phi(Math.hypot(out[0], out[1], out[2]) / env.coreV);
    if (rand() * cap < ph * g) return;
  }
}
