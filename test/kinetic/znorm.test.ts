import assert from "node:assert/strict";
import { test } from "node:test";
import { bump } from "../../src/construction/geometry/cutoff.ts";
import { velocityFunction } from "../../src/kinetic/phase-space.ts";
import {
  ballVelocityNorms,
  radialVelocityNorms,
  regionVelocityNorms,
} from "../../src/kinetic/velocity-norms.ts";
import { gaussianXNorms, radialXNorms } from "../../src/kinetic/x-norms.ts";
import {
  GAUSSIAN_WEIGHT,
  kappaWeight,
  NO_WEIGHT,
  V_GAUSSIAN_WEIGHT,
  weightAt,
} from "../../src/kinetic/z-weight.ts";
import { generalZNorm, separableZNorm } from "../../src/kinetic/znorm.ts";
import { RuleError } from "../../src/math/errors.ts";

/** K₁(z) = ∫_0^∞ e^{−z cosh s} cosh s ds (midpoint rule, converges geometrically). */
function besselK1(z: number): number {
  let s = 0;
  const h = 0.005;
  for (let k = 0; k < 8000; k++) {
    const t = (k + 0.5) * h;
    s += Math.exp(-z * Math.cosh(t)) * Math.cosh(t);
  }
  return s * h;
}

/**
 * Closed forms for C e^{−β|v−c|²}: ∫⟨v⟩ C e^{−β|v|²} dv = C π e^{β/2} K₁(β/2)/β (c = 0; from
 * ∫_0^∞ r²(1+r²)^{1/2} e^{−βr²} dr = e^{β/2}K₁(β/2)/(4β), Kummer U(3/2, 3, β)), and
 * ∫(1+|v|²) C² e^{−2β|v−c|²} dv = C²(π/2β)^{3/2}(1 + |c|² + 3/(4β)).
 */
const l1Centered = (C: number, beta: number) =>
  (C * Math.PI * Math.exp(beta / 2) * besselK1(beta / 2)) / beta;
const l2Shifted = (C: number, beta: number, c2: number) =>
  C * Math.sqrt((Math.PI / (2 * beta)) ** 1.5 * (1 + c2 + 3 / (4 * beta)));

/** e^{⟨v⟩²} M_{u,T}(v) = C e^{−β|v − c|²} with β = 1/(2T) − 1, c = u/(1 − 2T), C = e(2πT)^{−3/2} e^{|u|²(1/(4T²β) − 1/(2T))}. */
function weightedMaxwellian(T: number, u: number) {
  const beta = 1 / (2 * T) - 1;
  const c = u / (1 - 2 * T);
  const C =
    Math.E * (2 * Math.PI * T) ** -1.5 * Math.exp(u * u * (1 / (4 * T * T * beta) - 1 / (2 * T)));
  return { beta, c, C };
}
const maxw = (T: number, d2: number) => (2 * Math.PI * T) ** -1.5 * Math.exp(-d2 / (2 * T));

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("weights: values, monotone in |v|, κ-weight domain enforced with a RuleError", () => {
  assert.equal(weightAt(GAUSSIAN_WEIGHT, 0), Math.E);
  assert.ok(rel(weightAt(V_GAUSSIAN_WEIGHT, 3), 2 * Math.exp(4)) < 1e-15);
  assert.equal(weightAt(NO_WEIGHT, 7), 1);
  assert.ok(rel(weightAt(kappaWeight(2, 0.25), 1), Math.exp(1)) < 1e-15); // (1 − κt)⟨v⟩² = 0.5·2
  assert.throws(() => kappaWeight(2, 0.6), RuleError);
  assert.throws(() => kappaWeight(-1, 0.1), RuleError);
  assert.throws(() => gaussianXNorms(1, 0), RuleError);
});

test("(a) separable: Gaussian in x × centred Maxwellian, e^{⟨v⟩²} weight, all four parts against closed forms", () => {
  const M = 8;
  const s0 = 0.5;
  const sigma = 0.7 / M;
  for (const T of [0.1, 0.3, 0.45]) {
    const { beta, C } = weightedMaxwellian(T, 0);
    const R = Math.min(25, Math.sqrt(80 / beta)); // e^{⟨v⟩²} stays finite up to |v| ≈ 26
    const vN = radialVelocityNorms((r) => maxw(T, r * r), R, GAUSSIAN_WEIGHT, { tol: 1e-11 });
    const L1 = l1Centered(C, beta);
    const L2 = l2Shifted(C, beta, 0);
    assert.ok(rel(vN.L1.value, L1) < 1e-8, `L1 T=${T}: ${vN.L1.value} vs ${L1}`);
    assert.ok(rel(vN.L2.value, L2) < 1e-8, `L2 T=${T}: ${vN.L2.value} vs ${L2}`);
    const z = separableZNorm(gaussianXNorms(2, sigma), vN, M, s0);
    const ax = 2 * (Math.PI * sigma * sigma) ** 0.75;
    const expect = {
      L2: M ** s0 * ax * L2,
      gradL2: ((M ** (s0 - 1) * ax * Math.sqrt(1.5)) / sigma) * L2,
      Linf: 2 * L1,
      gradLinf: ((2 * Math.exp(-0.5)) / sigma / M) * L1,
    };
    for (const p of ["L2", "gradL2", "Linf", "gradLinf"] as const) {
      assert.ok(
        rel(z.parts[p].value, expect[p]) < 1e-8,
        `${p}: ${z.parts[p].value} vs ${expect[p]}`,
      );
    }
    const tot = expect.L2 + expect.gradL2 + expect.Linf + expect.gradLinf;
    assert.ok(rel(z.total.value, tot) < 1e-8);
    const dom = (Object.keys(expect) as (keyof typeof expect)[]).reduce((a, b) =>
      expect[b] > expect[a] ? b : a,
    );
    assert.equal(z.dominant, dom);
  }
});

test("(a) shifted Maxwellian: 2-D (ρ, μ) and 3-D region rules agree with the closed L² form and with each other", () => {
  const T = 0.35;
  const u = 1.3;
  const { beta, c, C } = weightedMaxwellian(T, u);
  const R = 12; // the weighted profile is centred at u/(1 − 2T) ≈ 4.3 with β ≈ 0.43: 12 leaves a tail < e^{−30}
  const center = [0, 0, u];
  const ball = ballVelocityNorms((rho) => maxw(T, rho * rho), center, R, GAUSSIAN_WEIGHT, {
    tol: 1e-10,
  });
  assert.ok(
    rel(ball.L2.value, l2Shifted(C, beta, c * c)) < 1e-8,
    `${ball.L2.value} vs ${l2Shifted(C, beta, c * c)}`,
  );
  const F = (v: ArrayLike<number>) => maxw(T, v[0] * v[0] + v[1] * v[1] + (v[2] - u) ** 2);
  const reg = regionVelocityNorms(F, [{ kind: "ball", center, radius: R }], GAUSSIAN_WEIGHT, {
    tol: 1e-7,
  });
  assert.ok(rel(reg.L1.value, ball.L1.value) < 1e-6, `${reg.L1.value} vs ${ball.L1.value}`);
  assert.ok(rel(reg.L2.value, ball.L2.value) < 1e-6);
  // a centred profile: the 2-D rule reduces to the radial one
  const rad = radialVelocityNorms((r) => maxw(T, r * r), R, V_GAUSSIAN_WEIGHT);
  const ball0 = ballVelocityNorms((rho) => maxw(T, rho * rho), [0, 0, 0], R, V_GAUSSIAN_WEIGHT);
  assert.ok(rel(rad.L1.value, ball0.L1.value) < 1e-8 && rel(rad.L2.value, ball0.L2.value) < 1e-8);
});

test("(a) radial x-profile norms of a narrow Gaussian (truncated at 10σ) match the Gaussian closed forms", () => {
  const s = 0.1;
  const r = radialXNorms(
    (x) => Math.exp(-(x * x) / (2 * s * s)),
    (x) => (-x / (s * s)) * Math.exp(-(x * x) / (2 * s * s)),
    3,
  );
  const g = gaussianXNorms(1, s / 3);
  for (const p of ["L2", "gradL2", "Linf", "gradLinf"] as const)
    assert.ok(rel(r[p].value, g[p].value) < 1e-9, `${p}: ${r[p].value} vs ${g[p].value}`);
  // and the bump cutoff: its L^∞ is φ(0) = 1
  assert.ok(rel(radialXNorms(bump.phi, bump.dphi, 100).Linf.value, 1) < 1e-14);
});

test("(b) general evaluator on a transported Gaussian e^{−|x−v|²/2σ²}F(v) agrees with the separable closed forms", () => {
  // free transport at time 1 of a(x)F(v): the x-norms at fixed v do not change, so (a) gives the exact values;
  // the sup over x sits at x = v, off the centre of the x-ball, which the search must find
  const M = 4;
  const s0 = 0.5;
  const sigma = 0.25;
  const rv = 0.6;
  const F = (v: ArrayLike<number>) => bump.phi(Math.hypot(v[0] - 0.5, v[1], v[2]) / rv);
  const f = velocityFunction("transported", F, [{ kind: "ball", center: [0.5, 0, 0], radius: rv }]);
  const g = {
    ...f,
    value: (_t: number, x: ArrayLike<number>, v: ArrayLike<number>) =>
      Math.exp(
        -((x[0] - v[0]) ** 2 + (x[1] - v[1]) ** 2 + (x[2] - v[2]) ** 2) / (2 * sigma * sigma),
      ) * F(v),
  };
  const gradX = (out: Float64Array, x: ArrayLike<number>, v: ArrayLike<number>) => {
    const d2 = (x[0] - v[0]) ** 2 + (x[1] - v[1]) ** 2 + (x[2] - v[2]) ** 2;
    const a = (-Math.exp(-d2 / (2 * sigma * sigma)) * F(v)) / (sigma * sigma);
    for (let d = 0; d < 3; d++) out[d] = a * (x[d] - v[d]);
  };
  const xs = { center: [0.5, 0, 0], radius: rv + 8 * sigma };
  const z = generalZNorm(g, 0, xs, GAUSSIAN_WEIGHT, M, s0, { gradX, tol: 1e-4, maxLevel: 2 });
  const vN = regionVelocityNorms(
    F,
    [{ kind: "ball", center: [0.5, 0, 0], radius: rv }],
    GAUSSIAN_WEIGHT,
  );
  const a = separableZNorm(gaussianXNorms(1, sigma), vN, M, s0);
  assert.ok(
    rel(z.parts.L2.value, a.parts.L2.value) < 3e-3,
    `L2 ${z.parts.L2.value} vs ${a.parts.L2.value}`,
  );
  assert.ok(
    rel(z.parts.gradL2.value, a.parts.gradL2.value) < 3e-3,
    `gradL2 ${z.parts.gradL2.value} vs ${a.parts.gradL2.value}`,
  );
  for (const p of ["Linf", "gradLinf"] as const) {
    assert.equal(z.parts[p].lowerBound, true);
    assert.ok(
      rel(z.parts[p].value, a.parts[p].value) < 3e-3,
      `${p} ${z.parts[p].value} vs ${a.parts[p].value}`,
    );
    assert.ok(
      z.parts[p].value <= a.parts[p].value * (1 + 1e-3) + z.parts[p].error,
      `${p} is a lower bound`,
    );
  }
});

test("(b) needs a velocity support valid for all x and a positive x-radius", () => {
  const f = velocityFunction("v", () => 1, [{ kind: "ball", center: [0, 0, 0], radius: 1 }]);
  assert.throws(
    () => generalZNorm(f, 0, { center: [0, 0, 0], radius: 0 }, NO_WEIGHT, 4, 0.5),
    RuleError,
  );
  const { velocitySupportAllX: _drop, ...noAll } = f;
  assert.throws(
    () => generalZNorm(noAll, 0, { center: [0, 0, 0], radius: 1 }, NO_WEIGHT, 4, 0.5),
    RuleError,
  );
});
