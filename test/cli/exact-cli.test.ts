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
    [["--constant", "-1"], /--constant must be a number > 0 or measured/],
    [["--errors", join(dir, "missing-errors.jsonl")], /--errors must be a comma-separated list/],
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

test("exact: the bootstrap's upper bounds beside the particles, with and without an error table", () => {
  // run in an empty directory, so that the default results/errors.jsonl is absent
  const dir = mkdtempSync(join(tmpdir(), "exact-"));
  const fixture = join(import.meta.dirname, "../report/fixtures/errors-m4.jsonl");
  const runIn = (args: string[]) =>
    spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), main, "exact", ...args], {
      encoding: "utf8",
      cwd: dir,
    });
  const common = [
    "--M",
    "4",
    "--solution",
    "g",
    "--replicas",
    "3",
    "--proposals",
    "3000",
    "--samples",
    "1",
    "--rate-proposals",
    "200",
    "--workers",
    "1",
    "--out",
    join(dir, "e.jsonl"),
  ];
  const text = runIn(common);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /‖f_c\(T\*\)‖ ≤ no error table, ‖g_c\(T\*\)‖ ≤ no error table/);
  assert.match(text.stdout, /results\/errors\.jsonl absent/);
  const withTable = runIn([...common, "--errors", fixture, "--constant", "0.5", "--json"]);
  assert.equal(withTable.status, 0, withTable.stderr);
  const doc = JSON.parse(withTable.stdout);
  const b = doc.rows[0].bootstrap;
  assert.equal(b.status, "bounded");
  assert.equal(b.constant, 0.5);
  assert.match(doc.bootstrapAssumptions, /C = 0\.5 assumed \(given with --constant\)/);
  assert.ok(b.g.bound > 0 && Number.isFinite(b.g.bound), JSON.stringify(b.g));
  const lower = doc.rows[0].g.points.at(-1).projectionLowerBound;
  if (lower !== null) assert.ok(lower <= b.g.bound, `particles ${lower} ≤ bootstrap ${b.g.bound}`);
  // a larger C gives a larger bound (the bootstrap's linear factor C c Z_a grows with C)
  const larger = runIn([...common, "--errors", fixture, "--constant", "1", "--json"]);
  const b1 = JSON.parse(larger.stdout).rows[0].bootstrap;
  if (b1.g.closes) assert.ok(b1.g.bound > b.g.bound);
});

test("report --exact: an unreadable exact file → one line naming the rule, exit 2, no report", () => {
  const dir = mkdtempSync(join(tmpdir(), "exact-report-"));
  const out = join(dir, "report");
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", main, "report", "--exact", join(dir, "none.jsonl"), "--out", out],
    { encoding: "utf8" },
  );
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--exact must be a readable boltzlab exact JSON Lines file/);
  assert.ok(!existsSync(out));
});
