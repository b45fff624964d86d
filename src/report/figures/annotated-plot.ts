import type * as Plot from "@observablehq/plot";
import {
  LEGEND_MARGIN,
  type LegendEntry,
  legendMarks,
  noteMarks,
  notesMargin,
  titleMark,
} from "../annotations.ts";
import { formatM } from "../number-format.ts";
import { renderPlot } from "../svg.ts";

/** A figure of the report: data marks on a log y axis, with a title, a legend and notes as marks. */
export interface AnnotatedPlot {
  readonly title: string;
  readonly width: number;
  /** Height of the plot area; the notes add their own margin below it. */
  readonly height: number;
  readonly x: { readonly label: string; readonly log: boolean };
  /** The y axis label (the quantity drawn); a log axis unless `log` is false. */
  readonly y: { readonly label: string; readonly log?: boolean };
  readonly marks: readonly Plot.Markish[];
  readonly legend: readonly LegendEntry[];
  readonly notes: readonly string[];
  /** Plot's inset (default none). */
  readonly inset?: number;
  /** Width of the right margin the legend is drawn into (default {@link LEGEND_MARGIN}). */
  readonly legendMargin?: number;
}

/**
 * A log-axis tick: plain between 10⁻² and 10⁴ ("0.05", "200"), exponent notation outside ("3.6e-5",
 * "1e8"), so that no tick reads 0.000036.
 */
export function logTick(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-2 && a < 1e4) return String(Number(x.toPrecision(3)));
  const [m, e] = x.toExponential(2).split("e");
  return `${Number(m)}e${Number(e)}`;
}

/** A log x-axis tick (values of M): 10⁴ and above as powers of ten ({@link formatM}), else as is. */
function logXTick(x: number): string {
  return formatM(Number(x.toPrecision(6)));
}

/**
 * The common frame of the report's figures (scaling, Theorem 1.1, deflation): the legend in the
 * right margin, the notes below the x axis (annotations.ts), a labelled log y axis with
 * {@link logTick} ticks (or a linear one, `y.log: false`).
 */
export function annotatedPlot(p: AnnotatedPlot): string {
  return renderPlot({
    width: p.width,
    height: p.height + notesMargin(p.notes.length),
    marginTop: 48,
    marginLeft: 76,
    marginRight: p.legendMargin ?? LEGEND_MARGIN,
    marginBottom: notesMargin(p.notes.length),
    ...(p.inset !== undefined ? { inset: p.inset } : {}),
    x: {
      ...(p.x.log ? { type: "log" as const, tickFormat: logXTick } : {}),
      label: p.x.label,
      labelAnchor: "center",
      labelOffset: 32,
      grid: true,
    },
    y: {
      ...(p.y.log === false ? {} : { type: "log" as const, tickFormat: logTick }),
      label: p.y.label,
      labelAnchor: "center",
      labelOffset: 62,
      grid: true,
    },
    marks: [titleMark(p.title), ...p.marks, ...legendMarks(p.legend), ...noteMarks(p.notes)],
  });
}
