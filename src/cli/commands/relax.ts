/**
 * `boltzlab relax`: relaxation of a spatially homogeneous gas, ∂t f = Q(f,f), by the fast spectral
 * solver of src/solvers/spectral (Mouhot–Pareschi; conservative and equilibrium-preserving
 * correction; SSP Runge–Kutta). Prints and writes moments, temperature tensor, entropy and
 * conservation errors over time; with --out DIR also series.json, series.csv, series.jsonl
 * (appended as steps finish), final.json (grid file) and figures (SVG + PNG).
 * All input is validated before anything is written.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";
import { POOL_MIN_N, SpectralQPool } from "../../parallel/spectral-q-pool.ts";
import { svgToPng } from "../../report/png.ts";
import { lineChartSvg } from "../../report/relax-plots.ts";
import { BKW_RATE_CONSTANT_KERNEL, Bkw } from "../../solvers/spectral/bkw.ts";
import { LEBEDEV_DEGREES, type SphereRuleName } from "../../solvers/spectral/directions.ts";
import {
  chooseDomain,
  chooseDomainForMoments,
  type DataScales,
  type DomainChoice,
  fourthMomentErrorEstimate,
  momentErrorEstimate,
  momentErrorTerms,
  POINTWISE_SLACK,
  pointsForAccuracy,
  scalesFromGrid,
  type Tail,
  tailOutside,
} from "../../solvers/spectral/domain.ts";
import { describeGrid, makeGrid, type VelocityGrid } from "../../solvers/spectral/grid.ts";
import {
  bkwScales,
  gridFileJson,
  maxwellian,
  maxwellianScales,
  parseGridFile,
  requirePositive,
  twoBeam,
  twoBeamScales,
  validateGridValues,
} from "../../solvers/spectral/initial-data.ts";
import { GAIN_BLOCKS, MouhotPareschi } from "../../solvers/spectral/mouhot-pareschi.ts";
import {
  lebedevDegreeFor,
  RELAX_DEFAULTS,
  type RelaxationResult,
  type RelaxationSetup,
  runRelaxation,
  type SeriesPoint,
} from "../../solvers/spectral/relaxation.ts";
import type { PositivityMode, ProjectionWeight, Scheme } from "../../solvers/spectral/time-step.ts";
import {
  parseTruncation,
  SEPARATED,
  type Truncation,
  truncationName,
  truncationReach,
} from "../../solvers/spectral/truncation.ts";
import { parseChoice, parseInteger, parseNumber } from "../parse.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface RelaxOpts {
  kernel: string;
  n: string;
  init: string;
  tEnd?: string;
  dt?: string;
  tol: string;
  scheme: string;
  positivity: string;
  sphere: string;
  angles?: string;
  truncation: string;
  L?: string;
  R?: string;
  pointwiseSlack?: string;
  accuracy: string;
  check?: boolean;
  beamSpeed: string;
  beamTemperature: string;
  density: string;
  temperature: string;
  bkwK0: string;
  equilibriumPreserving: boolean;
  projection: string;
  out?: string;
  json?: boolean;
  progress: boolean;
  workers?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("relax")
    .description(
      "relax a spatially homogeneous gas with the fast spectral solver (Mouhot–Pareschi)",
    )
    .option("--kernel <name>", "hard-sphere | constant", "hard-sphere")
    .option("--n <n>", "grid points per axis (a power of two)", String(RELAX_DEFAULTS.n))
    .option(
      "--init <family|FILE>",
      "two-beam | bkw | maxwellian | FILE (boltzlab-grid-v1 JSON)",
      "two-beam",
    )
    .option("--t-end <t>", "final time (required)")
    .option("--dt <dt>", "fixed time step (default: adaptive)")
    .option(
      "--tol <tol>",
      "adaptive local error tolerance (max norm relative to max f)",
      String(RELAX_DEFAULTS.tol),
    )
    .option("--scheme <s>", "rk2 (SSP-RK2) | rk3 (SSP-RK3)", RELAX_DEFAULTS.scheme)
    .option("--positivity <mode>", "off | report | enforce", RELAX_DEFAULTS.positivity)
    .option(
      "--sphere <rule>",
      "angular rule: lebedev (Lebedev-Laikov) | product (Gauss-Legendre x trapezoid)",
      RELAX_DEFAULTS.sphere,
    )
    .option(
      "--angles <P>",
      `angular resolution: the Lebedev degree P (${LEBEDEV_DEGREES.join(", ")}; default ${RELAX_DEFAULTS.angles} up to n = 32, ${lebedevDegreeFor(64)} from n = 64) or the product rule's M, 2M^2 directions (default ${RELAX_DEFAULTS.productAngles})`,
    )
    .option(
      "--truncation <set>",
      "truncation of the relative velocities: separated (|x|,|y| <= R) | staircase:K (K rectangles inscribed in the disk, K FFTs per direction; docs/spectral.md)",
      "separated",
    )
    .option("--L <L>", "box half-width (default: chosen from the data and n, see docs/spectral.md)")
    .option("--R <R>", "truncation radius of relative velocities (default: chosen with L)")
    .option(
      "--pointwise-slack <s>",
      `choose L, R for second moments (temperatures, anisotropy): among the boxes whose estimated pointwise error of Q is within s times the best, the one with the smallest estimated moment error (s >= 1; ${POINTWISE_SLACK} is the documented choice; not for fourth moments or pointwise values; docs/spectral.md). Default: off`,
    )
    .option(
      "--accuracy <eps>",
      "requested relative accuracy of Q; a warning says when n, L, R cannot meet it",
      String(RELAX_DEFAULTS.accuracy),
    )
    .option(
      "--check",
      "rerun at n/2 and print the change of the final moments; with Lebedev directions also the change of Q(f0) with the degree two steps up",
    )
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
      "--projection <weight>",
      "weight of the conservative projection of Q: uniform (l2, Gamba-Tharkabhushanam) | maxwellian (weighted by the discrete Maxwellian M[f]) | loss-frequency (weighted by the loss frequency of M[f]: no correction where the truncated operator has no collision partners)",
      RELAX_DEFAULTS.projection,
    )
    .option(
      "--out <dir>",
      "write series.json, series.csv, series.jsonl, final.json and figures here",
    )
    .option("--json", "print the result as JSON on stdout")
    .option("--no-progress", "no progress bar on stderr");
  addWorkersOption(
    cmd,
    `worker threads for Q's directions when n >= ${POOL_MIN_N} (same bits as 1)`,
  ).action(async (opts: RelaxOpts) => {
    await relax(opts);
  });
}

/**
 * `runRelaxation` with Q on a pool of `workers` threads when the grid has n ≥ POOL_MIN_N (the
 * pool returns the serial bits, so only the time changes); in-process otherwise.
 */
async function relaxOn(
  s: RelaxationSetup,
  workers: number,
  hooks?: Parameters<typeof runRelaxation>[1],
): Promise<ReturnType<typeof runRelaxation>> {
  if (workers <= 1 || s.grid.n < POOL_MIN_N) return runRelaxation(s, hooks);
  const pool = SpectralQPool.open(
    s.grid,
    s.kernel,
    { sphere: s.sphere, angles: s.angles, truncation: s.truncation },
    workers,
  );
  try {
    return runRelaxation({ ...s, operator: pool }, hooks);
  } finally {
    await pool.close();
  }
}

interface Setup extends RelaxationSetup {
  init: string;
  scales: DataScales;
  domain: DomainChoice;
  /** --pointwise-slack (null: the pointwise rule). */
  pointwiseSlack: number | null;
  accuracy: number;
  /** The datum on a grid of n/2 points with its own domain (for --check), built lazily. */
  coarse: (() => { grid: VelocityGrid; f0: Float64Array; domain: DomainChoice }) | null;
}

/**
 * The domain for n points: the user's L/R where given, the rule of domain.ts for the rest (the
 * two-objective rule when a pointwise slack is given and neither L nor R is).
 */
function domainFor(
  scales: DataScales,
  n: number,
  trunc: Truncation,
  L?: number,
  R?: number,
  slack: number | null = null,
): DomainChoice {
  if (slack !== null && L === undefined && R === undefined)
    return chooseDomainForMoments(scales, n, slack, trunc);
  return chooseDomain(scales, n, { L, R }, trunc);
}

/** Parse and validate everything; throws RuleError before anything is written. */
function setup(o: RelaxOpts): Setup {
  const kernel = parseChoice("--kernel", o.kernel, ["hard-sphere", "constant"] as const);
  const n = parseInteger("--n", o.n, 4);
  if (o.tEnd === undefined) throw new RuleError("--t-end is required");
  const tEnd = requirePositive("--t-end", parseNumber("--t-end", o.tEnd));
  const dt = o.dt === undefined ? null : requirePositive("--dt", parseNumber("--dt", o.dt));
  const tol = requirePositive("--tol", parseNumber("--tol", o.tol));
  const accuracy = requirePositive("--accuracy", parseNumber("--accuracy", o.accuracy));
  const scheme: Scheme = parseChoice("--scheme", o.scheme, ["rk2", "rk3"] as const);
  const positivity: PositivityMode = parseChoice("--positivity", o.positivity, [
    "off",
    "report",
    "enforce",
  ] as const);
  const projection: ProjectionWeight = parseChoice("--projection", o.projection, [
    "uniform",
    "maxwellian",
    "loss-frequency",
  ] as const);
  const sphere: SphereRuleName = parseChoice("--sphere", o.sphere, ["lebedev", "product"] as const);
  const angles =
    o.angles === undefined
      ? sphere === "lebedev"
        ? lebedevDegreeFor(n)
        : RELAX_DEFAULTS.productAngles
      : parseInteger("--angles", o.angles, 1);
  if (sphere === "product" && angles > 64)
    throw new RuleError("--angles must be an integer in [1, 64]", `got ${angles}`);
  if (sphere === "lebedev" && !LEBEDEV_DEGREES.includes(angles))
    throw new RuleError(
      `--angles must be a Lebedev degree (${LEBEDEV_DEGREES.join(", ")}) with --sphere lebedev`,
      `got ${angles}`,
    );
  const truncation = parseTruncation(o.truncation, "--truncation");
  const L = o.L === undefined ? undefined : requirePositive("--L", parseNumber("--L", o.L));
  const R = o.R === undefined ? undefined : requirePositive("--R", parseNumber("--R", o.R));
  const slack =
    o.pointwiseSlack === undefined ? null : parseNumber("--pointwise-slack", o.pointwiseSlack);
  if (slack !== null && !(slack >= 1))
    throw new RuleError("--pointwise-slack must be >= 1", `got ${o.pointwiseSlack}`);
  if (slack !== null && (L !== undefined || R !== undefined))
    throw new RuleError("--pointwise-slack chooses L and R; omit --L and --R");
  const rho = requirePositive("--density", parseNumber("--density", o.density));
  const T = requirePositive("--temperature", parseNumber("--temperature", o.temperature));
  let bkw: Bkw | null = null;
  let scales: DataScales;
  let sample: ((g: VelocityGrid) => Float64Array) | null = null;
  let grid: VelocityGrid;
  let f0: Float64Array;
  let domain: DomainChoice;
  const init = o.init;
  if (init === "two-beam" || init === "maxwellian" || init === "bkw") {
    if (init === "two-beam") {
      const U = parseNumber("--beam-speed", o.beamSpeed);
      const Tb = requirePositive(
        "--beam-temperature",
        parseNumber("--beam-temperature", o.beamTemperature),
      );
      scales = twoBeamScales(U, Tb);
      sample = (g) => twoBeam(g, U, Tb);
    } else if (init === "maxwellian") {
      scales = maxwellianScales(T);
      sample = (g) => maxwellian(g, rho, [0, 0, 0], T);
    } else {
      if (kernel !== "constant") {
        throw new RuleError(
          "--init bkw is an exact solution only for --kernel constant",
          `got ${kernel}`,
        );
      }
      const b = new Bkw(
        { density: rho, temperature: T, K0: parseNumber("--bkw-k0", o.bkwK0) },
        BKW_RATE_CONSTANT_KERNEL,
      );
      bkw = b;
      scales = bkwScales(T, b.K0);
      sample = (g) => b.sample(g, 0, new Float64Array(g.n ** 3));
    }
    domain = domainFor(scales, n, truncation, L, R, slack);
    grid = makeGrid(n, domain.L, domain.R);
    f0 = sample(grid);
  } else {
    let text: string;
    try {
      text = readFileSync(init, "utf8");
    } catch (e) {
      throw new RuleError(
        "--init FILE must be a readable file or one of two-beam, bkw, maxwellian",
        `${init}: ${(e as Error).message}`,
      );
    }
    if (slack !== null)
      throw new RuleError(
        "--pointwise-slack needs a named initial datum (the box of a FILE is the file's)",
      );
    const file = parseGridFile(text, init);
    if (file.grid.n !== n)
      throw new RuleError("n in the grid file must equal --n", `file n=${file.grid.n}, --n ${n}`);
    if (L !== undefined && L !== file.grid.L)
      throw new RuleError("--L must equal L of the grid file (or be omitted)");
    scales = scalesFromGrid(file.grid, file.values);
    // R: the user's, else the one the file was written with, else the rule's for this L
    domain = domainFor(scales, n, truncation, file.grid.L, R ?? file.R);
    grid = makeGrid(n, domain.L, domain.R);
    f0 = file.values;
  }
  validateGridValues(f0, n, "initial data");
  const coarse =
    o.check && sample
      ? () => {
          const d = domainFor(scales, n / 2, truncation, L, R, slack);
          const g = makeGrid(n / 2, d.L, d.R);
          return { grid: g, f0: (sample as (g: VelocityGrid) => Float64Array)(g), domain: d };
        }
      : null;
  if (o.check && !sample)
    throw new RuleError(
      "--check needs a named initial datum (two-beam, bkw, maxwellian), not a FILE",
    );
  if (o.check && n < 8) throw new RuleError("--check needs --n >= 8 (it reruns at n/2)");
  return {
    kernel,
    grid,
    f0,
    init,
    tEnd,
    dt,
    tol,
    scheme,
    positivity,
    sphere,
    angles,
    truncation,
    equilibriumPreserving: o.equilibriumPreserving,
    projection,
    bkw,
    scales,
    domain,
    pointwiseSlack: slack,
    accuracy,
    coarse,
  };
}

/** The accuracy block every output carries (text and JSON). */
interface AccuracyReport {
  L: number;
  R: number;
  /** Chosen by the rule of domain.ts (true) or set by the user / the file (false). */
  chosen: boolean;
  /**
   * The rule's objective: "pointwise" (chooseDomain) or "second moments" (--pointwise-slack,
   * chooseDomainForMoments, with the slack).
   */
  objective: string;
  h: number;
  /** The truncation set (`separated` or `staircase:K`) and its reach (largest |g| kept). */
  truncationSet: string;
  reach: number;
  /** Radius of the trusted ball B_{R/2}: collisions inside it are neither truncated nor aliased. */
  trustedRadius: number;
  /** Mass and energy of the initial datum outside the trusted ball (fractions). */
  tail: Tail;
  /** Exponents of the error model (domain.ts) and e^{−E}, the estimated relative error of Q. */
  exponents: { truncation: number; aliasing: number; resolution: number; overall: number };
  estimatedError: number;
  /** The model's estimate of the relative error of a second moment of Q (momentErrorEstimate). */
  momentError: number;
  /**
   * The model's estimate of the relative error of a fourth moment of Q (fourthMomentErrorEstimate:
   * the second-moment terms plus the face term; a diagnostic, docs/spectral.md).
   */
  fourthMomentError: number;
  requestedAccuracy: number;
  /** Smallest n meeting the requested accuracy with this rule (null: none up to 256). */
  pointsNeeded: number | null;
  directions: number;
  angularResolution: string;
}

function accuracyReport(s: Setup, directions: number, L?: number, R?: number): AccuracyReport {
  const { grid, domain } = s;
  return {
    L: grid.L,
    R: grid.R,
    chosen: domain.chosen,
    objective:
      s.pointwiseSlack === null
        ? "pointwise"
        : `second moments (pointwise slack ${s.pointwiseSlack})`,
    h: grid.h,
    truncationSet: truncationName(s.truncation ?? SEPARATED),
    reach: truncationReach(s.truncation ?? SEPARATED, grid.R),
    trustedRadius: grid.R / 2,
    tail: tailOutside(grid, s.f0, grid.R / 2),
    exponents: domain.exponents,
    estimatedError: domain.estimatedError,
    momentError: momentErrorEstimate(domain.exponents),
    fourthMomentError: fourthMomentErrorEstimate(
      momentErrorTerms(s.scales, grid.n, grid.L, grid.R, s.truncation ?? SEPARATED),
    ),
    requestedAccuracy: s.accuracy,
    pointsNeeded: pointsForAccuracy(s.scales, s.accuracy, { L, R }, s.truncation),
    directions,
    angularResolution:
      s.sphere === "lebedev"
        ? `${directions} directions (Lebedev-Laikov rule of degree ${s.angles}, one of each antipodal pair)`
        : `${directions} directions (Gauss-Legendre x trapezoid product rule on the half sphere, M=${s.angles})`,
  };
}

const CSV_HEADER =
  "t,mass,px,py,pz,energy,Txx,Tyy,Tzz,entropy,fourthMomentExcess,errorMax,massError,momentumError,energyError,negativeCount,negativeMass,min";
function csvRow(p: SeriesPoint): string {
  return [
    p.t,
    p.mass,
    ...p.momentum,
    p.energy,
    ...p.temperature,
    p.entropy,
    p.fourthMomentExcess,
    p.errorMax ?? "",
    p.massError,
    p.momentumError,
    p.energyError,
    p.negativeCount,
    p.negativeMass,
    p.min,
  ].join(",");
}

/**
 * The angular error of Q on the initial datum, estimated a posteriori: max|Q_P − Q_P'| / max(f·ν)
 * with P the run's Lebedev degree, P' the degree two steps up in the table (same grid, L, R and
 * truncation) and f·ν the loss term of Q_P' (the scale of Q that stays finite at equilibrium,
 * where Q itself vanishes). An error estimate for the angular rule alone; `--check` prints it.
 */
function angularCheck(s: Setup): { degree: number; referenceDegree: number; maxChange: number } {
  const i = LEBEDEV_DEGREES.indexOf(s.angles);
  const ref = LEBEDEV_DEGREES[Math.min(LEBEDEV_DEGREES.length - 1, i + 2)];
  const n3 = s.grid.n ** 3;
  const loss = new Float64Array(n3);
  const q = (angles: number) => {
    const out = new Float64Array(n3);
    new MouhotPareschi(s.grid, s.kernel, {
      sphere: "lebedev",
      angles,
      truncation: s.truncation,
    }).evaluate(s.f0, out, undefined, loss);
    return out;
  };
  const a = q(s.angles);
  const b = q(ref);
  let d = 0;
  let m = 0;
  for (let k = 0; k < n3; k++) {
    d = Math.max(d, Math.abs(a[k] - b[k]));
    m = Math.max(m, Math.abs(s.f0[k] * loss[k]));
  }
  return { degree: s.angles, referenceDegree: ref, maxChange: d / m };
}

/** The moments --check compares: final temperature tensor, entropy, M₄ − 15ρT². */
function checkedMoments(p: SeriesPoint): Record<string, number> {
  return {
    Txx: p.temperature[0],
    Tyy: p.temperature[1],
    Tzz: p.temperature[2],
    entropy: p.entropy,
    fourthMomentExcess: p.fourthMomentExcess,
  };
}

async function relax(o: RelaxOpts): Promise<void> {
  const s = setup(o);
  const workers = parseWorkers(o.workers);
  const { grid } = s;
  // a grid file fixes n and L (and R when it stores one): only the named families can change them
  const family = ["two-beam", "maxwellian", "bkw"].includes(s.init);
  const userL = family ? (o.L === undefined ? undefined : Number(o.L)) : grid.L;
  const userR = family ? (o.R === undefined ? undefined : Number(o.R)) : grid.R;
  const out = o.out;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "series.jsonl"), "");
    writeFileSync(join(out, "series.csv"), `${CSV_HEADER}\n`);
  }
  const bar =
    o.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { format: "relax [{bar}] t={value}/{total} ETA {eta_formatted}", stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(s.tEnd, 0);
  const started = performance.now();
  const run = await relaxOn(s, workers, {
    onPoint: out
      ? (p) => {
          appendFileSync(join(out, "series.jsonl"), `${JSON.stringify(p)}\n`);
          appendFileSync(join(out, "series.csv"), `${csvRow(p)}\n`);
        }
      : undefined,
    onProgress: bar ? (t) => bar.update(Number(t.toPrecision(4))) : undefined,
  });
  bar?.stop();
  const elapsed = (performance.now() - started) / 1000;
  const accuracy = accuracyReport(s, run.directions, userL, userR);
  const warnings: string[] = [];
  if (accuracy.estimatedError > s.accuracy) {
    const e = accuracy.exponents;
    const worst = s.domain.chosen
      ? `the grid spacing h=${grid.h.toPrecision(3)} is too coarse for the data (L and R were chosen to balance truncation, aliasing and resolution; only n can improve all three)`
      : e.resolution <= Math.min(e.truncation, e.aliasing - 3)
        ? `the grid spacing h=${grid.h.toPrecision(3)} is too coarse for the data`
        : e.truncation <= e.aliasing - 3
          ? `the truncation radius R=${grid.R} is too small for the data's tails`
          : `the box L=${grid.L} is too small for R=${grid.R} and the data's tails (aliasing)`;
    warnings.push(
      `estimated relative error of Q ${accuracy.estimatedError.toExponential(1)} exceeds --accuracy ${s.accuracy}: ${worst}; ${accuracy.pointsNeeded ? `use --n ${accuracy.pointsNeeded}` : s.domain.chosen ? "no n <= 256 meets it" : "no n <= 256 meets it with this L and R; omit --L/--R to have them chosen"}`,
    );
  }
  warnings.push(...run.warnings);
  let check: Record<string, unknown> | undefined;
  if (s.coarse) {
    const c = s.coarse();
    const coarseRun = await relaxOn({ ...s, grid: c.grid, f0: c.f0 }, workers);
    const fine = checkedMoments(run.series[run.series.length - 1]);
    const coarse = checkedMoments(coarseRun.series[coarseRun.series.length - 1]);
    const difference: Record<string, number> = {};
    for (const k of Object.keys(fine)) difference[k] = Math.abs(fine[k] - coarse[k]);
    check = {
      n: c.grid.n,
      L: c.grid.L,
      R: c.grid.R,
      estimatedError: c.domain.estimatedError,
      final: coarse,
      difference,
      note: "difference between this run and the same run at n/2: an error estimate for the n/2 run, an upper estimate for this one when the error falls with n",
      ...(s.sphere === "lebedev" ? { angular: angularCheck(s) } : {}),
    };
  }
  const last = run.series[run.series.length - 1];
  const result = {
    kernel: s.kernel,
    n: grid.n,
    L: grid.L,
    R: grid.R,
    directions: run.directions,
    workers: grid.n >= POOL_MIN_N ? Math.min(workers, GAIN_BLOCKS) : 1,
    truncation: describeGrid(grid, s.truncation),
    accuracy,
    method:
      "Mouhot-Pareschi fast spectral method (Math. Comp. 2006), Carleman form with the disk integral in closed form; " +
      (s.projection === "maxwellian"
        ? "conservative projection weighted by the discrete Maxwellian M[f] (orthogonal in L2(1/M))"
        : s.projection === "loss-frequency"
          ? "conservative projection weighted by the loss frequency of M[f] (Gamba-Tharkabhushanam 2009 with weights)"
          : "conservative L2 projection (Gamba-Tharkabhushanam 2009)") +
      (s.equilibriumPreserving
        ? "; equilibrium-preserving Q(f) - Q(M[f]) (Filbet-Pareschi-Rey 2015)"
        : "") +
      `; ${s.scheme === "rk2" ? "SSP-RK2" : "SSP-RK3"} ${s.dt === null ? `adaptive (tol ${s.tol})` : `fixed dt=${s.dt}`}`,
    init: s.init,
    tEnd: s.tEnd,
    steps: run.steps,
    rejectedSteps: run.rejectedSteps,
    evaluations: run.evaluations,
    elapsedSeconds: elapsed,
    positivity: run.positivity,
    ...(s.bkw
      ? {
          bkw: {
            rate: s.bkw.rate,
            K0: s.bkw.K0,
            finalErrorMax: last.errorMax,
            errorMaxOverRun: Math.max(...run.series.map((p) => p.errorMax ?? 0)),
            exactFourthMomentExcess: -15 * s.bkw.rho * s.bkw.T ** 2 * (1 - s.bkw.K(s.tEnd)) ** 2,
          },
        }
      : {}),
    conservation: run.conservation,
    equilibriumEntropy: run.equilibriumEntropy,
    ...(check ? { check } : {}),
    warnings,
    series: run.series,
  };
  if (out) {
    writeFileSync(join(out, "series.json"), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(join(out, "final.json"), gridFileJson(grid, run.f));
    writeFigures(out, run.series, run.slices, grid);
  }
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(`${textReport(s, result, run, accuracy, check, elapsed, out)}\n`);
}

function textReport(
  s: Setup,
  result: { method: string; conservation: RelaxationResult["conservation"] },
  run: RelaxationResult,
  a: AccuracyReport,
  check: Record<string, unknown> | undefined,
  elapsed: number,
  out: string | undefined,
): string {
  const { grid } = s;
  const e = a.exponents;
  const lines = [
    `relax: ${s.kernel} kernel, init ${s.init}, ${describeGrid(grid, s.truncation)}`,
    `  domain ${a.chosen ? `chosen from the data and n for the ${a.objective} error (docs/spectral.md)` : "as given"}: L=${a.L}, R=${a.R}, h=${a.h.toPrecision(4)}; trusted ball |v| <= R/2 = ${a.trustedRadius.toPrecision(4)} (no truncation, no aliasing inside)`,
    `  tail of the initial datum outside the trusted ball: mass ${a.tail.mass.toExponential(2)}, energy ${a.tail.energy.toExponential(2)} (fractions)`,
    `  estimated relative error of Q ${a.estimatedError.toExponential(1)} = e^-${e.overall.toFixed(1)} (terms: truncation e^-${e.truncation.toFixed(1)} = ${Math.exp(-e.truncation).toExponential(1)}, aliasing e^-(${e.aliasing.toFixed(1)}-3) = ${Math.exp(3 - e.aliasing).toExponential(1)}, resolution e^-${e.resolution.toFixed(1)} = ${Math.exp(-e.resolution).toExponential(1)}); requested ${a.requestedAccuracy}${a.pointsNeeded ? `, met from n=${a.pointsNeeded} by the pointwise rule` : ""}`,
    `  estimated relative error of a second moment of Q (temperatures, anisotropy) ${a.momentError.toExponential(1)} (truncation + resolution^2 + aliasing; not for fourth moments); of a fourth moment (M4) ${a.fourthMomentError.toExponential(1)} (the same + the resolution error carried to the box faces by the arm R; a diagnostic, docs/spectral.md)`,
    `  angular resolution: ${a.angularResolution}`,
    `  ${result.method}`,
    `  ${run.steps} steps (${run.rejectedSteps} rejected), ${run.evaluations} Q evaluations, ${elapsed.toFixed(1)} s`,
    `       t        mass         energy      Txx       Tyy       Tzz       entropy     M4-15rhoT^2${s.bkw ? "  errorMax" : ""}`,
  ];
  const series = run.series;
  const every = Math.max(1, Math.floor(series.length / 12));
  series.forEach((p, i) => {
    if (i % every !== 0 && i !== series.length - 1) return;
    lines.push(
      `  ${p.t.toFixed(4).padStart(8)}  ${p.mass.toPrecision(10)}  ${p.energy.toPrecision(10)}  ${p.temperature.map((x) => x.toFixed(5)).join("  ")}  ${p.entropy.toFixed(7)}  ${p.fourthMomentExcess.toExponential(4)}${p.errorMax !== undefined ? `  ${p.errorMax.toExponential(2)}` : ""}`,
    );
  });
  const c = result.conservation;
  const pos = run.positivity;
  lines.push(
    `  conservation (max relative change): mass ${c.massError.toExponential(1)}, momentum ${c.momentumError.toExponential(1)}, energy ${c.energyError.toExponential(1)}`,
    `  positivity (${pos.mode}): at most ${pos.maxNegativeCount} negative values, min ${pos.worstMin.toExponential(2)}${pos.worstMinAt ? ` at v=(${pos.worstMinAt.map((x) => x.toFixed(2)).join(", ")})` : ""}${pos.failures.length ? `; correction failed ${pos.failures.length}× (first at t=${pos.failures[0].t.toFixed(4)}, v=(${pos.failures[0].v.map((x) => x.toFixed(2)).join(", ")}))` : ""}`,
  );
  if (check) {
    const d = check.difference as Record<string, number>;
    lines.push(
      `  check: same run at n=${check.n} (L=${check.L}, R=${check.R}); |change| of final ${Object.entries(
        d,
      )
        .map(([k, v]) => `${k} ${v.toExponential(1)}`)
        .join(", ")}`,
    );
    const ang = check.angular as ReturnType<typeof angularCheck> | undefined;
    if (ang)
      lines.push(
        `  check: angular error of Q(f0), Lebedev degree ${ang.degree} against ${ang.referenceDegree}: ${ang.maxChange.toExponential(1)} of max(f L), the loss term`,
      );
  }
  if (out)
    lines.push(
      `  wrote ${out}/series.json, series.csv, series.jsonl, final.json, anisotropy/entropy/slices .svg/.png`,
    );
  return lines.join("\n");
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
    writeFileSync(join(dir, `${name}.png`), svgToPng(svg, 1));
  }
}
