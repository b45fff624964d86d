import { Piscina } from "piscina";
import {
  type MapCell,
  type MapOptions,
  mapCellCount,
  thresholdMap,
  thresholdMapRows,
} from "../claims/threshold-map.ts";
import { RuleError } from "../math/errors.ts";
import type { RuleErrorReply } from "./claim-worker.ts";

/**
 * {@link thresholdMap} (the (s, s0) map of the thresholds, claims/threshold-map.ts) with its rows
 * — one s0 each, independent of each other — on a pool of `workers` worker threads (`threshold
 * --map N --workers W`); `workers` ≤ 1 runs in-process. Each row is a pure function of its
 * parameters, so the cells are the same numbers, in the same order, as the in-process map; each
 * thread keeps its own memoized norms, shared by the rows it runs (those of one s0 within a row,
 * those of one s across rows). `onCell(done, total)` as each row finishes (its cells at once).
 * Loader handling (source under tsx vs dist/) is that of {@link createClaimPool}.
 *
 * @category Parallel
 */
export async function thresholdMapParallel(o: MapOptions, workers: number): Promise<MapCell[]> {
  const rows = thresholdMapRows(o);
  if (workers <= 1 || rows.length <= 1) return thresholdMap(o);
  const total = mapCellCount(rows);
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const execArgv = [...process.execArgv];
  if (ext === ".ts" && !execArgv.some((a) => a.includes("tsx")))
    execArgv.push("--import", import.meta.resolve("tsx"));
  const n = Math.min(workers, rows.length);
  const pool = new Piscina({
    filename: new URL(`./threshold-map-worker${ext}`, import.meta.url).href,
    minThreads: n,
    maxThreads: n,
    execArgv,
  });
  const results: MapCell[][] = new Array(rows.length);
  let done = 0;
  try {
    const settled = await Promise.allSettled(
      rows.map(async (row, k) => {
        const reply = (await pool.run(row)) as MapCell[] | RuleErrorReply;
        if (!Array.isArray(reply)) throw new RuleError(reply.message);
        results[k] = reply;
        done += reply.length;
        o.onCell?.(done, total);
      }),
    );
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
