import { RuleError } from "../math/errors.ts";

/**
 * Option parsers shared by every subcommand. Each throws a {@link RuleError} naming the rule;
 * `main.ts` prints it on one line and exits with code 2 before anything is written.
 */
export function parseNumber(name: string, raw: string): number {
  const s = raw.trim();
  if (s === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    throw new RuleError(`${name} must be a finite number`, `got "${raw}"`);
  }
  const x = Number(s);
  if (!Number.isFinite(x)) throw new RuleError(`${name} must be a finite number`, `got "${raw}"`);
  return x;
}

export function parseInteger(name: string, raw: string, min: number): number {
  const x = parseNumber(name, raw);
  if (!Number.isInteger(x) || x < min) {
    throw new RuleError(`${name} must be an integer >= ${min}`, `got "${raw}"`);
  }
  return x;
}

/** "a,b,c" → three finite numbers. */
export function parseVec3(name: string, raw: string): [number, number, number] {
  const parts = raw.split(",");
  if (parts.length !== 3) {
    throw new RuleError(`${name} must be three comma-separated numbers a,b,c`, `got "${raw}"`);
  }
  return [parseNumber(name, parts[0]), parseNumber(name, parts[1]), parseNumber(name, parts[2])];
}

/** "4,8,16" → list of numbers, each parsed by `item`. */
export function parseList<T>(name: string, raw: string, item: (name: string, s: string) => T): T[] {
  const parts = raw.split(",").filter((p) => p.trim() !== "");
  if (parts.length === 0)
    throw new RuleError(`${name} must be a non-empty comma-separated list`, `got "${raw}"`);
  return parts.map((p) => item(name, p));
}

export function parseChoice<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(raw)) {
    throw new RuleError(`${name} must be one of ${choices.join(", ")}`, `got "${raw}"`);
  }
  return raw as T;
}

/** "k/n" with 1 ≤ k ≤ n. */
export function parseShard(raw: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) throw new RuleError("--shard must be k/n with integers 1 <= k <= n", `got "${raw}"`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (k < 1 || n < 1 || k > n)
    throw new RuleError("--shard must be k/n with integers 1 <= k <= n", `got "${raw}"`);
  return { k, n };
}
