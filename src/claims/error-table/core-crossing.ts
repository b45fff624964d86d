import type { Beam } from "../../construction/beam.ts";
import { bumpRadius } from "../../construction/velocity-bumps.ts";
import { gaussLegendre } from "../../math/gauss-legendre.ts";
import { dphiSupOn } from "./core-profile-integrals.ts";

/**
 * f_b bracketed over the crossing of the core (Lemma 4.4, the beam–core terms): wherever the
 * characteristic is in the core at time τ, x − vt = y − τv with |y| ≤ δ = 1/(100M), so
 *   f_b(t, x, v) ∈ M^{1−s} Σ_k I_k(v) [K_k^lo(τ, v), K_k^hi(τ, v)],
 * K^lo = φ(Mτ|P⊥v| + 0.01) φ(τ|P v| + δ), K^hi = φ((Mτ|P⊥v| − 0.01)₊) φ((τ|P v| − δ)₊) (φ nonincreasing),
 * both nonincreasing in τ ({@link kLo}, {@link kHi}); {@link gradKBound} bounds |∇K| over a τ-cell.
 * {@link bumpNodes}: Gauss–Legendre nodes over one bump of (2.4) in its frame (axial a ∈ [0.9, 1.1],
 * radial |q|/ρ ∈ [0, 1], azimuth integrated).
 */

export interface BumpNode {
  readonly wv: number;
  readonly I: number;
  readonly vn: number;
  /** M |P⊥ v| (so the transverse argument of K(−τv) is τ·perp) and P_e v. */
  readonly perp: number;
  readonly ax: number;
}

export function bumpNodes(beam: Beam, n: number): BumpNode[] {
  const rho = bumpRadius(beam.bump);
  const { phi } = beam.cutoff;
  const { M } = beam.params;
  const { nodes, weights } = gaussLegendre(n);
  const out: BumpNode[] = [];
  for (let ia = 0; ia < n; ia++) {
    const a = 1 + 0.1 * nodes[ia];
    const fa = phi(10 * Math.abs(a - 1));
    if (fa === 0) continue;
    for (let ir = 0; ir < n; ir++) {
      const r = 0.5 * (1 + nodes[ir]);
      const I = fa * phi(r);
      if (I === 0) continue;
      out.push({
        wv: 2 * Math.PI * rho * rho * r * 0.1 * weights[ia] * 0.5 * weights[ir],
        I,
        vn: Math.sqrt(a * a + rho * rho * r * r),
        perp: M * rho * r,
        ax: a,
      });
    }
  }
  return out;
}

export function kLo(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
): number {
  return phi(tau * perp + 0.01) * phi(tau * ax + delta);
}
export function kHi(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
): number {
  return phi(Math.max(0, tau * perp - 0.01)) * phi(Math.max(0, tau * ax - delta));
}

/** sup of |∇K(y − τv)| for τ ∈ [ta, tb], |y| ≤ δ (transverse M|φ'|·φ + φ·axial |φ'|). */
export function gradKBound(
  beam: Beam,
  H: number,
  nd: BumpNode,
  ta: number,
  tb: number,
  delta: number,
): number {
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const tr = dphiSupOn(beam.cutoff, H, ta * nd.perp - 0.01, tb * nd.perp + 0.01);
  const axd = dphiSupOn(beam.cutoff, H, ta * nd.ax - delta, tb * nd.ax + delta);
  return (
    M * tr * phi(Math.max(0, ta * nd.ax - delta)) + phi(Math.max(0, ta * nd.perp - 0.01)) * axd
  );
}
