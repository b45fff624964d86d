/**
 * U-statistic for ‖P f_δ‖² (src/solvers/particles/projection-norm.ts) against the projection of the
 * exact deviation computed by tensor Gauss–Legendre quadrature in this test (no particles).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mappedRule } from "../../../src/math/quadrature/gauss-legendre.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { sampleRadialDeviation } from "../../../src/solvers/particles/initial-particles.ts";
import {
  hermiteFunctions,
  projectionCoefficients,
  projectionNormSquared,
} from "../../../src/solvers/particles/projection-norm.ts";
import { replicaSeed } from "../../../src/solvers/particles/replica-statistics.ts";

const K0 = 0.7;
const gauss = (T: number, r2: number) => (2 * Math.PI * T) ** -1.5 * Math.exp(-r2 / (2 * T));
const delta = (r2: number) =>
  gauss(K0, r2) * ((5 * K0 - 3) / (2 * K0) + ((1 - K0) * r2) / (2 * K0 * K0)) - gauss(1, r2);

test("Hermite functions are orthonormal (Gauss–Legendre on [−12, 12], 200 nodes)", () => {
  const { nodes, weights } = mappedRule(200, -12, 12);
  const h = new Float64Array(6);
  const G = new Float64Array(36);
  for (let i = 0; i < nodes.length; i++) {
    hermiteFunctions(nodes[i], 5, 1.3, h);
    for (let a = 0; a < 6; a++)
      for (let b = 0; b < 6; b++) G[6 * a + b] += weights[i] * h[a] * h[b];
  }
  for (let a = 0; a < 6; a++)
    for (let b = 0; b < 6; b++) assert.ok(Math.abs(G[6 * a + b] - (a === b ? 1 : 0)) < 1e-12);
});

test("U-statistic of ‖P f_δ‖² (BKW − M, K₀ = 0.7, Hermite degree ≤ 4, s = 1) matches quadrature within 4 SE", () => {
  const nmax = 4;
  const m = nmax + 1;
  // exact: c_k = ∫ δ e_k by 48-point Gauss–Legendre per axis on [−9, 9]³
  const { nodes, weights } = mappedRule(48, -9, 9);
  const H = Array.from(nodes, (x) => {
    const h = new Float64Array(m);
    hermiteFunctions(x, nmax, 1, h);
    return h;
  });
  const exact = new Float64Array(m ** 3);
  for (let i = 0; i < 48; i++)
    for (let j = 0; j < 48; j++)
      for (let l = 0; l < 48; l++) {
        const r2 = nodes[i] ** 2 + nodes[j] ** 2 + nodes[l] ** 2;
        const w = weights[i] * weights[j] * weights[l] * delta(r2);
        let k = 0;
        for (let a = 0; a < m; a++)
          for (let b = 0; b < m; b++)
            for (let c = 0; c < m; c++) exact[k++] += w * H[i][a] * H[j][b] * H[l][c];
      }
  let norm = 0;
  for (const c of exact) norm += c * c;
  const R = 24;
  const coefficients = Array.from({ length: R }, (_, r) =>
    projectionCoefficients(
      sampleRadialDeviation(3000, seededUniform(replicaSeed(11, r)), delta).particles,
      nmax,
      1,
    ),
  );
  const u = projectionNormSquared(coefficients);
  assert.ok(Math.abs(u.value - norm) < 4 * u.error, `U ${u.value} ± ${u.error}, exact ${norm}`);
  assert.ok(u.error < 0.25 * norm, `${u.error} vs ${norm}: the test must resolve the norm`);
});
