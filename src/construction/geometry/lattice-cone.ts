import { latticeIndex, polarAngle } from "./lattice.ts";

/**
 * Lattice points of (2.3) inside a cone: every k with angle(e_k, d) ≤ α for a unit vector d.
 * This is the structure every tube/bump sum uses: a point x touches K_{i,j} only when
 * |P⊥_{e_{i,j}} x| < 1/M, i.e. when e_{i,j} lies within angle arcsin(1/(M|x|)) of ±x/|x|.
 *
 * Rings j with |θ_j − θ_d| ≤ α are scanned; inside a ring the admissible azimuths form the arc
 * cos Δφ ≥ (cos α − cos θ_j cos θ_d)/(sin θ_j sin θ_d) around φ_d. The enumeration is a superset
 * (a margin of 1e-9 rad is added): callers evaluate the exact criterion on each candidate.
 * Cost O(number of candidates + number of rings scanned) instead of O(M²).
 *
 * Calls `visit(k)` for each candidate index k (k = j(j−1)/2 + i − 1), each at most once.
 */
export function forEachInCone(
  M: number,
  d: ArrayLike<number>,
  alpha: number,
  visit: (k: number) => void,
): void {
  const a = Math.min(Math.PI, alpha + 1e-9);
  const thd = Math.acos(Math.max(-1, Math.min(1, d[2])));
  const phd = Math.atan2(d[1], d[0]);
  const sd = Math.sin(thd);
  const cd = Math.cos(thd);
  const cosA = Math.cos(a);
  const dTheta = Math.PI / (2 * M);
  const jLo = Math.max(1, Math.ceil((thd - a) / dTheta));
  const jHi = Math.min(M, Math.floor((thd + a) / dTheta));
  for (let j = jLo; j <= jHi; j++) {
    const th = polarAngle(j, M);
    const st = Math.sin(th);
    const ct = Math.cos(th);
    const denom = st * sd;
    let half: number; // half-width of the admissible azimuth arc
    if (denom < 1e-300) {
      half = ct * cd >= cosA ? Math.PI : -1;
    } else {
      const c = (cosA - ct * cd) / denom;
      half = c <= -1 ? Math.PI : c > 1 ? -1 : Math.acos(c);
    }
    if (half < 0) continue;
    if (half >= Math.PI - 1e-12) {
      for (let i = 1; i <= j; i++) visit(latticeIndex(i, j));
      continue;
    }
    // azimuth of point i is 2πi/j; admissible i with |2πi/j − φ_d| ≤ half (mod 2π)
    const step = (2 * Math.PI) / j;
    const iLo = Math.ceil((phd - half) / step - 1e-12);
    const iHi = Math.floor((phd + half) / step + 1e-12);
    if (iHi - iLo + 1 >= j) {
      for (let i = 1; i <= j; i++) visit(latticeIndex(i, j));
      continue;
    }
    for (let ii = iLo; ii <= iHi; ii++) {
      const i = ((((ii - 1) % j) + j) % j) + 1; // wrap into 1..j
      visit(latticeIndex(i, j));
    }
  }
}

/** Same as {@link forEachInCone} for the cone around d and the cone around −d (tubes are symmetric). */
export function forEachInDoubleCone(
  M: number,
  d: ArrayLike<number>,
  alpha: number,
  visit: (k: number) => void,
): void {
  if (alpha >= Math.PI / 2) {
    const n = (M * (M + 1)) / 2;
    for (let k = 0; k < n; k++) visit(k);
    return;
  }
  forEachInCone(M, d, alpha, visit);
  // the two cones are disjoint when alpha < π/2; lattice points have z > 0 except the equator ring
  neg[0] = -d[0];
  neg[1] = -d[1];
  neg[2] = -d[2];
  forEachInCone(M, neg, alpha, visit);
}
const neg = new Float64Array(3);
