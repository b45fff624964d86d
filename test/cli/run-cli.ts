import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (the CLI runs with this as cwd). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `boltzlab ...args` as a subprocess: node --import tsx src/cli/main.ts. */
export function runCli(args: readonly string[], timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutMs,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Parse stdout as JSON, with the run in the message on failure. */
export function runJson(args: readonly string[]): Record<string, unknown> {
  const r = runCli(args);
  if (r.status !== 0) {
    throw new Error(`boltzlab ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout) as Record<string, unknown>;
}
