/**
 * Where the evolved BKW error sits near equilibrium (docs/spectral.md, "Equilibrium preservation
 * and the evolved BKW error"): BKW (constant kernel, K₀ = 0.7) on boltzlab's default domain and
 * angular rule, fixed SSP-RK3 step 0.02 to t = 5, and at t = 0.5, 1, 2, 3, 5 the max-norm error
 * against the exact solution inside and outside |v| = 5, and the mass and energy of f − M (M the
 * exact equilibrium Maxwellian) in the box corners |v| > L, outside the inscribed ball. Not a test.
 *
 *   npx tsx bench/bkw-corners.ts n [P|noP] [eq|plain] [uniform|maxwellian|loss-frequency]
 *
 * (P: the conservative projection with the given weight; eq: subtract Q(M[f]).)
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { chooseDomain } from "../src/solvers/spectral/domain.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { bkwScales, maxwellian } from "../src/solvers/spectral/initial-data.ts";
import { RELAX_DEFAULTS } from "../src/solvers/spectral/relaxation.ts";
import { HomogeneousSolver, type ProjectionWeight } from "../src/solvers/spectral/time-step.ts";

const n = Number(process.argv[2] ?? 32);
const conservative = (process.argv[3] ?? "P") === "P";
const equilibriumPreserving = (process.argv[4] ?? "eq") === "eq";
const projection = (process.argv[5] ?? RELAX_DEFAULTS.projection) as ProjectionWeight;
const dt = 0.02;
const bkw = new Bkw({ K0: 0.7 });
const d = chooseDomain(bkwScales(1, 0.7), n);
const grid = makeGrid(n, d.L, d.R);
const f = bkw.sample(grid, 0, new Float64Array(n ** 3));
const solver = new HomogeneousSolver(grid, "constant", {
  scheme: "rk3",
  positivity: "off",
  sphere: RELAX_DEFAULTS.sphere,
  angles: RELAX_DEFAULTS.angles,
  conservative,
  equilibriumPreserving,
  projection,
});
const ex = new Float64Array(n ** 3);
const M = maxwellian(grid, 1, [0, 0, 0], 1);
const { axis } = grid;
console.log(
  `n=${n} L=${grid.L} R=${grid.R} ${conservative ? `P (${projection})` : "no P"}, ${equilibriumPreserving ? "Q(f) - Q(M[f])" : "plain Q"}, dt=${dt}`,
);
for (let k = 1; k <= 250; k++) {
  solver.step(f, dt);
  if (![25, 50, 100, 150, 250].includes(k)) continue;
  const t = k * dt;
  bkw.sample(grid, t, ex);
  let eIn = 0;
  let eOut = 0;
  let mass = 0;
  let energy = 0;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let l = 0; l < n; l++, idx++) {
        const r = Math.hypot(axis[i], axis[j], axis[l]);
        const e = Math.abs(f[idx] - ex[idx]);
        if (r < 5) eIn = Math.max(eIn, e);
        else eOut = Math.max(eOut, e);
        if (r > grid.L) {
          mass += (f[idx] - M[idx]) * grid.dv;
          energy += 0.5 * r * r * (f[idx] - M[idx]) * grid.dv;
        }
      }
  console.log(
    `t=${t.toFixed(1)} error |v|<5 ${eIn.toExponential(2)}, |v|>=5 ${eOut.toExponential(2)}; f - M in |v| > L: mass ${mass.toExponential(2)}, energy ${energy.toExponential(2)}`,
  );
}
