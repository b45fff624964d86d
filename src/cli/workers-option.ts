import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { RuleError } from "../math/errors.ts";

/** `--workers N`: worker threads for independent work (default: the number of cores; 1 = in-process). */
export function addWorkersOption(cmd: Command): Command {
  return cmd.option(
    "--workers <n>",
    `worker threads for independent checks/rows (integer >= 1, 1 = in-process; default ${availableParallelism()}, the number of cores)`,
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
