import type { PoolResult, PoolTask } from "./pool-task.ts";
import { runCheck } from "./registry.ts";
import { deflationCurve, recordComputedRows, takeComputedRows, theoremRow } from "./theorem-1-1.ts";

/** Run one task (in a worker, or in-process). */
export function runPoolTask(task: PoolTask): PoolResult {
  recordComputedRows(true);
  switch (task.kind) {
    case "check":
      return { kind: "check", claims: runCheck(task.checkId, task.ctx), rows: takeComputedRows() };
    case "theorem-row":
      return { kind: "theorem-row", row: theoremRow(task.M, task.opts), rows: takeComputedRows() };
    case "deflation-curve":
      return {
        kind: "deflation-curve",
        curve: deflationCurve(task.M, task.opts, task.points),
        rows: takeComputedRows(),
      };
  }
}
