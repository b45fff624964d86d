import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "exact", ...args], {
    encoding: "utf8",
  });
}

test("exact: bad input → one line naming the rule, exit 2, nothing written", () => {
  const dir = mkdtempSync(join(tmpdir(), "exact-"));
  const cases: [string[], RegExp][] = [
    [["--solution", "h"], /--solution must be one of/],
    [["--nmax", "9"], /--nmax must be <= 4/],
    [["--construction", "nope"], /--construction must be paper/],
    [["--shard", "3/2"], /--shard must be k\/n/],
    [["--in", join(dir, "missing.jsonl")], /--in file not found/],
  ];
  for (const [args, rule] of cases) {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}.jsonl`);
    const r = run([...args, "--out", out]);
    assert.equal(r.status, 2, `${args.join(" ")}: exit ${r.status} ${r.stderr}`);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], rule);
    assert.ok(!existsSync(out), "nothing written");
  }
});

test("exact: shards merged equal the unsharded run; a rerun resumes (runs nothing)", () => {
  const dir = mkdtempSync(join(tmpdir(), "exact-"));
  const common = [
    "--M",
    "4",
    "--solution",
    "g",
    "--replicas",
    "3",
    "--proposals",
    "4000",
    "--samples",
    "1",
    "--rate-proposals",
    "200",
    "--workers",
    "1",
    "--json",
  ];
  const full = join(dir, "full.jsonl");
  const a = join(dir, "a.jsonl");
  const b = join(dir, "b.jsonl");
  const r0 = run([...common, "--out", full]);
  assert.equal(r0.status, 0, r0.stderr);
  assert.equal(readFileSync(full, "utf8").trim().split("\n").length, 3);
  for (const [k, f] of [
    ["1/2", a],
    ["2/2", b],
  ]) {
    const r = run([...common, "--shard", k, "--out", f]);
    assert.equal(r.status, 0, r.stderr);
  }
  const merged = run([...common, "--in", `${a},${b}`]);
  assert.equal(merged.status, 0, merged.stderr);
  const x = JSON.parse(r0.stdout);
  const y = JSON.parse(merged.stdout);
  assert.deepEqual(y.rows, x.rows);
  assert.equal(x.rows[0].g.replicas, 3);
  assert.match(x.rows[0].theorem.reason, /needs both corrections/);
  const again = run([...common, "--out", full]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(JSON.parse(again.stdout).replicasRunNow, 0);
  assert.deepEqual(JSON.parse(again.stdout).rows, x.rows);
});
