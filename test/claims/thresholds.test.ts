import assert from "node:assert/strict";
import { test } from "node:test";
import { theoremRow } from "../../src/claims/theorem-1-1.ts";
import { criterionPoint, threshold } from "../../src/claims/thresholds.ts";
import { deflationExponentLimit } from "../../src/construction/core/deflation-law.ts";
import { bump } from "../../src/construction/geometry/cutoff.ts";

const search = { gridStep: 2, relTol: 1e-2 };

test("weak threshold (paper constants): the Theorem 1.1 rows fail below it and separate above it", () => {
  const o = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" } as const;
  const r = threshold("weak", o, search);
  assert.ok(r.Mhi !== null && r.Mfail !== null && r.log10M !== null && r.log10MError !== null);
  assert.ok(r.Mfail < r.Mhi && r.Mhi / r.Mfail < 1.1, `bracket [${r.Mfail}, ${r.Mhi}]`);
  // direct evaluation through the theorem rows (beam-norm.ts's own beam norm, not thresholds.ts's)
  const below = theoremRow(r.Mfail, o);
  const above = theoremRow(r.Mhi, o);
  assert.ok(
    below.finalDistance.value + below.finalDistance.error <
      below.initialDistance.value - below.initialDistance.error,
  );
  assert.ok(
    above.finalDistance.value - above.finalDistance.error >
      above.initialDistance.value + above.initialDistance.error,
  );
  assert.ok(Math.abs(r.log10M - 0.5 * Math.log10(r.Mfail * r.Mhi)) < 1e-12);
  assert.equal(r.relapses.length, 0);
});

test("strong threshold inside the range for constants that make it reachable, checked on both sides", () => {
  const o = {
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    constants: { beamAmplitude: 100, coreAmplitude: 1000 },
  } as const;
  const r = threshold("strong", o, search);
  assert.ok(r.Mhi !== null && r.Mlo !== null, r.method);
  const hi = criterionPoint(r.Mhi, o);
  const lo = criterionPoint(r.Mlo, o);
  assert.equal(hi.status.strong, "holds");
  assert.notEqual(lo.status.strong, "holds");
  // the rows agree on F ≥ 10 I above
  const row = theoremRow(r.Mhi, o);
  assert.ok(row.finalDistance.value >= 10 * row.initialDistance.value);
  // and F ≥ A/2 with A² = ‖f_r(0)‖² + ‖f_b‖² computed here from the margin's parts
  assert.ok(hi.final.value >= 0.5 * hi.size.value);
});

test("strong threshold beyond 10^100 follows the asymptotic law ln ln M = ln 2/γ∞", () => {
  const r = threshold(
    "strong",
    { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" },
    search,
  );
  assert.equal(r.Mhi, null);
  const g = deflationExponentLimit(bump, {
    beamAmplitude: 1,
    timeFactor: 1,
    bumpAxial: 10,
    bumpTransverse: 10,
  }).value;
  assert.ok(r.log10Log10M !== undefined);
  assert.ok(
    Math.abs(r.log10Log10M - (Math.log(2) / g - Math.log(Math.log(10))) / Math.log(10)) < 1e-9,
  );
  // and it does not hold at the top of the direct range
  assert.equal(r.below?.status.strong, "fails");
});
