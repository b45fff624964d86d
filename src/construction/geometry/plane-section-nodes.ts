import { RuleError } from "../../math/errors.ts";

/**
 * Quadrature nodes for the plane integrals of one velocity bump of (2.4) that the L² parts of
 * Q⁺(f_b, f_r) (Lemma 4.4) need: {@link planeSectionNodes} for the plane {p : p·ω̂ = r} ∩ bump,
 * {@link velocityNodes} for the velocities v = r ω̂ whose plane meets the bump.
 */

/** Nodes of the plane {p : p·ω̂ = r} ∩ one bump (frame e = ẑ, cos∠(ω̂, e) = c), see below. */
const SEC_MAX = 64 * 64;
const secW = new Float64Array(SEC_MAX);
const secA = new Float64Array(SEC_MAX);
const secQ = new Float64Array(SEC_MAX);

/** The buffers filled by {@link planeSectionNodes} (read-only views for tests). */
export function sectionNodeBuffers(): { w: Float64Array; a: Float64Array; q: Float64Array } {
  return { w: secW, a: secA, q: secQ };
}

/**
 * Fill the module buffers with the quadrature nodes of ∫_{p·ω̂ = r} I(p) g(p) dA(p) for one bump
 * I = φ(|q|/ρ) φ(10|a − 1|), p = a e + q (q ⊥ e), ω̂ at angle acos(c) from e: weight × I in `secW`,
 * the axial coordinate a in `secA`, |q| in `secQ`; returns the count. Where ρs ≤ 0.1c the plane is
 * parametrized by the disk (q₁, q₂) ∈ [−ρ, ρ]² with a = (r − q₁s)/c, dA = d²q/c; otherwise by
 * (a, q₂) ∈ [0.9, 1.1] × [−ρ, ρ] with q₁ = (r − ac)/s, dA = da dq₂/s (Gauss–Legendre on the box).
 * Written for the paper's axial factor α = 10; `alpha` sets another (0.1 → 1/α, 10 → α).
 */
export function planeSectionNodes(
  rho: number,
  r: number,
  c: number,
  nodes: ArrayLike<number>,
  weights: ArrayLike<number>,
  phi: (r: number) => number,
  alpha = 10,
): number {
  const h = 1 / alpha;
  const nq = nodes.length;
  if (nq * nq > SEC_MAX) throw new RuleError("plane-section order must be at most 64", `got ${nq}`);
  const s = Math.sqrt(Math.max(0, 1 - c * c));
  // the box of the smaller extent: the disk spans a-width 2ρs/c, the a-box q₁-width 0.2c/s
  const disk = rho * s <= h * c;
  let count = 0;
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nq; j++) {
      let a: number;
      let q1: number;
      let wq: number;
      const q2 = rho * nodes[j];
      if (disk) {
        q1 = rho * nodes[i];
        a = (r - q1 * s) / c;
        wq = (rho * rho * weights[i] * weights[j]) / c;
      } else {
        if (s === 0) continue;
        a = 1 + h * nodes[i];
        q1 = (r - a * c) / s;
        wq = (h * rho * weights[i] * weights[j]) / s;
      }
      const qn = Math.sqrt(q1 * q1 + q2 * q2);
      if (qn >= rho || Math.abs(a - 1) >= h) continue;
      const I = phi(qn / rho) * phi(alpha * Math.abs(a - 1));
      if (I === 0) continue;
      secW[count] = wq * I;
      secA[count] = a;
      secQ[count] = qn;
      count++;
    }
  }
  return count;
}

const VEL_MAX = 2 * 64 * 64;
const velR = new Float64Array(VEL_MAX);
const velC = new Float64Array(VEL_MAX);
const velW = new Float64Array(VEL_MAX);

/** The buffers filled by {@link velocityNodes} (read-only views for tests). */
export function velocityNodeBuffers(): { r: Float64Array; c: Float64Array; w: Float64Array } {
  return { r: velR, c: velC, w: velW };
}

/**
 * Velocity nodes v = r ω̂ in one bump's frame (c = cos∠(ω̂, e)) covering the support of its plane
 * integrals: r ∈ [r0, r1] ⊂ [0, √(1.1² + ρ²)] (|v| = p·ω̂ ≤ |p|; default the whole range), and
 * c ∈ [min_a (r − ρ)/a, (r + ρ)/0.9] over a ∈ [0.9, 1.1] (the plane p·ω̂ = r meets the bump p = a e + q,
 * |q| ≤ ρ, only if a c = r − q·ω̂ ∈ [r − ρ, r + ρ]; for r < ρ the lower end is (r − ρ)/0.9 < 0),
 * split at ρs = 0.1c where the plane parametrization changes; weights of dv = 2π r² dr dc (azimuth
 * integrated). Gauss–Legendre `nodes` in r and `cNodes` (default the same) in c. Returns the count.
 * Written for the paper's α = 10; `alpha` sets another (0.9, 1.1 → 1 ∓ 1/α, 0.1 → 1/α; the literals
 * 1.21, 0.01 kept for α = 10 so that its nodes stay bit for bit).
 */
export function velocityNodes(
  rho: number,
  nodes: ArrayLike<number>,
  weights: ArrayLike<number>,
  r0 = 0,
  r1?: number,
  cNodes: ArrayLike<number> = nodes,
  cWeights: ArrayLike<number> = weights,
  alpha = 10,
): number {
  const paper = alpha === 10;
  const h = 1 / alpha;
  const aLo = 1 - h;
  const aHi = 1 + h;
  const aHiSq = paper ? 1.21 : aHi * aHi;
  const hSq = paper ? 0.01 : h * h;
  const nv = nodes.length;
  const nc = cNodes.length;
  if (nv > 64 || nc > 64)
    throw new RuleError("velocity order must be at most 64", `got ${nv}, ${nc}`);
  const rMax = Math.sqrt(aHiSq + rho * rho);
  const rTop = r1 ?? rMax;
  if (!(r0 >= 0 && r0 <= rTop && rTop <= rMax)) {
    throw new RuleError(
      "velocity range must satisfy 0 <= r0 <= r1 <= sqrt((1 + 1/α)² + rho^2)",
      `got [${r0}, ${rTop}]`,
    );
  }
  const cS = rho / Math.sqrt(hSq + rho * rho);
  let count = 0;
  for (let ir = 0; ir < nv; ir++) {
    const r = r0 + 0.5 * (rTop - r0) * (1 + nodes[ir]);
    const wr = 0.5 * (rTop - r0) * weights[ir];
    const cA = Math.max(-1, Math.min((r - rho) / aLo, (r - rho) / aHi));
    const cB = Math.min(1, (r + rho) / aLo);
    for (let seg = 0; seg < 2; seg++) {
      const c0 = seg === 0 ? cA : Math.max(cA, cS);
      const c1 = seg === 0 ? Math.min(cB, cS) : cB;
      if (c1 <= c0) continue;
      const hc = 0.5 * (c1 - c0);
      for (let ic = 0; ic < nc; ic++) {
        velR[count] = r;
        velC[count] = c0 + hc * (1 + cNodes[ic]);
        velW[count] = 2 * Math.PI * r * r * wr * hc * cWeights[ic];
        count++;
      }
    }
  }
  return count;
}
