import {
  gaussLegendre,
  leftAnchoredRule,
  mappedRule,
} from "../../math/quadrature/gauss-legendre.ts";
import type { Cutoff } from "../geometry/cutoff.ts";
import { perCutoff, transportConstants } from "../geometry/cutoff-constants.ts";

/**
 * Autocorrelations of the core profile along a line, used for the L²_x norms of Duhamel integrals
 * G(x, v) = ∫ h(τ) χ(100M(x − (t−τ)v)) dτ:
 *   ‖G(·,v)‖²_{L²_x} = ∫∫ h(τ) h(τ') k(τ − τ') dτ dτ',  k(Δ) = (100M)⁻³ ψ(100M|v||Δ|),
 *   ψ(D) = ∫ Φ(X) Φ(X − Dê) dX   (and ψ∇ = ∫ ∇Φ(X)·∇Φ(X − Dê), ψ|∇| = ∫ |∇Φ(X)||∇Φ(X − Dê)| for the
 * gradient parts, with (100M)^{2−3}). For h piecewise constant on cells of width w the double integral
 * is Σ_{c,c'} h_c h_{c'} λ⁻² [S(|1−d|u) − 2S(du) + S((d+1)u)], d = |c − c'|, u = λw, λ = 100M|v|,
 * S(z) = ∫_0^{|z|} (|z| − s) ψ(s) ds. ψ is computed in cylindrical coordinates (Gauss–Legendre 48²),
 * interpolated by Chebyshev series on [0, 2] (64 vs 32 points: the difference is the error) and
 * integrated twice term by term.
 */
export interface LineKernel {
  /** S(z) for z ≥ 0 (S(z) linear for z ≥ 2). */
  S(z: number): number;
  readonly relErr: number;
  /** ψ(0) and ψ''(0) (ψ even), for the small-cell expansion of {@link cellKernel}. */
  readonly psi0: number;
  readonly psi2: number;
}

function autocorrelationAt(
  cutoff: Cutoff,
  D: number,
  kind: "plain" | "grad" | "abs",
  n: number,
): number {
  const { phi, dphi } = cutoff;
  const { nodes, weights } = gaussLegendre(n);
  const gr = mappedRule(n, 0, 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const rho = gr.nodes[i];
    const wr = gr.weights[i] * rho;
    const zr = Math.sqrt(Math.max(0, 1 - rho * rho));
    const lo = Math.max(-zr, D - zr);
    const hi = Math.min(zr, D + zr);
    if (hi <= lo) continue;
    const hz = 0.5 * (hi - lo);
    for (let k = 0; k < n; k++) {
      const z = lo + hz * (1 + nodes[k]);
      const r1 = Math.sqrt(rho * rho + z * z);
      const r2 = Math.sqrt(rho * rho + (z - D) * (z - D));
      let f: number;
      if (kind === "plain") f = phi(r1) * phi(r2);
      else if (kind === "abs") f = Math.abs(dphi(r1) * dphi(r2));
      else f = r1 > 0 && r2 > 0 ? (dphi(r1) * dphi(r2) * (rho * rho + z * (z - D))) / (r1 * r2) : 0;
      total += wr * hz * weights[k] * f;
    }
  }
  return 2 * Math.PI * total;
}

export function lineKernel(cutoff: Cutoff, kind: "plain" | "grad" | "abs"): LineKernel {
  return perCutoff(cutoff, `line-kernel:${kind}`, () => {
    const psi = (D: number) => autocorrelationAt(cutoff, D, kind, 48);
    const build = (n: number) => {
      const S1 = chebAntiderivative(psi, n, 2);
      const S = chebAntiderivative(S1, n, 2);
      const s2 = S(2);
      const d2 = S1(2);
      return (z: number) => {
        const a = Math.abs(z);
        return a <= 2 ? S(a) : s2 + d2 * (a - 2);
      };
    };
    const fine = build(64);
    const coarse = build(32);
    let rel = 0;
    for (let i = 1; i <= 40; i++) {
      const z = (2.2 * i) / 40;
      rel = Math.max(rel, Math.abs(fine(z) - coarse(z)) / Math.max(Math.abs(fine(z)), 1e-300));
    }
    // the cylindrical quadrature itself: compare ψ at a few D with 96² nodes
    for (const D of [0, 0.7, 1.5]) {
      const a = psi(D);
      const b = autocorrelationAt(cutoff, D, kind, 96);
      rel = Math.max(rel, Math.abs(a - b) / Math.max(Math.abs(b), 1e-12 * Math.abs(psi(0))));
    }
    // ψ''(0) by Richardson-extrapolated second differences (ψ even)
    const p0 = psi(0);
    const dd = (h: number) => (2 * (psi(h) - p0)) / (h * h);
    const psi2 = (4 * dd(0.01) - dd(0.02)) / 3;
    const out: LineKernel = { S: fine, relErr: rel + 1e-12, psi0: p0, psi2 };
    return out;
  });
}

/** Chebyshev antiderivative τ ↦ ∫_0^τ f on [0, T] (same construction as for Λ₀). */
function chebAntiderivative(f: (x: number) => number, n: number, T: number): (x: number) => number {
  const vals = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) vals[j] = f(0.5 * T * (1 + Math.cos((Math.PI * j) / n)));
  const c = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let j = 0; j <= n; j++)
      sum += (j === 0 || j === n ? 0.5 : 1) * vals[j] * Math.cos((Math.PI * j * k) / n);
    c[k] = (2 / n) * sum;
  }
  c[0] *= 0.5;
  c[n] *= 0.5;
  const C = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++)
    C[k] = ((k === 1 ? 2 * c[0] : c[k - 1]) - (k + 1 <= n ? c[k + 1] : 0)) / (2 * k);
  let atMinus1 = 0;
  for (let k = 1; k <= n + 1; k++) atMinus1 += C[k] * (k % 2 === 0 ? 1 : -1);
  C[0] = -atMinus1;
  return (x: number) => {
    const y = (2 * x) / T - 1;
    let b1 = 0;
    let b2 = 0;
    for (let k = n + 1; k >= 1; k--) {
      const b0 = 2 * y * b1 - b2 + C[k];
      b2 = b1;
      b1 = b0;
    }
    return 0.5 * T * (y * b1 - b2 + C[0]);
  };
}

/**
 * Below this largest argument (d + 1)u the cell kernel uses the Taylor form (slow velocities: the
 * second difference of S would lose every digit to rounding, S(z) ≈ ψ(0)z²/2 ≪ S(2)).
 */
export const SMALL_CELL = 1e-3;

/**
 * Relative error allowed for {@link cellKernel} at small cells, to be added to `relErr` by callers
 * that reach u ≪ 1 (the plane terms of Q⁺(f_b,f_r) at |v| ≪ 1): above {@link SMALL_CELL} the
 * rounding of the second difference, ≤ 2⁻⁵² S(2)(d+1)²/(ψ(0)·10⁻⁶) ≲ 4·10⁻⁷ for d < 64; below it
 * the Taylor remainder O(((d+1)u)³) ≲ 10⁻⁹ × the profile's scale.
 */
export const SMALL_CELL_REL = 1e-6;

/**
 * λ² × ∫_{cell 0}∫_{cell d} ψ(λ|τ − τ'|) for cells of width w, u = λw: the second difference
 * S(|1−d|u) − 2S(du) + S((d+1)u), or for (d+1)u < {@link SMALL_CELL} its Taylor form
 * ψ(0)u² + ψ''(0)(12d² + 2)u⁴/24 (S(z) = ψ(0)z²/2 + ψ''(0)z⁴/24 + …).
 */
export function cellKernel(K: LineKernel, u: number, d: number): number {
  if ((d + 1) * u < SMALL_CELL) {
    const u2 = u * u;
    return K.psi0 * u2 + (K.psi2 * (12 * d * d + 2) * u2 * u2) / 24;
  }
  return K.S(Math.abs(1 - d) * u) - 2 * K.S(d * u) + K.S((d + 1) * u);
}

/**
 * Γ = sup over lines of |∇_X ∫_{u}^{∞} Φ(X + s ê) ds| over the cut position u and the offset Z of
 * the line from the centre: the largest gradient of a (half-)line integral of Φ = φ(|·|), which is
 * the sup over x of |∇x| of a Duhamel line integral in units of 100M/λ. Components: Φ at the cut,
 * and ∫_u^∞ ∂_Z Φ. Bracketed by a grid maximum (lower) and the grid maximum plus the Lipschitz
 * margin √(3‖φ'‖² + 4H²)·h/√2 (upper), h = 1/400 (cached per cutoff).
 */
export function lineGradientSup(cutoff: Cutoff): { lo: number; hi: number; u: number; Z: number } {
  return perCutoff(cutoff, "line-gradient-sup", () => {
    const { phi, dphi } = cutoff;
    const h = 1 / 400;
    const sX = new Float64Array(32);
    const sW = new Float64Array(32);
    let best = 0;
    let bu = 0;
    let bZ = 0;
    for (let iz = 0; iz <= 400; iz++) {
      const Z = iz * h;
      const half = Math.sqrt(Math.max(0, 1 - Z * Z));
      if (half === 0) continue;
      for (let iu = 0; iu <= 800; iu++) {
        const u = -1 + iu * h;
        const lo = Math.max(u, -half);
        let tr = 0;
        if (lo < half) {
          leftAnchoredRule(32, lo, 0.5 * (half - lo), sX, sW);
          for (let k = 0; k < 32; k++) {
            const sv = sX[k];
            const r = Math.sqrt(sv * sv + Z * Z);
            tr += sW[k] * (r > 0 ? (dphi(r) * Z) / r : 0);
          }
        }
        const ax = phi(Math.sqrt(u * u + Z * Z));
        const g = Math.hypot(ax, tr);
        if (g > best) {
          best = g;
          bu = u;
          bZ = Z;
        }
      }
    }
    // ‖φ'‖∞ and H = sup max(|φ''|, |φ'/r|): the transport constants (the same maximizer calls)
    const { d1, H } = transportConstants(cutoff);
    const lip = Math.sqrt(3 * d1 * d1 + 4 * H * H);
    const out = { lo: best * (1 - 1e-6), hi: best + (lip * h) / Math.SQRT2 + 1e-6, u: bu, Z: bZ };
    return out;
  });
}
