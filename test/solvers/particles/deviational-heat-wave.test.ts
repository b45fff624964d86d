/**
 * Validation 4 in real space for the heat wave, deviational around the global Maxwellian: the
 * linearized heat wave a sin(kx)(|v|²/(2T) − 5/2)M (constant pressure) as ±ε particles in the
 * periodic box of side 2π/k (k = 1, ρ = T = 1, hard spheres), collision and cancellation cells =
 * slabs along x, Q(f_δ, f_δ) omitted. The estimator is Fourier's law read off the Fourier mode,
 * λ(k) = −Q̄_c/(k δT̄_s) over the window [0.8, 2] after the heat flux has relaxed
 * (flux-gradient-ratio.ts; docs/particles.md, "The real-space flux/gradient estimators").
 *
 * What is asserted and where each allowance comes from:
 * - slab independence: the slab bias of the ratio is derived (bench/slab_bias.py, relaxation-time
 *   approximation of L, cancellation = upwind-like x-diffusion D(v) ≤ |v_x| h/2) to be at most
 *   0.155 h k² of λ; λ at 8 and at 32 slabs must agree within 4 SE + that bound. The bound is
 *   used as an allowance that the measurements support for this setting, not as a proven bound:
 *   the heat wave's measured slope at δv = 1 is −0.011 ± 0.027 of λ per unit h (inside it),
 *   but the same model underestimates the shear wave's slope 15-fold (docs/particles.md);
 * - control (must fail the same assertion): the decay-rate estimate ρc_p·rate/k² of the same runs
 *   (its slab bias is first order in h with the full D, and the acoustic transient enters it);
 * - control: carrying cancellation deficits across slabs (restoration "global") wrecks λ;
 * - level: λ at δv = 1 lies below the literature λ = 0.3389164 by the real-space cancellation-cube
 *   bias, measured, not derived (bench: −21.5 ± 1.3 % at 32 slabs, 20 replicas; the one-mode wave
 *   method's at the same δv is −6.2 ± 1.4 %): required within [−35 %, +4 SE].
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { deviationalAdvance, makeDeviational } from "../../../src/solvers/particles/deviational.ts";
import { fluxGradientRatio } from "../../../src/solvers/particles/flux-gradient-ratio.ts";
import { globalMaxwellian } from "../../../src/solvers/particles/global-maxwellian.ts";
import { HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";
import {
  checkRunConfig,
  type ParticleRunConfig,
} from "../../../src/solvers/particles/particle-run.ts";
import { meanError, replicaSeed } from "../../../src/solvers/particles/replica-statistics.ts";
import { realSpaceWaveDecay } from "../../../src/solvers/particles/wave-decay-rate.ts";
import {
  sampleWaveDeviation,
  waveAmplitudes,
} from "../../../src/solvers/particles/wave-initial-particles.ts";

const LAMBDA = 0.3389164;
const L = 2 * Math.PI;
/** Derived bound of the ratio's relative slab bias per unit h k² (bench/slab_bias.py, c ≤ 1/2). */
const SLAB_BOUND = 0.155;
const T1 = 0.8;
const T2 = 2;

function config(slabs: number, particles: number): ParticleRunConfig {
  const times: number[] = [];
  for (let j = 0; j <= Math.round(T2 / 0.05); j++) times.push(j * 0.05);
  return checkRunConfig({
    method: "deviational",
    kernel: "hard-sphere",
    init: "heat-wave",
    particles,
    tEnd: T2,
    dt: 0.01,
    domain: { kind: "periodic", L, cells: slabs, slabs: true },
    times,
    seed: 5,
    beamSpeed: 1,
    beamTemperature: 0.5,
    density: 1,
    temperature: 1,
    bkwK0: 0.7,
    cancellationBin: 1,
    quadratic: "omit",
    waveNumber: 1,
    amplitude: 0.1,
  });
}

test("real-space deviational heat wave (k = 1, δv = 1): λ(k) by Fourier's law is the same at 8 and 32 slabs within the derived slab bound; the decay rate is not (control)", () => {
  const r8 = realSpaceWaveDecay(config(8, 10000), 8, T1, T2);
  const r32 = realSpaceWaveDecay(config(32, 10000), 8, T1, T2);
  if (process.env.SHOW)
    console.error(JSON.stringify({ r8: [r8.values, r8.rates], r32: [r32.values, r32.rates] }));
  const allowance = SLAB_BOUND * (L / 8 - L / 32) * LAMBDA;
  const se = Math.hypot(r8.valueError, r32.valueError);
  assert.ok(se < 0.06 * LAMBDA, `SE too large to test: ${se}`);
  assert.ok(
    Math.abs(r8.value - r32.value) < 4 * se + allowance,
    `λ(8 slabs) = ${r8.value} ± ${r8.valueError}, λ(32) = ${r32.value} ± ${r32.valueError}`,
  );
  // level: below the literature by the measured real-space cube bias at δv = 1 (header)
  assert.ok(
    r32.value > 0.65 * LAMBDA && r32.value < LAMBDA + 4 * r32.valueError,
    `λ(32 slabs) = ${r32.value} ± ${r32.valueError} against ${LAMBDA}`,
  );
  // control: the same slab-independence assertion on the decay rate's estimate ρ c_p rate/k²
  const cp = 2.5;
  const seRate = cp * Math.hypot(r8.rateError, r32.rateError);
  assert.ok(
    Math.abs(cp * (r8.rate - r32.rate)) > 4 * seRate + allowance,
    `decay-rate estimates ${cp * r8.rate} ± ${cp * r8.rateError} (8 slabs), ${cp * r32.rate} ± ${cp * r32.rateError} (32)`,
  );
});

test("control: carrying cancellation deficits across slabs (restoration: global) wrecks Fourier's λ(k)", () => {
  const datum = { kind: "heat" as const, k: 1, amplitude: 0.1, rho: 1, T: 1 };
  const values: number[] = [];
  for (let r = 0; r < 2; r++) {
    const { particles: p, epsilon } = sampleWaveDeviation(
      datum,
      5000,
      seededUniform(replicaSeed(11, 2 * r)),
    );
    const s = makeDeviational(
      p,
      {
        background: globalMaxwellian(1, 1, HARD_SPHERE),
        domain: { kind: "periodic", L, cells: 32, slabs: true },
        dt: 0.01,
        epsilon,
        cancellationBin: 1,
        quadratic: "omit",
        restoration: "global",
      },
      seededUniform(replicaSeed(11, 2 * r + 1)),
    );
    const t: number[] = [];
    const a: number[] = [];
    const f: number[] = [];
    for (let j = 0; j <= 30; j++) {
      deviationalAdvance(s, j * 0.05);
      const q = waveAmplitudes(datum, p);
      t.push(j * 0.05);
      a.push(q.amplitude);
      f.push(q.flux);
    }
    values.push(fluxGradientRatio(t, a, f, 1, T1, 1.5));
  }
  const { mean, error } = meanError(values);
  if (process.env.SHOW) console.error(JSON.stringify({ global: values }));
  assert.ok(LAMBDA - mean > 4 * error + 0.5 * LAMBDA, `global carry: λ = ${mean} ± ${error}`);
});
