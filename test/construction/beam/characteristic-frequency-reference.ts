import type { Beam } from "../../../src/construction/beam/beam.ts";
import {
  A_BREAKS,
  CHARACTERISTIC_LEVELS,
  R_BREAKS,
} from "../../../src/construction/beam/characteristic-frequency.ts";
import { tubeFrames } from "../../../src/construction/geometry/tube-frames.ts";
import { bumpRadius } from "../../../src/construction/geometry/velocity-bumps.ts";
import { compositeRule } from "../../../src/math/quadrature/composite.ts";

/**
 * Reference for the tests: the straightforward loop of characteristic-frequency.ts as it was before
 * the transverse factors were shared across axial nodes and φ, φ' of `bump` shared their
 * exponential (before commit "characteristic-frequency: rules built once per level…", parent 7039c0d). Every node recomputes everything through the cutoff's own φ, φ'.
 * The optimized kernel must agree with it bitwise.
 */
const T_BREAKS = [-1, 1];

function checkWindow(t0: number, t: number): void {
  if (!(Number.isFinite(t0) && Number.isFinite(t) && t0 >= 0 && t >= t0))
    throw new Error("bad window");
}

/**
 * J and (if `gradient`) ∇_z J at fixed orders (level index into {@link CHARACTERISTIC_LEVELS}),
 * with z = x − t v the position at time 0. Writes out[0] = J, out[1..3] = ∇J (world frame).
 */
export function referenceCharacteristicFrequencyAt(
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
  if (!ord) throw new Error(`bad level ${level}`);
  const { M } = beam.params;
  const { phi, dphi } = beam.cutoff;
  const rho = bumpRadius(beam.bump);
  const frames = tubeFrames(beam.lattice);
  const invM2 = 1 / (M * M);
  const reach = 1 / M + t * rho;
  const npsi = ord.npsi;
  const dpsi = (2 * Math.PI) / npsi;
  const na = compositeRule(A_BREAKS, ord.na, axA, axW);
  for (let ia = 0; ia < na; ia++) axW[ia] *= phi(10 * Math.abs(axA[ia] - 1));
  const nr = compositeRule(R_BREAKS, ord.nr, rN, rW);
  for (let ir = 0; ir < nr; ir++) rW[ir] *= rN[ir] * phi(rN[ir]);
  const nt = compositeRule(T_BREAKS, ord.ntau, tN, tW);
  for (let ip = 0; ip < npsi; ip++) {
    cosP[ip] = Math.cos(ip * dpsi);
    sinP[ip] = Math.sin(ip * dpsi);
  }
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
    // axial test: η + τ(v_e − a) over τ ∈ [t0, t], a ∈ [0.9, 1.1] (bilinear: extremes at corners)
    const c1 = eta + t0 * (ve - 0.9);
    const c2 = eta + t0 * (ve - 1.1);
    const c3 = eta + t * (ve - 0.9);
    const c4 = eta + t * (ve - 1.1);
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
            left = right;
            if (half <= 0) continue;
            for (let it = 0; it < nt; it++) {
              const tau = mid + half * tN[it];
              const wt = w * half * tW[it];
              const p1 = q1 + tau * w1;
              const p2 = q2 + tau * w2;
              const rr = Math.sqrt(p1 * p1 + p2 * p2);
              const zeta = eta + tau * we;
              const az = Math.abs(zeta);
              const fR = phi(M * rr);
              const fz = phi(az);
              l0 += wt * fR * fz;
              if (gradient) {
                const dR = dphi(M * rr);
                if (rr > 0) {
                  const c = (wt * M * dR * fz) / rr;
                  l1 += c * p1;
                  l2 += c * p2;
                }
                l3 += wt * fR * dphi(az) * (zeta > 0 ? 1 : zeta < 0 ? -1 : 0);
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

const MAXN = 64;
const axA = new Float64Array(MAXN);
const axW = new Float64Array(MAXN);
const rN = new Float64Array(MAXN);
const rW = new Float64Array(MAXN);
const tN = new Float64Array(MAXN);
const tW = new Float64Array(MAXN);
const brk = new Float64Array(8);
const cosP = new Float64Array(MAXN);
const sinP = new Float64Array(MAXN);
