/**
 * `boltzlab particles`: DSMC and deviational particle Monte Carlo (src/solvers/particles). Runs R
 * independent replicas (or this shard's share of them), prints the moments over time as means with
 * standard errors, and with --out DIR appends one JSON line per finished replica to
 * replicas.jsonl (a rerun with the same parameters skips the replicas already there; shards writing
 * to different directories merge by concatenating their files), then writes series.json and
 * series.csv from all replicas on file. All input is validated before anything is written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";
import { runReplicaTasks } from "../../parallel/replica-pool.ts";
import type { Domain } from "../../solvers/particles/domain.ts";
import { fluxGradientRatio } from "../../solvers/particles/flux-gradient-ratio.ts";
import {
  checkRunConfig,
  type MergedPoint,
  mergeReplicas,
  PARTICLE_INITS,
  type ParticleRunConfig,
  type ReplicaRecord,
} from "../../solvers/particles/particle-run.ts";
import { meanError } from "../../solvers/particles/replica-statistics.ts";
import { waveDecayRate } from "../../solvers/particles/wave-decay-rate.ts";
import { parseChoice, parseInteger, parseNumber, parseShard } from "../parse.ts";
import { readParticleFile } from "../particle-file.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface ParticlesOpts {
  method: string;
  kernel: string;
  init: string;
  particles: string;
  tEnd?: string;
  dt: string;
  domain?: string;
  cells?: string;
  slabs?: boolean;
  cellSize?: string;
  samples: string;
  seed: string;
  replicas: string;
  shard?: string;
  beamSpeed: string;
  beamTemperature: string;
  density: string;
  temperature: string;
  bkwK0: string;
  cancellationBin: string;
  linearized?: boolean;
  decayFrom?: string;
  waveNumber: string;
  amplitude: string;
  out?: string;
  json?: boolean;
  progress: boolean;
  workers?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("particles")
    .description("DSMC (Bird's NTC) and deviational (signed-weight) particle Monte Carlo")
    .option("--method <m>", "dsmc | deviational", "dsmc")
    .option("--kernel <name>", "hard-sphere | constant", "hard-sphere")
    .option(
      "--init <family>",
      `${PARTICLE_INITS.join(" | ")} | FILE (.csv/.json with columns x,y,z,vx,vy,vz,w)`,
      "two-beam",
    )
    .option("--particles <N>", "particles per replica (deviational: initial particles)", "10000")
    .option("--t-end <t>", "final time (required)")
    .option("--dt <dt>", "time step", "0.01")
    .option("--domain <d>", "free | periodic:L (default: homogeneous)")
    .option("--cells <n>", "periodic box: collision cells per axis", "1")
    .option(
      "--slabs",
      "periodic box: --cells slabs along x instead of cells³ cubes (flows varying in x only)",
    )
    .option("--cell-size <h>", "free space: collision cell side", "0.2")
    .option("--samples <k>", "output times: k equal steps up to --t-end, plus t = 0", "10")
    .option("--seed <S>", "base seed (replica r uses a seed derived from S and r)", "1")
    .option("--replicas <R>", "independent replicas (standard errors need R >= 2)", "4")
    .option("--shard <k/n>", "run only replicas r with r mod n = k − 1")
    .option("--beam-speed <U>", "two-beam: beams at ±U e_x", "1")
    .option("--beam-temperature <T>", "two-beam: temperature of each beam", "0.5")
    .option("--density <rho>", "maxwellian/bkw density (deviational: background density)", "1")
    .option("--temperature <T>", "maxwellian/bkw temperature", "1")
    .option("--bkw-k0 <K>", "bkw: K at t = 0, in [0.6, 1)", "0.7")
    .option("--cancellation-bin <dv>", "deviational: velocity cube side for cancellation", "0.2")
    .option(
      "--linearized",
      "deviational: omit Q(f_δ,f_δ) (the linearized equation, as transport --method wave)",
    )
    .option(
      "--decay-from <t>",
      "shear-wave/heat-wave: the window [t, --t-end] of the decay rate (slope of −ln A per replica) and of the flux/gradient ratio μ(k) resp. λ(k) (default 0.5; heat wave: give 0.8; without the option, neither when fewer than 3 output times fall there)",
    )
    .option("--wave-number <k>", "shear-wave/heat-wave: wave number (default box 2π/k)", "1")
    .option("--amplitude <a>", "shear-wave: u_y = a sin kx; heat-wave: T = T0(1 + a sin kx)", "0.1")
    .option("--out <dir>", "append replicas.jsonl (resumable), write series.json and series.csv")
    .option("--json", "print the result as JSON on stdout")
    .option("--no-progress", "no progress bar on stderr");
  addWorkersOption(cmd, "worker threads for independent replicas (same bits as 1)");
  cmd.action(async (opts: ParticlesOpts) => {
    await particles(opts);
  });
}

function parseDomain(o: ParticlesOpts, waveNumber?: number): Domain {
  const slabs = o.slabs === true ? { slabs: true } : {};
  if (o.domain === undefined && waveNumber !== undefined)
    return {
      kind: "periodic",
      L: (2 * Math.PI) / waveNumber,
      cells: parseInteger("--cells", o.cells ?? "1", 1),
      ...slabs,
    };
  if (o.slabs === true && o.domain?.startsWith("periodic:") !== true)
    throw new RuleError("--slabs needs a periodic box (--domain periodic:L or a wave init)");
  if (o.domain === undefined) return { kind: "homogeneous" };
  if (o.domain === "free") {
    const h = parseNumber("--cell-size", o.cellSize ?? "0.2");
    if (!(h > 0)) throw new RuleError("--cell-size must be > 0", `got ${h}`);
    return { kind: "free", cellSize: h };
  }
  const m = /^periodic:(.+)$/.exec(o.domain);
  if (!m) throw new RuleError("--domain must be free or periodic:L", `got "${o.domain}"`);
  const L = parseNumber("--domain periodic:L", m[1]);
  if (!(L > 0)) throw new RuleError("--domain periodic:L needs L > 0", `got ${L}`);
  const cells = parseInteger("--cells", o.cells ?? "1", 1);
  return { kind: "periodic", L, cells, ...slabs };
}

/** `--init FILE`: the particles and their count (which replaces --particles). */
function fileInit(path: string) {
  const given = readParticleFile(path);
  return { given, particles: given.w.length };
}

/** Parse and validate everything; throws RuleError before anything is written. */
export function particlesConfig(o: ParticlesOpts): {
  config: ParticleRunConfig;
  replicas: number;
  shard: { k: number; n: number } | null;
  decayFrom: number | null;
} {
  const method = parseChoice("--method", o.method, ["dsmc", "deviational"] as const);
  const kernel = parseChoice("--kernel", o.kernel, ["hard-sphere", "constant"] as const);
  const isFamily = (PARTICLE_INITS as readonly string[]).includes(o.init);
  if (!isFamily && !/\.(csv|json)$/i.test(o.init))
    throw new RuleError(
      `--init must be one of ${PARTICLE_INITS.join(", ")} or a .csv/.json FILE`,
      `got "${o.init}"`,
    );
  const init = isFamily ? parseChoice("--init", o.init, PARTICLE_INITS) : ("file" as const);
  const wave = init === "shear-wave" || init === "heat-wave";
  const waveNumber = wave ? parseNumber("--wave-number", o.waveNumber) : undefined;
  if (waveNumber !== undefined && !(waveNumber > 0))
    throw new RuleError("--wave-number must be > 0", `got ${waveNumber}`);
  const N = parseInteger("--particles", o.particles, 2);
  if (o.tEnd === undefined) throw new RuleError("--t-end is required");
  const tEnd = parseNumber("--t-end", o.tEnd);
  if (!(tEnd > 0)) throw new RuleError("--t-end must be > 0", `got ${tEnd}`);
  const dt = parseNumber("--dt", o.dt);
  if (!(dt > 0)) throw new RuleError("--dt must be > 0", `got ${dt}`);
  const samples = parseInteger("--samples", o.samples, 1);
  if (samples > 10000) throw new RuleError("--samples must be <= 10000", `got ${samples}`);
  const seed = parseInteger("--seed", o.seed, 0);
  const replicas = parseInteger("--replicas", o.replicas, 1);
  const shard = o.shard === undefined ? null : parseShard(o.shard);
  const times = Array.from({ length: samples + 1 }, (_, i) => (i * tEnd) / samples);
  const config = checkRunConfig({
    method,
    kernel,
    init,
    particles: N,
    tEnd,
    dt,
    domain: parseDomain(o, waveNumber),
    times,
    seed,
    beamSpeed: parseNumber("--beam-speed", o.beamSpeed),
    beamTemperature: parseNumber("--beam-temperature", o.beamTemperature),
    density: parseNumber("--density", o.density),
    temperature: parseNumber("--temperature", o.temperature),
    bkwK0: parseNumber("--bkw-k0", o.bkwK0),
    cancellationBin: parseNumber("--cancellation-bin", o.cancellationBin),
    ...(o.linearized === true ? { quadratic: "omit" as const } : {}),
    ...(wave ? { waveNumber, amplitude: parseNumber("--amplitude", o.amplitude) } : {}),
    ...(init === "file" ? fileInit(o.init) : {}),
  });
  if (!(config.beamTemperature > 0) || !(config.density > 0) || !(config.temperature > 0))
    throw new RuleError("--beam-temperature, --density and --temperature must be > 0");
  let decayFrom: number | null = null;
  if (wave) {
    const from = parseNumber("--decay-from", o.decayFrom ?? "0.5");
    const enough = times.filter((t) => t >= from - 1e-9).length >= 3;
    if (!enough && o.decayFrom !== undefined)
      throw new RuleError(
        "--decay-from must leave at least 3 output times before --t-end (raise --samples)",
        `got ${from}`,
      );
    decayFrom = enough ? from : null;
  }
  return { config, replicas, shard, decayFrom };
}

const CSV_HEADER =
  "t,replicas,mass,mass_se,px,py,pz,px_se,py_se,pz_se,energy,energy_se,Txx,Tyy,Tzz,Txx_se,Tyy_se,Tzz_se,anisotropy,anisotropy_se,fourthMoment,fourthMoment_se,totalVariation,particles";

function csvRow(p: MergedPoint): string {
  const e = p.error;
  return [
    p.t,
    p.replicas,
    p.mass,
    e.mass,
    ...p.momentum,
    ...(e.momentum as number[]),
    p.energy,
    e.energy,
    ...p.temperature,
    ...(e.temperature as number[]),
    p.anisotropy,
    e.anisotropy,
    p.fourthMoment,
    e.fourthMoment,
    p.totalVariation,
    p.particles,
  ].join(",");
}

/** Per replica the least-squares slope of −ln A over [from, to]; NaN for a replica whose amplitude fell to ≤ 0 there. */
function decayRates(records: readonly ReplicaRecord[], from: number, to: number) {
  const rates = [...records]
    .sort((a, b) => a.replica - b.replica)
    .map((r) => {
      const a = r.points.map((q) => q.waveAmplitude as number);
      return a.some((y, j) => r.points[j].t >= from - 1e-9 && !(y > 0))
        ? Number.NaN
        : waveDecayRate(
            r.points.map((q) => q.t),
            a,
            from,
            to,
          );
    });
  const me = meanError(rates);
  return { from, to, mean: me.mean, error: me.error, perReplica: rates };
}

/**
 * Per replica the flux/gradient ratio over [from, to] (Newton's law for the shear wave: μ(k) =
 * −P̄_c/(k ū_s); Fourier's for the heat wave: λ(k) = −Q̄_c/(k δT̄_s); flux-gradient-ratio.ts),
 * mean ± standard error over replicas.
 */
function fluxGradientRatios(
  c: ParticleRunConfig,
  records: readonly ReplicaRecord[],
  from: number,
  to: number,
) {
  const values = [...records]
    .sort((a, b) => a.replica - b.replica)
    .map((r) =>
      fluxGradientRatio(
        r.points.map((q) => q.t),
        r.points.map((q) => q.waveAmplitude as number),
        r.points.map((q) => q.waveFlux as number),
        c.waveNumber ?? 1,
        from,
        to,
      ),
    );
  const me = meanError(values);
  const shear = c.init === "shear-wave";
  return {
    coefficient: shear ? "viscosity" : "heat-conductivity",
    from,
    to,
    mean: me.mean,
    error: me.error,
    perReplica: values,
    literature: (shear ? 0.0895681 : 0.3389164) * Math.sqrt(c.temperature),
  };
}

function readRecords(file: string, configKey: string): ReplicaRecord[] {
  if (!existsSync(file)) return [];
  const out: ReplicaRecord[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    let rec: { config: string; record: ReplicaRecord };
    try {
      rec = JSON.parse(line);
    } catch {
      continue; // a line cut by an interruption: that replica is rerun
    }
    if (rec.config !== configKey)
      throw new RuleError(
        "--out holds replicas of a different configuration: use another directory",
        file,
      );
    out.push(rec.record);
  }
  return out;
}

async function particles(o: ParticlesOpts): Promise<void> {
  const { config, replicas, shard, decayFrom } = particlesConfig(o);
  const workers = parseWorkers(o.workers);
  // Real-space deviational runs restore cancellation deficits within their collision cell since
  // this key field was added; replicas written before (deficits passed between cells) never match.
  const configKey = JSON.stringify(
    config.method === "deviational" && config.domain.kind !== "homogeneous"
      ? { ...config, restoration: "cell" }
      : config,
  );
  const mine = Array.from({ length: replicas }, (_, r) => r).filter(
    (r) => shard === null || r % shard.n === shard.k - 1,
  );
  const out = o.out;
  const file = out ? join(out, "replicas.jsonl") : null;
  const records: ReplicaRecord[] = file ? readRecords(file, configKey) : [];
  const done = new Set(records.map((r) => r.replica));
  if (out) mkdirSync(out, { recursive: true });
  // a line cut by an interruption is closed so that the next record starts on its own line
  if (file && existsSync(file)) {
    const text = readFileSync(file, "utf8");
    if (text.length > 0 && !text.endsWith("\n")) appendFileSync(file, "\n");
  }
  const todo = mine.filter((r) => !done.has(r));
  const bar =
    o.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            format: "particles [{bar}] {value}/{total} replicas, ETA {eta}s",
            stream: process.stderr,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(todo.length, 0);
  const started = performance.now();
  await runReplicaTasks(
    todo.map((r) => ({ kind: "particles", config, replica: r }) as const),
    workers,
    (result) => {
      const rec = result as ReplicaRecord;
      records.push(rec);
      if (file) appendFileSync(file, `${JSON.stringify({ config: configKey, record: rec })}\n`);
      bar?.increment();
    },
  );
  bar?.stop();
  const elapsed = (performance.now() - started) / 1000;
  const series = mergeReplicas(records.filter((r) => mine.includes(r.replica) || shard === null));
  const method =
    config.method === "dsmc"
      ? "DSMC, Bird's NTC (1994 §11.1) with an exact per-cell majorant; free flight then collisions per step"
      : `deviational δf around the global Maxwellian: exact exponential clocks with thinning for the linear part, ${config.quadratic === "omit" ? "Q(f_δ,f_δ) omitted (linearized)" : "Q(f_δ,f_δ) by signed pairs"}, cancellation per ${config.domain.kind === "homogeneous" ? "velocity cube" : "(collision cell × velocity cube)"} with exact restoration of momentum and energy${config.domain.kind === "homogeneous" ? "" : " within the cell"}`;
  const result = {
    command: "particles",
    ...config,
    replicas,
    shard: shard ? `${shard.k}/${shard.n}` : null,
    replicasUsed: series[0]?.replicas ?? 0,
    replicasRunNow: todo.length,
    elapsedSeconds: elapsed,
    collisionsPerReplica:
      records.reduce((s, r) => s + r.collisions, 0) / Math.max(1, records.length),
    ...(decayFrom === null
      ? {}
      : {
          waveDecayRate: decayRates(records, decayFrom, config.tEnd),
          waveFluxGradient: fluxGradientRatios(config, records, decayFrom, config.tEnd),
        }),
    method,
    series,
  };
  if (out) {
    writeFileSync(join(out, "series.json"), `${JSON.stringify(result, null, 1)}\n`);
    writeFileSync(join(out, "series.csv"), `${CSV_HEADER}\n${series.map(csvRow).join("\n")}\n`);
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const d = config.domain;
  const lines = [
    `particles: ${config.method}, ${config.kernel} kernel, init ${config.init}, N = ${config.particles}, dt = ${config.dt}, domain ${d.kind === "homogeneous" ? "homogeneous" : d.kind === "free" ? `free (cell ${d.cellSize})` : `periodic:${d.L} (${d.slabs === true ? `${d.cells} slabs along x` : `${d.cells}³ cells`})`}, seed ${config.seed}, ${result.replicasUsed} replicas${shard ? ` (shard ${shard.k}/${shard.n})` : ""}`,
    `  ${method}`,
    `  ${todo.length} replicas run now in ${elapsed.toFixed(1)} s; ± is one standard error over replicas`,
    "       t        mass              energy             Txx − (Tyy+Tzz)/2     ∫|v|⁴f",
  ];
  const pm = (x: number, e: number | number[]) =>
    `${x.toPrecision(7)} ± ${Number.isNaN(e as number) ? "n/a" : (e as number).toExponential(1)}`;
  for (const p of series) {
    lines.push(
      `  ${p.t.toFixed(4).padStart(8)}  ${pm(p.mass, p.error.mass)}  ${pm(p.energy, p.error.energy)}  ${pm(p.anisotropy, p.error.anisotropy)}  ${pm(p.fourthMoment, p.error.fourthMoment)}`,
    );
  }
  if (series[0]?.waveAmplitude !== undefined) {
    const what = config.init === "shear-wave" ? "u_y" : "T";
    lines.push(
      `       t    wave amplitude (sin kx coefficient of ${what})    flux (cos kx coefficient of ${config.init === "shear-wave" ? "P_xy" : "q_x"})`,
    );
    for (const p of series)
      lines.push(
        `  ${p.t.toFixed(4).padStart(8)}  ${pm(p.waveAmplitude as number, p.error.waveAmplitude)}  ${pm(p.waveFlux as number, p.error.waveFlux)}`,
      );
  }
  if (result.waveDecayRate !== undefined) {
    const d = result.waveDecayRate;
    lines.push(
      `  decay rate of the wave amplitude (slope of −ln A per replica over [${d.from}, ${d.to}]): ${pm(d.mean, d.error)}${config.init === "shear-wave" ? ` (Navier–Stokes μk²/ρ = ${((0.0895681 * Math.sqrt(config.temperature) * (config.waveNumber ?? 1) ** 2) / config.density).toPrecision(4)})` : ""}`,
    );
  }
  if (result.waveFluxGradient !== undefined) {
    const g = result.waveFluxGradient;
    const law =
      config.init === "shear-wave"
        ? "μ(k) = −P̄_c/(k ū_s), Newton's law"
        : "λ(k) = −Q̄_c/(k δT̄_s), Fourier's law";
    lines.push(
      `  ${g.coefficient} by the flux/gradient ratio ${law}, window means over [${g.from}, ${g.to}] per replica: ${pm(g.mean, g.error)} (literature ${g.literature.toPrecision(6)}; at finite k, δv and slab width the estimate carries their biases: docs/particles.md)`,
    );
  }
  if (out) lines.push(`  wrote ${out}/replicas.jsonl, series.json, series.csv`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
