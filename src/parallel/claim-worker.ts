import type { PoolResult, PoolTask } from "../claims/pool-task.ts";
import { runPoolTask } from "../claims/run-pool-task.ts";
import { RuleError } from "../math/errors.ts";

/**
 * The file each thread of the claim pool ({@link createClaimPool}) loads: piscina calls its default
 * export with one {@link PoolTask}.
 */

/** A bad-input error raised in a worker, sent back as data (a thrown error loses its class there). */
export interface RuleErrorReply {
  readonly kind: "rule-error";
  readonly message: string;
}

/** The worker's entry: {@link runPoolTask}, with a {@link RuleError} returned as a {@link RuleErrorReply}. */
export default function poolEntry(task: PoolTask): PoolResult | RuleErrorReply {
  try {
    return runPoolTask(task);
  } catch (err) {
    if (err instanceof RuleError) return { kind: "rule-error", message: err.message };
    throw err;
  }
}
