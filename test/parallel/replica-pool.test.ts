/**
 * `--workers N` for particles and transport: replicas on a worker pool are the same bits as the
 * in-process run (same seeds), in the library and through the CLI.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { runReplicaTasks } from "../../src/parallel/replica-pool.ts";
import type { ReplicaTask } from "../../src/parallel/replica-worker.ts";
import type { ParticleRunConfig } from "../../src/solvers/particles/particle-run.ts";
import { transportSettings } from "../../src/solvers/particles/transport-coefficients.ts";

const config: ParticleRunConfig = {
  method: "dsmc",
  kernel: "hard-sphere",
  init: "two-beam",
  particles: 2000,
  tEnd: 0.1,
  dt: 0.01,
  domain: { kind: "homogeneous" },
  times: [0, 0.05, 0.1],
  seed: 7,
  beamSpeed: 1,
  beamTemperature: 0.5,
  density: 1,
  temperature: 1,
  bkwK0: 0.7,
  cancellationBin: 0.2,
};

test("replica pool: particles and transport replicas on 2 workers equal the in-process ones", async () => {
  const settings = transportSettings({
    coefficient: "viscosity",
    particles: 500,
    replicas: 2,
    seed: 3,
    tMax: 0.1,
  });
  const tasks: ReplicaTask[] = [
    { kind: "particles", config, replica: 0 },
    { kind: "particles", config, replica: 1 },
    { kind: "particles", config, replica: 2 },
    { kind: "transport", settings, replica: 0 },
    { kind: "transport", settings, replica: 1 },
  ];
  const seen: number[] = [];
  const pooled = await runReplicaTasks(tasks, 2, (_, task) => seen.push(tasks.indexOf(task)));
  const serial = await runReplicaTasks(tasks, 1);
  assert.deepEqual(pooled, serial);
  assert.deepEqual([...seen].sort(), [0, 1, 2, 3, 4]);
  // replicas differ from each other (the equality above is not between constants)
  assert.notDeepEqual(serial[0], serial[1]);
});

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", main, ...args, "--json"], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

test("CLI: particles and transport with --workers 2 print the numbers of --workers 1", () => {
  const p = [
    "particles",
    "--t-end",
    "0.05",
    "--particles",
    "1000",
    "--replicas",
    "3",
    "--samples",
    "2",
  ];
  const a = cli([...p, "--workers", "1"]);
  const b = cli([...p, "--workers", "2"]);
  assert.deepEqual(a.series, b.series);
  const t = ["transport", "--coefficient", "viscosity", "--particles", "300", "--replicas", "2"];
  const gk = [...t, "--method", "green-kubo", "--t-max", "0.05"];
  const c = cli([...gk, "--workers", "1"]);
  const d = cli([...gk, "--workers", "2"]);
  assert.deepEqual({ ...c, workers: 0 }, { ...d, workers: 0 });
  assert.equal(d.workers, 2);
  const wave = [...t, "--method", "wave", "--t-start", "0.02", "--t-end", "0.05"];
  const e = cli([...wave, "--workers", "1"]);
  const f = cli([...wave, "--workers", "2"]);
  assert.deepEqual({ ...e, workers: 0 }, { ...f, workers: 0 });
  for (const key of ["coefficient", "value", "error", "T", "rho", "method", "waves"])
    assert.ok(key in e, key);
});
