import assert from "node:assert/strict";
import { test } from "node:test";
import { etaText } from "../../src/cli/progress.ts";

test("progress ETA: mean rate so far; no number before the first step", () => {
  assert.equal(etaText(5000, 0, 10), "estimating…");
  // 2 steps in 30 s, 8 left: 120 s
  assert.equal(etaText(30_000, 2, 10), "≈ 2m 00s");
  assert.equal(etaText(9000, 9, 10), "≈ 1s");
  assert.equal(etaText(9000, 10, 10), "done");
});
