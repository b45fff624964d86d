/**
 * Validation 4 in real space: plain DSMC of a shear wave u_y = a sin(kx) in the periodic box of
 * side 2π/k (one wavelength; collision cells are slabs along x) against Navier–Stokes with the
 * literature viscosity. By momentum conservation the wave's amplitude A(t) (sine coefficient of
 * u_y) obeys ρ dA/dt = k F (F the cosine coefficient of the stress P_xy), and Navier–Stokes gives
 * F = −μ k A: so −ρF̄/(kĀ) over a window is the decay rate × ρ/k², to compare with μ = 0.0895681
 * (Pekeris & Alterman's factor over the Chapman–Enskog first approximation, d² = 2), and the
 * decay rate of A itself (least-squares slope of −ln A over [0, 2]) with μk²/ρ. DSMC's own error,
 * the cell size: Δx/ℓ = 0.44 here (ℓ = 0.1125), which raises the effective μ by ≈ 2 % (Alexander,
 * Garcia & Alder, Phys. Fluids 10 (1998) 1540: μ(Δx) = μ(1 + (16/45π)(Δx/ℓ)²), quoted from
 * memory); the tolerance below is 4 standard errors + 3 %, so a result off by more fails, e.g.
 * coarse cells (second test) or the cancellation smearing of a real-space deviational run (decay
 * 0.20 instead of 0.09, docs/particles.md). Amplitude a = 0.3: viscous heating raises T by < 1 %
 * by t = 2 (μ ∝ √T: < 0.5 %).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkRunConfig,
  type ParticleRunConfig,
  runReplica,
} from "../../../src/solvers/particles/particle-run.ts";
import { meanError } from "../../../src/solvers/particles/replica-statistics.ts";
import { waveDecayRate } from "../../../src/solvers/particles/wave-decay-rate.ts";

const MU = 0.0895681;

function config(cells: number, particles: number): ParticleRunConfig {
  const times: number[] = [];
  for (let j = 0; j <= 40; j++) times.push(j * 0.05);
  return checkRunConfig({
    method: "dsmc",
    kernel: "hard-sphere",
    init: "shear-wave",
    particles,
    tEnd: 2,
    dt: 0.01,
    domain: { kind: "periodic", L: 2 * Math.PI, cells, slabs: true },
    times,
    seed: 5,
    beamSpeed: 1,
    beamTemperature: 0.5,
    density: 1,
    temperature: 1,
    bkwK0: 0.7,
    cancellationBin: 0.2,
    waveNumber: 1,
    amplitude: 0.3,
  });
}

/** Per replica: μ̂ = −ρF̄/(kĀ) over [0.5, 2] and the decay rate (least-squares slope of −ln A). */
function measure(c: ParticleRunConfig, R: number) {
  const mus: number[] = [];
  const rates: number[] = [];
  for (let r = 0; r < R; r++) {
    const pts = runReplica(c, r).points;
    let a = 0;
    let f = 0;
    for (const p of pts) {
      if (p.t < 0.5 - 1e-9) continue;
      a += p.waveAmplitude as number;
      f += p.waveFlux as number;
    }
    mus.push(-f / a); // ρ = k = 1
    rates.push(
      waveDecayRate(
        pts.map((p) => p.t),
        pts.map((p) => p.waveAmplitude as number),
        0,
        c.tEnd,
      ),
    );
  }
  if (process.env.SHOW) console.error(JSON.stringify({ mus, rates }));
  return { mu: meanError(mus), rate: meanError(rates) };
}

test("DSMC shear wave in real space (k = 1, a = 0.3, 128 slabs, 4 × 40 000 particles): decay rate and −ρF̄/(kĀ) agree with μk²/ρ and μ", () => {
  const { mu, rate } = measure(config(128, 40000), 4);
  assert.ok(rate.error < 0.1 * MU, `SE too large to test: ${rate.error}`);
  assert.ok(
    Math.abs(rate.mean - MU) < 4 * rate.error + 0.03 * MU,
    `rate ${rate.mean} ± ${rate.error} vs μk²/ρ = ${MU}`,
  );
  assert.ok(Math.abs(rate.mean - 0.2) > 4 * rate.error, `rate ${rate.mean} ± ${rate.error}`);
  assert.ok(
    Math.abs(mu.mean - MU) < 4 * mu.error + 0.03 * MU,
    `μ ${mu.mean} ± ${mu.error} vs ${MU}`,
  );
});

test("the same with 16 slabs (Δx/ℓ = 3.5): the decay is too fast (cell-size error), the kinetic stress ratio is not", () => {
  const { mu, rate } = measure(config(16, 40000), 3);
  // collisions across a wide cell move momentum without a kinetic flux: the wave decays faster
  // than −ρF/(kA) says, so only the decay rate sees the cell-size error
  assert.ok(rate.mean - MU > 4 * rate.error + 0.03 * MU, `rate ${rate.mean} ± ${rate.error}`);
  assert.ok(Math.abs(mu.mean - MU) < 4 * mu.error + 0.03 * MU, `μ ${mu.mean} ± ${mu.error}`);
});
