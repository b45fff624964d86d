import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ROOT, runCli, runJson } from "./run-cli.ts";

/** Positive runs of the CLI; expected values come from the paper's formulas, not from the code. */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** e_{i,j} of (2.3). */
function latticePoint(i: number, j: number, M: number): [number, number, number] {
  const th = (Math.PI * j) / (2 * M);
  const ph = (2 * Math.PI * i) / j;
  return [Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)];
}

const vec = (v: readonly number[]) => v.map((x) => x.toPrecision(17)).join(",");

interface EvalJson {
  quantity: string;
  value: number;
  error: number;
  method: string;
  M: number;
  cutoff: string;
  variant: string;
}

test("lattice --M 50 --json: M(M+1)/2 points, separation (2.10) and the reported pairs", () => {
  const M = 50;
  const out = runJson(["lattice", "--M", String(M), "--json"]) as Record<string, never>;
  assert.equal(out.M, M);
  assert.equal(out.count, (M * (M + 1)) / 2);
  const min = out.minSeparation as number;
  assert.ok((out.minSeparationTimesM as number) >= 1, "(2.10): |e - e'| >= 1/M");
  assert.ok(Math.abs((out.minSeparationTimesM as number) - min * M) <= 1e-12);
  assert.ok((out.minSameRingSeparation as number) >= min);
  for (const [key, value] of [
    ["argmin", min],
    ["sameRingArgmin", out.minSameRingSeparation as number],
  ] as const) {
    const pair = (out[key] as { pair: [number, number][] }).pair;
    const [a, b] = pair.map(([i, j]) => latticePoint(i, j, M));
    const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    assert.ok(Math.abs(d - value) <= 1e-12, `${key}: distance ${d} vs ${value}`);
  }
  const sameRing = (out.sameRingArgmin as { pair: [number, number][] }).pair;
  assert.equal(sameRing[0][1], sameRing[1][1]);
});

test("lattice --pair-sum adds the pair sum of (4.47)", () => {
  const out = runJson(["lattice", "--M", "6", "--json", "--pair-sum"]) as {
    pairSum: { value: number; error: number };
  };
  assert.ok(out.pairSum.value > 0 && out.pairSum.error >= 0);
});

test("eval Ksum at x = 0 equals the number of tubes (K(0) = χ(0)² = 1), both cutoffs", () => {
  const M = 8;
  for (const cutoff of ["bump", "plateau"]) {
    const out = runJson([
      "eval",
      "Ksum",
      "--M",
      String(M),
      "--s",
      "0.8",
      "--t",
      "0",
      "--x",
      "0,0,0",
      "--v",
      "0,0,1",
      "--cutoff",
      cutoff,
      "--json",
    ]) as unknown as EvalJson;
    assert.equal(out.quantity, "Ksum");
    assert.equal(out.cutoff, cutoff);
    assert.ok(Math.abs(out.value - (M * (M + 1)) / 2) <= out.error, `${cutoff}: ${out.value}`);
    assert.ok(out.error < 1e-10);
    assert.match(out.method, /ulp/);
  }
});

test("eval Isum at v = e_{1,1} equals 1 (as-in-proof) and eval fb at t = 0, x = 0, v = e_{1,1} equals M^{1-s}", () => {
  const M = 8;
  const s = 0.8;
  const e11 = vec(latticePoint(1, 1, M));
  const common = ["--M", String(M), "--s", String(s), "--t", "0", "--x", "0,0,0", "--v", e11];
  const isum = runJson([
    "eval",
    "Isum",
    ...common,
    "--variant",
    "as-in-proof",
    "--json",
  ]) as unknown as EvalJson;
  assert.equal(isum.variant, "as-in-proof");
  assert.ok(Math.abs(isum.value - 1) <= Math.max(isum.error, 1e-14), `Isum = ${isum.value}`);
  const fb = runJson(["eval", "fb", ...common, "--json"]) as unknown as EvalJson;
  const expected = M ** (1 - s);
  assert.ok(
    Math.abs(fb.value - expected) <= Math.max(fb.error, 4e-16 * expected),
    `fb = ${fb.value}`,
  );
});

test("theorem --M 4 --json: rows with T* = M^{s-1} ln ln M as {value, error}", () => {
  const out = runJson(["theorem", "--M", "4", "--s", "0.8", "--s0", "0.5", "--json"]) as {
    rows: { M: number; Tstar: { value: number; error: number } }[];
    s: number;
    s0: number;
    cutoff: string;
    variant: string;
  };
  assert.equal(out.rows.length, 1);
  assert.equal(out.rows[0].M, 4);
  const tStar = 4 ** (0.8 - 1) * Math.log(Math.log(4));
  assert.ok(Math.abs(out.rows[0].Tstar.value - tStar) <= Math.max(out.rows[0].Tstar.error, 1e-14));
  assert.deepEqual([out.s, out.s0], [0.8, 0.5]);
});

test("figures --out DIR writes Figures 1-3 as SVG and PNG", () => {
  const out = join(tmp, "figures");
  const r = runCli(["figures", "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const names = [
    "figure-1-lattice",
    "figure-2-tubes",
    "figure-3-bumps-as-written",
    "figure-3-bumps-as-in-proof",
  ];
  const files = readdirSync(out).sort();
  assert.deepEqual(files, names.flatMap((n) => [`${n}.png`, `${n}.svg`]).sort());
  assert.deepEqual(
    readdirSync(tmp).filter((f) => f.includes("tmp")),
    [],
    "no temporary directory left",
  );
});

test("report --M 4,8 --cutoff bump --variant as-in-proof writes the four artefacts", () => {
  const out = join(tmp, "report");
  const r = runCli(
    ["report", "--M", "4,8", "--cutoff", "bump", "--variant", "as-in-proof", "--out", out],
    300_000,
  ); // about 25 s of CPU (the large-M Theorem 1.1 rows); a shared machine stretches it
  assert.equal(r.status, 0, r.stderr);
  for (const f of ["index.html", "report.md", "report.json", "figures"]) {
    assert.ok(existsSync(join(out, f)), `${f} written`);
  }
  assert.ok(readdirSync(join(out, "figures")).some((f) => f.endsWith(".png")));
});

test("claims --id <first id> --json prints ClaimResults", async () => {
  const { CLAIM_IDS } = (await import(join(ROOT, "src/claims/registry.ts"))) as {
    CLAIM_IDS: string[];
  };
  const id = CLAIM_IDS[0];
  const out = runJson([
    "claims",
    "--id",
    id,
    "--M",
    "4,8",
    "--cutoff",
    "bump",
    "--variant",
    "as-in-proof",
    "--json",
  ]) as {
    claims: { id: string; verdict: string; cutoff: string; variant: string }[];
  };
  assert.ok(out.claims.length >= 1);
  for (const c of out.claims) {
    assert.equal(c.cutoff, "bump");
    assert.equal(c.variant, "as-in-proof");
  }
});
