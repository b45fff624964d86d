import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { radialIntegralEstimate } from "../../math/quadrature/radial.ts";
import type { Cutoff } from "./cutoff.ts";

/** Constants of Φ = φ(|·|) used by the transport term (cached per cutoff). */
export interface TransportConstants {
  /** ∫ χ(V)² |V|² dV, ∫ χ(V)² |V|⁴ dV, ∫ χ(V)|V| dV, ∫ χ(V)|V|² dV. */
  readonly chi2v2: number;
  readonly chi2v4: number;
  readonly chiv1: number;
  readonly chiv2: number;
  /** ∫ Φ², ∫ |∇Φ|², ∫ |∇²Φ|²_F over R³. */
  readonly P0: number;
  readonly P1: number;
  readonly P2: number;
  /** max|φ'| and max_r max(|φ''|, |φ'/r|) (exact sups of Φ's gradient and Hessian). */
  readonly d1: number;
  readonly H: number;
  /** Bound of the third-derivative tensor of Φ (for the shift of ∇²Φ), from finite differences ×1.1. */
  readonly T3: number;
  /** Relative error of the radial quadratures. */
  readonly relErr: number;
}

const constCache = new Map<Cutoff, TransportConstants>();

export function transportConstants(cutoff: Cutoff): TransportConstants {
  const hit = constCache.get(cutoff);
  if (hit) return hit;
  const { phi, dphi, d2phi } = cutoff;
  const items = [
    radialIntegralEstimate((r) => phi(r) ** 2 * r * r),
    radialIntegralEstimate((r) => phi(r) ** 2 * r ** 4),
    radialIntegralEstimate((r) => phi(r) * r),
    radialIntegralEstimate((r) => phi(r) * r * r),
    radialIntegralEstimate((r) => phi(r) ** 2),
    radialIntegralEstimate((r) => dphi(r) ** 2),
    radialIntegralEstimate((r) => d2phi(r) ** 2 + 2 * (r > 0 ? (dphi(r) / r) ** 2 : d2phi(0) ** 2)),
  ];
  const relErr = Math.max(...items.map((x) => x.error / Math.abs(x.value)));
  const d1 = goldenSectionMax((r) => Math.abs(dphi(r)), 0, 1, {
    gridPoints: 20_000,
    iterations: 60,
    step: "recompute",
  }).value;
  const H = goldenSectionMax(
    (r) => Math.max(Math.abs(d2phi(r)), r > 1e-9 ? Math.abs(dphi(r) / r) : Math.abs(d2phi(0))),
    0,
    1,
    { gridPoints: 20_000, iterations: 60, step: "recompute" },
  ).value;
  // third derivatives: |φ'''| + 6|φ''/r − φ'/r²|, φ''' by central differences of φ''
  const h = 1e-5;
  let T3 = 0;
  for (let i = 1; i <= 20_000; i++) {
    const r = i / 20_000;
    const d3 =
      (d2phi(Math.min(1, r + h)) - d2phi(Math.max(0, r - h))) /
      (Math.min(1, r + h) - Math.max(0, r - h));
    const mixed = r > 1e-3 ? Math.abs(d2phi(r) / r - dphi(r) / (r * r)) : Math.abs(d3);
    T3 = Math.max(T3, Math.abs(d3) + 6 * mixed);
  }
  const out: TransportConstants = {
    chi2v2: items[0].value,
    chi2v4: items[1].value,
    chiv1: items[2].value,
    chiv2: items[3].value,
    P0: items[4].value,
    P1: items[5].value,
    P2: items[6].value,
    d1,
    H,
    T3: 1.1 * T3,
    relErr,
  };
  constCache.set(cutoff, out);
  return out;
}
