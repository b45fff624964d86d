import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

/**
 * Every script in examples/ runs at its small size (BOLTZLAB_EXAMPLE_SIZE=small), as a user runs
 * it: plain `.mjs` importing "boltzlab" (resolved here to src/ by the boltzlab-source condition,
 * with tsx; in an installed package to dist/). Their outputs are checked against closed forms
 * computed here, and load-outputs.py reads what the others wrote.
 */

const ROOT = join(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "boltzlab-examples-"));
after(() => rmSync(out, { recursive: true, force: true }));

function runExample(name: string): string {
  const r = spawnSync(
    process.execPath,
    ["--conditions=boltzlab-source", "--import", "tsx", join(ROOT, "examples", name), out],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, BOLTZLAB_EXAMPLE_SIZE: "small" } },
  );
  assert.equal(r.status, 0, `${name} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const lnln = (M: number) => Math.log(Math.log(M));

test("every example is exercised here", () => {
  const scripts = readdirSync(join(ROOT, "examples"))
    .filter((f) => /\.(mjs|py)$/.test(f))
    .sort();
  assert.deepEqual(scripts, [
    "beam-values.mjs",
    "check-claim.mjs",
    "collision-user-functions.mjs",
    "load-outputs.py",
    "spectral-relaxation.mjs",
    "theorem-table-csv.mjs",
  ]);
});

test("beam-values: f_b(0, 0, e) = M^{1−s} on a lattice direction, 0 off them; A[f_b] two ways agree", () => {
  const text = runExample("beam-values.mjs");
  const fb = Number(/f_b\(0, 0, e_\{2,3\}\)\s+= (\S+)/.exec(text)?.[1]);
  assert.ok(Math.abs(fb - 8 ** 0.2) < 1e-12, text);
  assert.match(text, /f_b\(0, 0, \(0, 0, 1\)\)\s+= 0 /);
  const pairs = [...text.matchAll(/= (\S+) ± (\S+)\s+\(single-tube form (\S+) ± (\S+)\)/g)];
  assert.equal(pairs.length, 3, text);
  for (const [, a, ea, b, eb] of pairs) {
    assert.ok(
      Math.abs(Number(a) - Number(b)) <= 1e-3 * Number(b) + Number(ea) + Number(eb),
      `${a} vs ${b}`,
    );
  }
});

test("check-claim: (2.10) holds; T* ≤ 1/4 is violated at M = 8 (T* = 8^{−0.2} ln ln 8 > 1/4)", () => {
  runExample("check-claim.mjs");
  const data = JSON.parse(readFileSync(join(out, "claims.json"), "utf8"));
  const byId = Object.fromEntries(data.claims.map((c: { id: string }) => [c.id, c]));
  assert.equal(byId["2.10"].verdict, "holds");
  assert.ok(8 ** -0.2 * lnln(8) > 0.25);
  assert.equal(byId["T*<=1/4"].verdict, "violated");
});

test("theorem-table-csv: one row per s and M, T* = M^{s−1} ln ln M", () => {
  runExample("theorem-table-csv.mjs");
  const [header, ...rows] = readFileSync(join(out, "theorem.csv"), "utf8").trim().split("\n");
  const cols = header.split(",");
  assert.equal(rows.length, 4);
  for (const row of rows) {
    const r = Object.fromEntries(row.split(",").map((v, i) => [cols[i], v]));
    const M = Number(r.M);
    const s = Number(r.s);
    assert.ok(Math.abs(Number(r.Tstar) - M ** (s - 1) * lnln(M)) < 1e-14);
    assert.ok(Number(r.deflation) > 0 && Number(r.deflation) < 1, row);
  }
});

test("collision-user-functions: Q⁺(M, M) = Q⁻(M, M) within the errors; Q⁻(f, M) = f A[M]", () => {
  const text = runExample("collision-user-functions.mjs");
  assert.match(text, /within the combined error \S+: true/);
  const loss = [
    ...text.matchAll(/Q⁻\(f, M\) = (\S+) ± (\S+)\s+f\(v\) A\[M\]\(v\) = (\S+) ± (\S+)/g),
  ];
  assert.equal(loss.length, 2, text);
  for (const [, a, ea, b, eb] of loss) {
    assert.ok(
      Math.abs(Number(a) - Number(b)) <= 1e-3 * Number(b) + Number(ea) + Number(eb),
      `${a} vs ${b}`,
    );
  }
});

test("spectral-relaxation: mass and energy conserved, the anisotropy decays", () => {
  runExample("spectral-relaxation.mjs");
  const { history } = JSON.parse(readFileSync(join(out, "relaxation.json"), "utf8"));
  const first = history[0];
  const last = history.at(-1);
  assert.ok(Math.abs(last.mass - first.mass) < 1e-10 * first.mass);
  assert.ok(Math.abs(last.energy - first.energy) < 1e-10 * first.energy);
  // ½G(v ∓ e_x; 0.6): T_xx − (T_yy + T_zz)/2 = 1 + 0.6 − 0.6 = 1 at t = 0 (up to the grid)
  assert.ok(Math.abs(first.anisotropy - 1) < 1e-3, String(first.anisotropy));
  for (let i = 1; i < history.length; i++)
    assert.ok(history[i].anisotropy < history[i - 1].anisotropy);
  assert.ok(last.anisotropy < 0.05);
});

test("load-outputs.py reads the CSV and JSON outputs with the standard library", () => {
  const r = spawnSync("python3", [join(ROOT, "examples/load-outputs.py"), out], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /theorem\.csv: 4 rows/);
  assert.match(r.stdout, /\(2\.10\) Separation of directions: holds/);
  assert.match(r.stdout, /relaxation\.json: n = 16/);
});
