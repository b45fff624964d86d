import { RuleError } from "../../math/errors.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { compositeRule } from "../../math/quadrature/composite.ts";
import { bump } from "../geometry/cutoff.ts";
import type { Lattice } from "../geometry/lattice.ts";
import { tubeFrames } from "../geometry/tube-frames.ts";
import { bumpAxialFactor, bumpAxialRange, bumpRadius } from "../geometry/velocity-bumps.ts";
import { requireHardSphere } from "../parameters/parameters.ts";
import type { Beam } from "./beam.ts";

/**
 * The collision frequency of the beam integrated along a free-transport characteristic, the
 * factor of D⁻ in (4.22):
 *
 *   J(t0, t, x, v) = ∫_{t0}^{t} A[f_b](τ, x − (t − τ)v, v) dτ
 *                  = 2π M^{1−s} Σ_j ∫ |u − v| I_j(u) ∫_{t0}^{t} K_j(z + τ(v − u)) dτ du,   z = x − t v,
 *
 * (A[g] = 2π∫|u − v| g du, docs/design.md; f_b of (2.4)), together with its gradient ∇_x J = ∇_z J
 * (the τ-integral of ∇_x A along the characteristic). J depends on (t, x) only through the
 * position z = x − tv the particle had at time 0.
 *
 * Each tube j is integrated in its own frame (e1, e2, e = e_j): u = a e + ρ r ω̂(ψ) with
 * a ∈ [1 − 1/α, 1 + 1/α] ([9/10, 11/10] for the paper's α = 10), r ∈ [0, 1], ρ = 1/(cM) the bump
 * radius, so I_j(u) = φ(r) φ(α|a − 1|), and the amplitude is the beam's c_b M^{1−s}.
 * For each velocity node u the τ-integrand φ(M|q + τ w⊥|) φ(|η + τ w_e|) (q, η the perpendicular
 * and axial parts of z, w = v − u) is non-zero exactly on an interval found in closed form —
 * |q + τ w⊥| < 1/M is a quadratic inequality in τ, |η + τ w_e| < 1 a linear one — intersected
 * with [t0, t]; Gauss–Legendre runs on that interval only. So the 1/M-short crossings of far tubes
 * are resolved whatever M is, and no global τ-grid is needed. Gauss–Legendre in a and r and the
 * trapezoidal rule in ψ (periodic) complete the rule; {@link CHARACTERISTIC_LEVELS} lists the orders.
 * Tubes whose transported support cannot meet the segment {z + τ v} are skipped by a cheap test.
 * Nothing assumes a particular cutoff, except that the integrand vanishes where φ does.
 */

/**
 * Node counts of one level: Gauss–Legendre nodes per panel in a (panels split at 0.95, 1, 1.05),
 * in r (panels split at 1/2 and 3/4) and in τ (per panel of the crossing interval, split where M|P⊥y| or
 * the axial coordinate passes 1/2, else at its midpoint), and the
 * trapezoid count in ψ. The splits put panel ends where the profiles φ(α|a − 1|), φ(r) change
 * character (the `plateau` cutoff is flat for arguments ≤ 1/2), which makes the rule converge
 * markedly faster than one panel with the same number of nodes.
 */
export interface CharacteristicOrders {
  readonly na: number;
  readonly nr: number;
  readonly npsi: number;
  readonly ntau: number;
}

export const CHARACTERISTIC_LEVELS: readonly CharacteristicOrders[] = [
  { na: 2, nr: 2, npsi: 3, ntau: 2 },
  { na: 3, nr: 3, npsi: 4, ntau: 3 },
  { na: 4, nr: 4, npsi: 6, ntau: 4 },
  { na: 6, nr: 6, npsi: 8, ntau: 6 },
  { na: 8, nr: 8, npsi: 12, ntau: 8 },
  { na: 12, nr: 12, npsi: 16, ntau: 12 },
];

/** Panel ends of the axial rule in a (velocity bumps, (2.4)) and of the radial rule in r. */
export const A_BREAKS: readonly number[] = [0.9, 0.95, 1, 1.05, 1.1];

/**
 * Panel ends of the axial rule for the axial factor α of χ(α P(v − e)) (2.4): 1 ± 1/α, 1 ± 1/(2α), 1
 * ({@link A_BREAKS} for the paper's α = 10, the same doubles).
 */
export function axialBreaks(alpha: number): readonly number[] {
  if (alpha === 10) return A_BREAKS;
  const h = 1 / alpha;
  return [1 - h, 1 - h / 2, 1, 1 + h / 2, 1 + h];
}
export const R_BREAKS: readonly number[] = [0, 0.5, 0.75, 1];
const T_BREAKS = [-1, 1];

function checkWindow(t0: number, t: number): void {
  if (!(Number.isFinite(t0) && Number.isFinite(t) && t0 >= 0 && t >= t0)) {
    throw new RuleError("a Duhamel window must satisfy 0 <= t0 <= t", `got t0=${t0}, t=${t}`);
  }
}

/**
 * The per-level rules (a, r, τ nodes and weights with the profile factors folded in, ψ table),
 * built once per (level, cutoff profile) and reused by every call: the same numbers as building
 * them per call.
 */
interface LevelRules {
  readonly na: number;
  readonly axA: Float64Array;
  readonly axW: Float64Array;
  readonly nr: number;
  readonly rN: Float64Array;
  readonly rW: Float64Array;
  readonly nt: number;
  readonly tN: Float64Array;
  readonly tW: Float64Array;
  readonly npsi: number;
  readonly dpsi: number;
  readonly cosP: Float64Array;
  readonly sinP: Float64Array;
}

const rulesCache = new WeakMap<(r: number) => number, Map<number, LevelRules[]>>();

function levelRules(level: number, phi: (r: number) => number, alpha: number): LevelRules {
  let byAlpha = rulesCache.get(phi);
  if (!byAlpha) {
    byAlpha = new Map();
    rulesCache.set(phi, byAlpha);
  }
  let byLevel = byAlpha.get(alpha);
  if (!byLevel) {
    byLevel = [];
    byAlpha.set(alpha, byLevel);
  }
  const hit = byLevel[level];
  if (hit) return hit;
  const ord = CHARACTERISTIC_LEVELS[level];
  const axA = new Float64Array(MAXN);
  const axW = new Float64Array(MAXN);
  const rN = new Float64Array(MAXN);
  const rW = new Float64Array(MAXN);
  const tN = new Float64Array(MAXN);
  const tW = new Float64Array(MAXN);
  const na = compositeRule(axialBreaks(alpha), ord.na, axA, axW);
  for (let ia = 0; ia < na; ia++) axW[ia] *= phi(alpha * Math.abs(axA[ia] - 1));
  const nr = compositeRule(R_BREAKS, ord.nr, rN, rW);
  for (let ir = 0; ir < nr; ir++) rW[ir] *= rN[ir] * phi(rN[ir]);
  const nt = compositeRule(T_BREAKS, ord.ntau, tN, tW);
  const npsi = ord.npsi;
  const dpsi = (2 * Math.PI) / npsi;
  const cosP = new Float64Array(npsi);
  const sinP = new Float64Array(npsi);
  for (let ip = 0; ip < npsi; ip++) {
    cosP[ip] = Math.cos(ip * dpsi);
    sinP[ip] = Math.sin(ip * dpsi);
  }
  const rules: LevelRules = { na, axA, axW, nr, rN, rW, nt, tN, tW, npsi, dpsi, cosP, sinP };
  byLevel[level] = rules;
  return rules;
}

/**
 * J and (if `gradient`) ∇_z J at fixed orders (level index into {@link CHARACTERISTIC_LEVELS}),
 * with z = x − t v the position at time 0. Writes out[0] = J, out[1..3] = ∇J (world frame).
 *
 * Work saved without changing a single operation on the numbers that are summed:
 * - the rules of a level are built once ({@link levelRules});
 * - for a velocity node (r, ψ) the transverse factor φ(M|q + τw⊥|) (and φ') does not depend on the
 *   axial node a: a τ-panel with the same ends as one already met at this (r, ψ) (the usual case:
 *   the axial clipping and the axial panel ends fall outside a short crossing, so every a-node has
 *   the same panels) reuses its nodes and transverse factors instead of recomputing them;
 * - for the `bump` profile, φ and φ' at one argument share their exponential
 *   (φ'(r) = φ(r)·(−2r/(1 − r²)²), the same floating-point operations as cutoff.ts).
 * The result is bitwise that of the straightforward loop (kept as a reference in the tests).
 */
export function characteristicFrequencyAt(
  beam: Beam,
  z: ArrayLike<number>,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  level: number,
  gradient: boolean,
  out: Float64Array,
): void {
  checkWindow(t0, t);
  const ord = CHARACTERISTIC_LEVELS[level];
  if (!ord)
    throw new RuleError(`level must be in 0..${CHARACTERISTIC_LEVELS.length - 1}`, `got ${level}`);
  const { M } = beam.params;
  const { phi, dphi } = beam.cutoff;
  const fused = phi === bump.phi && dphi === bump.dphi;
  const rho = bumpRadius(beam.bump);
  const frames = tubeFrames(beam.lattice);
  const invM2 = 1 / (M * M);
  const reach = 1 / M + t * rho;
  const alpha = bumpAxialFactor(beam.bump);
  const [aLo, aHi] = bumpAxialRange(beam.bump);
  const { na, axA, axW, nr, rN, rW, nt, tN, tW, npsi, dpsi, cosP, sinP } = levelRules(
    level,
    phi,
    alpha,
  );
  let s0 = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  const count = beam.lattice.count;
  for (let k = 0; k < count; k++) {
    const o = 9 * k;
    const q1 = z[0] * frames[o] + z[1] * frames[o + 1] + z[2] * frames[o + 2];
    const q2 = z[0] * frames[o + 3] + z[1] * frames[o + 4] + z[2] * frames[o + 5];
    const eta = z[0] * frames[o + 6] + z[1] * frames[o + 7] + z[2] * frames[o + 8];
    const v1 = v[0] * frames[o] + v[1] * frames[o + 1] + v[2] * frames[o + 2];
    const v2 = v[0] * frames[o + 3] + v[1] * frames[o + 4] + v[2] * frames[o + 5];
    const ve = v[0] * frames[o + 6] + v[1] * frames[o + 7] + v[2] * frames[o + 8];
    // perpendicular test: the transported support lies within τρ of the line q + τ v⊥
    const vv = v1 * v1 + v2 * v2;
    let tm = vv > 0 ? -(q1 * v1 + q2 * v2) / vv : t0;
    tm = tm < t0 ? t0 : tm > t ? t : tm;
    const d1 = q1 + tm * v1;
    const d2 = q2 + tm * v2;
    if (d1 * d1 + d2 * d2 >= reach * reach) continue;
    // axial test: η + τ(v_e − a) over τ ∈ [t0, t], a ∈ [1 − 1/α, 1 + 1/α] (bilinear: extremes at corners)
    const c1 = eta + t0 * (ve - aLo);
    const c2 = eta + t0 * (ve - aHi);
    const c3 = eta + t * (ve - aLo);
    const c4 = eta + t * (ve - aHi);
    if (Math.min(c1, c2, c3, c4) >= 1 || Math.max(c1, c2, c3, c4) <= -1) continue;
    let l0 = 0;
    let l1 = 0;
    let l2 = 0;
    let l3 = 0;
    for (let ir = 0; ir < nr; ir++) {
      const r = rN[ir];
      const wr = rW[ir];
      if (wr === 0) continue;
      const pr = rho * r;
      for (let ip = 0; ip < npsi; ip++) {
        const w1 = v1 - pr * cosP[ip];
        const w2 = v2 - pr * sinP[ip];
        const A2 = w1 * w1 + w2 * w2;
        const B = q1 * w1 + q2 * w2;
        const C = q1 * q1 + q2 * q2 - invM2;
        let ta: number;
        let tb: number;
        if (A2 < 1e-300) {
          if (C >= 0) continue;
          ta = t0;
          tb = t;
        } else {
          const disc = B * B - A2 * C;
          if (disc <= 0) continue;
          const sq = Math.sqrt(disc);
          ta = (-B - sq) / A2;
          tb = (-B + sq) / A2;
          if (ta < t0) ta = t0;
          if (tb > t) tb = t;
          if (ta >= tb) continue;
        }
        let hasHalf = false;
        let ha = 0;
        let hb = 0;
        if (A2 >= 1e-300) {
          const dh = B * B - A2 * (C + 0.75 * invM2);
          if (dh > 0) {
            const sq = Math.sqrt(dh);
            ha = (-B - sq) / A2;
            hb = (-B + sq) / A2;
            hasHalf = true;
          }
        }
        // transverse factors at the τ-nodes of every panel met so far at this (r, ψ): a panel
        // [left, right] of another a-node with the same ends has the same nodes and factors
        let panels = 0;
        for (let ia = 0; ia < na; ia++) {
          const wa = axW[ia];
          if (wa === 0) continue;
          const we = ve - axA[ia];
          let lo = ta;
          let hi = tb;
          if (Math.abs(we) < 1e-300) {
            if (Math.abs(eta) >= 1) continue;
          } else {
            let p = (-1 - eta) / we;
            let h = (1 - eta) / we;
            if (p > h) {
              const x = p;
              p = h;
              h = x;
            }
            if (p > lo) lo = p;
            if (h < hi) hi = h;
            if (lo >= hi) continue;
          }
          // panel ends: where M|q + τw⊥| = 1/2 or |η + τ w_e| = 1/2 (where a profile may change
          // character, e.g. the plateau's flat part ends), else the midpoint
          let nb = 0;
          if (hasHalf) {
            if (ha > lo && ha < hi) brk[nb++] = ha;
            if (hb > lo && hb < hi) brk[nb++] = hb;
          }
          if (Math.abs(we) >= 1e-300) {
            const z1 = (0.5 - eta) / we;
            const z2 = (-0.5 - eta) / we;
            if (z1 > lo && z1 < hi) brk[nb++] = z1;
            if (z2 > lo && z2 < hi) brk[nb++] = z2;
          }
          if (nb === 0) brk[nb++] = 0.5 * (lo + hi);
          // insertion sort of at most 4 numbers
          for (let i = 1; i < nb; i++) {
            const x = brk[i];
            let j = i - 1;
            while (j >= 0 && brk[j] > x) {
              brk[j + 1] = brk[j];
              j--;
            }
            brk[j + 1] = x;
          }
          const w = wr * dpsi * wa * Math.sqrt(we * we + A2);
          let left = lo;
          for (let pnl = 0; pnl <= nb; pnl++) {
            const right = pnl < nb ? brk[pnl] : hi;
            const half = 0.5 * (right - left);
            const mid = 0.5 * (right + left);
            const pl = left;
            left = right;
            if (half <= 0) continue;
            let slot = 0;
            while (slot < panels && !(panelLeft[slot] === pl && panelRight[slot] === right)) slot++;
            if (slot === panels) {
              if (panels === MAXPANELS) {
                // cache full (cannot happen with the levels defined here): start it afresh
                panels = 0;
                slot = 0;
              }
              fillTransverse(
                slot * nt,
                mid,
                half,
                nt,
                tN,
                q1,
                q2,
                w1,
                w2,
                M,
                gradient,
                fused,
                phi,
                dphi,
              );
              panelLeft[slot] = pl;
              panelRight[slot] = right;
              panels++;
            }
            const off = slot * nt;
            for (let it = 0; it < nt; it++) {
              const n = off + it;
              const wt = w * half * tW[it];
              const fR = nFR[n];
              const zeta = eta + nTau[n] * we;
              const az = Math.abs(zeta);
              let fz: number;
              let dz = 0;
              if (fused) {
                if (az >= 1) {
                  fz = 0;
                } else {
                  const qz = 1 - az * az;
                  fz = Math.exp(1 - 1 / qz);
                  if (gradient) dz = fz * ((-2 * az) / (qz * qz));
                }
              } else {
                fz = phi(az);
                if (gradient) dz = dphi(az);
              }
              l0 += wt * fR * fz;
              if (gradient) {
                const rr = nRR[n];
                if (rr > 0) {
                  const c = (wt * M * nDR[n] * fz) / rr;
                  l1 += c * nP1[n];
                  l2 += c * nP2[n];
                }
                l3 += wt * fR * dz * (zeta > 0 ? 1 : zeta < 0 ? -1 : 0);
              }
            }
          }
        }
      }
    }
    s0 += l0;
    if (gradient) {
      g0 += l1 * frames[o] + l2 * frames[o + 3] + l3 * frames[o + 6];
      g1 += l1 * frames[o + 1] + l2 * frames[o + 4] + l3 * frames[o + 7];
      g2 += l1 * frames[o + 2] + l2 * frames[o + 5] + l3 * frames[o + 8];
    }
  }
  const pref = 2 * Math.PI * beam.amplitude * rho * rho;
  out[0] = pref * s0;
  out[1] = pref * g0;
  out[2] = pref * g1;
  out[3] = pref * g2;
}

/**
 * The τ-nodes of one panel (centre mid, half-width half; Gauss–Legendre, nt nodes) and the
 * transverse factors there, stored from index `off`: nTau, p = q + τw⊥ (nP1, nP2), R = |p| (nRR),
 * φ(MR) (nFR) and (gradient) φ'(MR) (nDR).
 */
function fillTransverse(
  off: number,
  mid: number,
  half: number,
  nt: number,
  tN: Float64Array,
  q1: number,
  q2: number,
  w1: number,
  w2: number,
  M: number,
  gradient: boolean,
  fused: boolean,
  phi: (r: number) => number,
  dphi: (r: number) => number,
): void {
  for (let it = 0; it < nt; it++) {
    const tau = mid + half * tN[it];
    const p1 = q1 + tau * w1;
    const p2 = q2 + tau * w2;
    const rr = Math.sqrt(p1 * p1 + p2 * p2);
    const x = M * rr;
    let fR: number;
    let dR = 0;
    if (fused) {
      if (x >= 1) {
        fR = 0;
      } else {
        const q = 1 - x * x;
        fR = Math.exp(1 - 1 / q);
        if (gradient) dR = fR * ((-2 * x) / (q * q));
      }
    } else {
      fR = phi(x);
      if (gradient) dR = dphi(x);
    }
    const n = off + it;
    nTau[n] = tau;
    nP1[n] = p1;
    nP2[n] = p2;
    nRR[n] = rr;
    nFR[n] = fR;
    nDR[n] = dR;
  }
}

const MAXN = 64;
const brk = new Float64Array(8);
/** Panels cached per (r, ψ) (at most 5 per axial node) and their τ-nodes (at most 12 per panel). */
const MAXPANELS = 64;
const panelLeft = new Float64Array(MAXPANELS);
const panelRight = new Float64Array(MAXPANELS);
const MAXNODES = MAXPANELS * 12;
const nTau = new Float64Array(MAXNODES);
const nP1 = new Float64Array(MAXNODES);
const nP2 = new Float64Array(MAXNODES);
const nRR = new Float64Array(MAXNODES);
const nFR = new Float64Array(MAXNODES);
const nDR = new Float64Array(MAXNODES);

export interface CharacteristicOptions {
  /** Relative tolerance between successive levels (default 1e-4). */
  readonly relTol?: number;
  /** Also refine and return ∇_x J. */
  readonly gradient?: boolean;
  /** First level tried (default 1). */
  readonly minLevel?: number;
}

export interface CharacteristicResult {
  /** J = ∫_{t0}^{t} A[f_b](τ, x − (t − τ)v, v) dτ. */
  readonly value: Estimate;
  /** ∇_x J (only with `gradient`), and its error (Euclidean norm of the last difference). */
  readonly gradient?: readonly [number, number, number];
  readonly gradientError?: number;
}

/**
 * J(t0, t, x, v) = ∫_{t0}^{t} A[f_b](τ, x − (t − τ)v, v) dτ refined over the levels until two
 * successive values (and gradients) agree to `relTol`; the error is the last difference.
 */
export function characteristicFrequency(
  beam: Beam,
  t0: number,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options: CharacteristicOptions = {},
): CharacteristicResult {
  requireHardSphere(beam.params, "the characteristic frequency J of (4.22)");
  checkWindow(t0, t);
  const relTol = options.relTol ?? 1e-4;
  const grad = options.gradient ?? false;
  const z = new Float64Array([x[0] - t * v[0], x[1] - t * v[1], x[2] - t * v[2]]);
  const prev = new Float64Array(4);
  const cur = new Float64Array(4);
  let level = options.minLevel ?? 1;
  characteristicFrequencyAt(beam, z, v, t0, t, level - 1, grad, prev);
  let d = Number.POSITIVE_INFINITY;
  let dg = Number.POSITIVE_INFINITY;
  let converged = false;
  for (; level < CHARACTERISTIC_LEVELS.length; level++) {
    characteristicFrequencyAt(beam, z, v, t0, t, level, grad, cur);
    d = Math.abs(cur[0] - prev[0]);
    dg = Math.hypot(cur[1] - prev[1], cur[2] - prev[2], cur[3] - prev[3]);
    const gnorm = Math.hypot(cur[1], cur[2], cur[3]);
    prev.set(cur);
    if (d <= relTol * Math.abs(cur[0]) && (!grad || dg <= relTol * gnorm)) {
      converged = true;
      break;
    }
  }
  const last = Math.min(level, CHARACTERISTIC_LEVELS.length - 1);
  const o = CHARACTERISTIC_LEVELS[last];
  const value = estimate(
    prev[0],
    d,
    "quadrature",
    `per-tube (a, r, ψ) Gauss–Legendre/trapezoid × Gauss–Legendre in τ on the exact crossing interval, level ${last} (${o.na}·${o.nr}·${o.npsi}·${o.ntau} nodes), rel. tol ${relTol}`,
    { unconverged: !converged },
  );
  return grad ? { value, gradient: [prev[1], prev[2], prev[3]], gradientError: dg } : { value };
}
