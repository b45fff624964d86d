import assert from "node:assert/strict";
import { test } from "node:test";
import { claimsLemma4_2 } from "../../src/claims/z-norms-4-4-to-4-19.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("Lemma 4.2 claims (M = 4, 8, 16): ids, (4.18)/(4.19) exponent (3/2 − s0) − 3p/2 from (2.5), f_a between max and sum", () => {
  const rs = claimsLemma4_2({
    Ms: [4, 8, 16],
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-written",
  });
  assert.deepEqual(
    rs.map((r) => r.id),
    ["4.4", "4.5", "4.6", "4.18", "4.19"],
  );
  const byId = Object.fromEntries(rs.map((r) => [r.id, r]));
  for (const id of ["4.18", "4.19"]) {
    assert.ok(
      Math.abs((byId[id].fit?.exponent ?? 0) - (1.5 - 0.5 - 15)) < 0.02,
      `${id}: ${byId[id].fit?.exponent}`,
    );
    assert.equal(byId[id].verdict, "consistent");
  }
  assert.equal(byId["4.5"].verdict, "consistent");
  for (let i = 0; i < 3; i++) {
    const b = byId["4.4"].measurements[i].value.value;
    const r = byId["4.5"].measurements[i].value.value;
    const a = byId["4.6"].measurements[i].value.value;
    assert.ok(
      a >= Math.max(b, r) * (1 - 1e-9) && a <= (b + r) * (1 + 1e-9),
      `f_a ${a} vs f_b ${b}, f_r ${r}`,
    );
  }
  // the core's Z-norm is largest at t = 0 (deflation); there its L² parts do not depend on M
  // (M^{s0}·M^{3/2−s0}(100M)^{−3/2} and M^{s0−1}·M^{3/2−s0}(100M)^{−1/2}); the L^∞ parts are O(M^{−14})
  const fr = byId["4.5"].measurements;
  assert.ok(fr.every((x) => x.where?.t === 0));
  const l2 = (i: number) => {
    const p = fr[i].where?.parts as Record<string, number>;
    return p.L2 + p.gradL2;
  };
  assert.ok(rel(l2(0), l2(2)) < 1e-9);
});
