import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { gaussLegendre } from "../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import type { VelocityRegion } from "./phase-space.ts";
import { normWeightAt, type ZWeight } from "./z-weight.ts";

// The velocity factor of a separable f = a(x) F(v) in the Z-norm (3.3) (znorm.ts, separableZNorm):
// ‖⟨v⟩ w F‖_{L¹_v}, ‖⟨v⟩ w F‖_{L²_v} by Gauss–Legendre quadrature over a ball, a radial profile or a
// velocity region, refined until two levels agree.

/** ‖⟨v⟩ w F‖_{L¹_v} and ‖⟨v⟩ w F‖_{L²_v}. */
export interface VelocityNorms {
  readonly L1: Estimate;
  readonly L2: Estimate;
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
export function visitRegion(
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
