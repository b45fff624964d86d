/**
 * Quadrature of the unit sphere used for the directions e of the fast spectral method.
 *
 * Product rule on S²: Gauss–Legendre of order 2M in z = cos θ ∈ [−1, 1] times the trapezoidal rule
 * with 2M equispaced azimuths in [0, 2π). The rule is symmetric under e → −e, and every integrand
 * of the method is even in e, so only the M·2M directions with z > 0 are kept, each with twice its
 * weight. The weights sum to 4π; the rule integrates exactly every polynomial in e of degree
 * < 2M in the azimuth and ≤ 4M − 1 in z. A second family, the Lebedev–Laikov rules
 * ({@link lebedevRule}), reaches the same degree with about a third of the directions; which is the
 * solver's default was decided by measurement (docs/spectral.md).
 */
import { RuleError } from "../../math/errors.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import { LEBEDEV_ORBITS } from "./lebedev-table.ts";

/** A rule on S² for even integrands: one direction of each antipodal pair, with doubled weights. */
export interface SphereRule {
  /** Number of directions kept (half of the symmetric rule; 2M² for the product rule). */
  readonly count: number;
  /** Directions, xyz interleaved (length 3·count), one of each antipodal pair. */
  readonly dirs: Float64Array;
  /** Weights (already doubled for the antipodal direction), summing to 4π. */
  readonly weights: Float64Array;
  /** Resolution: M of the product rule, the degree P of a Lebedev rule. */
  readonly M: number;
}

/** The product rule with resolution M (2M² directions with z > 0; see the module comment). */
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

/** The angular rules of the spectral solver, by name (see {@link sphereRule}). */
export type SphereRuleName = "lebedev" | "product";

/** Degrees P of the Lebedev rules available to {@link lebedevRule} (those with positive weights). */
export const LEBEDEV_DEGREES: readonly number[] = Object.keys(LEBEDEV_ORBITS)
  .map(Number)
  .sort((a, b) => a - b);

/** Size of Lebedev's orbit types 1–6. */
const ORBIT_SIZE = [0, 6, 12, 8, 24, 24, 48];

/** Generator point of an orbit [type, a, b, v] (Lebedev's types, see `lebedev-table.ts`). */
function orbitGenerator(type: number, a: number, b: number): [number, number, number] {
  switch (type) {
    case 1:
      return [1, 0, 0];
    case 2:
      return [0, Math.SQRT1_2, Math.SQRT1_2];
    case 3: {
      const c = 1 / Math.sqrt(3);
      return [c, c, c];
    }
    case 4:
      return [a, a, Math.sqrt(1 - 2 * a * a)];
    case 5:
      return [a, Math.sqrt(1 - a * a), 0];
    default:
      return [a, b, Math.sqrt(1 - a * a - b * b)];
  }
}

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

/**
 * The Lebedev–Laikov rule of degree P on S² (exact for polynomials of degree ≤ P; table in
 * `lebedev-table.ts`), reduced like {@link halfSphereRule} to one direction of each antipodal pair
 * (the one whose first non-zero coordinate is positive) with twice its weight. The rules are
 * invariant under the octahedral group, so they have about a third of the points of a product rule
 * of the same degree: degree 19 has 73 directions where the product rule of degree 19 (M = 10) has
 * 200.
 */
export function lebedevRule(P: number): SphereRule {
  const orbits = LEBEDEV_ORBITS[P];
  if (!orbits)
    throw new RuleError(`Lebedev degree must be one of ${LEBEDEV_DEGREES.join(", ")}`, `got ${P}`);
  const dirs: number[] = [];
  const weights: number[] = [];
  for (const [type, a, b, v] of orbits) {
    const g = orbitGenerator(type, a, b);
    const seen = new Set<string>();
    for (const p of PERMUTATIONS)
      for (let s = 0; s < 8; s++) {
        const e = p.map((c, i) => (s & (1 << i) ? -1 : 1) * g[c]);
        const key = e.map((x) => (x === 0 ? 0 : x).toFixed(12)).join(",");
        if (seen.has(key)) continue;
        seen.add(key);
        const first = e.find((x) => Math.abs(x) > 1e-14) ?? 0;
        if (first > 0) {
          dirs.push(...e);
          weights.push(2 * 4 * Math.PI * v);
        }
      }
    if (seen.size !== ORBIT_SIZE[type])
      throw new Error(`Lebedev orbit of type ${type} expanded to ${seen.size} points`);
  }
  return {
    count: weights.length,
    dirs: Float64Array.from(dirs),
    weights: Float64Array.from(weights),
    M: P,
  };
}

/**
 * The named angular rule at its resolution: `lebedev` of degree `resolution` ({@link lebedevRule})
 * or `product` with M = `resolution` ({@link halfSphereRule}, 2M² directions).
 */
export function sphereRule(name: SphereRuleName, resolution: number): SphereRule {
  if (name === "lebedev") return lebedevRule(resolution);
  if (name === "product") return halfSphereRule(resolution);
  throw new RuleError("sphere rule must be lebedev or product", `got "${name}"`);
}
