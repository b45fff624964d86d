import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** The SVG namespace, added to every root so that the files stand alone. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** Font stack used by every figure; PNG rendering maps it to DejaVu Sans ({@link svgToPng}). */
export const FIGURE_FONT = "DejaVu Sans, sans-serif";

/**
 * Render an Observable Plot spec to a standalone SVG string in Node: Plot draws into a linkedom
 * document. Legends must be drawn as marks (see `annotations.ts`): a spec that makes Plot return a
 * `<figure>` (a `title`, `subtitle`, `caption` or `legend` option) is refused, because it would not be a single SVG.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const node = Plot.plot({
    ...options,
    style: { fontFamily: FIGURE_FONT, ...(typeof options.style === "object" ? options.style : {}) },
    document: document as unknown as Document,
  });
  if (node.tagName.toLowerCase() !== "svg") {
    throw new Error(
      `renderPlot: Plot returned <${node.tagName}>, not <svg>; draw legends as marks`,
    );
  }
  node.setAttribute("xmlns", SVG_NS);
  return node.outerHTML;
}
