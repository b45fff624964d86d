import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (the CLI runs with this as cwd). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `boltzlab ...args` as a subprocess: node --import tsx src/cli/main.ts. */
export function runCli(args: readonly string[], timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parse stdout as JSON, with the run in the message on failure. */
export function runJson(args: readonly string[]): Record<string, unknown> {
  const r = runCli(args);
  if (r.status !== 0) {
    throw new Error(`boltzlab ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Parse RFC 4180 CSV (quoted fields, doubled quotes), written here independently of cli/csv.ts. */
export function readCsv(file: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(file, "utf8");
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  assert.equal(field + record.join(""), "", "the file ends with a line break");
  for (const r of records) assert.equal(r.length, records[0].length, "every row has every column");
  return { header: records[0], rows: records.slice(1) };
}
