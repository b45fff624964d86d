import erf from "@stdlib/math-base-special-erf";
import { gaussLegendre } from "../math/quadrature/gauss-legendre.ts";

// Closed-form x-norms of a Gaussian carried by free transport, h_v(x) = ∫_0^S c(x − s v) ds (used by
// the (3.4) check of Proposition 3.1, claims/proposition-3-1-ratios.ts).

/** x-norms of h_v(x) = ∫_0^S c(x − s v) ds for c = C e^{−|x|²/2σ²}, at speed r = |v|. */
export function transportedGaussianNorms(
  C: number,
  sigma: number,
  S: number,
  r: number,
): { L2: number; gradL2: number; Linf: number; gradLinf: number } {
  const s2 = sigma * sigma;
  const K = C * C * (Math.PI * s2) ** 1.5;
  const uMax = r > 0 ? Math.min(S, (14 * sigma) / r) : S;
  const { nodes, weights } = gaussLegendre(64);
  let i0 = 0;
  let i1 = 0;
  for (let i = 0; i < 64; i++) {
    const u = 0.5 * uMax * (1 + nodes[i]);
    const y2 = u * u * r * r;
    const g = Math.exp(-y2 / (4 * s2));
    const w = 0.5 * uMax * weights[i] * 2 * (S - u);
    i0 += w * K * g;
    i1 += w * K * g * (1.5 / s2 - y2 / (4 * s2 * s2));
  }
  const L = S * r;
  const Lam = L / sigma;
  const Linf =
    Lam < 1e-6 ? C * S : ((C * sigma * Math.sqrt(2 * Math.PI)) / r) * erf(Lam / (2 * Math.SQRT2));
  return {
    L2: Math.sqrt(Math.max(0, i0)),
    gradL2: Math.sqrt(Math.max(0, i1)),
    Linf,
    gradLinf: Lam < 1e-6 ? (C * S * Math.exp(-0.5)) / sigma : (C / r) * scaledGradSup(Lam),
  };
}

/**
 * G∞(Λ) = sup_ξ |∇H(ξ)|, H(ξ) = ∫_0^Λ e^{−|ξ − λê|²/2} dλ (so ‖∇h_v‖_∞ = (C/|v|) G∞(S|v|/σ)). With
 * y = ξ·ê, ρ = |ξ⊥|: |∇H|² = e^{−ρ²}(P² + ρ²K²), P = e^{−y²/2} − e^{−(y−Λ)²/2},
 * K = (π/2)^{1/2}(erf(y/√2) − erf((y−Λ)/√2)); the max over ρ is closed (ρ² = 1 − P²/K² when K² > P²),
 * the max over y is searched (grid of 61 points on [−3, Λ + 3] + golden section): a lower bound.
 */
export function scaledGradSup(Lam: number): number {
  const c = Math.sqrt(Math.PI / 2);
  const f = (y: number) => {
    const P = Math.exp((-y * y) / 2) - Math.exp((-(y - Lam) * (y - Lam)) / 2);
    const K = c * (erf(y / Math.SQRT2) - erf((y - Lam) / Math.SQRT2));
    const P2 = P * P;
    const K2 = K * K;
    return Math.sqrt(K2 > P2 ? Math.exp(-1 + P2 / K2) * K2 : P2);
  };
  let best = 0;
  let at = 0;
  const lo = -3;
  const hi = Lam + 3;
  for (let i = 0; i <= 60; i++) {
    const y = lo + ((hi - lo) * i) / 60;
    const v = f(y);
    if (v > best) {
      best = v;
      at = y;
    }
  }
  let a = at - (hi - lo) / 60;
  let b = at + (hi - lo) / 60;
  const g = 0.5 * (Math.sqrt(5) - 1);
  for (let it = 0; it < 60; it++) {
    const x1 = b - g * (b - a);
    const x2 = a + g * (b - a);
    if (f(x1) >= f(x2)) b = x2;
    else a = x1;
  }
  return Math.max(best, f(0.5 * (a + b)));
}
