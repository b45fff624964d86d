/**
 * What a worker thread costs to start (issue 11): the claim worker loaded from TypeScript sources
 * through tsx (what the pools do in a checkout) against one esbuild bundle of the same module loaded
 * by plain Node. For each: W threads are started and each answers one task (a Theorem 1.1 row at
 * M = 4, a few milliseconds, so the time is mostly the module load); wall time
 * and the CPU time of the whole process (all threads) are printed, with the bundle's build time.
 *
 *   nice -n 10 node --import tsx bench/worker-start.ts [W=2] [repeats=3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { Piscina } from "piscina";

const W = Number(process.argv[2] ?? 2);
const repeats = Number(process.argv[3] ?? 3);

async function startCost(filename: string, execArgv: string[]): Promise<[number, number]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const pool = new Piscina({ filename, minThreads: W, maxThreads: W, execArgv });
  // a Theorem 1.1 row at M = 4 (a few ms): the reply shows the module loaded and ran
  const replies = await Promise.allSettled(
    Array.from({ length: W }, () =>
      pool.run({
        kind: "theorem-row",
        M: 4,
        opts: { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" },
      }),
    ),
  );
  for (const r of replies) {
    if (r.status === "rejected" || r.value?.kind !== "theorem-row")
      throw new Error(
        `worker did not answer: ${r.status === "rejected" ? r.reason : JSON.stringify(r.value)}`,
      );
  }
  const wall = performance.now() - t0;
  await pool.destroy();
  const c = process.cpuUsage(c0);
  return [wall / 1000, (c.user + c.system) / 1e6];
}

const src = {
  url: new URL("../src/parallel/claim-worker.ts", import.meta.url),
  execArgv: process.execArgv.some((a) => a.includes("tsx"))
    ? [...process.execArgv]
    : [...process.execArgv, "--import", import.meta.resolve("tsx")],
};
const dir = mkdtempSync(join(tmpdir(), "worker-bundle-"));
try {
  const b0 = performance.now();
  const c0 = process.cpuUsage();
  const out = join(dir, "claim-worker.mjs");
  await build({
    entryPoints: [src.url.pathname],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: out,
    logLevel: "error",
  });
  const cb = process.cpuUsage(c0);
  const buildWall = (performance.now() - b0) / 1000;
  console.log(
    `esbuild bundle of claim-worker: ${buildWall.toFixed(2)} s wall, ${((cb.user + cb.system) / 1e6).toFixed(2)} CPU-s`,
  );
  const plainArgv = process.execArgv.filter(
    (a, i, all) => !a.includes("tsx") && !(a === "--import" && all[i + 1]?.includes("tsx")),
  );
  for (let r = 0; r < repeats; r++) {
    const [w1, c1] = await startCost(src.url.href, src.execArgv);
    const [w2, c2] = await startCost(`file://${out}`, plainArgv);
    console.log(
      `W = ${W}: tsx sources ${w1.toFixed(2)} s wall ${c1.toFixed(2)} CPU-s | bundle ${w2.toFixed(2)} s wall ${c2.toFixed(2)} CPU-s | ratio CPU ${(c1 / c2).toFixed(1)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
