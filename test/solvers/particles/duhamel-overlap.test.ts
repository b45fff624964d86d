/**
 * The pieces of solvers/particles/duhamel-overlap.ts against closed forms: the crossing interval of a
 * characteristic and a ball (against a scan), the Gauss–Legendre Duhamel integral (exact for a
 * polynomial integrand), the per-replica linear functional of a synthetic source whose Duhamel
 * integral is known in closed form (signs, quantum, free transport to t), and the U-statistic of the
 * one-function projection (the identity Σ_{r≠s} L_r L_s = (ΣL)² − ΣL²).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RuleError } from "../../../src/math/errors.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import {
  characteristicBallInterval,
  duhamelIntegral,
  selfProjection,
  termOverlaps,
  termOverlapVectors,
  zWeight,
} from "../../../src/solvers/particles/duhamel-overlap.ts";
import type { SourceTerm } from "../../../src/solvers/particles/paper-backgrounds/termed-source.ts";

test("characteristicBallInterval: the τ with |x − (t − τ)v − c| < R, against a scan", () => {
  const rand = seededUniform(3);
  const iv = new Float64Array(2);
  let hits = 0;
  for (let k = 0; k < 200; k++) {
    const v = [0, 1, 2].map(() => 4 * rand() - 2);
    const c = [0, 1, 2].map(() => 0.5 * rand() - 0.25);
    const R = 0.1 + 0.4 * rand();
    const t0 = 0.2 * rand();
    const t = t0 + rand();
    // aim at the ball near a random time in a wider window, off by up to 0.6 per axis
    const aim = t0 - 0.3 + (t - t0 + 0.6) * rand();
    const x = [0, 1, 2].map((d) => c[d] + (t - aim) * v[d] + 1.2 * rand() - 0.6);
    const ok = characteristicBallInterval(x, v, t0, t, c, R, iv);
    if (ok) hits++;
    for (let i = 0; i <= 400; i++) {
      const tau = Math.min(t, t0 + ((t - t0) * i) / 400);
      const d = Math.hypot(
        x[0] - (t - tau) * v[0] - c[0],
        x[1] - (t - tau) * v[1] - c[1],
        x[2] - (t - tau) * v[2] - c[2],
      );
      const inside = ok && tau >= iv[0] && tau <= iv[1];
      // away from the boundary (1e-9 in distance) the scan and the interval agree
      if (Math.abs(d - R) > 1e-9) assert.equal(inside, d < R, `k=${k} τ=${tau} d=${d} R=${R}`);
    }
    if (ok) assert.ok(iv[0] >= t0 && iv[1] <= t && iv[1] > iv[0]);
  }
  assert.ok(hits > 20 && hits < 200, `${hits} of 200 characteristics meet the ball`);
  // v = 0: the whole window or nothing
  assert.equal(characteristicBallInterval([0.1, 0, 0], [0, 0, 0], 0, 1, [0, 0, 0], 0.2, iv), true);
  assert.deepEqual([...iv], [0, 1]);
  assert.equal(characteristicBallInterval([0.3, 0, 0], [0, 0, 0], 0, 1, [0, 0, 0], 0.2, iv), false);
});

test("duhamelIntegral: exact for a polynomial in τ of degree ≤ 2n − 1", () => {
  const x = [0.3, -0.2, 0.5];
  const v = [1.5, 0.25, -2];
  const a = [0.7, -1.1, 0.4];
  const t = 0.9;
  // F = a·y + τ³ at y = x − (t − τ)v: ∫_α^β = (a·x − t a·v)(β − α) + a·v(β² − α²)/2 + (β⁴ − α⁴)/4
  const F = (tau: number, y: Float64Array) => a[0] * y[0] + a[1] * y[1] + a[2] * y[2] + tau ** 3;
  const ax = a[0] * x[0] + a[1] * x[1] + a[2] * x[2];
  const av = a[0] * v[0] + a[1] * v[1] + a[2] * v[2];
  const [lo, hi] = [0.1, 0.8];
  const exact =
    (ax - t * av) * (hi - lo) + (av * (hi ** 2 - lo ** 2)) / 2 + (hi ** 4 - lo ** 4) / 4;
  const got = duhamelIntegral(F, x, v, t, lo, hi, 2);
  assert.ok(Math.abs(got - exact) < 1e-14 * Math.abs(exact) + 1e-15, `${got} vs ${exact}`);
  assert.equal(duhamelIntegral(F, x, v, t, hi, lo, 4), 0, "an empty interval integrates to 0");
  // ω = ⟨v⟩e^{⟨v⟩²}
  assert.equal(zWeight([0, 0, 0]), Math.E);
  assert.ok(Math.abs(zWeight([1, 1, 0]) - Math.sqrt(3) * Math.exp(3)) < 1e-13);
});

/**
 * A source with a closed-form Duhamel integral: S(τ, x, v) = s(x₁) on the unit cube, v uniform on
 * the unit ball B around b = (1, 0, 0) (density 1/|B|), s = +1 for x₁ > 1/2 (label 1), −1 for x₁ < 1/2
 * (label 1), and a second label (2) on every third proposal that must be ignored. Proposal rate 3/2
 * per unit time (labels 1 and 2 in proportion 2 : 1), so label 1 has mass rate 1 exactly.
 */
function cubeSource(): SourceTerm {
  return {
    name: "cube",
    labels: ["cube", "decoy"],
    rate: () => 1.5,
    propose(t0, t1, rand, _normal, out) {
      out[0] = t0 + (t1 - t0) * rand();
      for (let d = 0; d < 3; d++) out[1 + d] = rand();
      for (;;) {
        const u = [2 * rand() - 1, 2 * rand() - 1, 2 * rand() - 1];
        if (u[0] ** 2 + u[1] ** 2 + u[2] ** 2 < 1) {
          out[4] = 1 + u[0];
          out[5] = u[1];
          out[6] = u[2];
          break;
        }
      }
      if (rand() < 1 / 3) return 2;
      return out[1] > 0.5 ? 1 : -1;
    },
  };
}

test("termOverlaps: L = Σ w φ(X, V) of one label, transported to t, unbiased (closed form)", () => {
  const t0 = 0.2;
  const t = 0.7;
  const term = cubeSource();
  // φ = x₁ at time t: X₁ = x₁ + (t − τ)V₁, E V₁ = 1, so
  // E L = ∫_{t0}^{t} dτ ∫ s(x₁)(x₁ + (t − τ)) dx = (t − t0)·(3/8 − 1/8) + 0 = (t − t0)/4
  // (the (t − τ) part has ∫ s = 0)
  const settings = { label: 1, t0, t, replicas: 12, proposals: 20000, seed: 5 };
  const lin = termOverlaps(term, settings, (x) => x[0]);
  const p = selfProjection(lin.values);
  assert.ok(Math.abs(p.overlap.value - (t - t0) / 4) < 4 * p.overlap.error, `${p.overlap.value}`);
  assert.ok(p.overlap.error < 0.02 * ((t - t0) / 4));
  assert.ok(Math.abs(lin.meanPoints - (2 / 3) * 20000) < 300, `${lin.meanPoints} label-1 points`);
  // the signs: with φ = 1 each replica's L is the quantum × (#(+) − #(−)), and E L = ∫ s = 0
  const back = termOverlaps(term, settings, () => 1);
  const q = (1.5 * (t - t0)) / 20000;
  for (const L of back.values) assert.ok(Math.abs(L / q - Math.round(L / q)) < 1e-6);
  const mass = selfProjection(back.values);
  assert.ok(Math.abs(mass.overlap.value) < 4 * mass.overlap.error + 1e-12, "signed mass is 0");
  // same seed, same bits; and the vector form carries the same functional in its first column
  const again = termOverlaps(term, settings, (x) => x[0]);
  assert.deepEqual([...again.values], [...lin.values]);
  const vec = termOverlapVectors(term, settings, 2, (x, _v, out) => {
    out[0] = x[0];
    out[1] = 1;
  });
  assert.deepEqual(
    vec.values.map((c) => c[0]),
    [...lin.values],
  );
  assert.deepEqual(
    vec.values.map((c) => c[1]),
    [...back.values],
  );
  assert.throws(() => termOverlapVectors(term, settings, 0, () => {}), RuleError);
  assert.throws(() => termOverlaps(term, { ...settings, t: t0 }, () => 1), RuleError);
  assert.throws(() => termOverlaps(term, { ...settings, replicas: 0 }, () => 1), RuleError);
});

test("selfProjection: mean, the r ≠ s U-statistic, the normalised projection and U^{1/4}", () => {
  const L = Float64Array.of(1.1, 0.9, 1.3, 0.7, 1.0, 1.05);
  const R = L.length;
  const sum = L.reduce((a, b) => a + b, 0);
  const sq = L.reduce((a, b) => a + b * b, 0);
  const U = (sum * sum - sq) / (R * (R - 1));
  const p = selfProjection(L, 2);
  assert.ok(Math.abs(p.overlap.value - sum / R) < 1e-15);
  assert.ok(Math.abs(p.uStatistic.value - U) < 1e-14);
  assert.ok(U < (sum / R) ** 2, "the plug-in square is biased upward by the diagonal");
  assert.ok(Math.abs((p.projection?.value ?? 0) - U / 2) < 1e-14);
  assert.ok(Math.abs(p.norm.value - U ** 0.25) < 1e-14);
  assert.ok(p.norm.error > 0 && p.uStatistic.error > 0);
  assert.equal(selfProjection(L).projection, null);
  assert.throws(() => selfProjection([1, 2]), RuleError);
});
