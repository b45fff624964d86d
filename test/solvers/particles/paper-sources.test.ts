/**
 * −F_err and −G_err as signed particles (paper-backgrounds/f-err-source.ts), Validation 1 of
 * issue 14 in source-only form (no collisions): the particle estimate of
 *   ⟨∫₀ᵗ e^{−(t−τ)v·∇x} S(τ) dτ, φ⟩ = ∫₀ᵗ ∫∫ S(τ, x, v) φ(x + (t − τ)v, v) dx dv dτ
 * against deterministic quadratures of the same functional, term by term:
 * - −v·∇g_a with φ = x·v: by parts ∫∫ −v·∇g_a (x·v + s|v|²) = ∫∫ g_a|v|², so the functional is
 *   t·c_r M^{3/2−s0}N^{3/2}·(4π/(RM)³ ∫r²φ)·(4π N^{−5} ∫r⁴φ) (1-D Gauss–Legendre);
 * - Q(g_a, g_a) with φ = |v|⁴ (invariant under transport): the hard-sphere identity
 *   E_σ̂[|v'|⁴ + |u'|⁴] = 2(|c|² + g²/4)² + (2/3)g²|c|² (c = (v + u)/2, g = |u − v|, σ̂ uniform) and a
 *   3-D Gauss–Legendre quadrature of ½·2π ∫∫ g_a g_a g [⋯ − |v|⁴ − |u|⁴] in (|v|, |u|, cos angle);
 * - Q⁻(f_b, f_b): its mass rate ∫∫ f_b A[f_b] dx dv at one time against an importance-sampling
 *   Monte Carlo over the tubes with A[f_b] by the construction's per-tube quadrature.
 * Each source point (τ, x, v, ±) contributes ±rate·t/n·φ(x + (t − τ)v, v) over n proposals.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../../src/construction/beam/beam-collision-frequency.ts";
import { bump } from "../../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";
import { normalSampler } from "../../../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { backgroundFA } from "../../../src/solvers/particles/paper-backgrounds/background-f-a.ts";
import { backgroundGA } from "../../../src/solvers/particles/paper-backgrounds/background-g-a.ts";
import {
  proposeBumpVelocity,
  proposeTubePoint,
  tubeTerm,
} from "../../../src/solvers/particles/paper-backgrounds/paper-envelope.ts";
import {
  type SourceTerm,
  termMassRates,
} from "../../../src/solvers/particles/paper-backgrounds/termed-source.ts";

const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
const ga = backgroundGA(beam);
const env = ga.envelope;
const phi = beam.cutoff.phi;

/** Source-only functional over [0, t] from n proposals of one term: estimate and standard error. */
function sourceFunctional(
  term: SourceTerm,
  t: number,
  n: number,
  seed: number,
  f: (x0: number, x1: number, x2: number, v0: number, v1: number, v2: number) => number,
): { value: number; error: number } {
  const rand = seededUniform(seed);
  const normal = normalSampler(rand);
  const out = new Float64Array(7);
  let s = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const r = term.propose(0, t, rand, normal, out);
    if (r === 0) continue;
    const s0 = t - out[0];
    const y =
      Math.sign(r) *
      f(out[1] + s0 * out[4], out[2] + s0 * out[5], out[3] + s0 * out[6], out[4], out[5], out[6]);
    s += y;
    q += y * y;
  }
  const scale = term.rate(0, t) * t;
  const m = s / n;
  return { value: scale * m, error: (scale * Math.sqrt(q / n - m * m)) / Math.sqrt(n) };
}

function radial(k: number, power = 1): number {
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let i = 0; i < 64; i++) {
    const r = 0.5 * (1 + nodes[i]);
    s += 0.5 * weights[i] * r ** k * phi(r) ** power;
  }
  return s;
}

test("Validation 1, −v·∇g_a: ⟨source-only, x·v⟩ = t ∫∫ g_a|v|² (1-D quadrature)", () => {
  const t = beam.params.Tstar;
  const term = ga.source.terms.find((q) => q.name === "-v.grad(ga)");
  assert.ok(term);
  const est = sourceFunctional(
    term,
    t,
    200000,
    21,
    (x0, x1, x2, v0, v1, v2) => x0 * v0 + x1 * v1 + x2 * v2,
  );
  const RM = 1 / env.coreX;
  const ref =
    t *
    Math.exp(env.logCoreAmplitude) *
    ((4 * Math.PI * radial(2)) / RM ** 3) *
    (4 * Math.PI * radial(4) * env.coreV ** 5);
  assert.ok(
    Math.abs(est.value - ref) < 4 * est.error && est.error < 0.05 * Math.abs(ref),
    `${est.value} ± ${est.error} vs ${ref}`,
  );
});

test("Validation 1, Q(g_a, g_a): ⟨source-only, |v|⁴⟩ against a 3-D quadrature", () => {
  const t = beam.params.Tstar;
  const term = ga.source.terms.find((q) => q.name === "Q(ga,ga)");
  assert.ok(term);
  // φ = |v|⁴ − a|v|²/N² − b/N⁴ has the same expectation (mass and energy are collision invariants)
  // and, with a, b the least-squares fit of r⁴ by (r², 1) under r²φ(r), a much smaller variance
  const m2 = radial(4) / radial(2);
  const m4 = radial(6) / radial(2);
  const m6 = radial(8) / radial(2);
  const a = (m6 - m4 * m2) / (m4 - m2 * m2);
  const b = m4 - a * m2;
  const V = env.coreV;
  const est = sourceFunctional(term, t, 2_000_000, 22, (_x, _y, _z, v0, v1, v2) => {
    const q = (v0 * v0 + v1 * v1 + v2 * v2) / (V * V);
    return V ** 4 * (q * q - a * q - b);
  });
  // unit variables V = N v: Î = 8π² ∫∫∫ R²ρ²φ(R)φ(ρ) g [2A² + (2/3)g²|c|² − R⁴ − ρ⁴] dμ dρ dR
  const n = 48;
  const { nodes, weights } = gaussLegendre(n);
  let I = 0;
  for (let i = 0; i < n; i++) {
    const R = 0.5 * (1 + nodes[i]);
    for (let j = 0; j < n; j++) {
      const rho = 0.5 * (1 + nodes[j]);
      const w = 0.25 * weights[i] * weights[j] * R * R * rho * rho * phi(R) * phi(rho);
      for (let k = 0; k < n; k++) {
        const mu = nodes[k];
        const g2 = R * R + rho * rho - 2 * R * rho * mu;
        const c2 = (R * R + rho * rho + 2 * R * rho * mu) / 4;
        const A = c2 + g2 / 4;
        I += w * weights[k] * Math.sqrt(g2) * (2 * A * A + (2 / 3) * g2 * c2 - R ** 4 - rho ** 4);
      }
    }
  }
  I *= 8 * Math.PI * Math.PI;
  const RM = 1 / env.coreX;
  const amp = Math.exp(env.logCoreAmplitude);
  const X = (4 * Math.PI * radial(2, 2)) / RM ** 3;
  const ref = t * 0.5 * 2 * Math.PI * amp * amp * X * I * env.coreV ** 11;
  assert.ok(
    Math.abs(est.value - ref) < 4 * est.error && est.error < 0.1 * Math.abs(ref),
    `${est.value} ± ${est.error} vs ${ref}`,
  );
});

test("Q⁻(f_b, f_b): the source's mass rate equals ∫∫ f_b A[f_b] (quadrature A, importance MC)", () => {
  const fa = backgroundFA(beam);
  const term = fa.source.terms.find((q) => q.name === "Q(fb,fb)");
  assert.ok(term);
  const t = 0.5 * beam.params.Tstar;
  const rand = seededUniform(31);
  const rates = termMassRates(term, t, 1_000_000, rand, normalSampler(rand));
  const minus = rates.find((r) => r.label === "Q-(fb,fb)");
  const plus = rates.find((r) => r.label === "Q+(fb,fb)");
  assert.ok(minus && plus);
  // Q⁺ and Q⁻ have the same mass
  assert.ok(Math.abs(plus.value - minus.value) < 4 * Math.hypot(plus.error, minus.error));
  // reference: (k, v ∈ C_k, x = y + vt with y in the tube) uniform, weight n|C||K| f_b(t, x, v) A[f_b](t, x, v)
  const e = fa.envelope;
  const v = new Float64Array(3);
  const x = new Float64Array(3);
  const n = 1200;
  let s = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * e.n);
    proposeBumpVelocity(e, k, rand, v);
    proposeTubePoint(e, k, rand, x);
    for (let d = 0; d < 3; d++) x[d] += v[d] * t;
    const w = tubeTerm(e, k, t, x, v);
    const y = w === 0 ? 0 : w * beamCollisionFrequency(beam, t, x, v, { relTol: 1e-4 }).value;
    s += y;
    q += y * y;
  }
  const scale = e.n * e.bumpCylinder * e.tubeCylinder * beam.amplitude;
  const ref = (scale * s) / n;
  const refErr = (scale * Math.sqrt(q / n - (s / n) ** 2)) / Math.sqrt(n);
  assert.ok(
    Math.abs(minus.value - ref) < 4 * Math.hypot(minus.error, refErr),
    `source ${minus.value} ± ${minus.error} vs ∫∫f_b A[f_b] = ${ref} ± ${refErr}`,
  );
  assert.ok(
    refErr < 0.15 * ref && minus.error < 0.1 * minus.value,
    "the comparison is informative",
  );
});
