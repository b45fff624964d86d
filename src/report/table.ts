import type { Verdict } from "../claims/verdict.ts";
import { type Estimate, formatEstimate } from "../math/estimate.ts";
import { escapeXml } from "./svg-element.ts";

/** A table cell: plain text, or text with a CSS class for the HTML rendering (e.g. a verdict). */
export type Cell = string | { readonly text: string; readonly className: string };

/** Text of a cell. */
export function cellText(cell: Cell): string {
  return typeof cell === "string" ? cell : cell.text;
}

/** An {@link Estimate} as "value ± error" ({@link formatEstimate}), with its kind. */
export function estimateCell(e: Estimate): Cell {
  return { text: formatEstimate(e), className: `estimate ${e.kind}` };
}

/** A verdict, classed `verdict verdict-<name>` so the HTML can colour it. */
export function verdictCell(v: Verdict): Cell {
  return { text: v, className: `verdict verdict-${v}` };
}

/** A plain number to `digits` significant digits, "—" when absent or not finite. */
export function numberCell(x: number | undefined, digits = 4): Cell {
  return x === undefined || !Number.isFinite(x) ? "—" : String(Number(x.toPrecision(digits)));
}

/** Markdown-safe text on one line: raw HTML is neutralized (`<`, `>`, `&` as entities). */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");
}

/** Escape a cell's text for a Markdown table: {@link markdownText} plus backslashes and pipes. */
export function markdownCell(cell: Cell): string {
  return markdownText(cellText(cell).replace(/\\/g, "\\\\").replace(/\|/g, "\\|"));
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/** An HTML table with escaped text and the cells' classes. */
export function htmlTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const td = (c: Cell) =>
    typeof c === "string"
      ? `<td>${escapeXml(c)}</td>`
      : `<td class="${escapeXml(c.className)}">${escapeXml(c.text)}</td>`;
  const head = `<thead><tr>${header.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map(td).join("")}</tr>`).join("")}</tbody>`;
  return `<table>${head}${body}</table>`;
}
