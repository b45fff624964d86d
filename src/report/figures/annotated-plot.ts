import type * as Plot from "@observablehq/plot";
import {
  LEGEND_MARGIN,
  type LegendEntry,
  legendMarks,
  noteMarks,
  notesMargin,
  titleMark,
} from "../annotations.ts";
import { renderPlot } from "../svg.ts";

/** A figure of the report: data marks on a log y axis, with a title, a legend and notes as marks. */
export interface AnnotatedPlot {
  readonly title: string;
  readonly width: number;
  /** Height of the plot area; the notes add their own margin below it. */
  readonly height: number;
  readonly x: { readonly label: string; readonly log: boolean };
  readonly marks: readonly Plot.Markish[];
  readonly legend: readonly LegendEntry[];
  readonly notes: readonly string[];
  /** Plot's inset (default none). */
  readonly inset?: number;
}

/**
 * The common frame of the report's figures (scaling, Theorem 1.1, deflation): the legend in the
 * right margin, the notes below the x axis (annotations.ts), a log y axis with "~g" ticks.
 */
export function annotatedPlot(p: AnnotatedPlot): string {
  return renderPlot({
    width: p.width,
    height: p.height + notesMargin(p.notes.length),
    marginTop: 48,
    marginLeft: 60,
    marginRight: LEGEND_MARGIN,
    marginBottom: notesMargin(p.notes.length),
    ...(p.inset !== undefined ? { inset: p.inset } : {}),
    x: {
      ...(p.x.log ? { type: "log" as const } : {}),
      label: p.x.label,
      labelAnchor: "center",
      labelOffset: 32,
      grid: true,
    },
    y: { type: "log", label: null, grid: true, tickFormat: "~g" },
    marks: [titleMark(p.title), ...p.marks, ...legendMarks(p.legend), ...noteMarks(p.notes)],
  });
}
