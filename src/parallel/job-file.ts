import { readFileSync, statSync } from "node:fs";
import { type ParsedFile, parseJobFile } from "../claims/error-table/job-records.ts";

export type { ParsedFile };

import { RuleError } from "../math/errors.ts";

/**
 * Where `boltzlab errors` appends its job records by default, and where the report and the
 * bootstrap command look for them (outside report/, which the report replaces atomically).
 */
export const DEFAULT_ERRORS_FILE = "results/errors.jsonl";

/**
 * Read a job file of the error table (JSON Lines, format `boltzlab-errors-v1`, as written by
 * `boltzlab errors`) and parse it with {@link parseJobFile}. Throws {@link RuleError} `rule` when the
 * file cannot be read or a complete line is not a job record.
 */
export async function readJobFile(path: string, rule: string): Promise<ParsedFile> {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error("not a file");
    text = readFileSync(path, "utf8");
  } catch {
    throw new RuleError(rule, `cannot read "${path}"`);
  }
  return parseJobFile(text, path, rule);
}
