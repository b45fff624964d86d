import assert from "node:assert/strict";
import { test } from "node:test";
import { CLAIM_IDS, claimTaskCount, DEFAULT_CLAIM_IDS } from "../../src/claims/registry.ts";

test("opt-in checks (3.5-fb, 3.6-fb; 3.5-construction, 3.6-construction) are known ids but not part of the default sweep", () => {
  for (const id of ["3.5-fb", "3.6-fb", "3.5-construction", "3.6-construction"]) {
    assert.ok(CLAIM_IDS.includes(id));
    assert.ok(!DEFAULT_CLAIM_IDS.includes(id));
  }
  for (const id of ["2.10", "2.26", "2.34", "3.5", "4.4", "4.25", "T*<=1/4"])
    assert.ok(DEFAULT_CLAIM_IDS.includes(id), id);
  const one = { cutoffs: ["bump"], variants: ["as-in-proof" as const] };
  assert.equal(claimTaskCount({ ...one, ids: ["3.5-fb", "3.6-fb"] }), 1);
  assert.equal(claimTaskCount(one), claimTaskCount({ ...one, ids: DEFAULT_CLAIM_IDS }));
  assert.equal(claimTaskCount({ ...one, ids: ["3.5-construction", "3.6-construction"] }), 1);
  // two opt-in checks, one task each per cutoff × variant
  assert.equal(claimTaskCount({ ...one, ids: CLAIM_IDS }), claimTaskCount(one) + 2);
});
