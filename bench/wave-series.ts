/**
 * Per-replica time series of the wave method (src/solvers/particles/wave-mode.ts) at the settings of
 * `transport --method wave` (Δt = 0.01, κ = 0.05, N = 20 000, T = ρ = 1), run on to a later t_end
 * (the series up to the table's t₂ is unchanged by a later t_end: the steps are sequential).
 * SEED is either a raw stream number S (replica r uses waveModeReplica's streams of seed S: replicas
 * independent of every `transport` run) or `cli:S`, the stream `transport --seed S` uses at this k
 * (replicaSeed(S, 7919 + round(10⁴k)), src/solvers/particles/wave-transport.ts), whose window values
 * reproduce that command's replicas. Appends one JSON line per replica (t, amplitude δT_s resp. U_s,
 * flux, events, particle count, and the window value over [t₁, t₂]) and resumes; the analysis is
 * bench/wave_series.py.
 *
 *   nice -n 10 npx tsx bench/wave-series.ts heat|shear k dv SEED "r0,r1,…" tEnd FILE.jsonl [t₁ t₂]
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { replicaSeed } from "../src/solvers/particles/replica-statistics.ts";
import { type WaveKind, waveModeReplica } from "../src/solvers/particles/wave-mode.ts";

const kind = (process.argv[2] ?? "heat") as WaveKind;
const k = Number(process.argv[3] ?? 0.5);
const dv = Number(process.argv[4] ?? 0.2);
const seedArg = process.argv[5] ?? "1";
const seed = seedArg.startsWith("cli:")
  ? replicaSeed(Number(seedArg.slice(4)), 7919 + Math.round(k * 1e4))
  : Number(seedArg);
const reps = (process.argv[6] ?? "0").split(",").map(Number);
const tEnd = Number(process.argv[7] ?? 2);
const file = process.argv[8] ?? `wave-series-${kind}.jsonl`;
const t1 = Number(process.argv[9] ?? (kind === "heat" ? 0.8 : 0.6));
const t2 = Number(process.argv[10] ?? (kind === "heat" ? 1.4 : 1.2));

const done = new Set(
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => (JSON.parse(l) as { replica: number }).replica)
    : [],
);
for (const r of reps) {
  if (done.has(r)) continue;
  const q = waveModeReplica(
    {
      kind,
      k,
      T: 1,
      rho: 1,
      particles: 20000,
      seed,
      dt: 0.01,
      tStart: t1,
      tEnd,
      cancellationBin: dv,
      quantumRatio: 0.05,
    },
    r,
  );
  // the table's estimator over [t₁, t₂] from the same series
  let a = 0;
  let f = 0;
  for (let j = 0; j < q.t.length; j++)
    if (q.t[j] >= t1 - 1e-9 && q.t[j] <= t2 + 1e-9) {
      a += q.amplitude[j];
      f += q.flux[j];
    }
  const windowValue = -f / (k * a); // ρ = 1: −Q̄_c/(k δT̄_s) resp. −ρP̄_c/(k Ū_s)
  appendFileSync(
    file,
    `${JSON.stringify({ kind, k, dv, seed: seedArg, stream: seed, replica: r, tEnd, windowValue, t: q.t, amplitude: q.amplitude, flux: q.flux, events: q.events, particleCounts: q.particleCounts })}\n`,
  );
}
