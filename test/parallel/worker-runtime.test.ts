import assert from "node:assert/strict";
import { test } from "node:test";
import type { PoolResult, PoolTask } from "../../src/claims/pool-task.ts";
import { RuleError } from "../../src/math/errors.ts";
import {
  isRuleErrorReply,
  openThreadPool,
  runTasks,
  unwrapReply,
  workerEntry,
  workerModule,
} from "../../src/parallel/worker-runtime.ts";

test("worker runtime: a RuleError crosses the boundary as data and is thrown again as a RuleError", () => {
  const entry = workerEntry((x: number) => {
    if (x < 0) throw new RuleError("x must be ≥ 0", `got ${x}`);
    if (x === 0) throw new TypeError("not a rule");
    return [x, 2 * x];
  });
  const reply = entry(-1);
  assert.ok(isRuleErrorReply(reply));
  assert.throws(
    () => unwrapReply(reply),
    (err: unknown) => err instanceof RuleError && /x must be ≥ 0/.test(err.message),
  );
  // other errors are not turned into data; ordinary replies (arrays too) pass through unchanged
  assert.throws(() => entry(0), TypeError);
  assert.deepEqual(unwrapReply(entry(3)), [3, 6]);
  assert.equal(isRuleErrorReply({ kind: "theorem-row" }), false);
});

test("worker runtime: runTasks in-process keeps task order, reports progress and every result", async () => {
  const tasks = [5, 3, 8, 1];
  const progress: [number, number][] = [];
  const seen: number[] = [];
  const out = await runTasks(tasks, {
    worker: "claim-worker",
    workers: 1,
    inProcess: (t: number) => t * t,
    onResult: (r, t, k) => {
      assert.equal(r, t * t);
      seen.push(k);
    },
    onProgress: (d, n) => progress.push([d, n]),
  });
  assert.deepEqual(out, [25, 9, 64, 1]);
  assert.deepEqual(seen, [0, 1, 2, 3]);
  assert.deepEqual(progress, [
    [1, 4],
    [2, 4],
    [3, 4],
    [4, 4],
  ]);
});

test("worker runtime: from source a worker is one esbuild bundle loaded without tsx, and it runs", async () => {
  const m = workerModule("claim-worker");
  // esbuild is a devDependency, so a checkout bundles; without it the .ts file loads under tsx
  assert.equal(m.loader, "bundle");
  assert.match(m.url.pathname, /claim-worker\.mjs$/);
  assert.ok(!m.execArgv.some((a) => a.includes("tsx")));
  assert.equal(workerModule("claim-worker").url.href, m.url.href, "built once per process");
  // the bundle answers a task with the numbers of the in-process run
  const { theoremRow } = await import("../../src/claims/theorem-1-1.ts");
  const opts = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" } as const;
  const pool = openThreadPool<PoolTask, PoolResult>("claim-worker", 2);
  try {
    const r = await pool.run({ kind: "theorem-row", M: 4, opts });
    assert.equal(r.kind, "theorem-row");
    assert.deepEqual(r.kind === "theorem-row" ? r.row : null, theoremRow(4, opts));
  } finally {
    await pool.destroy();
  }
});
