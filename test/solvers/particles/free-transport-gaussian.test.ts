/**
 * The free-transport Gaussian background f_ref(t, x, v) = c e^{−|x−vt|²/α − |v|²/β}: its collision
 * frequency (closed form) against a brute-force tensor quadrature of 2π∫|u − v| f_ref(t, x, u) du
 * built from `value` alone; the flight bound against A sampled along the flight; the partner sampler
 * against quadrature moments of u ∝ f_ref|u − v|.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalSampler } from "../../../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { freeTransportGaussian } from "../../../src/solvers/particles/free-transport-gaussian.ts";
import { CONSTANT, HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";

const bg = freeTransportGaussian(HARD_SPHERE, 0.7, 1.3, 0.8);

/** ∫ g(u) f_ref(t, x, u) du by the midpoint rule on [−L, L]³ (n³ points); the kink of |u − v| costs O(h²). */
function quad(t: number, x: number[], g: (u: number[]) => number, n = 90, L = 5): number {
  const h = (2 * L) / n;
  const u = [0, 0, 0];
  let s = 0;
  for (let i = 0; i < n; i++) {
    u[0] = -L + (i + 0.5) * h;
    for (let j = 0; j < n; j++) {
      u[1] = -L + (j + 0.5) * h;
      for (let k = 0; k < n; k++) {
        u[2] = -L + (k + 0.5) * h;
        const f = bg.value(t, x, u);
        if (f > 0) s += g(u) * f;
      }
    }
  }
  return s * h ** 3;
}

const points: [number, number[], number[]][] = [
  [0, [0, 0, 0], [0, 0, 0]],
  [0.4, [0.5, -0.3, 0.2], [1.1, 0.2, -0.4]],
  [1.2, [-0.8, 0.6, 0.1], [-0.3, 0.9, 1.5]],
];

test("A[f_ref] in closed form matches a quadrature of 2π∫|u−v| f_ref du (0.3 %)", () => {
  for (const [t, x, v] of points) {
    const A = bg.collisionFrequency(t, x, v);
    const ref = quad(t, x, (u) => 2 * Math.PI * Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]));
    assert.ok(Math.abs(A - ref) < 3e-3 * ref, `t=${t}: ${A} vs ${ref}`);
  }
  const c = freeTransportGaussian(CONSTANT, 0.7, 1.3, 0.8);
  const [t, x, v] = points[1];
  const ref = 4 * Math.PI * quad(t, x, () => 1);
  assert.ok(Math.abs(c.collisionFrequency(t, x, v) - ref) < 1e-3 * ref);
});

test("the flight bound dominates A along every sampled flight", () => {
  const rand = seededUniform(5);
  const normal = normalSampler(rand);
  let tight = 0;
  for (let k = 0; k < 2000; k++) {
    const t = 2 * rand();
    const x = [1.5 * normal(), 1.5 * normal(), 1.5 * normal()];
    const v = [normal(), normal(), normal()];
    const tau = 0.5 * rand();
    const B = bg.frequencyBound(t, x, v, tau);
    for (let q = 0; q <= 20; q++) {
      const s = (q / 20) * tau;
      const A = bg.collisionFrequency(
        t + s,
        [x[0] + s * v[0], x[1] + s * v[1], x[2] + s * v[2]],
        v,
      );
      assert.ok(A <= B * (1 + 1e-12), `A=${A} > bound ${B}`);
      if (q === 0) tight += A / B;
    }
  }
  // not uselessly loose: on average the bound is within a factor 3 at the start of the flight
  assert.ok(tight / 2000 > 1 / 3, `${tight / 2000}`);
});

test("partner sampler: u ∝ f_ref(t,x,u)|u−v| (mean and E|u−v| within 4 SE of quadrature)", () => {
  const [t, x, v] = points[2];
  const g = (u: number[]) => Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
  const Z = quad(t, x, g);
  const mean0 = quad(t, x, (u) => u[0] * g(u)) / Z;
  const meanG = quad(t, x, (u) => g(u) * g(u)) / Z;
  const rand = seededUniform(9);
  const normal = normalSampler(rand);
  const out = new Float64Array(3);
  const n = 100000;
  let s0 = 0;
  let q0 = 0;
  let sg = 0;
  let qg = 0;
  for (let k = 0; k < n; k++) {
    bg.samplePartner(t, x, v, rand, normal, out);
    const gg = Math.hypot(out[0] - v[0], out[1] - v[1], out[2] - v[2]);
    s0 += out[0];
    q0 += out[0] ** 2;
    sg += gg;
    qg += gg * gg;
  }
  const m0 = s0 / n;
  const se0 = Math.sqrt((q0 / n - m0 * m0) / n);
  const mg = sg / n;
  const seg = Math.sqrt((qg / n - mg * mg) / n);
  assert.ok(Math.abs(m0 - mean0) < 4 * se0 + 1e-3, `${m0} vs ${mean0} (SE ${se0})`);
  assert.ok(Math.abs(mg - meanG) < 4 * seg + 1e-3, `${mg} vs ${meanG} (SE ${seg})`);
});
