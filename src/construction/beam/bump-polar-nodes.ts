import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";

/**
 * Gauss–Legendre nodes over one velocity bump I of (2.4) in its own frame, the azimuth integrated
 * out: v = a e + ρ r (cos ψ e₁ + sin ψ e₂) with axial a ∈ [1 − 1/α, 1 + 1/α] (I's factor φ(α|a − 1|)), radial
 * r = |q|/ρ ∈ [0, 1] (factor φ(r)), ρ the bump radius; n nodes in each of a and r, nodes where I = 0
 * dropped. The weight wv includes the Jacobian 2πρ² r, so Σ wv g(a, r) = ∫ g dv over the bump for
 * g independent of ψ. Shared by the beam's Z-norm overlaps (beam-znorm.ts, which adds a ψ rule) and
 * the beam–core kernels (construction/beam-core/).
 */
export interface BumpNode {
  /** Weight, Jacobian 2πρ²r included. */
  readonly wv: number;
  /** I(v) = φ(α|a − 1|) φ(r). */
  readonly I: number;
  /** |v|. */
  readonly vn: number;
  /** r = |P⊥ v|/ρ ∈ [0, 1]. */
  readonly r: number;
  /** M |P⊥ v| (so the transverse argument of K(−τv) is τ·perp) and P_e v. */
  readonly perp: number;
  readonly ax: number;
}

/** The nodes of {@link BumpNode} at order n (see the module comment). */
export function bumpNodes(beam: Beam, n: number): BumpNode[] {
  const rho = bumpRadius(beam.bump);
  const { phi } = beam.cutoff;
  const { M } = beam.params;
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const { nodes, weights } = gaussLegendre(n);
  const gr = mappedRule(n, 0, 1);
  const out: BumpNode[] = [];
  for (let ia = 0; ia < n; ia++) {
    const a = 1 + h * nodes[ia];
    const fa = phi(alpha * Math.abs(a - 1));
    if (fa === 0) continue;
    for (let ir = 0; ir < n; ir++) {
      const r = gr.nodes[ir];
      const I = fa * phi(r);
      if (I === 0) continue;
      out.push({
        wv: 2 * Math.PI * rho * rho * r * h * weights[ia] * gr.weights[ir],
        I,
        vn: Math.sqrt(a * a + rho * rho * r * r),
        r,
        perp: M * rho * r,
        ax: a,
      });
    }
  }
  return out;
}
