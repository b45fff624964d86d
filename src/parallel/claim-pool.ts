import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { ClaimPool, PoolResult } from "../claims/pool-task.ts";
import { RuleError } from "../math/errors.ts";
import type { RuleErrorReply } from "./claim-worker.ts";

/**
 * The worker pool for independent claim work (docs/design.md, "Speed": independent work runs on a worker
 * pool across cores): claim checks (cutoff × variant × check), Theorem 1.1 rows and deflation
 * curves. Tasks and results are plain data (structured-clonable); each worker runs
 * {@link runPoolTask} (`claims/pool-task.ts`) through `claim-worker.ts`, the same function the
 * in-process path uses, so pooled and in-process runs give identical numbers.
 *
 * This folder (src/parallel/) is the Node-only edge below report/ and cli/: worker threads here,
 * the error table's job files in `job-file.ts`. The claims layer sees only the {@link ClaimPool}
 * interface, so it imports no Node built-in.
 *
 * Compiled or from source: the worker file is the sibling of this module with the same extension —
 * `claim-worker.js` when this runs from dist/ (plain Node, no loader), `claim-worker.ts` when it
 * runs from src/ under tsx. A worker thread does not inherit loader hooks registered in its parent,
 * only its `execArgv`; from source the pool passes the parent's `execArgv` and adds
 * `--import <tsx loader>` when it is not already there, so `claim-worker.ts` loads whether the
 * parent runs as `tsx main.ts`, `node --import tsx main.ts` or `node --import tsx --test`.
 *
 * @category Parallel
 */

/** The default worker count: the number of cores available to this process. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** ".ts" when this module runs from source (under tsx), ".js" when compiled. */
const OWN_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

function workerExecArgv(): string[] {
  const argv = [...process.execArgv];
  if (OWN_EXTENSION === ".ts" && !argv.some((a) => a.includes("tsx"))) {
    argv.push("--import", import.meta.resolve("tsx"));
  }
  return argv;
}

/**
 * A bad-input error raised in a worker comes back as a {@link RuleErrorReply} (a thrown error loses
 * its class across the thread boundary) and is thrown here again as a {@link RuleError}, so the CLI
 * still reports it as one line with exit code 2.
 */
function rethrowRuleError(reply: PoolResult | RuleErrorReply): PoolResult {
  if (reply.kind === "rule-error") throw new RuleError(reply.message);
  return reply;
}

/**
 * A pool of `workers` worker threads (≥ 2), or null for `workers` ≤ 1 (the caller then runs
 * in-process). The caller destroys it ({@link ClaimPool.destroy}); {@link withClaimPool} does both.
 */
export function createClaimPool(workers: number): ClaimPool | null {
  if (workers <= 1) return null;
  const piscina = new Piscina({
    filename: new URL(`./claim-worker${OWN_EXTENSION}`, import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    execArgv: workerExecArgv(),
  });
  // Destroying the pool while tasks are still queued or running (a caller's Promise.all rejected
  // on the first failed task) must not leave a worker to answer a task the pool has forgotten
  // (piscina then emits an unhandled 'error'; aborting races with the answer in the same way): the
  // pool is destroyed once every task it was given has settled.
  const inFlight = new Set<Promise<unknown>>();
  return {
    workers,
    run: (task) => {
      const result = (piscina.run(task) as Promise<PoolResult | RuleErrorReply>).then(
        rethrowRuleError,
      );
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return result;
    },
    destroy: async () => {
      await Promise.allSettled([...inFlight]);
      await piscina.destroy();
    },
  };
}

/**
 * Run `work` with a pool of `workers` threads (null for 1: in-process) and destroy the pool
 * afterwards, also when `work` throws.
 *
 * @example
 * ```ts
 * import { runClaims } from "boltzlab";
 * import { withClaimPool } from "boltzlab/parallel";
 * const claims = await withClaimPool(2, (pool) =>
 *   runClaims({ ids: ["2.10"], Ms: [4, 8], s: 0.8, s0: 0.5, cutoffs: ["bump"], variants: ["as-in-proof"], pool }),
 * );
 * console.log(claims[0].verdict);
 * ```
 */
export async function withClaimPool<T>(
  workers: number,
  work: (pool: ClaimPool | null) => Promise<T>,
): Promise<T> {
  const pool = createClaimPool(workers);
  try {
    return await work(pool);
  } finally {
    await pool?.destroy();
  }
}
