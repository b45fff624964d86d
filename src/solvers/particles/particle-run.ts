/**
 * One configured particle run, as the CLI and the library use it: a validated configuration, one
 * independent replica per seed ({@link runReplica}, no I/O), and the exact merge of any set of
 * replica records into a series of means with standard errors ({@link mergeReplicas}). Shards of
 * replicas run anywhere (`--shard k/n`) and merge by concatenating their records.
 */
import { RuleError } from "../../math/errors.ts";
import { seededUniform, type Uniform } from "../../math/sampling/uniform-stream.ts";
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
import { makeParticleSet, type ParticleSet, pushParticle } from "./particle-set.ts";
import { meanError, replicaSeed } from "./replica-statistics.ts";
import {
  sampleWaveDeviation,
  sampleWaveLocalMaxwellian,
  type WaveDatum,
  waveAmplitudes,
} from "./wave-initial-particles.ts";

/** The initial data `boltzlab particles --init` knows: two beams of density ½ at ±U e_x, the BKW solution, a global Maxwellian, a Gaussian blob in x (the exact solution e^{−|x−vt|²−|v|²}), the shear and heat waves in a periodic box (wave-initial-particles.ts); besides these, `file` (particles given in the configuration, read from a CSV/JSON file by the CLI). */
export const PARTICLE_INITS = [
  "two-beam",
  "bkw",
  "global-maxwellian",
  "gaussian-blob",
  "shear-wave",
  "heat-wave",
] as const;
export type ParticleInit = (typeof PARTICLE_INITS)[number] | "file";

/** Particles given explicitly (`--init FILE`): positions, velocities (3 per particle) and weights. */
export interface GivenParticles {
  readonly x: readonly number[];
  readonly v: readonly number[];
  readonly w: readonly number[];
}

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
  /**
   * Deviational: simulate Q(f_δ, f_δ) ("simulate", default) or omit it ("omit", the linearized
   * equation, as the wave method of wave-mode.ts solves it).
   */
  readonly quadratic?: "simulate" | "omit";
  /** shear-wave / heat-wave: wave number k (the box side must be a multiple of 2π/k) and amplitude a. */
  readonly waveNumber?: number;
  readonly amplitude?: number;
  /** `init: "file"`: the particles (all replicas start from them; DSMC w > 0, deviational |w| = ε). */
  readonly given?: GivenParticles;
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
  const wave = c.init === "shear-wave" || c.init === "heat-wave";
  if (c.method === "deviational" && c.init !== "bkw" && c.init !== "file" && !wave)
    throw new RuleError(
      "--method deviational supports --init bkw (deviation f_BKW − M around the Maxwellian with its moments), shear-wave, heat-wave or a FILE",
      `got ${c.init}`,
    );
  if (c.method === "deviational" && c.init === "bkw" && c.domain.kind !== "homogeneous")
    throw new RuleError("--method deviational with --init bkw is homogeneous: omit --domain");
  if (wave) {
    const k = c.waveNumber ?? 1;
    const a = c.amplitude ?? 0.1;
    if (!(k > 0) || !Number.isFinite(k))
      throw new RuleError("--wave-number must be a finite number > 0", `got ${k}`);
    if (!Number.isFinite(a) || (c.init === "heat-wave" && !(Math.abs(a) < 1)))
      throw new RuleError("--amplitude must be finite (heat-wave: |a| < 1)", `got ${a}`);
    if (c.domain.kind !== "periodic")
      throw new RuleError(`--init ${c.init} lives in a periodic box: give --domain periodic:L`);
    const m = (c.domain.L * k) / (2 * Math.PI);
    if (Math.abs(m - Math.round(m)) > 1e-9 * Math.max(1, m) || Math.round(m) < 1)
      throw new RuleError(
        "--domain periodic:L must be a multiple of the wavelength 2π/k",
        `L = ${c.domain.L}, k = ${k}`,
      );
  }
  if (c.init === "file") {
    const g = c.given;
    if (g === undefined || g.w.length < 2)
      throw new RuleError("--init FILE needs at least 2 particles");
    if (g.x.length !== 3 * g.w.length || g.v.length !== 3 * g.w.length)
      throw new RuleError("--init FILE: every particle needs x, y, z, vx, vy, vz, w");
    for (const q of [g.x, g.v, g.w])
      for (const y of q)
        if (!Number.isFinite(y))
          throw new RuleError("--init FILE: every value must be a finite number");
    if (c.method === "dsmc" && g.w.some((y) => !(y > 0)))
      throw new RuleError("--init FILE with --method dsmc needs weights w > 0");
    if (c.method === "deviational" && g.w.some((y) => Math.abs(y) !== Math.abs(g.w[0]) || y === 0))
      throw new RuleError(
        "--init FILE with --method deviational needs weights ±ε of one magnitude ε > 0",
      );
    if (c.domain.kind === "periodic") {
      const L = c.domain.L;
      if (g.x.some((y) => !(y >= 0 && y < L)))
        throw new RuleError("--init FILE: positions must lie in the box [0, L)³", `L = ${L}`);
    }
  }
  if (c.init === "bkw" && !(c.bkwK0 >= 0.6 && c.bkwK0 < 1))
    throw new RuleError("--bkw-k0 must be in [0.6, 1) so that f >= 0", `got ${c.bkwK0}`);
  if (!(c.dt > 0) || !(c.tEnd > 0)) throw new RuleError("--t-end and --dt must be > 0");
  if (!(c.cancellationBin > 0)) throw new RuleError("--cancellation-bin must be > 0");
  if (c.quadratic === "omit" && c.method !== "deviational")
    throw new RuleError("--linearized (omit Q(f_δ, f_δ)) needs --method deviational");
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
  /** shear-wave/heat-wave: sine amplitude of u_y resp. T, cosine coefficient of the stress resp. heat flux (wave-initial-particles.ts). */
  waveAmplitude?: number;
  waveFlux?: number;
}

export interface ReplicaRecord {
  replica: number;
  seed: number;
  points: ReplicaPoint[];
  collisions: number;
}

/** The wave datum of a shear-wave/heat-wave configuration. */
function waveDatum(c: ParticleRunConfig): WaveDatum {
  return {
    kind: c.init === "shear-wave" ? "shear" : "heat",
    k: c.waveNumber ?? 1,
    amplitude: c.amplitude ?? 0.1,
    rho: c.density,
    T: c.temperature,
  };
}

function givenParticles(g: GivenParticles): ParticleSet {
  const p = makeParticleSet(g.w.length);
  for (let i = 0; i < g.w.length; i++)
    pushParticle(
      p,
      g.x[3 * i],
      g.x[3 * i + 1],
      g.x[3 * i + 2],
      g.v[3 * i],
      g.v[3 * i + 1],
      g.v[3 * i + 2],
      g.w[i],
    );
  return p;
}

/** Periodic copies of a wave datum: the box holds L k/(2π) wavelengths; particles are spread over them. */
function tileWave(p: ParticleSet, c: ParticleRunConfig, rand: Uniform): ParticleSet {
  if (c.domain.kind !== "periodic") return p;
  const lambda = (2 * Math.PI) / (c.waveNumber ?? 1);
  const m = Math.round(c.domain.L / lambda);
  if (m === 1) return p;
  for (let i = 0; i < p.count; i++) {
    for (let a = 0; a < 3; a++)
      p.x[3 * i + a] = Math.min(
        c.domain.L * (1 - 1e-16),
        p.x[3 * i + a] + lambda * Math.floor(m * rand()),
      );
    p.w[i] *= m ** 3;
  }
  return p;
}

function initialParticles(c: ParticleRunConfig, seed: number): ParticleSet {
  const rand = seededUniform(seed);
  const N = c.particles;
  if (c.init === "file") return givenParticles(c.given as GivenParticles);
  if (c.init === "shear-wave" || c.init === "heat-wave")
    return tileWave(sampleWaveLocalMaxwellian(waveDatum(c), N, rand), c, rand);
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
  if (c.init === "shear-wave" || c.init === "heat-wave") {
    const amp = waveAmplitudes(
      waveDatum(c),
      p,
      c.domain.kind === "periodic" ? c.domain.L : undefined,
    );
    base.waveAmplitude = amp.amplitude;
    base.waveFlux = amp.flux;
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
  const background = globalMaxwellian(rho, T, kernel);
  if (c.init !== "bkw") {
    let p: ParticleSet;
    let eps: number;
    if (c.init === "file") {
      p = givenParticles(c.given as GivenParticles);
      eps = Math.abs(p.w[0]);
    } else {
      const d = sampleWaveDeviation(waveDatum(c), c.particles, seededUniform(seed));
      p = tileWave(d.particles, c, seededUniform(replicaSeed(seed, 1)));
      eps = Math.abs(p.w[0]);
    }
    const s = makeDeviational(
      p,
      {
        background,
        domain: c.domain,
        dt: c.dt,
        epsilon: eps,
        cancellationBin: c.cancellationBin,
        quadratic: c.quadratic ?? "simulate",
        // in space a cancellation deficit stays in its collision cell (deviational.ts)
        restoration: c.domain.kind === "homogeneous" ? "global" : "cell",
      },
      seededUniform(stepSeed),
    );
    for (const t of c.times) {
      deviationalAdvance(s, t);
      points.push(point(c, p, t));
    }
    return { replica: r, seed: c.seed, points, collisions: s.linearEvents + s.quadraticEvents };
  }
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
      background,
      domain: c.domain,
      dt: c.dt,
      epsilon: totalVariation / c.particles,
      cancellationBin: c.cancellationBin,
      quadratic: c.quadratic ?? "simulate",
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
  "waveAmplitude",
  "waveFlux",
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
