import assert from "node:assert/strict";
import { test } from "node:test";
import { makeLattice } from "../../../src/construction/geometry/lattice.ts";
import { agm, latticePairSum } from "../../../src/construction/geometry/lattice-pair-sum.ts";
import { RuleError } from "../../../src/math/errors.ts";

/** Brute force over all ordered pairs of materialized lattice points, Neumaier-compensated. */
function bruteForce(M: number): number {
  const { e, count } = makeLattice(M);
  let s = 0;
  let c = 0;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const dx = e[3 * a] - e[3 * b];
      const dy = e[3 * a + 1] - e[3 * b + 1];
      const dz = e[3 * a + 2] - e[3 * b + 2];
      const x = 2 / Math.sqrt(dx * dx + dy * dy + dz * dz); // both orders
      const t = s + x;
      c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
      s = t;
    }
  }
  return s + c;
}

test("AGM: 1/AGM(√(A+B), √(A−B)) is the mean of (A − B cos φ)^{-1/2}", () => {
  const A = 2.3;
  const B = 1.7;
  // trapezoid rule on a periodic analytic function converges geometrically
  const n = 4000;
  let s = 0;
  for (let m = 0; m < n; m++) s += 1 / Math.sqrt(A - B * Math.cos((2 * Math.PI * m) / n));
  assert.ok(Math.abs(s / n - 1 / agm(Math.sqrt(A + B), Math.sqrt(A - B))) < 1e-14);
  assert.equal(agm(1, 1), 1);
});

test("latticePairSum agrees with brute-force summation over all pairs (M ≤ 60)", () => {
  for (const M of [2, 3, 4, 7, 12, 25, 60]) {
    const r = latticePairSum(M);
    const bf = bruteForce(M);
    // brute force has its own rounding (~1e-15 relative per term); allow that plus the bound
    const tol = r.error + 1e-13 * bf;
    assert.ok(Math.abs(r.pairSum - bf) <= tol, `M=${M}: ${r.pairSum} vs ${bf} (tol ${tol})`);
    assert.ok(Math.abs(r.sameRing + r.crossRing - r.pairSum) <= 1e-12 * r.pairSum);
  }
});

test("latticePairSum: M = 2 by hand (three points)", () => {
  // points: ring 1 (θ=π/4, φ=2π), ring 2 (θ=π/2, φ=π and 2π)
  const s2 = Math.SQRT1_2;
  const p = [
    [s2, 0, s2],
    [-1, 0, 0],
    [1, 0, 0],
  ];
  let s = 0;
  for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++)
      if (a !== b) s += 1 / Math.hypot(p[a][0] - p[b][0], p[a][1] - p[b][1], p[a][2] - p[b][2]);
  // azimuth 2π gives cos = 1 exactly up to rounding of sin(2π)
  assert.ok(Math.abs(latticePairSum(2).pairSum - s) < 1e-12 * s);
});

test("latticePairSum at M = 500 is fast, has a small relative error bound, and S/M⁴ is stable", () => {
  const t0 = performance.now();
  const r = latticePairSum(500);
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `took ${ms} ms`);
  assert.ok(r.error / r.pairSum < 1e-12, `relative error bound ${r.error / r.pairSum}`);
  // The continuum limit: (M²/2)² points-pairs on the hemisphere times the mean 1/|x−y| gives
  // S ≈ c M⁴; the ratio to M⁴ must be essentially flat between M = 250 and M = 500.
  const r2 = latticePairSum(250);
  const a = r.pairSum / 500 ** 4;
  const b = r2.pairSum / 250 ** 4;
  assert.ok(Math.abs(a - b) / a < 0.02, `S/M⁴: ${b} (M=250) vs ${a} (M=500)`);
  process.stdout.write(
    `# latticePairSum(500) = ${r.pairSum} ± ${r.error.toExponential(2)}; S/(M⁴ ln M) = ${r.ratioM4lnM.toFixed(5)}; S/M⁴ = ${a.toFixed(5)}; ${ms.toFixed(0)} ms\n`,
  );
});

test("latticePairSum refuses bad M with a RuleError", () => {
  assert.throws(() => latticePairSum(1), RuleError);
  assert.throws(() => latticePairSum(2.5), RuleError);
  assert.throws(() => latticePairSum(1e9), RuleError);
});
