import { availableParallelism } from "node:os";
import type { ClaimPool, PoolResult, PoolTask } from "../claims/pool-task.ts";
import { openThreadPool } from "./worker-runtime.ts";

/**
 * The worker pool for independent claim work (docs/design.md, "Speed": independent work runs on a worker
 * pool across cores): claim checks (cutoff × variant × check), Theorem 1.1 rows and deflation
 * curves. Tasks and results are plain data (structured-clonable); each worker runs
 * {@link runPoolTask} (`claims/pool-task.ts`) through `claim-worker.ts`, the same function the
 * in-process path uses, so pooled and in-process runs give identical numbers.
 *
 * This folder (src/parallel/) is the Node-only edge below report/ and cli/. The claims layer sees
 * only the {@link ClaimPool} interface, so it imports no Node built-in. The pool is a thread pool of
 * the one parallel runtime (worker-runtime.ts `openThreadPool`): it resolves `claim-worker.ts` or
 * `.js` with tsx's loader from source, waits for every task before it is destroyed, and throws a
 * worker's RuleError again as a RuleError.
 *
 * @category Parallel
 */

/** The default worker count: the number of cores available to this process. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A pool of `workers` worker threads (≥ 2), or null for `workers` ≤ 1 (the caller then runs
 * in-process). The caller destroys it ({@link ClaimPool.destroy}); {@link withClaimPool} does both.
 */
export function createClaimPool(workers: number): ClaimPool | null {
  if (workers <= 1) return null;
  return openThreadPool<PoolTask, PoolResult>("claim-worker", workers, { idleTimeout: 60_000 });
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
