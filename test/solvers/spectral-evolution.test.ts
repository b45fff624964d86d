/**
 * Issue 17: the evolved BKW solution with the defaults of `relax` (RELAX_DEFAULTS, domain from
 * `domain.ts`): max-norm error over t ∈ [0, 2] and M₄ − 15ρT² at t = 0.5 against the exact
 * solution, at n = 16 and 32; and no warning on this accurate run.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Bkw } from "../../src/solvers/spectral/bkw.ts";
import { chooseDomain } from "../../src/solvers/spectral/domain.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { bkwScales } from "../../src/solvers/spectral/initial-data.ts";
import { RELAX_DEFAULTS, runRelaxation } from "../../src/solvers/spectral/relaxation.ts";

function run(n: number) {
  const bkw = new Bkw({ K0: 0.7 });
  const d = chooseDomain(bkwScales(1, 0.7), n);
  const grid = makeGrid(n, d.L, d.R);
  const r = runRelaxation({
    kernel: "constant",
    grid,
    f0: bkw.sample(grid, 0, new Float64Array(n ** 3)),
    tEnd: 2,
    dt: null,
    tol: RELAX_DEFAULTS.tol,
    scheme: RELAX_DEFAULTS.scheme,
    positivity: RELAX_DEFAULTS.positivity,
    sphere: RELAX_DEFAULTS.sphere,
    angles: RELAX_DEFAULTS.angles,
    equilibriumPreserving: true,
    bkw,
    outputTimes: [0.5],
  });
  const at05 = r.series.find((p) => p.t === 0.5);
  if (!at05) throw new Error("no series point at t = 0.5");
  // exact: M₄ − 15ρT² = −15ρT²(1 − K)², K(t) = 1 − (1 − K0) e^{−λt}, λ = 8π/15 (ρ = T = 1)
  const K = 1 - 0.3 * Math.exp(-((8 * Math.PI) / 15) * 0.5);
  const exact = -15 * (1 - K) ** 2;
  return {
    errorMax: Math.max(...r.series.map((p) => p.errorMax ?? Number.NaN)),
    m4: Math.abs(at05.fourthMomentExcess / exact - 1),
    warnings: r.warnings,
  };
}

test("BKW evolved with the relax defaults: max error over [0,2] <= 1e-6 and M₄ − 15ρT² at t = 0.5 within 0.5% at n = 32, both falling from n = 16", () => {
  const r16 = run(16);
  const r32 = run(32);
  assert.ok(r32.errorMax <= 1e-6, `n=32 max error ${r32.errorMax}`);
  assert.ok(r32.m4 <= 5e-3, `n=32 M4 relative error ${r32.m4}`);
  assert.ok(r32.errorMax < r16.errorMax / 10, `${r16.errorMax} -> ${r32.errorMax}`);
  assert.ok(r32.m4 < r16.m4, `${r16.m4} -> ${r32.m4}`);
  assert.deepEqual(r32.warnings, []);
  console.log(
    `n=16: errorMax ${r16.errorMax.toExponential(2)}, M4 ${r16.m4.toExponential(2)}; n=32: errorMax ${r32.errorMax.toExponential(2)}, M4 ${r32.m4.toExponential(2)}`,
  );
});
