import { RuleError } from "../../math/errors.ts";
import { latticeCount, polarAngle } from "./lattice.ts";

/**
 * The minimum separation of the lattice (2.3), the left side of the separation estimate (2.10)
 * |e_{i1,j1} − e_{i2,j2}| ≥ 1/M, computed exactly (up to rounding of one sine) in O(M) work
 * instead of the O(M⁴) of all pairs.
 *
 * Ring j holds e_{i,j} at polar angle θ_j = πj/(2M) and azimuths φ_i = 2πi/j, i = 1..j. For two
 * points on rings j1, j2 with Δθ = θ_{j1} − θ_{j2} and Δφ = φ_{i1} − φ_{i2},
 *
 *   |e − e'|² = 4 sin²(Δθ/2) + 4 sin θ_{j1} sin θ_{j2} sin²(Δφ/2)                 (⋆)
 *
 * (the two terms are non-negative; no cancellation). Then:
 *
 * 1. Same ring (j1 = j2 = j ≥ 2): by (⋆) the distance is 2 sin θ_j |sin(Δφ/2)| with
 *    Δφ = 2πk/j, k = i1 − i2 mod j ∈ {1, …, j−1}; |sin(πk/j)| is smallest for k = 1 or j − 1,
 *    i.e. adjacent azimuths. The ring's minimum is 2 sin θ_j sin(π/j), attained by (1, j), (2, j).
 * 2. Different rings: by (⋆) the distance is at least 2 sin(|Δθ|/2), with equality iff Δφ ≡ 0.
 *    Every ring contains the azimuth φ = 2π (i = j), so equality is attained by (j1, j1), (j2, j2):
 *    the minimum over the pair of rings is exactly 2 sin(|θ_{j1} − θ_{j2}|/2) = 2 sin(π|j1 − j2|/(4M)).
 *    (Equivalently: the differences φ1 − φ2 run over the multiples of 2π·gcd(j1,j2)/(j1 j2), which
 *    include 0.)
 * 3. Pairs on rings with |j1 − j2| ≥ 2 are at distance ≥ 2 sin(π/(2M)) > 2 sin(π/(4M)), which
 *    adjacent rings attain (2 sin(π|Δj|/(4M)) increases for |Δj| ≤ M − 1 < 2M). So the closest
 *    pair lies on one ring or on two adjacent rings, and the overall minimum is
 *      min( 2 sin(π/(4M)),  min_{2≤j≤M} 2 sin(πj/(2M)) sin(π/j) ).
 *
 * Each candidate is one closed form; the minimum is taken over the O(M) candidates in exact
 * correspondence with the cases above, so no pair is skipped. `test/construction/` compares with
 * brute force over all pairs for M ≤ 40.
 */
export interface LatticeSeparation {
  readonly M: number;
  /** M(M+1)/2. */
  readonly count: number;
  /** min over distinct pairs of |e_{i1,j1} − e_{i2,j2}|. */
  readonly minSeparation: number;
  /** A pair attaining it, as [[i1, j1], [i2, j2]]. */
  readonly argmin: readonly [readonly [number, number], readonly [number, number]];
  /** min over distinct pairs on one ring (j1 = j2). */
  readonly minSameRingSeparation: number;
  readonly sameRingArgmin: readonly [readonly [number, number], readonly [number, number]];
}

/** Largest M accepted (the work is O(M), the bound only keeps indices exact). */
export const MAX_SEPARATION_M = 1e8;

/** Distance between two lattice points by (⋆), stable for nearby points. */
export function latticeDistance(i1: number, j1: number, i2: number, j2: number, M: number): number {
  const t1 = polarAngle(j1, M);
  const t2 = polarAngle(j2, M);
  const a = Math.sin(0.5 * (t1 - t2));
  const b = Math.sin(Math.PI * (i1 / j1 - i2 / j2));
  return 2 * Math.sqrt(a * a + Math.sin(t1) * Math.sin(t2) * b * b);
}

/** The minimum separations of the lattice (2.3) in O(M); see the module comment for the proof. */
export function latticeSeparation(M: number): LatticeSeparation {
  if (!Number.isInteger(M) || M < 2) throw new RuleError("M must be an integer >= 2", `got ${M}`);
  if (M > MAX_SEPARATION_M) {
    throw new RuleError(`the separation is computed for M <= ${MAX_SEPARATION_M}`, `got ${M}`);
  }
  // case 1: same ring, adjacent azimuths
  let same = Number.POSITIVE_INFINITY;
  let sameJ = 2;
  for (let j = 2; j <= M; j++) {
    const d = 2 * Math.sin(polarAngle(j, M)) * Math.sin(Math.PI / j);
    if (d < same) {
      same = d;
      sameJ = j;
    }
  }
  const sameRingArgmin = [
    [1, sameJ],
    [2, sameJ],
  ] as const;
  // cases 2–3: adjacent rings at the common azimuth 2π (every adjacent pair gives the same value)
  const cross = 2 * Math.sin(Math.PI / (4 * M));
  const crossArgmin = [
    [1, 1],
    [2, 2],
  ] as const;
  const crossWins = cross <= same;
  return {
    M,
    count: latticeCount(M),
    minSeparation: crossWins ? cross : same,
    argmin: crossWins ? crossArgmin : sameRingArgmin,
    minSameRingSeparation: same,
    sameRingArgmin,
  };
}
