/**
 * boltzlab/report — the report: its data ({@link buildReportData}: claims, Theorem 1.1 table,
 * deflation curves, error table) and the writer of the self-contained HTML, Markdown, JSON and
 * figures ({@link writeReport}). Node only (files, worker pools, PNG rendering).
 *
 * @module boltzlab/report
 */

export type { TheoremRow } from "../claims/theorem-row.ts";
export { type BuildReportOptions, buildReportData } from "./build-report.ts";
export { writeReport } from "./report.ts";
export type { ReportData } from "./report-data.ts";
