/**
 * DSMC throughput side by side with SPARTA (a serial build of the public sparta/sparta source) on
 * the homogeneous hard-sphere two-beam relaxation of `../shared/peers/sparta/` (in.hs_relax,
 * ar_hs.vss): particle-steps per CPU second of one core, both codes run here, one after the other.
 *
 *   npx tsx bench/sparta.ts [SPARTA_BINARY] [--deck DIR] [--species FILE] [--particles N]
 *       [--steps S] [--only boltzlab]
 *
 * Without SPARTA_BINARY the SPARTA run is skipped (with a message) and only boltzlab is timed.
 * `--species` defaults to data/ar.species of the SPARTA tree the binary was built in
 * (<tree>/src/spa_serial → <tree>/data/ar.species); nothing of SPARTA is stored in boltzlab.
 *
 * The same problem in both codes. SPARTA: argon (mass m from the species file), number density n,
 * beams at ±U e_x with temperature T_b each, hard spheres of diameter d (VSS with ω = ½, α = 1:
 * cross-section πd², isotropic scattering), one periodic cell, time step Δt. boltzlab (unit density,
 * σ(g) = 2πg): velocities in units of U, so U' = 1 and T_b' = kT_b/(mU²); a particle's collision
 * frequency is nπd²⟨g⟩ in SPARTA and 2π⟨g'⟩ here, so the time unit is τ = 2/(n d² U) and
 * Δt' = n d² U Δt / 2; the box side is L' = L/(Uτ). The two then draw the same expected number
 * of collisions per particle per step (printed for both), and the anisotropy
 * Tx − (Ty+Tz)/2, relative to its initial value, follows the same curve (printed every 50 steps).
 *
 * Timing: boltzlab's step loop in this process (process.cpuUsage, wall beside it); SPARTA as a
 * child process, its CPU time (user + sys, from /proc/self/stat of this process after the child is
 * reaped, Linux) minus that of a 0-step run of the same deck (set-up and exit), and its own "Loop
 * time" (wall). On a shared machine CPU time is the figure to compare; the wall ratio is printed too.
 * boltzlab runs twice: the periodic box with one cell (free flight, wrap and the cell sort, as
 * SPARTA moves and sorts its particles) and the homogeneous domain (no positions at all).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import type { Domain } from "../src/solvers/particles/domain.ts";
import { dsmcStep, makeDsmc } from "../src/solvers/particles/dsmc.ts";
import { sampleTwoBeam, uniformInBox } from "../src/solvers/particles/initial-particles.ts";
import { HARD_SPHERE } from "../src/solvers/particles/particle-kernel.ts";
import { anisotropy, particleMoments } from "../src/solvers/particles/particle-moments.ts";

const BOLTZMANN = 1.380649e-23; // as in the deck's temperature variables

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    deck: { type: "string" },
    species: { type: "string" },
    particles: { type: "string", default: "200000" },
    steps: { type: "string", default: "1000" },
    only: { type: "string" },
  },
});
const N = Number(values.particles);
const steps = Number(values.steps);
if (!(Number.isInteger(N) && N >= 2 && N % 2 === 0 && Number.isInteger(steps) && steps >= 1)) {
  console.error("--particles must be an even integer >= 2 and --steps an integer >= 1");
  process.exit(2);
}
const every = 50;

function findDeck(): string {
  if (values.deck) return resolve(values.deck);
  for (let d = process.cwd(); ; d = dirname(d)) {
    const c = join(d, "shared", "peers", "sparta");
    if (existsSync(join(c, "in.hs_relax"))) return c;
    if (dirname(d) === d) break;
  }
  console.error("no deck: give --deck DIR (the folder with in.hs_relax and ar_hs.vss)");
  process.exit(2);
}
const deckDir = findDeck();
const deck = readFileSync(join(deckDir, "in.hs_relax"), "utf8");
function deckNumber(re: RegExp, what: string): number {
  const m = deck.match(re);
  if (!m) throw new Error(`in.hs_relax: ${what} not found`);
  return Number(m[1]);
}
const nrho = deckNumber(/^global\s+nrho\s+(\S+)/m, "global nrho");
const U = deckNumber(/^mixture\s+beamA\s+\S+\s+vstream\s+(\S+)/m, "beam speed");
const Tb = deckNumber(/^mixture\s+beamA\s+.*temp\s+(\S+)/m, "beam temperature");
const box = deckNumber(/^create_box\s+0\s+(\S+)/m, "box side");
const vss = readFileSync(join(deckDir, "ar_hs.vss"), "utf8")
  .split("\n")
  .find((l) => /^Ar\s/.test(l));
if (!vss) throw new Error("ar_hs.vss: no Ar row");
const [, dStr, omegaStr, , alphaStr] = vss.trim().split(/\s+/);
const diameter = Number(dStr);
if (Number(omegaStr) !== 0.5 || Number(alphaStr) !== 1)
  throw new Error("ar_hs.vss is not hard spheres (need omega = 0.5, alpha = 1)");

const binary = values.only === "boltzlab" ? undefined : positionals[0];
let speciesFile: string | undefined;
let mass = 6.63e-26; // the mass the deck's temperature variables use
if (binary) {
  speciesFile = values.species ?? join(dirname(dirname(resolve(binary))), "data", "ar.species");
  const row = readFileSync(speciesFile, "utf8")
    .split("\n")
    .find((l) => /^Ar\s/.test(l));
  if (!row) throw new Error(`${speciesFile}: no Ar row`);
  mass = Number(row.trim().split(/\s+/)[2]);
}

// SPARTA's run: fnum so that n·L³/fnum = N; the deck's dt is 2e-8 s in the peer README
const dtSparta = 2e-8;
const fnum = (nrho * box ** 3) / N;
// boltzlab's units
const tau = 2 / (nrho * diameter ** 2 * U);
const dt = dtSparta / tau;
const TbPrime = (BOLTZMANN * Tb) / (mass * U * U);
const L = box / (U * tau);

interface BoltzlabRun {
  domain: string;
  cpuSeconds: number;
  wallSeconds: number;
  particleStepsPerCpuSecond: number;
  particleStepsPerWallSecond: number;
  collisionsPerParticlePerStep: number;
  attemptsPerParticlePerStep: number;
  relativeAnisotropy: number[];
}

function runBoltzlab(periodic: boolean): BoltzlabRun {
  const p = sampleTwoBeam(N, seededUniform(1), 1, TbPrime);
  let domain: Domain = { kind: "homogeneous" };
  if (periodic) {
    uniformInBox(p, L, seededUniform(3));
    for (let i = 0; i < N; i++) p.w[i] *= L ** 3; // density 1 in the box
    domain = { kind: "periodic", L, cells: 1 };
  }
  const s = makeDsmc(p, { kernel: HARD_SPHERE, domain, dt }, seededUniform(2));
  const a0 = anisotropy(particleMoments(p));
  const aniso = [1];
  let cpu = 0;
  let wall = 0;
  for (let k = 0; k < steps; k += every) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let q = k; q < Math.min(steps, k + every); q++) dsmcStep(s);
    wall += (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1e6;
    aniso.push(anisotropy(particleMoments(p)) / a0);
  }
  return {
    domain: periodic ? `periodic box L' = ${L.toPrecision(6)}, 1 cell` : "homogeneous",
    cpuSeconds: cpu,
    wallSeconds: wall,
    particleStepsPerCpuSecond: (N * steps) / cpu,
    particleStepsPerWallSecond: (N * steps) / wall,
    collisionsPerParticlePerStep: s.collisions / (N * steps),
    attemptsPerParticlePerStep: s.candidates / (N * steps),
    relativeAnisotropy: aniso,
  };
}

/** CPU seconds (user + sys) of this process's reaped children so far (Linux /proc). */
function childCpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields 16, 17 of stat (cutime, cstime) are f[13], f[14] after the name; clock ticks of 1/100 s
  return (Number(f[13]) + Number(f[14])) / 100;
}

function runSparta(bin: string) {
  const dir = mkdtempSync(join(tmpdir(), "sparta-"));
  copyFileSync(join(deckDir, "in.hs_relax"), join(dir, "in.hs_relax"));
  copyFileSync(join(deckDir, "ar_hs.vss"), join(dir, "ar_hs.vss"));
  copyFileSync(speciesFile as string, join(dir, "ar.species"));
  const run = (nsteps: number) => {
    const args = ["-var", "fnum", String(fnum), "-var", "half", String(N / 2)];
    args.push("-var", "every", String(every), "-var", "dt", String(dtSparta));
    args.push("-var", "nsteps", String(nsteps), "-in", "in.hs_relax", "-log", "none");
    const c0 = childCpuSeconds();
    const r = spawnSync(resolve(bin), args, { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`SPARTA failed (${r.status}): ${r.stderr}${r.stdout}`);
    return { out: r.stdout, cpu: childCpuSeconds() - c0 };
  };
  const setup = run(0);
  const full = run(steps);
  rmSync(dir, { recursive: true, force: true });
  const out = full.out;
  const num = (re: RegExp) => Number(out.match(re)?.[1]);
  const loopWall = num(/Loop time of (\S+) on 1 procs/);
  // stats rows: step cpu np natt ncoll T Tx Ty Tz aniso
  const rows = out
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter((r) => r.length === 10 && r.every(Number.isFinite) && r[0] % every === 0);
  const a0 = rows[0][9];
  const cpu = full.cpu - setup.cpu;
  return {
    loopWallSeconds: loopWall,
    cpuSeconds: cpu,
    setupCpuSeconds: setup.cpu,
    particleStepsPerCpuSecond: (N * steps) / cpu,
    particleStepsPerWallSecond: (N * steps) / loopWall,
    reportedMparticleStepsPerSecond: num(/Performance: \S+ timesteps\/s, (\S+) Mparticle-step\/s/),
    collisionsPerParticlePerStep: num(/Collisions\/particle\/step: (\S+)/),
    attemptsPerParticlePerStep: num(/Collision-attempts\/particle\/step: (\S+)/),
    relativeAnisotropy: rows.map((r) => r[9] / a0),
  };
}

const periodic = runBoltzlab(true);
if (values.only === "boltzlab") {
  console.log(JSON.stringify({ N, steps, dt, boltzlab: periodic }, null, 1));
  process.exit(0);
}
const homogeneous = runBoltzlab(false);
let sparta: ReturnType<typeof runSparta> | undefined;
if (binary) sparta = runSparta(binary);
else
  console.log("SPARTA skipped: give the path of a serial SPARTA binary (spa_serial) as argument");

const round = (x: number) => Number(x.toPrecision(4));
console.log(
  JSON.stringify(
    {
      benchmark: "homogeneous hard-sphere two-beam relaxation, DSMC, one core",
      deck: deckDir,
      particles: N,
      steps,
      sparta: { dt: dtSparta, fnum, nrho, beamSpeed: U, beamTemperature: Tb, diameter, mass },
      boltzlabUnits: { dt, beamSpeed: 1, beamTemperature: TbPrime, L, tau },
      boltzlab: { periodic: { ...periodic }, homogeneous: { ...homogeneous } },
      sparta_run: sparta,
      ratioCpu: sparta && {
        periodicOverSparta: round(
          periodic.particleStepsPerCpuSecond / sparta.particleStepsPerCpuSecond,
        ),
        homogeneousOverSparta: round(
          homogeneous.particleStepsPerCpuSecond / sparta.particleStepsPerCpuSecond,
        ),
      },
      ratioWall: sparta && {
        periodicOverSparta: round(
          periodic.particleStepsPerWallSecond / sparta.particleStepsPerWallSecond,
        ),
        homogeneousOverSparta: round(
          homogeneous.particleStepsPerWallSecond / sparta.particleStepsPerWallSecond,
        ),
      },
    },
    (_k, v) => (typeof v === "number" ? round(v) : v),
    1,
  ),
);
