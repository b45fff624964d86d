import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { RuleError } from "../math/errors.ts";
import { claim2_24, claim2_25, claim2_26 } from "./beam-norms-2-24-to-2-26.ts";
import type { ClaimContext } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";
import { claim2_30, claim2_31, claim2_35, claimsDeflation } from "./core-2-30-to-2-43.ts";
import { claim4_25 } from "./envelope-time-integral-4-25.ts";
import { kernelComputes, notStatedResults } from "./kernel-scope.ts";
import { claim2_10, claim2_23, claimBumps, claimTubeSums } from "./lattice-2-10-to-2-29.ts";
import { claim2_34 } from "./pointwise-sandwich-2-34.ts";
import type { ClaimPool } from "./pool-task.ts";
import { claimsProposition3_1 } from "./proposition-3-1.ts";
import { claimsProposition3_1Construction } from "./proposition-3-1-construction.ts";
import { claimsProposition3_1CorePairs } from "./proposition-3-1-core-pairs.ts";
import { claimsSecondSolution } from "./second-solution.ts";
import { claim1_9, claimTimeHypothesis } from "./supports-1-9.ts";
import { seedTheoremRows } from "./theorem-1-1.ts";
import { claimsLemma4_2 } from "./z-norms-4-4-to-4-19.ts";

/**
 * Every statement the claims layer checks, keyed by the paper's equation number: Section 2,
 * Proposition 3.1 ((3.4)–(3.6)), Lemma 4.2 ((4.4)–(4.6), (4.18)–(4.19)) and the second solution
 * g_a ≡ f_r(0) of Section 5 ((5.11), (5.12); second-solution.ts). One check may
 * produce several results (sub-cases k, p; and (2.10)/(2.19), (2.12)/(1.13)/(2.20), (2.36)–(2.43),
 * (3.4)–(3.6), (4.4)–(4.19) share their computations). The Section 4 error table and
 * Proposition 5.1 are not claims of this kind: see error-table/ and proposition-5-1.ts.
 */
interface ClaimCheck {
  readonly ids: readonly string[];
  readonly run: (ctx: ClaimContext) => ClaimResult[];
  /** Run only when named with `ids` (too slow for the default sweep and the 3-minute report). */
  readonly optIn?: boolean;
}

const CHECKS: readonly ClaimCheck[] = [
  { ids: ["1.9"], run: (c) => [claim1_9(c)] },
  { ids: ["2.10", "2.19"], run: claim2_10 },
  { ids: ["2.11"], run: (c) => claimTubeSums(c, 1) },
  { ids: ["2.12", "1.13", "2.20"], run: claimBumps },
  { ids: ["2.23"], run: (c) => [claim2_23(c)] },
  { ids: ["2.24"], run: (c) => [claim2_24(c)] },
  { ids: ["2.25"], run: claim2_25 },
  { ids: ["2.26"], run: claim2_26 },
  { ids: ["2.29"], run: (c) => claimTubeSums(c, 10) },
  { ids: ["2.30"], run: claim2_30 },
  { ids: ["2.31"], run: (c) => [claim2_31(c)] },
  { ids: ["2.34"], run: claim2_34 },
  { ids: ["2.35"], run: (c) => [claim2_35(c)] },
  { ids: ["2.36", "2.37", "2.38", "2.39", "2.42", "2.43"], run: claimsDeflation },
  { ids: ["T*<=1/4"], run: (c) => [claimTimeHypothesis(c)] },
  { ids: ["3.4", "3.5", "3.6"], run: claimsProposition3_1 },
  { ids: ["4.4", "4.5", "4.6", "4.18", "4.19"], run: claimsLemma4_2 },
  { ids: ["4.25"], run: (c) => [claim4_25(c)] },
  { ids: ["5.11", "5.12"], run: claimsSecondSolution },
  { ids: ["3.5-fb", "3.6-fb"], run: claimsProposition3_1Construction, optIn: true },
  {
    ids: ["3.5-construction", "3.6-construction"],
    run: claimsProposition3_1CorePairs,
    optIn: true,
  },
];

/**
 * Every claim id the registry can check (the paper's equation numbers, e.g. "2.10", plus named
 * checks such as "T*<=1/4"), in registry order; the opt-in ones included.
 */
export const CLAIM_IDS: readonly string[] = CHECKS.flatMap((c) => c.ids);

export { CLAIM_TITLES } from "./claim-titles.ts";

/** The ids run when none are named: every check except the opt-in ones. */
export const DEFAULT_CLAIM_IDS: readonly string[] = CHECKS.filter((c) => !c.optIn).flatMap(
  (c) => c.ids,
);

/**
 * What {@link runClaims} checks: claim `ids` (default: every non-opt-in claim), over the values of
 * M, with s and s0, for each cutoff and variant; `onProgress(done, total)` after each check.
 */
export interface RunClaimsOptions {
  readonly ids?: readonly string[];
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly cutoffs: readonly string[];
  readonly variants: readonly Variant[];
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Also measure on the large-M grid 10^3 … 10^12 where a check can (the deflation claims
   * (2.36)–(2.43), as-in-proof only). Default false: `Ms` is used exactly as given.
   */
  readonly largeM?: boolean;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`; docs/kernels.md). */
  readonly kernel?: string;
  /**
   * A worker pool to run the checks on (`withClaimPool` / `createClaimPool` in `boltzlab/parallel`);
   * absent or null: every check in-process. The pool is not destroyed here.
   */
  readonly pool?: ClaimPool | null;
  /** The construction's free constants (absent: the paper's), passed to every check's context. */
  readonly constants?: Partial<ConstructionConstants>;
}

/** The base id of a result ("2.11/k=1" → "2.11"; a registered id such as "T*<=1/4" is its own base). */
function baseId(id: string): string {
  return CLAIM_IDS.includes(id) ? id : id.split("/")[0];
}

/** The checks that produce any of `wanted`, in registry order (a RuleError for an unknown id). */
function selectChecks(wanted: readonly string[]): readonly ClaimCheck[] {
  for (const id of wanted) {
    if (!CLAIM_IDS.includes(id))
      throw new RuleError(`claim id must be one of ${CLAIM_IDS.join(", ")}`, `got "${id}"`);
  }
  return CHECKS.filter((c) => c.ids.some((id) => wanted.includes(id)));
}

/** Number of independent tasks runClaims will run (checks × cutoffs × variants), for a steady progress total. */
export function claimTaskCount(
  opts: Pick<RunClaimsOptions, "ids" | "cutoffs" | "variants">,
): number {
  return (
    selectChecks(opts.ids ?? DEFAULT_CLAIM_IDS).length * opts.cutoffs.length * opts.variants.length
  );
}

/** Run the check whose first id is `checkId` (the unit of work of the claim pool). */
export function runCheck(checkId: string, ctx: ClaimContext): ClaimResult[] {
  const check = CHECKS.find((c) => c.ids[0] === checkId);
  if (!check)
    throw new RuleError(`claim id must be one of ${CLAIM_IDS.join(", ")}`, `got "${checkId}"`);
  if (!kernelComputes(checkId, ctx.kernel)) return notStatedResults(check.ids, ctx);
  return check.run(ctx);
}

/**
 * Relative cost of a check (measured on the default report, s = 0.8, M ≤ 64): the pool queues
 * expensive checks first so that the cores finish together. Only the order of execution depends
 * on it, never a result.
 */
const COST_HINT: Readonly<Record<string, number>> = {
  "2.30": 16,
  "4.4": 15,
  "2.36": 10,
  "2.31": 8,
  "3.4": 5,
  "2.24": 5,
  "2.26": 4,
  "2.25": 4,
  "2.34": 2,
};

/**
 * Every selected check for each cutoff and variant. Checks are independent: given a `pool`
 * ({@link ClaimPool}) they run on its workers, heaviest first; results come back in the
 * same order as in-process (cutoff, variant, registry order) and are identical to it.
 * Theorem 1.1 rows computed by workers seed this process's row cache.
 */
export async function runClaims(opts: RunClaimsOptions): Promise<ClaimResult[]> {
  const wanted = opts.ids ?? DEFAULT_CLAIM_IDS;
  const checks = selectChecks(wanted);
  const tasks: { checkId: string; ctx: ClaimContext }[] = [];
  for (const cutoff of opts.cutoffs) {
    for (const variant of opts.variants) {
      for (const check of checks) {
        tasks.push({
          checkId: check.ids[0],
          ctx: {
            Ms: [...opts.Ms],
            s: opts.s,
            s0: opts.s0,
            cutoff,
            variant,
            ...(opts.largeM ? { largeM: true } : {}),
            ...(opts.constants && Object.keys(opts.constants).length > 0
              ? { constants: opts.constants }
              : {}),
            ...(opts.kernel !== undefined && opts.kernel !== "hard-sphere"
              ? { kernel: opts.kernel }
              : {}),
          },
        });
      }
    }
  }
  const total = tasks.length;
  let done = 0;
  const keep = (rs: readonly ClaimResult[]) => rs.filter((r) => wanted.includes(baseId(r.id)));
  const pool = opts.pool ?? null;
  if (!pool) {
    const out: ClaimResult[] = [];
    for (const task of tasks) {
      out.push(...keep(runCheck(task.checkId, task.ctx)));
      done++;
      opts.onProgress?.(done, total);
      await yieldToEventLoop();
    }
    return out;
  }
  const results: ClaimResult[][] = new Array(total);
  const order = tasks
    .map((_, i) => i)
    .sort(
      (a, b) => (COST_HINT[tasks[b].checkId] ?? 1) - (COST_HINT[tasks[a].checkId] ?? 1) || a - b,
    );
  await Promise.all(
    order.map(async (i) => {
      const res = await pool.run({ kind: "check", ...tasks[i] });
      if (res.kind !== "check") throw new Error("claim pool: unexpected result kind");
      seedTheoremRows(res.rows);
      results[i] = keep(res.claims);
      done++;
      opts.onProgress?.(done, total);
    }),
  );
  return results.flat();
}

/** Let the event loop run (progress output, signals) between in-process tasks; also in a browser. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The first id of every check, in registry order (the unit of work of {@link runCheck}). */
export function checkIds(): string[] {
  return CHECKS.map((c) => c.ids[0]);
}
