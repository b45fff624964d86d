import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import type { PhaseSpaceFunction } from "./phase-space.ts";
import { steeredSup, type XSupport } from "./sup-search.ts";
import type { VelocityNorms } from "./velocity-norms.ts";
import { visitRegion } from "./velocity-norms.ts";
import type { XNorms } from "./x-norms.ts";
import { Z_PARTS, type ZPart, zPartPrefactor } from "./z-parts.ts";
import { normWeightAt, type ZWeight } from "./z-weight.ts";

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
