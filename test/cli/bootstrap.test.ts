import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { coefficient58, partition } from "../../src/claims/proposition-5-1.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { runCli, runJson } from "./run-cli.ts";

test("bootstrap: bad input names the rule, exits 2, writes nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-bootstrap-"));
  try {
    const missing = join(dir, "none.jsonl");
    const r = runCli(["bootstrap", "--M", "4", "--errors", missing]);
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /--errors must be a comma-separated list of readable boltzlab errors JSONL files/,
    );
    assert.equal(r.stderr.trim().split("\n").length, 1);
    assert.equal(existsSync(missing), false);
    const r2 = runCli(["bootstrap", "--M", "4", "--constant", "-1", "--errors", missing]);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /--constant must be a number > 0/);
    const r3 = runCli(["bootstrap", "--M", "2", "--errors", missing]);
    assert.equal(r3.status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bootstrap: rows from a transport-only error table; E counts its entries; partition and (5.8) as in the paper", () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-bootstrap-"));
  try {
    const out = join(dir, "errors.jsonl");
    const e = runCli(["errors", "--M", "4,8", "--term", "v.grad(fr)", "--out", out, "--json"]);
    assert.equal(e.status, 0, e.stderr);
    const doc = runJson(["bootstrap", "--M", "4,8", "--errors", out, "--json"]) as {
      rows: {
        M: number;
        n: number;
        intervals: number;
        coefficient: number;
        errorBound: { value: number; entries: number };
        closes: boolean;
        finalBound: number;
        absorption: number;
      }[];
    };
    assert.equal(doc.rows.length, 2);
    const entries = JSON.parse(e.stdout).entries as {
      M: number[];
      values: { M: number; sup: { value: number; error: number; upperBound?: number } }[];
    }[];
    for (const row of doc.rows) {
      const params = makeParameters({ M: row.M });
      const L = Math.log(row.M);
      assert.ok(Math.abs(row.n - Math.sqrt(L) * Math.log(L)) < 1e-12);
      assert.equal(row.intervals, partition(params).intervals);
      // (5.8): (|I_j| T*)^{1/2} with |I_j| = M^{s−1}/√ln M
      assert.ok(
        Math.abs(row.coefficient - Math.sqrt((row.M ** -0.2 / Math.sqrt(L)) * params.Tstar)) <
          1e-12,
      );
      assert.ok(Math.abs(row.coefficient - coefficient58(params).value) < 1e-15);
      // only the four transport entries exist
      assert.equal(row.errorBound.entries, 4);
      let E = 0;
      for (const en of entries) {
        const v = en.values.find((x) => x.M === row.M);
        if (v) E += v.sup.upperBound ?? v.sup.value + v.sup.error;
      }
      assert.ok(Math.abs(row.errorBound.value - E) <= 1e-12 * E);
      // a tiny E and an absorbable linear term: the iteration closes with a bound of order E
      assert.ok(row.absorption < 1);
      assert.equal(row.closes, true);
      assert.ok(row.finalBound >= E && row.finalBound < 10 * row.intervals * E);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
