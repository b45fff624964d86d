import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readCsv, runCli, runJson } from "./run-cli.ts";

/**
 * Issue 9, "One CLI", second half: `--csv FILE` on every command that prints a table (named columns,
 * full precision, parameters as columns, atomic, nothing on bad input), lists where a command loops
 * (theorem --cutoff bump,plateau), `lattice --points` and (2.19), the note of `eval` off the
 * supports. Expected values come from the paper's formulas, computed here. (errors and bootstrap
 * CSV: errors-csv.test.ts.)
 */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-csv-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** e_{i,j} of (2.3), computed here from the formula. */
function latticePoint(i: number, j: number, M: number): [number, number, number] {
  const th = (Math.PI * j) / (2 * M);
  const ph = (2 * Math.PI * i) / j;
  return [Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)];
}

test("theorem takes cutoff lists: one labelled table per configuration, CSV with value/error columns", () => {
  const csv = join(tmp, "theorem.csv");
  const out = runJson([
    "theorem",
    "--M",
    "4",
    "--cutoff",
    "bump,plateau",
    "--workers",
    "1",
    "--json",
    "--csv",
    csv,
  ]) as {
    rows: { M: number; cutoff: string; variant: string; Tstar: { value: number } }[];
    cutoffs: string[];
    variants: string[];
    s: number;
  };
  assert.deepEqual(
    out.rows.map((r) => [r.cutoff, r.variant, r.M]),
    [
      ["bump", "as-in-proof", 4],
      ["plateau", "as-in-proof", 4],
    ],
  );
  assert.deepEqual(out.cutoffs, ["bump", "plateau"]);
  const tStar = 4 ** (0.8 - 1) * Math.log(Math.log(4));
  const { header, rows } = readCsv(csv);
  for (const col of [
    "cutoff",
    "variant",
    "M",
    "Tstar",
    "Tstar_error",
    "initialDistance",
    "initialDistance_error",
    "finalDistance",
    "deflation",
    "deflation_error",
    "s",
    "s0",
    "p",
  ]) {
    assert.ok(header.includes(col), `theorem CSV column ${col}`);
  }
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.ok(Math.abs(Number(r[header.indexOf("Tstar")]) - tStar) <= 1e-15);
    assert.equal(Number(r[header.indexOf("Tstar")]), out.rows[0].Tstar.value, "full precision");
  }
});

test("lattice --points: M(M+1)/2 points e_{i,j} of (2.3) in JSON and CSV; same-ring separation against (2.19)'s 8/M", () => {
  const M = 6;
  const csv = join(tmp, "points.csv");
  const out = runJson(["lattice", "--M", String(M), "--points", "--json", "--csv", csv]) as {
    points: { i: number; j: number; e_x: number; e_y: number; e_z: number }[];
    minSameRingSeparation: number;
    sameRing2_19: { bound: number; ratio: number; verdict: string };
  };
  assert.equal(out.points.length, (M * (M + 1)) / 2);
  const seen = new Set<string>();
  for (const p of out.points) {
    assert.ok(p.i >= 1 && p.i <= p.j && p.j <= M);
    seen.add(`${p.i},${p.j}`);
    const e = latticePoint(p.i, p.j, M);
    assert.ok(Math.hypot(p.e_x - e[0], p.e_y - e[1], p.e_z - e[2]) <= 1e-15, `e_{${p.i},${p.j}}`);
  }
  assert.equal(seen.size, out.points.length, "no point listed twice");
  const { header, rows } = readCsv(csv);
  assert.deepEqual(header, ["M", "i", "j", "e_x", "e_y", "e_z"]);
  assert.equal(rows.length, out.points.length);
  assert.equal(Number(rows[5][3]), out.points[5].e_x, "full precision");
  // brute-force same-ring minimum, here
  let min = Number.POSITIVE_INFINITY;
  for (let j = 2; j <= M; j++) {
    for (let a = 1; a <= j; a++) {
      for (let b = a + 1; b <= j; b++) {
        const [p, q] = [latticePoint(a, j, M), latticePoint(b, j, M)];
        min = Math.min(min, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]));
      }
    }
  }
  assert.ok(Math.abs(out.minSameRingSeparation - min) <= 1e-14);
  assert.equal(out.sameRing2_19.bound, 8 / M);
  assert.ok(Math.abs(out.sameRing2_19.ratio - (min * M) / 8) <= 1e-14);
  assert.equal(out.sameRing2_19.verdict, min >= 8 / M ? "holds" : "violated");
  const text = runCli(["lattice", "--M", String(M)]).stdout;
  assert.match(text, /\(2\.19\) states >= 8\/M/);
});

test("eval fb --v 0,0,1: 0 with a note naming the nearest lattice direction and lattice --points; no note on the support", () => {
  const M = 5;
  const csv = join(tmp, "eval.csv");
  const out = runJson([
    "eval",
    "fb",
    "--M",
    String(M),
    "--x",
    "0,0,0",
    "--v",
    "0,0,1",
    "--json",
    "--csv",
    csv,
  ]) as {
    value: number;
    note?: string;
  };
  assert.equal(out.value, 0);
  // nearest e_{i,j} to (0,0,1): largest e_z; brute force over the lattice here
  let best = { i: 0, j: 0, z: -2 };
  for (let j = 1; j <= M; j++)
    for (let i = 1; i <= j; i++) {
      const z = latticePoint(i, j, M)[2];
      if (z > best.z) best = { i, j, z };
    }
  assert.ok(out.note?.includes(`e_{${best.i},${best.j}}`), out.note);
  assert.ok(out.note?.includes(`lattice --M ${M} --points`), out.note);
  const { header, rows } = readCsv(csv);
  for (const col of [
    "quantity",
    "value",
    "error",
    "t",
    "x1",
    "x2",
    "x3",
    "v1",
    "v2",
    "v3",
    "M",
    "s",
    "s0",
    "p",
    "cutoff",
    "variant",
    "method",
    "note",
  ]) {
    assert.ok(header.includes(col), `eval CSV column ${col}`);
  }
  assert.equal(rows.length, 1);
  const e = latticePoint(2, 3, M)
    .map((c) => c.toPrecision(17))
    .join(",");
  const on = runJson(["eval", "fb", "--M", String(M), "--x", "0,0,0", "--v", e, "--json"]) as {
    value: number;
    note?: string;
  };
  assert.ok(on.value > 0);
  assert.equal(on.note, undefined);
});

test("collide --csv: one row, parameters as columns, the value in full precision", () => {
  const csv = join(tmp, "collide.csv");
  const out = runJson([
    "collide",
    "--op",
    "loss",
    "--f",
    "maxwellian:rho=1,u=0;0;0,T=1",
    "--v",
    "0.5,0,0",
    "--json",
    "--csv",
    csv,
  ]) as { value: number; M: number | null };
  assert.equal(out.M, null, "no construction SPEC: no M");
  const { header, rows } = readCsv(csv);
  for (const col of [
    "op",
    "f",
    "g",
    "value",
    "error",
    "t",
    "x1",
    "v1",
    "kernel",
    "tol",
    "M",
    "s",
    "s0",
    "cutoff",
    "variant",
  ]) {
    assert.ok(header.includes(col), `collide CSV column ${col}`);
  }
  assert.equal(Number(rows[0][header.indexOf("value")]), out.value);
});

test("bad input with --csv: one line, exit 2, no CSV written", () => {
  const cases: [string[], string][] = [
    [["lattice", "--M", "1"], "M must be an integer >= 2"],
    [["theorem", "--M", "2"], "M must be an integer >= 3 here (T* = M^{s-1} ln ln M > 0"],
    [["claims", "--M", "4,x"], "M must be an integer >= 2"],
    [
      ["eval", "fb", "--M", "5", "--x", "0,0", "--v", "0,0,1"],
      "x must be three comma-separated finite numbers",
    ],
    [
      ["collide", "--op", "A", "--g", "fb", "--M", "5", "--v", "0,0,0", "--variant", "nope"],
      "variant must be one of",
    ],
    [["theorem", "--M", "4", "--cutoff", "bump,gauss"], "cutoff must be one of"],
    // a construction option no SPEC uses is still checked
    [
      [
        "collide",
        "--op",
        "loss",
        "--f",
        "maxwellian:rho=1,u=0;0;0,T=1",
        "--v",
        "0.5,0,0",
        "--variant",
        "nope",
      ],
      "variant must be one of",
    ],
  ];
  for (const [args, rule] of cases) {
    const csv = join(tmp, `bad-${args[0]}.csv`);
    const r = runCli([...args, "--csv", csv]);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].includes(rule), `${lines[0]} names ${rule}`);
    assert.equal(existsSync(csv), false, `${args[0]}: nothing written`);
  }
  const r = runCli(["lattice", "--M", "4", "--csv", join(tmp, "no-such-dir", "x.csv")]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--csv must be a file path in an existing directory/);
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.startsWith("bad-") || f.includes(".tmp-")),
    [],
  );
});
