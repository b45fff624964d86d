import type { Command } from "commander";
import type { TheoremRow } from "../../claims/theorem-row.ts";
import { DEFAULT_P } from "../../construction/parameters/parameters.ts";
import type { Variant } from "../../construction/parameters/variant.ts";
import {
  addConfigurationOptions,
  addKernelOption,
  addParameterOptions,
  addPOption,
  DEFAULT_MS,
  fmt,
  formatMs,
  formatTable,
  kernelEcho,
  LARGE_M_HELP,
  M_MIN_TIME,
  parseCutoffs,
  parseKernel,
  parseMList,
  parseVariants,
  printJson,
  validateParameters,
} from "../common-options.ts";
import {
  addConstructionOptions,
  type ConstructionCliOptions,
  parseConstruction,
} from "../construction-options.ts";
import {
  addCsvOption,
  type CsvValue,
  columnsOf,
  estimateColumns,
  parseCsvPath,
  writeCsv,
} from "../csv.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface TheoremOptions extends ConstructionCliOptions {
  M: string;
  s?: string;
  s0?: string;
  p?: string;
  cutoff: string;
  variant: string;
  json?: boolean;
  csv?: string;
  largeM?: boolean;
  workers?: string;
  kernel?: string;
}

type FlatRow = { M: number } & Record<
  string,
  number | string | boolean | { value: number; error: number }
>;

/** A {@link TheoremRow} with each Estimate reduced to {value, error} (numbers and flags kept). */
export function flattenRow(row: TheoremRow): FlatRow {
  const out: FlatRow = { M: row.M };
  for (const [k, v] of Object.entries(row)) {
    if (k === "M") continue;
    if (v !== null && typeof v === "object" && "value" in v && "error" in v) {
      out[k] = { value: v.value as number, error: v.error as number };
    } else if (typeof v === "number" || typeof v === "boolean") {
      out[k] = v;
    }
  }
  return out;
}

/** The CSV rows of the Theorem 1.1 tables: one per (configuration, M), estimates as value/error. */
export function theoremCsvRows(
  rows: readonly (FlatRow & { cutoff: string; variant: string })[],
  p: { s: number; s0: number; p: number },
): Record<string, CsvValue>[] {
  return rows.map((r) => {
    const out: Record<string, CsvValue> = { cutoff: r.cutoff, variant: r.variant, M: r.M };
    for (const [k, v] of Object.entries(r)) {
      if (k === "M" || k === "cutoff" || k === "variant") continue;
      if (typeof v !== "object") out[k] = v;
      else if (v !== null && typeof v === "object") Object.assign(out, estimateColumns(k, v));
    }
    return { ...out, s: p.s, s0: p.s0, p: p.p };
  });
}

/**
 * `boltzlab theorem --M 4,8,16 --s 0.8 --s0 0.5 [--cutoff bump,plateau] [--variant ...]
 * [--large-M] [--json] [--csv FILE]`: the Theorem 1.1 table (T*, initial and final distances,
 * weighted norm (1.16) against 1/ln M, deflation) for each cutoff × variant, over exactly the M
 * given (M ≥ 3: T* = M^{s−1} ln ln M > 0), plus the large-M grid with `--large-M`.
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("theorem")
      .description("Theorem 1.1 quantities for each M (T*, distances, (1.16), deflation)")
      .option(
        "--M <list>",
        "values of M, comma-separated integers >= 3 (T* > 0), used as given",
        DEFAULT_MS.join(","),
      ),
  );
  addPOption(cmd);
  addConfigurationOptions(cmd, "list")
    .option("--large-M", LARGE_M_HELP)
    .option("--json", "machine-readable output on stdout");
  addCsvOption(cmd);
  addConstructionOptions(cmd);
  addKernelOption(cmd);
  addWorkersOption(cmd).action(async (o: TheoremOptions, command: Command) => {
    const Ms = parseMList(o.M, M_MIN_TIME);
    // the construction's constants; a named set also gives s, s0, cutoff and variant where the
    // command line does not
    const construction = parseConstruction(o);
    const constants = construction.constants;
    const fromSet = (name: string) => command.getOptionValueSource(name) !== "cli";
    const { s, s0, p } = validateParameters(Ms, {
      ...o,
      s: o.s ?? (construction.s !== undefined ? String(construction.s) : undefined),
      s0: o.s0 ?? (construction.s0 !== undefined ? String(construction.s0) : undefined),
    });
    const cutoffs = parseCutoffs(
      fromSet("cutoff") && construction.cutoff ? construction.cutoff : o.cutoff,
    );
    const variants = parseVariants(
      fromSet("variant") && construction.variant ? construction.variant : o.variant,
    );
    const workers = parseWorkers(o.workers);
    const kernel = parseKernel(o.kernel);
    // the default kernel is left out of the options, so that hard-sphere rows are the same objects
    const kernelOpt = kernel === "hard-sphere" ? {} : { kernel };
    const csv = parseCsvPath(o.csv);
    const largeM = o.largeM === true;
    const { largeMGrid } = await import("../../claims/theorem-1-1.ts");
    const { theoremTableParallel } = await import("../../parallel/theorem-table.ts");
    const configs = cutoffs.flatMap((cutoff) => variants.map((variant) => ({ cutoff, variant })));
    const MsOf = (variant: Variant) =>
      largeM
        ? [...new Set([...Ms, ...largeMGrid(variant).filter((M) => M > Math.max(...Ms))])]
        : Ms;
    const total = configs.reduce((n, c) => n + MsOf(c.variant).length, 0);
    const progress = progressBar("theorem");
    const rows: (FlatRow & { cutoff: string; variant: Variant })[] = [];
    try {
      let before = 0;
      for (const { cutoff, variant } of configs) {
        const table = await theoremTableParallel(
          { Ms: MsOf(variant), s, s0, p, cutoff, variant, constants, ...kernelOpt },
          workers,
          (d) => progress.update(before + d, total),
        );
        rows.push(...table.map((r) => ({ ...flattenRow(r), cutoff, variant })));
        before += table.length;
      }
    } finally {
      progress.stop();
    }
    const pUsed = p ?? DEFAULT_P;
    if (csv !== undefined) {
      const csvRows = theoremCsvRows(rows, { s, s0, p: pUsed }).map((r) => ({
        ...r,
        construction: construction.name,
        kernel,
        ...Object.fromEntries(Object.entries(constants).map(([k, v]) => [`constant_${k}`, v])),
      }));
      writeCsv(csv, { columns: columnsOf(csvRows), rows: csvRows });
    }
    if (o.json) {
      printJson({
        rows,
        Ms,
        s,
        s0,
        p: pUsed,
        cutoffs,
        variants,
        largeM,
        construction: construction.name,
        constants,
        ...kernelEcho(kernel),
      });
      return;
    }
    const cell = (v: FlatRow[string] | undefined) =>
      v === undefined
        ? ""
        : typeof v === "number"
          ? fmt(v)
          : typeof v === "object"
            ? `${fmt(v.value)} ± ${fmt(v.error)}`
            : String(v);
    for (const { cutoff, variant } of configs) {
      const mine = rows.filter((r) => r.cutoff === cutoff && r.variant === variant);
      const keys = mine.length
        ? Object.keys(mine[0]).filter((k) => !["M", "cutoff", "variant"].includes(k))
        : [];
      const table = formatTable(
        ["M", ...keys],
        mine.map((r) => [String(r.M), ...keys.map((k) => cell(r[k]))]),
      );
      process.stdout.write(
        `cutoff ${cutoff}, variant ${variant} (M = ${formatMs(mine.map((r) => r.M))})\n${table}\n\n`,
      );
    }
    process.stdout.write(
      `M = ${formatMs(Ms)} (as given${largeM ? "; --large-M adds 10^3 … 10^12 for as-in-proof" : ""}); s = ${s}; s0 = ${s0}; p = ${pUsed}; cutoff ${cutoffs.join(",")}; variant ${variants.join(",")}; construction ${construction.name}${
        Object.keys(constants).length
          ? ` (${Object.entries(constants)
              .map(([k, v]) => `${k} = ${v}`)
              .join(", ")})`
          : " (the paper's constants)"
      }; kernel ${kernel} (${kernelEcho(kernel).kernelNormalization})\n`,
    );
  });
}
