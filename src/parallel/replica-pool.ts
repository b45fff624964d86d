import { type ReplicaResult, type ReplicaTask, runReplicaTask } from "./replica-worker.ts";
import { runTasks } from "./worker-runtime.ts";

/**
 * Independent particle replicas on worker threads (`--workers N` of `particles` and `transport`).
 * Each replica is a pure function of its configuration and index (its seeds are derived from the
 * base seed and r), so running them on a pool changes only where they run: the results are the
 * same bits as `--workers 1`. `onResult` is called in this thread as each replica finishes (in
 * completion order; callers that merge sort by replica index), so results can be appended as they
 * come. With `workers` ≤ 1 or a single task everything runs in-process, in index order.
 * Lifecycle, ordering and errors are those of {@link runTasks} (worker-runtime.ts).
 *
 * @category Parallel
 */
export async function runReplicaTasks(
  tasks: readonly ReplicaTask[],
  workers: number,
  onResult: (result: ReplicaResult, task: ReplicaTask) => void = () => {},
): Promise<ReplicaResult[]> {
  return runTasks(tasks, {
    worker: "replica-worker",
    workers,
    inProcess: runReplicaTask,
    onResult: (result, task) => onResult(result, task),
  });
}
