import assert from "node:assert/strict";
import { test } from "node:test";
import {
  compositeGaussSum,
  compositeRule,
  equalPanelGaussSum,
  equalPanelRule,
} from "../../src/math/quadrature/composite.ts";
import {
  gaussLegendre,
  gaussSum,
  leftAnchoredRule,
  mappedRule,
} from "../../src/math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../../src/math/quadrature/maximize.ts";
import { radialIntegral, radialIntegralEstimate } from "../../src/math/quadrature/radial.ts";

test("Gauss–Legendre with n nodes integrates x^k exactly for k < 2n", () => {
  for (const n of [1, 2, 5, 16, 64]) {
    for (let k = 0; k < 2 * n; k += Math.max(1, Math.floor(n / 4))) {
      const exact = k % 2 === 0 ? 2 / (k + 1) : 0;
      assert.ok(Math.abs(gaussSum((x) => x ** k, -1, 1, n) - exact) < 1e-13, `n=${n} k=${k}`);
    }
  }
});

test("Gauss–Legendre weights sum to 2 and nodes are symmetric", () => {
  const { nodes, weights } = gaussLegendre(33);
  assert.ok(Math.abs(weights.reduce((a, b) => a + b, 0) - 2) < 1e-14);
  for (let i = 0; i < 33; i++) assert.ok(nodes[i] === -nodes[32 - i], `node ${i}`);
});

test("Gauss–Legendre integrates a smooth non-polynomial to machine precision", () => {
  // ∫_0^π sin = 2 (closed form)
  assert.ok(Math.abs(gaussSum(Math.sin, 0, Math.PI, 20) - 2) < 1e-14);
});

test("mappedRule and compositeRule integrate polynomials exactly on [a, b] and on panels", () => {
  const { nodes, weights } = mappedRule(6, -0.5, 2);
  let s = 0;
  for (let i = 0; i < 6; i++) s += weights[i] * nodes[i] ** 11;
  // ∫_{−1/2}^{2} x¹¹ dx = (2¹² − 2⁻¹²)/12
  assert.ok(Math.abs(s - (2 ** 12 - 2 ** -12) / 12) < 1e-11);
  // on [0, 1] the mapped node is 0.5(1 + x) to the last bit
  const gl = gaussLegendre(7);
  const m01 = mappedRule(7, 0, 1);
  for (let i = 0; i < 7; i++) assert.equal(m01.nodes[i], 0.5 * (1 + gl.nodes[i]));
  const x = new Float64Array(12);
  const w = new Float64Array(12);
  assert.equal(compositeRule([0, 1, 3, 4], 4, x, w), 12);
  let c = 0;
  for (let i = 0; i < 12; i++) c += w[i] * Math.abs(x[i] - 1) ** 3;
  // |x − 1|³ is a polynomial on each panel: ∫_0^4 = 1/4 + 3⁴/4
  assert.ok(Math.abs(c - (1 + 81) / 4) < 1e-12);
  assert.ok(
    Math.abs(compositeGaussSum((t) => Math.abs(t - 1) ** 3, [0, 1, 3, 4], 4) - 82 / 4) < 1e-12,
  );
  // equal panels of [−1, 3]: |x − 1|³ has its kink on the break x = 1 (2 panels), so exact
  const ex = new Float64Array(8);
  const ew = new Float64Array(8);
  assert.equal(equalPanelRule(-1, 3, 2, 4, ex, ew), 8);
  let e = 0;
  for (let i = 0; i < 8; i++) e += ew[i] * Math.abs(ex[i] - 1) ** 3;
  assert.ok(Math.abs(e - 8) < 1e-12, `${e}`); // 2·∫_0^2 t³ dt = 8
  assert.ok(Math.abs(equalPanelGaussSum((t) => Math.abs(t - 1) ** 3, -1, 3, 2, 4) - 8) < 1e-12);
});

test("radialIntegral: 4π∫ r^k r² dr = 4πR^{k+3}/(k+3), and the estimate's error bounds the true error of a Gaussian", () => {
  for (const k of [0, 2, 5]) {
    for (const R of [1, 2.5]) {
      const exact = (4 * Math.PI * R ** (k + 3)) / (k + 3);
      assert.ok(
        Math.abs(radialIntegral((r) => r ** k, 40, R) - exact) < 1e-12 * exact,
        `k=${k} R=${R}`,
      );
    }
  }
  // 4π∫_0^1 e^{−r²} r² dr = π^{3/2} erf(1) − 2π/e, erf(1) = 0.8427007929497149
  const exact = Math.PI ** 1.5 * 0.8427007929497149 - (2 * Math.PI) / Math.E;
  const e = radialIntegralEstimate((r) => Math.exp(-r * r));
  assert.ok(Math.abs(e.value - exact) <= e.error, `${e.value} vs ${exact} ± ${e.error}`);
});

test("goldenSectionMax finds interior and end-point maxima to rounding", () => {
  // max of sin on [0, 3] at π/2; max of x(1 − x)² on [0, 1] at 1/3 with value 4/27
  const a = goldenSectionMax(Math.sin, 0, 3);
  assert.ok(Math.abs(a.value - 1) < 1e-15 && Math.abs(a.at - Math.PI / 2) < 1e-7);
  const b = goldenSectionMax((x) => x * (1 - x) ** 2, 0, 1, { gridPoints: 20_000, iterations: 60 });
  assert.ok(Math.abs(b.value - 4 / 27) < 1e-16 && Math.abs(b.at - 1 / 3) < 1e-7);
  const r = goldenSectionMax((x) => x * (1 - x) ** 2, 0, 1, {
    gridPoints: 20_000,
    iterations: 60,
    step: "recompute",
  });
  assert.ok(Math.abs(r.value - 4 / 27) < 1e-16 && Math.abs(r.at - 1 / 3) < 1e-7);
  // increasing function: the maximum sits at the right end
  const c = goldenSectionMax((x) => x, -1, 2);
  assert.equal(c.value, 2);
});

test("leftAnchoredRule: exact for x^k, k < 2n, on [lo, lo + 2h]; nodes lo + h(1 + x_i) to the bit, not mappedRule's", () => {
  const x = new Float64Array(64);
  const w = new Float64Array(64);
  for (const [lo, h] of [
    [0, 0.15],
    [-1, 0.5],
    [0.3, 0.35],
  ]) {
    for (const n of [4, 16, 48]) {
      assert.equal(leftAnchoredRule(n, lo, h, x, w), n);
      const b = lo + 2 * h;
      for (const k of [0, 1, 3, 2 * n - 1]) {
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i] * x[i] ** k;
        const exact = (b ** (k + 1) - lo ** (k + 1)) / (k + 1);
        assert.ok(Math.abs(s - exact) <= 1e-13 * Math.max(1, Math.abs(exact)), `n=${n} k=${k}`);
      }
      const gl = gaussLegendre(n);
      for (let i = 0; i < n; i++) {
        assert.ok(Object.is(x[i], lo + h * (1 + gl.nodes[i])));
        assert.ok(Object.is(w[i], h * gl.weights[i]));
      }
    }
  }
  // the centred form rounds differently (the reason the inline sites did not use mappedRule)
  leftAnchoredRule(64, 0, 0.15, x, w);
  const m = mappedRule(64, 0, 0.3);
  let differ = 0;
  for (let i = 0; i < 64; i++) if (!Object.is(x[i], m.nodes[i])) differ++;
  assert.ok(differ > 0, "expected some nodes to differ in the last bit");
});
