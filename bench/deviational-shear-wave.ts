/**
 * Real-space deviational shear (or heat) wave about the global Maxwellian against Navier–Stokes
 * and against the one-mode wave method at the same k and δv (validation 4 in real space,
 * docs/particles.md). Per slab count: the linearized datum a sin(kx)φ₀ as ±ε particles in the
 * periodic box of side 2π/k, collision/cancellation cells = slabs along x, deviational solver with
 * Q(f_δ, f_δ) omitted; per replica the least-squares slope of −ln A(t) over [t₁, t_end] (A the
 * sine amplitude, outputs every 0.05), and the flux/gradient ratio μ(k) resp. λ(k) over the same
 * window (flux-gradient-ratio.ts); mean ± SE over replicas. Then the weighted fits of the rate and
 * of the ratio against the slab width h = L/slabs, a + b h and a + c h² (the cancellation moves
 * mode content by O(h): see the docs for which law the data prefer), and in the same run the wave
 * method (wave-mode.ts, 2000 + … particles, κ = 0.05) at the same k, δv and window: the same linear
 * physics by an independent code path. ρ = T = 1, hard spheres; μk²/ρ with μ = 0.0895681,
 * λ = 0.3389164. Each slab row goes to stderr as one JSON line as it finishes (per-replica values
 * included, for pooling seeds); the summary to stdout.
 *
 *   nice -n 10 npx tsx bench/deviational-shear-wave.ts [kind=shear] [slabs=32,64,128] [particles=4000]
 *       [replicas=8] [dv=0.5] [tEnd=2] [t1=0.5] [k=1] [modeParticles=2000] [seed=1] [modeReplicas=replicas]
 */
import { checkRunConfig } from "../src/solvers/particles/particle-run.ts";
import { meanError } from "../src/solvers/particles/replica-statistics.ts";
import { realSpaceWaveDecay, waveDecayRate } from "../src/solvers/particles/wave-decay-rate.ts";
import { waveModeReplica } from "../src/solvers/particles/wave-mode.ts";

const kind = (process.argv[2] ?? "shear") as "shear" | "heat";
const slabs = (process.argv[3] ?? "32,64,128").split(",").map(Number);
const N = Number(process.argv[4] ?? 4000);
const R = Number(process.argv[5] ?? 8);
const modeR = Number(process.argv[12] ?? R);
const dv = Number(process.argv[6] ?? 0.5);
const tEnd = Number(process.argv[7] ?? 2);
const t1 = Number(process.argv[8] ?? 0.5);
const k = Number(process.argv[9] ?? 1);
const modeN = Number(process.argv[10] ?? 2000);
const seed = Number(process.argv[11] ?? 1);
const MU = 0.0895681;
const LAMBDA = 0.3389164;
const L = (2 * Math.PI) / k;
const times: number[] = [];
for (let j = 0; j <= Math.round(tEnd / 0.05); j++) times.push(j * 0.05);

const rows: {
  slabs: number;
  h: number;
  rate: number;
  rateError: number;
  value: number;
  valueError: number;
  values: number[];
  finalParticles: number;
  eventsPerReplica: number;
  seconds: number;
}[] = [];
for (const cells of slabs) {
  const c = checkRunConfig({
    method: "deviational",
    kernel: "hard-sphere",
    init: kind === "shear" ? "shear-wave" : "heat-wave",
    particles: N,
    tEnd,
    dt: 0.01,
    domain: { kind: "periodic", L, cells, slabs: true },
    times,
    seed,
    beamSpeed: 1,
    beamTemperature: 0.5,
    density: 1,
    temperature: 1,
    bkwK0: 0.7,
    cancellationBin: dv,
    quadratic: "omit",
    waveNumber: k,
    amplitude: 0.1,
  });
  const t0 = performance.now();
  const d = realSpaceWaveDecay(c, R, t1, tEnd);
  const row = {
    slabs: cells,
    h: L / cells,
    rate: d.rate,
    rateError: d.rateError,
    value: d.value,
    valueError: d.valueError,
    values: d.values,
    finalParticles: d.finalParticles,
    eventsPerReplica: d.eventsPerReplica,
    seconds: (performance.now() - t0) / 1000,
  };
  console.error(
    JSON.stringify({ kind, k, dv, seed, particles: N, replicas: R, window: [t1, tEnd], ...row }),
  );
  rows.push(row);
}

function fit(p: number, key: "rate" | "value" = "rate") {
  const err = key === "rate" ? "rateError" : "valueError";
  let S = 0;
  let Sx = 0;
  let Sy = 0;
  let Sxx = 0;
  let Sxy = 0;
  for (const r of rows) {
    const w = 1 / r[err] ** 2;
    const x = r.h ** p;
    S += w;
    Sx += w * x;
    Sy += w * r[key];
    Sxx += w * x * x;
    Sxy += w * x * r[key];
  }
  const D = S * Sxx - Sx * Sx;
  const a = (Sxx * Sy - Sx * Sxy) / D;
  const b = (S * Sxy - Sx * Sy) / D;
  let chi2 = 0;
  for (const r of rows) chi2 += ((r[key] - a - b * r.h ** p) / r[err]) ** 2;
  return {
    of: key,
    law: `a + b h^${p}`,
    a,
    error: Math.sqrt(Sxx / D),
    b,
    bError: Math.sqrt(S / D),
    chi2,
  };
}

const t0 = performance.now();
const modeRates: number[] = [];
const modeValues: number[] = [];
for (let r = 0; r < modeR; r++) {
  const m = waveModeReplica(
    {
      kind,
      k,
      T: 1,
      rho: 1,
      particles: modeN,
      seed,
      dt: 0.01,
      tStart: t1,
      tEnd,
      cancellationBin: dv,
      quantumRatio: 0.05,
    },
    r,
  );
  modeRates.push(waveDecayRate(m.t, m.amplitude, t1, tEnd));
  modeValues.push(m.value);
}
const mode = meanError(modeRates);
const modeValue = meanError(modeValues);
console.log(
  JSON.stringify({
    benchmark: `real-space deviational ${kind} wave: decay rate against the slab width`,
    k,
    particles: N,
    replicas: R,
    cancellationBin: dv,
    window: [t1, tEnd],
    navierStokes: kind === "shear" ? MU * k * k : null,
    literature: kind === "shear" ? MU : LAMBDA,
    rows,
    fits: rows.length >= 2 ? [fit(1), fit(2), fit(1, "value"), fit(2, "value")] : [],
    waveMethod: {
      rate: mode.mean,
      error: mode.error,
      value: modeValue.mean,
      valueError: modeValue.error,
      replicas: modeR,
      particles: modeN,
      seconds: (performance.now() - t0) / 1000,
    },
  }),
);
