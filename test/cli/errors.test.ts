import assert from "node:assert/strict";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { errorJobs } from "../../src/claims/error-table/error-table.ts";
import { dispatchGroups } from "../../src/parallel/job-queue.ts";
import { runCli } from "./run-cli.ts";

/**
 * `boltzlab errors`: bad-input rules (exit 2, one line, nothing written), resume after a truncated
 * write, shards merged with --in, and --workers, on cheap terms at tiny M.
 */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-errors-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

// in-process unless a test asks for children (--workers defaults to the number of cores)
const CHEAP = [
  "--M",
  "3,4,5",
  "--term",
  "Q-(fr,fr),v.grad(fr)",
  "--norm",
  "L2,Linf",
  "--workers",
  "1",
];

function expectRule(args: readonly string[], rule: string, out: string): void {
  const r = runCli(["errors", ...args, "--out", out]);
  const where = `boltzlab errors ${args.join(" ")}`;
  assert.equal(r.status, 2, `${where}: exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, "", `${where}: stdout must be empty`);
  const lines = r.stderr.replace(/\n$/, "").split("\n");
  assert.equal(lines.length, 1, `${where}: one stderr line, got ${JSON.stringify(r.stderr)}`);
  assert.ok(lines[0].includes(rule), `${where}: "${lines[0]}" names "${rule}"`);
  assert.equal(existsSync(out), false, `${where}: nothing written`);
}

interface Run {
  entries: Record<string, unknown>[];
  jobs: { computed: number; alreadyDone: number };
}

function runJson(args: readonly string[]): Run {
  const r = runCli(["errors", ...args, "--json"]);
  assert.equal(r.status, 0, `errors ${args.join(" ")}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "");
}

test("bad input: one line naming the rule, exit 2, nothing written", () => {
  const out = join(tmp, "bad.jsonl");
  expectRule(["--term", "Q(fr,fr)"], "term must be one of", out);
  expectRule(["--norm", "H1"], "norm must be one of", out);
  expectRule(["--shard", "3/2"], "--shard must be k/n with integers 1 <= k <= n", out);
  expectRule(["--shard", "0/2"], "--shard must be k/n with integers 1 <= k <= n", out);
  expectRule(["--M", "4,2.5"], "M must be an integer >= 3", out);
  expectRule(["--M", "1"], "M must be an integer >= 3", out);
  expectRule(["--M", "2"], "M must be an integer >= 3 here (T* = M^{s-1} ln ln M > 0", out);
  expectRule(["--workers", "0"], "workers must be an integer >= 1", out);
  expectRule(["--grid", "0.5,1"], "window grid must be fractions of T*", out);
  const missing = join(tmp, "missing.jsonl");
  expectRule([...CHEAP, "--in", missing], "--in must be a comma-separated list of readable", out);
  const garbage = join(tmp, "garbage.jsonl");
  writeFileSync(garbage, '{"not": "a record"}\n{"format": "x"}\n');
  expectRule([...CHEAP, "--in", garbage], "--in must be a comma-separated list of readable", out);
  // an --out file that is not a results file is refused too, and left untouched
  writeFileSync(out, "hello\nworld\n");
  const r = runCli(["errors", ...CHEAP, "--out", out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--out must be a boltzlab errors JSONL file/);
  assert.equal(readFileSync(out, "utf8"), "hello\nworld\n");
  rmSync(out);
});

test("resume: truncate the file mid-line, rerun: the same entries, no duplicates", () => {
  const out = join(tmp, "resume.jsonl");
  const first = runJson([...CHEAP, "--out", out]);
  assert.equal(first.jobs.computed, 12);
  const before = lines(out);
  assert.equal(before.length, 12);
  const measured = first.entries.filter((e) => e.verdict !== "not measured");
  assert.equal(measured.length, 4);
  // cut the last line in half (an interrupted write)
  const size = readFileSync(out).length;
  truncateSync(out, size - Math.floor(before[11].length / 2));
  const again = runJson([...CHEAP, "--out", out]);
  assert.equal(again.jobs.computed, 1, "only the truncated job is recomputed");
  assert.equal(again.jobs.alreadyDone, 11);
  const after = lines(out);
  assert.equal(after.length, 12, "no duplicates, no partial line left");
  for (const l of after) JSON.parse(l);
  assert.deepEqual(again.entries, first.entries);
  // a third run computes nothing
  assert.equal(runJson([...CHEAP, "--out", out]).jobs.computed, 0);
  // the same with --workers 2 (three jobs to redo: two children): the parent truncates, the
  // children only append
  const keep = after.slice(0, 9).join("\n").length + 1 + Math.floor(after[9].length / 2);
  truncateSync(out, Buffer.byteLength(readFileSync(out, "utf8").slice(0, keep)));
  const viaWorkers = runJson([...CHEAP, "--workers", "2", "--out", out]);
  assert.equal(viaWorkers.jobs.computed, 3);
  assert.equal(lines(out).length, 12, "no duplicates, no partial line left (workers)");
  for (const l of lines(out)) JSON.parse(l);
  assert.deepEqual(viaWorkers.entries, first.entries);
});

test("shards 1/2 and 2/2 merged with --in equal the unsharded run; --workers 2 too", () => {
  const whole = runJson([...CHEAP, "--out", join(tmp, "whole.jsonl")]);
  const s1 = join(tmp, "s1.jsonl");
  const s2 = join(tmp, "s2.jsonl");
  const a = runJson([...CHEAP, "--shard", "1/2", "--out", s1]);
  const b = runJson([...CHEAP, "--shard", "2/2", "--out", s2]);
  assert.equal(a.jobs.computed + b.jobs.computed, 12);
  assert.equal(lines(s1).length + lines(s2).length, 12);
  const merged = runJson([...CHEAP, "--in", `${s1},${s2}`, "--out", join(tmp, "merged.jsonl")]);
  assert.equal(merged.jobs.computed, 0, "everything came from the shard files");
  assert.equal(existsSync(join(tmp, "merged.jsonl")), false);
  assert.deepEqual(merged.entries, whole.entries);
  const workers = runJson([...CHEAP, "--workers", "2", "--out", join(tmp, "workers.jsonl")]);
  assert.equal(lines(join(tmp, "workers.jsonl")).length, 12);
  assert.deepEqual(workers.entries, whole.entries);
});

test("--recompute: the selected jobs are computed again and replace their records; the others stay", () => {
  const out = join(tmp, "recompute.jsonl");
  const first = runJson([...CHEAP, "--out", out]);
  assert.equal(first.jobs.computed, 12);
  // tamper with one v.grad(fr) L2 record at M = 4 (as if a measure had changed since)
  const records = lines(out).map((l) => JSON.parse(l) as Record<string, any>);
  const k = records.findIndex((r) => r.term === "v.grad(fr)" && r.part === "L2" && r.M === 4);
  assert.ok(k >= 0);
  const truth = records[k].full.value.value as number;
  records[k].full.value.value = 2 * truth;
  writeFileSync(out, records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  // a plain rerun trusts the file
  assert.equal(runJson([...CHEAP, "--out", out]).jobs.computed, 0);
  // --recompute of that term at M = 4 only: 2 jobs (L2, Linf) recomputed, 10 records untouched
  const again = runJson([
    "--M",
    "4",
    "--term",
    "v.grad(fr)",
    "--norm",
    "L2,Linf",
    "--recompute",
    "--out",
    out,
  ]);
  assert.equal(again.jobs.computed, 2);
  const after = lines(out).map((l) => JSON.parse(l) as Record<string, any>);
  assert.equal(after.length, 12, "no duplicates");
  const fixed = after.filter((r) => r.term === "v.grad(fr)" && r.part === "L2" && r.M === 4);
  assert.equal(fixed.length, 1);
  assert.equal(fixed[0].full.value.value, truth);
  const untouched = (rs: Record<string, any>[]) =>
    rs
      .filter((r) => !(r.term === "v.grad(fr)" && r.M === 4))
      .map((r) => JSON.stringify(r))
      .sort();
  assert.deepEqual(untouched(after), untouched(records));
});

test("--workers queue: heaviest jobs first, the Q⁺(f_b,f_r)/Q⁺(f_r,f_b) pair of one part and M dispatched together", () => {
  const jobs = errorJobs(
    ["v.grad(fr)", "Q+(fr,fb)", "Q+(fb,fr)", "Q-(fb,fb)"],
    ["L2", "Linf"],
    [4, 8],
  );
  const groups = dispatchGroups(jobs);
  // every job exactly once
  assert.deepEqual(
    groups
      .flat()
      .map((j) => j.index)
      .sort((a, b) => a - b),
    jobs.map((j) => j.index),
  );
  // the beam–beam term first, larger M first within it; the transport term last
  assert.deepEqual(
    groups.slice(0, 4).map((g) => [g[0].term, g[0].M]),
    [
      ["Q-(fb,fb)", 8],
      ["Q-(fb,fb)", 8],
      ["Q-(fb,fb)", 4],
      ["Q-(fb,fb)", 4],
    ],
  );
  assert.equal(groups.at(-1)?.[0].term, "v.grad(fr)");
  // the symmetric pair travels as one group
  const pairs = groups.filter((g) => g.length === 2);
  assert.equal(pairs.length, 4);
  for (const g of pairs) {
    assert.deepEqual(g.map((j) => j.term).sort(), ["Q+(fb,fr)", "Q+(fr,fb)"]);
    assert.equal(g[0].part, g[1].part);
    assert.equal(g[0].M, g[1].M);
  }
});
