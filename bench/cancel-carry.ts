/**
 * Where the cancellation's deficits go (src/solvers/particles/deviational.ts, CancellationStats):
 * one replica of the heat (or shear) wave at the settings of `transport --method wave`
 * (Δt = 0.01, κ = 0.05, T = ρ = 1, window [0.8, 1.4] resp. [0.6, 1.2]) on the seed stream
 * `transport --seed 1` uses at this k (replica r), with the cancellation's moments and carry as
 * given; prints one JSON line: the settings, the counters (cubes with a deficit, restored in the
 * cube, in the 3³ / 5³ neighbourhood, carried in key order, how far carries travelled in cube
 * sides), the particles at t₂, the events and the window value, and the CPU seconds.
 *
 *   nice -n 10 npx tsx bench/cancel-carry.ts heat|shear k dv N energy|covariance key-order|neighbours [r]
 */
import { replicaSeed } from "../src/solvers/particles/replica-statistics.ts";
import { type WaveKind, waveModeReplica } from "../src/solvers/particles/wave-mode.ts";

const kind = (process.argv[2] ?? "heat") as WaveKind;
const k = Number(process.argv[3] ?? 0.25);
const dv = Number(process.argv[4] ?? 0.4);
const N = Number(process.argv[5] ?? 20000);
const moments = (process.argv[6] ?? "energy") as "energy" | "covariance";
const carry = (process.argv[7] ?? "key-order") as "key-order" | "neighbours";
const r = Number(process.argv[8] ?? 0);
const heat = kind === "heat";
const t0 = process.cpuUsage();
const q = waveModeReplica(
  {
    kind,
    k,
    T: 1,
    rho: 1,
    particles: N,
    seed: replicaSeed(1, 7919 + Math.round(k * 1e4)),
    dt: 0.01,
    tStart: heat ? 0.8 : 0.6,
    tEnd: heat ? 1.4 : 1.2,
    cancellationBin: dv,
    quantumRatio: 0.05,
    cancellationMoments: moments,
    cancellationCarry: carry,
  },
  r,
);
const cpu = process.cpuUsage(t0);
const c = q.cancellation;
process.stdout.write(
  `${JSON.stringify({
    kind,
    k,
    dv,
    N,
    moments,
    carry,
    replica: r,
    value: q.value,
    finalParticles: q.finalParticles,
    events: q.linearEvents + q.conversions,
    cancelledPairs: q.cancelledPairs,
    unrestored: q.unrestored,
    ...c,
    carriedPerDeficitCube: c.carried / c.deficitCubes,
    meanCarryDistance: c.absorbed > 0 ? c.distanceSum / c.absorbed : 0,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
