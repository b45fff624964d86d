import type { Command } from "commander";
import type { TheoremRow } from "../../report/report-data.ts";
import {
  addParameterOptions,
  DEFAULT_MS,
  fmt,
  formatTable,
  parseCutoff,
  parseMList,
  parseVariant,
  printJson,
  validateParameters,
} from "../common-options.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface TheoremOptions {
  M: string;
  s?: string;
  s0?: string;
  p?: string;
  cutoff: string;
  variant: string;
  json?: boolean;
  workers?: string;
}

type FlatRow = { M: number } & Record<string, number | { value: number; error: number }>;

/** A {@link TheoremRow} with each Estimate reduced to {value, error}. */
export function flattenRow(row: TheoremRow): FlatRow {
  const out: FlatRow = { M: row.M };
  for (const [k, v] of Object.entries(row)) {
    if (k === "M") continue;
    if (v !== null && typeof v === "object" && "value" in v && "error" in v) {
      out[k] = { value: v.value as number, error: v.error as number };
    } else if (typeof v === "number") {
      out[k] = v;
    }
  }
  return out;
}

/**
 * `boltzlab theorem --M 4,8,16 --s 0.8 --s0 0.5 [--cutoff] [--variant] [--json]`: the Theorem 1.1
 * table (T*, initial and final distances, weighted norm (1.16) against 1/ln M, deflation).
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("theorem")
      .description("Theorem 1.1 quantities for each M (T*, distances, (1.16), deflation)")
      .option("--M <list>", "values of M, comma-separated integers >= 2", DEFAULT_MS.join(",")),
  )
    .option("--p <number>", "N = M^p (p >= 1, default 10)")
    .option("--cutoff <name>", "cutoff profile: bump | plateau", "bump")
    .option("--variant <name>", "reading of I_{i,j}: as-written | as-in-proof", "as-in-proof")
    .option("--json", "machine-readable output on stdout");
  addWorkersOption(cmd).action(async (o: TheoremOptions) => {
    const Ms = parseMList(o.M);
    const { s, s0, p } = validateParameters(Ms, o);
    const cutoff = parseCutoff(o.cutoff);
    const variant = parseVariant(o.variant);
    const workers = parseWorkers(o.workers);
    const { theoremTableParallel } = await import("../../parallel/theorem-table.ts");
    const progress = progressBar("theorem");
    let rows: FlatRow[];
    try {
      const table = await theoremTableParallel({ Ms, s, s0, p, cutoff, variant }, workers, (d, t) =>
        progress.update(d, t),
      );
      rows = table.map(flattenRow);
    } finally {
      progress.stop();
    }
    if (o.json) {
      printJson({ rows, s, s0, ...(p !== undefined ? { p } : {}), cutoff, variant });
      return;
    }
    const keys = rows.length ? Object.keys(rows[0]).filter((k) => k !== "M") : [];
    const cell = (v: FlatRow[string] | undefined) =>
      v === undefined ? "" : typeof v === "number" ? fmt(v) : `${fmt(v.value)} ± ${fmt(v.error)}`;
    const table = formatTable(
      ["M", ...keys],
      rows.map((r) => [String(r.M), ...keys.map((k) => cell(r[k]))]),
    );
    process.stdout.write(
      `${table}\n\ns = ${s}; s0 = ${s0}; cutoff = ${cutoff}; variant = ${variant}\n`,
    );
  });
}
