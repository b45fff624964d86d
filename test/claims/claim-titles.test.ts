import assert from "node:assert/strict";
import { test } from "node:test";
import { CLAIM_TITLES } from "../../src/claims/claim-titles.ts";
import { CLAIM_IDS, runClaims } from "../../src/claims/registry.ts";

/**
 * The static titles listed by `boltzlab claims --list` are the registry's ids, in its order, and
 * equal the titles the checks themselves produce (first result of each id), for the checks that
 * are cheap at M = 4 (the slow ones, 2.26, 2.30, 2.31, 3.x, 4.4–4.19, are left out to keep this fast).
 */

test("CLAIM_TITLES lists exactly the registry's ids, in order", () => {
  assert.deepEqual(Object.keys(CLAIM_TITLES), [...CLAIM_IDS]);
});

test("CLAIM_TITLES equals the titles the cheap checks produce", async () => {
  const ids = [
    "1.9",
    "2.10",
    "2.19",
    "2.11",
    "2.12",
    "1.13",
    "2.20",
    "2.23",
    "2.25",
    "2.29",
    "2.34",
    "2.35",
    "2.36",
    "2.37",
    "2.38",
    "2.39",
    "2.42",
    "2.43",
    "T*<=1/4",
    "4.25",
    "5.12",
  ];
  for (const id of ids) {
    const results = await runClaims({
      ids: [id],
      Ms: [4],
      s: 0.8,
      s0: 0.5,
      cutoffs: ["bump"],
      variants: ["as-in-proof"],
    });
    assert.ok(results.length > 0, id);
    assert.equal(results[0].title, CLAIM_TITLES[id], id);
  }
});
