import type { OffSupport } from "../claims/point-values.ts";
import { fmt } from "./common-options.ts";

const v3 = (a: readonly number[]) => `(${a.map((c) => fmt(c)).join(", ")})`;

/**
 * The `note` line of `boltzlab eval` for an exact sum that is 0 because the point lies off the
 * supports (see claims/point-values.ts `OffSupport`), with a hint how to list the lattice.
 */
export function offSupportNote(why: OffSupport, M: number): string {
  const hint = `list the directions with \`boltzlab lattice --M ${M} --points\``;
  switch (why.kind) {
    case "bump-at-origin":
      return `v = 0 lies outside every velocity bump I_{i,j} (they need 9/10 < e·v < 11/10); ${hint}`;
    case "bump": {
      const n = why.nearest;
      return (
        `v = ${v3(why.v)} lies outside every velocity bump I_{i,j} of (2.4) (variant ${why.variant}: |P⊥_e v| < 1/(${why.widthFactor}M) = ${fmt(why.rho)} and 9/10 < e·v < 11/10); ` +
        `the nearest lattice direction is e_{${n.i},${n.j}} = ${v3(n.e)}, where |P⊥_e v| = ${fmt(n.perp)} and e·v = ${fmt(n.axial)}; ${hint}`
      );
    }
    case "tube": {
      const n = why.nearest;
      return (
        `${why.what} = ${v3(why.y)} lies outside every tube K_{i,j} of (2.4) (|P⊥_e y| < 1/M = ${fmt(why.tubeRadius)} and |e·y| < 1); ` +
        `the nearest tube axis is e_{${n.i},${n.j}} = ${v3(n.e)}, at distance |P⊥_e y| = ${fmt(n.perp)} with |e·y| = ${fmt(n.axial)}; ${hint}`
      );
    }
    case "unpaired":
      return "v lies in a velocity bump I_{i,j} and x − vt in some tube, but not in the tube K_{i,j} of the same direction (f_b pairs them, (2.4))";
  }
}
