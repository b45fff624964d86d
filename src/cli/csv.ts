import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Command } from "commander";
import { RuleError } from "../math/errors.ts";

/**
 * `--csv FILE`, shared by every command that prints a table: a header row of named columns, then
 * one row per table row (RFC 4180: comma-separated, fields with a comma, quote or line break quoted,
 * quotes doubled, CRLF-free `\n` line ends). Numbers are written in full precision (the shortest
 * text that reads back as the same double, `String(x)`); an estimate is two columns, `name` and
 * `name_error`; the parameters the command used are columns too, repeated on every row, so one file
 * is self-describing. The file is written atomically (a temporary sibling, then rename), and only
 * after every input has been validated and the computation has finished: bad input writes nothing.
 */

/** One CSV cell before formatting. `null`/`undefined` is an empty cell; arrays are joined by `;`. */
export type CsvValue = number | string | boolean | null | undefined | readonly (number | string)[];

/** A table: its column names (the header, in order) and its rows keyed by column name. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, CsvValue>>[];
}

const CSV_RULE = "--csv must be a file path in an existing directory";

/** Declare `--csv FILE` on a command. */
export function addCsvOption(cmd: Command): Command {
  return cmd.option(
    "--csv <file>",
    "also write the table as CSV (header row, one row per table row, full precision, parameters as columns)",
  );
}

/**
 * Validate `--csv` before anything is computed: a non-empty path whose directory exists and which
 * is not itself a directory. Returns the path, or undefined when the option is absent.
 */
export function parseCsvPath(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === "") throw new RuleError(CSV_RULE, `got "${raw}"`);
  const dir = dirname(raw);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RuleError(CSV_RULE, `no directory "${dir}"`);
  }
  if (existsSync(raw) && statSync(raw).isDirectory()) {
    throw new RuleError(CSV_RULE, `"${raw}" is a directory`);
  }
  return raw;
}

/** One cell as text: full-precision numbers, RFC 4180 quoting. */
export function csvCell(x: CsvValue): string {
  if (x === null || x === undefined) return "";
  const text = Array.isArray(x) ? x.map(String).join(";") : String(x);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a table (header first). */
export function formatCsv(table: CsvTable): string {
  const lines = [table.columns.map(csvCell).join(",")];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c])).join(","));
  return `${lines.join("\n")}\n`;
}

/** Write `table` to `file` atomically (temporary sibling, then rename). */
export function writeCsv(file: string, table: CsvTable): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, formatCsv(table));
    renameSync(tmp, file);
  } catch (err) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw err;
  }
}

/** `{value, error}` → the two columns `name` and `name_error`. */
export function estimateColumns(
  name: string,
  e: { readonly value: number; readonly error: number } | undefined | null,
): Record<string, CsvValue> {
  return { [name]: e?.value, [`${name}_error`]: e?.error };
}

/** The union of the rows' keys, in first-seen order (for tables whose columns depend on the data). */
export function columnsOf(rows: readonly Readonly<Record<string, CsvValue>>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
