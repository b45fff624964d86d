import type { Command } from "commander";
import type { ClosureScenario, MeasuredBootstrapRow } from "../../claims/bootstrap-measured.ts";
import type { JobRecord, TableParameters } from "../../claims/error-table/error-table.ts";
import {
  ERROR_TERMS,
  G_ERR_TERMS,
  type Solution,
  Z_PARTS,
} from "../../claims/error-table/error-term.ts";
import { CUTOFF_NAMES } from "../../construction/geometry/cutoff.ts";
import { DEFAULT_P, makeConstants } from "../../construction/parameters/parameters.ts";
import { VARIANTS } from "../../construction/parameters/variant.ts";
import { RuleError } from "../../math/errors.ts";
import { readJobFile } from "../../parallel/job-file.ts";
import {
  addParameterOptions,
  DEFAULT_CUTOFF,
  DEFAULT_VARIANT,
  ERROR_TABLE_MS,
  fmt,
  formatTable,
  KERNEL_HELP,
  M_MIN_TIME,
  parseCutoff,
  parseKernel,
  parseMList,
  parseVariant,
  printJson,
  validateParameters,
} from "../common-options.ts";
import {
  addConstructionOptions,
  type ConstructionCliOptions,
  resolveConstruction,
} from "../construction-options.ts";
import { type CsvValue, columnsOf, estimateColumns, parseCsvPath, writeCsv } from "../csv.ts";
import { parseNumber } from "../parse.ts";
import { DEFAULT_ERRORS_OUT, parseSolution } from "./errors.ts";

/**
 * `boltzlab bootstrap`: Section 5 (Proposition 5.1) with the measured constants. For each M: the
 * partition of [0, T*] (n, |I_j|), the coefficient (5.8), the measured Z-norm of f_a (Lemma 4.2),
 * the measured error bound E (the Section 4 table, read from `boltzlab errors` output), and whether
 * the iteration (5.7) closes; then from which M on it would close, extrapolating the measured laws
 * with the fitted exponents and with the paper's. `--solution g` does the same for g_c (5.4): Z_a =
 * ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11), E from the G_err table (5.12) (`boltzlab errors --solution g`); the
 * default is both when the files hold G_err records, else f.
 */

interface BootstrapOptions extends ConstructionCliOptions {
  M: string;
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  errors: string;
  grid: string;
  constant: string;
  target: string;
  solution?: string;
  json?: boolean;
  csv?: string;
  kernel?: string;
}

const ERRORS_RULE =
  "--errors must be a comma-separated list of readable boltzlab errors JSONL files (run `boltzlab errors` first)";

export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("bootstrap")
      .description(
        "Proposition 5.1 with measured constants: partition, (5.8), Z-norm of f_a, error bound, does (5.7) close, from which M on",
      ),
  )
    .option(
      "--M <list>",
      "comma-separated integers >= 3 (T* > 0), each with error-table records; used as given",
      ERROR_TABLE_MS.join(","),
    )
    .option("--cutoff <name>", `cutoff profile: ${CUTOFF_NAMES.join(", ")}`, DEFAULT_CUTOFF)
    .option("--variant <name>", `reading of I_{i,j}: ${VARIANTS.join(", ")}`, DEFAULT_VARIANT)
    .option(
      "--errors <files>",
      "error-table JSON Lines files written by `boltzlab errors`",
      DEFAULT_ERRORS_OUT,
    )
    .option(
      "--grid <fractions>",
      "the window grid the error table was run with",
      "0,0.25,0.5,0.75,1",
    )
    .option("--constant <C>", "the constant of Proposition 3.1 in (5.7)", "1")
    .option("--target <X>", "a final bound on ‖f_c‖_Z below X counts as closed", "0.1")
    .option(
      "--solution <which>",
      "f: f_c (5.3); g: g_c (5.4) with g_a = f_r(0); both (default: both when the files hold G_err records, else f)",
    )
    .option("--json", "machine-readable output on stdout")
    .option(
      "--csv <file>",
      "also write the table as CSV (one row per solution × M, full precision, parameters as columns)",
    )
    .option("--kernel <name>", KERNEL_HELP);
  addConstructionOptions(cmd).action(async (o: BootstrapOptions, command: Command) => {
    const Ms = parseMList(o.M, M_MIN_TIME);
    const set = resolveConstruction(o, command);
    const { s, s0 } = validateParameters(Ms, { ...o, s: set.s, s0: set.s0 });
    const cutoff = parseCutoff(set.cutoff);
    const variant = parseVariant(set.variant);
    const constants = set.constants;
    const constant = parseNumber("--constant", o.constant);
    if (!(constant > 0))
      throw new RuleError("--constant must be a number > 0", `got ${o.constant}`);
    const target = parseNumber("--target", o.target);
    if (!(target > 0)) throw new RuleError("--target must be a number > 0", `got ${o.target}`);
    const requested = o.solution === undefined ? undefined : parseSolution(o.solution);
    const kernel = parseKernel(o.kernel);
    if (kernel !== "hard-sphere") {
      const { ERROR_TERMS, G_ERR_TERMS } = await import("../../claims/error-table/error-term.ts");
      const sols = requested ?? ["f", "g"];
      const terms = [
        ...(sols.includes("f") ? ERROR_TERMS : []),
        ...(sols.includes("g") ? G_ERR_TERMS : []),
      ];
      const { printKernelScope } = await import("../kernel-scope-output.ts");
      await printKernelScope(
        "bootstrap",
        kernel,
        terms,
        Ms,
        { s, s0, cutoff, variant },
        o.json === true,
      );
      return;
    }
    const table = await import("../../claims/error-table/error-table.ts");
    const grid = table.validateWindowFractions(
      o.grid.split(",").map((x) => parseNumber("grid", x.trim())),
    );
    const csv = parseCsvPath(o.csv);
    const files = o.errors.split(",").map((f) => f.trim());
    if (files.some((f) => f === "")) throw new RuleError(ERRORS_RULE, `got "${o.errors}"`);
    const records: JobRecord[] = [];
    for (const f of files) records.push(...(await readJobFile(f, ERRORS_RULE)).records);

    const { findTableMeasure } = await import("../../claims/error-table/table-measures.ts");
    const { approximateSolutionZNorm } = await import("../../claims/z-norms-4-4-to-4-19.ts");
    const { stationaryCoreZNorm } = await import("../../claims/second-solution.ts");
    const { measuredBootstrap, closureScenarios, entryCount } = await import(
      "../../claims/bootstrap-measured.ts"
    );
    const params: TableParameters = {
      s,
      s0,
      p: DEFAULT_P,
      cutoff,
      variant,
      grid,
      ...table.constantsField(constants),
    };
    const solutions: Solution[] =
      requested ?? (records.some((r) => r.solution === "g") ? ["f", "g"] : ["f"]);
    const ctx = { s, s0, cutoff, variant, constants };
    const runs = solutions.map((solution) => {
      const entries =
        solution === "g"
          ? table.assembleEntries(
              records,
              G_ERR_TERMS,
              Z_PARTS,
              Ms,
              params,
              (t, z) => findTableMeasure(t, z) !== undefined,
            )
          : table.assembleEntries(
              records,
              ERROR_TERMS,
              Z_PARTS,
              Ms,
              params,
              (t, z) => findTableMeasure(t, z) !== undefined,
            );
      const rows = measuredBootstrap({
        Ms,
        s,
        s0,
        cutoff,
        variant,
        constant,
        constants,
        entries,
        solution,
        zNormFa: (M) =>
          solution === "g"
            ? stationaryCoreZNorm(ctx, M).total
            : approximateSolutionZNorm(ctx, M).z.total,
      });
      return { solution, rows, scenarios: closureScenarios(rows, entries, s, target, constants) };
    });
    type Run = (typeof runs)[number];
    if (csv !== undefined) {
      const rows = runs.flatMap((run) =>
        bootstrapCsvRows(run.solution, run.rows, entryCount(run.solution), {
          s,
          s0,
          p: DEFAULT_P,
          cutoff,
          variant,
          constant,
          target,
          construction: set.construction.name,
        }),
      );
      writeCsv(csv, { columns: columnsOf(rows), rows });
    }
    if (o.json) {
      const rowsJson = (run: Run) =>
        run.rows.map((r) => ({
          M: r.M,
          n: r.partition.n,
          intervals: r.partition.intervals,
          intervalLength: r.partition.length,
          Tstar: r.partition.Tstar,
          coefficient: r.coefficient.value,
          coefficientBound: r.coefficient.right,
          coefficientImpliedConstant: r.coefficient.impliedConstant,
          ...(run.solution === "g" ? { zNormGa: r.zNormFa } : { zNormFa: r.zNormFa }),
          errorBound: r.errorBound,
          absorption: r.result.absorption,
          closes: r.result.closes,
          failsAt: r.result.failsAt,
          finalBound: r.result.finalBound,
          paperFinalBound: r.result.paperFinalBound,
        }));
      const closureJson = (run: Run) =>
        run.scenarios.map((c) => ({
          scenario: c.name,
          lnM: c.search.lnM,
          scannedToLnM: c.search.scannedTo,
          zNormLaw: c.zNormLaw,
          errorLaws: c.errorLaws,
        }));
      const f = runs.find((r) => r.solution === "f");
      const g = runs.find((r) => r.solution === "g");
      printJson({
        parameters: {
          s,
          s0,
          p: DEFAULT_P,
          cutoff,
          variant,
          grid,
          constant,
          target,
          construction: set.construction.name,
          constants: makeConstants(constants),
          errors: files,
          solution: solutions.length === 2 ? "both" : solutions[0],
        },
        ...(f ? { rows: rowsJson(f), closure: closureJson(f) } : {}),
        ...(g ? { g: { rows: rowsJson(g), closure: closureJson(g) } } : {}),
      });
      return;
    }
    runs.forEach((run, i) => {
      if (i > 0) process.stdout.write("\n");
      printRun(
        run.solution,
        run.rows,
        run.scenarios,
        entryCount(run.solution),
        target,
        constant,
        runs.length > 1,
      );
    });
    process.stdout.write(
      `\nM = ${Ms.join(", ")} (as given); s = ${s}; s0 = ${s0}; p = ${DEFAULT_P}; cutoff ${cutoff}; variant ${variant}; ${set.label}; E = Σ over the term × part entries of the largest value over the window grid (rigorous upper bound where the value is a sampled lower bound); errors from ${files.join(", ")}\n`,
    );
  });
}

/** The CSV rows of one solution's bootstrap table (one per M; E "n/a" as empty cells). */
export function bootstrapCsvRows(
  solution: Solution,
  rows: readonly MeasuredBootstrapRow[],
  count: number,
  p: Record<string, CsvValue>,
): Record<string, CsvValue>[] {
  return rows.map((r) => {
    const known = r.errorBound.entries > 0;
    return {
      solution,
      M: r.M,
      n: r.partition.n,
      intervals: r.partition.intervals,
      interval_length: r.partition.length,
      Tstar: r.partition.Tstar,
      coefficient_5_8: r.coefficient.value,
      ...estimateColumns("Z_a", r.zNormFa),
      E: known ? r.errorBound.value : undefined,
      E_entries: r.errorBound.entries,
      E_entries_total: count,
      E_rigorous: known ? r.errorBound.rigorous : undefined,
      absorption: r.result.absorption,
      closes: known ? r.result.closes : undefined,
      fails_at: r.result.failsAt,
      final_bound: known && Number.isFinite(r.result.finalBound) ? r.result.finalBound : undefined,
      paper_final_bound: known ? r.result.paperFinalBound : undefined,
      ...p,
    };
  });
}

/** One solution's table, warnings and closure lines (f_c: Z_a of f_a, E of F_err; g_c: of g_a, G_err). */
function printRun(
  solution: Solution,
  rows: readonly MeasuredBootstrapRow[],
  scenarios: readonly ClosureScenario[],
  count: number,
  target: number,
  constant: number,
  heading: boolean,
): void {
  if (heading) {
    process.stdout.write(
      solution === "g"
        ? "g_c (5.4): g_a = f_r(0), Z_a = ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11), E from the G_err table (5.12)\n"
        : "f_c (5.3): Z_a = sup_t ‖e^{⟨v⟩²} f_a‖_Z (5.9), E from the F_err table (5.10)\n",
    );
  }
  const corr = solution === "g" ? "g_c" : "f_c";
  const header = [
    "M",
    "n",
    "|I_j|",
    "(5.8) c",
    "Z_a",
    "E (entries)",
    "C·c·Z_a",
    "closes",
    `final ‖${corr}‖_Z`,
    "paper's (2^{n+1}−1)2CE",
  ];
  const body = rows.map((r) => [
    String(r.M),
    `${fmt(r.partition.n)} → ${r.partition.intervals}`,
    fmt(r.partition.length),
    fmt(r.coefficient.value),
    fmt(r.zNormFa.value),
    r.errorBound.entries === 0
      ? `n/a (0/${count}: no error-table records)`
      : `${fmt(r.errorBound.value)} (${r.errorBound.entries}/${count}${r.errorBound.rigorous ? "" : ", some lower bounds"})`,
    fmt(r.result.absorption),
    r.errorBound.entries === 0
      ? "n/a"
      : r.result.closes
        ? "yes"
        : `no (interval ${r.result.failsAt})`,
    r.errorBound.entries === 0 ? "n/a" : fmt(r.result.finalBound),
    r.errorBound.entries === 0 ? "n/a" : fmt(r.result.paperFinalBound),
  ]);
  process.stdout.write(`${formatTable(header, body)}\n\n`);
  const incomplete = rows.filter((r) => r.errorBound.entries < count);
  if (incomplete.length > 0) {
    process.stdout.write(
      `warning: E is incomplete at M = ${incomplete.map((r) => r.M).join(", ")} (entries missing from the error table or not measured): "closes" is optimistic there\n`,
    );
  }
  for (const c of scenarios) {
    const at =
      c.search.lnM === null
        ? `does not close for ln M ≤ ${fmt(c.search.scannedTo)}`
        : c.search.lnM <= Math.log(3) * (1 + 1e-12)
          ? "closes at every M scanned, from the first (M = 3)"
          : `first closes at ln M ≈ ${fmt(c.search.lnM)} (M ≈ 10^${fmt(c.search.lnM / Math.LN10)}) on the scan`;
    process.stdout.write(
      `extrapolated with ${c.name}: ${at} (final bound < ${target}, C = ${constant})\n`,
    );
  }
}
