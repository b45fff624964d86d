import { readFileSync, statSync } from "node:fs";
import { RuleError } from "../../math/errors.ts";
import { isJobRecord, type JobRecord } from "./error-table.ts";

/**
 * Where `boltzlab errors` appends its job records by default, and where the report and the
 * bootstrap command look for them (outside report/, which the report replaces atomically).
 */
export const DEFAULT_ERRORS_FILE = "results/errors.jsonl";

/**
 * Reading the error table's JSON Lines files (one job record per line, format
 * `boltzlab-errors-v1`), as written by `boltzlab errors`.
 */

/** A JSON Lines file of job records: the records, and whether its last line is truncated. */
export interface ParsedFile {
  readonly records: JobRecord[];
  readonly truncatedTail: boolean;
  readonly size: number;
  readonly tailStart: number;
}

/**
 * Read a job file. Every complete line must be a job record; a last line without its newline that
 * does not parse is a truncated write (ignored, `truncatedTail`). Throws {@link RuleError} `rule`.
 */
export async function readJobFile(path: string, rule: string): Promise<ParsedFile> {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error("not a file");
    text = readFileSync(path, "utf8");
  } catch {
    throw new RuleError(rule, `cannot read "${path}"`);
  }
  const records: JobRecord[] = [];
  const lines = text.split("\n");
  const endsWithNewline = text.endsWith("\n") || text === "";
  let offset = 0;
  let truncatedTail = false;
  let tailStart = text.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isLast = i === lines.length - 1;
    const start = offset;
    offset += Buffer.byteLength(line, "utf8") + 1;
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (isJobRecord(parsed)) {
      records.push(parsed);
      continue;
    }
    if (isLast && !endsWithNewline) {
      truncatedTail = true;
      tailStart = start;
      continue;
    }
    throw new RuleError(rule, `"${path}" line ${i + 1} is not a boltzlab errors record`);
  }
  return { records, truncatedTail, size: Buffer.byteLength(text, "utf8"), tailStart };
}
