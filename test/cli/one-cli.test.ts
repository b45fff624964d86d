import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ROOT, readCsv, runCli, runJson } from "./run-cli.ts";

/**
 * Issue 9, "One CLI": commands share their defaults and agree, echo the parameters they used,
 * honour an M list as given, take lists where they loop, and list what a user must know (claim ids,
 * lattice points, the version). Expected values come from the paper's formulas or a second method.
 */

const tmp = mkdtempSync(join(tmpdir(), "boltzlab-one-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("collide and eval agree by default on A[f_b] at M = 5, x = v = 0 (both as-in-proof), and both echo their parameters", () => {
  const c = runJson(["collide", "--op", "A", "--g", "fb", "--M", "5", "--v", "0,0,0", "--json"]);
  const e = runJson(["eval", "A", "--M", "5", "--x", "0,0,0", "--v", "0,0,0", "--json"]);
  for (const out of [c, e]) {
    assert.equal(out.variant, "as-in-proof");
    assert.equal(out.cutoff, "bump");
    assert.equal(out.M, 5);
    assert.equal(out.s, 0.8);
    assert.equal(out.s0, 0.5);
    assert.equal(out.p, 10);
  }
  const [a, b] = [c, e] as unknown as { value: number; error: number }[];
  // two independent quadratures (generic collision operator vs per-tube rule of A[f_b])
  assert.ok(
    Math.abs(a.value - b.value) <= a.error + b.error,
    `collide ${a.value} ± ${a.error} vs eval ${b.value} ± ${b.error}`,
  );
  // the as-written reading gives a different value (the defect of issue 9 was this mismatch)
  const w = runJson([
    "collide",
    "--op",
    "A",
    "--g",
    "fb",
    "--M",
    "5",
    "--v",
    "0,0,0",
    "--variant",
    "as-written",
    "--json",
  ]) as unknown as { value: number; variant: string };
  assert.equal(w.variant, "as-written");
  assert.ok(Math.abs(w.value - a.value) > 10 * a.error);
  const text = runCli(["collide", "--op", "A", "--g", "fb", "--M", "5", "--v", "0,0,0"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /M=5 s=0\.8 s0=0\.5 p=10 cutoff=bump variant=as-in-proof/);
});

test("one default rule: every command on one configuration shows cutoff bump, variant as-in-proof in its help", () => {
  const help = new Map<string, string>();
  for (const cmd of ["collide", "eval", "theorem", "errors", "bootstrap", "claims"]) {
    const r = runCli([cmd, "--help"]);
    assert.equal(r.status, 0, r.stderr);
    help.set(cmd, r.stdout.replace(/\s+/g, " "));
  }
  for (const cmd of ["collide", "eval", "theorem", "errors", "bootstrap"]) {
    const h = help.get(cmd) as string;
    assert.match(h, /--cutoff <[a-z]+> .*\(default: "bump"\)/, `${cmd} --cutoff`);
    assert.match(h, /--variant <[a-z]+> .*\(default: "as-in-proof"\)/, `${cmd} --variant`);
  }
  // claims compares configurations: all of them by default
  assert.match(help.get("claims") as string, /\(default: "bump,plateau"\)/);
  assert.match(help.get("claims") as string, /\(default: "as-written,as-in-proof"\)/);
  for (const cmd of ["claims", "theorem", "errors"]) {
    assert.match(
      help.get(cmd) as string,
      /--workers <n> .*the number of cores/,
      `${cmd} --workers`,
    );
  }
});

test("--version prints package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  for (const flag of ["--version", "-V"]) {
    const r = runCli([flag]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  }
});

test("claims --list and claims --help name every registered id with its title", async () => {
  const { CLAIM_IDS, DEFAULT_CLAIM_IDS } = (await import(join(ROOT, "src/claims/registry.ts"))) as {
    CLAIM_IDS: string[];
    DEFAULT_CLAIM_IDS: string[];
  };
  const list = runJson(["claims", "--list", "--json"]) as {
    claims: { id: string; title: string; byDefault: boolean }[];
  };
  assert.deepEqual(
    list.claims.map((c) => c.id),
    CLAIM_IDS,
  );
  for (const c of list.claims) {
    assert.ok(c.title.length > 0, `${c.id} has a title`);
    assert.equal(c.byDefault, DEFAULT_CLAIM_IDS.includes(c.id));
  }
  const help = runCli(["claims", "--help"]);
  assert.equal(help.status, 0, help.stderr);
  for (const c of list.claims) {
    assert.ok(
      help.stdout.includes(`${c.id}`) && help.stdout.includes(c.title),
      `help lists ${c.id}`,
    );
  }
});

test("claims --M 4,8,16: measured at exactly those M (footer says so); the large-M grid only with --large-M", async () => {
  const csv = join(tmp, "claims.csv");
  const args = [
    "claims",
    "--id",
    "2.36",
    "--M",
    "4,8,16",
    "--cutoff",
    "bump",
    "--variant",
    "as-in-proof",
  ];
  const text = runCli([...args, "--workers", "1", "--csv", csv]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /M = 4, 8, 16 \(as given\)/);
  assert.doesNotMatch(text.stdout, /instead of the list/);
  const { header, rows } = readCsv(csv);
  for (const col of [
    "id",
    "title",
    "cutoff",
    "variant",
    "verdict",
    "fitted_exponent",
    "fitted_exponent_error",
    "paper_exponent",
    "M_used",
    "s",
    "s0",
    "large_M",
    "reason",
  ]) {
    assert.ok(header.includes(col), `claims CSV column ${col}`);
  }
  assert.equal(rows.length, 1);
  assert.equal(rows[0][header.indexOf("M_used")], "4;8;16");
  assert.equal(rows[0][header.indexOf("large_M")], "false");

  const { runClaims } = (await import(
    join(ROOT, "src/claims/registry.ts")
  )) as typeof import("../../src/claims/registry.ts");
  const base = {
    ids: ["2.36"],
    Ms: [4, 8, 16],
    s: 0.8,
    s0: 0.5,
    cutoffs: ["bump"],
    variants: ["as-in-proof" as const],
  };
  const [plain] = await runClaims(base);
  assert.deepEqual(
    plain.measurements.map((m) => m.M),
    [4, 8, 16],
  );
  const [large] = await runClaims({ ...base, largeM: true });
  const Ms = large.measurements.map((m) => m.M);
  assert.deepEqual(Ms.slice(0, 3), [4, 8, 16]);
  assert.equal(Math.max(...Ms), 1e12);
});
