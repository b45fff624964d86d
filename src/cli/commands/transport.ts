/**
 * `boltzlab transport`: viscosity or heat conductivity of the hard-sphere gas from the linearized
 * Boltzmann operator by deviational Monte Carlo (src/solvers/particles/transport-coefficients.ts),
 * with its standard error over replicas and the literature value in the same normalization.
 */
import type { Command } from "commander";
import { RuleError } from "../../math/errors.ts";
import { runReplicaTasks } from "../../parallel/replica-pool.ts";
import {
  combineTransport,
  type TransportCoefficient,
  type TransportReplica,
  transportSettings,
} from "../../solvers/particles/transport-coefficients.ts";
import { parseChoice, parseInteger, parseNumber } from "../parse.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface TransportOpts {
  coefficient?: string;
  T: string;
  rho: string;
  particles: string;
  replicas: string;
  seed: string;
  dt?: string;
  tMax?: string;
  cancellationBin?: string;
  json?: boolean;
  workers?: string;
}

export function register(program: Command): void {
  const cmd = program
    .command("transport")
    .description(
      "hard-sphere viscosity / heat conductivity from the linearized operator (deviational Monte Carlo)",
    )
    .option("--coefficient <c>", "viscosity | heat-conductivity (required)")
    .option("--T <T>", "temperature", "1")
    .option("--rho <rho>", "density", "1")
    .option("--particles <N>", "initial deviational particles per replica", "20000")
    .option("--replicas <R>", "independent replicas (>= 2)", "4")
    .option("--seed <S>", "base seed", "1")
    .option("--dt <dt>", "flux sampling / cancellation interval (default 0.01/(rho sqrt T))")
    .option("--t-max <t>", "integration range (default 0.6/(rho sqrt T))")
    .option("--cancellation-bin <dv>", "velocity cube side (default 0.2 sqrt T)")
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
    const st = transportSettings({
      coefficient,
      T: parseNumber("--T", o.T),
      rho: parseNumber("--rho", o.rho),
      particles: parseInteger("--particles", o.particles, 100),
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
