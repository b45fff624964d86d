import { gaussLegendre } from "./gauss-legendre.ts";

/**
 * 4π ∫_0^R f(r) r² dr — the integral over R³ of a radial function supported in the ball of radius
 * R — by the n-point Gauss–Legendre rule on [0, R] (default n = 200, R = 1): nodes
 * r = (R/2)(1 + xᵢ), the sum Σ (R/2)wᵢ f(r) r² then ×4π. One fixed order, no error estimate; see
 * {@link radialIntegralEstimate} for one.
 *
 * @example
 * ```ts
 * import { radialIntegral } from "boltzlab";
 * const volume = radialIntegral(() => 1); // the unit ball
 * if (!(Math.abs(volume - (4 * Math.PI) / 3) < 1e-13)) throw new Error("example check failed");
 * ```
 */
export function radialIntegral(f: (r: number) => number, n = 200, R = 1): number {
  const { nodes, weights } = gaussLegendre(n);
  const h = 0.5 * R;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = h * (1 + nodes[i]);
    s += h * weights[i] * f(r) * r * r;
  }
  return 4 * Math.PI * s;
}

/**
 * 4π ∫_0^1 f(r) r² dr with Gauss–Legendre 200 nodes, and as its error |GL200 − GL100| + 10⁻¹⁴|GL200|:
 * the difference of two fixed orders (a reliable bound only when f is smooth on [0, 1], where
 * GL100 has already converged to rounding), not a refinement to a tolerance.
 */
export function radialIntegralEstimate(f: (r: number) => number): { value: number; error: number } {
  const a = radialIntegral(f, 200);
  return { value: a, error: Math.abs(a - radialIntegral(f, 100)) + Math.abs(a) * 1e-14 };
}
