/**
 * `particles --init FILE` (CSV/JSON particles: round trip, bad files) and `--init shear-wave|heat-wave`
 * (the sampled wave amplitude at t = 0 against the requested one).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const main = join(import.meta.dirname, "../../src/cli/main.ts");
function run(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, "particles", ...args], {
    encoding: "utf8",
  });
}

/** 300 particles in the box [0, 2)³, mass 8 in all (an LCG, not the code under test). */
function someParticles() {
  let s = 12345;
  const u = () => {
    s = (1103515245 * s + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: 300 }, () => ({
    x: 2 * u(),
    y: 2 * u(),
    z: 2 * u(),
    vx: 2 * u() - 1,
    vy: 2 * u() - 1,
    vz: 2 * u() - 1,
    w: 8 / 300,
  }));
}

test("--init FILE: CSV and JSON give the same run; mass and momentum at t = 0 are those of the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "pfile-"));
  const ps = someParticles();
  const csv = join(dir, "p.csv");
  // columns in another order, a comment and an extra column are allowed
  writeFileSync(
    csv,
    `# particles\nw,vx,vy,vz,x,y,z,tag\n${ps.map((p) => [p.w, p.vx, p.vy, p.vz, p.x, p.y, p.z, "a"].join(",")).join("\n")}\n`,
  );
  const json = join(dir, "p.json");
  writeFileSync(json, JSON.stringify(ps));
  const args = ["--domain", "periodic:2", "--cells", "2", "--t-end", "0.02", "--samples", "1"];
  const a = run(["--init", csv, ...args, "--replicas", "2", "--json"]);
  assert.equal(a.status, 0, a.stderr);
  const b = run(["--init", json, ...args, "--replicas", "2", "--json"]);
  assert.equal(b.status, 0, b.stderr);
  const A = JSON.parse(a.stdout);
  const B = JSON.parse(b.stdout);
  assert.deepEqual(A.series, B.series);
  assert.equal(A.particles, 300);
  let px = 0;
  for (const p of ps) px += p.w * p.vx;
  assert.ok(Math.abs(A.series[0].mass - 8) < 1e-12);
  assert.ok(Math.abs(A.series[0].momentum[0] - px) < 1e-12);
  // DSMC conserves them (validation 5)
  assert.ok(Math.abs(A.series[1].mass - 8) < 1e-12);
  assert.ok(Math.abs(A.series[1].momentum[0] - px) < 1e-10);
});

test("--init FILE: bad files → one line naming the rule, exit 2, nothing written", () => {
  const dir = mkdtempSync(join(tmpdir(), "pfile-"));
  const put = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const ok = "x,y,z,vx,vy,vz,w\n0.1,0.2,0.3,0,0,0,1\n0.5,0.5,0.5,1,0,0,1\n";
  const cases: [string[], RegExp][] = [
    [["--init", join(dir, "missing.csv")], /does not exist/],
    [["--init", put("a.txt", ok)], /--init must be one of .* or a .csv\/.json FILE/],
    [["--init", put("b.csv", "x,y,z,vx,vy,w\n0,0,0,0,0,1\n")], /columns x,y,z,vx,vy,vz,w/],
    [["--init", put("c.csv", `${ok}0.1,0.2,abc,0,0,0,1\n`)], /"z" must be a finite number/],
    [["--init", put("d.json", "[{")], /not valid JSON/],
    [["--init", put("e.json", '[{"x":0,"y":0,"z":0,"vx":0,"vy":0,"w":1}]')], /"vz" must be/],
    [["--init", put("f.csv", `${ok}0.1,0.1,0.1,0,0,0,-1\n`)], /dsmc needs weights w > 0/],
    [
      ["--init", put("g.csv", `${ok}0.1,0.1,0.1,0,0,0,-0.5\n`), "--method", "deviational"],
      /one magnitude/,
    ],
    [["--init", put("h.csv", ok), "--domain", "periodic:0.4"], /positions must lie in the box/],
    [["--init", put("i.csv", "x,y,z,vx,vy,vz,w\n0,0,0,0,0,0,1\n")], /at least 2 particles/],
  ];
  for (const [args, rule] of cases) {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = run([...args, "--t-end", "0.01", "--out", out]);
    assert.equal(r.status, 2, `${args.join(" ")}: exit ${r.status} ${r.stderr}`);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], rule);
    assert.equal(existsSync(out), false, "nothing may be written");
  }
});

test("--init shear-wave / heat-wave: the amplitude at t = 0 is the requested a (DSMC and deviational)", () => {
  for (const [init, method] of [
    ["shear-wave", "dsmc"],
    ["shear-wave", "deviational"],
    ["heat-wave", "dsmc"],
    ["heat-wave", "deviational"],
  ]) {
    const r = run([
      "--init",
      init,
      "--method",
      method,
      "--amplitude",
      "0.2",
      "--particles",
      "4000",
      "--t-end",
      "0.01",
      "--samples",
      "1",
      "--replicas",
      "4",
      "--json",
    ]);
    assert.equal(r.status, 0, r.stderr);
    const p0 = JSON.parse(r.stdout).series[0];
    assert.ok(
      Math.abs(p0.waveAmplitude - 0.2) < 4 * p0.error.waveAmplitude,
      `${init} ${method}: ${p0.waveAmplitude} ± ${p0.error.waveAmplitude}`,
    );
    assert.ok(p0.error.waveAmplitude < 0.05, `${init} ${method}: SE ${p0.error.waveAmplitude}`);
  }
});

test("transport: bad wave-method input → one line naming the rule, exit 2", () => {
  const cases: [string[], RegExp][] = [
    [["--method", "waves"], /--method must be one of wave, green-kubo/],
    [["--wave-numbers", "0.5,-1"], /--wave-numbers must be finite numbers > 0/],
    [["--representation", "local"], /--representation must be one of/],
    [["--t-start", "1.5", "--t-end", "1"], /--t-end must be > --t-start/],
    [["--cancellation-moments", "third"], /--cancellation-moments must be one of/],
    [["--cancellation-carry", "far"], /--cancellation-carry must be one of/],
  ];
  for (const [args, rule] of cases) {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", main, "transport", "--coefficient", "viscosity", ...args],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 2, `${args.join(" ")}: exit ${r.status} ${r.stderr}`);
    const lines = r.stderr
      .trim()
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"));
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], rule);
  }
});
