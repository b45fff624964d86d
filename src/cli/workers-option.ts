import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { RuleError } from "../math/errors.ts";

/**
 * `--workers N`, one default for every command that runs independent work in parallel (claims,
 * theorem, report, particles, transport, relax (Q's directions, n >= 32): worker threads; errors: child
 * processes): the number of cores. 1 = in-process.
 */
export function addWorkersOption(
  cmd: Command,
  what = "worker threads for independent checks/rows",
): Command {
  return cmd.option(
    "--workers <n>",
    `${what} (integer >= 1, 1 = in-process; default ${availableParallelism()}, the number of cores)`,
  );
}

/** The value of `--workers`: an integer ≥ 1; absent → the number of cores. */
export function parseWorkers(raw: string | undefined): number {
  if (raw === undefined) return availableParallelism();
  const text = raw.trim();
  if (!/^\+?\d+$/.test(text) || Number(text) < 1) {
    throw new RuleError("workers must be an integer >= 1", `got "${raw}"`);
  }
  return Number(text);
}
