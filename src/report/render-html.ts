import type { Block } from "./report-document.ts";
import { escapeXml } from "./svg-element.ts";
import { htmlTable } from "./table.ts";

const CSS = `
body { font-family: "DejaVu Sans", system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; font-size: .85em; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
td.estimate { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.verdict { font-weight: bold; }
.verdict-holds, .verdict-consistent { color: #1a7f37; }
.verdict-violated, .verdict-inconsistent { color: #c62828; }
.verdict-inconclusive { color: #9a6700; }
figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #555; }
`;

/** One block as HTML. */
function htmlBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level}>${escapeXml(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p>${escapeXml(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join("")}</ul>`;
    case "table":
      return htmlTable(b.header, b.rows);
    case "figure":
      return `<figure id="${escapeXml(b.figure.name)}">${b.figure.svg}<figcaption>${escapeXml(b.figure.caption)}</figcaption></figure>`;
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
