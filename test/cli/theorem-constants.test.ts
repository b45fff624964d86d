import assert from "node:assert/strict";
import test from "node:test";
import { runCli, runJson } from "./run-cli.ts";

/**
 * `theorem` takes the construction's constants (issue 12): --construction NAME|FILE and the flags
 * --cb … --ct. Checked against closed forms written here: T* = c_T M^{s−1} ln ln M (2.9), and the
 * initial distance ‖e^{⟨v⟩²}f_b(0)‖ linear in the amplitude c_b of (2.4); the pooled rows equal the
 * in-process ones.
 */

type Est = { value: number; error: number };
type Row = { M: number; Tstar: Est; initialDistance: Est; finalDistance: Est };

function rows(args: string[]): { rows: Row[]; construction: string; constants: object; s: number } {
  return runJson(["theorem", ...args, "--json"]) as never;
}

test("theorem --ct 0.5 --cb 2: T* = c_T M^{s−1} ln ln M and the initial distance doubles", () => {
  const M = 16;
  const s = 0.8;
  const paper = rows(["--M", String(M), "--workers", "1"]);
  const tuned = rows(["--M", String(M), "--ct", "0.5", "--cb", "2", "--workers", "1"]);
  const Tstar = 0.5 * M ** (s - 1) * Math.log(Math.log(M));
  assert.ok(Math.abs(tuned.rows[0].Tstar.value - Tstar) <= 1e-14 * Tstar);
  assert.ok(Math.abs(paper.rows[0].Tstar.value - 2 * Tstar) <= 1e-14 * Tstar);
  const ratio = tuned.rows[0].initialDistance.value / paper.rows[0].initialDistance.value;
  assert.ok(Math.abs(ratio - 2) < 1e-9, `initial distance ratio ${ratio}`);
  assert.deepEqual(tuned.constants, { beamAmplitude: 2, timeFactor: 0.5 });
  assert.equal(paper.construction, "paper");
});

test("theorem --construction tuned: the set's constants reach the rows; pooled = in-process", () => {
  const one = rows(["--M", "8,16", "--construction", "tuned", "--workers", "1"]);
  const two = rows(["--M", "8,16", "--construction", "tuned", "--workers", "2"]);
  assert.equal(one.construction, "tuned");
  assert.deepEqual(one.rows, two.rows);
  const cT = (one.constants as { timeFactor: number }).timeFactor;
  assert.ok(cT !== 1);
  const Tstar = cT * 8 ** (one.s - 1) * Math.log(Math.log(8));
  assert.ok(Math.abs(one.rows[0].Tstar.value - Tstar) <= 1e-14 * Tstar);
});

test("theorem with a bad constant: one line naming the rule, exit 2", () => {
  const r = runCli(["theorem", "--M", "4", "--cb", "x"]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /c_b/);
});
