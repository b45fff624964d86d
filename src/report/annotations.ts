import * as Plot from "@observablehq/plot";

/** How a legend entry's swatch looks: a solid or dashed line, a dot, or a translucent band. */
export type Swatch = "line" | "dashed" | "dot" | "triangle" | "band";

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly swatch: Swatch;
  /** Text drawn instead of the swatch's default glyph (e.g. a dash pattern "━ ━ ━"). */
  readonly glyph?: string;
}

const GLYPH: Record<Swatch, string> = {
  line: "━━",
  dashed: "╸ ╸",
  dot: "●",
  triangle: "▲",
  band: "██",
};

/** Width in pixels of the right margin that {@link legendMarks} draws into. */
export const LEGEND_MARGIN = 230;

/**
 * A legend drawn as Plot marks in the right margin (so that `renderPlot` yields one SVG, see
 * svg.ts): one swatch glyph and one label per entry, top-aligned with the frame.
 */
export function legendMarks(entries: readonly LegendEntry[]): Plot.Markish[] {
  return entries.flatMap((entry, k) => {
    const common = {
      frameAnchor: "top-right",
      textAnchor: "start",
      dy: 6 + 16 * k,
      fontSize: 11,
    } as const;
    return [
      Plot.text([entry.glyph ?? GLYPH[entry.swatch]], {
        ...common,
        dx: 12,
        fill: entry.color,
        fillOpacity: entry.swatch === "band" ? 0.35 : 1,
      }),
      Plot.text([entry.label], { ...common, dx: 52, fill: "#222" }),
    ];
  });
}

/** A bold title above the frame (inside the top margin). */
export function titleMark(title: string): Plot.Markish {
  return Plot.text([title], {
    frameAnchor: "top-left",
    textAnchor: "start",
    dy: -34,
    dx: -40,
    fontSize: 13,
    fontWeight: "bold",
    fill: "#222",
  });
}

/** Vertical space in pixels that {@link noteMarks} needs below the x-axis for `n` notes. */
export function notesMargin(n: number): number {
  return n ? 56 + 14 * n : 44;
}

/** Small red notes below the x-axis (skipped values, clipped error bars); reserve {@link notesMargin}. */
export function noteMarks(notes: readonly string[]): Plot.Markish[] {
  return notes.map((note, k) =>
    Plot.text([note], {
      frameAnchor: "bottom-left",
      textAnchor: "start",
      dx: -40,
      dy: 54 + 14 * k,
      fontSize: 10.5,
      fill: "#a33",
    }),
  );
}
