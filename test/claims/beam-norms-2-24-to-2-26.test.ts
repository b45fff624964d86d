import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claim2_25, claim2_26 } from "../../src/claims/beam-norms-2-24-to-2-26.ts";
import { type ClaimContext, scalingClaim } from "../../src/claims/claim-helpers.ts";
import { claim2_34 } from "../../src/claims/pointwise-sandwich-2-34.ts";
import { beamValue, makeBeam } from "../../src/construction/beam/beam.ts";
import { beamLinfNorms } from "../../src/construction/beam/beam-gradient-norm.ts";
import { singleBumpPowerIntegral } from "../../src/construction/beam/beam-norm.ts";
import { bump, cutoffByName, plateau } from "../../src/construction/geometry/cutoff.ts";
import { tubeGradientSup } from "../../src/construction/geometry/tube-gradient-sup.ts";
import { tubeValue } from "../../src/construction/geometry/tubes.ts";
import { bumpValue } from "../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";

const ctx = (
  cutoff: string,
  variant: "as-written" | "as-in-proof",
  Ms: number[],
): ClaimContext => ({ Ms, s: 0.8, s0: 0.5, cutoff, variant });

describe("sup|∇K| of one tube", () => {
  it("bump: max|φ'| at r = 3^{−1/4} (φ'' = 0 ⇔ r⁴ = 1/3), value 2r e^{1−1/q}/q², q = 1 − r²", () => {
    const r = 3 ** -0.25;
    const q = 1 - r * r;
    const m1 = ((2 * r) / (q * q)) * Math.exp(1 - 1 / q);
    for (const M of [2, 4, 64]) {
      const g = tubeGradientSup(bump, M);
      assert.ok(Math.abs(g.maxSlopeAt - r) < 1e-8);
      assert.ok(Math.abs(g.maxSlope - m1) < 1e-12 * m1);
      assert.ok(g.lower >= M * m1 * (1 - 1e-14) && g.lower <= g.upper);
      assert.ok(Math.abs(g.upper - m1 * Math.sqrt(M * M + 1)) < 1e-12 * g.upper);
    }
  });
  it("plateau: max|φ'| = 4 at r = 3/4 (S'(1/2) = g'/(2g) = 2, chain factor 2)", () => {
    const g = tubeGradientSup(plateau, 8);
    assert.ok(Math.abs(g.maxSlope - 4) < 1e-12);
    assert.ok(Math.abs(g.maxSlopeAt - 0.75) < 1e-6);
    assert.ok(g.lower >= 32 * (1 - 1e-14));
  });
});

describe("(2.25) L^p_v L^∞_x norms", () => {
  it("as-in-proof (disjoint bumps): ‖w ΣI‖_2² = n ∫(wI)² (independent single-bump quadrature), gradient = value · sup|∇K|/M", () => {
    for (const cutoff of ["bump", "plateau"]) {
      const beam = makeBeam(makeParameters({ M: 8 }), cutoffByName(cutoff), "as-in-proof");
      const r = beamLinfNorms(beam, "gaussian");
      assert.equal(r.overlaps, false);
      const n = beam.lattice.count;
      const want = 8 ** 0.2 * Math.sqrt(n * singleBumpPowerIntegral(beam, "gaussian", 2));
      assert.ok(
        Math.abs(r.value["2"].value - want) <= 1e-6 * want + r.value["2"].error,
        `${r.value["2"].value} vs ${want}`,
      );
      const G = tubeGradientSup(beam.cutoff, 8);
      for (const p of ["1", "2", "inf"] as const) {
        const [lo, hi] = r.gradientBracket[p];
        assert.ok(Math.abs(lo - (r.value[p].value * G.lower) / 8) <= 1e-12 * lo);
        assert.ok(Math.abs(hi - (r.value[p].value * G.upper) / 8) <= 1e-12 * hi);
      }
    }
  });
  it("as-in-proof p = ∞: M^{1−s} max_a e^{1+a²} φ(10|a − 1|) (a 1-D scan, on the axis)", () => {
    const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
    let best = 0;
    for (let i = 0; i <= 200000; i++) {
      const a = 0.9 + (0.2 * i) / 200000;
      best = Math.max(best, Math.exp(1 + a * a) * bump.phi(10 * Math.abs(a - 1)));
    }
    const v = beamLinfNorms(beam, "gaussian").value.inf.value / 4 ** 0.2;
    assert.ok(Math.abs(v - best) < 1e-9 * best, `${v} vs ${best}`);
  });
  it("as-written: overlaps are met, and the gradient bracket (explicit points vs sum of sups) is tight", () => {
    const beam = makeBeam(makeParameters({ M: 16 }), bump, "as-written");
    const r = beamLinfNorms(beam, "gaussian");
    assert.ok(r.overlaps && r.overlapMassFraction > 0);
    for (const p of ["1", "2"] as const) {
      const [lo, hi] = r.gradientBracket[p];
      assert.ok(lo > 0 && lo <= hi && (hi - lo) / hi < 0.01, `${p}: ${lo}..${hi}`);
    }
  });
  it("claim: consistent with M^{1−s}; the same values fail a deliberately wrong exponent", () => {
    const res = claim2_25(ctx("bump", "as-in-proof", [4, 8, 16, 32]));
    const grad2 = res.find((c) => c.id === "2.25/grad,p=2");
    assert.ok(grad2);
    assert.equal(grad2.verdict, "consistent");
    const wrong = scalingClaim({ ...grad2, id: "wrong" }, [...grad2.measurements], -0.6, "upper");
    assert.equal(wrong.verdict, "inconsistent");
  });
});

describe("(2.26) L²_x L¹_v", () => {
  it("consistent with M^{−1/2−s} at t = 0 and 1/4; a deliberately wrong exponent −2 is inconsistent", () => {
    const res = claim2_26(ctx("bump", "as-in-proof", [4, 8, 16, 32]));
    assert.equal(res.length, 4);
    for (const c of res) assert.equal(c.verdict, "consistent", `${c.id}: ${c.reason}`);
    const v = res[0];
    const wrong = scalingClaim({ ...v, id: "wrong" }, [...v.measurements], -2, "upper");
    assert.equal(wrong.verdict, "inconsistent");
  });
});

describe("(2.34) pointwise sandwich", () => {
  it("plateau, as-written: both sides hold (K = 1 on the inner support shifted by ut, K̃ = 1 where K(x − ut) ≠ 0)", () => {
    const res = claim2_34(ctx("plateau", "as-written", [4, 8]));
    for (const c of res) assert.equal(c.verdict, "holds", c.reason);
  });
  it("as-in-proof: the lower side is violated where f_b = 0 (u inside χ(MP⊥u) but outside the bump χ(10MP⊥u))", () => {
    const res = claim2_34(ctx("bump", "as-in-proof", [4]));
    const low = res.find((c) => c.id === "2.34/lower");
    assert.ok(low && low.verdict === "violated" && low.counterexample);
    const ce = low.counterexample as { t: number; x: number[]; u: number[] };
    const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
    assert.equal(beamValue(beam, ce.t, ce.x, ce.u), 0);
    // the lower side at that point, by hand: some direction with χ(10MP⊥x)χ(10Px)χ(MP⊥u)χ(10P(u−e)) > 0
    let lower = 0;
    const lat = beam.lattice;
    for (let k = 0; k < lat.count; k++) {
      const e = [lat.e[3 * k], lat.e[3 * k + 1], lat.e[3 * k + 2]];
      const inner = tubeValue({ M: 4, cutoff: bump, scale: 0.1 }, e, ce.x);
      lower += inner * bumpValue({ M: 4, cutoff: bump, variant: "as-written" }, e, ce.u);
    }
    assert.ok(lower > 0);
  });
  it("bump: the upper side fails at x = ut, u = e (closed form: f_b / upper side = 1/φ(t/10) > 1)", () => {
    const res = claim2_34(ctx("bump", "as-written", [4]));
    assert.equal(res.find((c) => c.id === "2.34/upper")?.verdict, "violated");
    const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-written");
    const e = [beam.lattice.e[0], beam.lattice.e[1], beam.lattice.e[2]];
    const t = 0.25;
    const x = e.map((c) => c * t);
    const f = beamValue(beam, t, x, e);
    let upper = 0;
    const lat = beam.lattice;
    for (let k = 0; k < lat.count; k++) {
      const ek = [lat.e[3 * k], lat.e[3 * k + 1], lat.e[3 * k + 2]];
      upper +=
        beam.amplitude *
        tubeValue({ M: 4, cutoff: bump, scale: 10 }, ek, x) *
        bumpValue(beam.bump, ek, e);
    }
    assert.ok(Math.abs(f / upper - 1 / bump.phi(t / 10)) < 1e-12, `${f / upper}`);
  });
});
