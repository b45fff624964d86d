import assert from "node:assert/strict";
import { test } from "node:test";
import { gaussLegendre, gaussSum } from "../../src/math/gauss-legendre.ts";

test("Gauss–Legendre with n nodes integrates x^k exactly for k < 2n", () => {
  for (const n of [1, 2, 5, 16, 64]) {
    for (let k = 0; k < 2 * n; k += Math.max(1, Math.floor(n / 4))) {
      const exact = k % 2 === 0 ? 2 / (k + 1) : 0;
      assert.ok(Math.abs(gaussSum((x) => x ** k, -1, 1, n) - exact) < 1e-13, `n=${n} k=${k}`);
    }
  }
});

test("Gauss–Legendre weights sum to 2 and nodes are symmetric", () => {
  const { nodes, weights } = gaussLegendre(33);
  assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 2) < 1e-14);
  for (let i = 0; i < 33; i++) assert.ok(nodes[i] === -nodes[32 - i], `node ${i}`);
});

test("Gauss–Legendre integrates a smooth non-polynomial to machine precision", () => {
  // ∫_0^π sin = 2 (closed form)
  assert.ok(Math.abs(gaussSum(Math.sin, 0, Math.PI, 20) - 2) < 1e-14);
});
