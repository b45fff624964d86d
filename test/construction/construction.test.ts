import assert from "node:assert/strict";
import { test } from "node:test";
import { beamValue, makeBeam } from "../../src/construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../src/construction/beam/beam-collision-frequency.ts";
import { centreFrequency } from "../../src/construction/core/core.ts";
import { coreNorm, radialL2 } from "../../src/construction/core/core-norm.ts";
import { bump, plateau } from "../../src/construction/geometry/cutoff.ts";
import { latticeCount, makeLattice } from "../../src/construction/geometry/lattice.ts";
import { tubeSum, tubeSumNaive } from "../../src/construction/geometry/tubes.ts";
import { bumpSum, bumpSumNaive } from "../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { radialSobolevNormSquared } from "../../src/kinetic/radial-sobolev.ts";

const rnd = (() => {
  let x = 12345;
  return () => {
    x = (x * 16807) % 2147483647;
    return x / 2147483647;
  };
})();

test("lattice count is M(M+1)/2 and points are unit vectors on the upper hemisphere", () => {
  for (const M of [2, 5, 50]) {
    const lat = makeLattice(M);
    assert.equal(lat.count, (M * (M + 1)) / 2);
    assert.equal(latticeCount(M), (M * (M + 1)) / 2);
    for (let k = 0; k < lat.count; k++) {
      const n = Math.hypot(lat.e[3 * k], lat.e[3 * k + 1], lat.e[3 * k + 2]);
      assert.ok(Math.abs(n - 1) < 1e-14);
      assert.ok(lat.e[3 * k + 2] > -1e-15);
    }
  }
});

test("cutoff identities: φ(0) = 1, φ = 0 beyond 1, plateau = 1 on r ≤ 1/2, derivatives match differences", () => {
  for (const c of [bump, plateau]) {
    assert.equal(c.phi(0), 1);
    assert.equal(c.phi(1), 0);
    assert.equal(c.phi(1.5), 0);
    for (const r of [0.1, 0.3, 0.55, 0.7, 0.9]) {
      const h = 1e-6;
      const fd = (c.phi(r + h) - c.phi(r - h)) / (2 * h);
      assert.ok(Math.abs(fd - c.dphi(r)) < 1e-6 * (1 + Math.abs(fd)), `${c.name} φ' at ${r}`);
      const fd2 = (c.dphi(r + h) - c.dphi(r - h)) / (2 * h);
      assert.ok(Math.abs(fd2 - c.d2phi(r)) < 1e-5 * (1 + Math.abs(fd2)), `${c.name} φ'' at ${r}`);
    }
  }
  assert.equal(plateau.phi(0.5), 1);
  assert.equal(plateau.phi(0.3), 1);
  assert.ok(Math.abs(bump.phi(0.5) - Math.exp(1 - 1 / 0.75)) < 1e-15);
});

test("structure-exploiting tube and bump sums equal the naive sums over every tube", () => {
  for (const M of [3, 8, 21]) {
    const lat = makeLattice(M);
    for (let n = 0; n < 400; n++) {
      const r = 1.05 * rnd() ** 2;
      const z = 2 * rnd() - 1;
      const ph = 2 * Math.PI * rnd();
      const x = [
        r * Math.sqrt(1 - z * z) * Math.cos(ph),
        r * Math.sqrt(1 - z * z) * Math.sin(ph),
        r * z,
      ];
      for (const k of [0, 1] as const) {
        const shape = { M, cutoff: plateau, scale: 1 };
        const a = tubeSum(shape, lat, x, k);
        const b = tubeSumNaive(shape, lat, x, k);
        assert.ok(Math.abs(a - b) <= 1e-12 * (1 + b), `M=${M} k=${k}`);
      }
      const idx = Math.floor(rnd() * lat.count);
      const s = 0.9 + 0.2 * rnd();
      const v = [0, 1, 2].map((c) => s * lat.e[3 * idx + c] + (rnd() - 0.5) / M);
      for (const variant of ["as-written", "as-in-proof"] as const) {
        const shape = { M, cutoff: bump, variant };
        assert.ok(Math.abs(bumpSum(shape, lat, v) - bumpSumNaive(shape, lat, v)) < 1e-14);
      }
    }
  }
});

test("Σ K at the origin equals the number of tubes (K(0) = χ(0)² = 1)", () => {
  const lat = makeLattice(12);
  assert.equal(tubeSum({ M: 12, cutoff: bump, scale: 1 }, lat, [0, 0, 0], 0), (12 * 13) / 2);
});

test("A[f_b] by per-tube quadrature agrees with seeded Monte Carlo of 2π∫|u−v| f_b du", () => {
  const beam = makeBeam(makeParameters({ M: 6 }), bump, "as-written");
  const x = [0.02, -0.01, 0.03];
  const v = [0.1, 0, -0.05];
  const t = 0.2;
  const A = beamCollisionFrequency(beam, t, x, v, { relTol: 1e-6 });
  let seed = 7;
  const u01 = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  let s1 = 0;
  let s2 = 0;
  const n = 300_000;
  const r0 = 0.85;
  const r1 = 1.12;
  for (let i = 0; i < n; i++) {
    const r = Math.cbrt(r0 ** 3 + (r1 ** 3 - r0 ** 3) * u01());
    const z = 2 * u01() - 1;
    const ph = 2 * Math.PI * u01();
    const u = [
      r * Math.sqrt(1 - z * z) * Math.cos(ph),
      r * Math.sqrt(1 - z * z) * Math.sin(ph),
      r * z,
    ];
    const f = beamValue(beam, t, x, u) * Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
    s1 += f;
    s2 += f * f;
  }
  const vol = (4 / 3) * Math.PI * (r1 ** 3 - r0 ** 3);
  const mean = s1 / n;
  const se = 2 * Math.PI * vol * Math.sqrt((s2 / n - mean * mean) / n);
  const mc = 2 * Math.PI * vol * mean;
  assert.ok(
    Math.abs(A.value - mc) < 4 * se + A.error,
    `quadrature ${A.value} ± ${A.error} vs MC ${mc} ± ${se}`,
  );
});

test("centre identity A(τ,0,0) = 2πM^{1−s} n T₀(τ) agrees with the general per-tube evaluation", () => {
  for (const variant of ["as-written", "as-in-proof"] as const) {
    const beam = makeBeam(makeParameters({ M: 10 }), bump, variant);
    const general = beamCollisionFrequency(beam, 0.3, [0, 0, 0], [0, 0, 0]);
    const centre = centreFrequency(beam, 0.3);
    assert.ok(
      Math.abs(general.value - centre.value) <= 2 * (general.error + centre.error) + 1e-12,
      variant,
    );
  }
});

test("H^s norm of a Gaussian matches its closed form for s = 0 and s = 1", () => {
  // f = exp(−a|x|²/2), a = 400 (support truncation at r = 1 is below e^{−200}); f̂ = a^{−3/2} e^{−k²/(2a)}
  const a = 400;
  const f = (r: number) => Math.exp((-a * r * r) / 2);
  const l2 = (Math.PI / a) ** 1.5;
  const e0 = radialSobolevNormSquared(f, 0, 1, 400);
  const e1 = radialSobolevNormSquared(f, 1, 1, 400);
  assert.ok(Math.abs(e0.value - l2) < 1e-9 * l2 + e0.error);
  assert.ok(Math.abs(e1.value - l2 * (1 + 1.5 * a)) < 1e-8 * l2 * a + e1.error);
});

test("Plancherel: the Fourier-side L² norm of χ equals the x-side 4π∫χ²r²dr", () => {
  for (const c of [bump, plateau]) {
    const fourier = radialSobolevNormSquared(c.phi, 0).value;
    const direct = radialL2(c.phi);
    assert.ok(Math.abs(fourier - direct) < 1e-8 * direct, c.name);
  }
});

test("‖f_r(0)‖ is independent of M (2.38) and deflates monotonically on [0, T*]", () => {
  const norms = [8, 64, 1024].map((M) => {
    const beam = makeBeam(makeParameters({ M: Math.min(M, 64) }), bump, "as-written");
    const params = makeParameters({ M });
    return coreNorm(
      {
        ...beam,
        params,
        amplitude: M ** (1 - params.s),
        bump: { M, cutoff: bump, variant: "as-written" },
      },
      0,
      { weighted: false, subtract: 0 },
    ).norm;
  });
  // M^{3−2s0}‖χ(100M·)‖²_{H^{s0}} = 100^{2s0−3}‖χ‖²_{Ḣ^{s0}} (1 + O((100M)^{−2})): equal to 1e-4
  for (const n of norms) assert.ok(Math.abs(n.value - norms[0].value) <= 1e-4 * n.value);
  assert.ok(norms[0].value > 0.005 && norms[0].value < 0.05);
  const beam = makeBeam(makeParameters({ M: 16 }), bump, "as-written");
  const T = beam.params.Tstar;
  const a = coreNorm(beam, T / 2, { weighted: true, subtract: 0 }).norm.value;
  const b = coreNorm(beam, T, { weighted: true, subtract: 0 }).norm.value;
  const c0 = coreNorm(beam, 0, { weighted: true, subtract: 0 }).norm.value;
  assert.ok(c0 > a && a > b);
});
