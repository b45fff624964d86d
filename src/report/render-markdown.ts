import type { Block, Inline } from "./report-block.ts";
import { markdownTable, markdownText } from "./table.ts";

/** Inline text or a link as Markdown. */
function markdownInline(i: Inline): string {
  return typeof i === "string" ? markdownText(i) : `[${markdownText(i.text)}](${i.href})`;
}

/** An anchor Markdown renderers keep (GitHub prefixes it, and resolves links to it). */
function anchor(id: string): string {
  return `<a id="${id}"></a>`;
}

/** One block as Markdown. */
function markdownBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${b.id ? `${anchor(b.id)}\n` : ""}${"#".repeat(b.level)} ${markdownText(b.text)}`;
    case "paragraph":
      return `${b.lead ? `**${markdownText(b.lead)}** ` : ""}${markdownText(b.text)}${b.link ? ` ([${markdownText(b.link.text)}](${b.link.href}))` : ""}`;
    case "list":
      return b.items
        .map(
          (i) =>
            `- ${(typeof i === "string" || !Array.isArray(i) ? [i as Inline] : i).map(markdownInline).join("")}`,
        )
        .join("\n");
    case "contents":
      return `**Contents:** ${b.entries.map((e) => `[${markdownText(e.text)}](${e.href})`).join(" · ")}`;
    case "table":
      return markdownTable(b.header, b.rows);
    case "figure":
      return `![${markdownText(b.figure.caption)}](figures/${b.figure.name}.svg)\n\n*${markdownText(b.figure.caption)}* ([PNG](figures/${b.figure.name}.png))`;
    case "details":
      return [
        `${anchor(b.id)}\n#### ${markdownText(b.summary)}`,
        ...b.blocks.map(markdownBlock),
      ].join("\n\n");
  }
}

/** report.md: the blocks as Markdown; figures link to `figures/<name>.svg`, headings carry anchors. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out = blocks.map(markdownBlock);
  return `${out.join("\n\n")}\n`;
}
