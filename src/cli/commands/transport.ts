/**
 * `boltzlab transport`: viscosity or heat conductivity of the hard-sphere gas from the linearized
 * Boltzmann operator by deviational Monte Carlo, with its standard error over replicas and the
 * literature value in the same normalization. Two independent methods: `--method wave` (default;
 * shear/heat waves in a periodic box, src/solvers/particles/wave-transport.ts) and
 * `--method green-kubo` (src/solvers/particles/transport-coefficients.ts). With `--out DIR` the
 * wave method appends each finished replica to DIR/wave-replicas.jsonl and a rerun with the same
 * settings skips the replicas already there.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";
import { runReplicaTasks } from "../../parallel/replica-pool.ts";
import {
  combineTransport,
  type TransportCoefficient,
  type TransportReplica,
  transportSettings,
} from "../../solvers/particles/transport-coefficients.ts";
import {
  combineWaveTransport,
  type WaveTransportReplica,
  type WaveTransportSettings,
  waveTransportSettings,
} from "../../solvers/particles/wave-transport.ts";
import { parseChoice, parseInteger, parseList, parseNumber } from "../parse.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface TransportOpts {
  coefficient?: string;
  method: string;
  waveNumbers: string;
  tStart?: string;
  tEnd?: string;
  quantumRatio?: string;
  representation: string;
  out?: string;
  T: string;
  rho: string;
  particles?: string;
  replicas: string;
  seed: string;
  dt?: string;
  tMax?: string;
  cancellationBin?: string;
  cancellationMoments: string;
  cancellationCarry: string;
  json?: boolean;
  workers?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("transport")
    .description(
      "hard-sphere viscosity / heat conductivity from the linearized operator (deviational Monte Carlo: shear/heat waves, or Green–Kubo)",
    )
    .option("--coefficient <c>", "viscosity | heat-conductivity (required)")
    .option("--method <m>", "wave | green-kubo", "wave")
    .option("--T <T>", "temperature", "1")
    .option("--rho <rho>", "density", "1")
    .option(
      "--particles <N>",
      "deviational particles per replica (wave: of the initial mode, default 20000; green-kubo: of the source, default 20000)",
    )
    .option("--replicas <R>", "independent replicas (>= 2; wave: per wave number)", "4")
    .option("--seed <S>", "base seed", "1")
    .option(
      "--wave-numbers <k,...>",
      "wave: wave numbers k (>= 2 distinct: fit a + b k², k → 0)",
      "0.5,1",
    )
    .option(
      "--t-start <t>",
      "wave: start of the averaging window (default 0.6 (viscosity) or 0.8 (heat) /(rho sqrt T))",
    )
    .option(
      "--t-end <t>",
      "wave: end of the run and of the window (default t-start + 0.6/(rho sqrt T))",
    )
    .option(
      "--quantum-ratio <q>",
      "wave: quantum of the cosine component / (k × sine quantum)",
      "0.05",
    )
    .option("--representation <r>", "wave: wave-background | global", "global")
    .option("--dt <dt>", "flux sampling / cancellation interval (default 0.01/(rho sqrt T))")
    .option("--t-max <t>", "green-kubo: integration range (default 0.6/(rho sqrt T))")
    .option("--cancellation-bin <dv>", "velocity cube side (default 0.2 sqrt T)")
    .option(
      "--cancellation-moments <m>",
      "wave: moments each cube's cancellation restores: covariance (count, momentum, all second moments) | energy (count, momentum, energy: the earlier default)",
      "covariance",
    )
    .option(
      "--cancellation-carry <c>",
      "wave: where a cube's unrestorable deficit goes: neighbours (the 3³, then 5³ neighbouring cubes) | key-order (the next cube: the earlier default)",
      "neighbours",
    )
    .option(
      "--out <dir>",
      "wave: append each replica to DIR/wave-replicas.jsonl and resume from it",
    )
    .option("--json", "print the result as JSON on stdout");
  addWorkersOption(cmd, "worker threads for independent replicas (same bits as 1)");
  cmd.action(async (o: TransportOpts) => {
    if (o.coefficient === undefined) throw new RuleError("--coefficient is required");
    const coefficient = parseChoice("--coefficient", o.coefficient, [
      "viscosity",
      "heat-conductivity",
    ] as const) as TransportCoefficient;
    const opt = (name: string, raw: string | undefined) =>
      raw === undefined ? undefined : parseNumber(name, raw);
    const workers = parseWorkers(o.workers);
    const method = parseChoice("--method", o.method, ["wave", "green-kubo"] as const);
    if (method === "wave") {
      await runWave(o, coefficient, workers);
      return;
    }
    const st = transportSettings({
      coefficient,
      T: parseNumber("--T", o.T),
      rho: parseNumber("--rho", o.rho),
      particles:
        o.particles === undefined ? undefined : parseInteger("--particles", o.particles, 100),
      replicas: parseInteger("--replicas", o.replicas, 2),
      seed: parseInteger("--seed", o.seed, 0),
      dt: opt("--dt", o.dt),
      tMax: opt("--t-max", o.tMax),
      cancellationBin: opt("--cancellation-bin", o.cancellationBin),
    });
    const reps = await runReplicaTasks(
      Array.from({ length: st.replicas }, (_, r) => ({
        kind: "transport" as const,
        settings: st,
        replica: r,
      })),
      workers,
    );
    const r = { ...combineTransport(st, reps as TransportReplica[]), workers };
    if (o.json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return;
    }
    process.stdout.write(
      `${[
        `transport: ${r.coefficient} of hard spheres (B = |(u−v)·ω|, i.e. d² = 2), T = ${r.T}, rho = ${r.rho}`,
        `  ${r.value.toPrecision(5)} ± ${r.error.toPrecision(2)} (one standard error, ${r.replicas.length} replicas of ${r.particles} particles, seed ${r.seed})`,
        `  literature ${r.literature.toPrecision(6)} (Chapman–Enskog first approximation ${r.firstApproximation.toPrecision(6)} × exact/first ratio); deviation ${(100 * r.relativeDeviation).toFixed(2)} %`,
        `  dt ${r.dt}, t_max ${r.tMax}, tail ${r.tail.toExponential(2)}, cancellation cube ${r.cancellationBin}, ${r.linearEvents} linear events, ${workers} worker${workers === 1 ? "" : "s"}`,
        `  ${r.method}`,
      ].join("\n")}\n`,
    );
  });
}

/** `--method wave`: replicas per wave number on the pool, appended to `--out` as they finish. */
async function runWave(o: TransportOpts, coefficient: TransportCoefficient, workers: number) {
  const opt = (name: string, raw: string | undefined) =>
    raw === undefined ? undefined : parseNumber(name, raw);
  const st: WaveTransportSettings = waveTransportSettings({
    coefficient,
    T: parseNumber("--T", o.T),
    rho: parseNumber("--rho", o.rho),
    waveNumbers: parseList("--wave-numbers", o.waveNumbers, parseNumber),
    particles:
      o.particles === undefined ? undefined : parseInteger("--particles", o.particles, 100),
    replicas: parseInteger("--replicas", o.replicas, 2),
    seed: parseInteger("--seed", o.seed, 0),
    dt: opt("--dt", o.dt),
    tStart: opt("--t-start", o.tStart),
    tEnd: opt("--t-end", o.tEnd),
    cancellationBin: opt("--cancellation-bin", o.cancellationBin),
    quantumRatio: opt("--quantum-ratio", o.quantumRatio),
    representation: parseChoice("--representation", o.representation, [
      "wave-background",
      "global",
    ] as const),
    cancellationMoments: parseChoice("--cancellation-moments", o.cancellationMoments, [
      "energy",
      "covariance",
    ] as const),
    cancellationCarry: parseChoice("--cancellation-carry", o.cancellationCarry, [
      "key-order",
      "neighbours",
    ] as const),
  });
  // resume: replicas already in DIR/wave-replicas.jsonl with the same settings (per k) are reused
  const done: WaveTransportReplica[] = [];
  const file = o.out === undefined ? undefined : join(o.out, "wave-replicas.jsonl");
  // the cancellation's moments and carry enter the key only when not the original "energy" /
  // "key-order" (so that directories written before these options existed still resume)
  const keyOf = (j: number) =>
    JSON.stringify({
      ...st,
      waveNumbers: undefined,
      replicas: undefined,
      cancellationMoments: st.cancellationMoments === "energy" ? undefined : st.cancellationMoments,
      cancellationCarry: st.cancellationCarry === "key-order" ? undefined : st.cancellationCarry,
      k: st.waveNumbers[j],
    });
  if (file !== undefined && existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      let rec: { key: string; k: number; result: WaveTransportReplica };
      try {
        rec = JSON.parse(line);
      } catch {
        continue; // a cut last line is rerun
      }
      const j = st.waveNumbers.indexOf(rec.k);
      if (j < 0 || rec.key !== keyOf(j) || rec.result.replica >= st.replicas) continue;
      if (done.some((q) => q.wave === j && q.replica === rec.result.replica)) continue;
      done.push({ ...rec.result, wave: j });
    }
  }
  const tasks = [];
  for (let j = 0; j < st.waveNumbers.length; j++)
    for (let r = 0; r < st.replicas; r++)
      if (!done.some((q) => q.wave === j && q.replica === r))
        tasks.push({ kind: "wave" as const, settings: st, wave: j, replica: r });
  if (file !== undefined) mkdirSync(o.out as string, { recursive: true });
  const fresh = await runReplicaTasks(tasks, workers, (res, task) => {
    if (file === undefined || task.kind !== "wave") return;
    const j = task.wave;
    appendFileSync(
      file,
      `${JSON.stringify({ key: keyOf(j), k: st.waveNumbers[j], result: res })}\n`,
    );
  });
  const r = {
    ...combineWaveTransport(st, [...done, ...(fresh as WaveTransportReplica[])]),
    workers,
  };
  if (o.json) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const name = r.coefficient === "viscosity" ? "mu" : "lambda";
  process.stdout.write(
    `${[
      `transport: ${r.coefficient} of hard spheres (B = |(u−v)·ω|, i.e. d² = 2), T = ${r.T}, rho = ${r.rho}, wave method`,
      `  ${r.value.toPrecision(5)} ± ${r.error.toPrecision(2)} (one standard error; ${r.waves.length > 1 ? "k → 0 fit" : "one k"}, ${r.replicas} replicas per k of ${r.particles} particles, seed ${r.seed})`,
      `  literature ${r.literature.toPrecision(6)} (Chapman–Enskog first approximation ${r.firstApproximation.toPrecision(6)} × exact/first ratio); deviation ${(100 * r.relativeDeviation).toFixed(2)} %`,
      ...r.waves.map(
        (w) =>
          `  k = ${w.k}: ${name}(k) = ${w.value.toPrecision(5)} ± ${w.error.toPrecision(2)}; decay rate ${w.decayRate.toPrecision(3)} ± ${w.decayRateError.toPrecision(2)} (predicted by ${name}(k): ${w.predictedDecayRate.toPrecision(3)})`,
      ),
      `  window [${r.tStart}, ${r.tEnd}], dt ${r.dt}, cancellation cube ${r.cancellationBin} (${r.cancellationMoments}, ${r.cancellationCarry} carry), quantum ratio ${r.quantumRatio}, ${r.representation}, ${r.linearEvents} events, ${workers} worker${workers === 1 ? "" : "s"}`,
      `  ${r.method}`,
    ].join("\n")}\n`,
  );
}
