import type { CarlemanNodes } from "../../kinetic/carleman-sampler.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { bump, type Cutoff } from "../geometry/cutoff.ts";
import { perCutoff, profileConstants } from "../geometry/cutoff-constants.ts";

/**
 * The Duhamel integral of the gain term, D⁺ of Lemma 4.6, node by node:
 *
 *   D⁺(t0, t, x, v) = ∫_{t0}^{t} Q⁺(f_b,f_b)(τ, x − (t−τ)v, v) dτ
 *                  = M^{2−2s} Σ_{k1,k2} ∫∫ [Carleman measure at v] I_{k1}(v*) I_{k2}(u*) S(z; v* − v, u* − v),
 *   S(z; y', w) = ∫_{t0}^{t} K_{k1}(z − τ y') K_{k2}(z − τ w) dτ,   z = x − t v,
 *
 * since y − τv* = x − tv − τ(v* − v) for y = x − (t−τ)v ((4.31) with (4.33)). D⁺ depends on x only
 * through z, so sup_x = sup_z. For one node the τ-integral runs over the exact support interval
 * (|P⊥_e(z − τq)| < 1/M is a quadratic condition in τ, |e·(z − τq)| < 1 a linear one; intersected
 * with [t0, t] and over both tubes), by Gauss–Legendre with `nTau` nodes; ∇_z S by differentiating
 * under the integral (∇x hits K_{k1} or K_{k2}).
 *
 * Per-node upper bounds of sup_z (the paper's (4.34)–(4.37) with the E-integrals computed, not
 * bounded): since every factor of K is ≤ 1 and φ is radially decreasing, for a line p(τ) = z − τq
 *   sup_z ∫_{t0}^{t} φ(M|P⊥_e p(τ)|) dτ = (2/(M|P⊥_e q|)) Φ(M|P⊥_e q|(t−t0)/2),  Φ(r) = ∫_0^{min(r,1)} φ,
 * (the line through the axis, centred in the window) and likewise for the axial factor φ(|e·p|) with
 * |e·q|; sup_z S ≤ the minimum of these four. The first one for tube k1 alone is the paper's
 * E_{i1,j1} of (4.37), exactly. For the gradient, |∇K| ≤ (M + 1)‖φ'‖∞ and the time both points
 * spend in the supports is at most min(t − t0, 2/(M|P⊥q|), 2/|e·q|) per tube, so
 * sup_z |∇_z S| ≤ 2(M + 1)‖φ'‖∞ · that minimum.
 */

/** Layout of {@link duhamelAtNodes} output (sums of weight × S, not yet × M^{2−2s}). */
export const D_DIAG = 0;
export const D_OFF = 1;
/** ∇ of the diagonal part at 2..4, of the off-diagonal part at 5..7. */
export const G_DIAG = 2;
export const G_OFF = 5;
export const DUHAMEL_SLOTS = 8;

const iv = new Float64Array(2);

/**
 * τ-interval where p(τ) = z − τq lies in the open support of the tube along e (radius 1/M, half
 * length 1), intersected with [lo, hi] given in iv; returns false when empty.
 */
function clipToTube(
  e: Float64Array,
  eo: number,
  M: number,
  z: ArrayLike<number>,
  qx: number,
  qy: number,
  qz: number,
): boolean {
  const ex = e[eo];
  const ey = e[eo + 1];
  const ez = e[eo + 2];
  const az = ex * z[0] + ey * z[1] + ez * z[2];
  const aq = ex * qx + ey * qy + ez * qz;
  // axial: |az − τ aq| < 1
  if (aq !== 0) {
    let l = (az - 1) / aq;
    let h = (az + 1) / aq;
    if (l > h) {
      const s = l;
      l = h;
      h = s;
    }
    if (l > iv[0]) iv[0] = l;
    if (h < iv[1]) iv[1] = h;
  } else if (az >= 1 || az <= -1) return false;
  // perpendicular: |zp − τ qp|² < 1/M²
  const zx = z[0] - az * ex;
  const zy = z[1] - az * ey;
  const zz = z[2] - az * ez;
  const px = qx - aq * ex;
  const py = qy - aq * ey;
  const pz = qz - aq * ez;
  const A = px * px + py * py + pz * pz;
  const B = zx * px + zy * py + zz * pz;
  const C = zx * zx + zy * zy + zz * zz - 1 / (M * M);
  if (A < 1e-300) {
    if (C >= 0) return false;
  } else {
    const disc = B * B - A * C;
    if (disc <= 0) return false;
    const sq = Math.sqrt(disc);
    const l = (B - sq) / A;
    const h = (B + sq) / A;
    if (l > iv[0]) iv[0] = l;
    if (h < iv[1]) iv[1] = h;
  }
  return iv[1] > iv[0];
}

/**
 * Σ_nodes weight × S(z; v*−v, u*−v) and × ∇_z S, Case 2 and Case 1 apart, into out (layout
 * {@link D_DIAG}…; length ≥ {@link DUHAMEL_SLOTS}). Multiply by M^{2−2s} for D⁺ and ∇_x D⁺.
 * At each τ-node: K_{k1}(p) = φ(M|P⊥p|)φ(|e·p|) at p = z − τy' (skipped on if zero), then K_{k2}
 * at z − τw, and ∇K = Mφ'(M|P⊥p|)φ(|e·p|) P⊥p/|P⊥p| + φ(M|P⊥p|)φ'(|e·p|) sgn(e·p) e — written
 * out in the loop (the same operations as a per-tube helper; one call less per tube and τ-node,
 * ≈ 1.3× on the steered search, bench/error-table.ts).
 */
export function duhamelAtNodes(
  beam: Beam,
  nodes: CarlemanNodes,
  v: ArrayLike<number>,
  z: ArrayLike<number>,
  t0: number,
  t: number,
  nTau: number,
  grad: boolean,
  out: Float64Array,
): void {
  out.fill(0, 0, DUHAMEL_SLOTS);
  const e = beam.lattice.e;
  const M = beam.params.M;
  const { phi, dphi } = beam.cutoff;
  const gl = gaussLegendre(nTau);
  const gn = gl.nodes;
  const gw = gl.weights;
  const z0 = z[0];
  const z1 = z[1];
  const z2 = z[2];
  const { vs, us, weight, k1: K1, k2: K2 } = nodes;
  for (let i = 0; i < nodes.count; i++) {
    const yx = vs[3 * i] - v[0];
    const yy = vs[3 * i + 1] - v[1];
    const yz = vs[3 * i + 2] - v[2];
    const wx = us[3 * i] - v[0];
    const wy = us[3 * i + 1] - v[1];
    const wz = us[3 * i + 2] - v[2];
    const e1 = 3 * K1[i];
    const e2 = 3 * K2[i];
    iv[0] = t0;
    iv[1] = t;
    if (!clipToTube(e, e1, M, z, yx, yy, yz)) continue;
    if (!clipToTube(e, e2, M, z, wx, wy, wz)) continue;
    const h = 0.5 * (iv[1] - iv[0]);
    const m = 0.5 * (iv[1] + iv[0]);
    const ax = e[e1];
    const ay = e[e1 + 1];
    const az = e[e1 + 2];
    const bx = e[e2];
    const by = e[e2 + 1];
    const bz = e[e2 + 2];
    let s = 0;
    let gx = 0;
    let gy = 0;
    let gz = 0;
    for (let j = 0; j < nTau; j++) {
      const tau = m + h * gn[j];
      const wj = h * gw[j];
      // tube k1 at z − τ y'
      const px = z0 - tau * yx;
      const py = z1 - tau * yy;
      const pz = z2 - tau * yz;
      const a = ax * px + ay * py + az * pz;
      const qx = px - a * ax;
      const qy = py - a * ay;
      const qz = pz - a * az;
      const r = Math.sqrt(qx * qx + qy * qy + qz * qz);
      const rho = M * r;
      const za = Math.abs(a);
      if (rho >= 1 || za >= 1) continue;
      const fr = phi(rho);
      const fa = phi(za);
      const a0 = fr * fa;
      if (a0 === 0) continue;
      // tube k2 at z − τ w
      const sx = z0 - tau * wx;
      const sy = z1 - tau * wy;
      const sz = z2 - tau * wz;
      const b = bx * sx + by * sy + bz * sz;
      const ux = sx - b * bx;
      const uy = sy - b * by;
      const uz = sz - b * bz;
      const rb = Math.sqrt(ux * ux + uy * uy + uz * uz);
      const rhob = M * rb;
      const zb = Math.abs(b);
      if (rhob >= 1 || zb >= 1) continue;
      const frb = phi(rhob);
      const fab = phi(zb);
      const b0 = frb * fab;
      if (b0 === 0) continue;
      s += wj * a0 * b0;
      if (grad) {
        const perp = r > 0 ? (dphi(rho) * fa * M) / r : 0;
        const par = fr * dphi(za) * (a >= 0 ? 1 : -1);
        const a1 = perp * qx + par * ax;
        const a2 = perp * qy + par * ay;
        const a3 = perp * qz + par * az;
        const perpb = rb > 0 ? (dphi(rhob) * fab * M) / rb : 0;
        const parb = frb * dphi(zb) * (b >= 0 ? 1 : -1);
        gx += wj * (a1 * b0 + a0 * (perpb * ux + parb * bx));
        gy += wj * (a2 * b0 + a0 * (perpb * uy + parb * by));
        gz += wj * (a3 * b0 + a0 * (perpb * uz + parb * bz));
      }
    }
    const w = weight[i];
    if (K1[i] === K2[i]) {
      out[D_DIAG] += w * s;
      out[G_DIAG] += w * gx;
      out[G_DIAG + 1] += w * gy;
      out[G_DIAG + 2] += w * gz;
    } else {
      out[D_OFF] += w * s;
      out[G_OFF] += w * gx;
      out[G_OFF + 1] += w * gy;
      out[G_OFF + 2] += w * gz;
    }
  }
}

/** Φ(r) = ∫_0^{min(r,1)} φ by a cumulative Simpson table (4096 panels), linear interpolation. */
function primitiveTable(c: Cutoff): Float64Array {
  return perCutoff(c, "window-primitive", () => {
    const n = 4096;
    const tab = new Float64Array(n + 1);
    const h = 1 / n;
    for (let i = 1; i <= n; i++) {
      const a = (i - 1) * h;
      tab[i] = tab[i - 1] + (h / 6) * (c.phi(a) + 4 * c.phi(a + h / 2) + c.phi(a + h));
    }
    return tab;
  });
}

function primitive(tab: Float64Array, r: number): number {
  if (r >= 1) return tab[tab.length - 1];
  const n = tab.length - 1;
  const x = r * n;
  const i = Math.floor(x);
  const f = x - i;
  return tab[i] + f * (tab[i + 1] - tab[i]);
}

/** sup over lines of ∫ over a window of length L of φ(speed·|τ − c|) = (2/speed)Φ(speed L/2). */
function windowedLineSup(tab: Float64Array, speed: number, L: number): number {
  if (!(speed > 0)) return L;
  return Math.min(L, (2 / speed) * primitive(tab, 0.5 * speed * L));
}

/** Layout of {@link supBoundsAtNodes} output (sums of weight × bound, not yet × M^{2−2s}). */
export const U_DIAG = 0;
export const U_OFF = 1;
export const UG_DIAG = 2;
export const UG_OFF = 3;
/** Σ weight × (t − t0): the trivial bound (4.35) chain. */
export const U_TRIVIAL = 4;
/** Σ weight × E_{k1} of (4.37) computed exactly (off-diagonal nodes). */
export const U_E_EXACT = 5;
/** Σ weight × min(T*, 1/(M|P⊥_{e1}(v* − v)|)): the first line of (4.37) with constant 1, capped by (4.35). */
export const U_E_PAPER = 6;
export const BOUND_SLOTS = 7;

/**
 * Per-node sup_z bounds summed with the node weights (see the module comment), into out
 * (layout {@link U_DIAG}…). L = t − t0.
 */
export function supBoundsAtNodes(
  beam: Beam,
  nodes: CarlemanNodes,
  v: ArrayLike<number>,
  L: number,
  out: Float64Array,
): void {
  out.fill(0, 0, BOUND_SLOTS);
  const e = beam.lattice.e;
  const M = beam.params.M;
  const tab = primitiveTable(beam.cutoff);
  const dphi = profileConstants(beam.cutoff).dphiMax;
  const Tstar = beam.params.Tstar;
  const { vs, us, weight, k1: K1, k2: K2 } = nodes;
  for (let i = 0; i < nodes.count; i++) {
    let best = L;
    let supp = L;
    let eExact = L;
    let ePaper = Tstar;
    for (let side = 0; side < 2; side++) {
      const src = side === 0 ? vs : us;
      const eo = 3 * (side === 0 ? K1[i] : K2[i]);
      const qx = src[3 * i] - v[0];
      const qy = src[3 * i + 1] - v[1];
      const qz = src[3 * i + 2] - v[2];
      const a = e[eo] * qx + e[eo + 1] * qy + e[eo + 2] * qz;
      const px = qx - a * e[eo];
      const py = qy - a * e[eo + 1];
      const pz = qz - a * e[eo + 2];
      const sp = M * Math.sqrt(px * px + py * py + pz * pz);
      const sa = Math.abs(a);
      const bp = windowedLineSup(tab, sp, L);
      const ba = windowedLineSup(tab, sa, L);
      if (bp < best) best = bp;
      if (ba < best) best = ba;
      if (sp > 0) supp = Math.min(supp, 2 / sp);
      if (sa > 0) supp = Math.min(supp, 2 / sa);
      if (side === 0) {
        eExact = bp;
        if (sp > 0) ePaper = Math.min(ePaper, 1 / sp);
      }
    }
    const w = weight[i];
    const g = 2 * (M + 1) * dphi * supp;
    if (K1[i] === K2[i]) {
      out[U_DIAG] += w * best;
      out[UG_DIAG] += w * g;
    } else {
      out[U_OFF] += w * best;
      out[UG_OFF] += w * g;
      out[U_E_EXACT] += w * eExact;
      out[U_E_PAPER] += w * ePaper;
    }
    out[U_TRIVIAL] += w * L;
  }
}
