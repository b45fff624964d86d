import type { PoolResult, PoolTask } from "../claims/pool-task.ts";
import { runPoolTask } from "../claims/run-pool-task.ts";
import { workerEntry } from "./worker-entry.ts";

/**
 * The file each thread of the claim pool ({@link createClaimPool}) loads: piscina calls its default
 * export with one {@link PoolTask}.
 */

/** The worker's entry: {@link runPoolTask}, a RuleError returned as data (worker-runtime.ts). */
const poolEntry: (task: PoolTask) => PoolResult | { kind: "rule-error"; message: string } =
  workerEntry(runPoolTask);
export default poolEntry;
