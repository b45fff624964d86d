import assert from "node:assert/strict";
import { test } from "node:test";
import { CLAIM_IDS, DEFAULT_CLAIM_IDS } from "../../src/claims/registry.ts";
import {
  claimsSecondSolution,
  gErrorSum,
  stationaryCoreZNorm,
} from "../../src/claims/second-solution.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";

/**
 * (5.11) against the closed form of the core at t = 0 and (5.12) as the sum of the G_err entries.
 */

const ctx = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" as const };

test("(5.11): M^{s0}‖e^{⟨v⟩²}⟨v⟩f_r(0)‖_{L²L²} = e·100^{−3/2}‖χ‖²_{L²} (M and N cancel); the L² parts are the same at every M, the L^∞ parts (∼ M^{3/2−s0}N^{−3/2}) vanish", () => {
  const { nodes, weights } = gaussLegendre(120);
  const phi = cutoffByName("bump").phi;
  let chi2 = 0;
  for (let i = 0; i < 120; i++) {
    const r = 0.5 * (1 + nodes[i]);
    chi2 += 0.5 * weights[i] * 4 * Math.PI * r * r * phi(r) ** 2;
  }
  const expected = Math.E * 100 ** -1.5 * chi2;
  const grads: number[] = [];
  const linf: number[] = [];
  for (const M of [4, 16, 64]) {
    const z = stationaryCoreZNorm(ctx, M);
    assert.ok(
      Math.abs(z.parts.L2.value - expected) <= z.parts.L2.error + 1e-8 * expected,
      `${z.parts.L2.value} vs ${expected}`,
    );
    grads.push(z.parts.gradL2.value);
    linf.push(z.parts.Linf.value + z.parts.gradLinf.value);
    assert.equal(z.dominant, "gradL2");
  }
  for (const g of grads) assert.ok(Math.abs(g - grads[0]) < 1e-9 * grads[0]);
  assert.ok(linf[0] < 1e-5 * grads[0] && linf[2] < linf[1] && linf[1] < linf[0]);
});

test("(5.12): the sum of the 12 entries; claims 5.11 and 5.12 consistent and registered", () => {
  const g = gErrorSum(ctx, 8);
  assert.ok(g.sum.value > 0 && g.sum.error < 1e-2 * g.sum.value);
  assert.equal(g.dominant, "v.grad(fr0) gradL2");
  const rs = claimsSecondSolution({ ...ctx, Ms: [4, 8, 16, 32] });
  assert.deepEqual(
    rs.map((r) => r.id),
    ["5.11", "5.12"],
  );
  for (const r of rs) assert.equal(r.verdict, "consistent", r.reason);
  assert.ok(Math.abs((rs[1].fit?.exponent ?? 0) - (0.8 - 10)) < 0.02);
  for (const id of ["5.11", "5.12"]) {
    assert.ok(CLAIM_IDS.includes(id));
    assert.ok(DEFAULT_CLAIM_IDS.includes(id));
  }
});
