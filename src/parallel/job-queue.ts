import { sharedTermId } from "../claims/error-table/gain-symmetry.ts";
import type { IndexedJob } from "./worker-runtime.ts";

// The error table's dispatch order for the child-process queue of the one parallel runtime
// (worker-runtime.ts `runChildQueue`, `serveQueue`; boltzlab errors --workers N). Each error-table
// job is a long synchronous computation whose record is appended as soon as it finishes, and only
// the parent reads, truncates or rewrites the file (children only append).

/** A job as the queue sees it: its index in the full job list, term, part and M. */
export interface QueuedJob extends IndexedJob {
  readonly term: string;
  readonly part: string;
  readonly M: number;
}

/** Rough cost tier of a job for the dispatch order: the beam–beam terms, then the Q⁺ beam–core pair. */
function costTier(j: QueuedJob): number {
  if (j.term === "Q-(fb,fb)" || j.term === "Q+(fb,fb)") return 2;
  if (sharedTermId(j.term) === "Q+(fb,fr)") return 1;
  return 0;
}

/**
 * The units of work handed to `--workers` children, heaviest first (cost tier, then M): one job
 * each, except that Q⁺(f_b,f_r) and Q⁺(f_r,f_b) of the same part and M go together, so that the
 * child computes the pair once (gain-symmetry.ts `sharedTermId`).
 */
export function dispatchGroups<J extends QueuedJob>(todo: readonly J[]): J[][] {
  const byKey = new Map<string, J[]>();
  for (const j of todo) {
    const key = `${sharedTermId(j.term)}|${j.part}|${j.M}`;
    const g = byKey.get(key);
    if (g) g.push(j);
    else byKey.set(key, [j]);
  }
  return [...byKey.values()].sort(
    (a, b) => costTier(b[0]) - costTier(a[0]) || b[0].M - a[0].M || a[0].index - b[0].index,
  );
}
