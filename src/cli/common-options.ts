import type { Command } from "commander";
import { CUTOFF_NAMES, type CutoffName, cutoffByName } from "../construction/geometry/cutoff.ts";
import { kernelNormalization } from "../construction/parameters/kernel-normalization.ts";
import {
  DEFAULT_P,
  DEFAULT_S,
  DEFAULT_S0,
  makeParameters,
} from "../construction/parameters/parameters.ts";
import { VARIANTS, type Variant, variantByName } from "../construction/parameters/variant.ts";
import { kernelByName } from "../kinetic/kernel.ts";
import { RuleError } from "../math/errors.ts";
import { parseNumber, parseVec3 } from "./parse.ts";

/**
 * Option handling shared by the subcommands. Every option is declared as a raw string and
 * validated by the functions below inside the action, before any computation or write, so that a
 * bad value is reported as one {@link RuleError} line (exit 2) and nothing happens.
 */

/*
 * ── The one rule for defaults (docs/cli.md, "Defaults") ──
 * Every command takes its defaults from the constants below and nowhere else:
 * - construction: s = 0.8, s0 = 0.5, p = 10 (construction/parameters/parameters.ts), cutoff `bump`, variant
 *   `as-in-proof` (the reading the proofs use), for every command that computes one configuration
 *   (collide, eval, theorem, errors, bootstrap, figures);
 * - commands whose purpose is to compare configurations (claims, report) default to all of them,
 *   every cutoff × every variant; every command that loops over configurations accepts lists;
 * - M grid: {@link DEFAULT_MS} (4, 8, …, 64) for claims, theorem and report; the error table and the
 *   bootstrap built on it default to {@link ERROR_TABLE_MS} (4, 8, 16), the error table's cost;
 *   a list of M is used exactly as given (more values only with `--large-M`);
 * - M ≥ 2 (the construction's rule); commands that work on the time interval [0, T*] (theorem,
 *   errors, bootstrap) need M ≥ 3, because T* = M^{s−1} ln ln M is negative at M = 2 (ln ln 2 < 0);
 * - workers: the number of cores (workers-option.ts), for claims, theorem, report and errors.
 */

/** The cutoff of a command that computes one configuration. */
export const DEFAULT_CUTOFF: CutoffName = "bump";
/** The variant of a command that computes one configuration: the reading the proofs use. */
export const DEFAULT_VARIANT: Variant = "as-in-proof";
/** The configurations of a command that compares them (claims, report): all. */
export const SURVEY_CUTOFFS: readonly CutoffName[] = CUTOFF_NAMES;
export const SURVEY_VARIANTS: readonly Variant[] = VARIANTS;

/** The default sweep of M used by `claims`, `theorem` and `report`. */
export const DEFAULT_MS = [4, 8, 16, 32, 64] as const;
/** The default M of the error table (`errors`) and of `bootstrap`, which reads it. */
export const ERROR_TABLE_MS = [4, 8, 16] as const;

/** The smallest M of the construction. */
export const M_MIN = 2;
/** The smallest M of a command on [0, T*]: T* = M^{s−1} ln ln M > 0 needs M ≥ 3. */
export const M_MIN_TIME = 3;

function mRule(min: number): string {
  return min === M_MIN
    ? "M must be an integer >= 2"
    : `M must be an integer >= ${min} here (T* = M^{s-1} ln ln M > 0 needs M >= 3; ln ln 2 < 0)`;
}

/** One value of M: an integer ≥ `min` (any other text, NaN or Infinity violates the same rule). */
export function parseM(raw: string, min: number = M_MIN): number {
  const s = raw.trim();
  const rule = mRule(min);
  if (!/^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(s)) throw new RuleError(rule, `got "${raw}"`);
  const M = Number(s);
  if (!Number.isFinite(M) || !Number.isInteger(M) || M < min) {
    throw new RuleError(rule, `got "${raw}"`);
  }
  return M;
}

/** "4,8,16" → [4, 8, 16], each an integer ≥ `min`; duplicates removed, order kept, nothing added. */
export function parseMList(raw: string, min: number = M_MIN): number[] {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === "")) {
    throw new RuleError(`M must be a comma-separated list of integers >= ${min}`, `got "${raw}"`);
  }
  return [...new Set(parts.map((p) => parseM(p, min)))];
}

/** A finite number named `name` (NaN, Infinity and non-numbers are refused). */
export function parseFinite(name: string, raw: string): number {
  return parseNumber(name, raw);
}

/** A vector "a,b,c" of three finite numbers. */
export function parseVector(name: string, raw: string): [number, number, number] {
  try {
    return parseVec3(name, raw);
  } catch (err) {
    if (err instanceof RuleError) {
      throw new RuleError(
        `${name} must be three comma-separated finite numbers a,b,c`,
        `got "${raw}"`,
      );
    }
    throw err;
  }
}

/** Comma-separated cutoff names, each one of {@link CUTOFF_NAMES}. */
export function parseCutoffs(raw: string): string[] {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) {
    throw new RuleError(`cutoff must be one of ${CUTOFF_NAMES.join(", ")}`, `got "${raw}"`);
  }
  for (const p of parts) cutoffByName(p);
  return [...new Set(parts)];
}

/** Comma-separated variants, each one of {@link VARIANTS}. */
export function parseVariants(raw: string): Variant[] {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) {
    throw new RuleError(`variant must be one of ${VARIANTS.join(", ")}`, `got "${raw}"`);
  }
  return [...new Set(parts.map(variantByName))];
}

/** Exactly one cutoff. */
export function parseCutoff(raw: string): string {
  return cutoffByName(raw.trim()).name;
}

/** Exactly one variant. */
export function parseVariant(raw: string): Variant {
  return variantByName(raw.trim());
}

export interface ParameterOptions {
  s?: string;
  s0?: string;
  p?: string;
}

export interface ValidatedParameters {
  readonly s: number;
  readonly s0: number;
  readonly p: number | undefined;
}

/**
 * Parse s, s0 (and p when given), then check them with {@link makeParameters} for every M in `Ms`,
 * so the rules "s0 must lie in [0, 1)", "s must satisfy max(s0, 3/4) < s < 1", "p must be >= 1"
 * are stated once, in the library.
 */
export function validateParameters(
  Ms: readonly number[],
  o: ParameterOptions,
): ValidatedParameters {
  const s0 = o.s0 === undefined ? DEFAULT_S0 : parseFinite("s0", o.s0);
  const s = o.s === undefined ? DEFAULT_S : parseFinite("s", o.s);
  const p = o.p === undefined ? undefined : parseFinite("p", o.p);
  for (const M of Ms) makeParameters({ M, s, s0, p });
  return { s, s0, p };
}

/** Declare --s and --s0 (with their defaults in the help) on a command. */
export function addParameterOptions(cmd: Command): Command {
  return cmd
    .option("--s <number>", `regularity s, max(s0, 3/4) < s < 1 (default ${DEFAULT_S})`)
    .option("--s0 <number>", `s0 in [0, 1) (default ${DEFAULT_S0})`);
}

/** Declare --p (N = M^p) on a command. */
export function addPOption(cmd: Command): Command {
  return cmd.option("--p <number>", `N = M^p, p >= 1 (default ${DEFAULT_P})`);
}

/**
 * Declare --cutoff and --variant with the defaults of the rule above: `one` (exactly one value,
 * default bump / as-in-proof), `list` (comma-separated lists, same default) or `survey` (lists,
 * default every cutoff and every variant).
 */
export function addConfigurationOptions(cmd: Command, mode: "one" | "list" | "survey"): Command {
  const cutoffs = mode === "survey" ? SURVEY_CUTOFFS.join(",") : DEFAULT_CUTOFF;
  const variants = mode === "survey" ? SURVEY_VARIANTS.join(",") : DEFAULT_VARIANT;
  const what = mode === "one" ? "one of" : "comma-separated list of";
  return cmd
    .option("--cutoff <name>", `cutoff profile, ${what} ${CUTOFF_NAMES.join(", ")}`, cutoffs)
    .option("--variant <name>", `reading of I_{i,j}, ${what} ${VARIANTS.join(", ")}`, variants);
}

/** The value of a `--large-M` flag's help, shared by claims and theorem. */
export const LARGE_M_HELP =
  "also measure on the large-M grid 10^3 … 10^12 (as-in-proof only; the Theorem 1.1 rows and the deflation claims 2.36–2.43); without it the M list is used exactly as given";

/** "4, 8, 16, 1e+3" style list of M for footers: integers below 10^6, powers of ten as 10^k. */
export function formatMs(Ms: readonly number[]): string {
  return Ms.map((M) => {
    const k = Math.log10(M);
    return M >= 1e3 && Number.isInteger(k) ? `10^${k}` : String(M);
  }).join(", ");
}

/** Pretty-print JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain-text table with left-aligned columns. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: readonly string[]) =>
    r
      .map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Number formatting for tables: 6 significant digits. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x === 0
    ? "0"
    : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e6
      ? x.toPrecision(6)
      : x.toExponential(4);
}

/** The kernel option's help: the names and where the normalization is stated. */
export const KERNEL_HELP =
  "collision kernel of A[f_b]: hard-sphere (default, B = |(u−v)·ω|, A = 2π∫|u−v|g) | constant (B ≡ 1, A = 4π∫g) | vhs:GAMMA (B = |u−v|^GAMMA |cos θ|, -3 < GAMMA <= 1); docs/kernels.md";

/** Declare `--kernel` (Remark 1.5) on a command. */
export function addKernelOption(cmd: Command): Command {
  return cmd.option("--kernel <name>", KERNEL_HELP);
}

/**
 * The kernel's canonical name from `--kernel` (absent: `hard-sphere`), validated by
 * kinetic/kernel.ts (`kernel must be one of hard-sphere, constant, vhs:GAMMA`, `-3 < gamma <= 1`).
 */
export function parseKernel(raw: string | undefined): string {
  return raw === undefined ? "hard-sphere" : kernelByName(raw.trim()).name;
}

/** The kernel as outputs echo it: its name and normalization (docs/kernels.md). */
export function kernelEcho(name: string): { kernel: string; kernelNormalization: string } {
  return { kernel: name, kernelNormalization: kernelNormalization(kernelByName(name)) };
}
