/**
 * The evolved BKW solution (constant kernel, K₀ = 0.7, ρ = T = 1) on boltzlab's default domain and
 * angular rule, with or without the equilibrium-preserving correction Q(f) − Q(M[f])
 * (Filbet–Pareschi–Rey; `conservation.ts`): absolute max-norm error against the exact solution at
 * given times, with the cost so far (steps, Q evaluations, process CPU seconds, one thread). Not a
 * test: the figures of docs/spectral.md ("Equilibrium preservation and the evolved BKW error").
 *
 *   npx tsx bench/bkw-evolve.ts n [--plain] [--projection uniform|maxwellian]
 *     [--dt DT | --tol TOL] [--scheme rk2|rk3]
 *     [--times t1,t2,...] [--units boltzlab|kipack] [--where] [--box L:R[:K]]
 *
 * `--times` are on the clock of `--units` (default boltzlab; kipack's BKW rate is 1/6 against
 * boltzlab's 8π/15, so kipack's time t is boltzlab's t·5/(16π), the same K(t)); default 0.5,1,2.
 * `--where`: also the |v| of the largest error and the error of the discrete Maxwellian with the
 * final grid's moments against the exact Maxwellian (the corrected scheme's fixed point).
 * `--box L:R[:K]` replaces the default domain (K > 1: `--truncation staircase:K` on it).
 * One JSON line per time, then a summary line (steps, Q evaluations, the largest error over every
 * step of the run, CPU seconds).
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { discreteMaxwellian, rawMoments } from "../src/solvers/spectral/conservation.ts";
import { chooseDomain } from "../src/solvers/spectral/domain.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { bkwScales, maxwellian } from "../src/solvers/spectral/initial-data.ts";
import { RELAX_DEFAULTS, runRelaxation } from "../src/solvers/spectral/relaxation.ts";
import type { ProjectionWeight, Scheme } from "../src/solvers/spectral/time-step.ts";
import { SEPARATED, truncationName } from "../src/solvers/spectral/truncation.ts";
import { takeOption, takeSwitch } from "./bench-args.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => takeOption(argv, name);
const has = (name: string) => takeSwitch(argv, name);
const plain = has("--plain");
const where = has("--where");
const dtArg = flag("--dt");
const tol = Number(flag("--tol") ?? RELAX_DEFAULTS.tol);
const scheme = (flag("--scheme") ?? RELAX_DEFAULTS.scheme) as Scheme;
const units = flag("--units") ?? "boltzlab";
const projection = (flag("--projection") ?? RELAX_DEFAULTS.projection) as ProjectionWeight;
const KIPACK_PER_BOLTZLAB = (8 * Math.PI) / 15 / (1 / 6);
const clock = units === "kipack" ? 1 / KIPACK_PER_BOLTZLAB : 1;
const times = (flag("--times") ?? "0.5,1,2").split(",").map(Number);
const box = flag("--box")?.split(":").map(Number);
const n = Number(argv[0] ?? 32);

const bkw = new Bkw({ K0: 0.7 });
const d = box ? { L: box[0], R: box[1] } : chooseDomain(bkwScales(1, 0.7), n);
const truncation = box && box[2] > 1 ? { steps: box[2] } : SEPARATED;
const grid = makeGrid(n, d.L, d.R);
const tb = times.map((t) => t * clock);
const tEnd = Math.max(...tb);
const want = new Map(tb.map((t, i) => [t, times[i]]));
const c0 = process.cpuUsage();
let steps = 0;
const r = runRelaxation(
  {
    kernel: "constant",
    grid,
    f0: bkw.sample(grid, 0, new Float64Array(n ** 3)),
    tEnd,
    dt: dtArg ? Number(dtArg) : null,
    tol,
    scheme,
    positivity: RELAX_DEFAULTS.positivity,
    sphere: RELAX_DEFAULTS.sphere,
    angles: RELAX_DEFAULTS.angles,
    truncation,
    equilibriumPreserving: !plain,
    projection,
    bkw,
    outputTimes: tb,
  },
  {
    onPoint(p) {
      if (p.t > 0) steps++;
      const tu = want.get(p.t);
      if (tu === undefined) return;
      const c = process.cpuUsage(c0);
      const fMax = bkw.value(p.t, 0);
      console.log(
        JSON.stringify({
          n,
          L: grid.L,
          R: grid.R,
          correction: plain ? "plain" : "preserving",
          projection,
          truncation: truncationName(truncation),
          scheme,
          dt: dtArg ? Number(dtArg) : null,
          tol: dtArg ? null : tol,
          units,
          t: tu,
          tBoltzlab: p.t,
          K: bkw.K(p.t),
          errorAbs: p.errorMax,
          errorRel: (p.errorMax ?? Number.NaN) / fMax,
          steps,
          cpuSeconds: (c.user + c.system) / 1e6,
        }),
      );
    },
  },
);
console.log(
  JSON.stringify({
    n,
    done: true,
    steps: r.steps,
    evaluations: r.evaluations,
    errorMaxOverRun: Math.max(...r.series.map((p) => p.errorMax ?? 0)),
    cpuSeconds: (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6,
  }),
);
if (where) {
  const exact = bkw.sample(grid, tEnd, new Float64Array(n ** 3));
  const { axis } = grid;
  let e = 0;
  let at = 0;
  for (let i = 0; i < exact.length; i++) {
    const x = Math.abs(r.f[i] - exact[i]);
    if (x > e) {
      e = x;
      at = i;
    }
  }
  const ijk = [Math.floor(at / (n * n)), Math.floor(at / n) % n, at % n];
  const M = discreteMaxwellian(grid, rawMoments(grid, r.f), new Float64Array(n ** 3));
  const Mexact = maxwellian(grid, 1, [0, 0, 0], 1);
  let dm = 0;
  let fm = 0;
  for (let i = 0; i < M.length; i++) {
    dm = Math.max(dm, Math.abs(M[i] - Mexact[i]));
    fm = Math.max(fm, Math.abs(r.f[i] - M[i]));
  }
  console.log(
    JSON.stringify({
      maxErrorAt: ijk.map((q) => axis[q]),
      speedAtMaxError: Math.hypot(...ijk.map((q) => axis[q])),
      discreteMaxwellianVsExact: dm,
      fVsDiscreteMaxwellian: fm,
    }),
  );
}
