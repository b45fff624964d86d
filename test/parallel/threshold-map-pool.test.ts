/**
 * `threshold --map N --workers W`: the map's rows on a worker pool give the cells of the
 * in-process map, deep equal and in the same order, in the library and through the CLI.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { thresholdMap } from "../../src/claims/threshold-map.ts";
import { thresholdMapParallel } from "../../src/parallel/threshold-map-pool.ts";

test("threshold map: 3 × 3 on 2 workers equals the in-process map", async () => {
  const o = { n: 3, cutoff: "bump", variant: "as-in-proof", criteria: ["weak"] } as const;
  const progress: [number, number][] = [];
  const pooled = await thresholdMapParallel({ ...o, onCell: (d, t) => progress.push([d, t]) }, 2);
  const serial = thresholdMap(o);
  assert.deepEqual(pooled, serial);
  // the triangle max(s0, 3/4) < s: s ∈ {19/24, 7/8, 23/24}, s0 ∈ {1/6, 1/2, 5/6}: 3 + 3 + 2 cells
  assert.equal(serial.length, 8);
  assert.deepEqual(progress.at(-1), [8, 8]);
  // the cells differ (the equality above is not between constants)
  const values = new Set(serial.map((c) => c.log10M));
  assert.ok(values.size > 1, `one value for every cell: ${[...values]}`);
});

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function cli(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "threshold", ...args], {
    encoding: "utf8",
  });
}

test("CLI: threshold --map 2 --workers 2 prints the cells of --workers 1; bad --workers exits 2", () => {
  const args = ["--map", "2", "--criterion", "weak", "--json"];
  const a = cli([...args, "--workers", "1"]);
  const b = cli([...args, "--workers", "2"]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  const cellsA = JSON.parse(a.stdout).cells;
  assert.ok(cellsA.length > 1);
  assert.deepEqual(JSON.parse(b.stdout).cells, cellsA);
  const bad = cli([...args, "--workers", "0"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /workers must be an integer >= 1/);
});
