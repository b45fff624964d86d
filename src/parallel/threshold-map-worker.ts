/**
 * The file each thread of the threshold-map pool ({@link thresholdMapParallel}) loads: piscina
 * calls its default export with one {@link MapRow}; it runs {@link thresholdMapRow}, the function
 * the in-process map runs, so pooled and in-process maps are identical.
 */
import { type MapCell, type MapRow, thresholdMapRow } from "../claims/threshold-map.ts";
import { RuleError } from "../math/errors.ts";
import type { RuleErrorReply } from "./claim-worker.ts";

/** The worker's entry: {@link thresholdMapRow}, with a {@link RuleError} returned as data. */
export default function mapRowEntry(row: MapRow): MapCell[] | RuleErrorReply {
  try {
    return thresholdMapRow(row);
  } catch (err) {
    if (err instanceof RuleError) return { kind: "rule-error", message: err.message };
    throw err;
  }
}
