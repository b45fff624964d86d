import { spawn } from "node:child_process";
import { sharedTermId } from "../claims/error-table/gain-symmetry.ts";

// The error table's job queue over child processes (boltzlab errors --workers N): the same
// Node-only layer as the piscina pool of claim checks and Theorem 1.1 rows (claim-pool.ts). Each
// error-table job is a long synchronous computation whose record is appended as soon as it
// finishes, and only the parent reads, truncates or rewrites the file (children only append).

/** A job as the queue sees it: its index in the full job list, term, part and M. */
export interface QueuedJob {
  readonly index: number;
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

/**
 * A `--workers` child: reads lines of comma-separated job indices on stdin, runs those jobs
 * (appending each record to `--out`) and answers one line on stdout per group, until stdin ends.
 */
export async function serveQueue<J extends QueuedJob>(
  all: readonly J[],
  run: (j: J) => void,
): Promise<void> {
  const { createInterface } = await import("node:readline");
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "") continue;
    for (const i of line.split(",")) run(all[Number(i)]);
    process.stdout.write("done\n");
  }
}

/**
 * `--workers N` of a command: N child processes of the running command (`process.argv[1]` with
 * `childArgs`, e.g. `errors … --child`) fed from one queue: each gets the next group of jobs
 * (heaviest first, {@link dispatchGroups}) as soon as it finishes the last, so every core stays
 * busy however unequal the jobs are; the children append their records themselves (one write per
 * line) and answer one line per group on stdout ({@link serveQueue}). Progress counts finished jobs.
 */
export async function runChildQueue(
  childArgs: readonly string[],
  groups: readonly QueuedJob[][],
  N: number,
  total: number,
  progress: { update(d: number, t: number): void },
): Promise<void> {
  const args = childArgs;
  const { createInterface } = await import("node:readline");
  let next = 0;
  let done = 0;
  progress.update(0, total);
  const runs = [];
  for (let w = 0; w < N; w++) {
    runs.push(
      new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [...process.execArgv, process.argv[1], ...args], {
          stdio: ["pipe", "pipe", "pipe"],
        });
        let err = "";
        let current: QueuedJob[] = [];
        child.stderr.on("data", (d) => {
          err += String(d);
        });
        const feed = () => {
          if (next < groups.length) {
            current = groups[next++];
            child.stdin.write(`${current.map((j) => j.index).join(",")}\n`);
          } else {
            current = [];
            child.stdin.end();
          }
        };
        createInterface({ input: child.stdout }).on("line", () => {
          done += current.length;
          progress.update(done, total);
          feed();
        });
        child.on("error", reject);
        child.on("exit", (code) =>
          code === 0
            ? resolve()
            : reject(new Error(`worker ${w + 1} exited ${code}: ${err.trim().split("\n").pop()}`)),
        );
        feed();
      }),
    );
  }
  await Promise.all(runs);
}
