import assert from "node:assert/strict";
import { test } from "node:test";
import { RuleError } from "../../src/math/errors.ts";
import { Bkw } from "../../src/solvers/spectral/bkw.ts";
import {
  chooseDomain,
  chooseDomainForMoments,
  momentErrorEstimate,
  POINTWISE_SLACK,
  pointsForAccuracy,
  resolutionExponent,
  scalesFromGrid,
  tailExponent,
  tailOutside,
} from "../../src/solvers/spectral/domain.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import {
  bkwScales,
  maxwellian,
  maxwellianScales,
  parseGridFile,
  twoBeamScales,
} from "../../src/solvers/spectral/initial-data.ts";

const families = {
  maxwellian: maxwellianScales(1),
  bkw: bkwScales(1, 0.7),
  "two-beam": twoBeamScales(1, 0.5),
  "hot two-beam": twoBeamScales(2, 1.5),
};

test("domain rule: alias-free for the trusted ball B_{R/2} (L >= (3+√2)R/4) and more accurate with n", () => {
  for (const [name, s] of Object.entries(families)) {
    let prev = Number.POSITIVE_INFINITY;
    for (const n of [8, 16, 32, 64, 128]) {
      const d = chooseDomain(s, n);
      assert.ok(d.chosen);
      assert.ok(d.L >= ((3 + Math.SQRT2) / 4) * d.R, `${name} n=${n}: L=${d.L} R=${d.R}`);
      assert.ok(d.estimatedError < prev / 5, `${name} n=${n}: ${d.estimatedError} vs ${prev}`);
      prev = d.estimatedError;
      // the three conditions of the rule hold at the rounded L, R (within the rounding)
      const e = d.exponents;
      assert.ok(e.truncation >= e.overall && e.aliasing - 3 >= e.overall - 1e-12);
      assert.ok(e.resolution >= e.overall - 1e-12);
    }
  }
});

test("domain rule: user-fixed L and R are kept and scored; pointsForAccuracy is the smallest n", () => {
  const s = maxwellianScales(1);
  const d = chooseDomain(s, 32, { L: 7.95, R: 7.2 });
  assert.equal(d.chosen, false);
  assert.equal(d.L, 7.95);
  assert.equal(d.R, 7.2);
  // aliasing limits the old default: d = L − R/√2 = 2.86, E_a = d² = 8.2
  assert.ok(Math.abs(d.exponents.aliasing - (7.95 - 7.2 / Math.SQRT2) ** 2) < 1e-12);
  const n = pointsForAccuracy(s, 1e-8);
  assert.ok(n !== null);
  assert.ok(chooseDomain(s, n).estimatedError <= 1e-8);
  assert.ok(chooseDomain(s, n / 2).estimatedError > 1e-8);
});

test("tail exponent: ψ(r) = r²/(2T) for a Maxwellian, (r − U)²/(2T_b) for a beam beyond its centre", () => {
  assert.equal(tailExponent(maxwellianScales(2), 3), 9 / 4);
  // two-beam U = 1, T_b = 0.5, T_eq = 5/6: at r = 4 the beam gives 9, the equilibrium 9.6
  assert.ok(Math.abs(tailExponent(twoBeamScales(1, 0.5), 4) - 9) < 1e-12);
});

test("tailOutside: a Maxwellian's mass and energy outside |v| = 2.5 against the closed forms", () => {
  const g = makeGrid(64, 7);
  const f = maxwellian(g, 1, [0, 0, 0], 1);
  const t = tailOutside(g, f, 2.5);
  // P(|v| > r) = erfc(r/√2) + √(2/π) r e^{−r²/2}; energy: [3 erfc(r/√2) + √(2/π)(r³ + 3r) e^{−r²/2}]/3
  const r = 2.5;
  const erfc = 0.012419330651552277; // erfc(2.5/√2), scipy.special.erfc
  const g2 = Math.sqrt(2 / Math.PI) * Math.exp((-r * r) / 2);
  const mass = erfc + g2 * r;
  const energy = (3 * erfc + g2 * (r ** 3 + 3 * r)) / 3;
  // the grid sum of the ball indicator is first order in h = 0.22: per-cent agreement
  assert.ok(Math.abs(t.mass / mass - 1) < 0.03, `${t.mass} vs ${mass}`);
  assert.ok(Math.abs(t.energy / energy - 1) < 0.03, `${t.energy} vs ${energy}`);
});

test("scalesFromGrid: temperature and envelope of a sampled Maxwellian", () => {
  const g = makeGrid(32, 8);
  const s = scalesFromGrid(g, maxwellian(g, 1, [0, 0, 0], 1.3));
  for (const c of s.components) assert.ok(Math.abs(c.temperature - 1.3) < 1e-3, JSON.stringify(s));
});

test("grid file: negatives down to −1e-6·max f accepted (round-off of a computed solution), −1e-5 refused", () => {
  const values = Array(64).fill(0.1);
  values[5] = -0.9e-7;
  const ok = parseGridFile(JSON.stringify({ format: "boltzlab-grid-v1", n: 4, L: 3, values }), "a");
  assert.equal(ok.values[5], -0.9e-7);
  assert.equal(ok.R, undefined);
  values[5] = -1e-6;
  assert.throws(
    () =>
      parseGridFile(JSON.stringify({ format: "boltzlab-grid-v1", n: 4, L: 3, R: 2, values }), "b"),
    /f must be >= -1e-6·max f/,
  );
});

test("resolution exponent: BKW's bound is its Fourier transform (radial quadrature of the profile), and it bounds every K on the path", () => {
  // f̂(ξ) = 4π ∫ f(r) sin(ξr)/(ξr) r² dr by Simpson on [0, 14] (independent of the closed form
  // e^{−KTξ²/2}(1 − (1 − K)Tξ²/2) that bkwScales uses)
  const fourier = (bkw: Bkw, t: number, xi: number) => {
    const m = 4000;
    const h = 14 / m;
    let s = 0;
    for (let j = 0; j <= m; j++) {
      const r = j * h;
      const w = j === 0 || j === m ? 1 : j % 2 ? 4 : 2;
      const sinc = xi * r === 0 ? 1 : Math.sin(xi * r) / (xi * r);
      s += w * bkw.value(t, r * r) * sinc * r * r;
    }
    return (4 * Math.PI * s * h) / 3;
  };
  const bkw = new Bkw({ K0: 0.7 });
  const s = bkwScales(1, 0.7);
  for (const xi of [2, 4, 5.05, 6.03]) {
    const mass = fourier(bkw, 0, 0);
    assert.ok(Math.abs(mass - 1) < 1e-10, `mass ${mass}`);
    // at t = 0 (K = K0) the bound is attained: E_r = −ln|f̂(ξ)|/f̂(0)
    const exact = -Math.log(Math.abs(fourier(bkw, 0, xi)) / mass);
    assert.ok(
      resolutionExponent(s, xi) <= exact + 1e-8,
      `ξ=${xi}: ${resolutionExponent(s, xi)} vs ${exact}`,
    );
    assert.ok(resolutionExponent(s, xi) >= exact - 1e-8 || xi < 3, `ξ=${xi}: attained at K0`);
    // later states (K > K0) are bounded too (the bound is the largest over the sampled path)
    for (const t of [0.1, 0.3, 1, 3]) {
      const e = -Math.log(Math.abs(fourier(bkw, t, xi)));
      assert.ok(resolutionExponent(s, xi) <= e + 0.05, `ξ=${xi}, t=${t}: ${e}`);
    }
  }
  // the polynomial factor matters at the Nyquist numbers used: at ξ = 5.05 the bound is ≈ 2.8× the
  // Gaussian envelope e^{−K0ξ²/2} the rule used before
  const ratio = Math.exp((0.7 * 5.05 ** 2) / 2 - resolutionExponent(s, 5.05));
  assert.ok(ratio > 2.5 && ratio < 3.1, `${ratio}`);
});

test("two-objective rule: pointwise estimate within the slack of the pointwise rule's, moment estimate no larger", () => {
  for (const [name, s] of Object.entries(families))
    for (const n of [16, 32, 64]) {
      const base = chooseDomain(s, n);
      for (const slack of [1, POINTWISE_SLACK, 10]) {
        const d = chooseDomainForMoments(s, n, slack);
        const tag = `${name} n=${n} slack=${slack}`;
        assert.ok(d.estimatedError <= slack * base.estimatedError * (1 + 1e-12), tag);
        assert.ok(momentErrorEstimate(d.exponents) <= momentErrorEstimate(base.exponents), tag);
        // alias-free for the trusted ball, as the pointwise rule's boxes are
        assert.ok(d.L >= ((3 + Math.SQRT2) * d.R) / 4, tag);
      }
      // with slack the moment estimate actually improves (truncation is the moment's largest term)
      const d = chooseDomainForMoments(s, n);
      assert.ok(
        momentErrorEstimate(d.exponents) < momentErrorEstimate(base.exponents) / 1.5,
        `${name} n=${n}`,
      );
    }
  assert.throws(() => chooseDomainForMoments(families.maxwellian, 32, 0.5), RuleError);
});
