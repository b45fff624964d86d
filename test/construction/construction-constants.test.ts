import assert from "node:assert/strict";
import { test } from "node:test";
import { clearTheoremRowCache, normBeam, theoremRow } from "../../src/claims/theorem-1-1.ts";
import { beamSobolevNorm } from "../../src/construction/beam/beam-norm.ts";
import { coreNorm } from "../../src/construction/core/core-norm.ts";
import { coreZNorm } from "../../src/construction/core/core-znorm.ts";
import { bump } from "../../src/construction/geometry/cutoff.ts";
import {
  bumpDisjointnessMargin,
  bumpRadius,
  bumpValue,
} from "../../src/construction/geometry/velocity-bumps.ts";
import {
  makeParameters,
  PAPER_CONSTANTS,
  tStar,
} from "../../src/construction/parameters/parameters.ts";
import { GAUSSIAN_WEIGHT } from "../../src/kinetic/z-weight.ts";
import { RuleError } from "../../src/math/errors.ts";

/**
 * Theorem 1.1 rows recorded on main at 0220877, before the free constants became parameters
 * (`boltzlab theorem --M 4,16 --json` and `--M 1000000000000 --s 0.9 --s0 0.3 --json`):
 * [M, initialDistance, finalDistance, deflation, weightedFinalNorm].
 */
const MAIN_ROWS: Record<
  string,
  { s: number; s0: number; rows: [number, number, number, number, number][] }
> = {
  "bump as-in-proof": {
    s: 0.8,
    s0: 0.5,
    rows: [
      [4, 0.1616996118410966, 0.021755391473939893, 0.9980797009286047, 0.16525232851614793],
      [16, 0.09695830837779554, 0.0130465896913101, 0.9954668131928401, 0.10274437658849839],
    ],
  },
  "bump as-in-proof large M": {
    s: 0.9,
    s0: 0.3,
    rows: [
      [1e12, 1.1307937453339873e-8, 6.127597543445803e-5, 0.9844030390557459, 0.010512782426084772],
    ],
  },
};

test("the paper's constants (by default or spelled out) reproduce main's Theorem 1.1 rows bit for bit", () => {
  for (const { s, s0, rows } of Object.values(MAIN_ROWS)) {
    for (const [M, init, fin, defl, wfin] of rows) {
      for (const constants of [undefined, { ...PAPER_CONSTANTS }]) {
        clearTheoremRowCache();
        const r = theoremRow(M, { s, s0, cutoff: "bump", variant: "as-in-proof", constants });
        assert.equal(r.initialDistance.value, init);
        assert.equal(r.finalDistance.value, fin);
        assert.equal(r.deflation.value, defl);
        assert.equal(r.weightedFinalNorm.value, wfin);
      }
    }
  }
});

test("c_r scales f_r exactly and leaves the deflation; c_b squares the deflation and doubles f_b; c_T scales T*", () => {
  const o = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" } as const;
  const base = normBeam(8, o.s, o.s0, undefined, o.cutoff, o.variant);
  const cr = normBeam(8, o.s, o.s0, undefined, o.cutoff, o.variant, { coreAmplitude: 3 });
  const f0 = coreNorm(base, 0, { weighted: false, subtract: 0 }).norm.value;
  assert.ok(
    Math.abs(coreNorm(cr, 0, { weighted: false, subtract: 0 }).norm.value / f0 - 3) < 1e-14,
  );
  // Λ is linear in c_b: e^{−2Λ} = (e^{−Λ})²; ‖f_b‖ is linear in c_b
  clearTheoremRowCache();
  const r1 = theoremRow(8, o);
  const r2 = theoremRow(8, { ...o, constants: { beamAmplitude: 2 } });
  assert.ok(Math.abs(r2.deflation.value - r1.deflation.value ** 2) < 1e-12);
  assert.ok(Math.abs(r2.initialDistance.value / r1.initialDistance.value - 2) < 1e-12);
  // c_r leaves the deflation unchanged, multiplies ‖f_r(0)‖-driven distances
  const r3 = theoremRow(8, { ...o, constants: { coreAmplitude: 5 } });
  assert.equal(r3.deflation.value, r1.deflation.value);
  assert.equal(r3.initialDistance.value, r1.initialDistance.value);
  assert.ok(
    Math.abs((r3.weightedCoreInitial?.value ?? 0) / (r1.weightedCoreInitial?.value ?? 1) - 5) <
      1e-12,
  );
  const p = makeParameters({ M: 8, constants: { timeFactor: 0.3 } });
  assert.ok(Math.abs(p.Tstar - 0.3 * tStar(8, 0.8)) < 1e-16);
  // R: ‖χ(RM·)‖_{L²} = (RM)^{−3/2}‖χ‖ (dilation), so ‖f_r(0)‖_{L²_v L²_x} scales as (R/100)^{−3/2}
  const rR = normBeam(8, o.s, o.s0, undefined, o.cutoff, o.variant, { coreRadius: 25 });
  const l2 = (b: typeof base) => coreNorm(b, 0, { weighted: false, subtract: 0, sobolev: 0 }).norm;
  const ratio = l2(rR).value / l2(base).value;
  assert.ok(Math.abs(ratio - 4 ** 1.5) < 1e-6 * 8, `ratio ${ratio}`);
});

test("the bump's axial and transverse factors set its support; the proof's disjointness margin follows them", () => {
  const e = [0, 0, 1];
  const shape = { M: 10, cutoff: bump, variant: "as-in-proof" as const, axial: 4, transverse: 3 };
  assert.equal(bumpRadius(shape), 1 / 30);
  // e·v − 1 = 0.5/α gives φ(1/2) times φ(0)
  assert.ok(Math.abs(bumpValue(shape, e, [0, 0, 1 + 0.5 / 4]) - bump.phi(0.5)) < 1e-15);
  assert.equal(bumpValue(shape, e, [0, 0, 1 + 1 / 4]), 0);
  assert.ok(Math.abs(bumpValue(shape, e, [0.5 / 30, 0, 1]) - bump.phi(0.5)) < 1e-14);
  // (1 − 1/α) − 2/c: paper as-in-proof 0.9 − 0.2, as-written 0.9 − 2
  assert.ok(
    Math.abs(bumpDisjointnessMargin({ M: 10, cutoff: bump, variant: "as-in-proof" }) - 0.7) < 1e-15,
  );
  assert.ok(bumpDisjointnessMargin({ M: 10, cutoff: bump, variant: "as-written" }) < 0);
  // beyond M = 256 the as-in-proof beam norm assumes disjointness: refused when the margin is ≤ 0
  const narrow = normBeam(1000, 0.8, 0.5, undefined, "bump", "as-in-proof", { bumpTransverse: 2 });
  assert.ok(Number.isNaN(beamSobolevNorm(narrow, 0.5, "none").value));
});

test("bad constants are refused with the rule; the Section 3–5 machinery takes non-paper constants", () => {
  assert.throws(() => makeParameters({ M: 4, constants: { beamAmplitude: -1 } }), RuleError);
  assert.throws(() => makeParameters({ M: 4, constants: { coreRadius: Number.NaN } }), RuleError);
  assert.throws(() => makeParameters({ M: 4, constants: { bumpAxial: 1 } }), /axial factor/);
  assert.throws(
    () => makeParameters({ M: 4, constants: { foo: 2 } as never }),
    /unknown construction constant/,
  );
  const beam = normBeam(4, 0.8, 0.5, undefined, "bump", "as-in-proof", { coreRadius: 50 });
  // R = 50: the core's L² part is (100/50)^{3/2} times the paper's (λ = RM, closed form at t = 0)
  const paper = normBeam(4, 0.8, 0.5, undefined, "bump", "as-in-proof");
  const ratio =
    coreZNorm(beam, 0, GAUSSIAN_WEIGHT).z.parts.L2.value /
    coreZNorm(paper, 0, GAUSSIAN_WEIGHT).z.parts.L2.value;
  assert.ok(Math.abs(ratio - 2 ** 1.5) < 1e-9, `${ratio}`);
});
