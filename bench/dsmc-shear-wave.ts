/**
 * Plain DSMC of a shear wave in real space (validation 4 without the mode solver): u_y = a sin(kx)
 * in the periodic box of side 2π/k, collision cells n slabs along x, hard spheres, ρ = T = 1. Per
 * slab count: the decay rate of the wave (least-squares slope of −ln A(t), A the sine coefficient
 * of u_y, over [0, t_end]) and the kinetic-stress ratio −ρF̄/(kĀ) over [0.5, t_end] (F the cosine
 * coefficient of P_xy), mean ± standard error over replicas; then the weighted fit of the decay
 * rate × ρ/k² against (Δx/ℓ)² (ℓ = 0.1125, the mean free path of d² = 2 spheres at ρ = 1), whose
 * intercept is the DSMC viscosity at Δx → 0, to compare with μ = 0.0895681 (literature).
 *
 *   nice -n 10 npx tsx bench/dsmc-shear-wave.ts [slabs=64,128,256] [particles=80000] [replicas=8] [tEnd=3] [k=1] [a=0.3]
 */

import { checkRunConfig, runReplica } from "../src/solvers/particles/particle-run.ts";
import { meanError } from "../src/solvers/particles/replica-statistics.ts";
import { waveDecayRate } from "../src/solvers/particles/wave-decay-rate.ts";

const slabs = (process.argv[2] ?? "64,128,256").split(",").map(Number);
const N = Number(process.argv[3] ?? 80000);
const R = Number(process.argv[4] ?? 8);
const tEnd = Number(process.argv[5] ?? 3);
const k = Number(process.argv[6] ?? 1);
const amp = Number(process.argv[7] ?? 0.3);
const MU = 0.0895681;
const ELL = 1 / (Math.SQRT2 * Math.PI * 2);
const L = (2 * Math.PI) / k;

const rows = slabs.map((cells) => {
  const times: number[] = [];
  const steps = Math.round(tEnd / 0.05);
  for (let j = 0; j <= steps; j++) times.push(j * 0.05);
  const c = checkRunConfig({
    method: "dsmc",
    kernel: "hard-sphere",
    init: "shear-wave",
    particles: N,
    tEnd,
    dt: 0.01,
    domain: { kind: "periodic", L, cells, slabs: true },
    times,
    seed: 17,
    beamSpeed: 1,
    beamTemperature: 0.5,
    density: 1,
    temperature: 1,
    bkwK0: 0.7,
    cancellationBin: 0.2,
    waveNumber: k,
    amplitude: amp,
  });
  const t0 = performance.now();
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
    const t = pts.map((p) => p.t);
    const amplitude = pts.map((p) => p.waveAmplitude as number);
    rates.push(waveDecayRate(t, amplitude, 0, tEnd) / (k * k)); // × ρ/k², ρ = 1
    mus.push(-f / (k * a));
  }
  const rate = meanError(rates);
  const mu = meanError(mus);
  const dx = L / cells / ELL;
  return {
    slabs: cells,
    dxOverMeanFreePath: dx,
    decayRateOverK2: rate.mean,
    decayRateOverK2Error: rate.error,
    kineticRatio: mu.mean,
    kineticRatioError: mu.error,
    alexanderGarciaAlder: MU * (1 + (16 / (45 * Math.PI)) * dx * dx),
    seconds: (performance.now() - t0) / 1000,
  };
});
// weighted fit rate/k² = μ₀ + c (Δx/ℓ)²
let S = 0;
let Sx = 0;
let Sy = 0;
let Sxx = 0;
let Sxy = 0;
for (const r of rows) {
  const w = 1 / r.decayRateOverK2Error ** 2;
  const x = r.dxOverMeanFreePath ** 2;
  S += w;
  Sx += w * x;
  Sy += w * r.decayRateOverK2;
  Sxx += w * x * x;
  Sxy += w * x * r.decayRateOverK2;
}
const D = S * Sxx - Sx * Sx;
const mu0 = (Sxx * Sy - Sx * Sxy) / D;
console.log(
  JSON.stringify({
    benchmark: "DSMC shear wave in real space: decay rate × ρ/k² against the slab width",
    k,
    amplitude: amp,
    particles: N,
    replicas: R,
    tEnd,
    rows,
    fit: {
      mu0,
      error: Math.sqrt(Sxx / D),
      slopePerDx2: (S * Sxy - Sx * Sy) / D,
      literature: MU,
      deviation: (mu0 - MU) / MU,
      aga: (16 / (45 * Math.PI)) * MU,
    },
  }),
);
