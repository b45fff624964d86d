import type { Beam } from "../construction/beam/beam.ts";
import { beamAmplitude, beamBumpShape, makeBeam } from "../construction/beam/beam.ts";
import { beamSobolevNorm } from "../construction/beam/beam-norm.ts";
import { coreNorm } from "../construction/core/core-norm.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import {
  type ConstructionConstants,
  makeParameters,
} from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { type Estimate, estimate, exact } from "../math/estimate.ts";
import { fitPowerLaw } from "../math/power-fit.ts";
import type { DeflationCurve, TheoremRow } from "./theorem-row.ts";

/**
 * Theorem 1.1 for the approximate solutions f_a = f_r + f_b and g_a ≡ f_r(0):
 *   initial distance ‖e^{⟨v⟩²}(f_a(0) − g_a(0))‖ = ‖e^{⟨v⟩²} f_b(0)‖,
 *   final distance ‖f_a(T*) − g_a(T*)‖ = (‖f_r(T*) − f_r(0)‖² + ‖f_b(T*)‖²)^{1/2},
 *   ‖e^{⟨v⟩²} f_a(T*)‖ = (‖e^{⟨v⟩²} f_r(T*)‖² + ‖e^{⟨v⟩²} f_b(T*)‖²)^{1/2},
 * all in L²_v H^{s0}_x. The squares add exactly because f_r lives at |v| ≤ 1/N and f_b at
 * |v| ≥ 9/10 (disjoint velocity supports, the first step of the proof of Proposition 2.5).
 * f_r uses {@link coreNorm} (reduction to the centre with explicit bounds; any M), f_b uses
 * {@link beamSobolevNorm} (time-independent; overlaps enumerated for M ≤ 256).
 */
export interface TheoremOptions {
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /** The free constants (absent or partial: the paper's); see `construction/parameters/parameters.ts`. */
  readonly constants?: Partial<ConstructionConstants>;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`); docs/kernels.md. */
  readonly kernel?: string;
}

/** A beam for norms only: for M beyond the materialized lattice the lattice is not needed. */
export function normBeam(
  M: number,
  s: number,
  s0: number,
  p: number | undefined,
  cutoff: string,
  variant: Variant,
  constants?: Partial<ConstructionConstants>,
  kernel?: string,
): Beam {
  const params = makeParameters({ M, s, s0, p, constants, kernel });
  const chi = cutoffByName(cutoff);
  if (M <= 256) return makeBeam(params, chi, variant);
  const small = makeBeam(makeParameters({ M: 2, s, s0, p, constants, kernel }), chi, variant);
  return {
    ...small,
    params,
    amplitude: beamAmplitude(params),
    tube: { M, cutoff: chi, scale: 1 },
    bump: beamBumpShape(params, chi, variant),
  };
}

function hypot(a: Estimate, b: Estimate): Estimate {
  const v = Math.hypot(a.value, b.value);
  const err = v > 0 ? (a.value * a.error + b.value * b.error) / v : a.error + b.error;
  return estimate(v, err, "derived", "(a² + b²)^{1/2}");
}

const rowCache = new Map<string, TheoremRow>();
let recording = false;
const computed: [string, TheoremRow][] = [];

function rowKey(M: number, opts: Omit<TheoremOptions, "Ms">): string {
  const c = opts.constants;
  const key: unknown[] = [M, opts.s, opts.s0, opts.p ?? null, opts.cutoff, opts.variant];
  if (c && Object.values(c).some((x) => x !== undefined))
    key.push(makeParameters({ M, s: opts.s, s0: opts.s0, p: opts.p, constants: c }).constants);
  if (opts.kernel !== undefined && opts.kernel !== "hard-sphere") key.push(`kernel ${opts.kernel}`);
  return JSON.stringify(key);
}

/** One row (memoized per M, s, s0, p, cutoff, variant: the claims and the table share rows). */
export function theoremRow(M: number, opts: Omit<TheoremOptions, "Ms">): TheoremRow {
  const key = rowKey(M, opts);
  const hit = rowCache.get(key);
  if (hit) return hit;
  const row = computeTheoremRow(M, opts);
  rowCache.set(key, row);
  if (recording) computed.push([key, row]);
  return row;
}

/** Empty this thread's row cache (tests compare fresh computations). */
export function clearTheoremRowCache(): void {
  rowCache.clear();
}

/** Whether the row for (M, opts) is already in this thread's cache. */
export function hasTheoremRow(M: number, opts: Omit<TheoremOptions, "Ms">): boolean {
  return rowCache.has(rowKey(M, opts));
}

/** Record newly computed rows (a pool worker does, so that its parent can reuse them). */
export function recordComputedRows(on: boolean): void {
  recording = on;
}

/** The rows computed since the last call (while recording), as [key, row] pairs; clears the list. */
export function takeComputedRows(): [string, TheoremRow][] {
  return computed.splice(0);
}

/** Put rows computed elsewhere (a pool worker) into this thread's cache; existing entries are kept. */
export function seedTheoremRows(entries: readonly (readonly [string, TheoremRow])[]): void {
  for (const [key, row] of entries) if (!rowCache.has(key)) rowCache.set(key, row);
}

function computeTheoremRow(M: number, opts: Omit<TheoremOptions, "Ms">): TheoremRow {
  const beam = normBeam(
    M,
    opts.s,
    opts.s0,
    opts.p,
    opts.cutoff,
    opts.variant,
    opts.constants,
    opts.kernel,
  );
  const T = beam.params.Tstar;
  const fr0w = coreNorm(beam, 0, { weighted: true, subtract: 0 }).norm;
  const frTw = coreNorm(beam, T, { weighted: true, subtract: 0 });
  const frT = coreNorm(beam, T, { weighted: false, subtract: 0 }).norm;
  const fr0 = coreNorm(beam, 0, { weighted: false, subtract: 0 }).norm;
  const frDiff = coreNorm(beam, T, { weighted: false, subtract: 1 }).norm;
  const fbw = beamSobolevNorm(beam, opts.s0, "gaussian");
  const fb = beamSobolevNorm(beam, opts.s0, "none");
  const finalDistance = hypot(frDiff, fb);
  const deflationValue = frT.value / fr0.value;
  const deflation = estimate(
    deflationValue,
    deflationValue * (frT.error / frT.value + fr0.error / fr0.value),
    "derived",
    "‖f_r(T*)‖/‖f_r(0)‖",
  );
  const separated =
    Number.isFinite(fbw.value) && finalDistance.value - finalDistance.error > fbw.value + fbw.error;
  return {
    M,
    Tstar: exact(T, "c_T M^{s−1} ln ln M"),
    initialDistance: fbw,
    finalDistance,
    weightedFinalNorm: hypot(frTw.norm, fbw),
    invLnM: exact(1 / Math.log(M), "1/ln M"),
    deflation,
    cutoff: opts.cutoff,
    variant: opts.variant,
    weightedCoreInitial: fr0w,
    weightedCoreFinal: frTw.norm,
    weightedBeam: fbw,
    exponent: frTw.lambda0,
    separated,
  };
}

/**
 * Theorem 1.1 measured, one {@link TheoremRow} per M: T* = M^{s−1} ln ln M, the initial distance
 * ‖e^{⟨v⟩²} f_b‖ in L²_v H^{s0}_x, the final distance at T* (‖f_r(T*) − f_r(0)‖ and ‖f_b‖ in
 * L²_v H^{s0}_x combined in quadrature), the deflation ‖f_r(T*)‖/‖f_r(0)‖, and whether the
 * separation is visible outside the error bars. Rows are cached per (M, options).
 *
 * @example
 * ```ts
 * import { theoremTable } from "boltzlab";
 * const [row] = theoremTable({ Ms: [8], s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" });
 * if (!(Math.abs(row.Tstar.value - 8 ** -0.2 * Math.log(Math.log(8))) < 1e-15)) throw new Error("example check failed");
 * if (!(row.deflation.value < 1)) throw new Error("example check failed"); // the core has lost mass to the beam by T*
 * ```
 */
export function theoremTable(opts: TheoremOptions): TheoremRow[] {
  return opts.Ms.map((M) => theoremRow(M, opts));
}

/** The M grid of the large-M table: 4, 8, 16, 32, 64, 128, 256, then 10^3 … 10^12 (as-in-proof only beyond 256). */
export function largeMGrid(variant: Variant): number[] {
  const small = [4, 8, 16, 32, 64, 128, 256];
  if (variant === "as-written") return small;
  const big: number[] = [];
  for (let k = 3; k <= 12; k++) big.push(10 ** k);
  return [...small, ...big];
}

/**
 * The deflation law: fit ‖f_r(T*)‖/‖f_r(0)‖ ≈ C (ln M)^{−γ} over the rows (least squares in
 * log–log of ln M), to compare with the paper's (2.39) which needs γ ≥ 1.
 */
export function deflationLaw(rows: readonly TheoremRow[]): { gamma: number; gammaError: number } {
  const fit = fitPowerLaw(
    rows.map((r) => ({ M: Math.log(r.M), value: r.deflation.value, error: r.deflation.error })),
  );
  return { gamma: -fit.exponent, gammaError: fit.exponentError };
}

/**
 * Smallest M on a grid (multiplying by `factor` from 4 up to `maxM`) at which the separation of
 * Theorem 1.1 is visible: final distance beyond initial distance, both outside their error bars.
 */
export function smallestSeparatingM(
  opts: Omit<TheoremOptions, "Ms">,
  maxM = 1e12,
  factor = 2,
): { M: number | null; row?: TheoremRow } {
  for (let M = 4; M <= maxM; M = Math.round(M * factor)) {
    if (opts.variant === "as-written" && M > 256) break;
    const row = theoremRow(M, opts);
    if (row.separated) return { M, row };
  }
  return { M: null };
}

/** ‖e^{⟨v⟩²} f_r(t)‖ and ‖e^{⟨v⟩²} f_b(t)‖ on a grid of [0, T*] ((1.14)–(1.15)). */
export function deflationCurve(
  M: number,
  opts: Omit<TheoremOptions, "Ms">,
  points = 17,
): DeflationCurve {
  const beam = normBeam(
    M,
    opts.s,
    opts.s0,
    opts.p,
    opts.cutoff,
    opts.variant,
    opts.constants,
    opts.kernel,
  );
  const T = beam.params.Tstar;
  const fb = beamSobolevNorm(beam, opts.s0, "gaussian");
  const t: number[] = [];
  const fr: Estimate[] = [];
  const fbs: Estimate[] = [];
  for (let i = 0; i < points; i++) {
    const ti = (T * i) / (points - 1);
    t.push(ti);
    fr.push(coreNorm(beam, ti, { weighted: true, subtract: 0 }).norm);
    fbs.push(fb);
  }
  return { M, t, fr, fb: fbs };
}
