/**
 * `boltzlab exact`: Theorem 1.1 on the exact solutions. For each M and solution (f, g), R independent
 * replicas of the corrections f_c, g_c by the deviational particle solver (background f_a or g_a,
 * source −F_err or −G_err, f_c(0) = g_c(0) = 0), appended to --out as JSON Lines as they finish (a
 * rerun skips the replicas on file; shards write their own files, merged by --in F1,F2 or by
 * concatenation, exactly: replicas are pure functions of the configuration and index), then merged:
 * correction norms on the time grid (projection lower bounds by U-statistics, total variation),
 * conservation, the per-term source mass rates, and the initial and final distances with the lower
 * bound of ‖f(T*) − g(T*)‖ (solvers/particles/paper-backgrounds/exact-theorem.ts).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import type { JobRecord } from "../../claims/error-table/error-table.ts";
import { measuredProposition31Constant } from "../../claims/exact-thresholds.ts";
import { RuleError } from "../../math/errors.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import { seededUniform } from "../../math/sampling/uniform-stream.ts";
import { DEFAULT_ERRORS_FILE, readJobFile } from "../../parallel/job-file.ts";
import { runReplicaTasks } from "../../parallel/replica-pool.ts";
import {
  type ExactBootstrapBound,
  exactBootstrapBound,
  exactCorrectionModel,
  exactResultRow,
  transportedSourceBound,
  upperBoundText,
  weightedFinalUnderSourceBound,
} from "../../report/exact-result.ts";
import { correctionFigure, distanceFigure, exactMarkdown } from "../../report/exact-solutions.ts";
import { writeFigure } from "../../report/write-figure.ts";
import { backgroundFA } from "../../solvers/particles/paper-backgrounds/background-f-a.ts";
import { backgroundGA } from "../../solvers/particles/paper-backgrounds/background-g-a.ts";
import {
  checkExactConfig,
  type ExactMerged,
  type ExactReplicaRecord,
  type ExactRunConfig,
  exactBeam,
  mergeExact,
} from "../../solvers/particles/paper-backgrounds/exact-run.ts";
import {
  type MassRate,
  termMassRates,
} from "../../solvers/particles/paper-backgrounds/termed-source.ts";
import {
  addConfigurationOptions,
  addParameterOptions,
  addPOption,
  parseMList,
  validateParameters,
} from "../common-options.ts";
import {
  addConstructionOptions,
  type ConstructionCliOptions,
  parseConstruction,
} from "../construction-options.ts";
import { parseChoice, parseInteger, parseNumber, parseShard } from "../parse.ts";

const ERRORS_RULE =
  "--errors must be a comma-separated list of readable boltzlab errors JSONL files (run `boltzlab errors` first)";

import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface ExactOpts extends ConstructionCliOptions {
  M: string;
  solution: string;
  s?: string;
  s0?: string;
  p?: string;
  cutoff: string;
  variant: string;
  replicas: string;
  seed: string;
  proposals: string;
  samples: string;
  steps: string;
  relTol: string;
  nmax: string;
  quadratic: string;
  termProposals: string;
  rateProposals: string;
  shard?: string;
  out: string;
  in?: string;
  workers?: string;
  figures?: string;
  errors?: string;
  constant: string;
  json?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command("exact")
    .description(
      "Theorem 1.1 on the exact solutions: the corrections f_c, g_c by deviational particles, with errors",
    )
    .option("--M <list>", "comma-separated M values", "4,8")
    .option("--solution <which>", "f | g | both", "both")
    .option(
      "--replicas <R>",
      "independent replicas per M and solution (>= 3 for U-statistics)",
      "8",
    )
    .option("--seed <S>", "base seed (replica r of a configuration uses a seed from S and r)", "1")
    .option(
      "--proposals <P>",
      "expected source proposals per replica (sets the weight ε)",
      "100000",
    )
    .option(
      "--term-proposals <P>",
      "expected proposals per replica of each source term but the largest, as its own particle system with its own weight quantum (0: every term at one quantum, where the core terms never fire)",
      "20000",
    )
    .option("--samples <k>", "output times i·T*/k, i = 0..k", "4")
    .option("--steps <n>", "time steps per output interval", "2")
    .option("--rel-tol <r>", "relative tolerance of the per-tube quadrature of A[f_b]", "1e-4")
    .option(
      "--nmax <n>",
      "Hermite degree per axis of the projection basis ((n+1)^6 functions)",
      "2",
    )
    .option("--quadratic <q>", "simulate | omit (Q(f_c, f_c))", "simulate")
    .option("--rate-proposals <n>", "proposals per source term for its mass rate at T*/2", "20000")
    .option("--shard <k/n>", "run only replicas r with r mod n = k − 1")
    .option("--out <file>", "append replica records (JSON Lines, resumable)", "results/exact.jsonl")
    .option("--in <files>", "merge these record files (comma-separated) instead of running")
    .option(
      "--figures <dir>",
      "write exact-corrections.svg/.png, exact-distances.svg/.png and exact.md",
    )
    .option(
      "--errors <files>",
      `error-table records (boltzlab errors --solution both, same construction) for the bootstrap's upper bounds on ‖f_c(T*)‖, ‖g_c(T*)‖ (default ${DEFAULT_ERRORS_FILE} when it exists)`,
    )
    .option(
      "--constant <C>",
      "C of Proposition 3.1 in the bootstrap (5.7): a number, or measured (the largest measured (3.4) ratio)",
      "measured",
    )
    .option("--json", "print the result as JSON on stdout");
  addParameterOptions(cmd);
  addPOption(cmd);
  addConfigurationOptions(cmd, "one");
  addConstructionOptions(cmd);
  addWorkersOption(cmd, "worker threads for independent replicas (same bits as 1)");
  cmd.action(async (opts: ExactOpts, command: Command) => {
    await exact(opts, command);
  });
}

interface Parsed {
  configs: ExactRunConfig[];
  replicas: number;
  shard: { k: number; n: number } | null;
  rateProposals: number;
}

/** Parse and validate everything; throws RuleError before anything is written. */
export function exactConfigs(o: ExactOpts, command?: Command): Parsed {
  const Ms = parseMList(o.M, 3);
  const which = parseChoice("--solution", o.solution, ["f", "g", "both"] as const);
  const construction = parseConstruction(o);
  const fromSet = (name: string) => command?.getOptionValueSource(name) !== "cli";
  const { s, s0, p } = validateParameters(Ms, {
    s: o.s ?? (construction.s !== undefined ? String(construction.s) : undefined),
    s0: o.s0 ?? (construction.s0 !== undefined ? String(construction.s0) : undefined),
    p: o.p,
  });
  const cutoff = fromSet("cutoff") && construction.cutoff ? construction.cutoff : o.cutoff;
  const variant = parseChoice(
    "--variant",
    fromSet("variant") && construction.variant ? construction.variant : o.variant,
    ["as-written", "as-in-proof"] as const,
  );
  const replicas = parseInteger("--replicas", o.replicas, 1);
  const shard = o.shard === undefined ? null : parseShard(o.shard);
  const quadratic = parseChoice("--quadratic", o.quadratic, ["simulate", "omit"] as const);
  const common = {
    s,
    s0,
    p: p ?? 10,
    cutoff,
    variant,
    constants: construction.constants,
    construction: construction.name,
    proposals: parseInteger("--proposals", o.proposals, 1),
    samples: parseInteger("--samples", o.samples, 1),
    stepsPerSample: parseInteger("--steps", o.steps, 1),
    seed: parseInteger("--seed", o.seed, 0),
    relTol: parseNumber("--rel-tol", o.relTol),
    quadratic,
    nmax: parseInteger("--nmax", o.nmax, 0),
  };
  const termProposals = parseInteger("--term-proposals", o.termProposals, 0);
  const sols = which === "both" ? (["f", "g"] as const) : ([which] as const);
  const configs = Ms.flatMap((M) =>
    // the strata enter the configuration only when on, so that records of runs without keep their keys
    sols.map((solution) =>
      checkExactConfig({ ...common, M, solution, ...(termProposals > 0 ? { termProposals } : {}) }),
    ),
  );
  return {
    configs,
    replicas,
    shard,
    rateProposals: parseInteger("--rate-proposals", o.rateProposals, 1),
  };
}

interface Line {
  config: string;
  record: ExactReplicaRecord;
}

function readLines(file: string): Line[] {
  if (!existsSync(file)) return [];
  const out: Line[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      out.push(JSON.parse(line) as Line);
    } catch {
      // a line cut by an interruption: that replica is rerun
    }
  }
  return out;
}

/** Per-term source mass rates at T* / 2 (the total variation of each part of F_err or G_err). */
function sourceRates(config: ExactRunConfig, proposals: number): MassRate[] {
  const beam = exactBeam(config);
  const bg =
    config.solution === "f" ? backgroundFA(beam, { relTol: config.relTol }) : backgroundGA(beam);
  const rand = seededUniform(config.seed + 7919);
  const normal = normalSampler(rand);
  return bg.source.terms.flatMap((term) => {
    // terms that evaluate Λ and ∇Λ (core terms of f) are expensive per accepted point: fewer proposals
    const n =
      config.solution === "f" && term.name !== "Q(fb,fb)" ? Math.min(proposals, 2000) : proposals;
    return termMassRates(term, 0.5 * beam.params.Tstar, n, rand, normal);
  });
}

async function exact(o: ExactOpts, command?: Command): Promise<void> {
  const { configs, replicas, shard, rateProposals } = exactConfigs(o, command);
  const workers = parseWorkers(o.workers);
  let givenConstant: { value: number; source: string } | null = null;
  if (o.constant !== "measured") {
    const c = parseNumber("--constant", o.constant);
    if (!(c > 0))
      throw new RuleError("--constant must be a number > 0 or measured", `got ${o.constant}`);
    givenConstant = { value: c, source: "given with --constant" };
  }
  const errorFiles =
    o.errors !== undefined
      ? o.errors.split(",").map((f) => f.trim())
      : existsSync(DEFAULT_ERRORS_FILE)
        ? [DEFAULT_ERRORS_FILE]
        : [];
  const errorRecords: JobRecord[] = [];
  for (const f of errorFiles) errorRecords.push(...(await readJobFile(f, ERRORS_RULE)).records);
  const keys = configs.map((c) => JSON.stringify(c));
  const inputs = o.in === undefined ? [o.out] : o.in.split(",").map((f) => f.trim());
  if (o.in !== undefined)
    for (const f of inputs) if (!existsSync(f)) throw new RuleError("--in file not found", f);
  const records = new Map<string, Map<number, ExactReplicaRecord>>(keys.map((k) => [k, new Map()]));
  for (const f of inputs)
    for (const line of readLines(f))
      records.get(line.config)?.set(line.record.replica, line.record);
  const mine = Array.from({ length: replicas }, (_, r) => r).filter(
    (r) => shard === null || r % shard.n === shard.k - 1,
  );
  const started = performance.now();
  let ranNow = 0;
  if (o.in === undefined) {
    mkdirSync(dirname(o.out), { recursive: true });
    if (existsSync(o.out)) {
      const text = readFileSync(o.out, "utf8");
      if (text.length > 0 && !text.endsWith("\n")) appendFileSync(o.out, "\n");
    }
    const tasks = configs.flatMap((config, i) =>
      mine
        .filter((r) => !records.get(keys[i])?.has(r))
        .map((r) => ({ kind: "exact", config, replica: r }) as const),
    );
    ranNow = tasks.length;
    await runReplicaTasks(tasks, workers, (result, task) => {
      if (task.kind !== "exact") return;
      const rec = result as ExactReplicaRecord;
      const key = JSON.stringify(task.config);
      records.get(key)?.set(rec.replica, rec);
      appendFileSync(o.out, `${JSON.stringify({ config: key, record: rec })}\n`);
    });
  }
  const elapsed = (performance.now() - started) / 1000;
  const Ms = [...new Set(configs.map((c) => c.M))];
  // the bootstrap's upper bounds (Proposition 5.1 with measured Z_a, E; C assumed) beside the particles
  const constant =
    errorRecords.length === 0
      ? null
      : (givenConstant ?? measuredProposition31Constant(configs[0].s, configs[0].s0));
  const model = constant ? exactCorrectionModel(errorRecords, configs[0], constant) : null;
  const noTable =
    errorRecords.length === 0
      ? `no error table (${errorFiles.length ? `no records in ${errorFiles.join(", ")}` : `${DEFAULT_ERRORS_FILE} absent; pass --errors FILE`})`
      : `no error table: no complete records for this construction in ${errorFiles.join(", ")} (boltzlab errors --solution both)`;
  const rows = Ms.map((M) => {
    const merged: Record<string, ExactMerged | null> = { f: null, g: null };
    const rates: Record<string, MassRate[]> = {};
    for (let i = 0; i < configs.length; i++) {
      const c = configs[i];
      if (c.M !== M) continue;
      const recs = [...(records.get(keys[i])?.values() ?? [])].filter(
        (r) => o.in !== undefined || shard === null || mine.includes(r.replica),
      );
      if (recs.length > 0) merged[c.solution] = mergeExact(recs);
      rates[c.solution] = sourceRates(c, rateProposals);
    }
    const config = configs.find((c) => c.M === M) as ExactRunConfig;
    const sourceBound = (sol: "f" | "g") =>
      transportedSourceBound(errorRecords, { ...config, solution: sol }, M, merged[sol]);
    const row = exactResultRow(config, merged.f, merged.g);
    const transportedSource = { f: sourceBound("f"), g: sourceBound("g") };
    return {
      ...row,
      sourceMassRates: rates,
      bootstrap: exactBootstrapBound(model, M, noTable),
      transportedSource,
      weightedFinalUnderSourceBound: weightedFinalUnderSourceBound(row.theorem, transportedSource),
    };
  });
  const c0 = configs[0];
  const result = {
    command: "exact",
    parameters: {
      construction: c0.construction,
      constants: c0.constants,
      s: c0.s,
      s0: c0.s0,
      p: c0.p,
      cutoff: c0.cutoff,
      variant: c0.variant,
      replicas,
      seed: c0.seed,
      proposals: c0.proposals,
      samples: c0.samples,
      steps: c0.stepsPerSample,
      relTol: c0.relTol,
      nmax: c0.nmax,
      termProposals: c0.termProposals ?? 0,
      quadratic: c0.quadratic,
      shard: shard ? `${shard.k}/${shard.n}` : null,
    },
    bootstrapAssumptions: bootstrapAssumptions(rows[0]?.bootstrap),
    method:
      "deviational δf around f_a (g_a) with −F_err (−G_err) as signed particles (every term but the largest as its own particle system with its own weight quantum, --term-proposals); norms are L²_v H^{s0}_x, without velocity weight and with ω = e^{<v>^2}, e^{(1-κt)<v>^2} (κ = 1/T*, (5.5)/(5.6)) in `weighted`; projection norms are U-statistic lower bounds of ‖ωh‖_{L²} ≤ ‖ωh‖_{L²_v H^{s0}_x} on the tensor Hermite basis divided by ω (x scale, v scale stated per solution; truncation: degree ≤ nmax per axis), beside the Cauchy–Schwarz bounds |⟨ωh, ψ⟩|/‖ψ‖",
    replicasRunNow: ranNow,
    elapsedSeconds: elapsed,
    rows,
  };
  if (o.figures !== undefined) {
    mkdirSync(o.figures, { recursive: true });
    await writeFigure(o.figures, "exact-corrections", correctionFigure(result));
    await writeFigure(o.figures, "exact-distances", distanceFigure(result));
    writeFileSync(join(o.figures, "exact.md"), exactMarkdown(result));
  }
  if (o.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const e = (x: number) => (Number.isFinite(x) ? x.toExponential(2) : "n/a");
  const pm = (v: { value: number; error: number }) => `${e(v.value)} ± ${e(v.error)}`;
  const lines = [
    `exact: construction ${c0.construction}, s = ${c0.s}, s0 = ${c0.s0}, p = ${c0.p}, ${c0.cutoff}, ${c0.variant}; ${replicas} replicas, seed ${c0.seed}, ${c0.proposals} source proposals each; ${ranNow} replicas run now in ${elapsed.toFixed(1)} s`,
    "  norms L²_v H^{s0}_x (no velocity weight); ± one standard error over replicas",
    `  upper bounds ‖·_c(T*)‖ ≤: ${result.bootstrapAssumptions}`,
  ];
  for (const row of rows) {
    const th = row.theorem;
    lines.push(
      `M = ${row.M} (T* = ${row.Tstar.toFixed(4)}): initial distance ${e(th.initialDistance.value)} (exact: f_c(0) = g_c(0) = 0); approximate final ${e(th.approximateFinalDistance.value)}`,
    );
    if (th.finalLowerBound)
      lines.push(
        `  exact final distance ≥ ${pm(th.finalLowerBound)} (conservative ${e(th.finalLowerBoundConservative ?? Number.NaN)}): ${th.separation} — ${th.reason}`,
      );
    else lines.push(`  exact final distance: ${th.reason}`);
    const tw = th.weighted;
    lines.push(
      `  weighted e^{<v>^2} (Theorem 1.1's initial norm): initial ${e(tw.initialDistance.value)} (exact); approximate final ${e(tw.approximateFinalDistance.value)}; exact final ≥ ${tw.finalLowerBound ? `${pm(tw.finalLowerBound)} (conservative ${e(tw.finalLowerBoundConservative ?? Number.NaN)}; beam region |v| > ${tw.beamSpeedFloor})` : "n/a"}; e^{(1-κt)<v>^2} is 1 at T*: its final distance is the unweighted one`,
    );
    lines.push(
      `  bootstrap upper bounds: ‖f_c(T*)‖ ≤ ${upperBoundText(row.bootstrap, "f")}, ‖g_c(T*)‖ ≤ ${upperBoundText(row.bootstrap, "g")}`,
    );
    const ts = row.transportedSource;
    if (ts.f || ts.g)
      lines.push(
        `  transported-source upper bounds (assumption: ${(ts.f ?? ts.g)?.assumption}): ‖f_c(T*)‖ ≤ ${ts.f ? `${e(ts.f.bound)} (ρ = ${e(ts.f.collisionShare)}; e^{<v>^2}-weighted ≤ ${e(ts.f.weightedBound)})` : "n/a"}, ‖g_c(T*)‖ ≤ ${ts.g ? `${e(ts.g.bound)} (ρ = ${e(ts.g.collisionShare)}; e^{<v>^2}-weighted ≤ ${e(ts.g.weightedBound)})` : "n/a"}`,
      );
    if (row.weightedFinalUnderSourceBound !== null)
      lines.push(
        `  weighted e^{<v>^2} final distance ≥ ${e(row.weightedFinalUnderSourceBound)} under the transported-source assumption (approximate − the weighted correction bounds)`,
      );
    for (const sol of ["f", "g"] as const) {
      const m = row[sol];
      if (!m) continue;
      const last = m.points[m.points.length - 1];
      lines.push(
        `  ${sol}_c(T*): ‖P ${sol}_c‖² = ${pm(last.projectionSquared)} (lower bound of ‖${sol}_c‖ ${last.projectionLowerBound === null ? "inconclusive" : e(last.projectionLowerBound)}; by ⟨${sol}_c, ${sol === "f" ? "f_b" : "g_a"}⟩ ${e(m.overlapLowerBounds[m.overlapLowerBounds.length - 1] ?? Number.NaN)}), Σ|w| = ${pm(last.totalVariation)}, mass ${pm(last.mass)}, energy ${pm(last.energy)}; ${m.sourceParticles.toFixed(0)} source particles, ${m.linearEvents.toFixed(1)} linear and ${m.quadraticEvents.toFixed(1)} quadratic events per replica${(m.strata ?? []).map((q) => `; ${q.term}: ε = ${e(q.epsilon)}, ${q.sourceParticles.toFixed(0)} source particles, ${q.linearEvents.toFixed(1)} linear events`).join("")}`,
      );
      for (const w of m.weighted)
        lines.push(
          `    weighted ω = ${w.weight}: sup over t of the lower bounds of ‖ω${sol}_c(t)‖: projection ${e(w.supProjection ?? Number.NaN)}, by ⟨ω${sol}_c, ψ⟩ ${e(w.supOverlap ?? Number.NaN)}; at T*: ‖P ω${sol}_c‖² = ${pm(w.last.projectionSquared)}`,
        );
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** The bootstrap's assumptions in one line (C and the continuation), or why there is no bound. */
function bootstrapAssumptions(b: ExactBootstrapBound | undefined): string {
  if (!b) return "no rows";
  if (b.status !== "bounded") return b.reason;
  return `Proposition 5.1 bootstrap with C = ${b.constant} assumed (${b.constantSource}); Z_a and E measured at M = ${b.measuredMs.join(", ")}, continued with the ${b.scenario}; ‖h‖_{L²H^{s0}} ≤ ‖h‖_Z`;
}
