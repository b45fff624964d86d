/**
 * `particles --method deviational --init shear-wave --linearized --slabs --decay-from`: the
 * real-space deviational wave from the CLI (docs/particles.md) — the output carries the decay rate
 * per replica and its mean; bad combinations are one line naming the rule, exit 2.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "particles", ...args], {
    encoding: "utf8",
  });
}
const WAVE = [
  ...["--method", "deviational", "--init", "shear-wave", "--linearized", "--cells", "16"],
  ...["--slabs", "--cancellation-bin", "1", "--particles", "2000", "--t-end", "0.3"],
  ...["--samples", "6", "--replicas", "2", "--workers", "1", "--no-progress"],
];

test("a linearized real-space deviational shear wave reports its decay rate per replica, mean ± SE, over [--decay-from, --t-end]", () => {
  const r = run([...WAVE, "--decay-from", "0.1", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.quadratic, "omit");
  assert.match(out.method, /omitted \(linearized\)/);
  assert.match(out.method, /within the cell/);
  const d = out.waveDecayRate;
  assert.deepEqual([d.from, d.to], [0.1, 0.3]);
  assert.equal(d.perReplica.length, 2);
  assert.ok(d.perReplica.every(Number.isFinite));
  assert.ok(Math.abs(d.mean - (d.perReplica[0] + d.perReplica[1]) / 2) < 1e-15);
  const text = run([...WAVE, "--decay-from", "0.1"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(
    text.stdout,
    /decay rate of the wave amplitude .* over \[0\.1, 0\.3\]\): .*Navier–Stokes μk²\/ρ = 0\.08957/,
  );
  assert.match(
    text.stdout,
    /viscosity by the flux\/gradient ratio μ\(k\) = −P̄_c\/\(k ū_s\).* over \[0\.1, 0\.3\] per replica: .*literature 0\.0895681/,
  );
});

test("waveFluxGradient: per replica −(mean waveFlux)/(k · mean waveAmplitude) over the window, recomputed from replicas.jsonl", () => {
  const dir = mkdtempSync(join(tmpdir(), "boltzlab-wave-"));
  try {
    const r = run([...WAVE, "--decay-from", "0.1", "--json", "--out", dir]);
    assert.equal(r.status, 0, r.stderr);
    const g = JSON.parse(r.stdout).waveFluxGradient;
    assert.equal(g.coefficient, "viscosity");
    assert.deepEqual([g.from, g.to, g.literature], [0.1, 0.3, 0.0895681]);
    const recs = readFileSync(join(dir, "replicas.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).record)
      .sort((a, b) => a.replica - b.replica);
    assert.equal(recs.length, 2);
    recs.forEach((rec, i) => {
      const pts = rec.points.filter((q: { t: number }) => q.t > 0.1 - 1e-9);
      assert.equal(pts.length, 5); // t = 0.1, 0.15, 0.2, 0.25, 0.3
      let a = 0;
      let f = 0;
      for (const q of pts) {
        a += q.waveAmplitude / pts.length;
        f += q.waveFlux / pts.length;
      }
      assert.ok(Math.abs(g.perReplica[i] - -f / a) < 1e-12 * Math.abs(f / a), `replica ${i}`);
    });
    assert.ok(Math.abs(g.mean - (g.perReplica[0] + g.perReplica[1]) / 2) < 1e-15);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--linearized without --method deviational, and a --decay-from that leaves < 3 output times, are one line naming the rule, exit 2", () => {
  for (const [args, rule] of [
    [
      ["--init", "shear-wave", "--linearized", "--t-end", "0.1"],
      /--linearized .* needs --method deviational/,
    ],
    [[...WAVE, "--decay-from", "0.25"], /--decay-from must leave at least 3 output times/],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.status, 2, r.stderr);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], rule);
  }
});
