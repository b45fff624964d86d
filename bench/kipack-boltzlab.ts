/**
 * boltzlab's half of bench/kipack_compare.py (not a test): the same accuracy tests and the time per
 * Q evaluation, at each n given, on boltzlab's default domain (src/solvers/spectral/domain.ts) with
 * the default angular rule (RELAX_DEFAULTS: Lebedev degree 19, 73 directions; `--sphere product
 * --angles 6` for the previous default, 72 product-rule directions). One JSON line per n; fields as
 * in bench/kipack_compare.py. `seconds`: one serial Q (minimum of 3; `cpuSeconds` its process CPU
 * time, which a loaded machine disturbs less than the wall time); `secondsPool2`: the same on
 * the 2-thread pool of src/parallel/spectral-q-pool.ts (same bits).
 *
 * `--truncation staircase:K` (src/solvers/spectral/truncation.ts) uses that truncation on the domain
 * the rule chooses for it.
 *
 *   npx tsx bench/kipack-boltzlab.ts [n ...] [--sphere lebedev|product] [--angles P]
 *     [--truncation separated|staircase:K]
 */
import { SpectralQPool } from "../src/parallel/spectral-q-pool.ts";
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import type { SphereRuleName } from "../src/solvers/spectral/directions.ts";
import { chooseDomain, type DataScales } from "../src/solvers/spectral/domain.ts";
import { makeGrid, type VelocityGrid } from "../src/solvers/spectral/grid.ts";
import {
  bkwScales,
  maxwellian,
  maxwellianScales,
  twoBeam,
  twoBeamScales,
} from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi, type SpectralKernel } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { RELAX_DEFAULTS } from "../src/solvers/spectral/relaxation.ts";
import { parseTruncation, truncationName } from "../src/solvers/spectral/truncation.ts";
import { takeOption } from "./bench-args.ts";
import {
  anisotropy,
  bkwMeasures,
  maxwellianResidual,
  moment,
  twoBeamExact,
} from "./spectral-measures.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => takeOption(argv, name);
const sphere = (flag("--sphere") ?? RELAX_DEFAULTS.sphere) as SphereRuleName;
const angles = Number(
  flag("--angles") ?? (sphere === "lebedev" ? RELAX_DEFAULTS.angles : RELAX_DEFAULTS.productAngles),
);
const truncation = parseTruncation(flag("--truncation") ?? "separated");
const exact = twoBeamExact();

function run(
  s: DataScales,
  n: number,
  kernel: SpectralKernel,
  datum: (g: VelocityGrid) => Float64Array,
) {
  const d = chooseDomain(s, n, {}, truncation);
  const grid = makeGrid(n, d.L, d.R);
  const f = datum(grid);
  const Q = new Float64Array(n ** 3);
  const loss = new Float64Array(n ** 3);
  const op = new MouhotPareschi(grid, kernel, { sphere, angles, truncation });
  op.evaluate(f, Q, undefined, loss);
  return { grid, f, Q, loss, op };
}
/** Minimum over repeats of the wall seconds and of the process CPU seconds of fn. */
function minTimes(fn: () => void, repeats = 3): { wall: number; cpu: number } {
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall = Math.min(wall, (performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { wall, cpu };
}

for (const n of argv.map(Number)) {
  const a = run(maxwellianScales(1), n, "hard-sphere", (g) => maxwellian(g, 1, [0, 0, 0], 1));
  const bkw = new Bkw({ K0: 0.7 });
  const b = run(bkwScales(1, 0.7), n, "constant", (g) =>
    bkw.sample(g, 0, new Float64Array(g.n ** 3)),
  );
  const bkwM = bkwMeasures(b, bkw);
  const c = run(twoBeamScales(1, 0.5), n, "hard-sphere", (g) => twoBeam(g, 1, 0.5));
  const dA = moment(c.grid, c.Q, anisotropy);
  const A0 = moment(c.grid, c.f, anisotropy);
  const rhoC = moment(c.grid, c.f, () => 1);
  const fL = c.f.map((v, k) => v * c.loss[k]);
  const nu = moment(c.grid, fL, () => 1) / rhoC;
  const Qc = new Float64Array(n ** 3);
  const serial = minTimes(() => c.op.evaluate(c.f, Qc));
  const pool = SpectralQPool.open(c.grid, "hard-sphere", { sphere, angles, truncation }, 2);
  pool.evaluate(c.f, Qc); // warm-up (the threads fill their multiplier caches)
  const secondsPool2 = minTimes(() => pool.evaluate(c.f, Qc)).wall;
  await pool.close();
  console.log(
    JSON.stringify({
      code: "boltzlab",
      n,
      sphere,
      angles,
      truncation: truncationName(truncation),
      directions: a.op.directions,
      qmm: maxwellianResidual(a.f, a.Q, a.loss),
      L_maxwell: a.grid.L,
      R_maxwell: a.grid.R,
      bkwRate: bkwM.rateError,
      bkwQ: bkwM.residual,
      L_bkw: b.grid.L,
      beam: Math.abs(dA / exact.dAdt - 1),
      beamNormalized: dA / (nu * A0),
      nuBar: nu,
      dAdt: dA,
      L_beam: c.grid.L,
      R_beam: c.grid.R,
      seconds: serial.wall,
      cpuSeconds: serial.cpu,
      secondsPool2,
    }),
  );
}
