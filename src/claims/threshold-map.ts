import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { RuleError } from "../math/errors.ts";
import { type Criterion, threshold } from "./thresholds.ts";

/**
 * The thresholds over a grid of (s, s0) in the allowed triangle max(s0, 3/4) < s < 1, 0 ≤ s0 < 1:
 * s at the n midpoints of (3/4, 1), s0 at the n midpoints of [0, 1); cells with s0 ≥ s are outside.
 * Each cell holds log10 M* per criterion (the upper end Mhi of the bracket; for `strong` beyond
 * 10^100, log10 log10 M* from the asymptotic law instead). Fast settings: tube cut-off 20, grid step
 * 2 decades, bisection on the lattice log10 M ∈ ℤ/64 (cells share memoized norms).
 */
export interface MapOptions {
  readonly n: number;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants?: Partial<ConstructionConstants>;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`; docs/kernels.md). */
  readonly kernel?: string;
  readonly criteria?: readonly Criterion[];
  readonly onCell?: (done: number, total: number) => void;
}

/** One cell of the map: the threshold of one criterion at one (s, s0). */
export interface MapCell {
  readonly s: number;
  readonly s0: number;
  readonly criterion: Criterion;
  /** log10 of the smallest M found where the criterion holds (null when beyond or not found). */
  readonly log10M: number | null;
  /** log10 of the largest M found below it where it fails (the bracket's lower end), if any. */
  readonly log10Mfail: number | null;
  /** log10 log10 M* from the asymptotic law, for `strong` beyond the direct range. */
  readonly log10Log10M: number | null;
}

export const MAP_SEARCH = { gridStep: 2, tubeCutoff: 20, lattice: 64 } as const;

/**
 * One row of the map: the cells of one s0 (its s values in increasing order), with the map's
 * settings; plain data, so a worker pool can run {@link thresholdMapRow} on it.
 */
export interface MapRow {
  readonly s0: number;
  readonly ss: readonly number[];
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants?: Partial<ConstructionConstants>;
  readonly kernel?: string;
  readonly criteria: readonly Criterion[];
}

/**
 * The rows of the n × n map (n an integer in [2, 64], else a {@link RuleError}): s0 at the n
 * midpoints of [0, 1), each with the midpoints s of (3/4, 1) that satisfy s > max(s0, 3/4); rows
 * with no cell are left out. {@link thresholdMap} is {@link thresholdMapRow} over these, in order.
 */
export function thresholdMapRows(o: Omit<MapOptions, "onCell">): MapRow[] {
  if (!(Number.isInteger(o.n) && o.n >= 2 && o.n <= 64))
    throw new RuleError("the map's grid size must be an integer in [2, 64]", `got ${o.n}`);
  const criteria = o.criteria ?? ["weak", "strong"];
  const rows: MapRow[] = [];
  for (let j = 0; j < o.n; j++) {
    const s0 = (j + 0.5) / o.n;
    const ss: number[] = [];
    for (let i = 0; i < o.n; i++) {
      const s = 0.75 + (0.25 * (i + 0.5)) / o.n;
      if (s > Math.max(s0, 0.75)) ss.push(s);
    }
    if (ss.length > 0) {
      rows.push({
        s0,
        ss,
        cutoff: o.cutoff,
        variant: o.variant,
        constants: o.constants,
        kernel: o.kernel,
        criteria,
      });
    }
  }
  return rows;
}

/**
 * The cells of one {@link MapRow}: for each s, then each criterion, one {@link threshold} search
 * with the map's fast settings {@link MAP_SEARCH}. `onCell` after each cell.
 */
export function thresholdMapRow(row: MapRow, onCell?: () => void): MapCell[] {
  const out: MapCell[] = [];
  const { s0 } = row;
  for (const s of row.ss) {
    for (const criterion of row.criteria) {
      const r = threshold(
        criterion,
        {
          s,
          s0,
          cutoff: row.cutoff,
          variant: row.variant,
          constants: row.constants,
          kernel: row.kernel,
        },
        MAP_SEARCH,
      );
      out.push({
        s,
        s0,
        criterion,
        log10M: r.Mhi !== null ? Math.log10(r.Mhi) : null,
        log10Mfail: r.Mfail !== null ? Math.log10(r.Mfail) : null,
        log10Log10M: r.log10Log10M ?? null,
      });
      onCell?.();
    }
  }
  return out;
}

/** The number of cells (times criteria) of the rows. */
export function mapCellCount(rows: readonly MapRow[]): number {
  return rows.reduce((k, r) => k + r.ss.length * r.criteria.length, 0);
}

/**
 * The threshold M* of each criterion on an n × n grid of cell centres over
 * (s, s0) ∈ (3/4, 1) × (0, 1) (n an integer in [2, 64], else a {@link RuleError}), one
 * {@link threshold} search per cell and criterion, in this thread; {@link mapCsv} writes the cells
 * as CSV. On worker threads: `thresholdMapParallel` of `boltzlab/parallel` (the same cells).
 */
export function thresholdMap(o: MapOptions): MapCell[] {
  const rows = thresholdMapRows(o);
  const total = mapCellCount(rows);
  let done = 0;
  return rows.flatMap((row) => thresholdMapRow(row, () => o.onCell?.(++done, total)));
}

/** CSV of the cells (one line per cell and criterion). */
export function mapCsv(cells: readonly MapCell[]): string {
  const head = "s,s0,criterion,log10M,log10Mfail,log10Log10M";
  const line = (c: MapCell) =>
    [c.s, c.s0, c.criterion, c.log10M ?? "", c.log10Mfail ?? "", c.log10Log10M ?? ""].join(",");
  return `${[head, ...cells.map(line)].join("\n")}\n`;
}
