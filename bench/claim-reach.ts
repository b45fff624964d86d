/**
 * Reach of each claim's method: for every check of the registry (src/claims/registry.ts), one
 * evaluation at a single M (cutoff bump, variant as-in-proof, s = 0.8, s0 = 0.5), doubling
 * M = 4, 8, 16, … until one evaluation takes more than 60 s, the method refuses M (its range or
 * memory limit: the message is printed), or M reaches 2^40. Each evaluation runs in a fresh worker
 * thread (cold caches, killed at the time limit), so the figure is the time of one cold evaluation.
 *
 *   nice -n 10 npx tsx bench/claim-reach.ts                 (every check)
 *   nice -n 10 npx tsx bench/claim-reach.ts 2.30,2.31 30    (some checks, 30 s limit)
 */
import { availableParallelism, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { checkIds, runCheck } from "../src/claims/registry.ts";

interface Job {
  readonly id: string;
  readonly M: number;
}

const CTX = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" as const };
const MAX_M = 2 ** 40;

if (!isMainThread) {
  const { id, M } = workerData as Job;
  const t0 = performance.now();
  try {
    const results = runCheck(id, { ...CTX, Ms: [M] });
    parentPort?.postMessage({
      ok: true,
      seconds: (performance.now() - t0) / 1000,
      verdicts: results.map((r) => r.verdict),
    });
  } catch (err) {
    parentPort?.postMessage({
      ok: false,
      seconds: (performance.now() - t0) / 1000,
      message: String((err as Error).message ?? err),
    });
  }
} else {
  const ids = process.argv[2] ? process.argv[2].split(",") : checkIds();
  const limit = Number(process.argv[3] ?? 60);
  const run = (job: Job) =>
    new Promise<{ ok: boolean; seconds: number; message?: string; timedOut?: boolean }>(
      (resolve) => {
        // the worker registers the tsx hooks itself (tsx/esm/api), then imports this file
        const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
        const code = `import(${api}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
        const w = new Worker(code, { eval: true, workerData: job });
        const timer = setTimeout(
          () => {
            void w.terminate();
            resolve({ ok: false, seconds: limit, timedOut: true });
          },
          (limit + 5) * 1000,
        );
        w.once("message", (m) => {
          clearTimeout(timer);
          void w.terminate();
          resolve(m);
        });
        w.once("error", (err) => {
          clearTimeout(timer);
          resolve({ ok: false, seconds: 0, message: String(err.message) });
        });
      },
    );
  console.log(
    `node ${process.version}; ${availableParallelism()} cores; load average at start ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}; limit ${limit} s`,
  );
  console.log(
    "| claim (check) | largest M within the limit | its time | what stopped the doubling |",
  );
  console.log("|---|---|---|---|");
  for (const id of ids) {
    let best: { M: number; seconds: number } | null = null;
    let stop = `M = 2^40 reached (not a limit of the method)`;
    for (let M = 4; M <= MAX_M; M *= 2) {
      const r = await run({ id, M });
      process.stderr.write(
        `${id} M=${M}: ${r.ok ? `${r.seconds.toFixed(2)} s` : r.timedOut ? "timed out" : r.message}\n`,
      );
      if (!r.ok) {
        stop = r.timedOut ? `M = ${M}: more than ${limit} s` : `M = ${M}: ${r.message}`;
        break;
      }
      if (r.seconds > limit) {
        stop = `M = ${M}: ${r.seconds.toFixed(1)} s`;
        break;
      }
      best = { M, seconds: r.seconds };
    }
    console.log(
      `| ${id} | ${best ? best.M : "none"} | ${best ? `${best.seconds.toFixed(2)} s` : ""} | ${stop} |`,
    );
  }
  console.log(
    `load average at end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(", ")}`,
  );
}
