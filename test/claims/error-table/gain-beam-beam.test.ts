import assert from "node:assert/strict";
import { test } from "node:test";
import { gainBeamBeamMeasures } from "../../../src/claims/error-table/gain-beam-beam.ts";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { beamBumpPieces, beamGainSample } from "../../../src/construction/beam-beam/beam-gain.ts";
import {
  BOUND_SLOTS,
  D_DIAG,
  D_OFF,
  DUHAMEL_SLOTS,
  duhamelAtNodes,
  G_DIAG,
  G_OFF,
  supBoundsAtNodes,
  U_DIAG,
  U_OFF,
} from "../../../src/construction/beam-beam/beam-gain-duhamel.ts";
import { sampleZ, zDensity } from "../../../src/construction/beam-beam/beam-gain-l2.ts";
import {
  gainLinfDiagonal,
  gainLinfParts,
} from "../../../src/construction/beam-beam/beam-gain-linf.ts";
import { bump, plateau } from "../../../src/construction/geometry/cutoff.ts";
import { tubeValue } from "../../../src/construction/geometry/tubes.ts";
import { bumpValue } from "../../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { beamPhaseSpace } from "../../../src/construction/phase-space-functions.ts";
import {
  CarlemanNodes,
  carlemanPiece,
  sampleCarlemanNodes,
} from "../../../src/kinetic/carleman-sampler.ts";
import { gainTerm } from "../../../src/kinetic/collision.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";

function meanSE(xs: number[]): { m: number; se: number } {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  return { m, se: Math.sqrt(v / xs.length) };
}

test("Carleman sampler: Q⁺(1_B, 1_B)(0) = 4π²R⁴ (closed form) and the 1-D reduction at v ≠ 0", () => {
  const R = 0.7;
  const ball = carlemanPiece({ kind: "ball", center: [0, 0, 0], radius: R }, (u) =>
    Math.hypot(u[0], u[1], u[2]) <= R ? 1 : 0,
  );
  const nodes = new CarlemanNodes();
  const rnd = seededUniform(11);
  for (const v of [
    [0, 0, 0],
    [0.3, 0.1, -0.2],
  ]) {
    const s = Math.hypot(v[0], v[1], v[2]);
    // Q⁺ = 2π² ∫_{−1}^{1} (R² − s²μ²)(√(s²μ² + R² − s²) − sμ)² dμ (plane ∩ ball discs), by 200k midpoints
    let ref = 0;
    const K = 200_000;
    for (let i = 0; i < K; i++) {
      const c = s * (-1 + (2 * (i + 0.5)) / K);
      ref += ((R * R - c * c) * (Math.sqrt(c * c + R * R - s * s) - c) ** 2 * 2) / K;
    }
    ref *= 2 * Math.PI ** 2;
    if (s === 0) assert.ok(Math.abs(ref - 4 * Math.PI ** 2 * R ** 4) < 1e-9);
    const xs: number[] = [];
    for (let b = 0; b < 20; b++) {
      sampleCarlemanNodes(
        nodes,
        v,
        [ball],
        { outer: null, outerCount: 1, inner: null, innerCount: 1, nOuter: 5000 },
        rnd,
      );
      let q = 0;
      for (let i = 0; i < nodes.count; i++) q += nodes.weight[i];
      xs.push(q);
    }
    const { m, se } = meanSE(xs);
    assert.ok(se < 0.005 * ref, `se ${se}`);
    assert.ok(Math.abs(m - ref) < 4 * se, `v=${v}: MC ${m} ± ${se} vs ${ref}`);
  }
});

test("Carleman sampler: ∫Q⁺(I_k1, I_k2) dv = 2π∫∫|u − v| I_k1 I_k2 (gain = loss, independent 6-D Monte Carlo)", () => {
  const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-written");
  const pieces = beamBumpPieces(beam);
  const k1 = 0;
  const k2 = 7;
  const rnd = seededUniform(5);
  // right side: v, u uniform in the two cylinders
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  const cyl = (out: Float64Array, k: number) => {
    const p = pieces[k];
    const r = p.region as { a0: number; a1: number; radius: number; axis: ArrayLike<number> };
    const s = r.a0 + (r.a1 - r.a0) * rnd();
    const q = r.radius * Math.sqrt(rnd());
    const ph = 2 * Math.PI * rnd();
    for (let i = 0; i < 3; i++)
      out[i] = s * r.axis[i] + q * (Math.cos(ph) * p.f1[i] + Math.sin(ph) * p.f2[i]);
  };
  const rhs: number[] = [];
  for (let bch = 0; bch < 20; bch++) {
    let acc = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      cyl(a, k1);
      cyl(b, k2);
      acc +=
        pieces[k1].profile(a) *
        pieces[k2].profile(b) *
        Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    }
    rhs.push((2 * Math.PI * acc * pieces[k1].volume * pieces[k2].volume) / n);
  }
  // left side: v uniform in a ball containing every Thales sphere of the pair, Carleman nodes at v
  const nodes = new CarlemanNodes();
  const R = 1.6;
  const volB = (4 / 3) * Math.PI * R ** 3;
  const v = new Float64Array(3);
  const o1 = new Int32Array([k1]);
  const o2 = new Int32Array([k2]);
  const lhs: number[] = [];
  for (let bch = 0; bch < 20; bch++) {
    let acc = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      do {
        v[0] = R * (2 * rnd() - 1);
        v[1] = R * (2 * rnd() - 1);
        v[2] = R * (2 * rnd() - 1);
      } while (v[0] ** 2 + v[1] ** 2 + v[2] ** 2 > R * R);
      sampleCarlemanNodes(
        nodes,
        v,
        pieces,
        { outer: o1, outerCount: 1, inner: o2, innerCount: 1, nOuter: 4 },
        rnd,
      );
      for (let j = 0; j < nodes.count; j++) acc += nodes.weight[j];
    }
    lhs.push((acc * volB) / n);
  }
  const L = meanSE(lhs);
  const Rr = meanSE(rhs);
  assert.ok(
    Math.abs(L.m - Rr.m) < 4 * Math.hypot(L.se, Rr.se),
    `∫Q⁺ ${L.m} ± ${L.se} vs 2π∫∫|u−v|II ${Rr.m} ± ${Rr.se}`,
  );
  assert.ok(L.se < 0.05 * L.m);
});

test("pair-enumerated Q⁺(f_b,f_b)(τ,y,v) agrees with gainTerm(beamPhaseSpace) (Case 1 and a point with Case 2)", () => {
  const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-written");
  const fb = beamPhaseSpace(beam);
  const nodes = new CarlemanNodes();
  const rnd = seededUniform(7);
  const A2 = beam.amplitude ** 2;
  const e = beam.lattice.e;
  // a point inside bump 4's reach: v = 1.0 e_4 + 0.05 ⊥ (diagonal pairs contribute)
  const e4 = [e[12], e[13], e[14]];
  const perp = [e4[1], -e4[0], 0];
  const pn = Math.hypot(perp[0], perp[1], perp[2]);
  const vDiag = [e4[0] + (0.05 * perp[0]) / pn, e4[1] + (0.05 * perp[1]) / pn, e4[2]];
  const cases: [number, number[], number[]][] = [
    [0.1, [0.01, 0.02, -0.01], [0.3, 0.2, 0.8]],
    [0.05, [0.0, 0.01, 0.02], vDiag],
  ];
  let sawDiagonal = false;
  for (const [tau, y, v] of cases) {
    const g = gainTerm(fb, fb, tau, y, v, { tol: 2e-3, maxLevel: 4 });
    const xs: number[] = [];
    let sd = 0;
    let so = 0;
    const out = { diagonal: 0, offDiagonal: 0 };
    for (let b = 0; b < 20; b++) {
      beamGainSample(beam, tau, y, v, 3000, nodes, rnd, out);
      xs.push(A2 * (out.diagonal + out.offDiagonal));
      sd += out.diagonal;
      so += out.offDiagonal;
    }
    const { m, se } = meanSE(xs);
    if (sd > 0.05 * (sd + so)) sawDiagonal = true;
    assert.ok(g.value > 0);
    assert.ok(
      Math.abs(m - g.value) < 4 * se + 2 * g.error,
      `(τ=${tau}) pairs ${m} ± ${se} vs gainTerm ${g.value} ± ${g.error}`,
    );
    assert.ok(se < 0.03 * g.value, `se ${se} too large`);
  }
  assert.ok(sawDiagonal, "the second point must carry a Case 2 contribution");
});

test("Duhamel line integrals: exact-interval Gauss–Legendre = brute-force τ-sum; ∇ = finite differences; sup bounds hold", () => {
  for (const cutoff of [bump, plateau]) {
    const beam = makeBeam(makeParameters({ M: 4 }), cutoff, "as-written");
    const pieces = beamBumpPieces(beam);
    const nodes = new CarlemanNodes();
    const rnd = seededUniform(3);
    const v = new Float64Array([0.35, 0.25, 0.75]);
    sampleCarlemanNodes(
      nodes,
      v,
      pieces,
      {
        outer: null,
        outerCount: pieces.length,
        inner: null,
        innerCount: pieces.length,
        nOuter: 40,
      },
      rnd,
    );
    assert.ok(nodes.count > 5);
    const T = beam.params.Tstar;
    const out = new Float64Array(DUHAMEL_SLOTS);
    const z = new Float64Array(3);
    const zp = new Float64Array(3);
    const M = beam.params.M;
    const e = beam.lattice.e;
    for (let trial = 0; trial < 6; trial++) {
      const tc = T * rnd();
      for (let q = 0; q < 3; q++) z[q] = -tc * v[q] + (0.3 / M) * (2 * rnd() - 1);
      duhamelAtNodes(beam, nodes, v, z, 0, T, 16, true, out);
      // brute force: 20 000 midpoints in τ with tubeValue from tubes.ts
      let brute = 0;
      const K = 20_000;
      const p1 = new Float64Array(3);
      const p2 = new Float64Array(3);
      for (let i = 0; i < nodes.count; i++) {
        const e1 = e.subarray(3 * nodes.k1[i], 3 * nodes.k1[i] + 3);
        const e2 = e.subarray(3 * nodes.k2[i], 3 * nodes.k2[i] + 3);
        let s = 0;
        for (let j = 0; j < K; j++) {
          const tau = (T * (j + 0.5)) / K;
          for (let q = 0; q < 3; q++) {
            p1[q] = z[q] - tau * (nodes.vs[3 * i + q] - v[q]);
            p2[q] = z[q] - tau * (nodes.us[3 * i + q] - v[q]);
          }
          s += tubeValue(beam.tube, e1, p1) * tubeValue(beam.tube, e2, p2);
        }
        brute += (nodes.weight[i] * s * T) / K;
      }
      const gl = out[D_DIAG] + out[D_OFF];
      assert.ok(
        Math.abs(gl - brute) <= 2e-4 * Math.max(brute, 1e-300) + 1e-12,
        `${cutoff.name}: GL ${gl} vs brute ${brute}`,
      );
      // gradient by central differences of the same node sum
      const h = 1e-6;
      for (let q = 0; q < 3; q++) {
        zp.set(z);
        zp[q] += h;
        const tmp = new Float64Array(DUHAMEL_SLOTS);
        duhamelAtNodes(beam, nodes, v, zp, 0, T, 16, false, tmp);
        const up = tmp[D_DIAG] + tmp[D_OFF];
        zp[q] -= 2 * h;
        duhamelAtNodes(beam, nodes, v, zp, 0, T, 16, false, tmp);
        const dn = tmp[D_DIAG] + tmp[D_OFF];
        const fd = (up - dn) / (2 * h);
        const an = out[G_DIAG + q] + out[G_OFF + q];
        assert.ok(
          Math.abs(fd - an) <= 1e-3 * Math.abs(an) + 1e-6 * Math.max(1, Math.abs(gl) * M),
          `${cutoff.name}: ∂${q} ${an} vs FD ${fd}`,
        );
      }
    }
    // the sup bound dominates D̂(z) for every z tried (it bounds each node's sup)
    const b = new Float64Array(BOUND_SLOTS);
    supBoundsAtNodes(beam, nodes, v, T, b);
    for (let trial = 0; trial < 200; trial++) {
      const tc = T * (1.4 * rnd() - 0.2);
      for (let q = 0; q < 3; q++) z[q] = -tc * v[q] + (1.5 / M) * (2 * rnd() - 1);
      duhamelAtNodes(beam, nodes, v, z, 0, T, 12, false, out);
      assert.ok(out[D_DIAG] + out[D_OFF] <= (b[U_DIAG] + b[U_OFF]) * (1 + 1e-9));
    }
  }
});

test("L^{1,1}_v L^∞_x of D⁺ at M = 4: lower ≤ upper ≤ trivial chain, Case 1 dominates; measures wired", () => {
  const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
  const T = beam.params.Tstar;
  const r = gainLinfParts(beam, 0, T, { nV: 16, nOuterSearch: 120, nOuterFresh: 120, seed: 2 });
  assert.ok(r.linf.total > 0);
  assert.ok(r.linf.total <= r.linfUpper.total + 3 * (r.linf.totalSE + r.linfUpper.totalSE));
  assert.ok(
    r.linfUpper.total <= r.linfTrivial.value * (1 + 1e-9),
    "per-node bounds never exceed t − t0",
  );
  assert.ok(r.linf.offDiagonal > r.linf.diagonal);
  assert.ok(r.originRule.value <= r.linf.total + 3 * (r.linf.totalSE + r.originRule.se));
  const c2 = gainLinfDiagonal(beam, 0, T, { nV: 60, nOuterSearch: 40, seed: 3 });
  assert.ok(
    c2.linf.value > 0 && c2.linf.value <= c2.linfUpper.value + 3 * (c2.linf.se + c2.linfUpper.se),
  );
  assert.ok(c2.linfUpper.value < r.linfUpper.total, "Case 2 is the smaller case");
  const parts = gainBeamBeamMeasures.map((m) => m.part).sort();
  assert.deepEqual(parts, ["L2", "Linf", "gradL2", "gradLinf"]);
  for (const m of gainBeamBeamMeasures) assert.equal(m.term, "Q+(fb,fb)");
  assert.equal(
    gainBeamBeamMeasures
      .find((m) => m.part === "Linf")
      ?.paper(0.8, 0.5, 10)
      .exponent.toFixed(3),
    (1.5 - 1.6).toFixed(3),
  );
});

test("L² z-proposal: E_q[h/q] = ∫h for normalized test functions (the density matches the sampler)", () => {
  const rnd = seededUniform(17);
  const z = new Float64Array(3);
  const M = 8;
  const Rz = 2.2;
  for (const v of [new Float64Array([0.3, 0.2, 0.8]), new Float64Array([1e-12, 0, 0])]) {
    const t0 = 0.05;
    const t = 0.45;
    // h1: a normalized Gaussian of width 2/M at −0.2v + (0.1/M, 0, 0); h2: the indicator of |z| ≤ 1 (∫ = 4π/3)
    const c = [-0.2 * v[0] + 0.1 / M, -0.2 * v[1], -0.2 * v[2]];
    const s = 2 / M;
    const xs1: number[] = [];
    const xs2: number[] = [];
    for (let b = 0; b < 20; b++) {
      let a1 = 0;
      let a2 = 0;
      const n = 20000;
      for (let i = 0; i < n; i++) {
        sampleZ(z, v, t0, t, M, Rz, rnd);
        const q = zDensity(z, v, t0, t, M, Rz);
        const d2 = (z[0] - c[0]) ** 2 + (z[1] - c[1]) ** 2 + (z[2] - c[2]) ** 2;
        a1 += Math.exp(-d2 / (2 * s * s)) / ((2 * Math.PI) ** 1.5 * s ** 3) / q;
        a2 += (z[0] ** 2 + z[1] ** 2 + z[2] ** 2 <= 1 ? 1 : 0) / q;
      }
      xs1.push(a1 / n);
      xs2.push(a2 / n);
    }
    const r1 = meanSE(xs1);
    const r2 = meanSE(xs2);
    assert.ok(Math.abs(r1.m - 1) < 4 * r1.se && r1.se < 0.03, `Gaussian: ${r1.m} ± ${r1.se}`);
    assert.ok(
      Math.abs(r2.m - (4 * Math.PI) / 3) < 4 * r2.se && r2.se < 0.05,
      `ball: ${r2.m} ± ${r2.se}`,
    );
  }
});
