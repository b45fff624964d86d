import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import {
  beamForTable,
  DEFAULT_WINDOW_FRACTIONS,
  errorJobs,
  runErrorJob,
  type TableParameters,
} from "../../src/claims/error-table/error-table.ts";
import { G_ERR_TERMS, Z_PARTS } from "../../src/claims/error-table/error-term.ts";
import { findTableMeasure } from "../../src/claims/error-table/table-measures.ts";
import { buildSections35 } from "../../src/report/build-sections-3-5.ts";
import { sections35Blocks } from "../../src/report/sections-3-5.ts";

/** The Sections 3–5 chapter with F_err and G_err records in one file: both tables, both bootstraps. */
test("report chapter: the G_err table (5.12) and the g_c bootstrap (5.4) after their f counterparts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-report-g-"));
  try {
    const params: TableParameters = {
      s: 0.8,
      s0: 0.5,
      p: 10,
      cutoff: "bump",
      variant: "as-in-proof",
      grid: DEFAULT_WINDOW_FRACTIONS,
    };
    const Ms = [4, 8];
    const lines: string[] = [];
    for (const job of errorJobs(["v.grad(fr)", ...G_ERR_TERMS], Z_PARTS, Ms)) {
      const m = findTableMeasure(job.term, job.part);
      assert.ok(m);
      lines.push(JSON.stringify(runErrorJob(job, m, beamForTable(job.M, params), params)));
    }
    const file = join(dir, "errors.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const data = await buildSections35({
      s: 0.8,
      s0: 0.5,
      cutoffs: ["bump"],
      variants: ["as-in-proof"],
      errorFiles: [file],
    });
    assert.deepEqual(
      data.errorTables.map((t) => [t.solution ?? "f", t.entries.length]),
      [
        ["f", 32],
        ["g", 12],
      ],
    );
    assert.deepEqual(
      data.bootstrap.map((b) => b.solution ?? "f"),
      ["f", "g"],
    );
    const g = data.bootstrap[1];
    for (const r of g.rows) {
      assert.equal(r.errorBound.entries, 12);
      assert.equal(r.result.closes, true);
      // Z_a of g_a = f_r(0) is M-independent up to its L^∞ parts
      assert.ok(Math.abs(r.zNormFa.value - g.rows[0].zNormFa.value) < 1e-5);
    }
    const texts = sections35Blocks(data, []).map((b) => ("text" in b ? b.text : ""));
    const iG = texts.findIndex((t) => t.startsWith("G_err table (5.12)"));
    const iF = texts.findIndex((t) => t.startsWith("Error table"));
    const iBg = texts.findIndex((t) => t.startsWith("Proposition 5.1 for g_c (5.4)"));
    const iBf = texts.findIndex((t) => t.startsWith("Proposition 5.1 with measured constants"));
    assert.ok(iF >= 0 && iG > iF && iBf > iG && iBg > iBf, JSON.stringify([iF, iG, iBf, iBg]));
    // two values of M cannot decide a fit: the chapter says so, once per table, and how to add M
    const few = data.notes.filter((n) => n.includes("records for M = 4, 8 only"));
    assert.equal(few.length, 2);
    assert.ok(few.every((n) => n.includes("boltzlab errors --M 16,32")));
    for (const t of data.errorTables)
      for (const e of t.entries) assert.notEqual(e.verdict, "consistent");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
