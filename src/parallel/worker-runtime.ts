import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { type RuleErrorReply, unwrapReply } from "./worker-entry.ts";

export { isRuleErrorReply, type RuleErrorReply, unwrapReply, workerEntry } from "./worker-entry.ts";

/**
 * The one parallel runtime of boltzlab (issue 11): every pool and queue of src/parallel/ goes
 * through this module, which owns the four things they share.
 *
 * - **Worker lifecycle.** A worker is a module of this folder named without extension
 *   ({@link workerModule}): `claim-worker.js` when this runs from dist/ (plain Node); from src/ one
 *   esbuild bundle of `claim-worker.ts` per process (plain Node again), or the `.ts` file under tsx
 *   where esbuild is not installed.
 *   Thread pools ({@link openThreadPool}) start `workers` piscina threads and are destroyed only
 *   after every task they were given has settled; child-process queues ({@link runChildQueue})
 *   start `N` children of the running command and end each by closing its stdin.
 * - **Ordering.** {@link runTasks} returns results in task order whatever order they finish in;
 *   {@link runChildQueue} hands out groups in the order given (callers sort heaviest first).
 * - **Progress.** One callback shape everywhere: `onProgress(done, total)` after each finished unit
 *   (task, or job of a group), starting from `(0, total)` for the queue.
 * - **Errors.** A {@link RuleError} thrown in a worker thread comes back as a {@link RuleErrorReply}
 *   (a thrown error loses its class across the thread boundary) and is thrown again as a RuleError
 *   in the parent ({@link unwrapReply}), so the CLI still prints one line and exits 2. With several
 *   tasks in flight, all settle before the first failure is thrown. A child process that exits
 *   non-zero fails the queue with its last line of stderr.
 *
 * The worker side (`workerEntry`, `RuleErrorReply`) is worker-entry.ts, which imports nothing
 * but RuleError, so a worker module does not load piscina or child processes.
 *
 * Thread pools suit tasks whose result is returned as data (claim checks, Theorem 1.1 rows,
 * threshold-map rows, particle replicas); the child-process queue suits the error table's jobs, each
 * a long synchronous computation that appends its own record to a JSON Lines file as soon as it
 * finishes (only the parent reads, truncates or rewrites that file). The spectral Q pool
 * (spectral-q-pool.ts) keeps its own synchronous Atomics protocol (Q is evaluated inside a time step)
 * and takes only the worker module from here.
 *
 * @category Parallel
 */

/** ".ts" when this module runs from source (under tsx), ".js" when compiled. */
const OWN_EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** A worker module of src/parallel/: its URL and the `execArgv` it needs. */
export interface WorkerModule {
  readonly url: URL;
  readonly execArgv: string[];
  /** How it is loaded: compiled (dist/), one esbuild bundle of the sources, or the sources under tsx. */
  readonly loader: "dist" | "bundle" | "tsx";
}

/** The parent's `execArgv` without tsx's loader flags (`--import tsx`, `--require …/tsx/…`). */
function withoutTsx(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === "--import" || a === "--require" || a === "-r") && argv[i + 1]?.includes("tsx")) {
      i++;
      continue;
    }
    if (/^--(import|require)=.*tsx/.test(a)) continue;
    out.push(a);
  }
  return out;
}

let bundleDir: string | undefined;
const bundles = new Map<string, URL | null>();

/**
 * One esbuild bundle of the worker module `name` (its sources and the packages they import), built
 * once per process into a temporary folder that is removed when the process exits; null when
 * esbuild (a devDependency) is not installed or the build fails. A bundle is built from the sources
 * as they are when the first pool of the process opens, so it is never stale; it loads with plain
 * Node (bench/worker-start.ts: 2 claim workers cost 2.4 CPU-s from the sources under tsx against
 * 1.0 from the bundle, which takes 0.2 CPU-s to build).
 */
function bundledWorker(name: string, source: URL): URL | null {
  if (bundles.has(name)) return bundles.get(name) ?? null;
  let url: URL | null = null;
  try {
    const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
    if (bundleDir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), "boltzlab-workers-"));
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      bundleDir = dir;
    }
    const outfile = join(bundleDir, `${name}.mjs`);
    esbuild.buildSync({
      entryPoints: [fileURLToPath(source)],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "silent",
      // CommonJS packages inside an ES module bundle call require() for Node built-ins
      banner: {
        js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
      },
    });
    url = pathToFileURL(outfile);
  } catch {
    url = null;
  }
  bundles.set(name, url);
  return url;
}

/**
 * The worker module `name` of this folder (`"claim-worker"`) and the `execArgv` that loads it:
 * from dist/ the compiled `.js` with the parent's `execArgv`; from src/ (under tsx) one esbuild
 * bundle of the `.ts` module, loaded by plain Node ({@link bundledWorker}), or, where esbuild is not
 * available, the `.ts` module with the parent's `execArgv` plus `--import <tsx>` (a worker thread
 * inherits `execArgv`, not the loader hooks registered in its parent).
 */
export function workerModule(name: string): WorkerModule {
  const source = new URL(`./${name}${OWN_EXTENSION}`, import.meta.url);
  if (OWN_EXTENSION === ".js")
    return { url: source, execArgv: [...process.execArgv], loader: "dist" };
  const bundle = bundledWorker(name, source);
  if (bundle) return { url: bundle, execArgv: withoutTsx(process.execArgv), loader: "bundle" };
  const execArgv = [...process.execArgv];
  if (!execArgv.some((a) => a.includes("tsx")))
    execArgv.push("--import", import.meta.resolve("tsx"));
  return { url: source, execArgv, loader: "tsx" };
}

/** A pool of worker threads running one worker module's default export. */
export interface ThreadPool<T, R> {
  readonly workers: number;
  /** Run one task on a free thread (queued when all are busy). */
  run(task: T): Promise<R>;
  /** Destroy the pool once every task it was given has settled. */
  destroy(): Promise<void>;
}

/**
 * A pool of `workers` threads (all started at once) running the default export of the worker module
 * `name` ({@link workerModule}); replies pass through {@link unwrapReply}. Destroying the pool while
 * tasks are still queued or running (a caller's Promise.all rejected on the first failed task) must
 * not leave a worker to answer a task the pool has forgotten (piscina then emits an unhandled
 * 'error'; aborting races with the answer in the same way), so `destroy` waits for them first.
 */
export function openThreadPool<T, R>(
  name: string,
  workers: number,
  opts: { idleTimeout?: number } = {},
): ThreadPool<T, R> {
  const { url, execArgv } = workerModule(name);
  const piscina = new Piscina({
    filename: url.href,
    minThreads: workers,
    maxThreads: workers,
    ...(opts.idleTimeout === undefined ? {} : { idleTimeout: opts.idleTimeout }),
    execArgv,
  });
  const inFlight = new Set<Promise<unknown>>();
  return {
    workers,
    run: (task) => {
      const result = (piscina.run(task) as Promise<R | RuleErrorReply>).then((r) => unwrapReply(r));
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return result;
    },
    destroy: async () => {
      await Promise.allSettled([...inFlight]);
      await piscina.destroy();
    },
  };
}

/** How {@link runTasks} runs a list of independent tasks. */
export interface RunTasksOptions<T, R> {
  /** The worker module whose default export runs one task (`"replica-worker"`). */
  readonly worker: string;
  /** Threads to use; ≤ 1 (or a single task) runs in-process, in task order. */
  readonly workers: number;
  /** The same function in this thread (the worker must run exactly this, so the bits agree). */
  readonly inProcess: (task: T) => R;
  /** Called in this thread as each task finishes (completion order), with the task's index. */
  readonly onResult?: (result: R, task: T, index: number) => void;
  /** `(done, total)` after each finished task. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run independent tasks on `min(workers, tasks.length)` threads and return their results in task
 * order (in-process for `workers` ≤ 1 or one task). Every task settles before the first failure is
 * thrown; the pool is destroyed in every case.
 */
export async function runTasks<T, R>(tasks: readonly T[], o: RunTasksOptions<T, R>): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  const total = tasks.length;
  let done = 0;
  const finish = (r: R, k: number) => {
    results[k] = r;
    o.onResult?.(r, tasks[k], k);
    o.onProgress?.(++done, total);
  };
  if (o.workers <= 1 || tasks.length <= 1) {
    tasks.forEach((task, k) => {
      finish(o.inProcess(task), k);
    });
    return results;
  }
  const pool = openThreadPool<T, R>(o.worker, Math.min(o.workers, tasks.length));
  try {
    const settled = await Promise.allSettled(
      tasks.map(async (task, k) => finish(await pool.run(task), k)),
    );
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return results;
  } finally {
    await pool.destroy();
  }
}

/** A job as the child-process queue sees it: its index in the full job list (the child's key). */
export interface IndexedJob {
  readonly index: number;
}

/**
 * `--workers N` of a command over child processes: N children of the running command
 * (`process.argv[1]` with `childArgs`, e.g. `errors … --child`) fed from one queue of job groups,
 * in the order given: each child gets the next group as soon as it answers for the last, so every
 * core stays busy however unequal the jobs are. A child reads one line of comma-separated job indices
 * per group and answers one line when the group is done ({@link serveQueue}); the children write
 * their results themselves. `onProgress(done, total)` counts finished jobs.
 */
export async function runChildQueue(
  childArgs: readonly string[],
  groups: readonly (readonly IndexedJob[])[],
  N: number,
  total: number,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  let next = 0;
  let done = 0;
  onProgress(0, total);
  const runs = [];
  for (let w = 0; w < N; w++) {
    runs.push(
      new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [...process.execArgv, process.argv[1], ...childArgs],
          {
            stdio: ["pipe", "pipe", "pipe"],
          },
        );
        let err = "";
        let current: readonly IndexedJob[] = [];
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
          onProgress(done, total);
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

/**
 * The child's side of {@link runChildQueue}: reads lines of comma-separated job indices on stdin,
 * runs those jobs of `all` and answers one line on stdout per group, until stdin ends.
 */
export async function serveQueue<J>(all: readonly J[], run: (j: J) => void): Promise<void> {
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === "") continue;
    for (const i of line.split(",")) run(all[Number(i)]);
    process.stdout.write("done\n");
  }
}
