import { type Estimate, estimate } from "../../math/estimate.ts";
import type { Cutoff } from "./cutoff.ts";
import { perCutoff } from "./cutoff-constants.ts";

/**
 * sup_x |∇K(x)| for one tube K(x) = χ(M P⊥x) χ(P x) of (2.4), the factor sup_{i,j}‖∇K_{i,j}‖_{L^∞}
 * in the proof of (2.25). With ρ = M|P⊥x| and ζ = |P x| (tubes.ts),
 *   |∇K|² = M² φ'(ρ)² φ(ζ)² + φ(ρ)² φ'(ζ)²,   (ρ, ζ) ∈ [0, 1]²,
 * a smooth function on a square, maximized here by a grid followed by zooming grids.
 *
 * Bracket: the point found is attained, so its value V is a lower bound; and with m₁ = max|φ'|,
 * |∇K|² ≤ M² m₁² + m₁² gives the rigorous upper bound U = m₁ √(M² + 1) (φ ≤ 1). Since ζ = 0 gives
 * V ≥ M m₁, the bracket [V, U] has width ≤ m₁/(2M).
 */
export interface TubeGradientSup {
  /** The attained maximum found (a lower bound of the sup). */
  readonly lower: number;
  /** The rigorous upper bound m₁ √(M² + 1). */
  readonly upper: number;
  /** Where the maximum was found: ρ = M|P⊥x|, ζ = |Px|. */
  readonly rho: number;
  readonly zeta: number;
  /** m₁ = max_r |φ'(r)| and its argmax. */
  readonly maxSlope: number;
  readonly maxSlopeAt: number;
}

/** Maximize a function on [lo, hi] by a 1001-point grid and four zooms (to ~1e-12 in the argument). */
function maximize1d(f: (r: number) => number, lo: number, hi: number): [number, number] {
  let a = lo;
  let b = hi;
  let best = f(lo);
  let at = lo;
  for (let it = 0; it < 5; it++) {
    const n = 1000;
    const h = (b - a) / n;
    for (let i = 0; i <= n; i++) {
      const r = a + i * h;
      const val = f(r);
      if (val > best) {
        best = val;
        at = r;
      }
    }
    a = Math.max(lo, at - 2 * h);
    b = Math.min(hi, at + 2 * h);
  }
  return [best, at];
}

/** m₁ = max_{r ∈ [0,1]} |φ'(r)| and its argmax. */
export function maxProfileSlope(cutoff: Cutoff): [number, number] {
  return maximize1d((r) => Math.abs(cutoff.dphi(r)), 0, 1);
}

export function tubeGradientSup(cutoff: Cutoff, M: number): TubeGradientSup {
  return perCutoff(cutoff, `tube-gradient-sup:${M}`, () => {
    const { phi, dphi } = cutoff;
    const g2 = (rho: number, zeta: number) => {
      const a = M * dphi(rho) * phi(zeta);
      const b = phi(rho) * dphi(zeta);
      return a * a + b * b;
    };
    let best = -1;
    let bestR = 0;
    let bestZ = 0;
    let r0 = 0;
    let r1 = 1;
    let z0 = 0;
    let z1 = 1;
    for (let it = 0; it < 6; it++) {
      const n = it === 0 ? 200 : 40;
      const hr = (r1 - r0) / n;
      const hz = (z1 - z0) / n;
      for (let i = 0; i <= n; i++) {
        const r = r0 + i * hr;
        for (let j = 0; j <= n; j++) {
          const z = z0 + j * hz;
          const val = g2(r, z);
          if (val > best) {
            best = val;
            bestR = r;
            bestZ = z;
          }
        }
      }
      r0 = Math.max(0, bestR - 2 * hr);
      r1 = Math.min(1, bestR + 2 * hr);
      z0 = Math.max(0, bestZ - 2 * hz);
      z1 = Math.min(1, bestZ + 2 * hz);
    }
    const [m1, m1At] = maxProfileSlope(cutoff);
    const lower = Math.max(Math.sqrt(best), M * m1);
    const out: TubeGradientSup = {
      lower,
      upper: m1 * Math.sqrt(M * M + 1),
      rho: lower === M * m1 && Math.sqrt(best) < lower ? m1At : bestR,
      zeta: lower === M * m1 && Math.sqrt(best) < lower ? 0 : bestZ,
      maxSlope: m1,
      maxSlopeAt: m1At,
    };
    return out;
  });
}

/** sup|∇K| as an Estimate: the midpoint of [lower, upper], half-width as error. */
export function tubeGradientSupEstimate(cutoff: Cutoff, M: number): Estimate {
  const g = tubeGradientSup(cutoff, M);
  return estimate(
    0.5 * (g.lower + g.upper),
    0.5 * (g.upper - g.lower),
    "derived",
    `sup|∇K| ∈ [${g.lower.toPrecision(8)}, ${g.upper.toPrecision(8)}]: attained max by zooming grids on (M|P⊥x|, |Px|) ∈ [0,1]², upper bound max|φ'|·√(M²+1)`,
  );
}
