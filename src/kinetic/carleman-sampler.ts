import { RuleError } from "../math/errors.ts";
import { uniformInBall, uniformInCylinder } from "../math/sampling/regions.ts";
import type { Uniform } from "../math/sampling/uniform-stream.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import type { VelocityRegion } from "./phase-space.ts";

/**
 * Monte Carlo nodes of the hard-sphere gain term in the Carleman representation, at one velocity v,
 * for f = Σ_k p_k and g = Σ_k p_k given as pieces (region + profile vanishing outside it):
 *
 *   Q⁺(f,g)(v) = 2 ∫_{R³} dy |y|⁻¹ f(v + y) ∫_{y⊥} g(v + w) dA(w)
 *              = Σ_{k1,k2} 2 ∫_{C_{k1}} |v* − v|⁻¹ p_{k1}(v*) ∫_{(v + (v*−v)⊥) ∩ C_{k2}} p_{k2}(u*) dA(u*) dv*
 *
 * (Carleman 1933; see collision.ts for the derivation: v* = v + y, u* = v + w, y ⊥ w, i.e. v lies
 * on the sphere with diameter [v*, u*] — Thales.) The estimator:
 * - outer: k1 uniform in the list L1 (factor |L1|), v* uniform in the region of k1 (factor: its
 *   volume), `nOuter` draws;
 * - inner, stratified over k2: for every k2 in L2 whose region the plane through v with normal
 *   (v* − v)/|v* − v| cuts (exact test), one point uniform in a box of the plane that contains
 *   plane ∩ region (factor: the box area; the profile vanishes outside the region).
 * Each node (k1, k2, v*, u*, weight) is kept; Σ weight = an unbiased estimate of Q⁺(Σ_{L1}p, Σ_{L2}p)(v),
 * and Σ weight·h(k1, k2, v*, u*) one of Q⁺ with p_{k1}(v*)p_{k2}(u*) replaced by
 * p_{k1}(v*)p_{k2}(u*)h — the caller multiplies by x-dependent factors (the tubes of f_b).
 * Buffers grow once and are reused: no allocation per node.
 */

/** A piece of f: a cylinder or ball region and a profile that vanishes outside it. */
export interface CarlemanPiece {
  readonly region: VelocityRegion;
  readonly profile: (u: Float64Array) => number;
  /** Frame (f1, f2) ⊥ axis for cylinders (for balls: unused), bounding ball, volume. */
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  readonly bb: Float64Array;
  readonly volume: number;
}

/**
 * Prepare one piece of f for Carleman sampling: its region (radius > 0, else a {@link RuleError}),
 * its profile, the frame ⊥ the axis, the bounding ball and the volume.
 */
export function carlemanPiece(
  region: VelocityRegion,
  profile: (u: Float64Array) => number,
): CarlemanPiece {
  if (!(region.radius > 0)) throw new RuleError("a Carleman piece needs a region of radius > 0");
  const f1 = new Float64Array(3);
  const f2 = new Float64Array(3);
  const bb = new Float64Array(4);
  let volume: number;
  if (region.kind === "cylinder") {
    if (!(region.a1 > region.a0)) throw new RuleError("a cylinder piece needs a0 < a1");
    const ax = new Float64Array([region.axis[0], region.axis[1], region.axis[2]]);
    orthonormalFrame(f1, f2, ax);
    const m = 0.5 * (region.a0 + region.a1);
    bb[0] = region.center[0] + m * ax[0];
    bb[1] = region.center[1] + m * ax[1];
    bb[2] = region.center[2] + m * ax[2];
    bb[3] = Math.hypot(0.5 * (region.a1 - region.a0), region.radius);
    volume = Math.PI * region.radius ** 2 * (region.a1 - region.a0);
  } else {
    bb[0] = region.center[0];
    bb[1] = region.center[1];
    bb[2] = region.center[2];
    bb[3] = region.radius;
    volume = (4 / 3) * Math.PI * region.radius ** 3;
  }
  return { region, profile, f1, f2, bb, volume };
}

/** Growable node storage (reused across calls). */
export class CarlemanNodes {
  count = 0;
  k1 = new Int32Array(1024);
  k2 = new Int32Array(1024);
  vs = new Float64Array(3 * 1024);
  us = new Float64Array(3 * 1024);
  weight = new Float64Array(1024);
  /** Number of outer draws behind the current nodes. */
  outerDraws = 0;

  reset(): void {
    this.count = 0;
    this.outerDraws = 0;
  }

  push(k1: number, k2: number, vs: Float64Array, us: Float64Array, w: number): void {
    if (this.count === this.weight.length) this.grow();
    const i = this.count++;
    this.k1[i] = k1;
    this.k2[i] = k2;
    this.vs[3 * i] = vs[0];
    this.vs[3 * i + 1] = vs[1];
    this.vs[3 * i + 2] = vs[2];
    this.us[3 * i] = us[0];
    this.us[3 * i + 1] = us[1];
    this.us[3 * i + 2] = us[2];
    this.weight[i] = w;
  }

  private grow(): void {
    const n = 2 * this.weight.length;
    const g = <T extends Int32Array | Float64Array>(a: T, m: number): T => {
      const b = new (a.constructor as new (k: number) => T)(m);
      b.set(a);
      return b;
    };
    this.k1 = g(this.k1, n);
    this.k2 = g(this.k2, n);
    this.vs = g(this.vs, 3 * n);
    this.us = g(this.us, 3 * n);
    this.weight = g(this.weight, n);
  }
}

// module-level scratch
const vStar = new Float64Array(3);
const uStar = new Float64Array(3);
const nrm = new Float64Array(3);
const m1 = new Float64Array(3);
const m2 = new Float64Array(3);
/** Plane-cut result: [α_lo, α_hi, β_lo, β_hi, p0x, p0y, p0z] with p = p0 + α m1 + β m2. */
const cut = new Float64Array(7);

/** Uniform point of a piece's region into out. */
function uniformIn(out: Float64Array, p: CarlemanPiece, rnd: Uniform): void {
  const r = p.region;
  if (r.kind === "cylinder") uniformInCylinder(out, rnd, r, p.f1, p.f2);
  else uniformInBall(out, rnd, r.center, r.radius);
}

/**
 * Does the plane {p : n·(p − v) = 0} cut the region? If so, fill `cut` with a box (α, β ranges) in
 * the plane frame (m1, m2) about p0 that contains plane ∩ region, and return its area; else 0.
 * Cylinder {c + a e + q : a ∈ [a0, a1], |q| ≤ ρ, q ⊥ e}: with ce = n·e, the axis meets the plane
 * at a* = n·(v − c)/ce; p0 = c + a* e, m1 ∝ e − ce n, m2 = n × m1; then the distance to the axis is
 * √(α² ce² + β²) and the axial coordinate a* + α √(1 − ce²). Plane ∥ axis (|ce| tiny): a strip.
 */
export function planeCut(p: CarlemanPiece, v: ArrayLike<number>, n: Float64Array): number {
  const r = p.region;
  const c = r.center;
  const dvc = n[0] * (v[0] - c[0]) + n[1] * (v[1] - c[1]) + n[2] * (v[2] - c[2]);
  if (r.kind === "ball") {
    const ad = Math.abs(dvc);
    if (ad >= r.radius) return 0;
    const rad = Math.sqrt((r.radius - ad) * (r.radius + ad));
    cut[0] = -rad;
    cut[1] = rad;
    cut[2] = -rad;
    cut[3] = rad;
    cut[4] = c[0] + dvc * n[0];
    cut[5] = c[1] + dvc * n[1];
    cut[6] = c[2] + dvc * n[2];
    orthonormalFrame(m1, m2, n);
    return 4 * rad * rad;
  }
  const e = r.axis;
  const rho = r.radius;
  const ce = n[0] * e[0] + n[1] * e[1] + n[2] * e[2];
  const se = Math.sqrt(Math.max(0, 1 - ce * ce));
  if (Math.abs(ce) < 1e-7) {
    // plane parallel to the axis: distance of the axis to the plane is |dvc|
    const ad = Math.abs(dvc);
    if (ad >= rho) return 0;
    const h = Math.sqrt((rho - ad) * (rho + ad));
    m1[0] = e[0];
    m1[1] = e[1];
    m1[2] = e[2];
    m2[0] = n[1] * e[2] - n[2] * e[1];
    m2[1] = n[2] * e[0] - n[0] * e[2];
    m2[2] = n[0] * e[1] - n[1] * e[0];
    const mm = Math.hypot(m2[0], m2[1], m2[2]);
    m2[0] /= mm;
    m2[1] /= mm;
    m2[2] /= mm;
    // p0 = c + dvc n (foot of c on the plane); axial coordinate of p0 + α e is α
    cut[0] = r.a0;
    cut[1] = r.a1;
    cut[2] = -h;
    cut[3] = h;
    cut[4] = c[0] + dvc * n[0];
    cut[5] = c[1] + dvc * n[1];
    cut[6] = c[2] + dvc * n[2];
    return 2 * h * (r.a1 - r.a0);
  }
  const aStar = dvc / ce;
  const ae = rho / Math.abs(ce);
  let lo = -ae;
  let hi = ae;
  if (se < 1e-12) {
    if (aStar < r.a0 || aStar > r.a1) return 0;
    orthonormalFrame(m1, m2, n);
  } else {
    lo = Math.max(lo, (r.a0 - aStar) / se);
    hi = Math.min(hi, (r.a1 - aStar) / se);
    if (!(hi > lo)) return 0;
    const s = ce;
    m1[0] = (e[0] - s * n[0]) / se;
    m1[1] = (e[1] - s * n[1]) / se;
    m1[2] = (e[2] - s * n[2]) / se;
    m2[0] = n[1] * m1[2] - n[2] * m1[1];
    m2[1] = n[2] * m1[0] - n[0] * m1[2];
    m2[2] = n[0] * m1[1] - n[1] * m1[0];
  }
  cut[0] = lo;
  cut[1] = hi;
  cut[2] = -rho;
  cut[3] = rho;
  cut[4] = c[0] + aStar * e[0];
  cut[5] = c[1] + aStar * e[1];
  cut[6] = c[2] + aStar * e[2];
  return (hi - lo) * 2 * rho;
}

/** Which pieces and pairs {@link sampleCarlemanNodes} draws from, and how many outer draws. */
export interface CarlemanDraw {
  /** Indices allowed for the first argument (v* ∈ C_{k1}); `null`: all pieces. */
  readonly outer: Int32Array | null;
  readonly outerCount: number;
  /** Indices allowed for the second argument (u* ∈ C_{k2}); `null`: all pieces. */
  readonly inner: Int32Array | null;
  readonly innerCount: number;
  /** Number of outer draws. */
  readonly nOuter: number;
  /** Which pairs to keep: all (default), only k2 = k1, or only k2 ≠ k1. */
  readonly pairs?: "all" | "diagonal" | "offDiagonal";
}

/**
 * Fill `out` with Carleman nodes at v (see the module comment). Unbiased: E[Σ weight·h] equals
 * the Carleman integral of p_{k1}(v*) p_{k2}(u*) h over k1 ∈ L1, k2 ∈ L2.
 */
export function sampleCarlemanNodes(
  out: CarlemanNodes,
  v: ArrayLike<number>,
  pieces: readonly CarlemanPiece[],
  draw: CarlemanDraw,
  rnd: Uniform,
): void {
  out.reset();
  const n1 = draw.outerCount;
  const n2 = draw.innerCount;
  if (n1 === 0 || n2 === 0 || draw.nOuter <= 0) {
    out.outerDraws = Math.max(0, draw.nOuter);
    return;
  }
  const outerFactor = n1 / draw.nOuter;
  const pairs = draw.pairs ?? "all";
  for (let it = 0; it < draw.nOuter; it++) {
    const i1 = Math.min(n1 - 1, Math.floor(rnd() * n1));
    const k1 = draw.outer ? draw.outer[i1] : i1;
    const p1 = pieces[k1];
    uniformIn(vStar, p1, rnd);
    const f1v = p1.profile(vStar);
    if (f1v === 0) continue;
    const yx = vStar[0] - v[0];
    const yy = vStar[1] - v[1];
    const yz = vStar[2] - v[2];
    const ry = Math.hypot(yx, yy, yz);
    if (!(ry > 0)) continue;
    nrm[0] = yx / ry;
    nrm[1] = yy / ry;
    nrm[2] = yz / ry;
    const base = (outerFactor * p1.volume * f1v * 2) / ry;
    const dv = nrm[0] * v[0] + nrm[1] * v[1] + nrm[2] * v[2];
    for (let i2 = 0; i2 < n2; i2++) {
      const k2 = draw.inner ? draw.inner[i2] : i2;
      if (pairs === "diagonal" ? k2 !== k1 : pairs === "offDiagonal" && k2 === k1) continue;
      const p2 = pieces[k2];
      const b = p2.bb;
      // bounding-ball prefilter: |n·(b − v)| ≤ R_b
      if (Math.abs(nrm[0] * b[0] + nrm[1] * b[1] + nrm[2] * b[2] - dv) >= b[3]) continue;
      const area = planeCut(p2, v, nrm);
      if (area === 0) continue;
      const al = cut[0] + (cut[1] - cut[0]) * rnd();
      const be = cut[2] + (cut[3] - cut[2]) * rnd();
      uStar[0] = cut[4] + al * m1[0] + be * m2[0];
      uStar[1] = cut[5] + al * m1[1] + be * m2[1];
      uStar[2] = cut[6] + al * m1[2] + be * m2[2];
      const f2v = p2.profile(uStar);
      if (f2v === 0) continue;
      out.push(k1, k2, vStar, uStar, base * area * f2v);
    }
  }
  out.outerDraws = draw.nOuter;
}
