import type { Block } from "./report-document.ts";
import { markdownTable, markdownText } from "./table.ts";

/** One block as Markdown. */
function markdownBlock(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level)} ${markdownText(b.text)}`;
    case "paragraph":
      return markdownText(b.text);
    case "list":
      return b.items.map((i) => `- ${markdownText(i)}`).join("\n");
    case "table":
      return markdownTable(b.header, b.rows);
    case "figure":
      return `![${b.figure.caption}](figures/${b.figure.name}.svg)\n\n*${b.figure.caption}* ([PNG](figures/${b.figure.name}.png))`;
  }
}

/** report.md: the blocks as Markdown; figures link to `figures/<name>.svg`. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out = blocks.map(markdownBlock);
  return `${out.join("\n\n")}\n`;
}
