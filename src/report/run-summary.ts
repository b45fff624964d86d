import { claimDisagreements, errorTableDisagreements } from "./disagreements.ts";
import type { ReportData } from "./report-data.ts";
import { verdictCountLines } from "./report-document.ts";
import { theoremSummaries } from "./theorem-summary.ts";

/** An error-table entry as far as a summary needs it (`boltzlab errors --json`). */
export interface EntryVerdict {
  readonly term: string;
  readonly norm: string;
  readonly solution?: string;
  readonly verdict: string;
  readonly reason: string;
}

/**
 * One line per group of error-table entries that share a verdict and a reason (instead of one
 * line per entry): "44 of 44 entries inconclusive: only 2 usable values of M (F_err: 32, G_err: 12)".
 */
export function entryGroupLines(entries: readonly EntryVerdict[]): string[] {
  const groups = new Map<string, EntryVerdict[]>();
  for (const e of entries) {
    const key = `${e.verdict}\u0000${e.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((g) => {
    const f = g.filter((e) => e.solution !== "g").length;
    const gCount = g.length - f;
    const which = [f ? `F_err: ${f}` : "", gCount ? `G_err: ${gCount}` : ""]
      .filter(Boolean)
      .join(", ");
    const names = g.length <= 3 ? ` — ${g.map((e) => `${e.term} ${e.norm}`).join(", ")}` : "";
    return `${g.length} of ${entries.length} entries ${g[0].verdict}: ${g[0].reason} (${which})${names}`;
  });
}

/**
 * The headline of a report for a terminal: Theorem 1.1 one line per configuration, the verdict
 * counts per configuration, how many statements disagree with the numbers, and where the report is.
 */
export function headlineLines(data: ReportData, reportDir: string): string[] {
  const disagreements =
    claimDisagreements(data.claims).length + errorTableDisagreements(data).length;
  return [
    "Headline findings",
    ...theoremSummaries(data.theorem).map((s) => `  ${s.line}`),
    "  Verdicts of the claims:",
    ...verdictCountLines(data).map((l) => `    ${l}`),
    `  Where the text and the numbers disagree: ${disagreements} statement(s), each listed once in ${reportDir}/index.html#disagreements`,
    `Report: ${reportDir}/index.html (open in a browser; self-contained), ${reportDir}/report.md, ${reportDir}/report.json, ${reportDir}/figures/`,
  ];
}
