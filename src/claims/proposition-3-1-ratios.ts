import { tStar } from "../construction/parameters/parameters.ts";
import type { PairData, QLevel } from "../kinetic/radial-collision.ts";
import { transportedGaussianNorms } from "../kinetic/transported-gaussian-norms.ts";
import { ballVelocityNorms, type VelocityNorms } from "../kinetic/velocity-norms.ts";
import { gaussianXNorms, type XNorms } from "../kinetic/x-norms.ts";
import {
  GAUSSIAN_WEIGHT,
  kappaWeight,
  normWeightAt,
  V_GAUSSIAN_WEIGHT,
  type ZWeight,
} from "../kinetic/z-weight.ts";
import { separableZNorm } from "../kinetic/znorm.ts";
import { type Estimate, estimate } from "../math/estimate.ts";

// The ratios of Proposition 3.1, (3.5), (3.6) and (3.4), for one velocity pair at one M, maximized
// over the x-combinations (the method is described in proposition-3-1.ts).

/**
 * Velocity norms of Q on its nodes with weight W and an x-factor per |v| (1 for (3.5)–(3.6)):
 * L1 = Σ w ⟨v⟩W |Q| X₁(|v|), L2 = (Σ w ⟨v⟩²W² Q² X₂(|v|)²)^{1/2}; error = level difference + pointwise errors.
 */
function qNorms(
  levels: readonly [QLevel, QLevel],
  W: ZWeight,
  x1: (r: number) => number = () => 1,
  x2: (r: number) => number = () => 1,
): VelocityNorms {
  const one = (L: QLevel): [number, number, number, number] => {
    let s1 = 0;
    let s2 = 0;
    let e1 = 0;
    let e2 = 0;
    const { r, w } = L.nodes;
    for (let i = 0; i < w.length; i++) {
      if (L.q[i] === 0 && L.err[i] === 0) continue;
      const nw = normWeightAt(W, r[i] * r[i]);
      const a = x1(r[i]);
      const b = x2(r[i]);
      s1 += w[i] * nw * Math.abs(L.q[i]) * a;
      e1 += w[i] * nw * L.err[i] * a;
      s2 += w[i] * (nw * L.q[i] * b) ** 2;
      e2 += w[i] * 2 * nw * nw * Math.abs(L.q[i]) * L.err[i] * b * b;
    }
    return [s1, s2, e1, e2];
  };
  const a = one(levels[0]);
  const b = one(levels[1]);
  const l2 = Math.sqrt(b[1]);
  return {
    L1: estimate(
      b[0],
      Math.abs(b[0] - a[0]) + b[2],
      "quadrature",
      "Q on two node sets (difference) + pointwise errors",
    ),
    L2: estimate(
      l2,
      (Math.abs(b[1] - a[1]) + b[3]) / (2 * Math.max(l2, 1e-300)),
      "quadrature",
      "Q on two node sets (difference) + pointwise errors",
    ),
  };
}

/** Norms of the Gaussian product ab (closed form). */
function productX(sa: number, sb: number, d: number): { x: XNorms; sigma: number; C: number } {
  const sigma = Math.sqrt((sa * sa * sb * sb) / (sa * sa + sb * sb));
  const C = Math.exp((-d * d) / (2 * (sa * sa + sb * sb)));
  return { x: gaussianXNorms(C, sigma), sigma, C };
}

function ratioEstimate(lhs: Estimate, rhs: Estimate, method: string): Estimate {
  const v = lhs.value / rhs.value;
  return estimate(v, lhs.error / rhs.value + (v * rhs.error) / rhs.value, "sampled-sup", method, {
    lowerBound: true,
  });
}

export interface Ratio {
  readonly value: Estimate;
  readonly where: Record<string, unknown>;
}

const XS = [0.01, 0.1, 1, 10];

/** max over x-combinations of the (3.5) (sign ±) or (3.6) ratio for one pair at one M. */
export function ratio35or36(
  pair: PairData,
  which: "3.5+" | "3.5-" | "3.6",
  M: number,
  s0: number,
): Ratio {
  const vF = ballVelocityNorms(pair.F.h, [0, 0, pair.F.p.c], pair.F.R, V_GAUSSIAN_WEIGHT);
  const vG = ballVelocityNorms(pair.G.h, [0, 0, 0], pair.G.R, V_GAUSSIAN_WEIGHT);
  const q = qNorms(which === "3.5-" ? pair.minus : pair.plus, GAUSSIAN_WEIGHT);
  let best: Ratio | null = null;
  for (const xa of XS) {
    for (const xb of XS) {
      const sa = xa / M;
      const sb = xb / M;
      for (const d of [0, 2 * Math.max(sa, sb)]) {
        const ab = productX(sa, sb, d);
        const lhs = separableZNorm(ab.x, q, M, s0).total;
        const zf = separableZNorm(gaussianXNorms(1, sa), vF, M, s0);
        const zg = separableZNorm(gaussianXNorms(1, sb), vG, M, s0);
        const linf = (z: typeof zf) =>
          estimate(
            z.parts.Linf.value + z.parts.gradLinf.value,
            z.parts.Linf.error + z.parts.gradLinf.error,
            "derived",
            "L^{1,1}L^∞ + M⁻¹∇ parts",
          );
        const [A, B] = which === "3.6" ? [linf(zf), zg.total] : [zf.total, linf(zg)];
        const rhs = estimate(
          A.value * B.value,
          A.value * B.error + B.value * A.error,
          "derived",
          "right side",
        );
        const r = ratioEstimate(lhs, rhs, `(${which}) left/right`);
        if (!best || r.value > best.value.value)
          best = {
            value: r,
            where: { sigmaA: sa, sigmaB: sb, d, F: pair.F.label, G: pair.G.label, M },
          };
      }
    }
  }
  return best as Ratio;
}

/** max over x-combinations and windows of the (3.4) ratio for one pair, sign ±, at one M. */
export function ratio34(pair: PairData, sign: "+" | "-", M: number, s: number, s0: number): Ratio {
  const T = tStar(M, s);
  const kappa = 1 / T;
  const levels = sign === "+" ? pair.plus : pair.minus;
  let best: Ratio | null = null;
  const rhsCache = new Map<number, [VelocityNorms, VelocityNorms]>();
  for (const t of [T / 8, T / 2, T]) {
    for (const t0 of [0, t / 2]) {
      const S = t - t0;
      const wL = kappaWeight(kappa, t);
      const wR = kappaWeight(kappa, t0);
      let rhs = rhsCache.get(t0);
      if (!rhs) {
        rhs = [
          ballVelocityNorms(pair.F.h, [0, 0, pair.F.p.c], pair.F.R, wR),
          ballVelocityNorms(pair.G.h, [0, 0, 0], pair.G.R, wR),
        ];
        rhsCache.set(t0, rhs);
      }
      const [vF, vG] = rhs;
      for (const xa of [0.1, 1]) {
        for (const xb of [0.1, 1]) {
          const sa = xa / M;
          const sb = xb / M;
          const ab = productX(sa, sb, 0);
          const cache = new Map<number, ReturnType<typeof transportedGaussianNorms>>();
          const hn = (r: number) => {
            let h = cache.get(r);
            if (!h) {
              h = transportedGaussianNorms(ab.C, ab.sigma, S, r);
              cache.set(r, h);
            }
            return h;
          };
          const parts = {
            L2: qNorms(levels, wL, undefined, (r) => hn(r).L2).L2,
            gradL2: qNorms(levels, wL, undefined, (r) => hn(r).gradL2).L2,
            Linf: qNorms(levels, wL, (r) => hn(r).Linf).L1,
            gradLinf: qNorms(levels, wL, (r) => hn(r).gradLinf).L1,
          };
          const pre = { L2: M ** s0, gradL2: M ** (s0 - 1), Linf: 1, gradLinf: 1 / M };
          let lv = 0;
          let le = 0;
          for (const k of ["L2", "gradL2", "Linf", "gradLinf"] as const) {
            lv += pre[k] * parts[k].value;
            le += pre[k] * parts[k].error;
          }
          const zf = separableZNorm(gaussianXNorms(1, sa), vF, M, s0).total;
          const zg = separableZNorm(gaussianXNorms(1, sb), vG, M, s0).total;
          const rv = Math.sqrt(S / kappa) * zf.value * zg.value;
          const re = Math.sqrt(S / kappa) * (zf.value * zg.error + zg.value * zf.error);
          const r = ratioEstimate(
            estimate(lv, le, "derived", "left side"),
            estimate(rv, re, "derived", "right side"),
            `(3.4${sign}) left/right`,
          );
          if (!best || r.value > best.value.value)
            best = {
              value: r,
              where: { t, t0, kappa, sigmaA: sa, sigmaB: sb, F: pair.F.label, G: pair.G.label, M },
            };
        }
      }
    }
  }
  return best as Ratio;
}
