import assert from "node:assert/strict";
import { test } from "node:test";
import { beamForTable, runErrorJob } from "../../src/claims/error-table/error-table.ts";
import { findTableMeasure } from "../../src/claims/error-table/table-measures.ts";
import { bootstrap, coefficient58, partition } from "../../src/claims/proposition-5-1.ts";
import { stationaryCoreZNorm } from "../../src/claims/second-solution.ts";
import { approximateSolutionZNorm } from "../../src/claims/z-norms-4-4-to-4-19.ts";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import { coreZNorm } from "../../src/construction/core/core-znorm.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { GAUSSIAN_WEIGHT } from "../../src/kinetic/z-weight.ts";

// Values recorded with the previous code (commit aae3627, before the Section 3–5 machinery took the
// construction's constants): the paper's constants must reproduce them bit for bit.
const ctx = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" as const };

test("paper's constants: Z_a of f_a and g_a at M = 4 are the recorded doubles", () => {
  assert.equal(approximateSolutionZNorm(ctx, 4).z.total.value, 0.9805352057119728);
  assert.equal(stationaryCoreZNorm(ctx, 4).total.value, 0.6789541248069741);
});

test("paper's constants: error-table jobs at M = 4 reproduce the recorded windows", () => {
  const cases: [string, string, "as-in-proof" | "as-written", number[][]][] = [
    [
      "v.grad(fr)",
      "L2",
      "as-in-proof",
      [
        [1.8794162671702395e-7, 2.6851022975666143e-10],
        [9.40160948144892e-8, 1.335386691354233e-10],
        [9.392553190253476e-8, 1.349715606212845e-10],
      ],
    ],
    [
      "Q-(fb,fr)",
      "Linf",
      "as-in-proof",
      [
        [1.1242879789556386e-12, 1.4336671040589393e-16],
        [1.1242879780193018e-12, 1.3496914562825963e-16],
        [1.10488231994783e-12, 1.644887024368722e-15],
      ],
    ],
    [
      "Q+(fr,fb)",
      "Linf",
      "as-written",
      [
        [1.0113373660368445e-10, 5.6943069751674675e-11],
        [1.0084358622646573e-10, 2.8705976803222952e-11],
        [8.942998650522857e-11, 2.6437199502476695e-11],
      ],
    ],
  ];
  for (const [term, part, variant, want] of cases) {
    const params = { s: 0.8, s0: 0.5, p: 10, cutoff: "bump", variant, grid: [0, 0.5, 1] };
    const m = findTableMeasure(term as never, part as never);
    assert.ok(m);
    const rec = runErrorJob(
      { index: 0, term: term as never, part: part as never, M: 4 },
      m,
      beamForTable(4, params),
      params,
    );
    assert.deepEqual(
      rec.windows.map((w) => [w.value.value, w.value.error]),
      want,
      `${term} ${part} ${variant}`,
    );
    assert.equal("constants" in rec, false);
  }
});

test("paper's constants: Proposition 5.1's partition, (5.8) and the iteration at M = 16", () => {
  const pr = makeParameters({ M: 16 });
  assert.equal(partition(pr).n, 1.6980474813862798);
  assert.equal(coefficient58(pr).value, 0.4494777438574206);
  assert.equal(
    bootstrap({ params: pr, zNormFa: 0.9, errorBound: 1e-3, constant: 1.3 }).finalBound,
    0.006623676414060007,
  );
});

test("other constants: c_T multiplies the number of intervals, √c_T the coefficient (5.8)", () => {
  const a = makeParameters({ M: 1000 });
  const b = makeParameters({ M: 1000, constants: { timeFactor: 2 } });
  assert.ok(Math.abs(partition(b).n / partition(a).n - 2) < 1e-14);
  assert.ok(Math.abs(coefficient58(b).value / coefficient58(a).value - Math.SQRT2) < 1e-12);
});

test("other constants: the core's Z-norm at t = 0 scales with c_r and moves with R as λ = RM", () => {
  const chi = cutoffByName("bump");
  const z = (c: object) =>
    coreZNorm(
      makeBeam(makeParameters({ M: 8, constants: c }), chi, "as-in-proof"),
      0,
      GAUSSIAN_WEIGHT,
    ).z.parts;
  const base = z({});
  const twice = z({ coreAmplitude: 2 });
  for (const p of ["L2", "gradL2", "Linf", "gradLinf"] as const)
    assert.ok(Math.abs(twice[p].value / base[p].value - 2) < 1e-13, p);
  // L² part ∝ λ^{−3/2} = (RM)^{−3/2}, ∇L² ∝ λ^{−1/2} (closed forms at t = 0)
  const wide = z({ coreRadius: 50 });
  assert.ok(Math.abs(wide.L2.value / base.L2.value - 2 ** 1.5) < 1e-9);
  assert.ok(Math.abs(wide.gradL2.value / base.gradL2.value - 2 ** 0.5) < 1e-9);
});
