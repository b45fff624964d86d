import type { Beam } from "../beam/beam.ts";
import type { BumpNode } from "../beam/bump-polar-nodes.ts";
import { dphiSupOn } from "../geometry/core-profile-integrals.ts";

/**
 * f_b bracketed over the crossing of the core (Lemma 4.4, the beam–core terms): wherever the
 * characteristic is in the core at time τ, x − vt = y − τv with |y| ≤ δ = 1/(RM) (R = 100 in the paper), so
 *   f_b(t, x, v) ∈ M^{1−s} Σ_k I_k(v) [K_k^lo(τ, v), K_k^hi(τ, v)],
 * K^lo = φ(Mτ|P⊥v| + Mδ) φ(τ|P v| + δ), K^hi = φ((Mτ|P⊥v| − Mδ)₊) φ((τ|P v| − δ)₊) (φ nonincreasing,
 * Mδ = 1/R: `perpShift`, default the paper's 0.01),
 * both nonincreasing in τ ({@link kLo}, {@link kHi}); {@link gradKBound} bounds |∇K| over a τ-cell.
 */

export function kLo(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
  perpShift = 0.01,
): number {
  return phi(tau * perp + perpShift) * phi(tau * ax + delta);
}
export function kHi(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
  perpShift = 0.01,
): number {
  return phi(Math.max(0, tau * perp - perpShift)) * phi(Math.max(0, tau * ax - delta));
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
  const sh = 1 / beam.params.constants.coreRadius; // Mδ (0.01 in the paper)
  const tr = dphiSupOn(beam.cutoff, H, ta * nd.perp - sh, tb * nd.perp + sh);
  const axd = dphiSupOn(beam.cutoff, H, ta * nd.ax - delta, tb * nd.ax + delta);
  return M * tr * phi(Math.max(0, ta * nd.ax - delta)) + phi(Math.max(0, ta * nd.perp - sh)) * axd;
}
