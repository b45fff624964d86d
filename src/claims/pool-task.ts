import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import type { RuleError } from "../math/errors.ts";
import type { ClaimContext } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";
import type { DeflationCurve, TheoremRow } from "./theorem-row.ts";

/**
 * A pool of workers that runs {@link PoolTask}s (claim checks, Theorem 1.1 rows, deflation curves)
 * and answers with their {@link PoolResult}s. The claims layer only uses this interface; the
 * implementation on worker threads is `createClaimPool` in `src/parallel/claim-pool.ts` (Node-only,
 * so that claims/ imports no Node built-in and runs in a browser). A caller that gives no pool
 * runs every task in-process with `runPoolTask` (run-pool-task.ts): the same function, the same
 * numbers.
 */
export interface ClaimPool {
  /** Number of worker threads. */
  readonly workers: number;
  /** Run one task on a worker; a bad input rejects with a {@link RuleError}. */
  run(task: PoolTask): Promise<PoolResult>;
  /** Wait for every task given to settle, then stop the workers. */
  destroy(): Promise<void>;
}

/**
 * One unit of independent work for the claim pool ({@link ClaimPool}) and its result, all plain
 * data. `rows` carries the Theorem 1.1 rows the task computed (the deflation claims compute them),
 * so that the parent can seed its row cache and not compute them again.
 */
export type PoolTask =
  | { readonly kind: "check"; readonly checkId: string; readonly ctx: ClaimContext }
  | { readonly kind: "theorem-row"; readonly M: number; readonly opts: RowOptions }
  | {
      readonly kind: "deflation-curve";
      readonly M: number;
      readonly opts: RowOptions;
      readonly points: number;
    };

/** The options of one Theorem 1.1 row (everything of {@link TheoremOptions} but M). */
export interface RowOptions {
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /** The construction's free constants (absent or partial: the paper's; construction/parameters/parameters.ts). */
  readonly constants?: Partial<ConstructionConstants>;
}

/**
 * The answer to a {@link PoolTask}, of the same kind, with the Theorem 1.1 rows it computed on the
 * way (`rows`, to seed the caller's row cache).
 */
export type PoolResult =
  | {
      readonly kind: "check";
      readonly claims: ClaimResult[];
      readonly rows: [string, TheoremRow][];
    }
  | {
      readonly kind: "theorem-row";
      readonly row: TheoremRow;
      readonly rows: [string, TheoremRow][];
    }
  | {
      readonly kind: "deflation-curve";
      readonly curve: DeflationCurve;
      readonly rows: [string, TheoremRow][];
    };
