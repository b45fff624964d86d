import {
  appendFileSync,
  existsSync,
  mkdirSync,
  renameSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { type Command, Option } from "commander";
import type {
  ErrorTableEntry,
  JobRecord,
  TableParameters,
} from "../../claims/error-table/error-table.ts";
import {
  ERROR_TERMS,
  G_ERR_TERMS,
  type Solution,
  type TableTermId,
  Z_PARTS,
  type ZPart,
} from "../../claims/error-table/error-term.ts";
import { CUTOFF_NAMES } from "../../construction/geometry/cutoff.ts";
import { DEFAULT_P, makeConstants } from "../../construction/parameters/parameters.ts";
import { VARIANTS } from "../../construction/parameters/variant.ts";
import { RuleError } from "../../math/errors.ts";
import { DEFAULT_ERRORS_FILE, type ParsedFile, readJobFile } from "../../parallel/job-file.ts";
import { dispatchGroups } from "../../parallel/job-queue.ts";
import { runChildQueue, serveQueue } from "../../parallel/worker-runtime.ts";
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
  constructionArgs,
  type ResolvedConstruction,
  resolveConstruction,
} from "../construction-options.ts";
import { type CsvValue, columnsOf, parseCsvPath, writeCsv } from "../csv.ts";
import { parseNumber, parseShard } from "../parse.ts";
import { progressBar } from "../progress.ts";
import { parseWorkers } from "../workers-option.ts";

/**
 * `boltzlab errors`: the Section 4 error table (Proposition 4.1), term × Z-norm part × M jobs
 * (src/claims/error-table/); with `--solution g` (or `both`) also the table of G_err (5.2), (5.12)
 * of the second solution g_a ≡ f_r(0) (terms `v.grad(fr0) Q-(fr0,fr0) Q+(fr0,fr0)`; its records
 * carry `"solution": "g"`, F_err records are unchanged). Each finished job is appended to `--out` as one JSON line; a rerun skips
 * the jobs already there (or in the `--in` files) with the same parameters, so an interrupted run
 * resumes (a truncated last line is dropped and recomputed), `--shard k/n` runs only the jobs with
 * index ≡ k−1 (mod n) (Slurm arrays), and a later unsharded run with `--in` merges shard files.
 * `--workers N` runs N child processes of this command fed from one job queue (heaviest jobs first),
 * appending to the same file (one write per line). `--recompute` computes the selected jobs (terms × norms × M of this
 * shard) again after a measure has changed: their records are first removed from `--out`, which is
 * rewritten atomically (temporary file, rename); an interrupted recompute resumes as a plain rerun.
 * Every option, and every input file, is checked before anything is computed or written.
 */

interface ErrorsOptions extends ConstructionCliOptions {
  M: string;
  term?: string;
  norm?: string;
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  grid: string;
  out: string;
  in?: string;
  shard?: string;
  workers?: string;
  csv?: string;
  json?: boolean;
  child?: boolean;
  recompute?: boolean;
  solution: string;
  kernel?: string;
}

export const DEFAULT_ERRORS_OUT = DEFAULT_ERRORS_FILE;
const SOLUTION_RULE = "--solution must be one of f, g, both";

/** `--solution f|g|both`: which tables (F_err of f_a (4.1), G_err of g_a (5.2)). */
export function parseSolution(raw: string): Solution[] {
  const v = raw.trim();
  if (v === "f" || v === "g") return [v];
  if (v === "both") return ["f", "g"];
  throw new RuleError(SOLUTION_RULE, `got "${raw}"`);
}

/** The terms of the chosen tables, F_err's first. */
export function termsOf(solutions: readonly Solution[]): TableTermId[] {
  return [
    ...(solutions.includes("f") ? ERROR_TERMS : []),
    ...(solutions.includes("g") ? G_ERR_TERMS : []),
  ];
}
const NORM_RULE = `norm must be one of ${Z_PARTS.join(", ")}`;

/** Split on commas that are not inside parentheses ("Q+(fr,fb),L2" → ["Q+(fr,fb)", "L2"]). */
export function splitTopLevel(raw: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of raw) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** `--term`: a list of terms of the chosen tables (default F_err's), or `all`. */
export function parseTerms(
  raw: string,
  allowed: readonly TableTermId[] = ERROR_TERMS,
): TableTermId[] {
  const parts = splitTopLevel(raw);
  if (parts.length === 1 && parts[0] === "all") return [...allowed];
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p))
      throw new RuleError(`term must be one of ${allowed.join(", ")}`, `got "${p}"`);
  }
  return allowed.filter((t) => parts.includes(t));
}

export function parseNorms(raw: string): ZPart[] {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length === 1 && parts[0] === "all") return [...Z_PARTS];
  for (const p of parts) {
    if (!(Z_PARTS as readonly string[]).includes(p)) throw new RuleError(NORM_RULE, `got "${p}"`);
  }
  return Z_PARTS.filter((z) => parts.includes(z));
}

function parseGrid(raw: string): number[] {
  const parts = raw.split(",").map((p) => p.trim());
  const xs = parts.map((p) => parseNumber("grid", p));
  // validated by the table's rule (fractions of T* in [0, 1] containing 0 and 1)
  return xs;
}

function parseIn(raw: string): string[] {
  const files = raw.split(",").map((p) => p.trim());
  if (files.some((f) => f === "")) {
    throw new RuleError(
      "--in must be a comma-separated list of readable boltzlab errors JSONL files",
      `got "${raw}"`,
    );
  }
  return files;
}

/**
 * The CSV of the error table: one row per term × norm (as the printed table), and for each M the
 * largest value over the window grid (`sup_M<M>`, `sup_M<M>_error`, whether it is a sampled lower
 * bound, its rigorous upper bound when known), then the fits, the verdict and the parameters.
 */
export function errorsCsvRows(
  entries: readonly ErrorTableEntry[],
  Ms: readonly number[],
): Record<string, CsvValue>[] {
  return entries.map((e) => {
    const row: Record<string, CsvValue> = {
      solution: e.solution ?? "f",
      term: e.term,
      norm: e.norm,
    };
    for (const M of Ms) {
      const v = e.values.find((x) => x.M === M);
      row[`sup_M${M}`] = v?.sup.value;
      row[`sup_M${M}_error`] = v?.sup.error;
      row[`sup_M${M}_lower_bound`] = v === undefined ? undefined : v.sup.lowerBound === true;
      row[`sup_M${M}_upper_bound`] = v?.sup.upperBound;
    }
    return {
      ...row,
      fitted_exponent: e.fittedExponent?.value,
      fitted_exponent_error: e.fittedExponent?.error,
      upper_bound_exponent: e.upperBoundExponent?.value,
      upper_bound_exponent_error: e.upperBoundExponent?.error,
      paper_exponent: e.paperExponent,
      paper_log_factor: e.paperLogFactor,
      implied_constant_min: e.impliedConstant?.min,
      implied_constant_max: e.impliedConstant?.max,
      verdict: e.verdict,
      s: e.s,
      s0: e.s0,
      p: e.p,
      cutoff: e.cutoff,
      variant: e.variant,
      grid: e.gridUsed ?? undefined,
      reason: e.reason,
    };
  });
}

function exponentText(e: ErrorTableEntry): string {
  const f = e.fittedExponent;
  return f ? `${f.value.toFixed(2)} ± ${f.error.toFixed(2)}` : "";
}

function valueText(e: ErrorTableEntry, M: number): string {
  const v = e.values.find((x) => x.M === M);
  if (!v) return "";
  const lb = v.sup.lowerBound ? "≥" : "";
  const ub =
    v.sup.upperBound !== undefined && v.sup.lowerBound ? ` (≤ ${fmt(v.sup.upperBound)})` : "";
  return `${lb}${fmt(v.sup.value)}${ub}`;
}

export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("errors")
      .description(
        "the Section 4 error table: each term of F_err (4.1) in each Z-norm part (3.3) across M",
      ),
  )
    .option(
      "--M <list>",
      "values of M, comma-separated integers >= 3 (T* > 0), used as given",
      ERROR_TABLE_MS.join(","),
    )
    .option(
      "--solution <which>",
      "f: F_err (4.1) of f_a; g: G_err (5.2) of g_a = f_r(0); both",
      "f",
    )
    .option(
      "--term <list>",
      `terms (default all of the chosen tables): ${ERROR_TERMS.join(" ")} | ${G_ERR_TERMS.join(" ")}`,
    )
    .option("--norm <list>", `Z-norm parts (default all): ${Z_PARTS.join(",")}`)
    .option("--cutoff <name>", `cutoff profile: ${CUTOFF_NAMES.join(", ")}`, DEFAULT_CUTOFF)
    .option("--variant <name>", `reading of I_{i,j}: ${VARIANTS.join(", ")}`, DEFAULT_VARIANT)
    .option(
      "--grid <fractions>",
      "window grid: t0, t in these fractions of T*",
      "0,0.25,0.5,0.75,1",
    )
    .option("--out <file>", "JSON Lines file the job results are appended to", DEFAULT_ERRORS_OUT)
    .option(
      "--in <files>",
      "more result files to read (comma-separated), e.g. shard outputs to merge",
    )
    .option("--shard <k/n>", "run only the jobs with index = k-1 (mod n)")
    .option(
      "--workers <n>",
      `child processes fed from one job queue, heaviest first (integer >= 1, 1 = in-process; default ${availableParallelism()}, the number of cores)`,
    )
    .option(
      "--csv <file>",
      "also write the table as CSV (one row per term × norm, full precision, parameters as columns)",
    )
    .option(
      "--recompute",
      "compute the selected jobs again: their records are first removed from --out (rewritten atomically)",
    )
    .option("--json", "machine-readable output on stdout")
    .addOption(new Option("--child", "internal: a worker of --workers (no output)").hideHelp())
    .option("--kernel <name>", KERNEL_HELP);
  addConstructionOptions(cmd).action(async (o: ErrorsOptions, command: Command) => {
    // ── validate everything before computing or writing ──
    const Ms = parseMList(o.M, M_MIN_TIME);
    const set = resolveConstruction(o, command);
    const { s, s0 } = validateParameters(Ms, { ...o, s: set.s, s0: set.s0 });
    const cutoff = parseCutoff(set.cutoff);
    const variant = parseVariant(set.variant);
    const solutions = parseSolution(o.solution);
    const allowed = termsOf(solutions);
    const terms = o.term === undefined ? allowed : parseTerms(o.term, allowed);
    const kernel = parseKernel(o.kernel);
    if (kernel !== "hard-sphere") {
      const { printKernelScope } = await import("../kernel-scope-output.ts");
      await printKernelScope(
        "errors",
        kernel,
        terms,
        Ms,
        { s, s0, cutoff, variant },
        o.json === true,
      );
      return;
    }
    const parts = o.norm === undefined ? [...Z_PARTS] : parseNorms(o.norm);
    const shard = o.shard === undefined ? { k: 1, n: 1 } : parseShard(o.shard);
    const workers = parseWorkers(o.workers);
    const csv = o.child ? undefined : parseCsvPath(o.csv);
    const table = await import("../../claims/error-table/error-table.ts");
    const grid = table.validateWindowFractions(parseGrid(o.grid));
    const params: TableParameters = {
      s,
      s0,
      p: DEFAULT_P,
      cutoff,
      variant,
      grid,
      ...table.constantsField(set.constants),
    };
    for (const M of Ms) table.beamForTable(M, params);
    if (o.out.trim() === "") throw new RuleError("--out must be a file path");
    const { findTableMeasure: findMeasure } = await import(
      "../../claims/error-table/table-measures.ts"
    );
    const all = table.errorJobs(terms, parts, Ms);
    const beams = new Map<number, ReturnType<typeof table.beamForTable>>();
    const runJob = (job: (typeof all)[number]): void => {
      const measure = findMeasure(job.term, job.part);
      if (!measure) return;
      let beam = beams.get(job.M);
      if (!beam) {
        beam = table.beamForTable(job.M, params);
        beams.set(job.M, beam);
      }
      const rec = table.runErrorJob(job, measure, beam, params);
      appendFileSync(o.out, `${JSON.stringify(rec)}\n`);
    };
    // a --workers child only appends the records of the jobs it is sent: the parent has read,
    // truncated or rewritten --out before starting it
    if (o.child) {
      await serveQueue(all, runJob);
      return;
    }
    const inFiles = o.in === undefined ? [] : parseIn(o.in);
    const inParsed: ParsedFile[] = [];
    for (const f of inFiles) {
      inParsed.push(
        await readJobFile(
          f,
          "--in must be a comma-separated list of readable boltzlab errors JSONL files",
        ),
      );
    }
    const outExists = existsSync(o.out);
    const outParsed = outExists
      ? await readJobFile(o.out, "--out must be a boltzlab errors JSONL file (or not exist yet)")
      : undefined;

    const mine = table.shardJobs(all, shard.k, shard.n);
    const selected = new Set(mine.map((j) => table.jobKey({ ...j, ...params })));
    const done = new Set<string>();
    for (const f of [...(outParsed ? [outParsed] : []), ...inParsed]) {
      for (const r of f.records) {
        const key = table.jobKey(r);
        if (!(o.recompute && selected.has(key))) done.add(key);
      }
    }
    const todo = mine.filter(
      (j) =>
        findMeasure(j.term, j.part) !== undefined && !done.has(table.jobKey({ ...j, ...params })),
    );

    // ── compute ──
    if (o.recompute && outParsed) {
      // every line but the selected jobs' records (a truncated tail is dropped with them)
      const kept = outParsed.records.filter((r) => !selected.has(table.jobKey(r)));
      const tmp = `${o.out}.recompute-${process.pid}`;
      writeFileSync(tmp, kept.map((r) => `${JSON.stringify(r)}\n`).join(""));
      renameSync(tmp, o.out);
    } else if (todo.length > 0 && outParsed?.truncatedTail) {
      truncateSync(o.out, outParsed.tailStart);
    }
    if (todo.length > 0) mkdirSync(dirname(o.out), { recursive: true });
    const progress = progressBar("errors");
    try {
      if (todo.length > 0 && workers > 1 && todo.length > 1) {
        const groups = dispatchGroups(todo);
        await runChildQueue(
          childArgs(o, set),
          groups,
          Math.min(workers, groups.length),
          todo.length,
          (done, total) => progress.update(done, total),
        );
      } else {
        let count = 0;
        progress.update(0, todo.length);
        for (const job of todo) {
          runJob(job);
          progress.update(++count, todo.length);
        }
      }
    } finally {
      progress.stop();
    }

    // ── assemble and print ──
    const records: JobRecord[] = [];
    if (existsSync(o.out)) {
      records.push(
        ...(await readJobFile(o.out, "--out must be a boltzlab errors JSONL file")).records,
      );
    }
    for (const f of inParsed) records.push(...f.records);
    const entries = table.assembleEntries(
      records,
      terms,
      parts,
      Ms,
      params,
      (t, z) => findMeasure(t, z) !== undefined,
    );
    const notMeasured = mine.filter((j) => findMeasure(j.term, j.part) === undefined).length;
    const summary = {
      total: all.length,
      inShard: mine.length,
      computed: todo.length,
      alreadyDone: mine.length - todo.length - notMeasured,
      notMeasured,
      shard: `${shard.k}/${shard.n}`,
      workers,
      out: o.out,
      in: inFiles,
    };
    if (csv !== undefined) {
      const rows = errorsCsvRows(entries, Ms);
      writeCsv(csv, { columns: columnsOf(rows), rows });
    }
    if (o.json) {
      printJson({
        entries,
        parameters: {
          ...params,
          Ms,
          construction: set.construction.name,
          constants: makeConstants(set.constants),
        },
        jobs: summary,
      });
      return;
    }
    const header = [
      "term",
      "norm",
      ...Ms.map((M) => `M=${M} (max over windows)`),
      "fitted exp.",
      "paper exp.",
      "verdict",
    ];
    const rows = entries.map((e) => [
      e.term,
      e.norm,
      ...Ms.map((M) => valueText(e, M)),
      exponentText(e),
      e.paperExponent === null
        ? ""
        : `${fmt(e.paperExponent)}${e.paperLogFactor && e.paperLogFactor !== "none" ? ` ·${e.paperLogFactor}` : ""}`,
      e.verdict,
    ]);
    process.stdout.write(`${formatTable(header, rows)}\n\n`);
    for (const e of entries) process.stdout.write(`${e.term} ${e.norm}: ${e.reason}\n`);
    process.stdout.write(
      `\nM = ${Ms.join(", ")} (as given); s = ${s}; s0 = ${s0}; p = ${DEFAULT_P}; cutoff ${cutoff}; variant ${variant}; ${set.label}; window grid ${grid.join(",")} × T*; ` +
        `fits divided by the paper's log factor; jobs: ${todo.length} computed (workers ${workers}), ${summary.alreadyDone} already in the files (${o.out}), ${notMeasured} without a measure\n`,
    );
  });
}

/** The argv of a `--workers` child of this `errors` run (the same options, plus `--child`). */
function childArgs(o: ErrorsOptions, set: ResolvedConstruction): string[] {
  const args: string[] = [
    "errors",
    "--M",
    o.M,
    "--cutoff",
    set.cutoff,
    "--variant",
    set.variant,
    ...constructionArgs(set.constants),
    "--grid",
    o.grid,
    "--solution",
    o.solution,
    "--out",
    o.out,
    "--child",
  ];
  if (o.term !== undefined) args.push("--term", o.term);
  if (o.norm !== undefined) args.push("--norm", o.norm);
  if (set.s !== undefined) args.push("--s", set.s);
  if (set.s0 !== undefined) args.push("--s0", set.s0);
  return args;
}
