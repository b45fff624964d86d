import assert from "node:assert/strict";
import { DOMParser } from "linkedom";

/** Parse an SVG string with linkedom, asserting a non-empty <svg> root in the SVG namespace. */
export function parseSvg(svg: string): Document {
  assert.ok(svg.length > 100, "SVG is non-empty");
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml") as unknown as Document;
  const root = doc.documentElement;
  assert.equal(root.tagName.toLowerCase(), "svg");
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  return doc;
}

/** All text content of an SVG document. */
export function svgText(doc: Document): string {
  return [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "").join("\n");
}
