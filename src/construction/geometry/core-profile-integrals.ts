import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Cutoff } from "./cutoff.ts";

/**
 * Integrals and bounds of the radial cutoff profile φ (χ = φ(|·|), the core's shape in (2.5)) used by
 * the core–beam and core–core terms of Lemma 4.4: the plane integral P(d), the half x-ray ∫_0^z φ,
 * and a rigorous sup of |φ'| on an interval (the constants c₁ = ∫χ, m₄ = ∫χ|X|², ‖φ'‖∞, sup|φ''|
 * are in cutoff-constants.ts, the home of every per-cutoff constant).
 */

const planeX = new Float64Array(128);
const planeW = new Float64Array(128);
const xrayX = new Float64Array(64);
const xrayW = new Float64Array(64);

/** P(d) = ∫ over the plane at distance d from 0 of φ(|·|) = 2π ∫_d^1 φ(ρ) ρ dρ. */
export function planeIntegral(phi: (r: number) => number, d: number, n: number): number {
  if (d >= 1) return 0;
  if (n > planeX.length) throw new RangeError(`planeIntegral: order at most ${planeX.length}`);
  leftAnchoredRule(n, d, 0.5 * (1 - d), planeX, planeW);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const rho = planeX[i];
    s += planeW[i] * phi(rho) * rho;
  }
  return 2 * Math.PI * s;
}

/** ∫_0^z φ(s) ds (z ≤ 1), Gauss–Legendre 64. */
export function halfXray(phi: (r: number) => number, z: number): number {
  const zz = Math.min(1, Math.max(0, z));
  leftAnchoredRule(64, 0, 0.5 * zz, xrayX, xrayW);
  let s = 0;
  for (let i = 0; i < 64; i++) s += xrayW[i] * phi(xrayX[i]);
  return s;
}

/** sup_{r ∈ [lo, hi]} |φ'(r)| ≤ |φ'(mid)| + H·(hi − lo)/2 (rigorous, H ≥ sup|φ''|). */
export function dphiSupOn(cutoff: Cutoff, H: number, lo: number, hi: number): number {
  const a = Math.max(0, lo);
  const b = Math.max(a, hi);
  return Math.abs(cutoff.dphi(0.5 * (a + b))) + 0.5 * H * (b - a);
}
