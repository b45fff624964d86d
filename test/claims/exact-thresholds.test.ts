import assert from "node:assert/strict";
import { test } from "node:test";
import { constructionConstraints } from "../../src/claims/construction-constraints.ts";
import {
  CORRECTION_ENTRY_COUNTS,
  type CorrectionModel,
  correctionBound,
} from "../../src/claims/exact-thresholds.ts";
import { bootstrap, type PowerLaw } from "../../src/claims/proposition-5-1.ts";
import { criterionPoint, type ThresholdOptions, threshold } from "../../src/claims/thresholds.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";

// A correction model built by hand (no error table): Z_a constant, E = (entries) × e M^{−1/2};
// `directZ: false` keeps Z_a on its law, so the test is fast and the bound is known independently.
const o: ThresholdOptions = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" };
function model(C: number, z: number, e: number): CorrectionModel {
  const laws = (n: number) => ({
    zNormLaw: { prefactor: z, exponent: 0 } as PowerLaw,
    errorLaws: Array.from({ length: n }, () => ({ prefactor: e / n, exponent: -0.5 }) as PowerLaw),
    rows: [],
    complete: true,
  });
  return {
    s: o.s,
    options: o,
    constant: C,
    constantSource: "test",
    scenario: "paper exponents",
    measuredMs: [4],
    f: laws(CORRECTION_ENTRY_COUNTS.f),
    g: laws(CORRECTION_ENTRY_COUNTS.g),
    directZ: false,
  };
}

test("the correction bound equals Proposition 5.1's iteration run on the parameters of M (second path)", () => {
  const m = model(0.5, 1, 1e-3);
  for (const M of [30, 1000, 123456]) {
    const b = correctionBound(m, M);
    const E = 1e-3 * M ** -0.5;
    const direct = bootstrap({
      params: makeParameters({ M }),
      zNormFa: 1,
      errorBound: E,
      constant: 0.5,
    });
    assert.ok(direct.closes);
    assert.ok(Math.abs(b.f.finalBound - direct.finalBound) <= 1e-9 * direct.finalBound);
    assert.ok(Math.abs(b.bound - 2 * direct.finalBound) <= 1e-9 * direct.finalBound);
  }
});

test("exact threshold: the rows fail below and hold above the bisected M, and it lies above the approximate one", () => {
  // E large enough to move the weak threshold of the paper's construction (10^10.18) visibly
  const m = model(0.36, 1, 30);
  const corr = (M: number) => correctionBound(m, M).bound;
  const approx = threshold("weak", o, { gridStep: 2, relTol: 1e-2, tubeCutoff: 20 });
  const exact = threshold("weak", o, {
    gridStep: 2,
    relTol: 1e-2,
    tubeCutoff: 20,
    correction: corr,
  });
  assert.ok(exact.Mhi !== null && exact.Mfail !== null && approx.Mhi !== null);
  assert.ok((exact.log10M as number) > (approx.log10M as number) + 0.05);
  // direct evaluation on both sides: F − bound − I, with F and I from the approximate point
  for (const [M, holds] of [
    [exact.Mhi, true],
    [exact.Mfail, false],
  ] as const) {
    const p = criterionPoint(M, o, 20);
    const margin = p.final.value - corr(M) - p.initial.value;
    const err = p.final.error + p.initial.error;
    if (holds) assert.ok(margin - err > 0, `holds at ${M}: ${margin} ± ${err}`);
    else assert.ok(margin + err < 0, `fails at ${M}: ${margin} ± ${err}`);
  }
});

test("constraints: absorption and smallness of E fail when built to fail and hold when built to hold", () => {
  const M = 1e6;
  const byId = (m: CorrectionModel) =>
    Object.fromEntries(constructionConstraints(M, o, undefined, m).map((c) => [c.id, c]));
  const good = byId(model(0.36, 1, 1e-6));
  assert.equal(good["bootstrap-absorption"].status, "holds");
  assert.equal(good["error-smallness"].status, "holds");
  // C c Z_a > 1/2: c at M = 10^6 is ≈ 0.05, so Z_a = 100 with C = 1 gives ≈ 5
  const absorb = byId(model(1, 100, 1e-6));
  assert.equal(absorb["bootstrap-absorption"].status, "fails");
  assert.ok(absorb["bootstrap-absorption"].margin < 0);
  // E so large that the corrections exceed the final distance (or the iteration does not close)
  const big = byId(model(0.36, 1, 1e4));
  assert.equal(big["bootstrap-absorption"].status, "holds");
  assert.equal(big["error-smallness"].status, "fails");
  // without a model: the absorption is decided from Z_a measured at M (no E needed), E is not
  const none = Object.fromEntries(constructionConstraints(M, o).map((c) => [c.id, c]));
  assert.equal(none["bootstrap-absorption"].status, "holds");
  assert.equal(none["error-smallness"].status, "inconclusive");
  // and a core 300 times the paper's (Z_a ≈ 0.68 c_r) makes it fail at the same M
  const heavy = Object.fromEntries(
    constructionConstraints(M, { ...o, constants: { coreAmplitude: 300 } }).map((c) => [c.id, c]),
  );
  assert.equal(heavy["bootstrap-absorption"].status, "fails", heavy["bootstrap-absorption"].detail);
});

test("an incomplete model (an entry without a continuation law) bounds nothing", () => {
  const m = model(0.36, 1, 1e-6);
  const b = correctionBound({ ...m, f: { ...m.f, complete: false } }, 1000);
  assert.ok(Number.isNaN(b.bound));
});
