import type { Verdict } from "../claims/verdict.ts";
import type { Estimate } from "../math/estimate.ts";
import { formatNumber } from "./number-format.ts";
import { escapeXml } from "./svg-element.ts";

/**
 * A table cell: plain text, or text with a CSS class for the HTML rendering (e.g. a verdict) and
 * optionally a link (`href`, e.g. "#claim-2-20") to the evidence.
 */
export type Cell =
  | string
  | { readonly text: string; readonly className: string; readonly href?: string };

/** Text of a cell. */
export function cellText(cell: Cell): string {
  return typeof cell === "string" ? cell : cell.text;
}

/** An {@link Estimate} as "value ± error" (4 and 2 significant digits, exponent notation outside 10⁻³…10⁵), with its kind. */
export function estimateCell(e: Estimate): Cell {
  const flags = `${e.lowerBound ? " (lower bound)" : ""}${e.unconverged ? " (unconverged)" : ""}`;
  const text =
    e.error === 0 || e.kind === "closed-form" || !Number.isFinite(e.value)
      ? formatNumber(e.value, 4)
      : `${formatNumber(e.value, 4)} ± ${formatNumber(e.error, 2)}`;
  return { text: `${text}${flags}`, className: `estimate ${e.kind}` };
}

/** A verdict, classed `verdict verdict-<name>` so the HTML can colour it; linked when `href` is given. */
export function verdictCell(v: Verdict, href?: string): Cell {
  return { text: v, className: `verdict verdict-${v}`, ...(href ? { href } : {}) };
}

/** A plain number to `digits` significant digits, "—" when absent or not finite. */
export function numberCell(x: number | undefined, digits = 4): Cell {
  return x === undefined || !Number.isFinite(x) ? "—" : String(Number(x.toPrecision(digits)));
}

/**
 * Markdown-safe text on one line. Only what could start raw HTML is neutralized: `<` before a
 * letter, `/`, `!` or `?` becomes `&lt;`, and `&` before an entity name becomes `&amp;`. A plain
 * `>` or `a < b` stays as written (so report.md reads as text, with no `&gt;`).
 */
export function markdownText(text: string): string {
  return text
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "&amp;")
    .replace(/<(?=[a-zA-Z/!?])/g, "&lt;")
    .replace(/\r?\n/g, " ");
}

/**
 * Text as inline HTML: escaped, with Markdown code spans (`like this`) rendered as `<code>` so that
 * no literal backtick reaches the page.
 */
export function htmlInline(text: string): string {
  return escapeXml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/`/g, "");
}

/** Escape a cell's text for a Markdown table: {@link markdownText} plus backslashes and pipes. */
export function markdownCell(cell: Cell): string {
  const text = markdownText(cellText(cell).replace(/\\/g, "\\\\").replace(/\|/g, "\\|"));
  return typeof cell !== "string" && cell.href ? `[${text}](${cell.href})` : text;
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map(markdownCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)].join("\n");
}

/** An HTML table with escaped text, the cells' classes and links; `className` classes the table. */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  className?: string,
): string {
  const td = (c: Cell) => {
    if (typeof c === "string") return `<td>${htmlInline(c)}</td>`;
    const inner = c.href
      ? `<a href="${escapeXml(c.href)}">${htmlInline(c.text)}</a>`
      : htmlInline(c.text);
    return `<td class="${escapeXml(c.className)}">${inner}</td>`;
  };
  const head = `<thead><tr>${header.map((h) => `<th>${htmlInline(h)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map(td).join("")}</tr>`).join("")}</tbody>`;
  return `<table${className ? ` class="${escapeXml(className)}"` : ""}>${head}${body}</table>`;
}
