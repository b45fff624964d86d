/**
 * The file each thread of the threshold-map pool ({@link thresholdMapParallel}) loads: piscina
 * calls its default export with one {@link MapRow}; it runs {@link thresholdMapRow}, the function
 * the in-process map runs, so pooled and in-process maps are identical.
 */
import { type MapRow, thresholdMapRow } from "../claims/threshold-map.ts";
import { workerEntry } from "./worker-entry.ts";

/** The worker's entry: {@link thresholdMapRow}, a RuleError returned as data (worker-runtime.ts). */
const mapRowEntry = workerEntry((row: MapRow) => thresholdMapRow(row));
export default mapRowEntry;
