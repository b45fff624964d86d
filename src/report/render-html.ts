import type { Block, Inline } from "./report-block.ts";
import { escapeXml } from "./svg-element.ts";
import { htmlInline, htmlTable } from "./table.ts";

const CSS = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: .85em; margin: 1em 0; max-width: 100%; }
table.claim { width: 100%; table-layout: fixed; }
table.claim th:nth-child(1) { width: 10em; } table.claim th:nth-child(2) { width: 7em; }
table.claim th:nth-child(3) { width: 9em; } table.claim th:nth-child(4), table.claim th:nth-child(5) { width: 6.5em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #f4f4f4; }
td.estimate { font-variant-numeric: tabular-nums; white-space: nowrap; }
td:first-child { white-space: nowrap; }
td.verdict { font-weight: bold; }
td.verdict a { color: inherit; }
.verdict-holds, .verdict-consistent { color: #1a7f37; }
.verdict-violated, .verdict-inconsistent { color: #c62828; }
.verdict-inconclusive { color: #9a6700; }
.verdict-not-stated { color: #57606a; font-style: italic; }
.table-scroll { overflow-x: auto; }
details { border: 1px solid #ddd; border-radius: 4px; margin: .4em 0; padding: .2em .6em; }
details > summary { cursor: pointer; font-weight: bold; }
code { font-size: .95em; background: #f4f4f4; padding: 0 .2em; }
figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #555; }
nav.contents { margin: 1em 0; line-height: 1.8; }
`;

function inlineHtml(i: Inline): string {
  return typeof i === "string"
    ? htmlInline(i)
    : `<a href="${escapeXml(i.href)}">${htmlInline(i.text)}</a>`;
}

/** One block as HTML. */
function htmlBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}${b.id ? ` id="${escapeXml(b.id)}"` : ""}>${htmlInline(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p>${b.lead ? `<strong>${htmlInline(b.lead)}</strong> ` : ""}${htmlInline(b.text)}${b.link ? ` (<a href="${escapeXml(b.link.href)}">${htmlInline(b.link.text)}</a>)` : ""}</p>`;
    case "list":
      return `<ul>${b.items
        .map(
          (i) =>
            `<li>${(typeof i === "string" || !Array.isArray(i) ? [i as Inline] : i).map(inlineHtml).join("")}</li>`,
        )
        .join("")}</ul>`;
    case "contents":
      return `<nav class="contents"><strong>Contents:</strong> ${b.entries
        .map((e) => `<a href="${escapeXml(e.href)}">${htmlInline(e.text)}</a>`)
        .join(" · ")}</nav>`;
    case "table":
      return `<div class="table-scroll">${htmlTable(b.header, b.rows, b.className)}</div>`;
    case "figure":
      return `<figure id="${escapeXml(b.figure.name)}">${b.figure.svg}<figcaption>${htmlInline(b.figure.caption)}</figcaption></figure>`;
    case "details":
      return `<details id="${escapeXml(b.id)}"><summary>${htmlInline(b.summary)}</summary>${b.blocks.map(htmlBlock).join("\n")}</details>`;
  }
}

/** index.html: the blocks as one self-contained page, SVGs inline, CSS inline, no external resources. */
export function renderHtml(title: string, blocks: readonly Block[]): string {
  const body = blocks.map(htmlBlock);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
