import {
  type MapCell,
  type MapOptions,
  type MapRow,
  mapCellCount,
  thresholdMap,
  thresholdMapRow,
  thresholdMapRows,
} from "../claims/threshold-map.ts";
import { runTasks } from "./worker-runtime.ts";

/**
 * {@link thresholdMap} (the (s, s0) map of the thresholds, claims/threshold-map.ts) with its rows
 * — one s0 each, independent of each other — on a pool of `workers` worker threads (`threshold
 * --map N --workers W`); `workers` ≤ 1 runs in-process. Each row is a pure function of its
 * parameters, so the cells are the same numbers, in the same order, as the in-process map; each
 * thread keeps its own memoized norms, shared by the rows it runs (those of one s0 within a row,
 * those of one s across rows). `onCell(done, total)` as each row finishes (its cells at once).
 * Lifecycle, ordering and errors are those of {@link runTasks} (worker-runtime.ts).
 *
 * @category Parallel
 */
export async function thresholdMapParallel(o: MapOptions, workers: number): Promise<MapCell[]> {
  const rows = thresholdMapRows(o);
  if (workers <= 1 || rows.length <= 1) return thresholdMap(o);
  const total = mapCellCount(rows);
  let done = 0;
  const results = await runTasks<MapRow, MapCell[]>(rows, {
    worker: "threshold-map-worker",
    workers,
    inProcess: thresholdMapRow,
    onResult: (cells) => {
      done += cells.length;
      o.onCell?.(done, total);
    },
  });
  return results.flat();
}
