/**
 * One configured particle run, as the CLI and the library use it: a validated configuration, one
 * independent replica per seed ({@link runReplica}, no I/O), and the exact merge of any set of
 * replica records into a series of means with standard errors ({@link mergeReplicas}). Shards of
 * replicas run anywhere (`--shard k/n`) and merge by concatenating their records.
 */
import { RuleError } from "../../math/errors.ts";
import { seededUniform } from "../../math/sampling/uniform-stream.ts";
import { deviationalAdvance, makeDeviational } from "./deviational.ts";
import type { Domain } from "./domain.ts";
import { checkDomain } from "./domain.ts";
import { dsmcAdvance, makeDsmc } from "./dsmc.ts";
import { globalMaxwellian } from "./global-maxwellian.ts";
import {
  sampleBkw,
  sampleGaussianBlob,
  sampleMaxwellian,
  sampleRadialDeviation,
  sampleTwoBeam,
  uniformInBox,
} from "./initial-particles.ts";
import { spatialSecondMoment, windowDensityAtOrigin } from "./linear-functionals.ts";
import { type ParticleKernelName, particleKernel } from "./particle-kernel.ts";
import { anisotropy, particleMoments } from "./particle-moments.ts";
import type { ParticleSet } from "./particle-set.ts";
import { meanError, replicaSeed } from "./replica-statistics.ts";

/** The initial data `boltzlab particles --init` knows: two beams of density ½ at ±U e_x, the BKW solution, a global Maxwellian, a Gaussian blob in x (the exact solution e^{−|x−vt|²−|v|²}). */
export const PARTICLE_INITS = ["two-beam", "bkw", "global-maxwellian", "gaussian-blob"] as const;
export type ParticleInit = (typeof PARTICLE_INITS)[number];

/** One particle run: method (DSMC or deviational), kernel, initial datum, particle count, times, domain, cells, seed and replicas (checked by `checkRunConfig`). */
export interface ParticleRunConfig {
  readonly method: "dsmc" | "deviational";
  readonly kernel: ParticleKernelName;
  readonly init: ParticleInit;
  readonly particles: number;
  readonly tEnd: number;
  readonly dt: number;
  readonly domain: Domain;
  /** Output times (increasing, last = tEnd, first may be 0). */
  readonly times: readonly number[];
  readonly seed: number;
  readonly beamSpeed: number;
  readonly beamTemperature: number;
  readonly density: number;
  readonly temperature: number;
  readonly bkwK0: number;
  /** Deviational: cancellation cube side δv. */
  readonly cancellationBin: number;
}

/** Throws RuleError for any combination the solver does not define. */
export function checkRunConfig(c: ParticleRunConfig): ParticleRunConfig {
  checkDomain(c.domain);
  if (!Number.isInteger(c.particles) || c.particles < 2 || c.particles > 1e8)
    throw new RuleError("--particles must be an integer in [2, 1e8]", `got ${c.particles}`);
  if (c.init === "gaussian-blob" && c.domain.kind !== "free")
    throw new RuleError("--init gaussian-blob lives in R³: give --domain free");
  if ((c.init === "two-beam" || c.init === "bkw") && c.domain.kind !== "homogeneous")
    throw new RuleError(`--init ${c.init} is spatially homogeneous: omit --domain`);
  if (c.method === "deviational" && c.init !== "bkw")
    throw new RuleError(
      "--method deviational supports --init bkw (deviation f_BKW − M around the Maxwellian with its moments)",
      `got ${c.init}`,
    );
  if (c.method === "deviational" && c.domain.kind !== "homogeneous")
    throw new RuleError("--method deviational with --init bkw is homogeneous: omit --domain");
  if (c.init === "bkw" && !(c.bkwK0 >= 0.6 && c.bkwK0 < 1))
    throw new RuleError("--bkw-k0 must be in [0.6, 1) so that f >= 0", `got ${c.bkwK0}`);
  if (!(c.dt > 0) || !(c.tEnd > 0)) throw new RuleError("--t-end and --dt must be > 0");
  if (!(c.cancellationBin > 0)) throw new RuleError("--cancellation-bin must be > 0");
  return c;
}

/** What one replica records at each output time. */
export interface ReplicaPoint {
  t: number;
  mass: number;
  momentum: [number, number, number];
  energy: number;
  temperature: [number, number, number];
  anisotropy: number;
  fourthMoment: number;
  totalVariation: number;
  particles: number;
  /** gaussian-blob: (4/π)^{3/2}∫∫e^{−4|x|²}f and ∫∫|x|²f. */
  windowDensity?: number;
  spatialSecondMoment?: number;
}

export interface ReplicaRecord {
  replica: number;
  seed: number;
  points: ReplicaPoint[];
  collisions: number;
}

function initialParticles(c: ParticleRunConfig, seed: number): ParticleSet {
  const rand = seededUniform(seed);
  const N = c.particles;
  if (c.init === "two-beam")
    return sampleTwoBeam(N, rand, c.beamSpeed, c.beamTemperature, c.density);
  if (c.init === "bkw") return sampleBkw(N, rand, c.bkwK0, c.temperature, c.density);
  if (c.init === "global-maxwellian") {
    const p = sampleMaxwellian(N, rand, c.temperature, c.density);
    if (c.domain.kind === "periodic") {
      uniformInBox(p, c.domain.L, rand);
      for (let i = 0; i < p.count; i++) p.w[i] *= c.domain.L ** 3;
    }
    return p;
  }
  return sampleGaussianBlob(N, rand);
}

/**
 * The moments reported for f: plain DSMC, the particles' own; deviational, M plus the particles'
 * (∫M = ρ, ∫vM = 0, ½∫|v|²M = 3ρT/2, ∫|v|⁴M = 15ρT²).
 */
function point(c: ParticleRunConfig, p: ParticleSet, t: number): ReplicaPoint {
  const m = particleMoments(p);
  const base: ReplicaPoint = {
    t,
    mass: m.mass,
    momentum: m.momentum,
    energy: m.energy,
    temperature: m.temperature,
    anisotropy: anisotropy(m),
    fourthMoment: m.fourthMoment,
    totalVariation: m.totalVariation,
    particles: p.count,
  };
  if (c.method === "deviational") {
    const rho = c.density;
    const T = c.temperature;
    const mass = rho + m.mass;
    const tensor: [number, number, number] = [0, 0, 0];
    const { v, w } = p;
    for (let a = 0; a < 3; a++) {
      let s2 = rho * T;
      for (let i = 0; i < p.count; i++) s2 += w[i] * v[3 * i + a] ** 2;
      const u = m.momentum[a] / mass;
      tensor[a] = s2 / mass - u * u;
    }
    base.mass = mass;
    base.energy = 1.5 * rho * T + m.energy;
    base.temperature = tensor;
    base.anisotropy = tensor[0] - 0.5 * (tensor[1] + tensor[2]);
    base.fourthMoment = 15 * rho * T * T + m.fourthMoment;
  }
  if (c.init === "gaussian-blob") {
    base.windowDensity = windowDensityAtOrigin(p, 4);
    base.spatialSecondMoment = spatialSecondMoment(p);
  }
  return base;
}

/** Run replica r (seed derived from c.seed and r): a pure function of (c, r). */
export function runReplica(c: ParticleRunConfig, r: number): ReplicaRecord {
  const seed = replicaSeed(c.seed, 2 * r);
  const stepSeed = replicaSeed(c.seed, 2 * r + 1);
  const kernel = particleKernel(c.kernel);
  const points: ReplicaPoint[] = [];
  if (c.method === "dsmc") {
    const p = initialParticles(c, seed);
    const s = makeDsmc(p, { kernel, domain: c.domain, dt: c.dt }, seededUniform(stepSeed));
    for (const t of c.times) {
      dsmcAdvance(s, t);
      points.push(point(c, p, t));
    }
    return { replica: r, seed: c.seed, points, collisions: s.collisions };
  }
  const rho = c.density;
  const T = c.temperature;
  const K = c.bkwK0;
  const gauss = (r2: number, tt: number) =>
    rho * (2 * Math.PI * tt) ** -1.5 * Math.exp(-r2 / (2 * tt));
  const delta = (r2: number) =>
    gauss(r2, K * T) * ((5 * K - 3) / (2 * K) + ((1 - K) * r2) / (2 * K * K * T)) - gauss(r2, T);
  const { particles: p, totalVariation } = sampleRadialDeviation(
    c.particles,
    seededUniform(seed),
    delta,
    1.5 * T,
    14 * Math.sqrt(T),
  );
  const s = makeDeviational(
    p,
    {
      background: globalMaxwellian(rho, T, kernel),
      domain: c.domain,
      dt: c.dt,
      epsilon: totalVariation / c.particles,
      cancellationBin: c.cancellationBin,
    },
    seededUniform(stepSeed),
  );
  for (const t of c.times) {
    deviationalAdvance(s, t);
    points.push(point(c, p, t));
  }
  return { replica: r, seed: c.seed, points, collisions: s.linearEvents + s.quadraticEvents };
}

type Scalar = Exclude<keyof ReplicaPoint, "momentum" | "temperature">;
const SCALARS: Scalar[] = [
  "mass",
  "energy",
  "anisotropy",
  "fourthMoment",
  "totalVariation",
  "particles",
  "windowDensity",
  "spatialSecondMoment",
];

/** A merged point: each quantity's mean over replicas and its standard error (NaN for R = 1). */
export interface MergedPoint extends ReplicaPoint {
  replicas: number;
  error: Record<string, number | number[]>;
}

/** Merge replica records (any order, any shards) into means and standard errors per time. */
export function mergeReplicas(records: readonly ReplicaRecord[]): MergedPoint[] {
  if (records.length === 0) return [];
  const sorted = [...records].sort((a, b) => a.replica - b.replica);
  const nT = sorted[0].points.length;
  const out: MergedPoint[] = [];
  for (let k = 0; k < nT; k++) {
    const pts = sorted.map((r) => r.points[k]);
    const merged: Record<string, unknown> = { t: pts[0].t, replicas: pts.length };
    const error: Record<string, number | number[]> = {};
    for (const key of SCALARS) {
      if (pts[0][key] === undefined) continue;
      const me = meanError(pts.map((q) => q[key] as number));
      merged[key] = me.mean;
      error[key] = me.error;
    }
    for (const key of ["momentum", "temperature"] as const) {
      const means: number[] = [];
      const errs: number[] = [];
      for (let a = 0; a < 3; a++) {
        const me = meanError(pts.map((q) => q[key][a]));
        means.push(me.mean);
        errs.push(me.error);
      }
      merged[key] = means;
      error[key] = errs;
    }
    merged.error = error;
    out.push(merged as unknown as MergedPoint);
  }
  return out;
}
