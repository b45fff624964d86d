import assert from "node:assert/strict";
import { test } from "node:test";
import { claim4_25, timeIntegral4_25 } from "../../../src/claims/envelope-time-integral-4-25.ts";
import { lossBeamBeamMeasures } from "../../../src/claims/error-table/loss-beam-beam.ts";
import { beamValue, makeBeam } from "../../../src/construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../../src/construction/beam/beam-collision-frequency.ts";
import { beamValueAndGradient } from "../../../src/construction/beam/beam-gradient.ts";
import {
  characteristicFrequency,
  characteristicFrequencyAt,
} from "../../../src/construction/beam/characteristic-frequency.ts";
import { characteristicBoundAt } from "../../../src/construction/beam/characteristic-frequency-bound.ts";
import { lossDuhamelAt } from "../../../src/construction/beam-beam/beam-loss-duhamel.ts";
import {
  sampledIndices,
  stratifiedBumpSample,
  stratifiedTotal,
} from "../../../src/construction/geometry/bump-sample.ts";
import { bump, plateau } from "../../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { RuleError } from "../../../src/math/errors.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";

const beamIn = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
const beamW = makeBeam(makeParameters({ M: 4 }), plateau, "as-written");

/** A point x at time t whose z = x − tv lies in tube k near the crossing, and v in bump k. */
function probe(
  beam: typeof beamIn,
  k: number,
  t: number,
  eta: number,
  q: number,
  vScale: number,
  vTilt: number,
) {
  const e = [beam.lattice.e[3 * k], beam.lattice.e[3 * k + 1], beam.lattice.e[3 * k + 2]];
  const n = Math.hypot(e[0], e[1]);
  const p = n > 0 ? [-e[1] / n, e[0] / n, 0] : [1, 0, 0];
  const { M } = beam.params;
  const v = e.map((c, i) => vScale * c + (vTilt / M) * p[i]);
  const z = e.map((c, i) => eta * c + (q / M) * p[i]);
  const x = z.map((c, i) => c + t * v[i]);
  return { v, z, x };
}

test("D⁻ = f_b(t,x,v)·∫A along the characteristic equals the direct τ-integral of f_b·A[f_b] (beamCollisionFrequency)", () => {
  for (const [beam, k, eta, q, tilt] of [
    [beamIn, 3, -0.08, 0.2, 0.03],
    [beamW, 5, -0.12, -0.3, 0.4],
  ] as const) {
    const T = beam.params.Tstar;
    const t0 = 0.2 * T;
    const t = T;
    const { v, x } = probe(beam, k, t, eta, q, 1.03, tilt);
    // direct: ∫_{t0}^{t} f_b(τ, y(τ), v) A[f_b](τ, y(τ), v) dτ, y(τ) = x − (t − τ)v, composite Gauss–Legendre
    const gl = gaussLegendre(8);
    const P = 6;
    let direct = 0;
    let directErr = 0;
    const fbt = beamValue(beam, t, x, v);
    for (let pnl = 0; pnl < P; pnl++) {
      const a = t0 + ((t - t0) * pnl) / P;
      const b = t0 + ((t - t0) * (pnl + 1)) / P;
      for (let i = 0; i < gl.n; i++) {
        const tau = 0.5 * (a + b) + 0.5 * (b - a) * gl.nodes[i];
        const y = x.map((c, d) => c - (t - tau) * v[d]);
        const fb = beamValue(beam, tau, y, v);
        // free transport: f_b(τ, x − (t−τ)v, v) = f_b(t, x, v)
        assert.ok(Math.abs(fb - fbt) <= 1e-12 * Math.max(1, fbt), `free transport at τ=${tau}`);
        const A = beamCollisionFrequency(beam, tau, y, v, { relTol: 1e-5 });
        direct += 0.5 * (b - a) * gl.weights[i] * fb * A.value;
        directErr += 0.5 * (b - a) * gl.weights[i] * fb * A.error;
      }
    }
    const J = characteristicFrequency(beam, t0, t, x, v, { relTol: 1e-4, minLevel: 2 });
    const viaIdentity = fbt * J.value.value;
    assert.ok(fbt > 0 && direct > 0, "probe inside the support");
    const rel = Math.abs(viaIdentity - direct) / direct;
    assert.ok(
      rel < 2e-3,
      `${beam.variant}: identity ${viaIdentity} vs direct ${direct} (rel ${rel}, direct err ${directErr})`,
    );
  }
});

test("∇x of J and of f_b agree with central differences; ∇D⁻ = ∇f_b J + f_b ∇J", () => {
  const beam = beamIn;
  const T = beam.params.Tstar;
  const { v, z } = probe(beam, 4, T, -0.1, 0.35, 0.98, 0.05);
  const out = new Float64Array(4);
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  const g = new Float64Array(3);
  characteristicFrequencyAt(beam, z, v, 0, T, 2, true, out);
  const D = new Float64Array(4);
  lossDuhamelAt(beam, z, v, 0, T, 2, D);
  const h = 1e-6;
  for (let d = 0; d < 3; d++) {
    const zp = [...z];
    const zm = [...z];
    zp[d] += h;
    zm[d] -= h;
    characteristicFrequencyAt(beam, zp, v, 0, T, 2, false, a);
    characteristicFrequencyAt(beam, zm, v, 0, T, 2, false, b);
    const fd = (a[0] - b[0]) / (2 * h);
    assert.ok(
      Math.abs(fd - out[1 + d]) < 1e-4 * Math.hypot(out[1], out[2], out[3]),
      `∂J/∂x${d}: ${fd} vs ${out[1 + d]}`,
    );
    const fdF = (beamValue(beam, 0, zp, v) - beamValue(beam, 0, zm, v)) / (2 * h);
    beamValueAndGradient(beam, 0, z, v, g);
    assert.ok(Math.abs(fdF - g[d]) < 1e-5 * Math.hypot(g[0], g[1], g[2]), `∂f_b/∂x${d}`);
    const fdD = (beamValue(beam, 0, zp, v) * a[0] - beamValue(beam, 0, zm, v) * b[0]) / (2 * h);
    assert.ok(Math.abs(fdD - D[1 + d]) < 1e-4 * Math.hypot(D[1], D[2], D[3]), `∂D/∂x${d}`);
  }
});

test("J is additive over windows and vanishes on an empty window", () => {
  const beam = beamW;
  const T = beam.params.Tstar;
  const { v, z } = probe(beam, 2, T, -0.05, 0.1, 1, 0.2);
  const o1 = new Float64Array(4);
  const o2 = new Float64Array(4);
  const o3 = new Float64Array(4);
  characteristicFrequencyAt(beam, z, v, 0, T, 3, false, o1);
  characteristicFrequencyAt(beam, z, v, 0, 0.4 * T, 3, false, o2);
  characteristicFrequencyAt(beam, z, v, 0.4 * T, T, 3, false, o3);
  assert.ok(Math.abs(o2[0] + o3[0] - o1[0]) < 1e-3 * o1[0], `${o2[0]} + ${o3[0]} vs ${o1[0]}`);
  characteristicFrequencyAt(beam, z, v, 0.3, 0.3, 1, false, o1);
  assert.equal(o1[0], 0);
  assert.throws(() => characteristicFrequencyAt(beam, z, v, 0.3, 0.2, 1, false, o1), RuleError);
});

test("the line majorants J̄, J̄₁ bound J and |∇J| at every probed x (and are not absurdly loose at the crossing)", () => {
  for (const beam of [beamIn, beamW]) {
    const T = beam.params.Tstar;
    const jb = new Float64Array(2);
    const out = new Float64Array(4);
    let best = 0;
    for (const [eta, q] of [
      [-0.05, 0],
      [-0.1, 0.5],
      [-0.2, -0.8],
      [0.3, 0.2],
      [-0.6, 0.1],
    ]) {
      const { v, z } = probe(beam, 6, T, eta, q, 1.05, 0.1);
      characteristicBoundAt(beam, v, 0, T, 2, jb);
      characteristicFrequencyAt(beam, z, v, 0, T, 2, true, out);
      assert.ok(out[0] <= jb[0] * (1 + 1e-3), `J ${out[0]} ≤ J̄ ${jb[0]}`);
      assert.ok(Math.hypot(out[1], out[2], out[3]) <= jb[1] * (1 + 1e-3), "|∇J| ≤ J̄₁");
      best = Math.max(best, out[0] / jb[0]);
    }
    assert.ok(best > 0.3, `${beam.variant}: J/J̄ at the crossing ${best}`);
  }
});

test("stratified bump sample: exhaustive sums exactly, sampled totals of a constant are exact with zero SE", () => {
  const all = stratifiedBumpSample(10, 36, 1);
  assert.ok(all.exhaustive);
  assert.equal(stratifiedTotal(all, (k) => k).total, 45);
  const s = stratifiedBumpSample(528, 12, 7);
  assert.equal(sampledIndices(s).length, 12);
  assert.equal(new Set(sampledIndices(s)).size, 12);
  const c = stratifiedTotal(s, () => 2);
  assert.ok(Math.abs(c.total - 1056) < 1e-9);
  assert.equal(c.standardError, 0);
  const lin = stratifiedTotal(s, (k) => k);
  // Σ k = 528·527/2 = 139128; the stratified estimate lies within a few SE
  assert.ok(
    Math.abs(lin.total - 139128) < 4 * lin.standardError + 1,
    `${lin.total} ± ${lin.standardError}`,
  );
});

test("Q-(fb,fb) measures at M = 4: lower bound ≤ upper bound in the L^∞ parts, L² estimate ≤ upper bound, bad windows refused", () => {
  const beam = beamIn;
  const T = beam.params.Tstar;
  const w = { t0: 0, t: T };
  const opts = { supBumps: 3, l2Bumps: 2, l2Points: 61, l2Shifts: 3, seed: 3 };
  assert.equal(lossBeamBeamMeasures.length, 4);
  for (const me of lossBeamBeamMeasures) {
    assert.equal(me.term, "Q-(fb,fb)");
    const r = me.measure(beam, w, opts);
    assert.ok(r.value.value > 0, `${me.part} positive`);
    assert.ok(r.upperBound, `${me.part} has an upper bound`);
    const ub = r.upperBound;
    assert.ok(
      r.value.value - r.value.error <= ub.value + ub.error,
      `${me.part}: ${r.value.value} vs upper ${ub.value}`,
    );
    if (me.part === "Linf" || me.part === "gradLinf") assert.equal(r.value.lowerBound, true);
  }
  const p = lossBeamBeamMeasures.find((x) => x.part === "Linf")?.paper(0.8, 0.5, 10);
  assert.ok(p && Math.abs(p.exponent - (1 - 1.6)) < 1e-12);
  const p2 = lossBeamBeamMeasures.find((x) => x.part === "L2")?.paper(0.8, 0.5, 10);
  assert.ok(p2 && Math.abs(p2.exponent - (-0.5 + 0.5 - 0.8)) < 1e-12 && p2.logFactor === "lnlnM");
  assert.throws(() => lossBeamBeamMeasures[2].measure(beam, { t0: 0.1, t: 0.05 }), RuleError);
  assert.throws(() => lossBeamBeamMeasures[2].measure(beam, { t0: 0, t: 2 * T }), RuleError);
});

test("(4.25): the worst-case time integral has the closed form T*/(1 + 3MT*/8) and scales like 1/M", () => {
  for (const M of [4, 16, 256]) {
    const T = makeParameters({ M }).Tstar;
    const a = timeIntegral4_25(M, T);
    const b = timeIntegral4_25(M, T, true);
    assert.ok(Math.abs(a.value - b.value) < 1e-10 * a.value, `M=${M}: ${a.value} vs ${b.value}`);
  }
  const c = claim4_25({
    Ms: [16, 64, 256, 1024, 4096],
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
  });
  assert.equal(c.verdict, "consistent");
  assert.ok((c.impliedConstant?.max ?? 99) < 8 / 3 + 1e-9);
});
