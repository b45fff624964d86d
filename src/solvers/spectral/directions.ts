/**
 * Quadrature of the unit sphere used for the directions e of the fast spectral method.
 *
 * Product rule on S²: Gauss–Legendre of order 2M in z = cos θ ∈ [−1, 1] times the trapezoidal rule
 * with 2M equispaced azimuths in [0, 2π). The rule is symmetric under e → −e, and every integrand
 * of the method is even in e, so only the M·2M directions with z > 0 are kept, each with twice its
 * weight. The weights sum to 4π; the rule integrates exactly every polynomial in e of degree
 * < 2M in the azimuth and ≤ 4M − 1 in z.
 */
import { RuleError } from "../../math/errors.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";

export interface SphereRule {
  /** Number of directions kept (half of the symmetric rule): 2M². */
  readonly count: number;
  /** Directions, xyz interleaved (length 3·count), all with z > 0. */
  readonly dirs: Float64Array;
  /** Weights (already doubled for the antipodal direction), summing to 4π. */
  readonly weights: Float64Array;
  readonly M: number;
}

export function halfSphereRule(M: number): SphereRule {
  if (!Number.isInteger(M) || M < 1 || M > 64) {
    throw new RuleError("angular resolution M must be an integer in [1, 64]", `got ${M}`);
  }
  const gl = gaussLegendre(2 * M);
  const count = 2 * M * M;
  const dirs = new Float64Array(3 * count);
  const weights = new Float64Array(count);
  let d = 0;
  for (let a = 0; a < 2 * M; a++) {
    const z = gl.nodes[a];
    if (z <= 0) continue;
    const s = Math.sqrt(Math.max(0, 1 - z * z));
    for (let b = 0; b < 2 * M; b++) {
      const phi = (Math.PI * b) / M;
      dirs[3 * d] = s * Math.cos(phi);
      dirs[3 * d + 1] = s * Math.sin(phi);
      dirs[3 * d + 2] = z;
      weights[d] = 2 * gl.weights[a] * (Math.PI / M);
      d++;
    }
  }
  return { count, dirs, weights, M };
}
