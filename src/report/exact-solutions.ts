/**
 * Figures and a Markdown summary of `boltzlab exact` (Theorem 1.1 on the exact solutions) beside the
 * approximate picture: the corrections' lower bounds over time, and the distances at T* (initial,
 * approximate final, the exact final distance's lower bound). Written by `boltzlab exact --figures DIR`;
 * not part of `npm start` (the particle runs take minutes per M: opt-in).
 */
import { type LinePoint, lineChartSvg } from "./relax-plots.ts";

/**
 * Number the series in order of appearance ("1. …", "2. …"): Plot orders its colours by the sorted
 * series names while the legend lists them as they appear, so the names must sort in that order.
 */
function numbered(points: LinePoint[]): LinePoint[] {
  const order = new Map<string, number>();
  for (const p of points) if (!order.has(p.series)) order.set(p.series, order.size + 1);
  return points.map((p) => ({ ...p, series: `${order.get(p.series)}. ${p.series}` }));
}

/** What the figures read from the `exact --json` result (a structural subset). */
export interface ExactResultLike {
  readonly parameters: {
    readonly construction: string;
    readonly replicas: number;
    readonly seed: number;
  };
  readonly rows: readonly {
    readonly M: number;
    readonly Tstar: number;
    readonly f: ExactSolutionLike | null;
    readonly g: ExactSolutionLike | null;
    readonly theorem: {
      readonly initialDistance: { readonly value: number };
      readonly approximateFinalDistance: { readonly value: number };
      readonly finalLowerBound: { readonly value: number; readonly error: number } | null;
      readonly finalLowerBoundConservative: number | null;
      readonly separation: string;
      readonly reason: string;
    };
  }[];
}

/** One merged solution of a row. */
export interface ExactSolutionLike {
  readonly overlapLowerBounds: readonly (number | null)[];
  readonly points: readonly {
    readonly t: number;
    readonly projectionLowerBound: number | null;
    readonly totalVariation: { readonly value: number };
  }[];
}

/** Lower bounds of ‖f_c(t)‖_{L²} and ‖g_c(t)‖_{L²} (log scale) against t/T*, one line per M and bound. */
export function correctionFigure(result: ExactResultLike): string {
  const pts: LinePoint[] = [];
  for (const row of result.rows) {
    for (const sol of ["f", "g"] as const) {
      const m = row[sol];
      if (!m) continue;
      m.points.forEach((p, i) => {
        const cs = m.overlapLowerBounds[i];
        if (cs !== null && cs > 0)
          pts.push({
            x: p.t / row.Tstar,
            y: cs,
            series: `‖${sol}_c‖ ≥ |⟨${sol}_c, ψ⟩|/‖ψ‖, M = ${row.M}`,
          });
        if (p.projectionLowerBound !== null && p.projectionLowerBound > 0)
          pts.push({
            x: p.t / row.Tstar,
            y: p.projectionLowerBound,
            series: `‖${sol}_c‖ ≥ ‖P ${sol}_c‖, M = ${row.M}`,
          });
      });
    }
  }
  return lineChartSvg(numbered(pts), {
    title: `corrections (lower bounds), ${result.parameters.construction}`,
    x: "t / T*",
    y: "L² norm (lower bound)",
    logY: true,
  });
}

/** Distances at T* against M: initial (exact), approximate final, the exact final's lower bound. */
export function distanceFigure(result: ExactResultLike): string {
  const pts: LinePoint[] = [];
  for (const row of result.rows) {
    const th = row.theorem;
    pts.push({ x: row.M, y: th.initialDistance.value, series: "initial (exact)" });
    pts.push({
      x: row.M,
      y: th.approximateFinalDistance.value,
      series: "final, approximate",
    });
    if (th.finalLowerBoundConservative !== null && th.finalLowerBoundConservative > 0)
      pts.push({
        x: row.M,
        y: th.finalLowerBoundConservative,
        series: "final, exact ≥",
      });
  }
  return lineChartSvg(numbered(pts), {
    title: `Theorem 1.1 distances (L²_v H^s0_x), ${result.parameters.construction}`,
    x: "M",
    y: "distance",
    logY: true,
  });
}

/** A Markdown summary: one line per M with the verdict said plainly. */
export function exactMarkdown(result: ExactResultLike): string {
  const e = (x: number) => x.toExponential(2);
  const lines = [
    `Theorem 1.1 on the exact solutions (${result.parameters.construction}, ${result.parameters.replicas} replicas, seed ${result.parameters.seed}):`,
    "",
    "| M | initial (exact) | approximate final | exact final ≥ | separates? |",
    "|---|---|---|---|---|",
  ];
  for (const row of result.rows) {
    const th = row.theorem;
    const lb = th.finalLowerBound
      ? `${e(th.finalLowerBound.value)} ± ${e(th.finalLowerBound.error)}`
      : "n/a";
    lines.push(
      `| ${row.M} | ${e(th.initialDistance.value)} | ${e(th.approximateFinalDistance.value)} | ${lb} | ${th.separation} (${th.reason}) |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
