import assert from "node:assert/strict";
import { test } from "node:test";
import { admissible, constructionConstraints } from "../../src/claims/construction-constraints.ts";

const base = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" } as const;
const byId = (cs: ReturnType<typeof constructionConstraints>) =>
  Object.fromEntries(cs.map((c) => [c.id, c]));

test("the paper's as-in-proof constants satisfy every decidable constraint at M = 10^6, the bootstrap's absorption included; E needs the error table", () => {
  const cs = byId(constructionConstraints(1e6, base));
  for (const id of [
    "bump-disjointness",
    "bump-annulus-inner",
    "bump-annulus-outer",
    "core-beam-velocity",
    "core-inside-tubes",
    "time-range",
    "size",
  ]) {
    assert.equal(cs[id].status, "holds", `${id}: ${cs[id].detail}`);
  }
  assert.ok(Math.abs(cs["bump-disjointness"].margin - 0.7) < 1e-15);
  // C c Z_a with Z_a measured at M = 10^6 and the recorded C: decided without the error table
  assert.equal(cs["bootstrap-absorption"].status, "holds", cs["bootstrap-absorption"].detail);
  assert.equal(cs["error-smallness"].status, "inconclusive");
  assert.match(cs["error-smallness"].detail, /error-table records/);
});

test("cases built to violate each constraint fail it (and only the intended ones are touched)", () => {
  // as written (c = 1): the disjointness argument fails, 0.9 − 2 < 0
  assert.equal(
    byId(constructionConstraints(1e6, { ...base, variant: "as-written" }))["bump-disjointness"]
      .status,
    "fails",
  );
  // α = 3: 1 − 1/3 < 3/4 (inner annulus) and 1 + 1/3 > 5/4 (outer)
  const a3 = byId(constructionConstraints(1e6, { ...base, constants: { bumpAxial: 3 } }));
  assert.equal(a3["bump-annulus-inner"].status, "fails");
  assert.equal(a3["bump-annulus-outer"].status, "fails");
  assert.equal(a3["bump-disjointness"].status, "holds");
  // α = 1.2, N = M = 3 (p = 1): 1/N = 1/3 > 1 − 1/α = 1/6, f_r and f_b meet in velocity
  assert.equal(
    byId(constructionConstraints(3, { ...base, p: 1, constants: { bumpAxial: 1.2 } }))[
      "core-beam-velocity"
    ].status,
    "fails",
  );
  // R = 5: the core reaches outside the inner envelope of (2.35)
  assert.equal(
    byId(constructionConstraints(1e6, { ...base, constants: { coreRadius: 5 } }))[
      "core-inside-tubes"
    ].status,
    "fails",
  );
  // T* > 1/4: M = 10^3, s = 0.9 (T* ≈ 0.97), or c_T = 10 at M = 10^6
  assert.equal(
    byId(constructionConstraints(1000, { ...base, s: 0.9 }))["time-range"].status,
    "fails",
  );
  assert.equal(
    byId(constructionConstraints(1e6, { ...base, constants: { timeFactor: 10 } }))["time-range"]
      .status,
    "fails",
  );
  // c_r = 1000: ‖e^{⟨v⟩²} f_a(0)‖ ≫ 1
  const big = constructionConstraints(1e6, { ...base, constants: { coreAmplitude: 1000 } });
  assert.equal(byId(big).size.status, "fails");
  assert.equal(admissible(big), false);
  // … and C c Z_a ≫ 1/2 (Z_a ≈ 0.68 c_r); E needs the error table for these constants
  assert.equal(byId(big)["bootstrap-absorption"].status, "fails");
  assert.match(byId(big)["error-smallness"].detail, /error-table records/);
});
