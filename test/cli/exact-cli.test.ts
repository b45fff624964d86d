/**
 * `boltzlab exact` as a command. The exit-code contract (one line on stderr, exit 2, nothing
 * written) is checked on real processes (one `exact` rule, one `report --exact` rule); every other
 * case runs the command in this process (commander program with the command's `register`, stdout
 * captured): the rules by the RuleError they throw before anything is written, and the runs (shards,
 * merge, resume, the bootstrap column) by their printed JSON. Spawning costs ≈ 2 s of CPU each on
 * the shared machine; in-process the modules load once.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Command } from "commander";
import { register } from "../../src/cli/commands/exact.ts";
import { RuleError } from "../../src/math/errors.ts";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "exact", ...args], {
    encoding: "utf8",
  });
}

/** `boltzlab exact ARGS` in this process (in `cwd` when given): its stdout, or the error it threw. */
async function exactIn(args: string[], cwd?: string): Promise<{ stdout: string; error: unknown }> {
  const program = new Command().exitOverride();
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write;
  const prev = process.cwd();
  process.stdout.write = ((c: string | Uint8Array) => {
    chunks.push(String(c));
    return true;
  }) as typeof process.stdout.write;
  if (cwd) process.chdir(cwd);
  try {
    await program.parseAsync(["node", "boltzlab", "exact", ...args]);
    return { stdout: chunks.join(""), error: null };
  } catch (error) {
    return { stdout: chunks.join(""), error };
  } finally {
    process.stdout.write = write;
    process.chdir(prev);
  }
}

test("exact: bad input → one line naming the rule, exit 2, nothing written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "exact-"));
  // the process contract, once
  const out0 = join(dir, "out-0.jsonl");
  const r = run(["--solution", "h", "--out", out0]);
  assert.equal(r.status, 2, `exit ${r.status} ${r.stderr}`);
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], /--solution must be one of/);
  assert.ok(!existsSync(out0), "nothing written");
  // every rule: a RuleError (what main.ts turns into that line and exit 2), nothing written
  const cases: [string[], RegExp][] = [
    [["--solution", "h"], /--solution must be one of/],
    [["--nmax", "9"], /--nmax must be <= 4/],
    [["--term-proposals", "-1"], /--term-proposals must be an integer >= 0/],
    [["--construction", "nope"], /--construction must be paper/],
    [["--shard", "3/2"], /--shard must be k\/n/],
    [["--in", join(dir, "missing.jsonl")], /--in file not found/],
    [["--constant", "-1"], /--constant must be a number > 0 or measured/],
    [["--errors", join(dir, "missing-errors.jsonl")], /--errors must be a comma-separated list/],
  ];
  for (const [i, [args, rule]] of cases.entries()) {
    const out = join(dir, `out-${i + 1}.jsonl`);
    const { error } = await exactIn([...args, "--out", out]);
    assert.ok(error instanceof RuleError, `${args.join(" ")}: ${String(error)}`);
    assert.match(error.message.split("\n")[0], rule);
    assert.ok(!existsSync(out), `${args.join(" ")}: nothing written`);
  }
});

test("exact: shards merged equal the unsharded run; a rerun resumes (runs nothing)", async () => {
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
  const r0 = await exactIn([...common, "--out", full]);
  assert.equal(r0.error, null);
  assert.equal(readFileSync(full, "utf8").trim().split("\n").length, 3);
  for (const [k, f] of [
    ["1/2", a],
    ["2/2", b],
  ]) {
    const r = await exactIn([...common, "--shard", k, "--out", f]);
    assert.equal(r.error, null);
  }
  const merged = await exactIn([...common, "--in", `${a},${b}`]);
  assert.equal(merged.error, null);
  const x = JSON.parse(r0.stdout);
  const y = JSON.parse(merged.stdout);
  assert.deepEqual(y.rows, x.rows);
  assert.equal(x.rows[0].g.replicas, 3);
  assert.match(x.rows[0].theorem.reason, /needs both corrections/);
  const again = await exactIn([...common, "--out", full]);
  assert.equal(again.error, null);
  assert.equal(JSON.parse(again.stdout).replicasRunNow, 0);
  assert.deepEqual(JSON.parse(again.stdout).rows, x.rows);
});

test("exact: the bootstrap's upper bounds beside the particles, with and without an error table", async () => {
  // run in an empty directory, so that the default results/errors.jsonl is absent
  const dir = mkdtempSync(join(tmpdir(), "exact-"));
  const fixture = join(import.meta.dirname, "../report/fixtures/errors-m4.jsonl");
  const runIn = (args: string[]) => exactIn(args, dir);
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
  const text = await runIn(common);
  assert.equal(text.error, null);
  assert.match(text.stdout, /‖f_c\(T\*\)‖ ≤ no error table, ‖g_c\(T\*\)‖ ≤ no error table/);
  assert.match(text.stdout, /results\/errors\.jsonl absent/);
  const withTable = await runIn([...common, "--errors", fixture, "--constant", "0.5", "--json"]);
  assert.equal(withTable.error, null);
  const doc = JSON.parse(withTable.stdout);
  const b = doc.rows[0].bootstrap;
  assert.equal(b.status, "bounded");
  assert.equal(b.constant, 0.5);
  assert.match(doc.bootstrapAssumptions, /C = 0\.5 assumed \(given with --constant\)/);
  assert.ok(b.g.bound > 0 && Number.isFinite(b.g.bound), JSON.stringify(b.g));
  const lower = doc.rows[0].g.points.at(-1).projectionLowerBound;
  if (lower !== null) assert.ok(lower <= b.g.bound, `particles ${lower} ≤ bootstrap ${b.g.bound}`);
  // a larger C gives a larger bound (the bootstrap's linear factor C c Z_a grows with C)
  const larger = await runIn([...common, "--errors", fixture, "--constant", "1", "--json"]);
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
