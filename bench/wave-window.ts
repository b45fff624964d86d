/**
 * The averaging window of the wave method (src/solvers/particles/wave-mode.ts): from R replicas
 * run to a long t_end (each replica's series of amplitude, flux, cumulative events and particle
 * count appended to a JSONL file; a rerun resumes), the estimate −ρF̄/(kĀ) over several windows
 * [t₁, t₂] of the *same* replicas, with its per-replica relative standard deviation and the work to
 * a 1 % standard error, events(t₂) × (relative SD / 1 %)². Also the pointwise ratio −ρF(t)/(kA(t))
 * of the replica means (the flux's relaxation to its constitutive value: a window that starts too
 * early is biased low).
 *
 *   nice -n 10 npx tsx bench/wave-window.ts shear|heat k particles dv replicas tEnd FILE.jsonl
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { meanError } from "../src/solvers/particles/replica-statistics.ts";
import { type WaveKind, waveModeReplica } from "../src/solvers/particles/wave-mode.ts";

const kind = (process.argv[2] ?? "shear") as WaveKind;
const k = Number(process.argv[3] ?? 0.5);
const N = Number(process.argv[4] ?? 5000);
const dv = Number(process.argv[5] ?? 0.2);
const R = Number(process.argv[6] ?? 12);
const tEnd = Number(process.argv[7] ?? 2.4);
const file = process.argv[8] ?? `wave-window-${kind}.jsonl`;

interface Series {
  replica: number;
  t: number[];
  amplitude: number[];
  flux: number[];
  events: number[];
  particleCounts: number[];
}
const done: Series[] = existsSync(file)
  ? readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Series)
  : [];
for (let r = 0; r < R; r++) {
  if (done.some((s) => s.replica === r)) continue;
  const q = waveModeReplica(
    {
      kind,
      k,
      T: 1,
      rho: 1,
      particles: N,
      seed: 11,
      dt: 0.01,
      tStart: Math.min(0.5, tEnd / 2),
      tEnd,
      cancellationBin: dv,
      quantumRatio: 0.05,
    },
    r,
  );
  const s: Series = {
    replica: r,
    t: q.t,
    amplitude: q.amplitude,
    flux: q.flux,
    events: q.events,
    particleCounts: q.particleCounts,
  };
  appendFileSync(file, `${JSON.stringify(s)}\n`);
  done.push(s);
}
const reps = done.filter((s) => s.replica < R);
const ts = reps[0].t;
const idx = (t: number) => ts.findIndex((x) => x >= t - 1e-9);
const estimate = (s: Series, t1: number, t2: number) => {
  let a = 0;
  let f = 0;
  for (let j = idx(t1); j <= idx(t2); j++) {
    a += s.amplitude[j];
    f += s.flux[j];
  }
  return -f / (k * a); // ρ = 1
};
const windows: [number, number][] = [];
for (const t1 of [0.3, 0.4, 0.6, 0.8, 1.0])
  for (const t2 of [1.2, 1.4, 1.8, 2.4, tEnd])
    if (t2 > t1 + 0.2 && t2 <= tEnd && !windows.some((w) => w[0] === t1 && w[1] === t2))
      windows.push([t1, t2]);
const rows = windows.map(([t1, t2]) => {
  const v = reps.map((s) => estimate(s, t1, t2));
  const me = meanError(v);
  const relSD = (me.error * Math.sqrt(v.length)) / me.mean;
  const events = meanError(reps.map((s) => s.events[idx(t2)])).mean;
  return {
    t1,
    t2,
    value: me.mean,
    error: me.error,
    relSD,
    eventsToT2: events,
    eventsFor1Percent: events * (relSD / 0.01) ** 2,
  };
});
const curve = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0, 2.4]
  .filter((t) => t <= tEnd)
  .map((t) => {
    const j = idx(t);
    const a = meanError(reps.map((s) => s.amplitude[j])).mean;
    const f = meanError(reps.map((s) => s.flux[j])).mean;
    return {
      t,
      ratio: -f / (k * a),
      particles: meanError(reps.map((s) => s.particleCounts[j])).mean,
      events: meanError(reps.map((s) => s.events[j])).mean,
    };
  });
console.log(
  JSON.stringify({
    benchmark: "wave-method averaging windows from the same replicas",
    kind,
    k,
    particles: N,
    cancellationBin: dv,
    replicas: reps.length,
    tEnd,
    windows: rows,
    curve,
  }),
);
