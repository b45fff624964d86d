import { type Estimate, estimate } from "../../math/estimate.ts";
import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../../math/vec3.ts";
import { forEachInDoubleCone } from "../geometry/lattice-cone.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";

/**
 * The collision frequency of the beam, (2.6) with its constant (docs/design.md):
 *   A[f_b](t, x, v) = ∫_{R³}∫_{S²} f_b(t, x, u) |(u − v)·ω| dω du = 2π ∫ |u − v| f_b(t, x, u) du
 *                   = 2π M^{1−s} Σ_{i,j} T_{i,j},   T_{i,j} = ∫ |u − v| K_{i,j}(x − u t) I_{i,j}(u) du,
 * and its x-derivatives ∇_x^k A (k = 1, 2), needed for (2.30).
 * For the kernel of the parameters (Remark 1.5; docs/kernels.md) 2π becomes Ω = ∫_{S²} b dω and
 * |u − v| becomes Φ(|u − v|) = |u − v|^γ: Ω = 4π, γ = 0 (constant); Ω = 2π, γ (vhs:γ).
 *
 * Each T_{i,j} is integrated over the support of I_{i,j} only, in the tube's own frame
 * (e1, e2, e = e_{i,j}): u = a e + ρ r (cos ψ e1 + sin ψ e2), du = ρ² r dr dψ da, with
 * a ∈ [9/10, 11/10], r ∈ [0, 1], ψ ∈ [0, 2π), ρ = 1/(cM) the bump radius. Then
 *   I(u) = φ(r) φ(10|a − 1|),  x − u t = (q − t ρ r ω̂(ψ), η − a t) in that frame,
 * so the integrand is smooth on a unit-size box whatever M is: no global grid, no resolution of
 * the 1/M scale. Gauss–Legendre in a and r and the trapezoidal rule in ψ (periodic) are refined
 * per tube (orders 8, 12, 16, 24, 32, 48, 64) until two successive values agree to the tolerance;
 * the reported error is the sum over tubes of the last differences.
 * Only tubes that can touch x are visited: |P⊥_e x| < 1/M + t ρ (a double cone around ±x).
 * Nothing assumes x = 0, v = 0 or a particular cutoff.
 */
export interface FrequencyOptions {
  /** 0: A itself; 1: |∇_x A|; 2: |∇²_x A| (Frobenius). */
  readonly order?: 0 | 1 | 2;
  /**
   * Relative tolerance per tube (default 1e-7), measured against the larger of the tube's own
   * value and the value of a tube passing through its centre (so that tubes that barely touch x
   * are not refined for digits that cannot matter).
   */
  readonly relTol?: number;
  /** With order 1: receives the components of ∇_x A (world coordinates), not only |∇_x A|. */
  readonly gradient?: Float64Array;
}

const ORDERS = [8, 12, 16, 24, 32, 48, 64];

/**
 * The collision frequency of the beam (2.6), A[f_b](t, x, v) = 2π M^{1−s} Σ_{i,j} ∫ |u − v|
 * K_{i,j}(x − ut) I_{i,j}(u) du, visiting only the tubes that can reach x and integrating each over
 * its bump's support in the bump's own frame (Gauss–Legendre, refined per tube).
 * @returns an {@link Estimate}: value and quadrature error bound (the sum of the per-tube errors).
 */
export function beamCollisionFrequency(
  beam: Beam,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options: FrequencyOptions = {},
): Estimate {
  const order = options.order ?? 0;
  const relTol = options.relTol ?? 1e-7;
  const { M, kernel } = beam.params;
  const rho = bumpRadius(beam.bump);
  const h = 1 / bumpAxialFactor(beam.bump); // axial half-width: e·u ∈ (1 − h, 1 + h)
  const vNorm = Math.hypot(v[0], v[1], v[2]);
  kernelGamma = kernel.gamma;
  speedLipschitz = kernelLipschitz(kernel.gamma, 1 - h - SEPARABLE_SPEED);
  const reach = 1 / M + t * rho;
  const nx = Math.hypot(x[0], x[1], x[2]);
  if (nx >= 1 + (1 + h) * t + reach + 1e-12) {
    return estimate(0, 0, "quadrature", "x outside every transported tube");
  }
  const alpha = nx <= reach ? Math.PI : Math.asin(reach / nx);
  dir[0] = nx > 0 ? x[0] / nx : 0;
  dir[1] = nx > 0 ? x[1] / nx : 0;
  dir[2] = nx > 0 ? x[2] / nx : 1;
  const ncomp = order === 0 ? 1 : order === 1 ? 3 : 9;
  // a single tube's integral is at most ρ² ∫∫ |u−v| φ(r) φ(α|a−1|) r dr dψ da ≤ ρ² · 2π · 2h · (1 + h + |v|) · M^k
  const speedScale =
    kernel.name === "hard-sphere"
      ? 1 + h + vNorm
      : Math.max(speedOf((1 + h + vNorm) ** 2), speedOf(Math.max(1 - h - vNorm, rho) ** 2));
  const tubeScale = rho * rho * 2 * Math.PI * (2 * h) * speedScale * M ** order * 0.01;
  acc.fill(0);
  let err = 0;
  let maxLevel = 0;
  let unconverged = false;
  const lat = beam.lattice.e;
  forEachInDoubleCone(M, dir, alpha, (k) => {
    e[0] = lat[3 * k];
    e[1] = lat[3 * k + 1];
    e[2] = lat[3 * k + 2];
    orthonormalFrame(e1, e2, e);
    prev.fill(0);
    let done = false;
    for (let level = 0; level < ORDERS.length; level++) {
      const speedBound = tubeIntegral(beam, rho, t, x, v, order, ORDERS[level], cur);
      if (level > 0) {
        let d = 0;
        let m = 0;
        for (let c = 0; c < ncomp; c++) {
          d = Math.max(d, Math.abs(cur[c] - prev[c]));
          m = Math.max(m, Math.abs(cur[c]));
        }
        if (d <= relTol * Math.max(m, tubeScale)) {
          for (let c = 0; c < ncomp; c++) acc[c] += cur[c];
          err += d + speedBound;
          maxLevel = Math.max(maxLevel, level);
          done = true;
          break;
        }
        if (level === ORDERS.length - 1) {
          for (let c = 0; c < ncomp; c++) acc[c] += cur[c];
          err += d + speedBound;
          maxLevel = level;
          unconverged = true;
          done = true;
        }
      }
      prev.set(cur);
    }
    if (!done) throw new Error("unreachable");
  });
  const pref = kernel.angularIntegral * beam.amplitude;
  let value: number;
  if (order === 0) value = acc[0];
  else {
    let s2 = 0;
    for (let c = 0; c < ncomp; c++) s2 += acc[c] * acc[c];
    value = Math.sqrt(s2);
    if (order === 1 && options.gradient !== undefined)
      for (let c = 0; c < 3; c++) options.gradient[c] = pref * acc[c];
  }
  return estimate(
    pref * value,
    pref * err,
    "quadrature",
    `per-tube Gauss–Legendre (a, r) × trapezoid (ψ) on the bump supports, up to ${ORDERS[maxLevel]}³ nodes, rel. tol ${relTol}`,
    { unconverged },
  );
}

/**
 * One tube: ∫ |u − v| ∇^k K(x − u t) I(u) du with n nodes per direction, written into out
 * (1 value, 3 gradient components, or 9 Hessian entries, in world coordinates).
 * Uses the module-level frame e1, e2, e.
 *
 * The speed Φ(|u − v|) is replaced by Φ(|u − (v·e) e|), which depends on (a, r) only; that lets the
 * ψ-integral be done once per r-node (cost n² instead of n³). The replacement changes the result
 * by at most sup|Φ'| · |P⊥_e v| · ∫ |∇^k K(x − ut)| I(u) du, which is returned as the second value and added
 * to the error by the caller. It is used only when |v| ≤ {@link SEPARABLE_SPEED}; otherwise the
 * full three-dimensional rule is used and the returned bound is 0.
 */
function tubeIntegral(
  beam: Beam,
  rho: number,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  order: 0 | 1 | 2,
  n: number,
  out: Float64Array,
): number {
  const { M } = beam.params;
  const { phi, dphi, d2phi } = beam.cutoff;
  const gl = gaussLegendre(n);
  const gr = mappedRule(n, 0, 1);
  const q1 = x[0] * e1[0] + x[1] * e1[1] + x[2] * e1[2];
  const q2 = x[0] * e2[0] + x[1] * e2[1] + x[2] * e2[2];
  const eta = x[0] * e[0] + x[1] * e[1] + x[2] * e[2];
  const v1 = v[0] * e1[0] + v[1] * e1[1] + v[2] * e1[2];
  const v2 = v[0] * e2[0] + v[1] * e2[1] + v[2] * e2[2];
  const ve = v[0] * e[0] + v[1] * e[1] + v[2] * e[2];
  const separable = Math.hypot(v[0], v[1], v[2]) <= SEPARABLE_SPEED;
  const vPerp = separable ? Math.hypot(v1, v2) : 0;
  local.fill(0);
  let absMass = 0; // ∫ |∇^k K(x − ut)| I(u) du (up to the speed factor), for the separable bound
  const dpsi = (2 * Math.PI) / n;
  // axial factors at the a-nodes (independent of r and ψ): weight·φ(α|a−1|), φ(|η−at|) and derivatives
  const alphaAx = bumpAxialFactor(beam.bump);
  const h = 1 / alphaAx;
  for (let ia = 0; ia < n; ia++) {
    const a = 1 + h * gl.nodes[ia];
    const ya = eta - a * t;
    const za = Math.abs(ya);
    axA[ia] = a;
    axW[ia] = h * gl.weights[ia] * phi(alphaAx * Math.abs(a - 1));
    axF[ia] = phi(za);
    axD[ia] = order > 0 ? dphi(za) * Math.sign(ya) : 0;
    axD2[ia] = order > 1 ? d2phi(za) : 0;
  }
  const { cos, sin } = trigTable(n);
  let transReady = false;
  for (let ir = 0; ir < n; ir++) {
    const r = gr.nodes[ir];
    const wr = gr.weights[ir] * r * phi(r);
    if (wr === 0) continue;
    const pr = rho * r;
    if (separable) {
      // transverse ψ-integrals at this r: φ(R); M φ'(R) n̂; Hessian block; (|·| for the bound).
      // At t = 0 the shift t ρ r ω̂(ψ) vanishes: the integrand is constant in ψ and r, so one
      // point with weight 2π gives the trapezoid sum (same value up to rounding).
      if (t === 0) {
        if (!transReady) {
          trans.fill(0);
          transversePoint(M, q1, q2, 0, 1, 0, order, phi, dphi, d2phi, 2 * Math.PI);
          transReady = true;
        }
      } else {
        trans.fill(0);
        for (let ip = 0; ip < n; ip++) {
          transversePoint(M, q1, q2, t * pr, cos[ip], sin[ip], order, phi, dphi, d2phi, dpsi);
        }
      }
      for (let ia = 0; ia < n; ia++) {
        const wa = axW[ia];
        if (wa === 0) continue;
        const a = axA[ia];
        const fa = axF[ia];
        const dfa = axD[ia];
        const d2fa = axD2[ia];
        const speed = speedOf((a - ve) * (a - ve) + pr * pr);
        const w = wa * wr * speed;
        accumulate(w, fa, dfa, d2fa, order);
        absMass +=
          wa *
          wr *
          (Math.abs(fa) * trans[9] + Math.abs(dfa) * trans[10] + Math.abs(d2fa) * trans[11]);
      }
      continue;
    }
    // the transverse factors depend on (r, ψ) only: evaluate them once per ψ-node, reuse for every a
    for (let ip = 0; ip < n; ip++) {
      trans.fill(0);
      transversePoint(M, q1, q2, t * pr, cos[ip], sin[ip], order, phi, dphi, d2phi, 1);
      transPsi.set(trans, TRANS * ip);
    }
    for (let ia = 0; ia < n; ia++) {
      const wa = axW[ia];
      if (wa === 0) continue;
      const a = axA[ia];
      const fa = axF[ia];
      const dfa = axD[ia];
      const d2fa = axD2[ia];
      if (fa === 0 && dfa === 0 && d2fa === 0) continue;
      const da = (a - ve) * (a - ve);
      for (let ip = 0; ip < n; ip++) {
        const du1 = pr * cos[ip] - v1;
        const du2 = pr * sin[ip] - v2;
        const speed = speedOf(da + du1 * du1 + du2 * du2);
        accumulateFrom(transPsi, TRANS * ip, wa * wr * dpsi * speed, fa, dfa, d2fa, order);
      }
    }
  }
  toWorld(order, rho * rho, out);
  return vPerp * absMass * rho * rho * speedLipschitz;
}

/** γ of the kernel of the current evaluation (Φ(r) = r^γ), set by {@link beamCollisionFrequency}. */
let kernelGamma = 1;
/** sup |Φ'| over the speeds of the separable replacement, set with {@link kernelGamma}. */
let speedLipschitz = 1;

/** Φ(r) = r^γ from r²: √ for hard spheres (unchanged bits), 1 for γ = 0. */
function speedOf(r2: number): number {
  return kernelGamma === 1 ? Math.sqrt(r2) : kernelGamma === 0 ? 1 : r2 ** (0.5 * kernelGamma);
}

/**
 * sup |Φ'(r)| = |γ| r^{γ−1} over r ≥ rMin (γ ≤ 1, so r^{γ−1} is largest at rMin): the Lipschitz
 * constant of the speed factor, which bounds the separable replacement |u − (v·e)e| for |u − v|.
 * 1 for hard spheres, 0 for the constant kernel.
 */
export function kernelLipschitz(gamma: number, rMin: number): number {
  if (gamma === 1) return 1;
  if (gamma === 0) return 0;
  return Math.abs(gamma) * rMin ** (gamma - 1);
}

/** Largest |v| for which the separable speed |u − (v·e)e| is used (with its error bound). */
export const SEPARABLE_SPEED = 1e-6;

/**
 * Add the transverse factors of ∇^k K at angle ψ (weight w) into `trans`:
 * [0] φ(R), [1..2] M φ'(R) n̂, [3..5] M²[φ''(R) n̂n̂ᵀ + (φ'(R)/R)(I − n̂n̂ᵀ)] (11, 12, 22),
 * [9..11] |φ(R)|, |M φ'(R)|, |M² max(|φ''|, |φ'/R|)| for the separable bound.
 * R = M |q − s ω̂(ψ)|, ω̂(ψ) = (cos ψ, sin ψ).
 */
function transversePoint(
  M: number,
  q1: number,
  q2: number,
  s: number,
  cosPsi: number,
  sinPsi: number,
  order: number,
  phi: (r: number) => number,
  dphi: (r: number) => number,
  d2phi: (r: number) => number,
  w: number,
): void {
  const y1 = q1 - s * cosPsi;
  const y2 = q2 - s * sinPsi;
  const ry = Math.sqrt(y1 * y1 + y2 * y2);
  const R = M * ry;
  const fr = phi(R);
  trans[0] += w * fr;
  trans[9] += w * Math.abs(fr);
  if (order === 0) return;
  const dfr = dphi(R);
  // unit transverse direction (arbitrary when ry = 0; then φ'(0) = 0 kills it)
  const n1 = ry > 0 ? y1 / ry : 1;
  const n2 = ry > 0 ? y2 / ry : 0;
  trans[1] += w * M * dfr * n1;
  trans[2] += w * M * dfr * n2;
  trans[10] += w * M * Math.abs(dfr);
  if (order === 1) return;
  const hnn = M * M * d2phi(R);
  const htt = M * M * (R > 1e-12 ? dfr / R : d2phi(0));
  trans[3] += w * (hnn * n1 * n1 + htt * (1 - n1 * n1));
  trans[4] += w * (hnn - htt) * n1 * n2;
  trans[5] += w * (hnn * n2 * n2 + htt * (1 - n2 * n2));
  trans[11] += w * Math.max(Math.abs(hnn), Math.abs(htt));
}

/** Combine the transverse sums with the axial factors φ(|a|), φ'(|a|)sgn, φ''(|a|) into `local`. */
function accumulate(w: number, fa: number, dfa: number, d2fa: number, order: number): void {
  accumulateFrom(trans, 0, w, fa, dfa, d2fa, order);
}

/** {@link accumulate} with the transverse factors read from `src` at offset `o`. */
function accumulateFrom(
  src: Float64Array,
  o: number,
  w: number,
  fa: number,
  dfa: number,
  d2fa: number,
  order: number,
): void {
  if (order === 0) {
    local[0] += w * src[o] * fa;
    return;
  }
  if (order === 1) {
    // ∇K = M φ'(R) φ(|a|) n̂ + φ(R) φ'(|a|) sgn e   (frame components 1, 2, e)
    local[0] += w * src[o + 1] * fa;
    local[1] += w * src[o + 2] * fa;
    local[2] += w * src[o] * dfa;
    return;
  }
  // Hessian in the frame: transverse block × φ(|a|); mixed M φ'(R) n̂ ⊗ e × φ'(|a|) sgn; axial φ(R) φ''(|a|)
  local[0] += w * src[o + 3] * fa;
  local[1] += w * src[o + 4] * fa;
  local[3] += w * src[o + 5] * fa;
  local[2] += w * src[o + 1] * dfa;
  local[4] += w * src[o + 2] * dfa;
  local[5] += w * src[o] * d2fa;
}

/** cos ψ_i, sin ψ_i at the trapezoid nodes ψ_i = 2πi/n (computed once per n). */
function trigTable(n: number): { cos: Float64Array; sin: Float64Array } {
  let hit = trigCache.get(n);
  if (!hit) {
    hit = { cos: new Float64Array(n), sin: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      hit.cos[i] = Math.cos((i * 2 * Math.PI) / n);
      hit.sin[i] = Math.sin((i * 2 * Math.PI) / n);
    }
    trigCache.set(n, hit);
  }
  return hit;
}

const trigCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** Frame → world: a vector (1, 2, e) or the symmetric Hessian F H Fᵀ, times `scale`. */
function toWorld(order: number, scale: number, out: Float64Array): void {
  if (order === 0) {
    out[0] = local[0] * scale;
    return;
  }
  if (order === 1) {
    for (let c = 0; c < 3; c++) {
      out[c] = scale * (local[0] * e1[c] + local[1] * e2[c] + local[2] * e[c]);
    }
    return;
  }
  const [h11, h12, h1e, h22, h2e, hee] = local;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      out[3 * i + j] =
        scale *
        (h11 * e1[i] * e1[j] +
          h22 * e2[i] * e2[j] +
          hee * e[i] * e[j] +
          h12 * (e1[i] * e2[j] + e2[i] * e1[j]) +
          h1e * (e1[i] * e[j] + e[i] * e1[j]) +
          h2e * (e2[i] * e[j] + e[i] * e2[j]));
    }
  }
}

const TRANS = 12;
const trans = new Float64Array(TRANS);
const MAX_ORDER = ORDERS[ORDERS.length - 1];
const transPsi = new Float64Array(TRANS * MAX_ORDER);
const axA = new Float64Array(MAX_ORDER);
const axW = new Float64Array(MAX_ORDER);
const axF = new Float64Array(MAX_ORDER);
const axD = new Float64Array(MAX_ORDER);
const axD2 = new Float64Array(MAX_ORDER);
const dir = new Float64Array(3);
const e = new Float64Array(3);
const e1 = new Float64Array(3);
const e2 = new Float64Array(3);
const acc = new Float64Array(9);
const cur = new Float64Array(9);
const prev = new Float64Array(9);
const local = new Float64Array(9);
