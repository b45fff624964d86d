import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "./run-cli.ts";

/**
 * Every bad-input rule of the CLI: exit code 2, exactly one line on stderr naming the rule,
 * nothing on stdout, and nothing written (for report/figures the --out directory must not exist
 * afterwards, nor any temporary sibling).
 */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-cli-bad-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const M_RULE = "M must be an integer >= 2";
const S_RULE = "s must satisfy max(s0, 3/4) < s < 1";
const S0_RULE = "s0 must lie in [0, 1)";
const P_RULE = "p must be >= 1";
const CUTOFF_RULE = "cutoff must be one of bump, plateau";
const VARIANT_RULE = "variant must be one of as-written, as-in-proof";

const point = ["--x", "0,0,0", "--v", "0,0,1"];

function expectRule(args: readonly string[], rule: string | RegExp): void {
  const r = runCli(args);
  const where = `boltzlab ${args.join(" ")}`;
  assert.equal(r.status, 2, `${where}: exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, "", `${where}: stdout must be empty`);
  const lines = r.stderr.replace(/\n$/, "").split("\n");
  assert.equal(
    lines.length,
    1,
    `${where}: exactly one stderr line, got ${JSON.stringify(r.stderr)}`,
  );
  if (typeof rule === "string")
    assert.ok(lines[0].includes(rule), `${where}: "${lines[0]}" names "${rule}"`);
  else assert.match(lines[0], rule, where);
}

/** A write command with a bad option: the rule, and neither `out` nor any sibling is created. */
function expectNoWrite(
  command: "report" | "figures",
  extra: readonly string[],
  rule: string,
): void {
  const parent = mkdtempSync(join(tmp, `${command}-`));
  const out = join(parent, "out");
  expectRule([command, "--out", out, ...extra], rule);
  assert.equal(existsSync(out), false, `${command}: ${out} must not exist`);
  assert.deepEqual(readdirSync(parent), [], `${command}: nothing written next to --out`);
}

test("M must be an integer >= 2 (1, 2.5, abc, Infinity; in lists too)", () => {
  for (const bad of ["1", "2.5", "abc"]) expectRule(["lattice", "--M", bad], M_RULE);
  expectRule(["eval", "Ksum", "--M", "Infinity", ...point], M_RULE);
  expectRule(["claims", "--M", "4,1"], M_RULE);
  expectNoWrite("report", ["--M", "4,2.5"], M_RULE);
});

test("s must satisfy max(s0, 3/4) < s < 1 (0.7, 1, 0.5 with s0 0.6)", () => {
  expectRule(["eval", "Ksum", "--M", "8", "--s", "0.7", ...point], S_RULE);
  expectRule(["theorem", "--M", "4", "--s", "1"], S_RULE);
  expectRule(["eval", "Ksum", "--M", "8", "--s", "0.5", "--s0", "0.6", ...point], S_RULE);
  expectNoWrite("report", ["--s", "0.7"], S_RULE);
});

test("s0 must lie in [0, 1) (-0.1, 1)", () => {
  expectRule(["eval", "Ksum", "--M", "8", "--s0", "-0.1", ...point], S0_RULE);
  expectRule(["theorem", "--M", "4", "--s0", "1"], S0_RULE);
  expectNoWrite("report", ["--s0", "-0.1"], S0_RULE);
});

test("p must be >= 1", () => {
  expectRule(["eval", "Ksum", "--M", "8", "--p", "0.5", ...point], P_RULE);
});

test("numbers must be finite (NaN, Infinity)", () => {
  expectRule(["eval", "Ksum", "--M", "8", "--s", "NaN", ...point], "s must be a finite number");
  expectRule(["eval", "fb", "--M", "8", "--t", "Infinity", ...point], "t must be a finite number");
  expectNoWrite("report", ["--s", "Infinity"], "s must be a finite number");
  expectRule(["eval", "fb", "--M", "8", "--t", "-1", ...point], "t must be >= 0");
});

test("vectors must be three finite numbers (1,2 / 1,a,3 / 1,2,Infinity)", () => {
  const rule = (n: string) => `${n} must be three comma-separated finite numbers a,b,c`;
  expectRule(["eval", "Ksum", "--M", "8", "--x", "1,2", "--v", "0,0,1"], rule("x"));
  expectRule(["eval", "Ksum", "--M", "8", "--x", "1,a,3", "--v", "0,0,1"], rule("x"));
  expectRule(["eval", "Isum", "--M", "8", "--x", "0,0,0", "--v", "1,2,Infinity"], rule("v"));
});

test("unknown cutoff, variant and quantity", () => {
  expectRule(["eval", "Ksum", "--M", "8", "--cutoff", "gauss", ...point], CUTOFF_RULE);
  expectRule(["claims", "--variant", "as-written,nope"], VARIANT_RULE);
  expectNoWrite("report", ["--cutoff", "gauss"], CUTOFF_RULE);
  expectNoWrite("report", ["--variant", "as-read"], VARIANT_RULE);
  expectRule(["eval", "Kx", "--M", "8", ...point], "quantity must be one of fb, fr, A, Ksum, Isum");
});

test("unknown claim id lists the valid ids", () => {
  expectRule(["claims", "--id", "9.99"], /claim id must be one of .*\(got "9\.99"\)/);
});

test("figures: an empty --out is refused and nothing is written", () => {
  expectRule(["figures", "--out", ""], "--out must be a non-empty directory path");
});

test("report: an --errors file that does not parse is refused before any computation", () => {
  const bad = join(tmp, "not-errors.jsonl");
  writeFileSync(bad, "this is not json\n");
  expectNoWrite(
    "report",
    ["--errors", bad],
    "error-table files must be boltzlab errors JSONL files",
  );
});

test("claims: a limit met inside a pool worker is one line and exit 2", () => {
  expectRule(
    ["claims", "--id", "1.9", "--M", "16384", "--workers", "2"],
    "materialized only for M <= 10000",
  );
});
