import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { RuleError } from "../math/errors.ts";
import type { PoolResult, PoolTask, RuleErrorReply } from "./claim-worker.ts";

/**
 * A worker pool for independent claim work (DESIGN.md, "Speed": independent work runs on a worker
 * pool across cores): claim checks (cutoff × variant × check), Theorem 1.1 rows and deflation
 * curves. Tasks and results are plain data (structured-clonable); each worker runs
 * {@link runPoolTask} from `claim-worker.ts`, the same function the in-process path uses, so pooled
 * and in-process runs give identical numbers.
 *
 * Workers under tsx: a worker thread does not inherit loader hooks registered in its parent, only
 * its `execArgv`. The pool passes the parent's `execArgv` and adds `--import <tsx loader>` when it
 * is not already there, so `claim-worker.ts` loads whether the parent runs as `tsx main.ts`,
 * `node --import tsx main.ts` or `node --import tsx --test`.
 */
export interface ClaimPool {
  readonly workers: number;
  run(task: PoolTask): Promise<PoolResult>;
  destroy(): Promise<void>;
}

/** The default worker count: the number of cores available to this process. */
export function defaultWorkers(): number {
  return availableParallelism();
}

function workerExecArgv(): string[] {
  const argv = [...process.execArgv];
  const hasTsx = argv.some((a) => a.includes("tsx"));
  if (!hasTsx) argv.push("--import", import.meta.resolve("tsx"));
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

/** A pool of `workers` threads (≥ 2), or null for 1 (run in-process). */
export function createClaimPool(workers: number): ClaimPool | null {
  if (workers <= 1) return null;
  const piscina = new Piscina({
    filename: new URL("./claim-worker.ts", import.meta.url).href,
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
      const result = (
        piscina.run(task) as Promise<PoolResult | RuleErrorReply>
      ).then(rethrowRuleError);
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
