/**
 * A relaxation run of the spatially homogeneous equation ∂t f = Q(f,f) on a velocity grid: the
 * time loop of `boltzlab relax`, with the moments recorded after every step and the warnings a
 * reader of the result needs (it imports nothing from Node; files and printing live in cli/).
 *
 * Warnings (issue 9, item 9), each a one-line string also returned in `warnings`:
 * - the entropy H = ∫ f ln f rises between two steps by more than {@link ENTROPY_RISE_TOLERANCE}
 *   (relative to 1 + |H(0)|), or falls below the entropy of the equilibrium Maxwellian, which is
 *   its minimum under the conserved moments (H-theorem);
 * - the negative mass ∫ f₋ exceeds {@link NEGATIVE_MASS_TOLERANCE} of the mass. A spectral solution
 *   is not exactly ≥ 0: in its far tails it carries negative values at the level of its
 *   discretization error (measured: 5e-7 of the mass for BKW and 1.5e-6 for two-beam in default
 *   runs at n = 32, 2.9e-4 for two-beam at n = 16, where the entropy also misbehaves);
 * - (from the caller, `domain.ts`) the grid is too coarse for the requested accuracy.
 */
import { RuleError } from "../../math/errors.ts";
import type { Bkw } from "./bkw.ts";
import type { SphereRuleName } from "./directions.ts";
import type { VelocityGrid } from "./grid.ts";
import { type Moments, moments } from "./moments.ts";
import type { CollisionOperator, SpectralKernel } from "./mouhot-pareschi.ts";
import {
  HomogeneousSolver,
  type PositivityMode,
  type ProjectionWeight,
  type Scheme,
  type StepReport,
} from "./time-step.ts";
import type { Truncation } from "./truncation.ts";

/**
 * A rise of H larger than this (relative to 1 + |H(0)|) in one step is reported. H is summed over
 * f > 0, so tail values crossing zero make it jitter near equilibrium: measured rises 4e-8 (BKW,
 * n = 32, defaults, t ≈ 2, an accurate run) against 4e-5 for two-beam at n = 16 (inaccurate).
 */
export const ENTROPY_RISE_TOLERANCE = 1e-6;
/** A negative mass ∫ f₋ larger than this fraction of the mass is reported. */
export const NEGATIVE_MASS_TOLERANCE = 1e-5;

/**
 * Defaults of `boltzlab relax` (the CLI takes its option defaults from here). With them, at n = 32,
 * BKW stays within 1e-6 of the exact solution over t ∈ [0, 2] (test/solvers/spectral-evolution.test.ts).
 */
export const RELAX_DEFAULTS = {
  n: 32,
  scheme: "rk3" as Scheme,
  /**
   * Local error per step (max norm relative to max f). 1e-6 since 2026-12-06: at 1e-4 the evolved
   * BKW error at n = 32 was time error, 2–5× kipack's (docs/spectral.md, "Equilibrium preservation
   * and the evolved BKW error"); 1e-6 costs about 4× the Q evaluations.
   */
  tol: 1e-6,
  /** Angular rule (`directions.ts`): Lebedev, chosen over the product rule by measurement (docs/spectral.md). */
  sphere: "lebedev" as SphereRuleName,
  /** Its resolution: the Lebedev degree (19 → 73 directions). */
  angles: 19,
  /** The resolution M of the product rule when `--sphere product` is asked without `--angles` (72 directions). */
  productAngles: 6,
  positivity: "report" as PositivityMode,
  /** Weight of the conservative projection (`conservation.ts`, `time-step.ts`). */
  projection: "loss-frequency" as ProjectionWeight,
  /** Requested relative accuracy of Q (`domain.ts`): a warning when n, L, R cannot meet it. */
  accuracy: 1e-3,
};

/**
 * The default Lebedev degree for n points per axis: {@link RELAX_DEFAULTS}.angles (19, 73
 * directions) up to n = 32, 23 (97 directions, 1.3× the cost) from n = 64. Measured on the
 * two-beam Q against degree 31 on the rule's domain (docs/spectral.md, "The angular rule"): at
 * n = 32 degree 19 is at the domain's floor (1.55e-5 of max|Q|, degree 23 1.53e-5); at n = 64 its
 * angular error (1.5e-5) is the largest error of Q and degree 23 brings it to 1.2e-7. Not measured
 * beyond n = 64; `relax --check` estimates the angular error of any run.
 */
export function lebedevDegreeFor(n: number): number {
  return n >= 64 ? 23 : RELAX_DEFAULTS.angles;
}

/** Everything one homogeneous relaxation run ({@link runRelaxation}) needs: the kernel, the grid and datum, the time stepping and the outputs. */
export interface RelaxationSetup {
  readonly kernel: SpectralKernel;
  readonly grid: VelocityGrid;
  /** Initial grid values (not modified). */
  readonly f0: Float64Array;
  readonly tEnd: number;
  /** Fixed step, or null for adaptive steps with local tolerance `tol`. */
  readonly dt: number | null;
  readonly tol: number;
  readonly scheme: Scheme;
  readonly positivity: PositivityMode;
  /** Angular rule and its resolution (`directions.ts`). */
  readonly sphere: SphereRuleName;
  readonly angles: number;
  /** Truncation set (`truncation.ts`; default separated). */
  readonly truncation?: Truncation;
  readonly equilibriumPreserving: boolean;
  /** Weight of the conservative projection (`time-step.ts`; default {@link RELAX_DEFAULTS}.projection). */
  readonly projection?: ProjectionWeight;
  /** The exact BKW solution, when the datum is one (adds `errorMax` to every point). */
  readonly bkw: Bkw | null;
  /** Times in (0, tEnd) the steps must land on (each gets a series point). */
  readonly outputTimes?: readonly number[];
  /** A collision operator to use instead of an in-process one (e.g. the worker pool for n ≥ 32). */
  readonly operator?: CollisionOperator;
}

export interface SeriesPoint {
  t: number;
  mass: number;
  momentum: [number, number, number];
  energy: number;
  temperature: [number, number, number];
  entropy: number;
  /** ∫|v|⁴ f − 15 ρ T² (zero for a Maxwellian; the BKW solution has −15ρT²(1−K)²). */
  fourthMomentExcess: number;
  errorMax?: number;
  massError: number;
  momentumError: number;
  energyError: number;
  negativeCount: number;
  /** ∫ f₋ relative to the mass. */
  negativeMass: number;
  min: number;
}

/** What {@link runRelaxation} returns: the moment series, slices f(v_x, 0, 0) at the output times, the final grid values and the run's counters and warnings. */
export interface RelaxationResult {
  readonly series: SeriesPoint[];
  readonly slices: { t: number; values: number[] }[];
  readonly f: Float64Array;
  readonly steps: number;
  readonly rejectedSteps: number;
  readonly evaluations: number;
  readonly directions: number;
  readonly positivity: {
    mode: PositivityMode;
    maxNegativeCount: number;
    worstMin: number;
    worstMinAt?: [number, number, number];
    failures: { t: number; v: [number, number, number]; factor: number }[];
  };
  readonly conservation: { massError: number; momentumError: number; energyError: number };
  /** Entropy of the Maxwellian with the initial moments (the minimum of H). */
  readonly equilibriumEntropy: number;
  readonly warnings: string[];
}

export interface RelaxationHooks {
  /** Called with every new series point (the first at t = 0), e.g. to append it to a file. */
  onPoint?(p: SeriesPoint): void;
  /** Called after every step with the current time. */
  onProgress?(t: number): void;
}

/** ∫|v|⁴ f on the grid. */
function fourthMoment(grid: VelocityGrid, f: Float64Array): number {
  const { n, axis, dv } = grid;
  let s = 0;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = axis[i] ** 2 + axis[j] ** 2;
      for (let k = 0; k < n; k++, idx++) {
        const r2 = p + axis[k] ** 2;
        s += r2 * r2 * f[idx];
      }
    }
  return s * dv;
}

function negativeMass(grid: VelocityGrid, f: Float64Array, mass: number): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) if (f[i] < 0) s -= f[i];
  return (s * grid.dv) / mass;
}

/** H of the Maxwellian with mass ρ and temperature T: ρ ln(ρ (2πT)^{−3/2}) − 3ρ/2. */
export function maxwellianEntropy(rho: number, T: number): number {
  return rho * Math.log(rho * (2 * Math.PI * T) ** -1.5) - 1.5 * rho;
}

function seriesPoint(
  grid: VelocityGrid,
  f: Float64Array,
  t: number,
  m: Moments,
  m0: Moments,
  errorMax?: number,
): SeriesPoint {
  const pscale = m0.mass * Math.sqrt((2 * m0.energy) / m0.mass);
  const p: SeriesPoint = {
    t,
    mass: m.mass,
    momentum: m.momentum,
    energy: m.energy,
    temperature: m.temperatureTensor,
    entropy: m.entropy,
    fourthMomentExcess: fourthMoment(grid, f) - 15 * m.mass * m.temperature ** 2,
    massError: Math.abs(m.mass - m0.mass) / m0.mass,
    momentumError: Math.max(...m.momentum.map((v, a) => Math.abs(v - m0.momentum[a]))) / pscale,
    energyError: Math.abs(m.energy - m0.energy) / m0.energy,
    negativeCount: m.negativeCount,
    negativeMass: negativeMass(grid, f, m.mass),
    min: m.min,
  };
  if (errorMax !== undefined) p.errorMax = errorMax;
  return p;
}

/** f(v_x, 0, 0) along the x axis (the grid line through v = 0). */
export function sliceX(grid: VelocityGrid, f: Float64Array): number[] {
  const n = grid.n;
  const c = n >> 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f[(i * n + c) * n + c]);
  return out;
}

/** Run the relaxation from `setup.f0` to `setup.tEnd`. */
export function runRelaxation(
  setup: RelaxationSetup,
  hooks: RelaxationHooks = {},
): RelaxationResult {
  const { grid, bkw } = setup;
  if (!(setup.tEnd > 0)) throw new RuleError("t-end must be > 0", `got ${setup.tEnd}`);
  const f = setup.f0.slice();
  const n3 = grid.n ** 3;
  const solver = new HomogeneousSolver(grid, setup.kernel, {
    sphere: setup.sphere,
    angles: setup.angles,
    truncation: setup.truncation,
    scheme: setup.scheme,
    positivity: setup.positivity,
    equilibriumPreserving: setup.equilibriumPreserving,
    projection: setup.projection ?? RELAX_DEFAULTS.projection,
    operator: setup.operator,
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
  const Heq = maxwellianEntropy(m0.mass, m0.temperature);
  const first = seriesPoint(grid, f, 0, m0, m0, errorAt(0));
  const series: SeriesPoint[] = [first];
  hooks.onPoint?.(first);
  const slices = [{ t: 0, values: sliceX(grid, f) }];
  const warnings: string[] = [];
  const riseTol = ENTROPY_RISE_TOLERANCE * (1 + Math.abs(m0.entropy));
  let entropyRise: { t: number; by: number } | null = null;
  let belowEquilibrium: { t: number; H: number } | null = null;
  let negative: { t: number; mass: number } | null = null;
  let t = 0;
  let dt = setup.dt ?? Math.min(0.01, setup.tEnd / 10);
  let steps = 0;
  let rejected = 0;
  let maxNegative = 0;
  let worstMin = 0;
  let worstMinAt: [number, number, number] | undefined;
  const failures: { t: number; v: [number, number, number]; factor: number }[] = [];
  const nextSlice = [0.1, 0.25, 0.5, 1].map((x) => x * setup.tEnd);
  const stops = [
    ...(setup.outputTimes ?? []).filter((x) => x > 0 && x < setup.tEnd),
    setup.tEnd,
  ].sort((a, b) => a - b);
  while (t < setup.tEnd * (1 - 1e-12)) {
    while (stops.length > 1 && t >= stops[0] * (1 - 1e-12)) stops.shift();
    const stop = stops[0];
    const remaining = stop - t;
    let rep: StepReport;
    if (setup.dt !== null) {
      rep = solver.step(f, Math.min(setup.dt, remaining));
    } else {
      const a = solver.adaptiveStep(f, Math.min(dt, remaining), setup.tol, remaining);
      dt = a.dtNext;
      rejected += a.rejected;
      rep = a;
    }
    t = Math.abs(stop - (t + rep.dt)) < 1e-12 * setup.tEnd ? stop : t + rep.dt;
    steps++;
    if (rep.negativeCount > maxNegative) maxNegative = rep.negativeCount;
    if (rep.min < worstMin) {
      worstMin = rep.min;
      worstMinAt = rep.minAt;
    }
    if (rep.positivity && !rep.positivity.ok && rep.positivity.failure) {
      failures.push({ t, v: rep.positivity.failure.v, factor: rep.positivity.failure.factor });
    }
    const prev = series[series.length - 1];
    const p = seriesPoint(grid, f, t, moments(grid, f), m0, errorAt(t));
    series.push(p);
    hooks.onPoint?.(p);
    if (p.entropy - prev.entropy > riseTol && !entropyRise)
      entropyRise = { t, by: p.entropy - prev.entropy };
    if (p.entropy < Heq - riseTol && !belowEquilibrium) belowEquilibrium = { t, H: p.entropy };
    if (p.negativeMass > NEGATIVE_MASS_TOLERANCE && (!negative || p.negativeMass > negative.mass))
      negative = { t, mass: p.negativeMass };
    if (nextSlice.length && t >= nextSlice[0] * (1 - 1e-9)) {
      while (nextSlice.length && t >= nextSlice[0] * (1 - 1e-9)) nextSlice.shift();
      slices.push({ t, values: sliceX(grid, f) });
    }
    hooks.onProgress?.(t);
  }
  if (entropyRise)
    warnings.push(
      `entropy H = ∫ f ln f rose by ${entropyRise.by.toExponential(2)} in the step ending at t=${entropyRise.t.toPrecision(4)} (it must decay; tolerance ${ENTROPY_RISE_TOLERANCE} relative): the grid or the time step is too coarse`,
    );
  if (belowEquilibrium)
    warnings.push(
      `entropy H fell below its equilibrium value ${Heq.toPrecision(8)} (H=${belowEquilibrium.H.toPrecision(8)} at t=${belowEquilibrium.t.toPrecision(4)}), which the H-theorem forbids: the grid is too coarse for the data`,
    );
  if (negative)
    warnings.push(
      `negative mass ∫ f₋ reached ${negative.mass.toExponential(2)} of the mass at t=${negative.t.toPrecision(4)} (more than the discretization level ${NEGATIVE_MASS_TOLERANCE}; at most ${maxNegative} negative values): refine --n or use --positivity enforce`,
    );
  const max = (k: "massError" | "momentumError" | "energyError") =>
    Math.max(...series.map((p) => p[k]));
  return {
    series,
    slices,
    f,
    steps,
    rejectedSteps: rejected,
    evaluations: solver.evaluations,
    directions: solver.operator.directions,
    positivity: {
      mode: setup.positivity,
      maxNegativeCount: maxNegative,
      worstMin,
      worstMinAt,
      failures,
    },
    conservation: {
      massError: max("massError"),
      momentumError: max("momentumError"),
      energyError: max("energyError"),
    },
    equilibriumEntropy: Heq,
    warnings,
  };
}
