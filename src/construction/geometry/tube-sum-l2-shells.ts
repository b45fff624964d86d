import { type Estimate, estimate } from "../../math/estimate.ts";
import { compositeRule } from "../../math/quadrature/composite.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import type { Lattice } from "./lattice.ts";
import type { SeparableTube } from "./tube-sum-l2.ts";

/**
 * ‖Σ_k F_k‖²_{L²(R³)} by brute force: 3-D quadrature of (Σ_k F_k(x))² in spherical shells around the
 * origin, where all the tubes cross — the independent check of the pair sum {@link tubeSumL2}.
 * Radial panels [0, 1/M], [1/M, 4/M], [4/M, 0.3], [0.3, R_out] with Gauss–Legendre nR each,
 * Gauss–Legendre in cos ϑ (nTheta) and the trapezoid rule in φ (nPhi); every tube is evaluated at
 * every point (small M only). Error: the same with 1.5× the nodes on every axis.
 */
export interface ShellResolution {
  readonly nR: number;
  readonly nTheta: number;
  readonly nPhi: number;
}

function shells(lattice: Lattice, tube: SeparableTube, res: ShellResolution): number {
  const M = lattice.M;
  const rOut = Math.hypot(Math.max(tube.aMax, -tube.aMin), tube.rMax) * 1.0001;
  const edges = [0, 1 / M, 4 / M, 0.3, rOut].filter(
    (r, i, a) => i === 0 || (r > a[i - 1] && r <= rOut),
  );
  if (edges[edges.length - 1] < rOut) edges.push(rOut);
  const rNodes = new Float64Array(res.nR * (edges.length - 1));
  const rWeights = new Float64Array(rNodes.length);
  const nr = compositeRule(edges, res.nR, rNodes, rWeights);
  const gt = gaussLegendre(res.nTheta);
  const { e, count } = lattice;
  let total = 0;
  for (let ir = 0; ir < nr; ir++) {
    const r = rNodes[ir];
    const wr = rWeights[ir] * r * r;
    for (let it = 0; it < res.nTheta; it++) {
      const ct = gt.nodes[it];
      const st = Math.sqrt(1 - ct * ct);
      const wt = gt.weights[it];
      for (let ip = 0; ip < res.nPhi; ip++) {
        const ph = (2 * Math.PI * ip) / res.nPhi;
        const x0 = r * st * Math.cos(ph);
        const x1 = r * st * Math.sin(ph);
        const x2 = r * ct;
        let g = 0;
        for (let k = 0; k < count; k++) {
          const a = e[3 * k] * x0 + e[3 * k + 1] * x1 + e[3 * k + 2] * x2;
          if (a <= tube.aMin || a >= tube.aMax) continue;
          const p2 = r * r - a * a;
          const rp = Math.sqrt(Math.max(0, p2));
          if (rp >= tube.rMax) continue;
          g += tube.radial(rp) * tube.axial(a);
        }
        total += wr * wt * ((2 * Math.PI) / res.nPhi) * g * g;
      }
    }
  }
  return total;
}

export function tubeSumL2Shells(
  lattice: Lattice,
  tube: SeparableTube,
  res: ShellResolution,
): Estimate {
  const coarse = shells(lattice, tube, res);
  const fineRes = {
    nR: Math.round(1.5 * res.nR),
    nTheta: Math.round(1.5 * res.nTheta),
    nPhi: Math.round(1.5 * res.nPhi),
  };
  const fine = shells(lattice, tube, fineRes);
  return estimate(
    fine,
    Math.abs(fine - coarse),
    "quadrature",
    `spherical shells: ${fineRes.nR} radial nodes per panel, ${fineRes.nTheta} × ${fineRes.nPhi} angular (vs ${res.nR}, ${res.nTheta} × ${res.nPhi})`,
  );
}
