import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readCsv, runCli } from "./run-cli.ts";

/**
 * `errors --csv` and `bootstrap --csv` (issue 9, item 11): one row per printed table row, named
 * columns, full precision (the CSV numbers equal the JSON numbers), parameters as columns, and
 * "n/a" (empty cells) where no error-table record exists; bad input writes nothing.
 */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-errors-csv-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("errors --csv then bootstrap --csv: columns, rows, full precision; E n/a without records", () => {
  const out = join(tmp, "e.jsonl");
  const csv = join(tmp, "errors.csv");
  const r = runCli([
    "errors",
    "--M",
    "3",
    "--term",
    "v.grad(fr)",
    "--norm",
    "L2,Linf",
    "--workers",
    "1",
    "--out",
    out,
    "--json",
    "--csv",
    csv,
  ]);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as {
    entries: { term: string; norm: string; values: { M: number; sup: { value: number } }[] }[];
  };
  const { header, rows } = readCsv(csv);
  for (const col of [
    "solution",
    "term",
    "norm",
    "sup_M3",
    "sup_M3_error",
    "sup_M3_lower_bound",
    "sup_M3_upper_bound",
    "fitted_exponent",
    "fitted_exponent_error",
    "paper_exponent",
    "verdict",
    "s",
    "s0",
    "p",
    "cutoff",
    "variant",
    "grid",
    "reason",
  ]) {
    assert.ok(header.includes(col), `errors CSV column ${col}`);
  }
  assert.equal(rows.length, doc.entries.length);
  assert.equal(rows.length, 2);
  for (const [k, e] of doc.entries.entries()) {
    assert.equal(rows[k][header.indexOf("term")], e.term);
    assert.equal(rows[k][header.indexOf("norm")], e.norm);
    assert.equal(
      Number(rows[k][header.indexOf("sup_M3")]),
      e.values[0].sup.value,
      "full precision",
    );
  }

  const bcsv = join(tmp, "bootstrap.csv");
  const b = runCli(["bootstrap", "--M", "3,4", "--errors", out, "--csv", bcsv]);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /n\/a \(0\/32: no error-table records\)/);
  const t = readCsv(bcsv);
  for (const col of [
    "solution",
    "M",
    "n",
    "intervals",
    "Tstar",
    "coefficient_5_8",
    "Z_a",
    "Z_a_error",
    "E",
    "E_entries",
    "closes",
    "final_bound",
    "s",
    "s0",
    "p",
    "cutoff",
    "variant",
    "constant",
    "target",
  ]) {
    assert.ok(t.header.includes(col), `bootstrap CSV column ${col}`);
  }
  assert.deepEqual(
    t.rows.map((row) => row[t.header.indexOf("M")]),
    ["3", "4"],
  );
  // T* = M^{s−1} ln ln M, here
  assert.ok(
    Math.abs(Number(t.rows[0][t.header.indexOf("Tstar")]) - 3 ** -0.2 * Math.log(Math.log(3))) <
      1e-15,
  );
  const m4 = t.rows[1];
  assert.equal(m4[t.header.indexOf("E_entries")], "0");
  assert.equal(m4[t.header.indexOf("E")], "", "no records: E is n/a, not 0");
  assert.equal(m4[t.header.indexOf("closes")], "", "no records: closes is n/a");

  const bad = join(tmp, "bad.csv");
  const r2 = runCli(["bootstrap", "--M", "2", "--errors", out, "--csv", bad]);
  assert.equal(r2.status, 2);
  assert.match(r2.stderr.trim(), /^boltzlab: error: M must be an integer >= 3 here/);
  assert.equal(existsSync(bad), false);
});
