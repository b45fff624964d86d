import * as Plot from "@observablehq/plot";
import type { DeflationCurve } from "../../claims/theorem-row.ts";
import type { LegendEntry } from "../annotations.ts";
import { configurationLabel, rowConfiguration } from "../configuration.ts";
import { seriesColor } from "../palette.ts";
import { annotatedPlot } from "./annotated-plot.ts";
import { type LogPoint, logNotes, logPoints } from "./log-points.ts";

/** Band (error) and line marks of one curve. */
function curveMarks(points: readonly LogPoint[], color: string, dashed: boolean): Plot.Markish[] {
  return [
    Plot.areaY(points, { x: "x", y1: "lo", y2: "hi", fill: color, fillOpacity: 0.15 }),
    Plot.line(points, {
      x: "x",
      y: "value",
      stroke: color,
      strokeWidth: 1.6,
      strokeDasharray: dashed ? "6 4" : undefined,
    }),
  ];
}

/**
 * Norm deflation (1.14)–(1.16): ‖e^{⟨v⟩²} f_r(t)‖ (solid) and ‖e^{⟨v⟩²} f_b(t)‖ (dashed) in
 * L²_v H^{s0}_x against t ∈ [0, T*] for several M and configurations, log y axis, error bands
 * shaded; one colour per curve, its legend naming the configuration (cutoff, variant) and M.
 * Values ≤ 0 are skipped with a note.
 */
export function deflationFigure(curves: readonly DeflationCurve[]): string {
  const marks: Plot.Markish[] = [];
  const legend: LegendEntry[] = [];
  const notes: string[] = [];
  curves.forEach((c, k) => {
    const color = seriesColor(k);
    const fr = logPoints(c.t, c.fr);
    const fb = logPoints(c.t, c.fb);
    const label = `${c.cutoff !== undefined ? `${configurationLabel(rowConfiguration(c))}, ` : ""}M = ${c.M}`;
    marks.push(...curveMarks(fr.points, color, false), ...curveMarks(fb.points, color, true));
    legend.push({ label, color, swatch: "line" });
    notes.push(...logNotes(`${label}, f_r`, "t", fr), ...logNotes(`${label}, f_b`, "t", fb));
  });
  legend.push(
    { label: "‖e^{⟨v⟩²} f_r(t)‖", color: "#444", swatch: "line" },
    { label: "‖e^{⟨v⟩²} f_b(t)‖", color: "#444", swatch: "dashed" },
    { label: "± error", color: "#444", swatch: "band" },
  );
  return annotatedPlot({
    title: "Norm deflation: weighted L²_v H^{s0}_x norms of f_r and f_b on [0, T*] (1.14)–(1.16)",
    width: 760,
    height: Math.max(340, 60 + 16 * legend.length),
    x: { label: "t (each curve on its own [0, T*])", log: false },
    y: { label: "weighted norm in L²_v H^{s0}_x" },
    marks,
    legend,
    notes,
  });
}
