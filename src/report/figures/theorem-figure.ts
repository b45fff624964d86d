import * as Plot from "@observablehq/plot";
import type { TheoremRow } from "../../claims/theorem-row.ts";
import type { Estimate } from "../../math/estimate.ts";
import type { LegendEntry } from "../annotations.ts";
import { configurationLabel, groupByConfiguration, rowConfiguration } from "../configuration.ts";
import { seriesColor } from "../palette.ts";
import { annotatedPlot } from "./annotated-plot.ts";
import { logNotes, logPoints } from "./log-points.ts";

/** The Theorem 1.1 quantities drawn, with their legend labels. */
export const THEOREM_SERIES: readonly {
  key:
    | "Tstar"
    | "initialDistance"
    | "weightedCoreInitial"
    | "finalDistance"
    | "weightedFinalNorm"
    | "invLnM"
    | "deflation";
  label: string;
}[] = [
  { key: "Tstar", label: "T* = M^{s−1} ln ln M (2.9)" },
  { key: "initialDistance", label: "distance at 0 = ‖e^{⟨v⟩²}f_b(0)‖" },
  { key: "weightedCoreInitial", label: "‖e^{⟨v⟩²}f_r(0)‖" },
  { key: "finalDistance", label: "distance at T*" },
  { key: "weightedFinalNorm", label: "‖e^{⟨v⟩²}f_a(T*)‖ (1.16)" },
  { key: "invLnM", label: "1/ln M (bound in (1.16))" },
  { key: "deflation", label: "deflation ‖f_r(T*)‖/‖f_r(0)‖" },
];

/** Dash patterns, one per configuration (the first solid). */
export const CONFIGURATION_DASHES = ["none", "7 4", "2 3", "10 3 2 3", "4 4", "12 4"] as const;

/** Legend swatch text for a dash pattern. */
function dashGlyph(k: number): string {
  return ["━━━", "━ ━ ━", "┅┅┅", "━ · ━", "╸╸╸", "━━ ━━"][k % 6];
}

/**
 * Theorem 1.1 against M on log–log axes, for each configuration (cutoff × variant) present in the
 * rows: T*, the initial distance ‖e^{⟨v⟩²}f_b(0)‖, ‖e^{⟨v⟩²}f_r(0)‖, the final distance, the
 * weighted final norm of f_a with its bound 1/ln M, and the deflation ratio. One path per
 * configuration and quantity, M increasing along it; colour = quantity, dash pattern =
 * configuration; error bars per point. Values ≤ 0 are skipped with a note.
 */
export function theoremFigure(rows: readonly TheoremRow[]): string {
  const marks: Plot.Markish[] = [];
  const legend: LegendEntry[] = [];
  const notes: string[] = [];
  const groups = groupByConfiguration(rows, rowConfiguration);
  const series = THEOREM_SERIES.filter(({ key }) => rows.some((r) => r[key] !== undefined));
  series.forEach(({ key, label }, k) => {
    const color = seriesColor(k);
    groups.forEach(({ configuration, items }, g) => {
      const sorted = [...items].filter((r) => r[key] !== undefined).sort((a, b) => a.M - b.M);
      const lp = logPoints(
        sorted.map((r) => r.M),
        sorted.map((r) => r[key] as Estimate),
      );
      const dash = CONFIGURATION_DASHES[g % CONFIGURATION_DASHES.length];
      marks.push(
        Plot.ruleX(lp.points, { x: "x", y1: "lo", y2: "hi", stroke: color, strokeWidth: 1.1 }),
        Plot.line(lp.points, {
          x: "x",
          y: "value",
          stroke: color,
          strokeWidth: 1.4,
          ...(dash === "none" ? {} : { strokeDasharray: dash }),
        }),
        Plot.dot(lp.points, { x: "x", y: "value", fill: color, r: 2.5 }),
      );
      notes.push(...logNotes(`${label} [${configurationLabel(configuration)}]`, "M", lp));
    });
    legend.push({ label, color, swatch: "line" });
  });
  groups.forEach(({ configuration }, g) => {
    legend.push({
      label: configurationLabel(configuration),
      color: "#444",
      swatch: "line",
      glyph: dashGlyph(g),
    });
  });
  return annotatedPlot({
    title: "Theorem 1.1 quantities against M (colour: quantity; line style: configuration)",
    width: 820,
    height: Math.max(380, 60 + 16 * legend.length),
    x: { label: "M", log: true },
    y: { label: "norm, distance, time or ratio" },
    marks,
    legend,
    notes,
    inset: 10,
  });
}
