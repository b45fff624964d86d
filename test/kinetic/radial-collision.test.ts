import assert from "node:assert/strict";
import { test } from "node:test";
import erf from "@stdlib/math-base-special-erf";
import { gainTerm } from "../../src/kinetic/collision.ts";
import { maxwellianCollisionFrequency } from "../../src/kinetic/maxwellian.ts";
import {
  computePair,
  profileFn,
  radialFrequency,
  radialGain,
} from "../../src/kinetic/radial-collision.ts";
import {
  scaledGradSup,
  transportedGaussianNorms,
} from "../../src/kinetic/transported-gaussian-norms.ts";
import { RuleError } from "../../src/math/errors.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("radial reductions: Q⁺ (plane integral in closed form) and A[G] agree with collision.ts gainTerm and the Maxwellian closed form", () => {
  const cases = [
    [{ kind: "maxwellian", c: 0, T: 0.1 }, { kind: "maxwellian", c: 0, T: 0.15 }, [0.4, 0, 1.0]],
    [{ kind: "bump", c: 1.5, r: 0.6 }, { kind: "bump", c: 0, r: 1 }, [0.4, 0, 1.0]],
    [{ kind: "maxwellian", c: 2, T: 0.05 }, { kind: "maxwellian", c: 0, T: 0.15 }, [0.4, 0, 1.0]],
  ] as const;
  for (const [a, b, v] of cases) {
    const F = profileFn(a);
    const G = profileFn(b);
    const mine = radialGain(F, G, v, 36);
    const ref = gainTerm(F.phase, G.phase, 0, [0, 0, 0], v, { tol: 1e-5, maxLevel: 6 });
    assert.ok(
      Math.abs(mine - ref.value) <= 1e-5 * ref.value + 3 * ref.error,
      `${F.label}·${G.label}: ${mine} vs ${ref.value} ± ${ref.error}`,
    );
  }
  const G = profileFn({ kind: "maxwellian", c: 0, T: 0.15 });
  for (const r of [0, 0.3, 1.7]) {
    const closed = maxwellianCollisionFrequency({ rho: 1, u: [0, 0, 0], T: 0.15 }, [0, 0, r]).value;
    assert.ok(rel(radialFrequency(G, r, 72), closed) < 1e-10, `A(${r})`);
  }
  assert.throws(() => profileFn({ kind: "maxwellian", c: 0, T: 0.6 }), RuleError);
  assert.throws(
    () => computePair({ kind: "bump", c: 0, r: 1 }, { kind: "bump", c: 1, r: 1 }),
    RuleError,
  );
});

test("Q⁻ on the nodes of a Maxwellian pair is F·A[G] with A[G] in closed form", () => {
  const pair = computePair(
    { kind: "maxwellian", c: 1, T: 0.1 },
    { kind: "maxwellian", c: 0, T: 0.2 },
  );
  const L = pair.minus[1];
  let checked = 0;
  for (let i = 0; i < L.q.length; i += 17) {
    const r = L.nodes.r[i];
    const mu = L.nodes.mu[i];
    const v = [r * Math.sqrt(1 - mu * mu), 0, r * mu];
    const F = (2 * Math.PI * 0.1) ** -1.5 * Math.exp(-(v[0] ** 2 + (v[2] - 1) ** 2) / 0.2);
    const A = maxwellianCollisionFrequency({ rho: 1, u: [0, 0, 0], T: 0.2 }, v).value;
    if (F * A < 1e-12) continue;
    assert.ok(rel(L.q[i], F * A) < 1e-8, `${L.q[i]} vs ${F * A}`);
    checked++;
  }
  assert.ok(checked > 5);
});

test("x-norms of a transported Gaussian h_v = ∫_0^S c(x − sv)ds: autocorrelation formulas vs direct (y∥, ρ) quadrature of the erf form", () => {
  const C = 0.7;
  const sigma = 0.2;
  for (const [S, r] of [
    [0.3, 1],
    [0.05, 0.5],
    [1, 2],
  ]) {
    const n = transportedGaussianNorms(C, sigma, S, r);
    const L = S * r;
    const h = (y: number, rho: number) =>
      ((C * sigma) / r) *
      Math.sqrt(Math.PI / 2) *
      Math.exp(-(rho * rho) / (2 * sigma * sigma)) *
      (erf(y / (Math.SQRT2 * sigma)) - erf((y - L) / (Math.SQRT2 * sigma)));
    const gy = (y: number, rho: number) =>
      (C / r) *
      Math.exp(-(rho * rho) / (2 * sigma * sigma)) *
      (Math.exp(-(y * y) / (2 * sigma * sigma)) - Math.exp(-((y - L) ** 2) / (2 * sigma * sigma)));
    const { nodes, weights } = gaussLegendre(120);
    let i0 = 0;
    let i1 = 0;
    const y0 = -8 * sigma;
    const y1 = L + 8 * sigma;
    for (let i = 0; i < 120; i++) {
      const y = 0.5 * (y0 + y1) + 0.5 * (y1 - y0) * nodes[i];
      for (let j = 0; j < 120; j++) {
        const rho = 4 * sigma * (1 + nodes[j]);
        const w = 0.5 * (y1 - y0) * weights[i] * 4 * sigma * weights[j] * 2 * Math.PI * rho;
        const hv = h(y, rho);
        i0 += w * hv * hv;
        i1 += w * (gy(y, rho) ** 2 + ((rho / (sigma * sigma)) * hv) ** 2);
      }
    }
    assert.ok(rel(n.L2, Math.sqrt(i0)) < 1e-8, `L2 S=${S} r=${r}: ${n.L2} vs ${Math.sqrt(i0)}`);
    assert.ok(
      rel(n.gradL2, Math.sqrt(i1)) < 1e-8,
      `gradL2 S=${S} r=${r}: ${n.gradL2} vs ${Math.sqrt(i1)}`,
    );
    // sup of h at the middle of the segment; sup of |∇h| against a brute grid over (y, ρ)
    assert.ok(rel(n.Linf, h(L / 2, 0)) < 1e-12);
    let brute = 0;
    for (let i = 0; i <= 400; i++) {
      for (let j = 0; j <= 200; j++) {
        const y = -3 * sigma + ((L + 6 * sigma) * i) / 400;
        const rho = (3 * sigma * j) / 200;
        brute = Math.max(brute, Math.hypot(gy(y, rho), (rho / (sigma * sigma)) * h(y, rho)));
      }
    }
    assert.ok(n.gradLinf >= brute * (1 - 1e-9), `gradLinf ${n.gradLinf} below the grid ${brute}`);
    assert.ok(
      n.gradLinf <= brute * (1 + 1e-3),
      `gradLinf ${n.gradLinf} far above the grid ${brute}`,
    );
  }
  // the S|v| → 0 limit: h ≈ S·c, sup|∇h| → S e^{−1/2}C/σ
  assert.ok(rel(scaledGradSup(1e-4) / 1e-4, Math.exp(-0.5)) < 1e-3);
});
