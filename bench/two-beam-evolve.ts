/**
 * Benchmark (not a test): the evolved two-beam datum (hard spheres, U = 1, T_b = 1/2, ρ = 1) with
 * `relax`'s stepper, printing the anisotropy A(t) = T_xx − (T_yy + T_zz)/2 and the temperature at
 * the given times, with the cost so far. With a fixed `--dt` the same for every run, the time
 * error is (to leading order) the same in each, so the difference between two n (or two boxes) at
 * equal dt is the spatial error of the evolved second moments: the evolved counterpart of the
 * one-Q two-beam rate of issue 17 (docs/spectral.md, "The rule against kipack on the solver's own
 * operator").
 *
 *   npx tsx bench/two-beam-evolve.ts n [--box L:R[:K]] [--dt 0.01] [--times 0.1,0.25,0.5,1]
 *   (one thread)
 */
import { chooseDomain } from "../src/solvers/spectral/domain.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { twoBeam, twoBeamScales } from "../src/solvers/spectral/initial-data.ts";
import {
  lebedevDegreeFor,
  RELAX_DEFAULTS,
  runRelaxation,
} from "../src/solvers/spectral/relaxation.ts";
import { SEPARATED, truncationName } from "../src/solvers/spectral/truncation.ts";
import { takeOption } from "./bench-args.ts";

const argv = process.argv.slice(2);
const box = takeOption(argv, "--box")?.split(":").map(Number);
const dt = Number(takeOption(argv, "--dt") ?? 0.01);
const times = (takeOption(argv, "--times") ?? "0.1,0.25,0.5,1").split(",").map(Number);
const n = Number(argv[0] ?? 32);

const d = box ? { L: box[0], R: box[1] } : chooseDomain(twoBeamScales(1, 0.5), n);
const truncation = box && box[2] > 1 ? { steps: box[2] } : SEPARATED;
const grid = makeGrid(n, d.L, d.R);
const want = new Set(times);
const c0 = process.cpuUsage();
const w0 = performance.now();
const r = runRelaxation(
  {
    kernel: "hard-sphere",
    grid,
    f0: twoBeam(grid, 1, 0.5),
    tEnd: Math.max(...times),
    dt,
    tol: RELAX_DEFAULTS.tol,
    scheme: RELAX_DEFAULTS.scheme,
    positivity: RELAX_DEFAULTS.positivity,
    sphere: RELAX_DEFAULTS.sphere,
    angles: lebedevDegreeFor(n),
    truncation,
    equilibriumPreserving: true,
    projection: RELAX_DEFAULTS.projection,
    bkw: null,
    outputTimes: times,
  },
  {
    onPoint(p) {
      if (!want.has(p.t)) return;
      const [tx, ty, tz] = p.temperature;
      const c = process.cpuUsage(c0);
      console.log(
        JSON.stringify({
          n,
          L: grid.L,
          R: grid.R,
          truncation: truncationName(truncation),
          dt,
          t: p.t,
          anisotropy: tx - (ty + tz) / 2,
          temperature: (tx + ty + tz) / 3,
          cpuSeconds: (c.user + c.system) / 1e6,
          wallSeconds: (performance.now() - w0) / 1e3,
        }),
      );
    },
  },
);
console.log(JSON.stringify({ n, done: true, steps: r.steps, evaluations: r.evaluations }));
