import { FIGURE_FONT, SVG_NS } from "./svg.ts";

/** Attribute values; `undefined` drops the attribute. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** Escape text for XML/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Format a coordinate compactly (two decimals are sub-pixel at any figure size used here). */
export function coord(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

/** One SVG element as a string; `children` are already-rendered strings. */
export function element(tag: string, attrs: Attributes, children: readonly string[] = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  return children.length ? `<${tag}${a}>${children.join("")}</${tag}>` : `<${tag}${a}/>`;
}

/** A text element with escaped content. */
export function text(content: string, attrs: Attributes): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  return `<text${a}>${escapeXml(content)}</text>`;
}

/** A closed polygon path through 2D points. */
export function polygonPath(points: readonly (readonly [number, number])[]): string {
  return `${points.map(([x, y], k) => `${k ? "L" : "M"}${coord(x)},${coord(y)}`).join("")}Z`;
}

/** A standalone SVG document with a white background, in the figures' font. */
export function svgDocument(width: number, height: number, children: readonly string[]): string {
  return element(
    "svg",
    {
      xmlns: SVG_NS,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": FIGURE_FONT,
      "font-size": 12,
    },
    [element("rect", { width, height, fill: "white" }), ...children],
  );
}
