/**
 * Shear and heat waves of the linearized equation (src/solvers/particles/wave-mode.ts): the sampled
 * initial modes against their Gaussian moments, and a short, cheap shear-wave run whose mode decays
 * at the Navier–Stokes rate μk²/ρ and whose stress/gradient ratio is μ, against the literature value
 * (Chapman–Cowling × Pekeris–Alterman ratio, converted by hand: μ = 1.016034·(5/32)/√π =
 * 0.0895681 at T = ρ = 1). The 1 % figures are `boltzlab transport` runs (docs/particles.md).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { meanError } from "../../../src/solvers/particles/replica-statistics.ts";
import {
  heatWaveMass,
  sampleWaveDatum,
  waveModeReplica,
} from "../../../src/solvers/particles/wave-mode.ts";

test("∫|½|c|² − 5/2| M₁ = 1.3886548395 (scipy quad of √(2/π)∫r²|r²/2 − 5/2|e^{−r²/2}dr)", () => {
  // python3: quad of that integrand on [0, √5] and [√5, ∞) = 1.388654839502858
  assert.ok(Math.abs(heatWaveMass() - 1.388654839502858) < 1e-12, `${heatWaveMass()}`);
});

test("the sampled modes: ∫ v_y² (v_y/T)M = ρT and ∫ ½|v|²(|v|²/(2T) − 5/2)M = 0, ∫(|v|²/(2T) − 5/2)M = −ρ", () => {
  const N = 100000;
  const T = 1.3;
  const rho = 0.9;
  const sh = sampleWaveDatum("shear", N, 3, rho, T).particles;
  const ys: number[] = [];
  for (let i = 0; i < N; i++) ys.push(N * sh.w[i] * sh.v[3 * i + 1]);
  let me = meanError(ys);
  assert.ok(Math.abs(me.mean - rho) < 4 * me.error, `${me.mean} ± ${me.error}`);
  const ht = sampleWaveDatum("heat", N, 4, rho, T).particles;
  const es: number[] = [];
  const ns: number[] = [];
  for (let i = 0; i < N; i++) {
    const q = ht.v[3 * i] ** 2 + ht.v[3 * i + 1] ** 2 + ht.v[3 * i + 2] ** 2;
    es.push(N * ht.w[i] * 0.5 * q);
    ns.push(N * ht.w[i]);
  }
  me = meanError(es);
  assert.ok(Math.abs(me.mean) < 4 * me.error, `energy ${me.mean} ± ${me.error}`);
  me = meanError(ns);
  assert.ok(Math.abs(me.mean + rho) < 4 * me.error, `mass ${me.mean} ± ${me.error}`);
});

test("a short shear wave (k = 1) decays at μk²/ρ and its stress/gradient ratio is μ, within 4 SE", () => {
  // cheap settings (cancellation cubes δv = 0.5, 4 replicas of 2000 particles); the O((kℓ)²) Burnett
  // shift at k = 1 (≈ 1–2 %) is below the resolution here. The real-space try with cancellation
  // across x within a cell decayed at ≈ 0.20, which this excludes by many standard errors.
  const mu = 0.0895681;
  const k = 1;
  const values: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < 4; r++) {
    const q = waveModeReplica(
      {
        kind: "shear",
        k,
        T: 1,
        rho: 1,
        particles: 2000,
        seed: 17,
        dt: 0.01,
        tStart: 0.5,
        tEnd: 1.1,
        cancellationBin: 0.5,
        quantumRatio: 0.1,
        representation: "global",
      },
      r,
    );
    values.push(q.value);
    rates.push(q.decayRate);
    assert.equal(q.unrestored, 0);
  }
  const v = meanError(values);
  const g = meanError(rates);
  assert.ok(Math.abs(v.mean - mu) < 4 * v.error, `μ(k) ${v.mean} ± ${v.error}`);
  assert.ok(v.error < 0.06 * mu, `μ(k) standard error ${v.error}`);
  assert.ok(Math.abs(g.mean - mu * k * k) < 4 * g.error, `rate ${g.mean} ± ${g.error}`);
  assert.ok(g.error < 0.3 * mu * k * k, `rate standard error ${g.error}`);
});
