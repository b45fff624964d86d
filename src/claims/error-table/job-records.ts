import { RuleError } from "../../math/errors.ts";
import { isJobRecord, type JobRecord } from "./error-table.ts";

/**
 * Parsing the error table's JSON Lines files (one job record per line, format
 * `boltzlab-errors-v1`), as written by `boltzlab errors`. Reading them from disk is
 * `readJobFile` in `src/parallel/job-file.ts` (Node-only); this part runs anywhere.
 */

/** A JSON Lines file of job records: the records, and whether its last line is truncated. */
export interface ParsedFile {
  readonly records: JobRecord[];
  readonly truncatedTail: boolean;
  readonly size: number;
  readonly tailStart: number;
}

/**
 * Parse the text of a job file named `path` (used in messages). Every complete line must be a job
 * record; a last line without its newline that does not parse is a truncated write (ignored,
 * `truncatedTail`). Sizes and offsets are in UTF-8 bytes. Throws {@link RuleError} `rule`.
 */
export function parseJobFile(text: string, path: string, rule: string): ParsedFile {
  const records: JobRecord[] = [];
  const lines = text.split("\n");
  const endsWithNewline = text.endsWith("\n") || text === "";
  let offset = 0;
  let truncatedTail = false;
  let tailStart = utf8Length(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const isLast = i === lines.length - 1;
    const start = offset;
    offset += utf8Length(line) + 1;
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
  return { records, truncatedTail, size: utf8Length(text), tailStart };
}

const UTF8 = new TextEncoder();

/** Length in bytes of `text` encoded as UTF-8. */
function utf8Length(text: string): number {
  return UTF8.encode(text).length;
}
