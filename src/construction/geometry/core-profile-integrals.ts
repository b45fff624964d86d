import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import type { Cutoff } from "./cutoff.ts";

/**
 * Integrals and bounds of the radial cutoff profile φ (χ = φ(|·|), the core's shape in (2.5)) used by
 * the core–beam and core–core terms of Lemma 4.4: the plane integral P(d), the half x-ray ∫_0^z φ,
 * and a rigorous sup of |φ'| on an interval (the constants c₁ = ∫χ, m₄ = ∫χ|X|², ‖φ'‖∞, sup|φ''|
 * are in cutoff-constants.ts, the home of every per-cutoff constant).
 */

/** P(d) = ∫ over the plane at distance d from 0 of φ(|·|) = 2π ∫_d^1 φ(ρ) ρ dρ. */
export function planeIntegral(phi: (r: number) => number, d: number, n: number): number {
  if (d >= 1) return 0;
  const { nodes, weights } = gaussLegendre(n);
  const h = 0.5 * (1 - d);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const rho = d + h * (1 + nodes[i]);
    s += h * weights[i] * phi(rho) * rho;
  }
  return 2 * Math.PI * s;
}

/** ∫_0^z φ(s) ds (z ≤ 1), Gauss–Legendre 64. */
export function halfXray(phi: (r: number) => number, z: number): number {
  const zz = Math.min(1, Math.max(0, z));
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let i = 0; i < 64; i++) s += 0.5 * zz * weights[i] * phi(0.5 * zz * (1 + nodes[i]));
  return s;
}

/** sup_{r ∈ [lo, hi]} |φ'(r)| ≤ |φ'(mid)| + H·(hi − lo)/2 (rigorous, H ≥ sup|φ''|). */
export function dphiSupOn(cutoff: Cutoff, H: number, lo: number, hi: number): number {
  const a = Math.max(0, lo);
  const b = Math.max(a, hi);
  return Math.abs(cutoff.dphi(0.5 * (a + b))) + 0.5 * H * (b - a);
}
