import * as Plot from "@observablehq/plot";
import type { Estimate } from "../../math/estimate.ts";
import type { LegendEntry } from "../annotations.ts";
import { seriesColor } from "../palette.ts";
import type { TheoremRow } from "../report-data.ts";
import { annotatedPlot } from "./annotated-plot.ts";
import { logNotes, logPoints } from "./log-points.ts";

/** The Theorem 1.1 quantities drawn, with their legend labels. */
export const THEOREM_SERIES: readonly { key: Exclude<keyof TheoremRow, "M">; label: string }[] = [
  { key: "Tstar", label: "T* = M^{s−1} ln ln M (2.9)" },
  { key: "initialDistance", label: "distance at t = 0" },
  { key: "finalDistance", label: "distance at T*" },
  { key: "weightedFinalNorm", label: "‖e^{⟨v⟩²} f_a(T*)‖ (1.16)" },
  { key: "invLnM", label: "1/ln M (bound in (1.16))" },
  { key: "deflation", label: "deflation ratio" },
];

/**
 * Theorem 1.1 against M on log–log axes: T*, the initial and final distances, the weighted final
 * norm of f_a with its bound 1/ln M, and the deflation ratio; error bars per point, one colour per
 * quantity. Values ≤ 0 are skipped with a note.
 */
export function theoremFigure(rows: readonly TheoremRow[]): string {
  const marks: Plot.Markish[] = [];
  const legend: LegendEntry[] = [];
  const notes: string[] = [];
  THEOREM_SERIES.forEach(({ key, label }, k) => {
    const color = seriesColor(k);
    const lp = logPoints(
      rows.map((r) => r.M),
      rows.map((r) => r[key] as Estimate),
    );
    marks.push(
      Plot.ruleX(lp.points, { x: "x", y1: "lo", y2: "hi", stroke: color, strokeWidth: 1.3 }),
      Plot.line(lp.points, { x: "x", y: "value", stroke: color, strokeWidth: 1.4 }),
      Plot.dot(lp.points, { x: "x", y: "value", fill: color, r: 3 }),
    );
    legend.push({ label, color, swatch: "line" });
    notes.push(...logNotes(label, "M", lp));
  });
  return annotatedPlot({
    title: "Theorem 1.1 quantities against M",
    width: 760,
    height: 360,
    x: { label: "M", log: true },
    marks,
    legend,
    notes,
    inset: 10,
  });
}
