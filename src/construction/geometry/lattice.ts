import { RuleError } from "../../math/errors.ts";

/**
 * The lattice (2.3) on the upper hemisphere:
 *   e_{i,j} = (sin(πj/2M) cos(2πi/j), sin(πj/2M) sin(2πi/j), cos(πj/2M)),  1 ≤ i ≤ j ≤ M.
 * Ring j has polar angle θ_j = πj/(2M) and j points at azimuths 2πi/j; M(M+1)/2 points in all.
 * Points are indexed k = j(j−1)/2 + (i − 1).
 */
export interface Lattice {
  readonly M: number;
  readonly count: number;
  /** Unit vectors, 3 per point. */
  readonly e: Float64Array;
  /** Ring index j of point k. */
  readonly ring: Int32Array;
  /** Azimuthal index i of point k. */
  readonly azimuth: Int32Array;
}

/** Largest M for which the lattice is materialized (≈ 5·10^7 points). */
export const MAX_MATERIALIZED_M = 10_000;

/** Number of lattice directions e_{i,j}, 1 ≤ i ≤ j ≤ M, of (2.3): M(M + 1)/2. */
export function latticeCount(M: number): number {
  return (M * (M + 1)) / 2;
}

/** Index k of e_{i,j} in {@link Lattice.e} (ring j, azimuth i; 0-based, ring by ring). */
export function latticeIndex(i: number, j: number): number {
  return (j * (j - 1)) / 2 + (i - 1);
}

export function polarAngle(j: number, M: number): number {
  return (Math.PI * j) / (2 * M);
}

export function azimuthAngle(i: number, j: number): number {
  return (2 * Math.PI * i) / j;
}

/** e_{i,j} into out (length ≥ 3, at offset). */
export function latticePoint(
  out: Float64Array,
  offset: number,
  i: number,
  j: number,
  M: number,
): void {
  const th = polarAngle(j, M);
  const ph = azimuthAngle(i, j);
  const st = Math.sin(th);
  out[offset] = st * Math.cos(ph);
  out[offset + 1] = st * Math.sin(ph);
  out[offset + 2] = Math.cos(th);
}

const cache = new Map<number, Lattice>();

/**
 * The lattice of (2.3): the M(M + 1)/2 unit vectors e_{i,j} = (sin θ_j cos φ_{i,j}, sin θ_j sin φ_{i,j},
 * cos θ_j), θ_j = πj/(2M), φ_{i,j} = 2πi/j, 1 ≤ i ≤ j ≤ M, materialized for M ≤ 10⁴ and cached.
 * A {@link RuleError} for M not an integer ≥ 2 or beyond the materialized range.
 */
export function makeLattice(M: number): Lattice {
  if (!Number.isInteger(M) || M < 2) throw new RuleError("M must be an integer >= 2", `got ${M}`);
  if (M > MAX_MATERIALIZED_M) {
    throw new RuleError(
      `the lattice is materialized only for M <= ${MAX_MATERIALIZED_M}`,
      `got ${M}`,
    );
  }
  const hit = cache.get(M);
  if (hit) return hit;
  const count = latticeCount(M);
  const e = new Float64Array(3 * count);
  const ring = new Int32Array(count);
  const azimuth = new Int32Array(count);
  for (let j = 1; j <= M; j++) {
    for (let i = 1; i <= j; i++) {
      const k = latticeIndex(i, j);
      latticePoint(e, 3 * k, i, j, M);
      ring[k] = j;
      azimuth[k] = i;
    }
  }
  const lat = { M, count, e, ring, azimuth };
  if (M <= 2048) cache.set(M, lat);
  return lat;
}
