import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readJobFile } from "../../src/parallel/job-file.ts";
import { runCli, runJson } from "./run-cli.ts";

/**
 * `errors --solution` and `bootstrap --solution`: the G_err table of g_a ≡ f_r(0) (5.12) in the
 * same JSON Lines file as F_err's, marked `"solution": "g"`; F_err records unchanged; the g_c
 * bootstrap (5.4) with Z_a = ‖e^{⟨v⟩²}f_r(0)‖_Z (5.11) beside f_c's.
 */

test("errors --solution: bad value names the rule; a g term is refused under the default f", () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-g-"));
  try {
    const out = join(dir, "e.jsonl");
    const r = runCli(["errors", "--M", "4", "--solution", "h", "--out", out]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--solution must be one of f, g, both/);
    const r2 = runCli(["errors", "--M", "4", "--term", "v.grad(fr0)", "--out", out]);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /term must be one of v\.grad\(fr\)/);
    assert.equal(existsSync(out), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("errors --solution both, then bootstrap: f records unchanged, g records marked; g_c closes beside f_c", () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-g-"));
  try {
    const out = join(dir, "e.jsonl");
    // an f-only run first (as before the option existed), then the g table appended to the same file
    const f = runCli(["errors", "--M", "4,8", "--term", "v.grad(fr)", "--out", out]);
    assert.equal(f.status, 0, f.stderr);
    const before = readFileSync(out, "utf8");
    assert.ok(!before.includes('"solution"'));
    const doc = runJson([
      "errors",
      "--M",
      "4,8",
      "--solution",
      "both",
      "--term",
      "v.grad(fr),v.grad(fr0),Q-(fr0,fr0),Q+(fr0,fr0)",
      "--out",
      out,
      "--json",
    ]) as {
      entries: { term: string; solution?: string; verdict: string }[];
      jobs: { computed: number; alreadyDone: number };
    };
    // the 8 f jobs were already there; 3 g terms × 4 parts × 2 M computed
    assert.equal(doc.jobs.alreadyDone, 8);
    assert.equal(doc.jobs.computed, 24);
    assert.ok(readFileSync(out, "utf8").startsWith(before));
    assert.equal(doc.entries.length, 16);
    for (const e of doc.entries) assert.equal(e.solution, e.term.includes("fr0") ? "g" : undefined);
    const parsed = readLines(out);
    assert.equal(parsed.filter((r) => r.solution === "g").length, 24);

    // bootstrap: both by default (the file has g records); g alone with --solution g
    const b = runJson(["bootstrap", "--M", "4,8", "--errors", out, "--json"]) as {
      parameters: { solution: string };
      rows: { M: number; zNormFa: { value: number }; errorBound: { entries: number } }[];
      g: {
        rows: {
          M: number;
          zNormGa: { value: number };
          errorBound: { value: number; entries: number };
          closes: boolean;
          absorption: number;
          finalBound: number;
        }[];
      };
    };
    assert.equal(b.parameters.solution, "both");
    assert.equal(b.rows.length, 2);
    for (const r of b.rows) assert.equal(r.errorBound.entries, 4);
    for (const r of b.g.rows) {
      assert.equal(r.errorBound.entries, 12);
      // Z_a of g_a = ‖e^{⟨v⟩²}f_r(0)‖_Z ≈ 0.679 (bump), below f_a's
      assert.ok(Math.abs(r.zNormGa.value - 0.679) < 1e-3);
      assert.ok(r.zNormGa.value < (b.rows.find((x) => x.M === r.M)?.zNormFa.value ?? 0));
      assert.equal(r.closes, true);
      assert.ok(r.absorption < 0.5);
      assert.ok(r.finalBound >= r.errorBound.value && r.finalBound < 10 * r.errorBound.value);
    }
    const g = runJson([
      "bootstrap",
      "--M",
      "4,8",
      "--errors",
      out,
      "--solution",
      "g",
      "--json",
    ]) as Record<string, unknown>;
    assert.equal(g.rows, undefined);
    assert.ok(g.g);
    const text = runCli(["bootstrap", "--M", "4,8", "--errors", out]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /g_c \(5\.4\)/);
    assert.match(text.stdout, /final ‖g_c‖_Z/);
    assert.match(text.stdout, /\(12\/12\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function readLines(path: string): { solution?: string }[] {
  return readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

test("readJobFile reads the g records (solution: g)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-g-"));
  try {
    const out = join(dir, "e.jsonl");
    const r = runCli(["errors", "--M", "4", "--solution", "g", "--norm", "L2", "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    const p = await readJobFile(out, "rule");
    assert.equal(p.records.length, 3);
    assert.ok(p.records.every((x) => x.solution === "g"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
