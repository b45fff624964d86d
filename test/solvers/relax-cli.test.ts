import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "relax", ...args], {
    encoding: "utf8",
  });
}

test("relax: bad input → one line naming the rule, exit 2, nothing written", () => {
  const dir = mkdtempSync(join(tmpdir(), "relax-"));
  const bad = join(dir, "bad.json");
  const neg = join(dir, "neg.json");
  writeFileSync(bad, "{not json");
  writeFileSync(
    neg,
    JSON.stringify({
      format: "boltzlab-grid-v1",
      n: 4,
      L: 3,
      values: [...Array(63).fill(0.1), -1],
    }),
  );
  const nan = join(dir, "nan.json");
  writeFileSync(
    nan,
    `{"format":"boltzlab-grid-v1","n":4,"L":3,"values":[${[...Array(63).fill(0.1), '"x"'].join(",")}]}`,
  );
  const cases: [string[], RegExp][] = [
    [["--n", "24", "--t-end", "1"], /power of two/],
    [["--init", bad, "--n", "4", "--t-end", "1"], /grid file must be JSON/],
    [["--init", neg, "--n", "4", "--t-end", "1"], />= 0/],
    [["--init", nan, "--n", "4", "--t-end", "1"], /finite/],
    [["--init", "maxwellian", "--density", "-1", "--t-end", "1"], /density must be/],
    [["--kernel", "vhs:0.5", "--t-end", "1"], /--kernel must be one of/],
    [["--init", "bkw", "--t-end", "1"], /only for --kernel constant/],
    [["--t-end", "-1"], /--t-end must be/],
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

test("relax: BKW run writes the JSON series with errorMax and conserves to round-off", () => {
  const dir = mkdtempSync(join(tmpdir(), "relax-"));
  const r = run([
    "--kernel",
    "constant",
    "--n",
    "16",
    "--init",
    "bkw",
    "--t-end",
    "0.2",
    "--dt",
    "0.05",
    "--scheme",
    "rk3",
    "--positivity",
    "enforce",
    "--json",
    "--out",
    dir,
    "--angles",
    "2",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.kernel, "constant");
  assert.equal(j.n, 16);
  assert.equal(j.series.length, 5);
  for (const p of j.series) {
    assert.equal(p.momentum.length, 3);
    assert.equal(p.temperature.length, 3);
    assert.ok(Number.isFinite(p.entropy) && Number.isFinite(p.errorMax));
  }
  assert.ok(j.conservation.massError < 1e-13 && j.conservation.energyError < 1e-13);
  const lines = readFileSync(join(dir, "series.jsonl"), "utf8").trim().split("\n");
  assert.equal(lines.length, 5);
  for (const f of [
    "series.json",
    "series.csv",
    "final.json",
    "entropy.svg",
    "entropy.png",
    "slices.png",
  ]) {
    assert.ok(existsSync(join(dir, f)), f);
  }
  // the final state is a valid grid file: restart from it
  const r2 = run([
    "--kernel",
    "constant",
    "--n",
    "16",
    "--init",
    join(dir, "final.json"),
    "--t-end",
    "0.05",
    "--dt",
    "0.05",
    "--json",
    "--angles",
    "2",
  ]);
  assert.equal(r2.status, 0, r2.stderr);
  assert.ok(Math.abs(JSON.parse(r2.stdout).series[0].mass - j.series[4].mass) < 1e-14);
});
