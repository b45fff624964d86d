import type { Command } from "commander";
import type { ClaimResult } from "../../claims/claim-result.ts";
import { CLAIM_TITLES } from "../../claims/claim-titles.ts";
import { makeConstants } from "../../construction/parameters/parameters.ts";
import { RuleError } from "../../math/errors.ts";
import {
  addConfigurationOptions,
  addKernelOption,
  addParameterOptions,
  DEFAULT_MS,
  fmt,
  formatMs,
  formatTable,
  kernelEcho,
  LARGE_M_HELP,
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
  resolveConstruction,
} from "../construction-options.ts";
import { addCsvOption, type CsvValue, parseCsvPath, writeCsv } from "../csv.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface ClaimsOptions extends ConstructionCliOptions {
  id?: string;
  M: string;
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  json?: boolean;
  csv?: string;
  workers?: string;
  list?: boolean;
  largeM?: boolean;
  kernel?: string;
}

/** "2.10,2.12" → ids, each one of `valid` (else a RuleError listing the valid ids). */
export function parseClaimIds(raw: string, valid: readonly string[]): string[] {
  const ids = raw
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const bad = ids.find((id) => !valid.includes(id));
  if (ids.length === 0 || bad !== undefined) {
    throw new RuleError(`claim id must be one of ${valid.join(", ")}`, `got "${bad ?? raw}"`);
  }
  return [...new Set(ids)];
}

function exponentText(c: ClaimResult): string {
  if (!c.fit || !Number.isFinite(c.fit.exponent)) return "";
  return `${c.fit.exponent.toFixed(3)} ± ${c.fit.exponentError.toFixed(3)}`;
}

/** The distinct M a result was measured at, in increasing order. */
export function measuredMs(c: ClaimResult): number[] {
  return [...new Set(c.measurements.map((m) => m.M))].sort((a, b) => a - b);
}

/**
 * Footer lines naming the M actually used: the list, and for every result measured at other M
 * (the large-M grid with `--large-M`; a check limited to smaller M) which M it used instead.
 */
export function mFooter(claims: readonly ClaimResult[], Ms: readonly number[]): string[] {
  const asked = [...Ms].sort((a, b) => a - b).join(",");
  const groups = new Map<string, string[]>();
  for (const c of claims) {
    const used = measuredMs(c);
    if (used.length === 0 || used.join(",") === asked) continue;
    const key = formatMs(used);
    const label = `${c.id} (${c.cutoff}, ${c.variant})`;
    groups.set(key, [...(groups.get(key) ?? []), label]);
  }
  const lines = [`M = ${formatMs(Ms)} (as given)`];
  for (const [key, ids] of groups)
    lines.push(`  measured at M = ${key} instead of the list: ${ids.join(", ")}`);
  return lines;
}

/** The CSV of the claims table: one row per result, estimates' fits as value/error columns. */
export function claimsCsvRows(
  claims: readonly ClaimResult[],
  p: { s: number; s0: number; largeM: boolean; construction?: string },
): Record<string, CsvValue>[] {
  return claims.map((c) => ({
    id: c.id,
    title: c.title,
    cutoff: c.cutoff,
    variant: c.variant,
    verdict: c.verdict,
    fitted_exponent: c.fit && Number.isFinite(c.fit.exponent) ? c.fit.exponent : undefined,
    fitted_exponent_error:
      c.fit && Number.isFinite(c.fit.exponent) ? c.fit.exponentError : undefined,
    paper_exponent: c.paperExponent,
    exponent_variable: c.paperExponent === undefined ? undefined : (c.variable ?? "M"),
    implied_constant_min: c.impliedConstant?.min,
    implied_constant_max: c.impliedConstant?.max,
    M_used: measuredMs(c),
    s: p.s,
    s0: p.s0,
    large_M: p.largeM,
    construction: p.construction ?? "paper",
    statement: c.statement,
    reason: c.reason,
  }));
}

export const CLAIMS_CSV_COLUMNS = [
  "id",
  "title",
  "cutoff",
  "variant",
  "verdict",
  "fitted_exponent",
  "fitted_exponent_error",
  "paper_exponent",
  "exponent_variable",
  "implied_constant_min",
  "implied_constant_max",
  "M_used",
  "s",
  "s0",
  "large_M",
  "construction",
  "statement",
  "reason",
] as const;

/** `id  title` lines of every registered claim. */
function idLines(): string {
  const ids = Object.keys(CLAIM_TITLES);
  const w = Math.max(...ids.map((id) => id.length));
  return ids.map((id) => `  ${id.padEnd(w)}  ${CLAIM_TITLES[id]}`).join("\n");
}

/**
 * `boltzlab claims [--id 2.12] [--M 4,8,16] [--cutoff bump,plateau] [--variant ...] [--large-M]
 * [--json] [--csv FILE] [--list]`: check the paper's statements (src/claims/registry.ts) over the
 * given M (exactly those; the large-M grid only with `--large-M`), for each cutoff and variant, and
 * print their verdicts. `--list` prints the ids and titles. Progress on stderr.
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("claims")
      .description("check the paper's claims across M and print the verdicts")
      .option(
        "--id <ids>",
        "claim id(s), comma-separated (default: every claim that is not opt-in)",
      )
      .option(
        "--list",
        "list the claim ids and titles (JSON with --json, CSV with --csv) and exit",
      ),
  ).option(
    "--M <list>",
    "values of M, comma-separated integers >= 2, used as given",
    DEFAULT_MS.join(","),
  );
  addConfigurationOptions(cmd, "survey")
    .option("--large-M", LARGE_M_HELP)
    .option("--json", "machine-readable output on stdout")
    .addHelpText("after", `\nClaim ids (boltzlab claims --list):\n${idLines()}\n`);
  addCsvOption(cmd);
  addConstructionOptions(cmd);
  addKernelOption(cmd);
  addWorkersOption(cmd).action(async (o: ClaimsOptions, command: Command) => {
    const csv = parseCsvPath(o.csv);
    if (o.list) {
      await listClaims(o.json === true, csv);
      return;
    }
    const Ms = parseMList(o.M);
    const set = resolveConstruction(o, command);
    const constants = set.constants;
    const { s, s0 } = validateParameters(Ms, { ...o, s: set.s, s0: set.s0 });
    const cutoffs = parseCutoffs(set.cutoff);
    const variants = parseVariants(set.variant);
    const workers = parseWorkers(o.workers);
    const largeM = o.largeM === true;
    const kernel = parseKernel(o.kernel);
    const { CLAIM_IDS, runClaims } = await import("../../claims/registry.ts");
    const { withClaimPool } = await import("../../parallel/claim-pool.ts");
    const ids = o.id === undefined ? undefined : parseClaimIds(o.id, CLAIM_IDS);

    const progress = progressBar("claims");
    let claims: ClaimResult[];
    try {
      claims = await withClaimPool(workers, (pool) =>
        runClaims({
          ids,
          Ms,
          s,
          s0,
          cutoffs,
          variants,
          largeM,
          constants,
          ...(kernel === "hard-sphere" ? {} : { kernel }),
          pool,
          onProgress: (done, total) => progress.update(done, total),
        }),
      );
    } finally {
      progress.stop();
    }
    if (csv !== undefined) {
      writeCsv(csv, {
        columns: CLAIMS_CSV_COLUMNS,
        rows: claimsCsvRows(claims, { s, s0, largeM, construction: set.construction.name }),
      });
    }
    if (o.json) {
      printJson({
        parameters: {
          Ms,
          s,
          s0,
          cutoffs,
          variants,
          largeM,
          workers,
          construction: set.construction.name,
          constants: makeConstants(constants),
          ...kernelEcho(kernel),
        },
        claims,
      });
      return;
    }
    const rows = claims.map((c) => [
      c.id,
      c.cutoff,
      c.variant,
      c.verdict,
      exponentText(c),
      c.paperExponent === undefined ? "" : fmt(c.paperExponent),
      c.reason,
    ]);
    process.stdout.write(
      `${formatTable(["id", "cutoff", "variant", "verdict", "fitted exponent", "paper exponent", "reason"], rows)}\n`,
    );
    process.stdout.write(
      `\n${mFooter(claims, Ms).join("\n")}\ns = ${s}; s0 = ${s0}; p = 10; cutoff ${cutoffs.join(",")}; variant ${variants.join(",")}; ${set.label}${largeM ? "; --large-M" : ""}; kernel ${kernel} (${kernelEcho(kernel).kernelNormalization})\n`,
    );
  });
}

async function listClaims(json: boolean, csv: string | undefined): Promise<void> {
  const { CLAIM_IDS, DEFAULT_CLAIM_IDS } = await import("../../claims/registry.ts");
  const list = CLAIM_IDS.map((id) => ({
    id,
    title: CLAIM_TITLES[id] ?? "",
    byDefault: DEFAULT_CLAIM_IDS.includes(id),
  }));
  if (csv !== undefined) {
    writeCsv(csv, {
      columns: ["id", "title", "by_default"],
      rows: list.map((c) => ({ id: c.id, title: c.title, by_default: c.byDefault })),
    });
  }
  if (json) {
    printJson({ claims: list });
    return;
  }
  process.stdout.write(
    `${formatTable(
      ["id", "title", "runs"],
      list.map((c) => [c.id, c.title, c.byDefault ? "by default" : "only with --id"]),
    )}\n`,
  );
}
