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
 * The threshold M* of each criterion on an n × n grid of cell centres over
 * (s, s0) ∈ (3/4, 1) × (0, 1) (n an integer in [2, 64], else a {@link RuleError}), one
 * {@link threshold} search per cell and criterion; {@link mapCsv} writes the cells as CSV.
 */
export function thresholdMap(o: MapOptions): MapCell[] {
  if (!(Number.isInteger(o.n) && o.n >= 2 && o.n <= 64))
    throw new RuleError("the map's grid size must be an integer in [2, 64]", `got ${o.n}`);
  const criteria = o.criteria ?? ["weak", "strong"];
  const cells: { s: number; s0: number }[] = [];
  for (let j = 0; j < o.n; j++) {
    const s0 = (j + 0.5) / o.n;
    for (let i = 0; i < o.n; i++) {
      const s = 0.75 + (0.25 * (i + 0.5)) / o.n;
      if (s > Math.max(s0, 0.75)) cells.push({ s, s0 });
    }
  }
  const out: MapCell[] = [];
  const total = cells.length * criteria.length;
  for (const { s, s0 } of cells) {
    for (const criterion of criteria) {
      const r = threshold(
        criterion,
        { s, s0, cutoff: o.cutoff, variant: o.variant, constants: o.constants, kernel: o.kernel },
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
      o.onCell?.(out.length, total);
    }
  }
  return out;
}

/** CSV of the cells (one line per cell and criterion). */
export function mapCsv(cells: readonly MapCell[]): string {
  const head = "s,s0,criterion,log10M,log10Mfail,log10Log10M";
  const line = (c: MapCell) =>
    [c.s, c.s0, c.criterion, c.log10M ?? "", c.log10Mfail ?? "", c.log10Log10M ?? ""].join(",");
  return `${[head, ...cells.map(line)].join("\n")}\n`;
}
