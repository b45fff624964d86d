/**
 * Small figures for the relax command (SVG via @observablehq/plot + linkedom; PNG by png.ts):
 * anisotropy decay, entropy, and slices f(v_x, 0, 0) at a few times.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CATEGORICAL, seriesColor } from "./palette.ts";

export interface LinePoint {
  readonly x: number;
  readonly y: number;
  readonly series: string;
}

/** A line chart as a standalone SVG string. */
export function lineChartSvg(
  points: readonly LinePoint[],
  opts: { title: string; x: string; y: string; logY?: boolean },
): string {
  const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");
  const legend = Array.from(new Set(points.map((p) => p.series)));
  const chart = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 400,
    marginLeft: 70,
    style: { fontFamily: "DejaVu Sans", fontSize: "12px", background: "white" },
    marginTop: 40,
    x: { label: opts.x, grid: true },
    y: { label: opts.y, grid: true, type: opts.logY ? "log" : "linear" },
    // the project's categorical palette, in legend order, so the legend text matches the lines
    color: { legend: false, domain: legend, range: [...CATEGORICAL] },
    marks: [Plot.line(points as LinePoint[], { x: "x", y: "y", stroke: "series" })],
  }) as unknown as Element;
  // without title and legend Plot returns a bare <svg>; title and legend are added as text below
  const svg =
    chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg:last-of-type");
  if (!svg) throw new Error("plot produced no svg");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  let extra = `<text x="240" y="14" text-anchor="start" font-family="DejaVu Sans" font-size="13">${escapeXml(opts.title)}</text>`;
  if (legend.length > 1) {
    legend.forEach((name, i) => {
      extra += `<text x="${430}" y="${30 + 14 * i}" text-anchor="start" font-family="DejaVu Sans" font-size="11" fill="${seriesColor(i)}">— ${escapeXml(name)}</text>`;
    });
  }
  return svg.outerHTML.replace(/<\/svg>\s*$/, `${extra}</svg>`);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
