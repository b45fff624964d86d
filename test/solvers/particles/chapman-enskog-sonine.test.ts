import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import {
  EXACT_OVER_FIRST,
  firstApproximation,
} from "../../../src/solvers/particles/transport-coefficients.ts";

// bench/chapman_enskog_sonine.py computes the Sonine (Chapman–Enskog) approximations of increasing
// order from the collision brackets by exact quadrature (numpy/scipy, nothing of boltzlab).
test("Chapman–Cowling factors: the Sonine approximations of order 1…7 from the brackets converge to the quoted exact/first ratios", () => {
  const script = join(import.meta.dirname, "../../../bench/chapman_enskog_sonine.py");
  const ref = JSON.parse(execFileSync("python3", [script, "7"], { encoding: "utf8" }));
  // first approximations: the brackets against boltzlab's converted closed forms (d² = 2)
  assert.ok(Math.abs(ref.viscosity[0] / firstApproximation("viscosity", 1) - 1) < 1e-12);
  assert.ok(
    Math.abs(ref.heatConductivity[0] / firstApproximation("heat-conductivity", 1) - 1) < 1e-12,
  );
  // second approximations: Chapman & Cowling's closed forms 1 + 3/202 and 1 + 1/44 (§ 10.21)
  assert.ok(Math.abs(ref.ratiosMu[1] - (1 + 3 / 202)) < 1e-12, `${ref.ratiosMu[1]}`);
  assert.ok(Math.abs(ref.ratiosLambda[1] - (1 + 1 / 44)) < 1e-12, `${ref.ratiosLambda[1]}`);
  for (const [seq, quoted] of [
    [ref.ratiosMu as number[], EXACT_OVER_FIRST.viscosity],
    [ref.ratiosLambda as number[], EXACT_OVER_FIRST["heat-conductivity"]],
  ] as const) {
    // a Ritz sequence: increasing; its limit is ≥ every term, and the quoted 6-digit value is
    // the limit rounded (≥ last term − 5e-7); the remaining increase after order 7 is < 3e-6
    // (increments at orders 6, 7: 1.1e-6, 3.2e-7 (μ) and 4.1e-6, 1.2e-6 (λ), shrinking)
    for (let i = 1; i < seq.length; i++) assert.ok(seq[i] > seq[i - 1], `${seq}`);
    const last = seq[seq.length - 1];
    assert.ok(quoted >= last - 5e-7, `quoted ${quoted} below order 7: ${last}`);
    assert.ok(quoted - last < 3e-6, `quoted ${quoted} far above order 7: ${last}`);
  }
});
