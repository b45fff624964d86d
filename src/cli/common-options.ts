import type { Command } from "commander";
import { CUTOFF_NAMES, cutoffByName } from "../construction/cutoff.ts";
import { DEFAULT_S, DEFAULT_S0, makeParameters } from "../construction/parameters.ts";
import { VARIANTS, type Variant, variantByName } from "../construction/variant.ts";
import { RuleError } from "../math/errors.ts";
import { parseNumber, parseVec3 } from "./parse.ts";

/**
 * Option handling shared by the subcommands. Every option is declared as a raw string and
 * validated by the functions below inside the action, before any computation or write, so that a
 * bad value is reported as one {@link RuleError} line (exit 2) and nothing happens.
 */

/** The default sweep of M used by `claims` and `report`. */
export const DEFAULT_MS = [4, 8, 16, 32, 64] as const;

const M_RULE = "M must be an integer >= 2";

/** One value of M: an integer ≥ 2 (any other text, NaN or Infinity violates the same rule). */
export function parseM(raw: string): number {
  const s = raw.trim();
  if (!/^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(s)) throw new RuleError(M_RULE, `got "${raw}"`);
  const M = Number(s);
  if (!Number.isFinite(M) || !Number.isInteger(M) || M < 2) {
    throw new RuleError(M_RULE, `got "${raw}"`);
  }
  return M;
}

/** "4,8,16" → [4, 8, 16], each an integer ≥ 2; duplicates removed, order kept. */
export function parseMList(raw: string): number[] {
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === "")) {
    throw new RuleError("M must be a comma-separated list of integers >= 2", `got "${raw}"`);
  }
  return [...new Set(parts.map(parseM))];
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
