import {
  type CarlemanNodes,
  type CarlemanPiece,
  carlemanPiece,
  sampleCarlemanNodes,
} from "../../kinetic/carleman-sampler.ts";
import { RuleError } from "../../math/errors.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { Beam } from "../beam/beam.ts";
import { bumpAxialRange, bumpRadius, bumpValue } from "../geometry/velocity-bumps.ts";

/**
 * The gain term Q⁺(f_b, f_b) of Lemma 4.6, enumerated by pairs of velocity bumps (k1, k2):
 *
 *   Q⁺(f_b,f_b)(τ, y, v) = M^{2−2s} Σ_{k1,k2} ∫∫ B I_{k1}(v*) I_{k2}(u*) K_{k1}(y − v*τ) K_{k2}(y − u*τ) du dω
 *
 * ((4.29)–(4.31) before the time integral). Carleman representation (kinetic/carleman-sampler.ts):
 * v* = v + y', u* = v + w, y' ⊥ w, weight 2|y'|⁻¹ dy' dA(w): a pair contributes at v only when v lies
 * on (or within the bump sizes of) a sphere with diameter [v*, u*] (Thales); the sampler tests every
 * k2 exactly against the plane through v normal to v* − v. At the x-level a bump k can contribute at
 * (τ, y) only when its transported tube reaches y: u ∈ I_k, |P⊥_e(y − uτ)| < 1/M ⇒
 * |P⊥_e y| < 1/M + τρ, and e·y ∈ ((1 − 1/α)τ − 1, (1 + 1/α)τ + 1) ({@link tubeMayReach}).
 *
 * Case 1 (k1 ≠ k2) and Case 2 (k1 = k2) of the proof are kept apart in every sum.
 */

/** The bumps I_k of f_b as Carleman pieces (axis e_k, a ∈ [1 − 1/α, 1 + 1/α], radius 1/(cM)). Cached. */
export function beamBumpPieces(beam: Beam): readonly CarlemanPiece[] {
  const hit = pieceCache.get(beam);
  if (hit) return hit;
  const { e, count } = beam.lattice;
  const rho = bumpRadius(beam.bump);
  const [a0, a1] = bumpAxialRange(beam.bump);
  const origin = new Float64Array(3);
  const pieces: CarlemanPiece[] = [];
  for (let k = 0; k < count; k++) {
    const ek = e.slice(3 * k, 3 * k + 3);
    pieces.push(
      carlemanPiece({ kind: "cylinder", center: origin, axis: ek, a0, a1, radius: rho }, (u) =>
        bumpValue(beam.bump, ek, u),
      ),
    );
  }
  pieceCache.set(beam, pieces);
  return pieces;
}
const pieceCache = new WeakMap<Beam, readonly CarlemanPiece[]>();

/** Can the transported tube of bump k reach y at time τ ≥ 0? (superset test, see module comment) */
export function tubeMayReach(beam: Beam, k: number, tau: number, y: ArrayLike<number>): boolean {
  const e = beam.lattice.e;
  const ex = e[3 * k];
  const ey = e[3 * k + 1];
  const ez = e[3 * k + 2];
  const a = ex * y[0] + ey * y[1] + ez * y[2];
  const [aLo, aHi] = bumpAxialRange(beam.bump);
  if (a <= aLo * tau - 1 || a >= aHi * tau + 1) return false;
  const px = y[0] - a * ex;
  const py = y[1] - a * ey;
  const pz = y[2] - a * ez;
  const reach = 1 / beam.params.M + tau * bumpRadius(beam.bump);
  return px * px + py * py + pz * pz < reach * reach * (1 + 1e-12);
}

/** Write the bumps whose tubes may reach y at time τ into out; return their number. */
export function tubeReachList(
  beam: Beam,
  tau: number,
  y: ArrayLike<number>,
  out: Int32Array,
): number {
  let n = 0;
  for (let k = 0; k < beam.lattice.count; k++) if (tubeMayReach(beam, k, tau, y)) out[n++] = k;
  return n;
}

/**
 * Bumps whose tubes the characteristic y(τ) = z + τv, τ ∈ [t0, t] (z = x − tv) may reach:
 * |P⊥_e(z + τv)| < 1/M + tρ for some τ in the window (distance of a segment to the line ℝe).
 */
export function segmentReachList(
  beam: Beam,
  z: ArrayLike<number>,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  out: Int32Array,
): number {
  const e = beam.lattice.e;
  const reach = 1 / beam.params.M + t * bumpRadius(beam.bump);
  const r2 = reach * reach * (1 + 1e-12);
  let n = 0;
  for (let k = 0; k < beam.lattice.count; k++) {
    const ex = e[3 * k];
    const ey = e[3 * k + 1];
    const ez = e[3 * k + 2];
    const az = ex * z[0] + ey * z[1] + ez * z[2];
    const av = ex * v[0] + ey * v[1] + ez * v[2];
    const zx = z[0] - az * ex;
    const zy = z[1] - az * ey;
    const zz = z[2] - az * ez;
    const vx = v[0] - av * ex;
    const vy = v[1] - av * ey;
    const vz = v[2] - av * ez;
    const vv = vx * vx + vy * vy + vz * vz;
    let tau = vv > 0 ? -(zx * vx + zy * vy + zz * vz) / vv : t0;
    tau = tau < t0 ? t0 : tau > t ? t : tau;
    const dx = zx + tau * vx;
    const dy = zy + tau * vy;
    const dz = zz + tau * vz;
    if (dx * dx + dy * dy + dz * dz < r2) out[n++] = k;
  }
  return n;
}

/** Sums of node weights × tube factors, Case 2 (diagonal) and Case 1 (off-diagonal) apart. */
export interface PairSplit {
  diagonal: number;
  offDiagonal: number;
}

/**
 * One Monte Carlo estimate of Q⁺(f_b,f_b)(τ, y, v)/M^{2−2s} from Carleman nodes drawn over the
 * bumps whose tubes may reach (τ, y); writes Case 2 / Case 1 into out.
 */
export function beamGainSample(
  beam: Beam,
  tau: number,
  y: ArrayLike<number>,
  v: ArrayLike<number>,
  nOuter: number,
  nodes: CarlemanNodes,
  rnd: Uniform,
  out: PairSplit,
): void {
  if (!(tau >= 0)) throw new RuleError("tau must be >= 0", `got ${tau}`);
  ensureList(beam.lattice.count);
  const n = tubeReachList(beam, tau, y, list);
  sampleCarlemanNodes(
    nodes,
    v,
    beamBumpPieces(beam),
    { outer: list, outerCount: n, inner: list, innerCount: n, nOuter },
    rnd,
  );
  const e = beam.lattice.e;
  const M = beam.params.M;
  const phi = beam.cutoff.phi;
  let d = 0;
  let o = 0;
  for (let i = 0; i < nodes.count; i++) {
    const k1 = nodes.k1[i];
    const k2 = nodes.k2[i];
    const K1 = tubeAt(e, 3 * k1, M, phi, y, tau, nodes.vs, 3 * i);
    if (K1 === 0) continue;
    const K2 = tubeAt(e, 3 * k2, M, phi, y, tau, nodes.us, 3 * i);
    const w = nodes.weight[i] * K1 * K2;
    if (k1 === k2) d += w;
    else o += w;
  }
  out.diagonal = d;
  out.offDiagonal = o;
}

/** K_e(y − τu) for e = e[eo..], u = u[uo..]. */
function tubeAt(
  e: Float64Array,
  eo: number,
  M: number,
  phi: (r: number) => number,
  y: ArrayLike<number>,
  tau: number,
  u: Float64Array,
  uo: number,
): number {
  const px = y[0] - tau * u[uo];
  const py = y[1] - tau * u[uo + 1];
  const pz = y[2] - tau * u[uo + 2];
  const a = e[eo] * px + e[eo + 1] * py + e[eo + 2] * pz;
  if (a >= 1 || a <= -1) return 0;
  const qx = px - a * e[eo];
  const qy = py - a * e[eo + 1];
  const qz = pz - a * e[eo + 2];
  const r = M * Math.sqrt(qx * qx + qy * qy + qz * qz);
  if (r >= 1) return 0;
  return phi(r) * phi(Math.abs(a));
}

let list = new Int32Array(0);
function ensureList(n: number): void {
  if (list.length < n) list = new Int32Array(n);
}

/**
 * Bumps k for which the diagonal pair (k, k) can contribute at v (Case 2): v lies on a sphere with
 * diameter [v*, u*], v*, u* ∈ I_k, hence within √2·R_k of the centre of I_k's bounding ball B(c_k, R_k)
 * (|x − c| ≤ |(p+q)/2 − c| + |p−q|/2 ≤ √2 R by the parallelogram law).
 */
export function diagonalCandidates(beam: Beam, v: ArrayLike<number>, out: Int32Array): number {
  const pieces = beamBumpPieces(beam);
  let n = 0;
  for (let k = 0; k < pieces.length; k++) {
    const b = pieces[k].bb;
    const d2 = (v[0] - b[0]) ** 2 + (v[1] - b[1]) ** 2 + (v[2] - b[2]) ** 2;
    if (d2 < 2 * b[3] * b[3] * (1 + 1e-12)) out[n++] = k;
  }
  return n;
}
