import type { Beam } from "../../../src/construction/beam/beam.ts";
import {
  D_DIAG,
  D_OFF,
  DUHAMEL_SLOTS,
  G_DIAG,
  G_OFF,
} from "../../../src/construction/beam-beam/beam-gain-duhamel.ts";
import type { Cutoff } from "../../../src/construction/geometry/cutoff.ts";
import type { CarlemanNodes } from "../../../src/kinetic/carleman-sampler.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";

/**
 * Reference for the tests and bench/error-table.ts: `duhamelAtNodes` of beam-gain-duhamel.ts as it
 * was at commit 7039c0d, with K and ∇K of each tube evaluated by a helper per τ-node. The current
 * function (the same operations written out in the loop) must agree with it bitwise.
 */
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

const gk = new Float64Array(4);

/** K_e(p) into gk[0] and ∇K_e(p) into gk[1..3] (when grad). */
function tubeWithGradient(
  e: Float64Array,
  eo: number,
  M: number,
  c: Cutoff,
  px: number,
  py: number,
  pz: number,
  grad: boolean,
): void {
  const ex = e[eo];
  const ey = e[eo + 1];
  const ez = e[eo + 2];
  const a = ex * px + ey * py + ez * pz;
  const qx = px - a * ex;
  const qy = py - a * ey;
  const qz = pz - a * ez;
  const r = Math.sqrt(qx * qx + qy * qy + qz * qz);
  const rho = M * r;
  const za = Math.abs(a);
  if (rho >= 1 || za >= 1) {
    gk[0] = 0;
    gk[1] = 0;
    gk[2] = 0;
    gk[3] = 0;
    return;
  }
  const fr = c.phi(rho);
  const fa = c.phi(za);
  gk[0] = fr * fa;
  if (!grad) return;
  const perp = r > 0 ? (c.dphi(rho) * fa * M) / r : 0;
  const par = fr * c.dphi(za) * (a >= 0 ? 1 : -1);
  gk[1] = perp * qx + par * ex;
  gk[2] = perp * qy + par * ey;
  gk[3] = perp * qz + par * ez;
}

/**
 * Σ_nodes weight × S(z; v*−v, u*−v) and × ∇_z S, Case 2 and Case 1 apart, into out (layout
 * {@link D_DIAG}…; length ≥ {@link DUHAMEL_SLOTS}). Multiply by M^{2−2s} for D⁺ and ∇_x D⁺.
 */
export function referenceDuhamelAtNodes(
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
  const c = beam.cutoff;
  const gl = gaussLegendre(nTau);
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
    let s = 0;
    let gx = 0;
    let gy = 0;
    let gz = 0;
    for (let j = 0; j < nTau; j++) {
      const tau = m + h * gl.nodes[j];
      const wj = h * gl.weights[j];
      tubeWithGradient(e, e1, M, c, z[0] - tau * yx, z[1] - tau * yy, z[2] - tau * yz, grad);
      const a0 = gk[0];
      if (a0 === 0) continue;
      const a1 = gk[1];
      const a2 = gk[2];
      const a3 = gk[3];
      tubeWithGradient(e, e2, M, c, z[0] - tau * wx, z[1] - tau * wy, z[2] - tau * wz, grad);
      const b0 = gk[0];
      if (b0 === 0) continue;
      s += wj * a0 * b0;
      if (grad) {
        gx += wj * (a1 * b0 + a0 * gk[1]);
        gy += wj * (a2 * b0 + a0 * gk[2]);
        gz += wj * (a3 * b0 + a0 * gk[3]);
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
