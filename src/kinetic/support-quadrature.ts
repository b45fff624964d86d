import { gaussLegendre } from "../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import type { CylinderRegion, VelocityRegion } from "./phase-space.ts";

/**
 * Product quadratures over the simple velocity regions of phase-space.ts, in coordinates adapted
 * to the region and to the singular point v of the kernel |u − v|^k:
 *
 * - {@link visitVolume}: nodes and weights for ∫_{region} |u − v|^k h(u) du;
 * - {@link visitPlane}: nodes and weights for ∫_{region ∩ (v + n⊥)} h(p) dA(p), the integral over
 *   the plane through v with unit normal n (the inner integral of the Carleman representation).
 *
 * "Near" (v inside or close to the region): spherical coordinates centred at v, so that
 * |u − v|^k·ρ² dρ is smooth for k > −3; for cylinders the polar angle is split where the ray leaves
 * through a cap or through the side wall, and graded geometrically toward those corners.
 * "Far": coordinates centred on the region (spherical for balls, cylindrical for cylinders, the axial
 * range graded geometrically away from the foot of v), so that tiny regions far from v (the ball of
 * radius N⁻¹ of f_r seen from |v| ∼ 1, or v ∼ N⁻¹ looking at tubes at |u| ∼ 1) are integrated in
 * their own scale: nodes are centre + (small offset), never v + (large) − (large).
 *
 * Every 1-D factor is Gauss–Legendre with n nodes (azimuths: the trapezoid rule with 2n nodes,
 * spectral for periodic integrands). Refinement in n is done by the caller (collision.ts).
 */

/** Visitor: node u, weight w (Jacobian and |u − v|^k included), ρ = |u − v|, direction (u − v)/ρ,
 * and a key that is shared by consecutive nodes on the same ray from v. */
export type VolumeVisitor = (
  ux: number,
  uy: number,
  uz: number,
  w: number,
  rho: number,
  ox: number,
  oy: number,
  oz: number,
  rayKey: number,
) => void;

/** Visitor for plane nodes: p and the area weight. */
export type PlaneVisitor = (px: number, py: number, pz: number, w: number) => void;

let rayCounter = 0;

// scratch for the plane rules (volume rules allocate their frame per call: they may nest)
const f1 = new Float64Array(3);
const f2 = new Float64Array(3);
const f3 = new Float64Array(3);

/** Ratio distance/size below which the near (v-centred) coordinates are used. */
const NEAR = 2;

/** Breakpoints of [lo, hi] graded geometrically (ratio 2) away from x0 with first width h0. */
function graded(out: number[], lo: number, hi: number, x0: number, h0: number): number[] {
  out.length = 0;
  out.push(lo);
  // right of x0
  const pts: number[] = [];
  if (x0 > lo && x0 < hi) pts.push(x0);
  for (let w = h0; ; w *= 2) {
    const a = x0 + w;
    const b = x0 - w;
    let any = false;
    if (a < hi) {
      if (a > lo) pts.push(a);
      any = true;
    }
    if (b > lo) {
      if (b < hi) pts.push(b);
      any = true;
    }
    if (!any) break;
    if (pts.length > 200) break;
  }
  pts.sort((p, q) => p - q);
  for (const p of pts) if (p > out[out.length - 1]) out.push(p);
  if (hi > out[out.length - 1]) out.push(hi);
  return out;
}

/**
 * Visit the nodes of an n-point-per-dimension rule for ∫_{region} |u − v|^k h(u) du.
 */
export function visitVolume(
  region: VelocityRegion,
  v: ArrayLike<number>,
  k: number,
  n: number,
  visit: VolumeVisitor,
): void {
  if (region.kind === "ball") ballVolume(region.center, region.radius, v, k, n, visit);
  else cylinderVolume(region, v, k, n, visit);
}

function ballVolume(
  c: ArrayLike<number>,
  R: number,
  v: ArrayLike<number>,
  k: number,
  n: number,
  visit: VolumeVisitor,
): void {
  const e1 = new Float64Array(3);
  const e2 = new Float64Array(3);
  const e3 = new Float64Array(3);
  const dx = c[0] - v[0];
  const dy = c[1] - v[1];
  const dz = c[2] - v[2];
  const d = Math.hypot(dx, dy, dz);
  const gl = gaussLegendre(n);
  const nphi = 2 * n;
  const dphi = (2 * Math.PI) / nphi;
  if (d > 0) {
    e3[0] = dx / d;
    e3[1] = dy / d;
    e3[2] = dz / d;
  } else {
    e3[0] = 0;
    e3[1] = 0;
    e3[2] = 1;
  }
  orthonormalFrame(e1, e2, e3);
  if (d < NEAR * R) {
    // v-centred spherical coordinates, polar axis toward the centre
    const inside = d <= R;
    const psiMax = inside ? Math.PI : Math.asin(R / d);
    const hp = 0.5 * psiMax;
    for (let a = 0; a < n; a++) {
      const psi = hp * (1 + gl.nodes[a]);
      const cp = Math.cos(psi);
      const sp = Math.sin(psi);
      const ds = d * sp;
      const disc = Math.max(0, (R - ds) * (R + ds));
      const sq = Math.sqrt(disc);
      const rHi = d * cp + sq;
      const rLo = inside ? 0 : Math.max(0, d * cp - sq);
      if (!(rHi > rLo)) continue;
      const hr = 0.5 * (rHi - rLo);
      const cr = 0.5 * (rHi + rLo);
      const wa = gl.weights[a] * hp * sp * dphi * hr;
      for (let b = 0; b < nphi; b++) {
        const phi = (b + 0.5) * dphi;
        const cf = Math.cos(phi);
        const sf = Math.sin(phi);
        const ox = cp * e3[0] + sp * (cf * e1[0] + sf * e2[0]);
        const oy = cp * e3[1] + sp * (cf * e1[1] + sf * e2[1]);
        const oz = cp * e3[2] + sp * (cf * e1[2] + sf * e2[2]);
        const key = ++rayCounter;
        for (let i = 0; i < n; i++) {
          const r = cr + hr * gl.nodes[i];
          const w = wa * gl.weights[i] * r * r * r ** k;
          visit(v[0] + r * ox, v[1] + r * oy, v[2] + r * oz, w, r, ox, oy, oz, key);
        }
      }
    }
    return;
  }
  // far: region-centred spherical coordinates, polar axis from the centre toward v (−e3)
  for (let i = 0; i < n; i++) {
    const r = 0.5 * R * (1 + gl.nodes[i]);
    const wr = 0.5 * R * gl.weights[i] * r * r;
    for (let a = 0; a < n; a++) {
      const ct = gl.nodes[a];
      const st = Math.sqrt(1 - ct * ct);
      const wa = wr * gl.weights[a] * dphi;
      for (let b = 0; b < nphi; b++) {
        const phi = (b + 0.5) * dphi;
        const qx = r * (-ct * e3[0] + st * (Math.cos(phi) * e1[0] + Math.sin(phi) * e2[0]));
        const qy = r * (-ct * e3[1] + st * (Math.cos(phi) * e1[1] + Math.sin(phi) * e2[1]));
        const qz = r * (-ct * e3[2] + st * (Math.cos(phi) * e1[2] + Math.sin(phi) * e2[2]));
        // y = u − v = (c − v) + q, computed without forming u − v from large numbers
        const yx = dx + qx;
        const yy = dy + qy;
        const yz = dz + qz;
        const rho = Math.hypot(yx, yy, yz);
        visit(
          c[0] + qx,
          c[1] + qy,
          c[2] + qz,
          wa * rho ** k,
          rho,
          yx / rho,
          yy / rho,
          yz / rho,
          ++rayCounter,
        );
      }
    }
  }
}

function cylinderVolume(
  cyl: CylinderRegion,
  v: ArrayLike<number>,
  k: number,
  n: number,
  visit: VolumeVisitor,
): void {
  const { center: c, axis: e, a0, a1, radius: R } = cyl;
  const dx = v[0] - c[0];
  const dy = v[1] - c[1];
  const dz = v[2] - c[2];
  const sv = dx * e[0] + dy * e[1] + dz * e[2];
  // transverse offset of v from the axis
  const qx = dx - sv * e[0];
  const qy = dy - sv * e[1];
  const qz = dz - sv * e[2];
  const dq = Math.hypot(qx, qy, qz);
  const e1 = new Float64Array(3);
  const e2 = new Float64Array(3);
  const e3 = new Float64Array(3);
  e3[0] = e[0];
  e3[1] = e[1];
  e3[2] = e[2];
  orthonormalFrame(e1, e2, e3);
  const gl = gaussLegendre(n);
  const nphi = 2 * n;
  const dphi = (2 * Math.PI) / nphi;
  if (dq <= R && sv >= a0 && sv <= a1) {
    nearCylinder(v, e1, e2, e3, sv, qx, qy, qz, dq, a0, a1, R, k, n, visit);
    return;
  }
  // far / graded: axial segments graded away from s_v, transverse polar about the axis
  const axialGap = sv < a0 ? a0 - sv : sv > a1 ? sv - a1 : 0;
  const tranGap = Math.max(0, dq - R);
  const h0 = Math.max(Math.hypot(axialGap, tranGap), R);
  const brk = graded([], a0, a1, sv, h0);
  for (let s = 0; s + 1 < brk.length; s++) {
    const lo = brk[s];
    const hi = brk[s + 1];
    const hs = 0.5 * (hi - lo);
    const cs = 0.5 * (hi + lo);
    for (let i = 0; i < n; i++) {
      const z = cs + hs * gl.nodes[i];
      const wz = hs * gl.weights[i];
      for (let a = 0; a < n; a++) {
        const r = 0.5 * R * (1 + gl.nodes[a]);
        const wa = wz * 0.5 * R * gl.weights[a] * r * dphi;
        for (let b = 0; b < nphi; b++) {
          const phi = (b + 0.5) * dphi;
          const cf = r * Math.cos(phi);
          const sf = r * Math.sin(phi);
          const ox = z * e[0] + cf * e1[0] + sf * e2[0];
          const oy = z * e[1] + cf * e1[1] + sf * e2[1];
          const oz = z * e[2] + cf * e1[2] + sf * e2[2];
          const yx = ox - dx;
          const yy = oy - dy;
          const yz = oz - dz;
          const rho = Math.hypot(yx, yy, yz);
          visit(
            c[0] + ox,
            c[1] + oy,
            c[2] + oz,
            wa * rho ** k,
            rho,
            yx / rho,
            yy / rho,
            yz / rho,
            ++rayCounter,
          );
        }
      }
    }
  }
}

/**
 * v inside the cylinder: spherical coordinates about v with polar axis e (polar angle α,
 * transverse azimuth φ about the foot q_v). The ray leaves through the top cap (α < α1), the side
 * (α1 < α < α2) or the bottom cap (α > α2); the side range is graded toward α1 and α2.
 */
function nearCylinder(
  v: ArrayLike<number>,
  e1: Float64Array,
  e2: Float64Array,
  e3: Float64Array,
  sv: number,
  qx: number,
  qy: number,
  qz: number,
  dq: number,
  a0: number,
  a1: number,
  R: number,
  k: number,
  n: number,
  visit: VolumeVisitor,
): void {
  const gl = gaussLegendre(n);
  const nphi = 2 * n;
  const dphi = (2 * Math.PI) / nphi;
  const sUp = a1 - sv;
  const sDn = sv - a0;
  const q1 = qx * e1[0] + qy * e1[1] + qz * e1[2];
  const q2 = qx * e2[0] + qy * e2[1] + qz * e2[2];
  const c0 = Math.max(0, (R - dq) * (R + dq));
  const brk2: number[] = [];
  for (let b = 0; b < nphi; b++) {
    const phi = (b + 0.5) * dphi;
    const cf = Math.cos(phi);
    const sf = Math.sin(phi);
    // chord from q_v in direction (cf, sf) to the circle of radius R
    const qd = q1 * cf + q2 * sf;
    const tau = -qd + Math.sqrt(qd * qd + c0);
    const dxT = cf * e1[0] + sf * e2[0];
    const dyT = cf * e1[1] + sf * e2[1];
    const dzT = cf * e1[2] + sf * e2[2];
    const al1 = Math.atan2(tau, sUp);
    const al2 = Math.PI - Math.atan2(tau, sDn);
    // breakpoints: [0, al1] top cap; [al1, al2] side graded toward both ends; [al2, π] bottom cap
    brk2.length = 0;
    brk2.push(0, al1);
    const mid = 0.5 * Math.PI;
    if (al1 < mid && al2 > mid) {
      for (let w = 2 * al1; al1 > 0 && w < mid; w *= 2) brk2.push(w);
      brk2.push(mid);
      const tail: number[] = [];
      for (let w = 2 * (Math.PI - al2); al2 < Math.PI && w < mid; w *= 2) tail.push(Math.PI - w);
      tail.reverse();
      brk2.push(...tail);
    }
    brk2.push(al2, Math.PI);
    for (let s = 0; s + 1 < brk2.length; s++) {
      const lo = brk2[s];
      const hi = brk2[s + 1];
      if (!(hi > lo)) continue;
      const ha = 0.5 * (hi - lo);
      const ca = 0.5 * (hi + lo);
      for (let a = 0; a < n; a++) {
        const al = ca + ha * gl.nodes[a];
        const ca_ = Math.cos(al);
        const sa = Math.sin(al);
        let rMax = sa > 0 ? tau / sa : Number.POSITIVE_INFINITY;
        if (ca_ > 0) rMax = Math.min(rMax, sUp / ca_);
        else if (ca_ < 0) rMax = Math.min(rMax, -sDn / ca_);
        if (!(rMax > 0) || !Number.isFinite(rMax)) continue;
        const ox = ca_ * e3[0] + sa * dxT;
        const oy = ca_ * e3[1] + sa * dyT;
        const oz = ca_ * e3[2] + sa * dzT;
        const hr = 0.5 * rMax;
        const wa = gl.weights[a] * ha * sa * dphi * hr;
        const key = ++rayCounter;
        for (let i = 0; i < n; i++) {
          const r = hr * (1 + gl.nodes[i]);
          visit(
            v[0] + r * ox,
            v[1] + r * oy,
            v[2] + r * oz,
            wa * gl.weights[i] * r * r * r ** k,
            r,
            ox,
            oy,
            oz,
            key,
          );
        }
      }
    }
  }
}

/**
 * Visit nodes for ∫_{region ∩ P} h(p) dA(p), P = {v + w : w·n = 0}, n a unit vector.
 */
export function visitPlane(
  region: VelocityRegion,
  v: ArrayLike<number>,
  nx: number,
  ny: number,
  nz: number,
  n: number,
  visit: PlaneVisitor,
): void {
  const gl = gaussLegendre(n);
  if (region.kind === "ball") {
    const c = region.center;
    const R = region.radius;
    const delta = (c[0] - v[0]) * nx + (c[1] - v[1]) * ny + (c[2] - v[2]) * nz;
    const ad = Math.abs(delta);
    if (ad >= R) return;
    const a = Math.sqrt((R - ad) * (R + ad));
    // disc centre c − δ n, computed from c (small offsets stay exact for tiny balls)
    const cx = c[0] - delta * nx;
    const cy = c[1] - delta * ny;
    const cz = c[2] - delta * nz;
    f2[0] = nx;
    f2[1] = ny;
    f2[2] = nz;
    orthonormalFrame(f1, f3, f2);
    const nphi = 2 * n;
    const dphi = (2 * Math.PI) / nphi;
    for (let i = 0; i < n; i++) {
      const r = 0.5 * a * (1 + gl.nodes[i]);
      const wr = 0.5 * a * gl.weights[i] * r * dphi;
      for (let b = 0; b < nphi; b++) {
        const phi = (b + 0.5) * dphi;
        const cf = r * Math.cos(phi);
        const sf = r * Math.sin(phi);
        visit(
          cx + cf * f1[0] + sf * f3[0],
          cy + cf * f1[1] + sf * f3[1],
          cz + cf * f1[2] + sf * f3[2],
          wr,
        );
      }
    }
    return;
  }
  planeCylinder(region, v, nx, ny, nz, n, visit);
}

const pa = new Float64Array(3);
const pb = new Float64Array(3);
const pb2 = new Float64Array(3);
const nn = new Float64Array(3);

/**
 * Plane ∩ cylinder in orthonormal plane coordinates (α, β): p = v + α a + β b with
 * a ∝ e − (e·n)n (the in-plane direction of the axis) and b = n × a ⊥ e. With b2 = e × b:
 * transverse condition (X0 + κα)² + (Y0 + β)² ≤ R² (X0 = (v−c)·b2, Y0 = (v−c)·b, κ = a·b2),
 * axial condition a0 ≤ s_v + (a·e) α ≤ a1. Exact limits; β outer, α inner.
 */
function planeCylinder(
  cyl: CylinderRegion,
  v: ArrayLike<number>,
  nx: number,
  ny: number,
  nz: number,
  n: number,
  visit: PlaneVisitor,
): void {
  const { center: c, axis: e, a0, a1, radius: R } = cyl;
  const gl = gaussLegendre(n);
  const ce = e[0] * nx + e[1] * ny + e[2] * nz;
  if (1 - Math.abs(ce) < 1e-12) {
    nn[0] = nx;
    nn[1] = ny;
    nn[2] = nz;
    orthonormalFrame(pa, pb2, nn);
  } else {
    pa[0] = e[0] - ce * nx;
    pa[1] = e[1] - ce * ny;
    pa[2] = e[2] - ce * nz;
    const l = Math.hypot(pa[0], pa[1], pa[2]);
    pa[0] /= l;
    pa[1] /= l;
    pa[2] /= l;
  }
  // b = n × a
  pb[0] = ny * pa[2] - nz * pa[1];
  pb[1] = nz * pa[0] - nx * pa[2];
  pb[2] = nx * pa[1] - ny * pa[0];
  // b2 = e × b
  pb2[0] = e[1] * pb[2] - e[2] * pb[1];
  pb2[1] = e[2] * pb[0] - e[0] * pb[2];
  pb2[2] = e[0] * pb[1] - e[1] * pb[0];
  const dx = v[0] - c[0];
  const dy = v[1] - c[1];
  const dz = v[2] - c[2];
  const X0 = dx * pb2[0] + dy * pb2[1] + dz * pb2[2];
  const Y0 = dx * pb[0] + dy * pb[1] + dz * pb[2];
  const sv = dx * e[0] + dy * e[1] + dz * e[2];
  const kap = pa[0] * pb2[0] + pa[1] * pb2[1] + pa[2] * pb2[2];
  const ae = pa[0] * e[0] + pa[1] * e[1] + pa[2] * e[2];
  const tiny = 1e-14;
  let axLo = Number.NEGATIVE_INFINITY;
  let axHi = Number.POSITIVE_INFINITY;
  if (Math.abs(ae) > tiny) {
    const p = (a0 - sv) / ae;
    const q = (a1 - sv) / ae;
    axLo = Math.min(p, q);
    axHi = Math.max(p, q);
  } else if (sv < a0 || sv > a1) return;
  const bLo = -Y0 - R;
  const bHi = -Y0 + R;
  const hb = 0.5 * (bHi - bLo);
  const cb = 0.5 * (bHi + bLo);
  for (let j = 0; j < n; j++) {
    const beta = cb + hb * gl.nodes[j];
    const Y = Y0 + beta;
    const h = Math.sqrt(Math.max(0, (R - Y) * (R + Y)));
    let lo = axLo;
    let hi = axHi;
    if (Math.abs(kap) > tiny) {
      const p = (-X0 - h) / kap;
      const q = (-X0 + h) / kap;
      lo = Math.max(lo, Math.min(p, q));
      hi = Math.min(hi, Math.max(p, q));
    } else if (Math.abs(X0) > h) continue;
    if (!(hi > lo) || !Number.isFinite(hi - lo)) continue;
    const ha = 0.5 * (hi - lo);
    const ca = 0.5 * (hi + lo);
    const wb = hb * gl.weights[j] * ha;
    const bx = v[0] + beta * pb[0];
    const by = v[1] + beta * pb[1];
    const bz = v[2] + beta * pb[2];
    for (let i = 0; i < n; i++) {
      const al = ca + ha * gl.nodes[i];
      visit(bx + al * pa[0], by + al * pa[1], bz + al * pa[2], wb * gl.weights[i]);
    }
  }
}
