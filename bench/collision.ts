/**
 * Collision-operator benchmark: Q± point evaluations per second with the support-adapted
 * Carleman/spherical quadrature (src/kinetic/collision.ts) against a naive tensor quadrature of the
 * ω-representation on a global grid, measured in the same run.
 *
 *   npx tsx bench/collision.ts
 *
 * Maxwellians: the reference value is Q⁻(M,M) (closed form), since Q⁺(M,M) = Q⁻(M,M).
 * Construction (M = 5): A[f_b] at v = 0 (every tube is a support piece) against a global cube grid.
 */

import { makeBeam } from "../src/construction/beam/beam.ts";
import { bump } from "../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../src/construction/parameters/parameters.ts";
import { beamPhaseSpace, corePhaseSpace } from "../src/construction/phase-space-functions.ts";
import { collisionFrequency, gainTerm } from "../src/kinetic/collision.ts";
import { maxwellian, maxwellianCollisionFrequency } from "../src/kinetic/maxwellian.ts";
import type { PhaseSpaceFunction } from "../src/kinetic/phase-space.ts";
import { gaussLegendre, mappedRule } from "../src/math/quadrature/gauss-legendre.ts";

const X = [0, 0, 0];

/** Visit the nodes u and weights w of the n³ tensor Gauss–Legendre rule on the cube [c−L, c+L]³. */
function forEachCubeNode(
  c: number[],
  L: number,
  n: number,
  visit: (u: Float64Array, w: number) => void,
): void {
  const axes = c.map((ck) => mappedRule(n, ck - L, ck + L));
  const u = new Float64Array(3);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      for (let d = 0; d < n; d++) {
        u[0] = axes[0].nodes[a];
        u[1] = axes[1].nodes[b];
        u[2] = axes[2].nodes[d];
        visit(u, axes[0].weights[a] * axes[1].weights[b] * axes[2].weights[d]);
      }
}

/** Naive: u on an n³ Gauss–Legendre cube [c−L, c+L]³, ω on an (n/2 × n) GL×trapezoid sphere. */
function naiveGain(
  f: PhaseSpaceFunction,
  g: PhaseSpaceFunction,
  v: number[],
  c: number[],
  L: number,
  n: number,
): number {
  const gs = gaussLegendre(n >> 1);
  const nph = n;
  const vs = new Float64Array(3);
  const us = new Float64Array(3);
  let s = 0;
  forEachCubeNode(c, L, n, (u, wu) => {
    for (let i = 0; i < gs.n; i++) {
      const ct = gs.nodes[i];
      const st = Math.sqrt(1 - ct * ct);
      for (let j = 0; j < nph; j++) {
        const ph = ((j + 0.5) * 2 * Math.PI) / nph;
        const o0 = st * Math.cos(ph);
        const o1 = st * Math.sin(ph);
        const dz = (u[0] - v[0]) * o0 + (u[1] - v[1]) * o1 + (u[2] - v[2]) * ct;
        for (let k = 0; k < 3; k++) {
          const om = k === 0 ? o0 : k === 1 ? o1 : ct;
          vs[k] = v[k] + dz * om;
          us[k] = u[k] - dz * om;
        }
        s +=
          wu *
          gs.weights[i] *
          ((2 * Math.PI) / nph) *
          f.value(0, X, vs) *
          g.value(0, X, us) *
          Math.abs(dz);
      }
    }
  });
  return s;
}

/** Naive A[g](v) = 2π ∫ |u − v| g(u) du on an n³ GL cube. */
function naiveA(g: PhaseSpaceFunction, v: number[], c: number[], L: number, n: number): number {
  let s = 0;
  forEachCubeNode(c, L, n, (u, w) => {
    s += w * Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]) * g.value(0, X, u);
  });
  return 2 * Math.PI * s;
}

function timeIt<T>(fn: () => T, reps: number): { r: T; perSec: number; ms: number } {
  let r = fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) r = fn();
  const ms = (performance.now() - t0) / reps;
  return { r, perSec: 1000 / ms, ms };
}

const P = { rho: 1, u: [0.2, -0.1, 0.3] as [number, number, number], T: 0.8 };
const Mx = maxwellian(P);
const v = [0.7, 0.2, -0.4];
const ref = Mx.value(0, X, v) * maxwellianCollisionFrequency(P, v).value;
console.log("# Maxwellian Q⁺(M,M)(v), reference Q⁻ closed form =", ref);
for (const tol of [1e-4, 1e-6, 1e-8]) {
  const t = timeIt(() => gainTerm(Mx, Mx, 0, X, v, { tol, maxLevel: 7 }), 3);
  console.log(
    `support-adapted tol=${tol}: ${t.perSec.toFixed(1)} evals/s (${t.ms.toFixed(1)} ms), rel. error ${Math.abs(t.r.value / ref - 1).toExponential(2)}, estimate ${(t.r.error / ref).toExponential(1)}`,
  );
}
for (const n of [8, 12, 16]) {
  const L = 8 * Math.sqrt(P.T);
  const t = timeIt(() => naiveGain(Mx, Mx, v, P.u as unknown as number[], L, n), 1);
  console.log(
    `naive tensor n=${n} (u: n³ GL cube ±8√T, ω: n/2×n): ${t.perSec.toFixed(2)} evals/s (${t.ms.toFixed(0)} ms), rel. error ${Math.abs(t.r / ref - 1).toExponential(2)}`,
  );
}

const params = makeParameters({ M: 5 });
const beam = makeBeam(params, bump, "as-written");
const fb = beamPhaseSpace(beam);
const fr = corePhaseSpace(beam);
console.log("\n# Construction, M = 5: A[f_b](0, 0, v = 0) (15 tubes of radius 1/M)");
const tA = timeIt(() => collisionFrequency(fb, 0, X, [0, 0, 0], { tol: 1e-8, maxLevel: 8 }), 3);
console.log(
  `support-adapted tol=1e-8: ${tA.perSec.toFixed(1)} evals/s (${tA.ms.toFixed(1)} ms), value ${tA.r.value} ± ${tA.r.error.toExponential(1)}`,
);
for (const n of [32, 64, 128]) {
  const t = timeIt(() => naiveA(fb, [0, 0, 0], [0, 0, 0.55], 1.15, n), 1);
  console.log(
    `naive cube n=${n}: ${t.perSec.toFixed(2)} evals/s (${t.ms.toFixed(0)} ms), rel. error ${Math.abs(t.r / tA.r.value - 1).toExponential(2)}`,
  );
}
console.log(
  "\n# Construction, M = 5: Q⁺(f_r, f_b)(0, 0, v = 1e-11 e1) (scale separation 1/N = 1e-7 against |u| ∼ 1)",
);
for (const L of [2, 3]) {
  const t = timeIt(
    () => gainTerm(fr, fb, 0, X, [1e-11, 0, 0], { tol: 1e-12, maxLevel: L, minLevel: L }),
    1,
  );
  console.log(
    `support-adapted level ${L}: ${t.perSec.toFixed(2)} evals/s (${t.ms.toFixed(0)} ms), value ${t.r.value} ± ${t.r.error.toExponential(1)}`,
  );
}
console.log(
  "naive global grids cannot see f_r (a ball of radius 1e-7): any u-grid of spacing ≫ 1e-7 returns 0.",
);
