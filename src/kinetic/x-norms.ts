import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate, exact } from "../math/estimate.ts";
import { gaussLegendre } from "../math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../math/quadrature/maximize.ts";
import type { ZPart } from "./z-parts.ts";

// The four x-norms of an x-profile a(x), the x-factor of a separable f = a(x) F(v) in the Z-norm
// (3.3) (znorm.ts, separableZNorm): Gaussians in closed form, radial profiles by quadrature.

/** Norms of an x-profile a(x): ‖a‖_{L²}, ‖∇a‖_{L²}, ‖a‖_{L^∞}, ‖∇a‖_{L^∞} (keyed like the Z parts). */
export type XNorms = Readonly<Record<ZPart, Estimate>>;

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
  const m0 = goldenSectionMax((r) => Math.abs(phi(r)), 0, 1);
  const m1 = goldenSectionMax((r) => Math.abs(dphi(r)), 0, 1);
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
