import assert from "node:assert/strict";
import { test } from "node:test";
import { computedDeflation } from "../../../src/claims/deflation-law.ts";
import {
  cutoffLineIntegrals,
  deflationExponentLimit,
} from "../../../src/construction/core/deflation-law.ts";
import { bump, plateau } from "../../../src/construction/geometry/cutoff.ts";

/** ℓ = ∫₀¹φ and σ = ∫₀¹ rφ by scipy.integrate.quad (independent reference). */
const SCIPY = {
  bump: { line: 0.6034501612189371, cross: 0.20182631883840194 },
  plateau: { cross: 0.2846148387713846 },
};

test("the cutoff's line and cross-section integrals against scipy and a closed form", () => {
  const b = cutoffLineIntegrals(bump);
  assert.ok(Math.abs(b.line.value - SCIPY.bump.line) < 1e-12);
  assert.ok(Math.abs(b.crossSection.value - SCIPY.bump.cross) < 1e-12);
  assert.equal(b.curvature, -2); // φ = exp(1 − 1/(1 − r²)) = 1 − r² + O(r⁴)
  const p = cutoffLineIntegrals(plateau);
  // S(s) + S(1 − s) = 1 makes ∫_{1/2}^1 φ = 1/4, so ℓ = 3/4 exactly
  assert.ok(Math.abs(p.line.value - 0.75) < 1e-12);
  assert.ok(Math.abs(p.crossSection.value - SCIPY.plateau.cross) < 1e-12);
});

test("γ∞ against the computed deflation at M = 10^12 and 10^15, within the stated asymptotic error", () => {
  for (const variant of ["as-in-proof", "as-written"] as const) {
    for (const cutoff of ["bump", "plateau"]) {
      for (const M of [1e12, 1e15]) {
        const pt = computedDeflation(M, { s: 0.8, s0: 0.5, cutoff, variant });
        const lim = pt.expansion.limit;
        const tol = pt.expansion.limitError + pt.gamma.error + 1e-8 * lim;
        assert.ok(
          Math.abs(pt.gamma.value - lim) <= tol,
          `${variant} ${cutoff} M=${M}: γ ${pt.gamma.value} vs γ∞ ${lim} (tol ${tol})`,
        );
        // the central value alone (e^{−Λ(T*,0,0)}, whose quadrature is good to ~3e-9 for plateau,
        // one Gauss–Legendre panel across its non-analytic joins) is within the asymptotic error
        assert.ok(
          Math.abs(pt.gamma.value - lim) <= pt.expansion.limitError + 1e-8 * lim,
          `${variant} ${cutoff} M=${M} central`,
        );
      }
    }
  }
});

test("the two-term expansion's residual falls like T*⁴ (bump, both variants)", () => {
  for (const variant of ["as-in-proof", "as-written"] as const) {
    const a = computedDeflation(1e6, { s: 0.8, s0: 0.5, cutoff: "bump", variant });
    const b = computedDeflation(1e9, { s: 0.8, s0: 0.5, cutoff: "bump", variant });
    const res = (p: typeof a) => Math.abs(p.gamma.value - p.expansion.twoTerm);
    const predicted = (b.Tstar / a.Tstar) ** 4;
    const measured = res(b) / res(a);
    assert.ok(
      measured > predicted / 2 && measured < predicted * 2,
      `${variant}: ratio ${measured} vs (T* ratio)^4 ${predicted}`,
    );
    // and the first-order terms are what separates γ(M) from γ∞: the residual is far below them
    assert.ok(res(a) < 0.1 * Math.abs(a.gamma.value - a.expansion.limit));
  }
});

test("the law's dependence on the constants: γ ∝ c_T c_b/(α c²), computed with other constants", () => {
  const constants = {
    beamAmplitude: 3,
    timeFactor: 2,
    bumpAxial: 5,
    bumpTransverse: 4,
    coreRadius: 30,
    coreAmplitude: 7,
  };
  const pt = computedDeflation(1e12, {
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    constants,
  });
  const paper = deflationExponentLimit(bump, {
    beamAmplitude: 1,
    timeFactor: 1,
    bumpAxial: 10,
    bumpTransverse: 1,
  }).value;
  const predicted = (paper * 3 * 2 * 10) / 5 / 16;
  assert.ok(Math.abs(pt.expansion.limit - predicted) < 1e-12 * predicted);
  assert.ok(
    Math.abs(pt.gamma.value - predicted) <= pt.expansion.limitError + pt.gamma.error,
    `${pt.gamma.value} vs ${predicted}`,
  );
});
