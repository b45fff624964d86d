/**
 * m₁ = max|φ'| and its argmax by the tube-gradient sup's zooming grid (construction/geometry/
 * tube-gradient-sup.ts `maxProfileSlope`: a 1001-point grid and four zooms) against
 * math/quadrature's `goldenSectionMax` with the option sets the project uses (issue 11: the zoom
 * may be replaced only if the published argmax and values stay within 1e-12 relative). Prints, per
 * cutoff and option set, both maxima, both argmaxes and their relative differences.
 *
 *   nice -n 10 node --import tsx bench/profile-slope-maximizers.ts
 */
import { bump, plateau } from "../src/construction/geometry/cutoff.ts";
import { maxProfileSlope } from "../src/construction/geometry/tube-gradient-sup.ts";
import { type GoldenSectionOptions, goldenSectionMax } from "../src/math/quadrature/maximize.ts";

const OPTIONS: GoldenSectionOptions[] = [
  { gridPoints: 4000, iterations: 80 },
  { gridPoints: 20_000, iterations: 60, step: "recompute" },
  { gridPoints: 1000, iterations: 80 },
];
for (const c of [bump, plateau]) {
  const [v, at] = maxProfileSlope(c);
  const f = (r: number) => Math.abs(c.dphi(r));
  for (const o of OPTIONS) {
    const g = goldenSectionMax(f, 0, 1, o);
    console.log(
      `${c.name} ${JSON.stringify(o)}: zoom ${v} at ${at} | golden ${g.value} at ${g.at} | rel. value ${(Math.abs(g.value - v) / v).toExponential(2)}, rel. argmax ${(Math.abs(g.at - at) / at).toExponential(2)}`,
    );
  }
}
