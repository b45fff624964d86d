import { compositeRule } from "../../math/quadrature/composite.ts";
import { tubeFrames } from "../geometry/tube-frames.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";
import { A_BREAKS, axialBreaks, R_BREAKS } from "./characteristic-frequency.ts";

/**
 * A quadrature rule over the support of one velocity bump I_k of (2.4), in the bump's own frame
 * (e1, e2, e = e_k): v = a e + ρ r (cos ψ e1 + sin ψ e2), dv = ρ² r dr dψ da, a ∈ [1 − 1/α, 1 + 1/α]
 * ([9/10, 11/10] for α = 10), r ∈ [0, 1], ψ ∈ [0, 2π), ρ = 1/(cM) the bump radius. Gauss–Legendre
 * per panel in a (panels split at 1 ± 1/(2α), 1) and r (split at 1/2, 3/4), trapezoid in ψ. The weights include ρ² r but not
 * I_k(v): the integrand supplies it.
 */
export interface BumpFrameRule {
  readonly n: number;
  /** Velocities, 3 per node. */
  readonly v: Float64Array;
  readonly w: Float64Array;
}

/** Nodes per panel in a and r and the ψ count, per level. */
export const BUMP_RULE_LEVELS: readonly {
  readonly na: number;
  readonly nr: number;
  readonly npsi: number;
}[] = [
  { na: 1, nr: 1, npsi: 3 },
  { na: 2, nr: 2, npsi: 4 },
  { na: 3, nr: 3, npsi: 6 },
  { na: 4, nr: 4, npsi: 8 },
];

export function bumpFrameRule(beam: Beam, k: number, level: number): BumpFrameRule {
  const L = BUMP_RULE_LEVELS[level];
  const f = tubeFrames(beam.lattice);
  const rho = bumpRadius(beam.bump);
  const aN = new Float64Array(64);
  const aW = new Float64Array(64);
  const rN = new Float64Array(64);
  const rW = new Float64Array(64);
  const na = compositeRule(axialBreaks(bumpAxialFactor(beam.bump)), L.na, aN, aW);
  const nr = compositeRule(R_BREAKS, L.nr, rN, rW);
  const n = na * nr * L.npsi;
  const v = new Float64Array(3 * n);
  const w = new Float64Array(n);
  const dpsi = (2 * Math.PI) / L.npsi;
  let m = 0;
  for (let ia = 0; ia < na; ia++) {
    for (let ir = 0; ir < nr; ir++) {
      for (let ip = 0; ip < L.npsi; ip++) {
        const c = rho * rN[ir] * Math.cos(ip * dpsi);
        const s = rho * rN[ir] * Math.sin(ip * dpsi);
        for (let d = 0; d < 3; d++)
          v[3 * m + d] = aN[ia] * f[9 * k + 6 + d] + c * f[9 * k + d] + s * f[9 * k + 3 + d];
        w[m] = rho * rho * aW[ia] * rW[ir] * rN[ir] * dpsi;
        m++;
      }
    }
  }
  return { n, v, w };
}
