import assert from "node:assert/strict";
import { test } from "node:test";
import { korobovGeneratingVector } from "../../src/math/korobov-lattice.ts";
import { normalSampler } from "../../src/math/sampling/normal-sampler.ts";
import { profileSampler } from "../../src/math/sampling/profile-sampler.ts";
import {
  uniformDirection,
  uniformInBall,
  uniformInCylinder,
  uniformInShell,
} from "../../src/math/sampling/regions.ts";
import {
  lcgUniform,
  seededUniform,
  uniformStream,
} from "../../src/math/sampling/uniform-stream.ts";

/**
 * The seeded generators and sampling rules of src/math/ against published facts and exact
 * integrals: Park and Miller's check value, uniform moments within their standard errors,
 * Zaremba's Fibonacci lattices as the P₂-optimal Korobov rules in two dimensions, and the exactness
 * of importance weights f/density.
 */

test("lcgUniform is the Park–Miller minimal standard: seed 1 gives state 1043618065 after 10000 steps", () => {
  // Park & Miller, "Random number generators: good ones are hard to find", CACM 31 (1988)
  const r = lcgUniform(1);
  let u = 0;
  for (let i = 0; i < 10000; i++) u = r();
  assert.equal(Math.round(u * 2147483646 + 1), 1043618065);
});

for (const [name, make] of [
  ["lcgUniform", lcgUniform],
  ["seededUniform", seededUniform],
] as const) {
  test(`${name}: in [0, 1), reproducible per seed, mean 1/2 and variance 1/12 within 4 standard errors`, () => {
    const n = 200_000;
    const a = make(12345);
    const b = make(12345);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = a();
      assert.equal(u, b());
      assert.ok(u >= 0 && u < 1);
      s1 += u;
      s2 += u * u;
    }
    const mean = s1 / n;
    const variance = s2 / n - mean * mean;
    assert.ok(Math.abs(mean - 0.5) < 4 * Math.sqrt(1 / 12 / n), `mean ${mean}`);
    // Var(U²) = 1/5 − 1/9 = 4/45
    assert.ok(
      Math.abs(variance - 1 / 12) < 4 * Math.sqrt(4 / 45 / n) + 1e-4,
      `variance ${variance}`,
    );
    assert.notEqual(make(12346)(), make(12345)());
  });
}

test("korobovGeneratingVector in 2-D picks the Fibonacci lattice (1, F_{k−2}) for n = F_k (Zaremba)", () => {
  // F_k = 89, 144, 233: the Fibonacci lattice (1, F_{k−1}) ≡ (1, −F_{k−2}); the search runs over g ≤ n/2
  assert.deepEqual(korobovGeneratingVector(89, 2), [1, 34]);
  assert.deepEqual(korobovGeneratingVector(144, 2), [1, 55]);
  assert.deepEqual(korobovGeneratingVector(233, 2), [1, 89]);
});

test("korobovGeneratingVector: a randomly shifted rule integrates a smooth periodic function in 3-D far better than its point count's Monte Carlo error", () => {
  const n = 251;
  const z = korobovGeneratingVector(n, 3);
  assert.equal(z.length, 3);
  // f(x) = Π (1 + 0.5 sin 2πx_k + 0.3 cos 4πx_k) integrates to 1 over the unit cube
  const f = (x: number[]) =>
    x.reduce(
      (p, t) => p * (1 + 0.5 * Math.sin(2 * Math.PI * t) + 0.3 * Math.cos(4 * Math.PI * t)),
      1,
    );
  const shift = [0.3141, 0.2718, 0.5772];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += f(z.map((zk, k) => ((((i * zk) / n + shift[k]) % 1) + 1) % 1));
  // the MC standard error with 251 points would be ≈ σ/√n ≈ 0.04 here
  assert.ok(Math.abs(sum / n - 1) < 1e-3, `lattice rule ${sum / n}`);
});

test("profileSampler: the density integrates to 1, sample is its inverse CDF, and f/density weights are unbiased", () => {
  const f = (x: number) => Math.exp(-((x - 0.3) ** 2) / 0.01);
  const lo = -1;
  const hi = 2;
  const s = profileSampler(f, lo, hi, 128);
  // ∫ density = 1 (piecewise constant on the bins: midpoint sum is exact)
  const h = (hi - lo) / 128;
  let mass = 0;
  for (let i = 0; i < 128; i++) mass += s.density(lo + (i + 0.5) * h) * h;
  assert.ok(Math.abs(mass - 1) < 1e-12, `mass ${mass}`);
  // the inverse CDF is monotone and maps [0, 1) into [lo, hi]
  let prev = lo;
  for (let k = 0; k < 1000; k++) {
    const x = s.sample(k / 1000);
    assert.ok(x >= prev - 1e-15 && x <= hi);
    prev = x;
  }
  // importance sampling of ∫ f = √(0.01 π) with stratified u
  const n = 20_000;
  let est = 0;
  for (let k = 0; k < n; k++) {
    const x = s.sample((k + 0.5) / n);
    est += f(x) / s.density(x);
  }
  est /= n;
  const exact = Math.sqrt(0.01 * Math.PI);
  assert.ok(Math.abs(est - exact) < 1e-3 * exact, `estimate ${est} vs ${exact}`);
});

test("uniformStream: mulberry32 matches an independent Python implementation (seed 42), park-miller is lcgUniform, streams differ", () => {
  // first three doubles of mulberry32(42), two 32-bit draws per double, from a Python transcription
  // of Ettinger's reference (arbitrary-precision integers masked to 32 bits)
  const g = uniformStream(42);
  assert.deepEqual([g(), g(), g()], [0.6011037487409305, 0.8524657984803172, 0.17481390034103794]);
  const pm = uniformStream(1, { algorithm: "park-miller" });
  const ref = lcgUniform(1);
  for (let i = 0; i < 100; i++) assert.equal(pm(), ref());
  const a = uniformStream(42, { stream: "velocities" });
  const b = uniformStream(42, { stream: "positions" });
  const a2 = uniformStream(42, { stream: "velocities" });
  const x = a();
  assert.equal(x, a2());
  assert.notEqual(x, b());
  assert.notEqual(x, uniformStream(42)());
  assert.throws(() => uniformStream(1.5), /seed must be an integer/);
});

test("uniformDirection, uniformInBall, uniformInShell, uniformInCylinder: inside their regions, with the exact moments within 5 standard errors", () => {
  const n = 40_000;
  const p = new Float64Array(3);
  const rnd = uniformStream(2024);
  // direction: |e| = 1, E[e_z] = 0, E[e_z²] = 1/3 (Var e_z² = 1/5 − 1/9 = 4/45)
  let sz = 0;
  let sz2 = 0;
  for (let i = 0; i < n; i++) {
    uniformDirection(p, rnd);
    assert.ok(Math.abs(Math.hypot(p[0], p[1], p[2]) - 1) < 1e-15);
    sz += p[2];
    sz2 += p[2] * p[2];
  }
  assert.ok(Math.abs(sz / n) < 5 * Math.sqrt(1 / 3 / n));
  assert.ok(Math.abs(sz2 / n - 1 / 3) < 5 * Math.sqrt(4 / 45 / n));
  // ball of radius 2 about (1, 0, 0): E|x − c|² = (3/5)R² = 12/5, Var = E|x|⁴ − (E|x|²)² = (3/7)R⁴ − (12/5)²
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    uniformInBall(p, rnd, [1, 0, 0], 2);
    const q = (p[0] - 1) ** 2 + p[1] ** 2 + p[2] ** 2;
    assert.ok(q <= 4 + 1e-12);
    s2 += q;
  }
  const varBall = (3 / 7) * 16 - (12 / 5) ** 2;
  assert.ok(Math.abs(s2 / n - 12 / 5) < 5 * Math.sqrt(varBall / n), `ball ${s2 / n}`);
  // shell 1 ≤ |x| ≤ 2, upper half: E|x|² = (3/5)(2⁵ − 1)/(2³ − 1), z ≥ 0
  let sr = 0;
  let sr4 = 0;
  for (let i = 0; i < n; i++) {
    uniformInShell(p, rnd, 1, 2, true);
    const q = p[0] ** 2 + p[1] ** 2 + p[2] ** 2;
    assert.ok(q >= 1 - 1e-12 && q <= 4 + 1e-12 && p[2] >= 0);
    sr += q;
    sr4 += q * q;
  }
  const mShell = ((3 / 5) * 31) / 7;
  const vShell = ((3 / 7) * 127) / 7 - mShell ** 2;
  assert.ok(Math.abs(sr / n - mShell) < 5 * Math.sqrt(vShell / n), `shell ${sr / n}`);
  assert.ok(Math.abs(sr4 / n - ((3 / 7) * 127) / 7) < 0.05);
  // cylinder along x, a ∈ [−1, 3], radius 1: E a = 1, E|q|² = 1/2
  const cyl = {
    center: [0, 0, 0],
    axis: [1, 0, 0],
    f1: [0, 1, 0],
    f2: [0, 0, 1],
    a0: -1,
    a1: 3,
    radius: 1,
  };
  let sa = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    uniformInCylinder(p, rnd, cyl, [0, 1, 0], [0, 0, 1]);
    const q = p[1] ** 2 + p[2] ** 2;
    assert.ok(p[0] >= -1 && p[0] <= 3 && q <= 1 + 1e-15);
    sa += p[0];
    sq += q;
  }
  assert.ok(Math.abs(sa / n - 1) < 5 * Math.sqrt(4 / 3 / n));
  assert.ok(Math.abs(sq / n - 0.5) < 5 * Math.sqrt(1 / 12 / n));
});

test("normalSampler: mean 0 and variance 1 within 5 standard errors, with and without the spare kept", () => {
  for (const keepSpare of [true, false]) {
    const z = normalSampler(uniformStream(7), { keepSpare });
    const n = 50_000;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = z();
      s1 += x;
      s2 += x * x;
    }
    assert.ok(Math.abs(s1 / n) < 5 * Math.sqrt(1 / n), `mean ${s1 / n}`);
    assert.ok(Math.abs(s2 / n - 1) < 5 * Math.sqrt(2 / n), `variance ${s2 / n}`);
  }
});
