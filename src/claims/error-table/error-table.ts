import { type Beam, makeBeam } from "../../construction/beam/beam.ts";
import { cutoffByName } from "../../construction/geometry/cutoff.ts";
import {
  type ConstructionConstants,
  constantOverrides,
  makeConstants,
  makeParameters,
} from "../../construction/parameters/parameters.ts";
import type { Variant } from "../../construction/parameters/variant.ts";
import { RuleError } from "../../math/errors.ts";
import type { Estimate } from "../../math/estimate.ts";
import type { PowerFit, Sample } from "../../math/power-fit.ts";
import { judgeScaling, type Verdict } from "../verdict.ts";
import {
  type DuhamelWindow,
  type ErrorTermMeasure,
  type LogFactor,
  logFactorValue,
  type PaperBound,
  solutionOf,
  type TableTermId,
  Z_PART_LABELS,
  type ZPart,
} from "./error-term.ts";

/**
 * The Section 4 error table (Proposition 4.1, (4.3)): for each term F of F_err (4.1), each Z-norm
 * part (3.3) and each M, the Duhamel quantity
 *   prefactor × ‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} F(τ) dτ‖_{part}
 * on the window (0, T*) and its maximum over a grid of windows 0 ≤ t0 < t ≤ T* (the statement is
 * for every such window). Jobs are term × part × M; a job's result is one JSON record
 * ({@link JobRecord}, one line of the JSON Lines file written by `boltzlab errors`). Entries
 * (term × part across M) carry the values, the exponent fitted to the window maxima (with the
 * paper's log factor divided out first), the paper's exponent and a verdict.
 *
 * Verdicts (docs/design.md): every entry is an upper-bound statement. A value that is a sampled sup
 * (`lowerBound`) can show `inconsistent` (even the lower bound grows faster than the paper allows)
 * but not `consistent`: that needs a rigorous upper bound (`upperBound`, or value + error for values
 * that are not lower bounds) whose fit is within the slack of {@link judgeScaling}; otherwise the
 * verdict is `inconclusive` and the reason says why.
 */

/** Default window grid: t0, t ∈ {0, T* / 4, T* / 2, 3T* / 4, T*}, as fractions of T*. */
export const DEFAULT_WINDOW_FRACTIONS: readonly number[] = [0, 0.25, 0.5, 0.75, 1];

/**
 * A measure may declare a cheaper window grid (fractions of T*, containing 0 and 1) when a term is
 * costly; a job uses its fractions that are also on the requested grid (so a requested grid 0, 1
 * gives the window (0, T*) alone), and the grid actually used is recorded in every job record.
 */
export interface GridAwareMeasure extends Omit<ErrorTermMeasure, "term"> {
  /** A term of F_err (4.1) or of G_err (5.2) (error-term.ts `G_ERR_TERMS`). */
  readonly term: TableTermId;
  readonly windowFractions?: readonly number[];
}

const GRID_RULE = "window grid must be fractions of T* in [0, 1], containing 0 and 1";

/** Validate a window grid (sorted, unique, in [0, 1], containing 0 and 1). */
export function validateWindowFractions(fr: readonly number[]): number[] {
  if (fr.length < 2 || fr.some((f) => !Number.isFinite(f) || f < 0 || f > 1)) {
    throw new RuleError(GRID_RULE, `got ${fr.join(",")}`);
  }
  const out = [...new Set(fr)].sort((a, b) => a - b);
  if (out[0] !== 0 || out[out.length - 1] !== 1)
    throw new RuleError(GRID_RULE, `got ${fr.join(",")}`);
  return out;
}

/** All windows (t0, t) with t0 < t from the grid, (0, T*) first. */
export function windowsFor(fractions: readonly number[], Tstar: number): DuhamelWindow[] {
  const out: DuhamelWindow[] = [{ t0: 0, t: Tstar }];
  for (const a of fractions) {
    for (const b of fractions) {
      if (a < b && !(a === 0 && b === 1)) out.push({ t0: a * Tstar, t: b * Tstar });
    }
  }
  return out;
}

/** The parameters shared by every job of a run (they are part of each job's identity). */
export interface TableParameters {
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /** Requested window grid (fractions of T*). */
  readonly grid: readonly number[];
  /**
   * The construction's free constants that differ from the paper's (construction/parameters.ts);
   * absent or empty: the paper's. Records store them only when non-empty, so the paper's records
   * and keys are unchanged.
   */
  readonly constants?: Partial<ConstructionConstants>;
}

export interface ErrorJob {
  readonly index: number;
  readonly term: TableTermId;
  readonly part: ZPart;
  readonly M: number;
}

/** The jobs term × part × M in a fixed order (term, then part, then M); `index` is their position. */
export function errorJobs(
  terms: readonly TableTermId[],
  parts: readonly ZPart[],
  Ms: readonly number[],
): ErrorJob[] {
  const jobs: ErrorJob[] = [];
  for (const term of terms) {
    for (const part of parts) {
      for (const M of Ms) jobs.push({ index: jobs.length, term, part, M });
    }
  }
  return jobs;
}

/** Jobs of shard k/n: index ≡ k − 1 (mod n). */
export function shardJobs<T extends { index: number }>(
  jobs: readonly T[],
  k: number,
  n: number,
): T[] {
  return jobs.filter((j) => j.index % n === k - 1);
}

export const JOB_FORMAT = "boltzlab-errors-v1";

/** One window's result, as stored. */
export interface WindowRecord {
  readonly t0: number;
  readonly t: number;
  readonly value: Estimate;
  readonly upperBound?: Estimate;
  readonly where?: Record<string, unknown>;
}

/** One job's result: one line of the JSON Lines file. */
export interface JobRecord extends Omit<TableParameters, "grid"> {
  readonly format: typeof JOB_FORMAT;
  /**
   * Present (and "g") only on records of the G_err table of the second solution g_a ≡ f_r(0)
   * (5.2), (5.12); F_err records carry no such field (files written before it existed read as f).
   */
  readonly solution?: "g";
  readonly term: TableTermId;
  readonly part: ZPart;
  readonly M: number;
  readonly grid: readonly number[];
  readonly gridUsed: readonly number[];
  readonly Tstar: number;
  readonly paper: PaperBound;
  /** The window (0, T*). */
  readonly full: WindowRecord;
  /** The window of the grid with the largest value. */
  readonly sup: WindowRecord;
  /** Every window of the grid, (0, T*) first. */
  readonly windows: readonly WindowRecord[];
  readonly seconds: number;
}

/** The identity of a job record: two records with the same key are the same job. */
export function jobKey(r: {
  term: string;
  part: string;
  M: number;
  s: number;
  s0: number;
  p: number;
  cutoff: string;
  variant: string;
  grid: readonly number[];
  constants?: Partial<ConstructionConstants>;
}): string {
  const key: unknown[] = [r.term, r.part, r.M, r.s, r.s0, r.p, r.cutoff, r.variant, [...r.grid]];
  const c = constantOverrides(makeConstants(r.constants));
  if (Object.keys(c).length > 0) key.push(c);
  return JSON.stringify(key);
}

/** Whether a parsed JSON value is a job record (the checks a reader needs). */
export function isJobRecord(x: unknown): x is JobRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    r.format === JOB_FORMAT &&
    (r.solution === undefined || r.solution === "g") &&
    typeof r.term === "string" &&
    typeof r.part === "string" &&
    typeof r.M === "number" &&
    typeof r.s === "number" &&
    typeof r.s0 === "number" &&
    typeof r.p === "number" &&
    typeof r.cutoff === "string" &&
    typeof r.variant === "string" &&
    Array.isArray(r.grid) &&
    Array.isArray(r.windows) &&
    typeof r.full === "object" &&
    typeof r.sup === "object"
  );
}

/** The beam of a job's M (T* > 0 is required: M ≥ 3, since ln ln 2 < 0). */
export function beamForTable(M: number, params: TableParameters): Beam {
  const pr = makeParameters({
    M,
    s: params.s,
    s0: params.s0,
    p: params.p,
    ...(params.constants ? { constants: params.constants } : {}),
  });
  if (!(pr.Tstar > 0)) {
    throw new RuleError(
      "M must be >= 3 for the error table (T* = M^{s-1} ln ln M > 0)",
      `got M = ${M}`,
    );
  }
  return makeBeam(pr, cutoffByName(params.cutoff), params.variant);
}

/** A rigorous upper bound of one window's quantity, when there is one. */
export function rigorousUpper(w: { value: Estimate; upperBound?: Estimate }): number | undefined {
  if (w.upperBound) return w.upperBound.value + w.upperBound.error;
  if (w.value.lowerBound) return undefined;
  return w.value.value + w.value.error;
}

/**
 * Run one job: measure every window of the grid (the measure's own grid if it declares one) and
 * keep (0, T*) and the maximum. `beam` must be the beam of `job.M` with `params`.
 */
export function runErrorJob(
  job: ErrorJob,
  measure: GridAwareMeasure,
  beam: Beam,
  params: TableParameters,
): JobRecord {
  const t0 = Date.now();
  // a measure's cheaper grid is intersected with the requested one (both hold 0 and 1), so that
  // `--grid 0,1` computes the window (0, T*) alone for every term
  const gridUsed = measure.windowFractions
    ? validateWindowFractions(measure.windowFractions.filter((f) => params.grid.includes(f)))
    : [...params.grid];
  const T = beam.params.Tstar;
  const windows: WindowRecord[] = [];
  for (const w of windowsFor(gridUsed, T)) {
    const m = measure.measure(beam, w);
    windows.push({
      t0: w.t0,
      t: w.t,
      value: m.value,
      ...(m.upperBound ? { upperBound: m.upperBound } : {}),
      ...(m.where ? { where: m.where } : {}),
    });
  }
  let sup = windows[0];
  for (const w of windows) if (w.value.value > sup.value.value) sup = w;
  return {
    format: JOB_FORMAT,
    ...(solutionOf(job.term) === "g" ? { solution: "g" as const } : {}),
    term: job.term,
    part: job.part,
    M: job.M,
    s: params.s,
    s0: params.s0,
    p: params.p,
    cutoff: params.cutoff,
    variant: params.variant,
    ...constantsField(params.constants),
    grid: [...params.grid],
    gridUsed,
    Tstar: T,
    paper: measure.paper(params.s, params.s0, params.p),
    full: windows[0],
    sup: supRecord(windows, sup),
    windows,
    seconds: (Date.now() - t0) / 1000,
  };
}

/** `{ constants }` with the non-paper constants, or nothing for the paper's. */
export function constantsField(c: Partial<ConstructionConstants> | undefined): {
  constants?: Partial<ConstructionConstants>;
} {
  const o = constantOverrides(makeConstants(c));
  return Object.keys(o).length > 0 ? { constants: o } : {};
}

/**
 * The maximum over windows: the value of the largest window value; its upper bound is the largest
 * rigorous upper bound over all windows (present only if every window has one).
 */
function supRecord(windows: readonly WindowRecord[], best: WindowRecord): WindowRecord {
  let upper = 0;
  let allUpper = true;
  for (const w of windows) {
    const u = rigorousUpper(w);
    if (u === undefined) allUpper = false;
    else upper = Math.max(upper, u);
  }
  const needUpper = windows.some((w) => w.value.lowerBound || w.upperBound);
  return {
    t0: best.t0,
    t: best.t,
    value: best.value,
    ...(needUpper && allUpper
      ? {
          upperBound: {
            value: upper,
            error: 0,
            kind: "derived",
            method: "max over the window grid of each window's rigorous upper bound",
          } satisfies Estimate,
        }
      : {}),
    ...(best.where ? { where: best.where } : {}),
  };
}

/** One M's numbers in an entry. */
export interface EntryValue {
  readonly M: number;
  readonly Tstar: number;
  /** Window (0, T*). */
  readonly full: WindowSummary;
  /** Maximum over the window grid. */
  readonly sup: WindowSummary;
}

export interface WindowSummary {
  readonly t0: number;
  readonly t: number;
  readonly value: number;
  readonly error: number;
  readonly lowerBound?: boolean;
  readonly unconverged?: boolean;
  /** Rigorous upper bound, when known. */
  readonly upperBound?: number;
  readonly method: string;
}

export interface ExponentFit {
  readonly value: number;
  readonly error: number;
  /** The paper's log factor, divided out of the values before fitting. */
  readonly logFactorDividedOut: LogFactor;
  readonly localSlopes: readonly number[];
  readonly n: number;
}

/** One row of the table: term × norm across M. */
export interface ErrorTableEntry {
  readonly term: TableTermId;
  /** "g" for the entries of the G_err table (5.12); absent for F_err entries. */
  readonly solution?: "g";
  readonly norm: ZPart;
  readonly normLabel: string;
  readonly M: readonly number[];
  readonly values: readonly EntryValue[];
  /** Fit of the window maxima (values; for lower bounds, the fit of the lower bounds). */
  readonly fittedExponent: ExponentFit | null;
  /** Fit of the rigorous upper bounds of the window maxima, when every M has one. */
  readonly upperBoundExponent: ExponentFit | null;
  readonly paperExponent: number | null;
  readonly paperLogFactor: LogFactor | null;
  readonly paperText: string | null;
  readonly paperSource: string | null;
  readonly verdict: Verdict | "not measured";
  readonly reason: string;
  /** max/min over M of value / (M^α · log factor). */
  readonly impliedConstant: { readonly min: number; readonly max: number } | null;
  readonly gridUsed: readonly number[] | null;
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  readonly cutoff: string;
  readonly variant: Variant;
}

function summary(w: WindowRecord): WindowSummary {
  const u = rigorousUpper(w);
  return {
    t0: w.t0,
    t: w.t,
    value: w.value.value,
    error: w.value.error,
    ...(w.value.lowerBound ? { lowerBound: true } : {}),
    ...(w.value.unconverged ? { unconverged: true } : {}),
    ...(u !== undefined && (w.value.lowerBound || w.upperBound) ? { upperBound: u } : {}),
    method: w.value.method,
  };
}

function toFit(f: PowerFit, lf: LogFactor): ExponentFit | null {
  if (!Number.isFinite(f.exponent)) return null;
  return {
    value: f.exponent,
    error: f.exponentError,
    logFactorDividedOut: lf,
    localSlopes: f.localSlopes,
    n: f.n,
  };
}

/**
 * Assemble the entries term × part from job records (any order, possibly from several files;
 * duplicates of a job keep the first). Records whose parameters differ from `params` are ignored.
 * A term × part without any record reads `not measured`; `hasMeasure` says whether that is because
 * no measure exists yet.
 */
export function assembleEntries<T extends TableTermId>(
  records: readonly JobRecord[],
  terms: readonly T[],
  parts: readonly ZPart[],
  Ms: readonly number[],
  params: TableParameters,
  hasMeasure: (term: T, part: ZPart) => boolean,
): ErrorTableEntry[] {
  const byKey = new Map<string, JobRecord>();
  for (const r of records) {
    const k = jobKey(r);
    if (!byKey.has(k)) byKey.set(k, r);
  }
  const entries: ErrorTableEntry[] = [];
  for (const term of terms) {
    for (const part of parts) {
      const recs: JobRecord[] = [];
      for (const M of Ms) {
        const r = byKey.get(jobKey({ term, part, M, ...params }));
        if (r) recs.push(r);
      }
      entries.push(entryFrom(term, part, Ms, recs, params, hasMeasure(term, part)));
    }
  }
  return entries;
}

function entryFrom(
  term: TableTermId,
  part: ZPart,
  Ms: readonly number[],
  recs: readonly JobRecord[],
  params: TableParameters,
  measured: boolean,
): ErrorTableEntry {
  const base = {
    term,
    ...(solutionOf(term) === "g" ? { solution: "g" as const } : {}),
    norm: part,
    normLabel: Z_PART_LABELS[part],
    s: params.s,
    s0: params.s0,
    p: params.p,
    cutoff: params.cutoff,
    variant: params.variant,
  };
  if (recs.length === 0) {
    return {
      ...base,
      M: [],
      values: [],
      fittedExponent: null,
      upperBoundExponent: null,
      paperExponent: null,
      paperLogFactor: null,
      paperText: null,
      paperSource: null,
      verdict: "not measured",
      reason: measured
        ? `no results yet for M = ${Ms.join(", ")} (run the jobs, or merge their files with --in)`
        : "no measure for this term × part yet",
      impliedConstant: null,
      gridUsed: null,
    };
  }
  const paper = recs[0].paper;
  const lf = (M: number) => logFactorValue(paper.logFactor, M);
  const values: EntryValue[] = recs.map((r) => ({
    M: r.M,
    Tstar: r.Tstar,
    full: summary(r.full),
    sup: summary(r.sup),
  }));
  const samples: Sample[] = recs.map((r) => ({
    M: r.M,
    value: r.sup.value.value,
    error: r.sup.value.error,
  }));
  const uppers = recs.map((r) => rigorousUpper(r.sup));
  const anyLower = recs.some((r) => r.sup.value.lowerBound);
  const j = judgeScaling(samples, paper.exponent, "upper", lf);
  const missing = Ms.filter((M) => !recs.some((r) => r.M === M));
  const missingText = missing.length ? `; no results for M = ${missing.join(", ")}` : "";
  const logText =
    paper.logFactor === "none" ? "" : ` (values divided by ${paper.logFactor} before fitting)`;
  let verdict: Verdict;
  let reason: string;
  let upperFit: ExponentFit | null = null;
  if (!anyLower) {
    verdict = j.verdict;
    reason = `${j.reason}${logText}`;
  } else if (j.verdict === "inconsistent") {
    verdict = "inconsistent";
    reason = `even the sampled lower bounds grow faster than the paper allows: ${j.reason}${logText}`;
  } else if (uppers.some((u) => u === undefined)) {
    verdict = "inconclusive";
    const at = recs.filter((_, i) => uppers[i] === undefined).map((r) => r.M);
    reason = `values are sampled sups (lower bounds) without a rigorous upper bound at M = ${at.join(", ")}; lower bounds: ${j.reason}${logText}`;
  } else {
    const ju = judgeScaling(
      recs.map((r, i) => ({ M: r.M, value: uppers[i] as number, error: 0 })),
      paper.exponent,
      "upper",
      lf,
    );
    upperFit = toFit(ju.fit, paper.logFactor);
    if (ju.verdict === "consistent") {
      verdict = "consistent";
      reason = `rigorous upper bounds: ${ju.reason}; sampled lower bounds: ${j.reason}${logText}`;
    } else {
      verdict = "inconclusive";
      reason = `values are sampled lower bounds and the rigorous upper bounds do not fit within the slack (${ju.reason})${logText}`;
    }
  }
  const gridUsed = recs[0].gridUsed;
  return {
    ...base,
    M: recs.map((r) => r.M),
    values,
    fittedExponent: toFit(j.fit, paper.logFactor),
    upperBoundExponent: upperFit,
    paperExponent: paper.exponent,
    paperLogFactor: paper.logFactor,
    paperText: paper.text,
    paperSource: paper.source,
    verdict,
    reason: `${reason}${missingText}`,
    impliedConstant: { min: j.impliedConstantMin, max: j.impliedConstantMax },
    gridUsed,
  };
}
