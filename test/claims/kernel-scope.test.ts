import assert from "node:assert/strict";
import { test } from "node:test";
import { checkIds, runCheck } from "../../src/claims/registry.ts";

const ctx = { Ms: [4, 8], s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" as const };

test("claims for another kernel: hard-sphere-specific checks are not-stated, with the argument's answer", () => {
  for (const id of ["3.4", "4.4", "4.25", "5.11"]) {
    const rs = runCheck(id, { ...ctx, kernel: "constant" });
    assert.ok(rs.length > 0);
    for (const r of rs) {
      assert.equal(r.verdict, "not-stated");
      assert.match(r.reason, /not stated by the paper for the constant kernel/);
      assert.equal(r.measurements.length, 0);
    }
  }
  // the same check for hard spheres computes
  assert.notEqual(runCheck("4.25", ctx)[0].verdict, "not-stated");
});

test("claims for another kernel: A[f_b] claims are computed with the kernel, geometry is unchanged", () => {
  const hs = runCheck("2.31", ctx)[0];
  const cst = runCheck("2.31", { ...ctx, kernel: "constant" })[0];
  assert.notEqual(cst.verdict, "not-stated");
  // A[f_b] on the core doubles exactly at leading order (Ω = 4π against 2π, μ_0 = μ_1 = 1)
  const ratio = cst.measurements[0].value.value / hs.measurements[0].value.value;
  assert.ok(Math.abs(ratio - 2) < 0.01, `ratio ${ratio}`);
  const geo = (k?: string) => runCheck("2.10", { ...ctx, ...(k ? { kernel: k } : {}) });
  assert.deepEqual(geo("vhs:-2"), geo());
  assert.ok(checkIds().includes("2.36"));
});
