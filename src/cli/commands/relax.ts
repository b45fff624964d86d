/**
 * `boltzlab relax`: relaxation of a spatially homogeneous gas, ∂t f = Q(f,f), by the fast spectral
 * solver of src/solvers/spectral (Mouhot–Pareschi; conservative and equilibrium-preserving
 * correction; SSP Runge–Kutta). Prints and writes moments, temperature tensor, entropy and
 * conservation errors over time; with --out DIR also series.json, series.csv, series.jsonl
 * (appended as steps finish), final.json (grid file) and figures (SVG + PNG).
 * All input is validated before anything is written.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";
import { BKW_RATE_CONSTANT_KERNEL, Bkw } from "../../solvers/spectral/bkw.ts";
import { describeGrid, makeGrid, type VelocityGrid } from "../../solvers/spectral/grid.ts";
import {
  defaultHalfWidth,
  gridFileJson,
  maxwellian,
  readGridFile,
  requirePositive,
  twoBeam,
  validateGridValues,
} from "../../solvers/spectral/initial-data.ts";
import { type Moments, moments } from "../../solvers/spectral/moments.ts";
import type { SpectralKernel } from "../../solvers/spectral/mouhot-pareschi.ts";
import { lineChartSvg, svgToPng } from "../../solvers/spectral/plots.ts";
import {
  HomogeneousSolver,
  type PositivityMode,
  type Scheme,
} from "../../solvers/spectral/time-step.ts";
import { parseChoice, parseInteger, parseNumber } from "../parse.ts";

export interface SeriesPoint {
  t: number;
  mass: number;
  momentum: [number, number, number];
  energy: number;
  temperature: [number, number, number];
  entropy: number;
  errorMax?: number;
  massError: number;
  momentumError: number;
  energyError: number;
  negativeCount: number;
  min: number;
}

interface RelaxOpts {
  kernel: string;
  n: string;
  init: string;
  tEnd?: string;
  dt?: string;
  tol: string;
  scheme: string;
  positivity: string;
  angles: string;
  L?: string;
  beamSpeed: string;
  beamTemperature: string;
  density: string;
  temperature: string;
  bkwK0: string;
  equilibriumPreserving: boolean;
  out?: string;
  json?: boolean;
  progress: boolean;
}

export function register(program: Command): void {
  program
    .command("relax")
    .description(
      "relax a spatially homogeneous gas with the fast spectral solver (Mouhot–Pareschi)",
    )
    .option("--kernel <name>", "hard-sphere | constant", "hard-sphere")
    .option("--n <n>", "grid points per axis (a power of two)", "32")
    .option(
      "--init <family|FILE>",
      "two-beam | bkw | maxwellian | FILE (boltzlab-grid-v1 JSON)",
      "two-beam",
    )
    .option("--t-end <t>", "final time (required)")
    .option("--dt <dt>", "fixed time step (default: adaptive)")
    .option("--tol <tol>", "adaptive local error tolerance (max norm relative to max f)", "1e-3")
    .option("--scheme <s>", "rk2 (SSP-RK2) | rk3 (SSP-RK3)", "rk2")
    .option("--positivity <mode>", "off | report | enforce", "report")
    .option("--angles <M>", "angular resolution: 2M^2 directions", "4")
    .option("--L <L>", "box half-width (default from the initial data)")
    .option("--beam-speed <U>", "two-beam: beams at ±U e_x", "1")
    .option("--beam-temperature <T>", "two-beam: temperature of each beam", "0.5")
    .option("--density <rho>", "maxwellian/bkw density", "1")
    .option("--temperature <T>", "maxwellian/bkw temperature", "1")
    .option("--bkw-k0 <K>", "bkw: K at t = 0, in [0.6, 1)", "0.7")
    .option(
      "--no-equilibrium-preserving",
      "do not subtract Q(M[f]) (Maxwellians then drift at the spectral error)",
    )
    .option(
      "--out <dir>",
      "write series.json, series.csv, series.jsonl, final.json and figures here",
    )
    .option("--json", "print the result as JSON on stdout")
    .option("--no-progress", "no progress bar on stderr")
    .action(async (opts: RelaxOpts) => {
      await relax(opts);
    });
}

interface Setup {
  kernel: SpectralKernel;
  grid: VelocityGrid;
  f: Float64Array;
  init: string;
  tEnd: number;
  dt: number | null;
  tol: number;
  scheme: Scheme;
  positivity: PositivityMode;
  angles: number;
  bkw: Bkw | null;
}

/** Parse and validate everything; throws RuleError before anything is written. */
function setup(o: RelaxOpts): Setup {
  const kernel = parseChoice("--kernel", o.kernel, ["hard-sphere", "constant"] as const);
  const n = parseInteger("--n", o.n, 4);
  if (o.tEnd === undefined) throw new RuleError("--t-end is required");
  const tEnd = requirePositive("--t-end", parseNumber("--t-end", o.tEnd));
  const dt = o.dt === undefined ? null : requirePositive("--dt", parseNumber("--dt", o.dt));
  const tol = requirePositive("--tol", parseNumber("--tol", o.tol));
  const scheme = parseChoice("--scheme", o.scheme, ["rk2", "rk3"] as const);
  const positivity = parseChoice("--positivity", o.positivity, [
    "off",
    "report",
    "enforce",
  ] as const);
  const angles = parseInteger("--angles", o.angles, 1);
  if (angles > 64) throw new RuleError("--angles must be an integer in [1, 64]", `got ${angles}`);
  const L = o.L === undefined ? undefined : requirePositive("--L", parseNumber("--L", o.L));
  const rho = requirePositive("--density", parseNumber("--density", o.density));
  const T = requirePositive("--temperature", parseNumber("--temperature", o.temperature));
  let bkw: Bkw | null = null;
  let grid: VelocityGrid;
  let f: Float64Array;
  const init = o.init;
  if (init === "two-beam") {
    const U = parseNumber("--beam-speed", o.beamSpeed);
    const Tb = requirePositive(
      "--beam-temperature",
      parseNumber("--beam-temperature", o.beamTemperature),
    );
    grid = makeGrid(n, L ?? defaultHalfWidth(U, Tb, Tb + (U * U) / 3));
    f = twoBeam(grid, U, Tb);
  } else if (init === "maxwellian") {
    grid = makeGrid(n, L ?? defaultHalfWidth(0, T, T));
    f = maxwellian(grid, rho, [0, 0, 0], T);
  } else if (init === "bkw") {
    if (kernel !== "constant") {
      throw new RuleError(
        "--init bkw is an exact solution only for --kernel constant",
        `got ${kernel}`,
      );
    }
    bkw = new Bkw(
      { density: rho, temperature: T, K0: parseNumber("--bkw-k0", o.bkwK0) },
      BKW_RATE_CONSTANT_KERNEL,
    );
    grid = makeGrid(n, L ?? defaultHalfWidth(0, T, T));
    f = bkw.sample(grid, 0, new Float64Array(n ** 3));
  } else {
    const file = readGridFile(init);
    if (file.grid.n !== n)
      throw new RuleError("n in the grid file must equal --n", `file n=${file.grid.n}, --n ${n}`);
    if (L !== undefined && L !== file.grid.L)
      throw new RuleError("--L must equal L of the grid file (or be omitted)");
    grid = file.grid;
    f = file.values;
  }
  validateGridValues(f, n, "initial data");
  return { kernel, grid, f, init, tEnd, dt, tol, scheme, positivity, angles, bkw };
}

function point(t: number, m: Moments, m0: Moments, errorMax?: number): SeriesPoint {
  const pscale = m0.mass * Math.sqrt((2 * m0.energy) / m0.mass);
  const p: SeriesPoint = {
    t,
    mass: m.mass,
    momentum: m.momentum,
    energy: m.energy,
    temperature: m.temperatureTensor,
    entropy: m.entropy,
    massError: Math.abs(m.mass - m0.mass) / m0.mass,
    momentumError: Math.max(...m.momentum.map((v, a) => Math.abs(v - m0.momentum[a]))) / pscale,
    energyError: Math.abs(m.energy - m0.energy) / m0.energy,
    negativeCount: m.negativeCount,
    min: m.min,
  };
  if (errorMax !== undefined) p.errorMax = errorMax;
  return p;
}

const CSV_HEADER =
  "t,mass,px,py,pz,energy,Txx,Tyy,Tzz,entropy,errorMax,massError,momentumError,energyError,negativeCount,min";
function csvRow(p: SeriesPoint): string {
  return [
    p.t,
    p.mass,
    ...p.momentum,
    p.energy,
    ...p.temperature,
    p.entropy,
    p.errorMax ?? "",
    p.massError,
    p.momentumError,
    p.energyError,
    p.negativeCount,
    p.min,
  ].join(",");
}

async function relax(o: RelaxOpts): Promise<void> {
  const s = setup(o);
  const { grid, f, bkw } = s;
  const n3 = grid.n ** 3;
  const solver = new HomogeneousSolver(grid, s.kernel, {
    angles: s.angles,
    scheme: s.scheme,
    positivity: s.positivity,
    equilibriumPreserving: o.equilibriumPreserving,
  });
  const exactBuf = bkw ? new Float64Array(n3) : null;
  const errorAt = (t: number): number | undefined => {
    if (!bkw || !exactBuf) return undefined;
    bkw.sample(grid, t, exactBuf);
    let e = 0;
    for (let i = 0; i < n3; i++) e = Math.max(e, Math.abs(f[i] - exactBuf[i]));
    return e;
  };
  const m0 = moments(grid, f);
  const series: SeriesPoint[] = [point(0, m0, m0, errorAt(0))];
  const slices: { t: number; values: number[] }[] = [{ t: 0, values: sliceX(grid, f) }];
  const out = o.out;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "series.jsonl"), `${JSON.stringify(series[0])}\n`);
    writeFileSync(join(out, "series.csv"), `${CSV_HEADER}\n${csvRow(series[0])}\n`);
  }
  const bar =
    o.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: "relax [{bar}] t={value}/{total}", stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(s.tEnd, 0);
  const started = performance.now();
  let t = 0;
  let dt = s.dt ?? Math.min(0.01, s.tEnd / 10);
  let steps = 0;
  let rejected = 0;
  const positivityFailures: { t: number; v: [number, number, number]; factor: number }[] = [];
  let maxNegative = 0;
  let worstMin = 0;
  let worstMinAt: [number, number, number] | undefined;
  const nextSlice = [0.1, 0.25, 0.5, 1].map((x) => x * s.tEnd);
  while (t < s.tEnd * (1 - 1e-12)) {
    const remaining = s.tEnd - t;
    let rep: ReturnType<HomogeneousSolver["step"]>;
    if (s.dt !== null) {
      rep = solver.step(f, Math.min(s.dt, remaining));
    } else {
      const a = solver.adaptiveStep(f, Math.min(dt, remaining), s.tol, remaining);
      dt = a.dtNext;
      rejected += a.rejected;
      rep = a;
    }
    t = Math.abs(s.tEnd - (t + rep.dt)) < 1e-12 * s.tEnd ? s.tEnd : t + rep.dt;
    steps++;
    if (rep.negativeCount > maxNegative) maxNegative = rep.negativeCount;
    if (rep.min < worstMin) {
      worstMin = rep.min;
      worstMinAt = rep.minAt;
    }
    if (rep.positivity && !rep.positivity.ok && rep.positivity.failure) {
      positivityFailures.push({
        t,
        v: rep.positivity.failure.v,
        factor: rep.positivity.failure.factor,
      });
    }
    for (const v of f) {
      if (!Number.isFinite(v)) throw new Error(`non-finite value in f at t=${t}`);
    }
    const p = point(t, moments(grid, f), m0, errorAt(t));
    series.push(p);
    if (nextSlice.length && t >= nextSlice[0] * (1 - 1e-9)) {
      while (nextSlice.length && t >= nextSlice[0] * (1 - 1e-9)) nextSlice.shift();
      slices.push({ t, values: sliceX(grid, f) });
    }
    if (out) {
      appendFileSync(join(out, "series.jsonl"), `${JSON.stringify(p)}\n`);
      appendFileSync(join(out, "series.csv"), `${csvRow(p)}\n`);
    }
    bar?.update(Number(t.toPrecision(4)));
  }
  bar?.stop();
  const elapsed = (performance.now() - started) / 1000;
  const conservation = {
    massError: Math.max(...series.map((p) => p.massError)),
    momentumError: Math.max(...series.map((p) => p.momentumError)),
    energyError: Math.max(...series.map((p) => p.energyError)),
  };
  const result = {
    kernel: s.kernel,
    n: grid.n,
    L: grid.L,
    R: grid.R,
    S: grid.S,
    directions: solver.operator.directions,
    truncation: describeGrid(grid),
    method:
      "Mouhot-Pareschi fast spectral method (Math. Comp. 2006), Carleman form with the disk integral in closed form; conservative L2 projection (Gamba-Tharkabhushanam 2009)" +
      (o.equilibriumPreserving
        ? "; equilibrium-preserving Q(f) - Q(M[f]) (Filbet-Pareschi-Rey 2015)"
        : "") +
      `; ${s.scheme === "rk2" ? "SSP-RK2" : "SSP-RK3"} ${s.dt === null ? `adaptive (tol ${s.tol})` : `fixed dt=${s.dt}`}`,
    init: s.init,
    tEnd: s.tEnd,
    steps,
    rejectedSteps: rejected,
    evaluations: solver.evaluations,
    elapsedSeconds: elapsed,
    positivity: {
      mode: s.positivity,
      maxNegativeCount: maxNegative,
      worstMin,
      worstMinAt,
      failures: positivityFailures,
    },
    ...(bkw
      ? { bkw: { rate: bkw.rate, K0: bkw.K0, finalErrorMax: series[series.length - 1].errorMax } }
      : {}),
    conservation,
    series,
  };
  if (out) {
    writeFileSync(join(out, "series.json"), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(join(out, "final.json"), gridFileJson(grid, f));
    writeFigures(out, series, slices, grid);
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const lines = [
    `relax: ${s.kernel} kernel, ${describeGrid(grid)}`,
    `  ${solver.operator.directions} directions; ${result.method}`,
    `  ${steps} steps (${rejected} rejected), ${solver.evaluations} Q evaluations, ${elapsed.toFixed(1)} s`,
    "       t        mass         energy      Txx       Tyy       Tzz       entropy" +
      (bkw ? "     errorMax" : ""),
  ];
  const every = Math.max(1, Math.floor(series.length / 12));
  series.forEach((p, i) => {
    if (i % every !== 0 && i !== series.length - 1) return;
    lines.push(
      `  ${p.t.toFixed(4).padStart(8)}  ${p.mass.toPrecision(10)}  ${p.energy.toPrecision(10)}  ${p.temperature.map((x) => x.toFixed(5)).join("  ")}  ${p.entropy.toFixed(7)}${p.errorMax !== undefined ? `  ${p.errorMax.toExponential(2)}` : ""}`,
    );
  });
  lines.push(
    `  conservation (max relative change): mass ${conservation.massError.toExponential(1)}, momentum ${conservation.momentumError.toExponential(1)}, energy ${conservation.energyError.toExponential(1)}`,
    `  positivity (${s.positivity}): at most ${maxNegative} negative values, min ${worstMin.toExponential(2)}${worstMinAt ? ` at v=(${worstMinAt.map((x) => x.toFixed(2)).join(", ")})` : ""}${positivityFailures.length ? `; correction failed ${positivityFailures.length}× (first at t=${positivityFailures[0].t.toFixed(4)}, v=(${positivityFailures[0].v.map((x) => x.toFixed(2)).join(", ")}))` : ""}`,
  );
  if (out)
    lines.push(
      `  wrote ${out}/series.json, series.csv, series.jsonl, final.json, anisotropy/entropy/slices .svg/.png`,
    );
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** f(v_x, 0, 0) along the x axis (the grid line through v = 0). */
function sliceX(grid: VelocityGrid, f: Float64Array): number[] {
  const n = grid.n;
  const c = n >> 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f[(i * n + c) * n + c]);
  return out;
}

function writeFigures(
  dir: string,
  series: SeriesPoint[],
  slices: { t: number; values: number[] }[],
  grid: VelocityGrid,
): void {
  const aniso = series
    .map((p) => ({
      x: p.t,
      y: Math.abs(p.temperature[0] - 0.5 * (p.temperature[1] + p.temperature[2])),
      series: "|Txx − (Tyy+Tzz)/2|",
    }))
    .filter((p) => p.y > 0);
  const figs: [string, string][] = [];
  if (aniso.length > 1) {
    figs.push([
      "anisotropy",
      lineChartSvg(aniso, {
        title: "Anisotropy of the temperature tensor",
        x: "t",
        y: "|Txx − (Tyy+Tzz)/2|",
        logY: true,
      }),
    ]);
  }
  const Hmin = Math.min(...series.map((p) => p.entropy));
  figs.push([
    "entropy",
    lineChartSvg(
      series.map((p) => ({ x: p.t, y: p.entropy, series: "H" })),
      { title: `Entropy H = ∫ f ln f (min ${Hmin.toFixed(6)})`, x: "t", y: "H" },
    ),
  ]);
  const pts = slices.flatMap((s) =>
    s.values.map((y, i) => ({ x: grid.axis[i], y, series: `t = ${s.t.toPrecision(3)}` })),
  );
  figs.push(["slices", lineChartSvg(pts, { title: "Slices f(vx, 0, 0)", x: "vx", y: "f" })]);
  for (const [name, svg] of figs) {
    writeFileSync(join(dir, `${name}.svg`), svg);
    writeFileSync(join(dir, `${name}.png`), svgToPng(svg));
  }
}
