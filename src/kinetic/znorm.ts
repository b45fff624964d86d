import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate, exact } from "../math/estimate.ts";
import { gaussLegendre } from "../math/gauss-legendre.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import type { PhaseSpaceFunction, VelocityRegion } from "./phase-space.ts";
import { Z_PARTS, type ZPart, zPartPrefactor } from "./z-parts.ts";

/**
 * The Z-norm (3.3) = (4.2) of the paper:
 *
 *   ‖f‖_Z = M^{s0}‖f‖_{L^{2,1}_v L²_x} + M^{s0−1}‖∇x f‖_{L^{2,1}_v L²_x} + ‖f‖_{L^{1,1}_v L^∞_x}
 *           + M^{−1}‖∇x f‖_{L^{1,1}_v L^∞_x},     ‖f‖_{L^{p,1}_v} = ‖⟨v⟩ f‖_{L^p_v},
 *
 * (norm in x inside, in v outside; |∇x f| the Euclidean norm of the gradient) applied to w(v) f
 * with a named velocity weight w (Lemma 4.2, Proposition 3.1): e^{⟨v⟩²}, e^{(1−κt)⟨v⟩²} (3.4) or
 * ⟨v⟩e^{⟨v⟩²} (3.5)–(3.6). The four parts, their names and M-prefactors are those of
 * `z-parts.ts` ({@link Z_PARTS}, {@link zPartPrefactor}).
 *
 * Two generic evaluators:
 * (a) {@link separableZNorm}: f(x, v) = a(x) F(v). The mixed norms factorize exactly:
 *     ‖w f‖_{L^{p,1}_v L^q_x} = ‖a‖_{L^q} ‖⟨v⟩ w F‖_{L^p}, and the same with ∇a. a(x) is given by its
 *     four norms ({@link gaussianXNorms}, {@link radialXNorms}); F by quadrature
 *     ({@link radialVelocityNorms}, {@link ballVelocityNorms}, {@link regionVelocityNorms}).
 * (b) {@link generalZNorm}: f given pointwise with a bounded x-support (a ball) and velocity
 *     supports (phase-space.ts). L² parts by product Gauss quadrature refined to a tolerance; the
 *     L^∞_x parts by a steered search for sup_x at every velocity node (a lower bound, labelled).
 */

/** A velocity weight w(v) = ⟨v⟩^k e^{c⟨v⟩²} (c ≥ 0, k ≥ 0), non-decreasing in |v|. */
export interface ZWeight {
  readonly name: string;
  /** c: the factor of ⟨v⟩² in the exponent. */
  readonly gaussianFactor: number;
  /** k: the power of ⟨v⟩. */
  readonly vPower: number;
}

/** e^{⟨v⟩²} (Lemma 4.2, the left sides of (3.5)–(3.6)). */
export const GAUSSIAN_WEIGHT: ZWeight = { name: "e^{⟨v⟩²}", gaussianFactor: 1, vPower: 0 };
/** ⟨v⟩e^{⟨v⟩²} (the right sides of (3.5)–(3.6)). */
export const V_GAUSSIAN_WEIGHT: ZWeight = { name: "⟨v⟩e^{⟨v⟩²}", gaussianFactor: 1, vPower: 1 };
/** w = 1 (plain norms). */
export const NO_WEIGHT: ZWeight = { name: "1", gaussianFactor: 0, vPower: 0 };

/** e^{(1−κt)⟨v⟩²} of (3.4); requires 0 ≤ κt ≤ 1 (Proposition 3.1: t ≤ 1/κ). */
export function kappaWeight(kappa: number, t: number): ZWeight {
  if (
    !Number.isFinite(kappa) ||
    !Number.isFinite(t) ||
    !(kappa > 0) ||
    !(t >= 0) ||
    kappa * t > 1 + 1e-12
  ) {
    throw new RuleError(
      "the weight e^{(1−κt)⟨v⟩²} needs κ > 0 and 0 ≤ t ≤ 1/κ",
      `got κ=${kappa}, t=${t}`,
    );
  }
  const c = Math.max(0, 1 - kappa * t);
  return { name: `e^{(1−κt)⟨v⟩²} (1−κt=${c.toPrecision(6)})`, gaussianFactor: c, vPower: 0 };
}

/** w(v) at |v|² = v2. */
export function weightAt(w: ZWeight, v2: number): number {
  const b = 1 + v2;
  return (w.vPower === 0 ? 1 : b ** (0.5 * w.vPower)) * Math.exp(w.gaussianFactor * b);
}

/** ⟨v⟩ w(v) at |v|² = v2 (the integrand weight of the L^{p,1}_v norms). */
export function normWeightAt(w: ZWeight, v2: number): number {
  return Math.sqrt(1 + v2) * weightAt(w, v2);
}

/** The product weight w₁w₂ (e.g. ⟨v⟩·e^{⟨v⟩²}). */
export function productWeight(a: ZWeight, b: ZWeight): ZWeight {
  return {
    name: `${a.name}·${b.name}`,
    gaussianFactor: a.gaussianFactor + b.gaussianFactor,
    vPower: a.vPower + b.vPower,
  };
}

/** The four Z-norm parts (each with its prefactor), their sum, and which part dominates. */
export interface ZNorm {
  readonly parts: Readonly<Record<ZPart, Estimate>>;
  readonly total: Estimate;
  readonly dominant: ZPart;
}

/** The four unscaled norms (no M-prefactor): ‖·‖_{L^{2,1}L²}, ‖∇·‖_{L^{2,1}L²}, ‖·‖_{L^{1,1}L^∞}, ‖∇·‖_{L^{1,1}L^∞}. */
export type ZRaw = Readonly<Record<ZPart, Estimate>>;

/** Multiply the raw norms by the prefactors of (3.3) and add them up. */
export function assembleZNorm(raw: ZRaw, M: number, s0: number): ZNorm {
  const parts = {} as Record<ZPart, Estimate>;
  let v = 0;
  let e = 0;
  let dominant: ZPart = "L2";
  let unconverged = false;
  let lowerBound = false;
  for (const p of Z_PARTS) {
    const c = zPartPrefactor(p, M, s0);
    const r = raw[p];
    parts[p] = { ...r, value: r.value * c, error: r.error * c };
    v += parts[p].value;
    e += parts[p].error;
    if (parts[p].value > parts[dominant].value) dominant = p;
    unconverged ||= r.unconverged === true;
    lowerBound ||= r.lowerBound === true;
  }
  const total = estimate(
    v,
    e,
    "derived",
    `sum of the four Z-norm parts (3.3), M = ${M}, s0 = ${s0}`,
    { unconverged, lowerBound },
  );
  return { parts, total, dominant };
}

/** Norms of an x-profile a(x): ‖a‖_{L²}, ‖∇a‖_{L²}, ‖a‖_{L^∞}, ‖∇a‖_{L^∞} (keyed like the Z parts). */
export type XNorms = Readonly<Record<ZPart, Estimate>>;

/** ‖⟨v⟩ w F‖_{L¹_v} and ‖⟨v⟩ w F‖_{L²_v}. */
export interface VelocityNorms {
  readonly L1: Estimate;
  readonly L2: Estimate;
}

/**
 * (a) The Z-norm of w·a(x)F(v): ‖w f‖_{L^{p,1}_v L^q_x} = ‖a‖_{L^q}·‖⟨v⟩wF‖_{L^p} exactly
 * (the x-norm at fixed v is |F(v)|‖a‖).
 */
export function separableZNorm(x: XNorms, v: VelocityNorms, M: number, s0: number): ZNorm {
  const mul = (a: Estimate, b: Estimate, what: string): Estimate =>
    estimate(
      a.value * b.value,
      a.value * b.error + b.value * a.error + a.error * b.error,
      "derived",
      `${what}: (${a.method}) × (${b.method})`,
      { unconverged: a.unconverged || b.unconverged, lowerBound: a.lowerBound || b.lowerBound },
    );
  return assembleZNorm(
    {
      L2: mul(x.L2, v.L2, "‖a‖₂‖⟨v⟩wF‖₂"),
      gradL2: mul(x.gradL2, v.L2, "‖∇a‖₂‖⟨v⟩wF‖₂"),
      Linf: mul(x.Linf, v.L1, "‖a‖_∞‖⟨v⟩wF‖₁"),
      gradLinf: mul(x.gradLinf, v.L1, "‖∇a‖_∞‖⟨v⟩wF‖₁"),
    },
    M,
    s0,
  );
}

/**
 * Closed-form norms of the Gaussian a(x) = A exp(−|x − c|²/(2σ²)) in R³:
 * ‖a‖₂ = A(πσ²)^{3/4}, ‖∇a‖₂ = A(3/(2σ²))^{1/2}(πσ²)^{3/4}, ‖a‖_∞ = A, ‖∇a‖_∞ = A e^{−1/2}/σ
 * (the gradient's modulus (r/σ²)e^{−r²/2σ²} is largest at r = σ).
 */
export function gaussianXNorms(amplitude: number, sigma: number): XNorms {
  if (!(sigma > 0) || !Number.isFinite(sigma) || !Number.isFinite(amplitude)) {
    throw new RuleError(
      "a Gaussian x-profile needs a finite amplitude and a width sigma > 0",
      `got A=${amplitude}, σ=${sigma}`,
    );
  }
  const A = Math.abs(amplitude);
  const l2 = A * (Math.PI * sigma * sigma) ** 0.75;
  return {
    L2: exact(l2, "A(πσ²)^{3/4}"),
    gradL2: exact((l2 * Math.sqrt(1.5)) / sigma, "A(3/(2σ²))^{1/2}(πσ²)^{3/4}"),
    Linf: exact(A, "A"),
    gradLinf: exact((A * Math.exp(-0.5)) / sigma, "A e^{−1/2}/σ"),
  };
}

/**
 * Norms of a radial x-profile a(x) = φ(λ|x|) with φ supported in [0, 1] (a cutoff at scale 1/λ):
 * ‖a‖₂ = λ^{−3/2}(4π∫φ²r²)^{1/2}, ‖∇a‖₂ = λ^{−1/2}(4π∫φ'²r²)^{1/2} (Gauss–Legendre 200 vs 300),
 * ‖a‖_∞ = max|φ|, ‖∇a‖_∞ = λ max|φ'| (grid of 4001 points + golden-section refinement of the best;
 * labelled as sampled sups).
 */
export function radialXNorms(
  phi: (r: number) => number,
  dphi: (r: number) => number,
  lambda: number,
): XNorms {
  if (!(lambda > 0) || !Number.isFinite(lambda))
    throw new RuleError("a radial x-profile needs a scale lambda > 0", `got ${lambda}`);
  const l2 = (f: (r: number) => number, n: number) => {
    const { nodes, weights } = gaussLegendre(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = 0.5 * (1 + nodes[i]);
      s += 0.5 * weights[i] * f(r) ** 2 * r * r;
    }
    return Math.sqrt(4 * Math.PI * s);
  };
  const q = (f: (r: number) => number, scale: number, what: string): Estimate => {
    const a = l2(f, 200);
    const b = l2(f, 300);
    return estimate(
      b * scale,
      Math.abs(b - a) * scale + 1e-15 * b * scale,
      "quadrature",
      `${what}, Gauss–Legendre 300 (vs 200) on [0, 1]`,
    );
  };
  const m0 = maximize1D((r) => Math.abs(phi(r)), 0, 1);
  const m1 = maximize1D((r) => Math.abs(dphi(r)), 0, 1);
  return {
    L2: q(phi, lambda ** -1.5, "λ^{−3/2}‖φ‖"),
    gradL2: q(dphi, lambda ** -0.5, "λ^{−1/2}‖φ'‖"),
    Linf: estimate(
      m0.value,
      1e-14 * m0.value,
      "sampled-sup",
      "max|φ| on a 4001-point grid + golden section",
      { lowerBound: true },
    ),
    gradLinf: estimate(
      lambda * m1.value,
      1e-14 * lambda * m1.value,
      "sampled-sup",
      "λ max|φ'| on a 4001-point grid + golden section",
      { lowerBound: true },
    ),
  };
}

/** max of a smooth function of one variable on [a, b]: grid of 4001 points, then golden section. */
export function maximize1D(
  f: (r: number) => number,
  a: number,
  b: number,
): { value: number; at: number } {
  const n = 4000;
  let best = Number.NEGATIVE_INFINITY;
  let at = a;
  for (let i = 0; i <= n; i++) {
    const r = a + ((b - a) * i) / n;
    const y = f(r);
    if (y > best) {
      best = y;
      at = r;
    }
  }
  let lo = Math.max(a, at - (b - a) / n);
  let hi = Math.min(b, at + (b - a) / n);
  const g = 0.5 * (Math.sqrt(5) - 1);
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < 80; it++) {
    if (f1 >= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  const c = 0.5 * (lo + hi);
  const fc = f(c);
  return fc > best ? { value: fc, at: c } : { value: best, at };
}

/** Gauss–Legendre orders of the velocity quadratures, by refinement level. */
const V_ORDERS = [16, 24, 32, 48, 64, 96, 128, 192];

function refinePair(
  run: (n: number) => [number, number],
  tol: number,
  label: string,
): VelocityNorms {
  let prev = run(V_ORDERS[0]);
  for (let level = 1; level < V_ORDERS.length; level++) {
    const cur = run(V_ORDERS[level]);
    const d1 = Math.abs(cur[0] - prev[0]);
    const d2 = Math.abs(cur[1] - prev[1]);
    const ok = d1 <= tol * Math.abs(cur[0]) && d2 <= tol * Math.abs(cur[1]);
    if (ok || level === V_ORDERS.length - 1) {
      const how = `${label}, Gauss–Legendre ${V_ORDERS[level]} (vs ${V_ORDERS[level - 1]})${ok ? "" : ", tolerance not met"}`;
      const extra = ok ? {} : { unconverged: true };
      return {
        L1: estimate(cur[0], d1, "quadrature", `‖⟨v⟩wF‖₁: ${how}`, extra),
        L2: estimate(
          Math.sqrt(cur[1]),
          d2 / (2 * Math.sqrt(Math.max(cur[1], 1e-300))),
          "quadrature",
          `‖⟨v⟩wF‖₂: ${how}`,
          extra,
        ),
      };
    }
    prev = cur;
  }
  throw new Error("unreachable");
}

/**
 * ‖⟨v⟩wF‖_{L¹}, ‖⟨v⟩wF‖_{L²} for F radial about 0 and supported in |v| ≤ R:
 * 4π∫_0^R r²⟨r⟩w(r)F(r)^{(p)} dr, Gauss–Legendre refined until relative tolerance `tol`.
 * `breaks` (optional, in (0, R)) split the interval where F is not smooth.
 */
export function radialVelocityNorms(
  F: (r: number) => number,
  R: number,
  weight: ZWeight,
  opts: { tol?: number; breaks?: readonly number[] } = {},
): VelocityNorms {
  if (!(R > 0) || !Number.isFinite(R))
    throw new RuleError("a velocity profile needs a support radius R > 0", `got ${R}`);
  const pts = [0, ...(opts.breaks ?? []).filter((b) => b > 0 && b < R), R].sort((a, b) => a - b);
  return refinePair(
    (n) => {
      const { nodes, weights } = gaussLegendre(n);
      let s1 = 0;
      let s2 = 0;
      for (let p = 0; p + 1 < pts.length; p++) {
        const h = 0.5 * (pts[p + 1] - pts[p]);
        const c = 0.5 * (pts[p + 1] + pts[p]);
        for (let i = 0; i < n; i++) {
          const r = c + h * nodes[i];
          const Fr = F(r);
          if (Fr === 0) continue;
          const g = normWeightAt(weight, r * r) * Fr;
          const dw = h * weights[i] * 4 * Math.PI * r * r;
          s1 += dw * Math.abs(g);
          s2 += dw * g * g;
        }
      }
      return [s1, s2];
    },
    opts.tol ?? 1e-9,
    "radial 4π∫r²(·)dr",
  );
}

/**
 * The same for F radial about a centre c (F(v) = h(|v − c|), h supported in [0, R]): the integrand
 * depends on ρ = |v − c| and μ = cos∠(v − c, c) only, so the integral is 2-D:
 * 2π∫_0^R ρ² dρ ∫_{−1}^{1} dμ (·), |v|² = |c|² + ρ² + 2ρ|c|μ.
 */
export function ballVelocityNorms(
  h: (rho: number) => number,
  center: ArrayLike<number>,
  R: number,
  weight: ZWeight,
  opts: { tol?: number } = {},
): VelocityNorms {
  if (!(R > 0) || !Number.isFinite(R))
    throw new RuleError("a velocity profile needs a support radius R > 0", `got ${R}`);
  const c = Math.hypot(center[0], center[1], center[2]);
  return refinePair(
    (n) => {
      const { nodes, weights } = gaussLegendre(n);
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const rho = 0.5 * R * (1 + nodes[i]);
        const hr = h(rho);
        if (hr === 0) continue;
        const wr = 0.5 * R * weights[i] * 2 * Math.PI * rho * rho;
        for (let j = 0; j < n; j++) {
          const mu = nodes[j];
          const v2 = c * c + rho * rho + 2 * rho * c * mu;
          const g = normWeightAt(weight, Math.max(0, v2)) * hr;
          s1 += wr * weights[j] * Math.abs(g);
          s2 += wr * weights[j] * g * g;
        }
      }
      return [s1, s2];
    },
    opts.tol ?? 1e-8,
    "2-D (ρ, μ) about the centre",
  );
}

/** Visit a product rule over a velocity region: node (vx, vy, vz) and weight. */
function visitRegion(
  region: VelocityRegion,
  n: number,
  visit: (vx: number, vy: number, vz: number, w: number) => void,
): void {
  const { nodes, weights } = gaussLegendre(n);
  const nPsi = 2 * n;
  if (region.kind === "ball") {
    const R = region.radius;
    const c = region.center;
    for (let i = 0; i < n; i++) {
      const r = 0.5 * R * (1 + nodes[i]);
      const wr = 0.5 * R * weights[i] * r * r;
      for (let j = 0; j < n; j++) {
        const mu = nodes[j];
        const sn = Math.sqrt(Math.max(0, 1 - mu * mu));
        for (let k = 0; k < nPsi; k++) {
          const psi = (2 * Math.PI * (k + 0.5)) / nPsi;
          visit(
            c[0] + r * sn * Math.cos(psi),
            c[1] + r * sn * Math.sin(psi),
            c[2] + r * mu,
            (wr * weights[j] * 2 * Math.PI) / nPsi,
          );
        }
      }
    }
    return;
  }
  const e = region.axis;
  orthonormalFrame(fr1, fr2, e);
  const h = 0.5 * (region.a1 - region.a0);
  const m = 0.5 * (region.a1 + region.a0);
  const R = region.radius;
  for (let i = 0; i < n; i++) {
    const a = m + h * nodes[i];
    for (let j = 0; j < n; j++) {
      const r = 0.5 * R * (1 + nodes[j]);
      const w = (h * weights[i] * 0.5 * R * weights[j] * r * 2 * Math.PI) / nPsi;
      for (let k = 0; k < nPsi; k++) {
        const psi = (2 * Math.PI * (k + 0.5)) / nPsi;
        const cx = r * Math.cos(psi);
        const sy = r * Math.sin(psi);
        visit(
          region.center[0] + a * e[0] + cx * fr1[0] + sy * fr2[0],
          region.center[1] + a * e[1] + cx * fr1[1] + sy * fr2[1],
          region.center[2] + a * e[2] + cx * fr1[2] + sy * fr2[2],
          w,
        );
      }
    }
  }
}
const fr1 = new Float64Array(3);
const fr2 = new Float64Array(3);

/**
 * ‖⟨v⟩wF‖_{L¹}, ‖⟨v⟩wF‖_{L²} for a general F(v) supported in pairwise disjoint regions (balls in
 * spherical coordinates, cylinders in their own frame; Gauss–Legendre × trapezoid, refined).
 */
export function regionVelocityNorms(
  F: (v: ArrayLike<number>) => number,
  regions: readonly VelocityRegion[],
  weight: ZWeight,
  opts: { tol?: number } = {},
): VelocityNorms {
  const vv = new Float64Array(3);
  return refinePair(
    (n) => {
      const m = Math.max(6, n >> 1);
      let s1 = 0;
      let s2 = 0;
      for (const reg of regions) {
        visitRegion(reg, m, (x, y, z, w) => {
          vv[0] = x;
          vv[1] = y;
          vv[2] = z;
          const Fv = F(vv);
          if (Fv === 0) return;
          const g = normWeightAt(weight, x * x + y * y + z * z) * Fv;
          s1 += w * Math.abs(g);
          s2 += w * g * g;
        });
      }
      return [s1, s2];
    },
    opts.tol ?? 1e-7,
    `3-D product rule over ${regions.length} region(s)`,
  );
}

/** A ball in x that contains supp f(t, ·, v) for every v. */
export interface XSupport {
  readonly center: ArrayLike<number>;
  readonly radius: number;
}

/** Options of {@link generalZNorm}: the x-gradient, the tolerance and refinement of the L² parts. */
export interface GeneralZOptions {
  /** ∇_x f(t, x, v) written into out; default: Richardson-extrapolated central differences. */
  readonly gradX?: (out: Float64Array, x: ArrayLike<number>, v: ArrayLike<number>) => void;
  /** Relative tolerance of the L² parts (default 1e-4). */
  readonly tol?: number;
  /** Highest refinement level (orders 6, 8, 12, 16, 24; default 3 → 16 nodes per dimension). */
  readonly maxLevel?: number;
  /** Extra starting points for the sup_x search at velocity v (e.g. where f(·, v) peaks). */
  readonly hints?: (v: ArrayLike<number>) => readonly ArrayLike<number>[];
}

const G_ORDERS = [6, 8, 12, 16, 24];

/**
 * (b) The Z-norm of w·f(t, ·, ·) for f given pointwise, supported in the x-ball `xs` and in the
 * velocity regions of `f.velocitySupportAllX(t)` (which must be pairwise disjoint; f itself is
 * integrated over each).
 * - L² parts: product Gauss rule over (x-ball) × (velocity regions), orders 6, 8, 12, 16, 24 per
 *   dimension, until two successive levels agree to `tol` (error = last difference).
 * - L^∞_x parts: at every velocity node, sup_x |f| and sup_x |∇x f| by a steered search: the level-0
 *   x-rule nodes, the ball centre and the hints are evaluated, the best four are refined by compass
 *   search (step halved from radius/8 to radius·1e-7). The sup found is a lower bound, so these parts
 *   are `sampled-sup` with `lowerBound: true`; their error is the difference of the velocity
 *   integrals at the last two velocity orders.
 */
export function generalZNorm(
  f: PhaseSpaceFunction,
  t: number,
  xs: XSupport,
  weight: ZWeight,
  M: number,
  s0: number,
  opts: GeneralZOptions = {},
): ZNorm {
  if (!(xs.radius > 0) || !Number.isFinite(xs.radius))
    throw new RuleError("the x-support needs a radius > 0", `got ${xs.radius}`);
  const all = f.velocitySupportAllX;
  if (!all)
    throw new RuleError(
      "generalZNorm needs velocitySupportAllX (a velocity support valid for every x)",
      `"${f.name}" has none`,
    );
  const regions = all.call(f, t).map((p) => p.region);
  const tol = opts.tol ?? 1e-4;
  const maxLevel = Math.min(opts.maxLevel ?? 3, G_ORDERS.length - 1);
  const grad = opts.gradX ?? finiteDifferenceGradient(f, t, xs.radius);
  const xv = new Float64Array(3);
  const g3 = new Float64Array(3);
  const xNodes = (n: number) => {
    const pts: number[] = [];
    const ws: number[] = [];
    visitRegion({ kind: "ball", center: xs.center, radius: xs.radius }, n, (a, b, c, w) => {
      pts.push(a, b, c);
      ws.push(w);
    });
    return { pts: Float64Array.from(pts), ws: Float64Array.from(ws) };
  };
  const vNodes = (n: number) => {
    const pts: number[] = [];
    const ws: number[] = [];
    for (const reg of regions) {
      visitRegion(reg, n, (a, b, c, w) => {
        pts.push(a, b, c);
        ws.push(w);
      });
    }
    return { pts: Float64Array.from(pts), ws: Float64Array.from(ws) };
  };
  // L² parts
  const l2At = (n: number): [number, number] => {
    const X = xNodes(n);
    const V = vNodes(n);
    let s0v = 0;
    let s1v = 0;
    const vv = new Float64Array(3);
    for (let a = 0; a < V.ws.length; a++) {
      vv[0] = V.pts[3 * a];
      vv[1] = V.pts[3 * a + 1];
      vv[2] = V.pts[3 * a + 2];
      const wv = normWeightAt(weight, vv[0] * vv[0] + vv[1] * vv[1] + vv[2] * vv[2]);
      let i0 = 0;
      let i1 = 0;
      for (let b = 0; b < X.ws.length; b++) {
        xv[0] = X.pts[3 * b];
        xv[1] = X.pts[3 * b + 1];
        xv[2] = X.pts[3 * b + 2];
        const val = f.value(t, xv, vv);
        i0 += X.ws[b] * val * val;
        grad(g3, xv, vv);
        i1 += X.ws[b] * (g3[0] * g3[0] + g3[1] * g3[1] + g3[2] * g3[2]);
      }
      s0v += V.ws[a] * wv * wv * i0;
      s1v += V.ws[a] * wv * wv * i1;
    }
    return [s0v, s1v];
  };
  let prev = l2At(G_ORDERS[0]);
  let cur = prev;
  let level = 1;
  let ok = false;
  for (; level <= maxLevel; level++) {
    cur = l2At(G_ORDERS[level]);
    ok = Math.abs(cur[0] - prev[0]) <= tol * cur[0] && Math.abs(cur[1] - prev[1]) <= tol * cur[1];
    if (ok) break;
    if (level < maxLevel) prev = cur;
  }
  const used = G_ORDERS[Math.min(level, maxLevel)];
  const l2Method = `product Gauss rule (x-ball × velocity regions), ${used} nodes per dimension (vs ${G_ORDERS[Math.min(level, maxLevel) - 1]})${ok ? "" : ", tolerance not met"}`;
  const sq = (a: number, b: number, what: string) =>
    estimate(
      Math.sqrt(b),
      Math.abs(b - a) / (2 * Math.sqrt(Math.max(b, 1e-300))),
      "quadrature",
      `${what}: ${l2Method}`,
      ok ? {} : { unconverged: true },
    );
  const L2 = sq(prev[0], cur[0], "‖⟨v⟩wf‖_{L²L²}");
  const gradL2 = sq(prev[1], cur[1], "‖⟨v⟩w∇f‖_{L²L²}");
  // L^∞_x parts: steered search at the velocity nodes of two orders
  const starts = xNodes(G_ORDERS[0]).pts;
  const supAt = (n: number): [number, number] => {
    const V = vNodes(n);
    let s0v = 0;
    let s1v = 0;
    const vv = new Float64Array(3);
    for (let a = 0; a < V.ws.length; a++) {
      vv[0] = V.pts[3 * a];
      vv[1] = V.pts[3 * a + 1];
      vv[2] = V.pts[3 * a + 2];
      const wv = normWeightAt(weight, vv[0] * vv[0] + vv[1] * vv[1] + vv[2] * vv[2]);
      const hints = opts.hints?.(vv) ?? [];
      const m0 = steeredSup((x) => Math.abs(f.value(t, x, vv)), xs, starts, hints);
      const m1 = steeredSup(
        (x) => {
          grad(g3, x, vv);
          return Math.hypot(g3[0], g3[1], g3[2]);
        },
        xs,
        starts,
        hints,
      );
      s0v += V.ws[a] * wv * m0;
      s1v += V.ws[a] * wv * m1;
    }
    return [s0v, s1v];
  };
  const nv1 = G_ORDERS[Math.max(1, Math.min(level, maxLevel)) - 1];
  const nv2 = G_ORDERS[Math.max(1, Math.min(level, maxLevel))];
  const a1 = supAt(nv1);
  const a2 = supAt(nv2);
  const supMethod = `velocity Gauss rule ${nv2} (vs ${nv1}) of sup_x found by search (level-0 x nodes + centre + hints, compass refinement of the best 4): a lower bound`;
  const Linf = estimate(
    a2[0],
    Math.abs(a2[0] - a1[0]),
    "sampled-sup",
    `‖⟨v⟩w sup_x|f|‖₁: ${supMethod}`,
    { lowerBound: true },
  );
  const gradLinf = estimate(
    a2[1],
    Math.abs(a2[1] - a1[1]),
    "sampled-sup",
    `‖⟨v⟩w sup_x|∇f|‖₁: ${supMethod}`,
    { lowerBound: true },
  );
  return assembleZNorm({ L2, gradL2, Linf, gradLinf }, M, s0);
}

/** Richardson-extrapolated central differences for ∇x f (step radius·1e-3, then half of it). */
function finiteDifferenceGradient(f: PhaseSpaceFunction, t: number, radius: number) {
  const h = radius * 1e-3;
  const y = new Float64Array(3);
  return (out: Float64Array, x: ArrayLike<number>, v: ArrayLike<number>) => {
    for (let d = 0; d < 3; d++) {
      const c = (hh: number) => {
        y[0] = x[0];
        y[1] = x[1];
        y[2] = x[2];
        y[d] = x[d] + hh;
        const p = f.value(t, y, v);
        y[d] = x[d] - hh;
        const q = f.value(t, y, v);
        return (p - q) / (2 * hh);
      };
      out[d] = (4 * c(h / 2) - c(h)) / 3;
    }
  };
}

const STEPS: readonly number[] = [1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1];
const sx = new Float64Array(3);
const sy = new Float64Array(3);

/**
 * sup over the ball `xs` of h ≥ 0, by evaluation at `starts` (flat xyz), the centre and `hints`,
 * then compass search from the best four (step radius/8 halved to radius·1e-7). A lower bound.
 */
export function steeredSup(
  h: (x: Float64Array) => number,
  xs: XSupport,
  starts: Float64Array,
  hints: readonly ArrayLike<number>[] = [],
): number {
  const cand: { x: number[]; y: number }[] = [];
  const consider = (a: number, b: number, c: number) => {
    sx[0] = a;
    sx[1] = b;
    sx[2] = c;
    const y = h(sx);
    if (cand.length < 4 || y > cand[cand.length - 1].y) {
      cand.push({ x: [a, b, c], y });
      cand.sort((p, q) => q.y - p.y);
      if (cand.length > 4) cand.pop();
    }
  };
  consider(xs.center[0], xs.center[1], xs.center[2]);
  for (const p of hints) consider(p[0], p[1], p[2]);
  for (let i = 0; i < starts.length; i += 3) consider(starts[i], starts[i + 1], starts[i + 2]);
  let best = cand.length ? cand[0].y : 0;
  for (const c of cand) {
    sy[0] = c.x[0];
    sy[1] = c.x[1];
    sy[2] = c.x[2];
    let y0 = c.y;
    for (let step = xs.radius / 8; step > xs.radius * 1e-7; ) {
      let moved = false;
      for (let d = 0; d < 6; d++) {
        sx[0] = sy[0] + step * STEPS[3 * d];
        sx[1] = sy[1] + step * STEPS[3 * d + 1];
        sx[2] = sy[2] + step * STEPS[3 * d + 2];
        const y = h(sx);
        if (y > y0) {
          y0 = y;
          sy[0] = sx[0];
          sy[1] = sx[1];
          sy[2] = sx[2];
          moved = true;
          break;
        }
      }
      if (!moved) step *= 0.5;
    }
    best = Math.max(best, y0);
  }
  return best;
}

/**
 * The Z-norm of f + g when f and g have disjoint velocity supports (f_a = f_b + f_r, (2.5)–(2.4)):
 * at each v only one of them is non-zero, so the L²_v parts add in quadrature and the L¹_v parts
 * add, exactly. Parts are combined after their prefactors (the same for both).
 */
export function disjointSumZNorm(a: ZNorm, b: ZNorm): ZNorm {
  const parts = {} as Record<ZPart, Estimate>;
  let v = 0;
  let e = 0;
  let dominant: ZPart = "L2";
  for (const p of Z_PARTS) {
    const x = a.parts[p];
    const y = b.parts[p];
    const extra = {
      unconverged: x.unconverged || y.unconverged,
      lowerBound: x.lowerBound || y.lowerBound,
    };
    if (p === "L2" || p === "gradL2") {
      const h = Math.hypot(x.value, y.value);
      parts[p] = estimate(
        h,
        h > 0 ? (x.value * x.error + y.value * y.error) / h : x.error + y.error,
        "derived",
        `(a² + b²)^{1/2}, disjoint velocity supports`,
        extra,
      );
    } else {
      parts[p] = estimate(
        x.value + y.value,
        x.error + y.error,
        "derived",
        "a + b, disjoint velocity supports",
        extra,
      );
    }
    v += parts[p].value;
    e += parts[p].error;
    if (parts[p].value > parts[dominant].value) dominant = p;
  }
  const lb = Z_PARTS.some((p) => parts[p].lowerBound);
  const un = Z_PARTS.some((p) => parts[p].unconverged);
  return {
    parts,
    total: estimate(
      v,
      e,
      "derived",
      "sum of the four Z-norm parts (3.3) of a sum with disjoint velocity supports",
      { lowerBound: lb, unconverged: un },
    ),
    dominant,
  };
}
