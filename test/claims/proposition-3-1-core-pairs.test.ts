import assert from "node:assert/strict";
import { test } from "node:test";
import {
  beamCoreInstantLinf,
  coreBeamLoss,
  corePairRatios,
  slotNorms,
  windowLimit,
} from "../../src/claims/proposition-3-1-core-pairs.ts";
import { CLAIM_IDS, DEFAULT_CLAIM_IDS } from "../../src/claims/registry.ts";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import { coreZNorm } from "../../src/construction/core/core-znorm.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { bumpRadius } from "../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { GAUSSIAN_WEIGHT } from "../../src/kinetic/z-weight.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";

/**
 * Proposition 3.1 on the pairs with the core: the instantaneous L^∞ brackets against the
 * error-table measures' short-window limit (a second method), the gradient part against the scale
 * separation 100‖φ'‖ (closed form of the profile), Q⁻(f_r,f_b) at t = 0 against A[f_b](0,0,0)
 * integrated independently, and the slot convention of (3.5).
 */

const bump = cutoffByName("bump");
const beamAt = (M: number) => makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), bump, "as-in-proof");

/** max|φ'| of φ(r) = exp(1 − 1/(1 − r²)) from its closed-form derivative, by a fine scan. */
function bumpSlopeMax(): number {
  let best = 0;
  for (let i = 1; i < 200_000; i++) {
    const r = i / 200_000;
    const q = 1 - r * r;
    const d = Math.exp(1 - 1 / q) * ((2 * r) / (q * q));
    best = Math.max(best, d);
  }
  return best;
}

const overlap = (a: readonly [number, number], b: readonly [number, number]) =>
  a[0] <= b[1] && b[0] <= a[1];
const mid = (a: readonly [number, number]) => 0.5 * (a[0] + a[1]);

test("instantaneous L^∞ part of Q∓(f_b,f_r) agrees with the error-table measure's window limit", () => {
  const beam = beamAt(4);
  const t = beam.params.Tstar / 2;
  for (const [sign, term] of [
    ["-", "Q-(fb,fr)"],
    ["+", "Q+(fb,fr)"],
  ] as const) {
    const inst = beamCoreInstantLinf(beam, sign, t).Linf;
    const win = windowLimit(beam, term, "Linf", t);
    assert.ok(overlap(inst, win), `${term}: [${inst}] vs [${win}]`);
    assert.ok(
      Math.abs(mid(inst) - mid(win)) < 0.01 * mid(win),
      `${term}: ${mid(inst)} vs ${mid(win)}`,
    );
    assert.ok(inst[1] - inst[0] < 0.05 * mid(inst), `${term}: bracket too wide [${inst}]`);
  }
});

test("∇L^∞ / L^∞ of the beam–core terms brackets 100‖φ'‖ (the core varies on 1/(100M), f_b on 1/M)", () => {
  const slope = 100 * bumpSlopeMax();
  for (const M of [4, 8]) {
    const beam = beamAt(M);
    for (const t of [1e-4 / M, beam.params.Tstar]) {
      for (const sign of ["-", "+"] as const) {
        const { Linf, gradLinf } = beamCoreInstantLinf(beam, sign, t);
        const lo = gradLinf[0] / Linf[1];
        const hi = gradLinf[1] / Linf[0];
        assert.ok(lo <= slope && slope <= hi, `M=${M} t=${t} Q${sign}: [${lo}, ${hi}] ∌ ${slope}`);
        assert.ok(
          hi - lo < 0.08 * slope,
          `M=${M} t=${t} Q${sign}: ratio bracket [${lo}, ${hi}] too wide`,
        );
      }
    }
  }
});

test("Q⁻(f_r,f_b) at t = 0: left side = A[f_b](0,0,0) × the e^{⟨v⟩²} parts of f_r (A integrated independently)", () => {
  const beam = beamAt(4);
  const { M, s } = beam.params;
  const rho = bumpRadius(beam.bump);
  const phi = (r: number) => (r < 1 ? Math.exp(1 - 1 / (1 - r * r)) : 0);
  // A[f_b](0,0,0) = 2π M^{1−s} Σ_k ∫|u| I_k(u) K_k(0) du = 2π M^{1−s} n ∫|u| I(u) du (K(0) = 1),
  // I(u) = φ(10|a − 1|) φ(|q|/ρ) for u = a e + q: cylindrical coordinates, Gauss–Legendre 80².
  const { nodes, weights } = gaussLegendre(80);
  let I1 = 0;
  for (let i = 0; i < 80; i++) {
    const a = 1 + 0.1 * nodes[i];
    for (let j = 0; j < 80; j++) {
      const q = 0.5 * rho * (1 + nodes[j]);
      I1 +=
        0.1 *
        weights[i] *
        0.5 *
        rho *
        weights[j] *
        2 *
        Math.PI *
        q *
        Math.hypot(a, q) *
        phi(10 * Math.abs(a - 1)) *
        phi(q / rho);
    }
  }
  const A = 2 * Math.PI * M ** (1 - s) * ((M * (M + 1)) / 2) * I1;
  const lhs = coreBeamLoss(beam, 0);
  const fr = coreZNorm(beam, 0, GAUSSIAN_WEIGHT).z.parts;
  for (const part of ["L2", "Linf"] as const) {
    const expected = A * fr[part].value;
    assert.ok(
      lhs[part][0] <= expected * (1 + 1e-6) && expected * (1 - 1e-6) <= lhs[part][1],
      `${part}: [${lhs[part]}] ∌ ${expected}`,
    );
    assert.ok(lhs[part][1] - lhs[part][0] < 0.05 * expected, `${part}: bracket too wide`);
  }
});

test("(3.5) slots: Q⁻(f_r,f_b) puts f_r in the Z slot and f_b in the L^∞ slot", () => {
  const beam = beamAt(4);
  const t = beam.params.Tstar;
  const [r] = corePairRatios(beam, t, [{ term: "Q-(fr,fb)", inequality: "3.5" }]);
  assert.equal(r.zSlot, "fr");
  assert.equal(r.infSlot, "fb");
  const fr = slotNorms(beam, "fr", t);
  const fb = slotNorms(beam, "fb", t);
  assert.ok(Math.abs(r.rhs[1] - fr.Z[1] * fb.inf[1]) <= 1e-12 * r.rhs[1]);
  // the L^∞ slot of f_b is smaller than its whole Z-norm (it is two of its four parts)
  assert.ok(fb.inf[1] < fb.Z[0]);
  assert.ok(r.ratio.value > 0 && r.ratio.error < r.ratio.value);
});

test("claims 3.5-construction and 3.6-construction are registered (opt-in)", () => {
  for (const id of ["3.5-construction", "3.6-construction"]) {
    assert.ok(CLAIM_IDS.includes(id), id);
    assert.ok(!DEFAULT_CLAIM_IDS.includes(id), id);
  }
});
