import { RuleError } from "../../math/errors.ts";
import { azimuthAngle, polarAngle } from "./lattice.ts";

/**
 * The lattice direction e_{i,j} of (2.3) nearest to a direction u (smallest chord |e − û|, hence
 * smallest angle and smallest |P⊥_e û|), without materializing the lattice.
 *
 * With θ, φ the polar angles of û and θ_j = πj/(2M), φ_i = 2πi/j the lattice's,
 *   |e_{i,j} − û|² = 4 sin²((θ_j − θ)/2) + 4 sin θ_j sin θ sin²((φ_i − φ)/2)
 * (the identity (⋆) of lattice-separation.ts with one point off the lattice; both terms ≥ 0).
 * On one ring the second term is smallest at the two azimuths next to φ, so each ring costs two
 * candidates; and every point of ring j is at distance ≥ 2 |sin((θ_j − θ)/2)| from û, so rings are
 * visited outwards from the nearest polar angle until that lower bound exceeds the best distance.
 * The result is exact (up to rounding), in O(number of rings visited) work.
 */
export interface NearestDirection {
  readonly i: number;
  readonly j: number;
  /** e_{i,j}. */
  readonly e: readonly [number, number, number];
  /** |e_{i,j} − û|. */
  readonly chord: number;
  /** The angle between e_{i,j} and û (radians). */
  readonly angle: number;
}

function ringCandidate(
  j: number,
  M: number,
  theta: number,
  phi: number,
  out: { i: number; d2: number },
): void {
  const tj = polarAngle(j, M);
  const a = Math.sin(0.5 * (tj - theta));
  const base = 4 * a * a;
  const w = 4 * Math.sin(tj) * Math.sin(theta);
  const f = (phi / (2 * Math.PI)) * j; // azimuth in units of the ring's spacing
  out.d2 = Number.POSITIVE_INFINITY;
  for (const k of [Math.floor(f), Math.ceil(f)]) {
    const i = ((((k - 1) % j) + j) % j) + 1; // 1..j, i = j is the azimuth 2π ≡ 0
    const b = Math.sin(0.5 * (azimuthAngle(i, j) - phi));
    const d2 = base + w * b * b;
    if (d2 < out.d2) {
      out.d2 = d2;
      out.i = i;
    }
  }
}

/** The lattice point e_{i,j} (1 ≤ i ≤ j ≤ M) nearest to the direction of u (u ≠ 0). */
export function nearestLatticeDirection(M: number, u: ArrayLike<number>): NearestDirection {
  if (!Number.isInteger(M) || M < 2) throw new RuleError("M must be an integer >= 2", `got ${M}`);
  const n = Math.hypot(u[0], u[1], u[2]);
  if (!(n > 0) || !Number.isFinite(n))
    throw new RuleError("the direction must be a finite non-zero vector");
  const theta = Math.acos(Math.max(-1, Math.min(1, u[2] / n)));
  let phi = Math.atan2(u[1], u[0]);
  if (phi < 0) phi += 2 * Math.PI;
  const j0 = Math.min(M, Math.max(1, Math.round((2 * M * theta) / Math.PI)));
  const best = { i: 1, j: j0, d2: Number.POSITIVE_INFINITY };
  const cand = { i: 1, d2: 0 };
  const lower = (j: number) => {
    const a = Math.sin(0.5 * (polarAngle(j, M) - theta));
    return 4 * a * a;
  };
  const visit = (j: number) => {
    ringCandidate(j, M, theta, phi, cand);
    if (cand.d2 < best.d2) {
      best.d2 = cand.d2;
      best.i = cand.i;
      best.j = j;
    }
  };
  visit(j0);
  for (let j = j0 - 1; j >= 1 && lower(j) <= best.d2; j--) visit(j);
  for (let j = j0 + 1; j <= M && lower(j) <= best.d2; j++) visit(j);
  const th = polarAngle(best.j, M);
  const ph = azimuthAngle(best.i, best.j);
  const e: [number, number, number] = [
    Math.sin(th) * Math.cos(ph),
    Math.sin(th) * Math.sin(ph),
    Math.cos(th),
  ];
  const chord = Math.sqrt(best.d2);
  return { i: best.i, j: best.j, e, chord, angle: 2 * Math.asin(Math.min(1, chord / 2)) };
}
