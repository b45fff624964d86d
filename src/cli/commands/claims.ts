import type { Command } from "commander";
import type { ClaimResult } from "../../claims/claim-result.ts";
import { VARIANTS } from "../../construction/variant.ts";
import { RuleError } from "../../math/errors.ts";
import {
  addParameterOptions,
  DEFAULT_MS,
  fmt,
  formatTable,
  parseCutoffs,
  parseMList,
  parseVariants,
  printJson,
  validateParameters,
} from "../common-options.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface ClaimsOptions {
  id?: string;
  M: string;
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  json?: boolean;
  workers?: string;
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

/**
 * `boltzlab claims [--id 2.12] [--M 4,8,16] [--cutoff bump,plateau] [--variant ...] [--json]`:
 * check the paper's statements (src/claims/registry.ts) over a sweep of M, for each cutoff and
 * variant, and print their verdicts. Progress on stderr.
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("claims")
      .description("check the paper's claims across M and print the verdicts")
      .option("--id <ids>", "claim id(s), comma-separated (default: every claim)"),
  )
    .option("--M <list>", "values of M, comma-separated integers >= 2", DEFAULT_MS.join(","))
    .option("--cutoff <list>", "cutoff profiles: bump,plateau", "bump,plateau")
    .option("--variant <list>", `readings of I_{i,j}: ${VARIANTS.join(",")}`, VARIANTS.join(","))
    .option("--json", "machine-readable output on stdout");
  addWorkersOption(cmd).action(async (o: ClaimsOptions) => {
    const Ms = parseMList(o.M);
    const { s, s0 } = validateParameters(Ms, o);
    const cutoffs = parseCutoffs(o.cutoff);
    const variants = parseVariants(o.variant);
    const workers = parseWorkers(o.workers);
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
          pool,
          onProgress: (done, total) => progress.update(done, total),
        }),
      );
    } finally {
      progress.stop();
    }
    if (o.json) {
      printJson({ claims });
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
    process.stdout.write(`\nM = ${Ms.join(", ")}; s = ${s}; s0 = ${s0}\n`);
  });
}
