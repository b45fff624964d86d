import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeDirectoryAtomically } from "./atomic-directory.ts";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import type { ReportData } from "./report-data.ts";
import { reportDocument } from "./report-document.ts";
import { allFigures, reportFigures } from "./report-figures.ts";
import { reportToJson } from "./report-json.ts";
import { writeFigure } from "./write-figure.ts";

/** The artefacts of a report directory. */
export const REPORT_FILES = ["index.html", "report.md", "report.json", "figures"] as const;

/**
 * Write the report for `data` into `dir`: figures/ (SVG + PNG of Figures 1–3, one scaling plot per
 * asymptotic claim, Theorem 1.1, deflation), index.html (self-contained), report.md and report.json.
 * The directory is replaced atomically: an interrupted or failing run leaves `dir` untouched.
 */
export async function writeReport(dir: string, data: ReportData): Promise<void> {
  await writeDirectoryAtomically(dir, async (tmp) => {
    const figures = reportFigures(data);
    const figureDir = join(tmp, "figures");
    await mkdir(figureDir);
    for (const f of allFigures(figures)) await writeFigure(figureDir, f.name, f.svg);
    const blocks = reportDocument(data, figures);
    await writeFile(join(tmp, "index.html"), renderHtml(data.title, blocks), "utf8");
    await writeFile(join(tmp, "report.md"), renderMarkdown(blocks), "utf8");
    await writeFile(join(tmp, "report.json"), reportToJson(data), "utf8");
  });
}
