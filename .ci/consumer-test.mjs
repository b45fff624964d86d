#!/usr/bin/env node
/**
 * The consumer test (issue 10): what a user with Node 20 and nothing else gets from the tarball.
 *
 *   npm pack (prepack builds dist/) → install the tarball into a scratch project with `npm ci
 *   --offline` from the npm cache that `npm ci` filled (lockfile: the tarball plus this repository's
 *   locked production dependencies) → there:
 *   1. plain Node ESM imports the root and every subpath export, checks that the layer entry points
 *      re-export the same objects, and computes A[M](v) for a Maxwellian against its closed form;
 *   2. a small TypeScript consumer type-checks with `tsc --strict --module nodenext
 *      --moduleResolution nodenext` and no other flag (no @types/node, no skipLibCheck);
 *   3. `npx boltzlab --version` prints the package version and `npx boltzlab lattice --M 5 --json`
 *      gives the lattice size M(M+1)/2 and separation ≥ 1/M of (2.3), (2.10);
 *   4. one example from the installed package (node_modules/boltzlab/examples) runs with plain Node.
 * Any failure exits non-zero. Usage: `npm run test:package` (after `npm ci`).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), "boltzlab-consumer-"));
const NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

function run(cmd, args, cwd, env = {}) {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
  } catch (err) {
    process.stderr.write(`consumer test: \`${cmd} ${args.join(" ")}\` failed in ${cwd}\n`);
    process.stderr.write(`${err.stdout ?? ""}${err.stderr ?? ""}\n`);
    throw err;
  }
}

function step(name, fn) {
  const t0 = Date.now();
  fn();
  console.log(`ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

try {
  let tarball = "";
  step("npm pack (builds dist/)", () => {
    const out = JSON.parse(
      run("npm", ["pack", "--json", "--pack-destination", scratch, ...NPM_QUIET], ROOT),
    );
    tarball = join(scratch, out[0].filename);
    const files = out[0].files.map((f) => f.path);
    console.log(`  ${files.length} files, ${(out[0].size / 1024).toFixed(0)} kB packed`);
    for (const must of [
      "bin/boltzlab.mjs",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/main.js",
      "package.json",
    ]) {
      if (!files.includes(must)) throw new Error(`the tarball lacks ${must}`);
    }
    const stray = files.filter((f) => /^(src|test|bench|\.ci|node_modules)\//.test(f));
    if (stray.length)
      throw new Error(`the tarball ships development files: ${stray.slice(0, 5).join(", ")}`);
  });

  const project = join(scratch, "project");
  step("install the tarball into a scratch project (offline, the locked dependency tree)", () => {
    // npm ci --offline from the npm cache that `npm ci` filled: the scratch lockfile holds the
    // tarball and the production entries of this repository's lockfile (the versions CI tests),
    // so nothing is fetched and a dependency missing from package.json fails the install.
    mkdirSync(project);
    const packed = JSON.parse(
      execFileSync("tar", ["-xOzf", tarball, "package/package.json"], { encoding: "utf8" }),
    );
    const spec = `file:${tarball}`;
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify(
        { name: "consumer", private: true, type: "module", dependencies: { boltzlab: spec } },
        null,
        2,
      ),
    );
    const repoLock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
    const packages = {
      "": { name: "consumer", dependencies: { boltzlab: spec } },
      "node_modules/boltzlab": {
        version: packed.version,
        resolved: spec,
        integrity: `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`,
        license: packed.license,
        dependencies: packed.dependencies,
        bin: packed.bin,
        engines: packed.engines,
      },
    };
    for (const [path, entry] of Object.entries(repoLock.packages)) {
      if (path === "" || entry.dev || entry.devOptional || entry.link) continue;
      packages[path] = entry;
    }
    writeFileSync(
      join(project, "package-lock.json"),
      JSON.stringify({ name: "consumer", lockfileVersion: 3, requires: true, packages }, null, 2),
    );
    run("npm", ["ci", "--offline", ...NPM_QUIET], project);
  });

  step("plain Node ESM: every entry point, and A[M](v) against its closed form", () => {
    writeFileSync(
      join(project, "consumer.mjs"),
      `import * as root from "boltzlab";
import * as math from "boltzlab/math";
import * as kinetic from "boltzlab/kinetic";
import * as construction from "boltzlab/construction";
import * as claims from "boltzlab/claims";
import * as solvers from "boltzlab/solvers";
import * as parallel from "boltzlab/parallel";
import * as report from "boltzlab/report";

for (const [name, layer] of Object.entries({ math, kinetic, construction, claims, solvers })) {
  const keys = Object.keys(layer);
  if (keys.length < 3) throw new Error(\`boltzlab/\${name} exports only \${keys}\`);
  for (const k of keys) if (root[k] !== layer[k]) throw new Error(\`boltzlab.\${k} is not boltzlab/\${name}.\${k}\`);
}
if (typeof parallel.withClaimPool !== "function") throw new Error("boltzlab/parallel: no withClaimPool");
if (typeof report.writeReport !== "function") throw new Error("boltzlab/report: no writeReport");

// A[M](v) = 2π ∫|u − v| M(u) du for M with density ρ, mean u0, temperature T; with m = |v − u0|/√T:
// 2π ρ √T E|Z + m e| = 2π ρ √T (√(2/π) e^{−m²/2} + (m + 1/m) erf(m/√2)) (Z standard normal in R³)
const erf = (x) => { let s = 0, term = x; for (let n = 0; n < 60; n++) { s += term / (2 * n + 1); term *= -x * x / (n + 1); } return (2 / Math.sqrt(Math.PI)) * s; };
const rho = 1.3, T = 0.5, u0 = [0.2, -0.1, 0.3], v = [1.2, -0.1, 0.3];
const m = 1 / Math.sqrt(T);
const exact = 2 * Math.PI * rho * Math.sqrt(T) * (Math.sqrt(2 / Math.PI) * Math.exp(-m * m / 2) + (m + 1 / m) * erf(m / Math.SQRT2));
const A = root.collisionFrequency(root.maxwellian({ rho, u: u0, T }), 0, [0, 0, 0], v);
if (!(Math.abs(A.value - exact) <= 1e-7 * exact + A.error)) throw new Error(\`A[M](v) = \${A.value} ± \${A.error}, closed form \${exact}\`);
console.log(JSON.stringify({ value: A.value, error: A.error, exact }));
`,
    );
    const out = JSON.parse(run("node", ["consumer.mjs"], project));
    console.log(
      `  A[M](v) = ${out.value} ± ${out.error.toExponential(1)}, closed form ${out.exact}`,
    );
  });

  step("strict TypeScript consumer (nodenext, no special flags)", () => {
    writeFileSync(
      join(project, "consumer.ts"),
      `import { type Estimate, type Beam, cutoffByName, makeBeam, makeParameters, beamValue, latticePoint } from "boltzlab";
import { collisionFrequency, maxwellian } from "boltzlab/kinetic";
import { type ClaimResult, runClaims } from "boltzlab/claims";
import { makeGrid, type VelocityGrid } from "boltzlab/solvers";
import { formatEstimate } from "boltzlab/math";
import { withClaimPool } from "boltzlab/parallel";
import type { ReportData } from "boltzlab/report";

const beam: Beam = makeBeam(makeParameters({ M: 8, s: 0.8, s0: 0.5 }), cutoffByName("bump"), "as-in-proof");
const e = new Float64Array(3);
latticePoint(e, 0, 1, 1, 8);
const fb: number = beamValue(beam, 0, [0, 0, 0], e);
const A: Estimate = collisionFrequency(maxwellian({ rho: 1, u: [0, 0, 0], T: 1 }), 0, [0, 0, 0], [0, 0, 0]);
const grid: VelocityGrid = makeGrid(8, 6);
const text: string = formatEstimate(A);
export async function verdicts(): Promise<string[]> {
  const rs: ClaimResult[] = await withClaimPool(1, (pool) =>
    runClaims({ ids: ["2.10"], Ms: [4], s: 0.8, s0: 0.5, cutoffs: ["bump"], variants: ["as-in-proof"], pool }),
  );
  return rs.map((r) => r.verdict);
}
export const summary: [number, string, number] = [fb, text, grid.n];
export type Data = ReportData;
`,
    );
    run(
      process.execPath,
      [
        join(ROOT, "node_modules/typescript/bin/tsc"),
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--noEmit",
        "consumer.ts",
      ],
      project,
    );
  });

  step("npx boltzlab --version and lattice --M 5 --json", () => {
    const version = run("npx", ["--no", "--", "boltzlab", "--version"], project).trim();
    if (version !== pkg.version)
      throw new Error(`boltzlab --version printed "${version}", package.json has ${pkg.version}`);
    const lattice = JSON.parse(
      run("npx", ["--no", "--", "boltzlab", "lattice", "--M", "5", "--json"], project),
    );
    if (lattice.M !== 5 || lattice.count !== (5 * 6) / 2)
      throw new Error(`lattice --M 5: count ${lattice.count}, want 15`);
    if (!(lattice.minSeparation * 5 >= 1))
      throw new Error(`lattice --M 5: separation ${lattice.minSeparation} < 1/M`);
  });

  step("an example from the installed package, with plain Node", () => {
    const out = run(
      "node",
      [join(project, "node_modules/boltzlab/examples/beam-values.mjs")],
      project,
      { BOLTZLAB_EXAMPLE_SIZE: "small" },
    );
    if (!out.includes("f_b")) throw new Error(`examples/beam-values.mjs printed:\n${out}`);
  });
  console.log(`consumer test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
