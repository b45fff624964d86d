import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bootstrap,
  COEFFICIENT_58_CONSTANT,
  closureThreshold,
  coefficient58,
  partition,
} from "../../src/claims/proposition-5-1.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";

test("the partition covers [0, T*] exactly with ⌈n⌉ intervals of length M^{s−1}/√ln M", () => {
  for (const M of [4, 16, 100, 1e4, 1e9]) {
    const params = makeParameters({ M, s: 0.8, s0: 0.5 });
    const p = partition(params);
    const L = Math.log(M);
    assert.ok(Math.abs(p.length - M ** -0.2 / Math.sqrt(L)) <= 1e-14 * p.length);
    assert.equal(p.intervals, Math.max(1, Math.ceil(Math.sqrt(L) * Math.log(L))));
    assert.ok(p.lastLength > 0 && p.lastLength <= p.length * (1 + 1e-12));
    const covered = (p.intervals - 1) * p.length + p.lastLength;
    assert.ok(Math.abs(covered - params.Tstar) <= 1e-12 * params.Tstar);
  }
  // M = 4: n = √(ln 4)·ln ln 4 ≈ 0.38 < 1, a single interval [0, T*], shorter than the paper's |I_j|
  const p4 = partition(makeParameters({ M: 4 }));
  assert.equal(p4.intervals, 1);
  assert.ok(
    Math.abs(p4.lastLength - makeParameters({ M: 4 }).Tstar) < 1e-15 && p4.lastLength < p4.length,
  );
  assert.throws(() => partition(makeParameters({ M: 2 })), /M ≥ 3/);
});

test("(5.8): (|I_j|/κ)^{1/2} equals the middle expression; the last step needs a constant ≈ 1.107", () => {
  for (const M of [16, 1e3, 1e6, 1e12]) {
    const c = coefficient58(makeParameters({ M, s: 0.9, s0: 0.5 }));
    assert.ok(Math.abs(c.value - c.middle) <= 1e-13 * c.value, `M=${M}`);
    assert.ok(c.impliedConstant <= COEFFICIENT_58_CONSTANT * (1 + 1e-12));
  }
  // the sup over ln M by brute force
  let best = 0;
  for (let L = Math.log(16); L < 1e5; L *= 1.0005)
    best = Math.max(best, Math.sqrt(Math.log(L)) * L ** -0.15);
  assert.ok(
    Math.abs(best - COEFFICIENT_58_CONSTANT) < 1e-6,
    `${best} vs ${COEFFICIENT_58_CONSTANT}`,
  );
  assert.ok(COEFFICIENT_58_CONSTANT > 1, "constant one is not enough for the last ≲ of (5.8)");
});

test("bootstrap: without the bilinear terms X_n = ⌈n⌉E; with a linear term a geometric sum", () => {
  const params = makeParameters({ M: 1e6, s: 0.8, s0: 0.5 });
  const n = partition(params).intervals;
  const E = 1e-3;
  const r0 = bootstrap({ params, zNormFa: 0, errorBound: E, constant: 0 });
  assert.ok(r0.closes);
  assert.ok(Math.abs(r0.finalBound - n * E) <= 1e-12 * n * E);
  // constant C with Z_a chosen so that C c Z_a = 0.3 and the quadratic term negligible (E tiny)
  const c = coefficient58(params).value;
  const tiny = 1e-12;
  const r1 = bootstrap({ params, zNormFa: 0.3 / c, errorBound: tiny, constant: 1 });
  // X_{j+1} = (X_j + E)/0.7 up to O(cX²): closed form Σ_{k=1..n} 0.7^{-k} E
  let expected = 0;
  for (let k = 1; k <= n; k++) expected += tiny / 0.7 ** k;
  assert.ok(
    Math.abs(r1.finalBound - expected) <= 1e-6 * expected,
    `${r1.finalBound} vs ${expected}`,
  );
  assert.ok(Math.abs(r1.absorption - 0.3) < 1e-12);
});

test("bootstrap: fails when the linear term cannot be absorbed or the quadratic has no root", () => {
  const params = makeParameters({ M: 1e6, s: 0.8, s0: 0.5 });
  const c = coefficient58(params).value;
  const r = bootstrap({ params, zNormFa: 1.2 / c, errorBound: 1e-9, constant: 1 });
  assert.equal(r.closes, false);
  assert.equal(r.failsAt, 0);
  // no linear term, E so large that 1 − 4cE < 0 on the first interval
  const r2 = bootstrap({ params, zNormFa: 0, errorBound: 1 / (3 * c), constant: 1 });
  assert.equal(r2.closes, false);
  assert.equal(r2.failsAt, 0);
  // the root it returns satisfies the quadratic on a closing case
  const r3 = bootstrap({ params, zNormFa: 0.1 / c, errorBound: 1e-3, constant: 1 });
  assert.ok(r3.closes && r3.finalBound > 0);
  assert.throws(
    () => bootstrap({ params, zNormFa: Number.NaN, errorBound: 0, constant: 1 }),
    /zNormFa must be a finite number/,
  );
});

test("closure threshold: with E ∝ M^{-1} and Z_a ∝ M^{1−s}, the scan finds the first closing ln M", () => {
  const s = 0.8;
  const found = closureThreshold(
    s,
    { prefactor: 1, exponent: 1 - s },
    [{ prefactor: 1, exponent: -1 }],
    1,
    1e-3,
  );
  assert.ok(found.lnM !== null);
  const lnM = found.lnM as number;
  // just below the threshold it must not close (or not reach the target)
  const below = closureThreshold(
    s,
    { prefactor: 1, exponent: 1 - s },
    [{ prefactor: 1, exponent: -1 }],
    1,
    1e-3,
    lnM / 1.05 ** 0.5,
  );
  assert.equal(below.lnM, null);
  // a decay slower than the growth of 2^n never closes on the scan
  const never = closureThreshold(
    s,
    { prefactor: 1, exponent: 1 - s },
    [{ prefactor: 1, exponent: 0 }],
    1,
    1e-3,
  );
  assert.equal(never.lnM, null);
});
