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
    [["--init", neg, "--n", "4", "--t-end", "1"], /f must be >= -1e-6·max f/],
    [["--init", nan, "--n", "4", "--t-end", "1"], /finite/],
    [["--init", "maxwellian", "--density", "-1", "--t-end", "1"], /density must be/],
    [["--kernel", "vhs:0.5", "--t-end", "1"], /--kernel must be one of/],
    [["--init", "bkw", "--t-end", "1"], /only for --kernel constant/],
    [["--t-end", "-1"], /--t-end must be/],
    [["--t-end", "1", "--sphere", "design"], /--sphere must be one of/],
    [["--t-end", "1", "--projection", "weighted"], /--projection must be one of/],
    [["--t-end", "1", "--angles", "13"], /--angles must be a Lebedev degree/],
    [
      ["--t-end", "1", "--truncation", "staircase:0"],
      /--truncation must be separated or staircase:K/,
    ],
    [
      ["--t-end", "1", "--sphere", "product", "--angles", "65"],
      /--angles must be an integer in \[1, 64\]/,
    ],
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

test("relax --truncation staircase:2: named in the output with its reach, the rule's (L, R)", () => {
  const r = run([
    "--init",
    "maxwellian",
    "--n",
    "8",
    "--t-end",
    "0.02",
    "--dt",
    "0.01",
    "--truncation",
    "staircase:2",
    "--json",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.accuracy.truncationSet, "staircase:2");
  assert.ok(Math.abs(j.accuracy.reach - j.R * Math.sqrt(1.5)) < 1e-12 * j.R);
  assert.match(j.truncation, /staircase:2 set/);
  assert.ok(j.conservation.massError < 1e-13 && j.conservation.energyError < 1e-13);
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
    "5",
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
    "5",
  ]);
  assert.equal(r2.status, 0, r2.stderr);
  assert.ok(Math.abs(JSON.parse(r2.stdout).series[0].mass - j.series[4].mass) < 1e-14);
});

/** Exact mass and energy of the unit Maxwellian inside |v| <= r (radial closed forms). */
function ballMass(r: number): number {
  return erf(r / Math.SQRT2) - Math.sqrt(2 / Math.PI) * r * Math.exp((-r * r) / 2);
}
function ballEnergy(r: number): number {
  return (
    3 * erf(r / Math.SQRT2) - Math.sqrt(2 / Math.PI) * (r ** 3 + 3 * r) * Math.exp((-r * r) / 2)
  );
}
/** erf by its Maclaurin series (|x| <= 4 here; 80 terms reach round-off). */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let k = 1; k < 120; k++) {
    term *= (-x * x) / k;
    sum += term / (2 * k + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

test("relax: the printed tail outside the trusted ball matches a Maxwellian cut at a known radius", () => {
  const dir = mkdtempSync(join(tmpdir(), "relax-"));
  const n = 64;
  const L = 8;
  const h = (2 * L) / n;
  const cut = 3;
  const values: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const r2 = (-L + i * h) ** 2 + (-L + j * h) ** 2 + (-L + k * h) ** 2;
        values.push(r2 <= cut * cut ? (2 * Math.PI) ** -1.5 * Math.exp(-r2 / 2) : 0);
      }
  const file = join(dir, "cut.json");
  // R = 4: the trusted ball is |v| <= 2, the datum lives in |v| <= 3
  writeFileSync(file, JSON.stringify({ format: "boltzlab-grid-v1", n, L, R: 4, values }));
  const r = run([
    "--init",
    file,
    "--n",
    "64",
    "--t-end",
    "0.001",
    "--dt",
    "0.001",
    "--angles",
    "3",
    "--json",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout).accuracy;
  assert.equal(a.trustedRadius, 2);
  const mass = (ballMass(cut) - ballMass(2)) / ballMass(cut);
  const energy = (ballEnergy(cut) - ballEnergy(2)) / ballEnergy(cut);
  // the grid sum of a cut function is first-order accurate in h: a few per cent at h = 0.25
  assert.ok(Math.abs(a.tail.mass / mass - 1) < 0.03, `mass ${a.tail.mass} vs ${mass}`);
  assert.ok(Math.abs(a.tail.energy / energy - 1) < 0.03, `energy ${a.tail.energy} vs ${energy}`);
  // and the estimate sees the cut: it is far closer to the cut value than to the uncut tail
  const uncut = 1 - ballMass(2);
  assert.ok(
    Math.abs(a.tail.mass - mass) < Math.abs(a.tail.mass - uncut) / 3,
    `${a.tail.mass}: cut ${mass}, uncut ${uncut}`,
  );
});

test("relax: restart from the final.json of a default run (round-off negatives accepted)", () => {
  const dir = mkdtempSync(join(tmpdir(), "relax-"));
  const r = run(["--t-end", "0.02", "--out", dir, "--no-progress"]);
  assert.equal(r.status, 0, r.stderr);
  const final = JSON.parse(readFileSync(join(dir, "final.json"), "utf8"));
  const min = Math.min(...final.values);
  assert.ok(min < 0, `the default run should leave small negative values (min ${min})`);
  assert.equal(typeof final.R, "number");
  const r2 = run(["--init", join(dir, "final.json"), "--t-end", "0.01", "--json", "--no-progress"]);
  assert.equal(r2.status, 0, r2.stderr);
  const j = JSON.parse(r2.stdout);
  assert.equal(j.R, final.R);
  assert.equal(j.L, final.L);
});

test("relax: two-beam at n = 16 warns (coarse grid, entropy, negative mass) on stderr and in JSON", () => {
  const r = run(["--n", "16", "--t-end", "0.5", "--json", "--no-progress"]);
  assert.equal(r.status, 0, r.stderr);
  const w: string[] = JSON.parse(r.stdout).warnings;
  assert.ok(
    w.some((s) => /too coarse for the data/.test(s)),
    w.join("\n"),
  );
  assert.ok(
    w.some((s) => /entropy H = .* rose/.test(s)),
    w.join("\n"),
  );
  assert.ok(
    w.some((s) => /below its equilibrium value/.test(s)),
    w.join("\n"),
  );
  assert.ok(
    w.some((s) => /negative mass/.test(s)),
    w.join("\n"),
  );
  const stderrWarnings = r.stderr.split("\n").filter((l) => l.startsWith("warning: "));
  assert.equal(stderrWarnings.length, w.length);
});

test("relax --check: reruns at n/2 and prints the change of the final moments", () => {
  const r = run([
    "--init",
    "maxwellian",
    "--n",
    "16",
    "--t-end",
    "0.02",
    "--angles",
    "5",
    "--check",
    "--json",
    "--no-progress",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.check.n, 8);
  for (const k of ["Txx", "Tyy", "Tzz", "entropy", "fourthMomentExcess"]) {
    assert.ok(Number.isFinite(j.check.difference[k]), k);
  }
  // the n = 8 grid is far coarser: its fourth moment differs visibly from the n = 16 one
  assert.ok(j.check.difference.fourthMomentExcess > 0);
  // angular estimate: degree 5 against 9 (two steps up), Q(f0) on the same grid
  assert.equal(j.check.angular.degree, 5);
  assert.equal(j.check.angular.referenceDegree, 9);
  assert.ok(j.check.angular.maxChange > 0 && j.check.angular.maxChange < 1, `${j.check.angular}`);
});

test("relax --check: the angular estimate falls with the Lebedev degree (two-beam, n = 8)", () => {
  const change = (angles: string) => {
    const r = run(
      ["--init", "two-beam", "--n", "8", "--t-end", "0.01", "--dt", "0.01"].concat([
        "--angles",
        angles,
        "--check",
        "--json",
        "--no-progress",
        "--workers",
        "1",
      ]),
    );
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout).check.angular.maxChange as number;
  };
  const low = change("3");
  const high = change("11");
  assert.ok(high < low / 5, `degree 3: ${low}, degree 11: ${high}`);
});

test("relax --pointwise-slack: the two-objective box, named in the output; bad slack → exit 2", async () => {
  const { chooseDomain, chooseDomainForMoments } = await import(
    "../../src/solvers/spectral/domain.ts"
  );
  const { twoBeamScales } = await import("../../src/solvers/spectral/initial-data.ts");
  const r = run([
    "--n",
    "8",
    "--t-end",
    "0.01",
    "--dt",
    "0.01",
    "--pointwise-slack",
    "2",
    "--json",
  ]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  const d = chooseDomainForMoments(twoBeamScales(1, 0.5), 8, 2);
  assert.equal(j.accuracy.L, d.L);
  assert.equal(j.accuracy.R, d.R);
  assert.notEqual(j.accuracy.L, chooseDomain(twoBeamScales(1, 0.5), 8).L);
  assert.equal(j.accuracy.objective, "second moments (pointwise slack 2)");
  assert.ok(j.accuracy.momentError > 0 && j.accuracy.momentError < 1);
  // the fourth-moment estimate adds the face term to the second-moment terms
  assert.ok(j.accuracy.fourthMomentError > j.accuracy.momentError);
  for (const bad of [
    ["--pointwise-slack", "0.5"],
    ["--pointwise-slack", "2", "--L", "7"],
  ]) {
    const b = run(["--n", "8", "--t-end", "0.01", ...bad]);
    assert.equal(b.status, 2, bad.join(" "));
    assert.match(b.stderr, /--pointwise-slack/);
    assert.equal(b.stderr.trim().split("\n").length, 1);
  }
});
