import assert from "node:assert/strict";
import { test } from "node:test";
import { RuleError } from "../../src/math/errors.ts";
import {
  isRuleErrorReply,
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

test("worker runtime: a worker module is this folder's file with the running extension", () => {
  const { url, execArgv } = workerModule("claim-worker");
  assert.match(url.pathname, /\/src\/parallel\/claim-worker\.ts$/);
  // from source the thread must load TypeScript: tsx is in its execArgv
  assert.ok(execArgv.some((a) => a.includes("tsx")));
});
