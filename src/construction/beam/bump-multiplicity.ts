import { forEachInCone } from "../geometry/lattice-cone.ts";
import { bumpAxialRange, bumpDisjointnessMargin, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";

/**
 * Largest number of bumps I_k containing one velocity: a superset count, for each k, of the l with
 * angle(e_k, e_l) < 2 asin(ρ/(1 − 1/α)) (both bumps contain v, |v| ≥ 1 − 1/α, |P⊥v| < ρ); 1 when
 * the bumps are disjoint by the proof's argument (2.20)–(2.23) (as-in-proof, or any constants with
 * `bumpDisjointnessMargin` > 0).
 */
export function bumpMultiplicity(beam: Beam): number {
  if (bumpDisjointnessMargin(beam.bump) > 0) return 1;
  const hit = multCache.get(beam);
  if (hit !== undefined) return hit;
  const rho = bumpRadius(beam.bump);
  const alpha = 2 * Math.asin(Math.min(1, rho / bumpAxialRange(beam.bump)[0]));
  const lat = beam.lattice;
  const d = new Float64Array(3);
  let m = 1;
  for (let k = 0; k < lat.count; k++) {
    d[0] = lat.e[3 * k];
    d[1] = lat.e[3 * k + 1];
    d[2] = lat.e[3 * k + 2];
    let c = 0;
    forEachInCone(beam.params.M, d, alpha, (l) => {
      const dot = d[0] * lat.e[3 * l] + d[1] * lat.e[3 * l + 1] + d[2] * lat.e[3 * l + 2];
      if (Math.acos(Math.min(1, dot)) < alpha) c++;
    });
    m = Math.max(m, c);
  }
  multCache.set(beam, m);
  return m;
}
const multCache = new WeakMap<Beam, number>();
