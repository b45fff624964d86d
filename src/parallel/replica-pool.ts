import { Piscina } from "piscina";
import { RuleError } from "../math/errors.ts";
import type { RuleErrorReply } from "./claim-worker.ts";
import { type ReplicaResult, type ReplicaTask, runReplicaTask } from "./replica-worker.ts";

/**
 * Independent particle replicas on worker threads (`--workers N` of `particles` and `transport`).
 * Each replica is a pure function of its configuration and index (its seeds are derived from the
 * base seed and r), so running them on a pool changes only where they run: the results are the
 * same bits as `--workers 1`. `onResult` is called in this thread as each replica finishes (in
 * completion order; callers that merge sort by replica index), so results can be appended as they
 * come. With `workers` ≤ 1 or a single task everything runs in-process, in index order.
 * Loader handling (source under tsx vs dist/) is that of {@link createClaimPool}.
 *
 * @category Parallel
 */
export async function runReplicaTasks(
  tasks: readonly ReplicaTask[],
  workers: number,
  onResult: (result: ReplicaResult, task: ReplicaTask) => void = () => {},
): Promise<ReplicaResult[]> {
  const results: ReplicaResult[] = new Array(tasks.length);
  if (workers <= 1 || tasks.length <= 1) {
    tasks.forEach((task, k) => {
      results[k] = runReplicaTask(task);
      onResult(results[k], task);
    });
    return results;
  }
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const execArgv = [...process.execArgv];
  if (ext === ".ts" && !execArgv.some((a) => a.includes("tsx")))
    execArgv.push("--import", import.meta.resolve("tsx"));
  const n = Math.min(workers, tasks.length);
  const pool = new Piscina({
    filename: new URL(`./replica-worker${ext}`, import.meta.url).href,
    minThreads: n,
    maxThreads: n,
    execArgv,
  });
  try {
    const settled = await Promise.allSettled(
      tasks.map(async (task, k) => {
        const reply = (await pool.run(task)) as ReplicaResult | RuleErrorReply;
        if ("kind" in reply && reply.kind === "rule-error") throw new RuleError(reply.message);
        results[k] = reply as ReplicaResult;
        onResult(results[k], task);
      }),
    );
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return results;
  } finally {
    await pool.destroy();
  }
}
