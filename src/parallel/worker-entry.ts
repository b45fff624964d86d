import { RuleError } from "../math/errors.ts";

/**
 * The worker side of the parallel runtime (worker-runtime.ts): how a worker module answers. It
 * imports nothing but {@link RuleError}, so a worker thread loads only its own computation.
 */

/** A bad-input error raised in a worker, sent back as data (a thrown error loses its class there). */
export interface RuleErrorReply {
  readonly kind: "rule-error";
  readonly message: string;
}

/** True for a {@link RuleErrorReply}. */
export function isRuleErrorReply(reply: unknown): reply is RuleErrorReply {
  return (
    typeof reply === "object" &&
    reply !== null &&
    !Array.isArray(reply) &&
    (reply as { kind?: unknown }).kind === "rule-error"
  );
}

/**
 * A worker's entry: `run`, with a {@link RuleError} it throws returned as a {@link RuleErrorReply}
 * (any other error is thrown, and piscina rejects the task with it).
 */
export function workerEntry<T, R>(run: (task: T) => R): (task: T) => R | RuleErrorReply {
  return (task) => {
    try {
      return run(task);
    } catch (err) {
      if (err instanceof RuleError) return { kind: "rule-error", message: err.message };
      throw err;
    }
  };
}

/** A worker's reply, with a {@link RuleErrorReply} thrown again as a {@link RuleError}. */
export function unwrapReply<R>(reply: R | RuleErrorReply): R {
  if (isRuleErrorReply(reply)) throw new RuleError(reply.message);
  return reply;
}
