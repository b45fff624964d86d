import assert from "node:assert/strict";
import { test } from "node:test";
import { estimate } from "../../src/math/estimate.ts";
import { intervalAdd, intervalMidpoint, intervalMul, intervalOf } from "../../src/math/interval.ts";

test("interval arithmetic: the enclosure of an estimate clips at 0; sums and products of nonnegative intervals enclose every pairing", () => {
  const a = intervalOf(estimate(1, 2, "derived", "a"));
  assert.deepEqual(a, [0, 3]);
  const b: readonly [number, number] = [0.5, 2];
  const s = intervalAdd(a, b);
  const p = intervalMul(a, b);
  for (const x of [0, 1.5, 3]) {
    for (const y of [0.5, 1, 2]) {
      assert.ok(x + y >= s[0] && x + y <= s[1]);
      assert.ok(x * y >= p[0] && x * y <= p[1]);
    }
  }
  const m = intervalMidpoint([2, 6], "m");
  assert.equal(m.value, 4);
  assert.equal(m.error, 2);
  assert.equal(m.kind, "derived");
});
