/**
 * The paper's backgrounds f_a = f_b + f_r and g_a ≡ f_r(0) (paper-backgrounds/): collision
 * frequencies against an independent Monte Carlo quadrature of 2π∫|u − v| f du over the bump
 * cylinders (tube by tube, from the pointwise profiles, not from the construction's per-tube
 * Gauss–Legendre), the core's velocity integral against Monte Carlo in the velocity ball, the flight
 * bound against A along random flights, and the partner samplers by their first two moments.
 * M = 4, bump, as-in-proof (paper constants), and the tuned construction for the bound.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { bump } from "../../../src/construction/geometry/cutoff.ts";
import { NAMED_CONSTRUCTIONS } from "../../../src/construction/parameters/named-constructions.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";
import { normalSampler } from "../../../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { backgroundFA } from "../../../src/solvers/particles/paper-backgrounds/background-f-a.ts";
import { backgroundGA } from "../../../src/solvers/particles/paper-backgrounds/background-g-a.ts";
import {
  coreSpeedIntegral,
  type PaperEnvelope,
  proposeBumpVelocity,
  tubeTerm,
  uniformBall,
} from "../../../src/solvers/particles/paper-backgrounds/paper-envelope.ts";

const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
const fa = backgroundFA(beam, { relTol: 1e-5 });
const env = fa.envelope;

/**
 * Independent Monte Carlo of ∫ w(u) f_b(t, x, u) du, u uniform on each bump cylinder C_k:
 * Σ_k |C_k| mean_u[c_b M^{1−s} I_k K_k(x − ut) w(u)]; value and standard error.
 */
function beamIntegralMC(
  e: PaperEnvelope,
  t: number,
  x: number[],
  w: (u: Float64Array) => number,
  samples: number,
  seed: number,
): { value: number; error: number } {
  const rand = seededUniform(seed);
  const u = new Float64Array(3);
  let value = 0;
  let variance = 0;
  for (let k = 0; k < e.n; k++) {
    let s = 0;
    let q = 0;
    for (let i = 0; i < samples; i++) {
      proposeBumpVelocity(e, k, rand, u);
      const y = e.beam.amplitude * tubeTerm(e, k, t, x, u) * w(u);
      s += y;
      q += y * y;
    }
    const m = s / samples;
    value += e.bumpCylinder * m;
    variance += (e.bumpCylinder ** 2 * (q / samples - m * m)) / samples;
  }
  return { value, error: Math.sqrt(variance) };
}

test("f_a: A[f_b] part against an independent Monte Carlo of 2π∫|u − v| f_b du", () => {
  const parts = new Float64Array(2);
  for (const [t, x, v] of [
    [0.1, [0, 0, 0], [1, 0, 0]],
    [0.2, [0.05, -0.03, 0.1], [0.2, 0.5, 0.9]],
  ] as const) {
    fa.frequencyParts(t, x, v, parts);
    const ref = beamIntegralMC(
      env,
      t,
      [...x],
      (u) => 2 * Math.PI * Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]),
      20000,
      7,
    );
    assert.ok(
      Math.abs(parts[0] - ref.value) < 4 * ref.error,
      `A[f_b] ${parts[0]} vs MC ${ref.value} ± ${ref.error}`,
    );
    // A[f_r] ≈ 2π|v|·4πJ₂ c_r M^{3/2−s0}N^{−3/2} on the core (2.8e-8 at M = 4), zero off it
    if (Math.hypot(...x) >= env.coreX) assert.equal(parts[1], 0);
    else assert.ok(parts[1] > 0 && parts[1] < 1e-4 * parts[0], `A[f_r] = ${parts[1]}`);
  }
});

test("f_r and g_a: the core's velocity integral against Monte Carlo in the velocity ball", () => {
  const rand = seededUniform(3);
  const u = new Float64Array(3);
  const R = env.coreV;
  const n = 200000;
  const ga = backgroundGA(beam);
  for (const w of [0, 0.4 * R, 1.7 * R, 0.9]) {
    let s = 0;
    let q = 0;
    for (let i = 0; i < n; i++) {
      uniformBall(R, rand, u);
      const y =
        beam.cutoff.phi(Math.hypot(u[0], u[1], u[2]) / R) * Math.hypot(u[0] - w, u[1], u[2]);
      s += y;
      q += y * y;
    }
    const vol = (4 / 3) * Math.PI * R ** 3;
    const amp = Math.exp(env.logCoreAmplitude);
    const mc = (amp * vol * s) / n;
    const err = amp * vol * Math.sqrt((q / n - (s / n) ** 2) / n);
    const exact = coreSpeedIntegral(env, w);
    assert.ok(Math.abs(exact - mc) < 4 * err + 1e-9 * exact, `w=${w}: ${exact} vs ${mc} ± ${err}`);
    // g_a's collision frequency at x = 0 is 2π times it (χ(0) = 1); at the core's edge it vanishes
    assert.equal(ga.collisionFrequency(0, [0, 0, 0], [w, 0, 0]), 2 * Math.PI * exact);
    assert.equal(ga.collisionFrequency(0, [env.coreX, 0, 0], [w, 0, 0]), 0);
  }
  // f_a at t = 0 on the core: A[f_r] = A[g_a] (Λ = 0)
  const parts = new Float64Array(2);
  fa.frequencyParts(0, [0.3 * env.coreX, 0, 0], [0, 0.5, 0], parts);
  assert.ok(
    Math.abs(parts[1] - ga.collisionFrequency(0, [0.3 * env.coreX, 0, 0], [0, 0.5, 0])) <=
      1e-12 * parts[1],
  );
});

test("flight bounds never below A along random flights (paper and tuned constructions)", () => {
  const tuned = NAMED_CONSTRUCTIONS.tuned;
  const beams = [
    beam,
    makeBeam(
      makeParameters({ M: 4, s: tuned.s, s0: tuned.s0, constants: tuned.constants }),
      bump,
      "as-in-proof",
    ),
  ];
  const rand = seededUniform(11);
  const v = new Float64Array(3);
  const x = new Float64Array(3);
  const y = new Float64Array(3);
  let tight = 0;
  for (const b of beams) {
    const bg = backgroundFA(b, { relTol: 1e-3 });
    const ga = backgroundGA(b);
    for (let trial = 0; trial < 24; trial++) {
      const t = rand() * b.params.Tstar;
      const tau = rand() * 0.1;
      // half the flights through the beam velocities near the centre, half anywhere
      if (trial % 2 === 0) {
        uniformBall(0.05, rand, x);
        proposeBumpVelocity(bg.envelope, Math.floor(rand() * bg.envelope.n), rand, v);
      } else {
        uniformBall(1.2, rand, x);
        uniformBall(1.5, rand, v);
      }
      const bound = bg.frequencyBound(t, x, v, tau);
      for (const f of [0, 0.37, 1]) {
        for (let d = 0; d < 3; d++) y[d] = x[d] + f * tau * v[d];
        const A = bg.collisionFrequency(t + f * tau, y, v);
        assert.ok(A <= bound, `A = ${A} > bound ${bound} at t=${t}, f=${f}`);
        if (A > 0.2 * bound) tight++;
      }
      // the core: a flight through it, from a point of it
      uniformBall(bg.envelope.coreX, rand, x);
      uniformBall(3 * bg.envelope.coreV, rand, v);
      const gb = ga.frequencyBound(t, x, v, tau);
      assert.ok(ga.collisionFrequency(t, x, v) <= gb);
      assert.ok(bg.collisionFrequency(t, x, v) <= bg.frequencyBound(t, x, v, tau));
    }
  }
  assert.ok(tight > 5, `the bound is informative on some flights (${tight} within a factor 5)`);
});

test("partner samplers: first and second moments of u ∝ f(t, x, u)|u − v|", () => {
  const rand = seededUniform(5);
  const normal = normalSampler(rand);
  const out = new Float64Array(3);
  const t = 0.1;
  const x = [0.01, 0.02, -0.01];
  const v = [0.3, -0.2, 0.5];
  const n = 3000;
  fa.collisionFrequency(t, x, v); // the stepper's order: A at the event point, then the partner
  const m = [0, 0, 0, 0];
  const mq = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    fa.samplePartner(t, x, v, rand, normal, out);
    const vals = [out[0], out[1], out[2], out[0] ** 2 + out[1] ** 2 + out[2] ** 2];
    for (let c = 0; c < 4; c++) {
      m[c] += vals[c] / n;
      mq[c] += vals[c] ** 2 / n;
    }
  }
  const g = (u: Float64Array) => Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
  const Z = beamIntegralMC(env, t, x, g, 20000, 9);
  const fns = [
    (u: Float64Array) => u[0] * g(u),
    (u: Float64Array) => u[1] * g(u),
    (u: Float64Array) => u[2] * g(u),
    (u: Float64Array) => (u[0] ** 2 + u[1] ** 2 + u[2] ** 2) * g(u),
  ];
  for (let c = 0; c < 4; c++) {
    const num = beamIntegralMC(env, t, x, fns[c], 20000, 9); // same stream: ratio estimator
    const ref = num.value / Z.value;
    const se = Math.sqrt((mq[c] - m[c] ** 2) / n);
    const refErr = Math.abs(ref) * (num.error / Math.abs(num.value) + Z.error / Z.value) + 1e-12;
    assert.ok(
      Math.abs(m[c] - ref) < 4 * Math.hypot(se, refErr),
      `moment ${c}: sampler ${m[c]} ± ${se} vs quadrature ${ref} ± ${refErr}`,
    );
  }
  // the core partner of g_a: |u| < 1/N, and E u_x against a 2-D Gauss–Legendre quadrature of
  // ∫ u_x φ(N|u|)|u − v| du / ∫ φ(N|u|)|u − v| du in (r, μ = cos angle to v), |v| = 2/N > |u|
  const ga = backgroundGA(beam);
  const w = 2 * env.coreV;
  const ns = 4000;
  let mx = 0;
  let mx2 = 0;
  for (let i = 0; i < ns; i++) {
    ga.samplePartner(0, [0, 0, 0], [w, 0, 0], rand, normal, out);
    assert.ok(Math.hypot(out[0], out[1], out[2]) < env.coreV);
    mx += out[0] / ns;
    mx2 += out[0] ** 2 / ns;
  }
  const { nodes, weights } = gaussLegendre(64);
  let num = 0;
  let den = 0;
  for (let i = 0; i < 64; i++) {
    const r = 0.5 * env.coreV * (1 + nodes[i]);
    const wr = 0.5 * env.coreV * weights[i] * r * r * beam.cutoff.phi(r / env.coreV);
    for (let j = 0; j < 64; j++) {
      const mu = nodes[j];
      const dist = Math.sqrt(r * r + w * w - 2 * r * w * mu);
      num += wr * weights[j] * r * mu * dist;
      den += wr * weights[j] * dist;
    }
  }
  const se = Math.sqrt((mx2 - mx * mx) / ns);
  assert.ok(Math.abs(mx - num / den) < 4 * se, `core partner E u_x ${mx} ± ${se} vs ${num / den}`);
});
