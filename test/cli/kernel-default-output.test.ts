import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { ROOT, runCli } from "./run-cli.ts";

/**
 * The kernel option (docs/kernels.md) leaves every hard-sphere number unchanged: `theorem --json`
 * and `threshold --criterion weak --json` with the default kernel are byte-identical to the
 * outputs recorded on main at aae3627 (before the kernel existed), once the two echo fields the
 * kernel adds (`kernel`, `kernelNormalization`) are removed, and the block `threshold` gained
 * with the exact-solution thresholds (`exactSolutions`, issue 12: a new section, not a changed
 * number) — it must say that no error table was given — and the two bootstrap constraints that
 * issue 12 made decidable (`bootstrap-absorption`, `error-smallness`: `inconclusive` on main), which
 * are compared by id and status class only.
 */
const BOOTSTRAP_CONSTRAINTS = new Set(["bootstrap-absorption", "error-smallness"]);

function withoutKernelEcho(stdout: string): string {
  const { kernel, kernelNormalization, exactSolutions, ...rest } = JSON.parse(stdout);
  if (exactSolutions !== undefined) assert.equal(exactSolutions.thresholds, null);
  for (const t of rest.thresholds ?? []) {
    for (const c of t.constraintsAtThreshold ?? []) {
      if (!BOOTSTRAP_CONSTRAINTS.has(c.id)) continue;
      assert.ok(["holds", "fails", "inconclusive"].includes(c.status), `${c.id}: ${c.status}`);
      c.status = "inconclusive";
      c.margin = null;
      c.detail =
        "paper constants: see `boltzlab bootstrap` (measured Z_a, E and the Proposition 3.1 constant)";
    }
  }
  assert.equal(kernel, "hard-sphere");
  assert.equal(kernelNormalization, "B = |(u−v)·ω|, A[g] = 2π ∫ |u−v| g du");
  return `${JSON.stringify(rest, null, 2)}\n`;
}

const fixture = (name: string) => readFileSync(resolve(ROOT, "test/cli/fixtures", name), "utf8");

test("theorem --json: default kernel byte-identical to main (M = 4, 16, 10^12)", () => {
  const want = fixture("theorem-main-aae3627.json");
  const r = runCli(["theorem", "--M", "4,16,1000000000000", "--workers", "1", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(withoutKernelEcho(r.stdout), want);
});

test("threshold --criterion weak --json: default kernel byte-identical to main", () => {
  const r = runCli(["threshold", "--criterion", "weak", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(withoutKernelEcho(r.stdout), fixture("threshold-weak-main-aae3627.json"));
});

test("--kernel: bad values are one-line rule errors (exit 2)", () => {
  for (const [k, rule] of [
    ["vhs:-3", "-3 < gamma <= 1"],
    ["vhs:1.5", "-3 < gamma <= 1"],
    ["maxwell", "kernel must be one of hard-sphere, constant, vhs:GAMMA"],
  ]) {
    const r = runCli(["theorem", "--M", "4", "--kernel", k]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(rule.replace(/[()|]/g, "\\$&")));
  }
});

test("errors/bootstrap for another kernel: every entry not-stated, core–core numbers, nothing written", () => {
  const out = resolve(ROOT, "test-output/kernel-errors-never-written.jsonl");
  const r = runCli(["errors", "--M", "4", "--kernel", "vhs:-2", "--out", out, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.kernel, "vhs:-2");
  assert.equal(j.status, "not-stated");
  assert.ok(j.entries.every((e: { status: string }) => e.status === "not-stated"));
  const core = j.entries.find((e: { term: string }) => e.term === "Q-(fr,fr)");
  assert.equal(core.coreSelf.decays, false); // γ = −2 < γ_c = −1.42
  assert.throws(() => readFileSync(out));
  const b = runCli(["bootstrap", "--M", "4", "--kernel", "constant", "--json"]);
  assert.equal(b.status, 0, b.stderr);
  const bj = JSON.parse(b.stdout);
  assert.equal(bj.kernelNormalization, "B ≡ 1, A[g] = 4π ∫ g du");
  assert.equal(
    bj.entries.find((e: { term: string }) => e.term === "Q-(fr,fr)").coreSelf.decays,
    true,
  );
});
