import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "particles", ...args], {
    encoding: "utf8",
  });
}

test("particles: bad input → one line naming the rule, exit 2, nothing written", () => {
  const dir = mkdtempSync(join(tmpdir(), "particles-"));
  const cases: [string[], RegExp][] = [
    [["--particles", "1", "--t-end", "1"], /--particles must be an integer >= 2/],
    [["--t-end", "1", "--method", "pic"], /--method must be one of/],
    [["--t-end", "1", "--kernel", "vhs:0.5"], /--kernel must be one of/],
    [["--t-end", "1", "--init", "vortex"], /--init must be one of/],
    [["--t-end", "1", "--domain", "torus"], /--domain must be free or periodic:L/],
    [["--t-end", "1", "--domain", "periodic:-2"], /L > 0/],
    [["--t-end", "1", "--init", "gaussian-blob"], /--domain free/],
    [["--t-end", "1", "--method", "deviational"], /supports --init bkw/],
    [
      ["--t-end", "1", "--init", "shear-wave", "--domain", "periodic:5"],
      /multiple of the wavelength/,
    ],
    [["--t-end", "1", "--init", "heat-wave", "--amplitude", "1.5"], /\|a\| < 1/],
    [["--t-end", "1", "--init", "shear-wave", "--wave-number", "0"], /--wave-number must be > 0/],
    [["--t-end", "1", "--shard", "3/2"], /--shard must be k\/n/],
    [["--t-end", "1", "--init", "bkw", "--bkw-k0", "0.5"], /\[0.6, 1\)/],
    [["--t-end", "0"], /--t-end must be > 0/],
    [[], /--t-end is required/],
  ];
  for (const [args, rule] of cases) {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = run([...args, "--out", out]);
    assert.equal(r.status, 2, `${args.join(" ")}: exit ${r.status} ${r.stderr}`);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], rule);
    assert.equal(existsSync(out), false, "nothing may be written");
  }
});

test("particles: replicas append as JSONL, resume without recomputing, and shards merge exactly", () => {
  const dir = mkdtempSync(join(tmpdir(), "particles-"));
  const base = ["--t-end", "0.1", "--samples", "2", "--particles", "400", "--json"];
  const full = run([...base, "--replicas", "3", "--out", join(dir, "full")]);
  assert.equal(full.status, 0, full.stderr);
  const F = JSON.parse(full.stdout);
  assert.equal(F.replicasRunNow, 3);
  assert.deepEqual(
    F.series.map((p: { t: number }) => p.t),
    [0, 0.05, 0.1],
  );
  for (const key of ["t", "mass", "momentum", "energy", "temperature"])
    assert.ok(key in F.series[0], key);
  assert.ok(F.series[2].error.anisotropy > 0);
  // resume: 2 replicas, then 3 → only one more is run; result identical to the full run
  const part = join(dir, "part");
  assert.equal(run([...base, "--replicas", "2", "--out", part]).status, 0);
  // simulate an interruption that cut a line
  writeFileSync(
    join(part, "replicas.jsonl"),
    `${readFileSync(join(part, "replicas.jsonl"))}{"conf`,
  );
  const resumed = JSON.parse(run([...base, "--replicas", "3", "--out", part]).stdout);
  assert.equal(resumed.replicasRunNow, 1);
  assert.deepEqual(resumed.series, F.series);
  // shards 1/2 and 2/2 in separate directories, concatenated, give the same series
  const a = join(dir, "a");
  const b = join(dir, "b");
  assert.equal(run([...base, "--replicas", "3", "--shard", "1/2", "--out", a]).status, 0);
  assert.equal(run([...base, "--replicas", "3", "--shard", "2/2", "--out", b]).status, 0);
  const merged = join(dir, "merged");
  mkdirSync(merged);
  writeFileSync(
    join(merged, "replicas.jsonl"),
    readFileSync(join(a, "replicas.jsonl"), "utf8") +
      readFileSync(join(b, "replicas.jsonl"), "utf8"),
  );
  const M = JSON.parse(run([...base, "--replicas", "3", "--out", merged]).stdout);
  assert.equal(M.replicasRunNow, 0);
  assert.deepEqual(M.series, F.series);
  assert.ok(existsSync(join(merged, "series.csv")));
});
