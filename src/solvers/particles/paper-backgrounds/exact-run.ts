/**
 * Theorem 1.1 on the exact solutions, one replica at a time: the corrections f_c of (5.1) and g_c of
 * (5.2) by the deviational particle solver, with background f_a ({@link backgroundFA}, source −F_err)
 * or g_a ({@link backgroundGA}, source −G_err), f_c(0) = g_c(0) = 0 (no initial particles).
 *
 * The weight quantum ε is set from the source: ε = B·T* / P, B the source's proposal rate on [0, T*]
 * and P = `proposals` (the expected number of source proposals per replica; the number of particles
 * injected is P times the acceptance, ≈ 0.2 % for Q(f_b, f_b) at M = 4). Terms whose mass is many
 * orders below ε·(1/T*) (at M = 4: transport 4e-20, Q(f_b,f_r) 1e-18, Q(f_r,f_r) 1e-30 against
 * Q(f_b,f_b) 3e-7 per unit time) are sampled without bias but essentially never fire: their part of
 * f_c is below the resolution of the run, reported as such through the per-term mass rates.
 *
 * At each time of the grid the record holds the linear functionals of the replica (signed mass,
 * momentum, energy, total variation Σ|w|, ⟨h, f_b(t)⟩ or ⟨h, g_a⟩ in L²) and the coefficients of
 * h = f_c(t) (or g_c(t)) on the tensor Hermite basis e_a(x)e_b(v) (6 axes, degrees ≤ n_max, scales
 * s_x, s_v), from which {@link mergeExact} forms the U-statistic of ‖P h‖²_{L²} over replicas
 * (projection-norm.ts): an unbiased estimate of a LOWER bound of ‖h‖_{L²} ≤ ‖h‖_{L²_v H^s0_x}.
 */

import { type Beam, beamValue, makeBeam } from "../../../construction/beam/beam.ts";
import { cutoffByName } from "../../../construction/geometry/cutoff.ts";
import type { ConstructionConstants } from "../../../construction/parameters/parameters.ts";
import { makeParameters } from "../../../construction/parameters/parameters.ts";
import type { Variant } from "../../../construction/parameters/variant.ts";
import { RuleError } from "../../../math/errors.ts";
import { seededUniform } from "../../../math/sampling/uniform-stream.ts";
import { deviationalAdvance, makeDeviational } from "../deviational.ts";
import { makeParticleSet, type ParticleSet } from "../particle-set.ts";
import { hermiteFunctions, projectionNormSquared } from "../projection-norm.ts";
import { meanError, replicaSeed } from "../replica-statistics.ts";
import { backgroundFA } from "./background-f-a.ts";
import { backgroundGA } from "./background-g-a.ts";
import { beamPairing, corePairing } from "./sobolev-pairing.ts";

/** Everything one replica of `boltzlab exact` depends on (plain data). */
export interface ExactRunConfig {
  readonly M: number;
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants: Partial<ConstructionConstants>;
  /** Name of the construction (paper, tuned, a file). */
  readonly construction: string;
  readonly solution: "f" | "g";
  /** Expected number of source proposals per replica (sets ε). */
  readonly proposals: number;
  /** Output times i·T* / samples, i = 0..samples. */
  readonly samples: number;
  /** Time steps per output interval. */
  readonly stepsPerSample: number;
  readonly seed: number;
  /** Relative tolerance of the per-tube quadrature of A[f_b]. */
  readonly relTol: number;
  readonly quadratic: "simulate" | "omit";
  /** Hermite degree per axis of the projection basis. */
  readonly nmax: number;
}

/** One time of one replica. */
export interface ExactPoint {
  readonly t: number;
  readonly mass: number;
  readonly momentum: readonly number[];
  readonly energy: number;
  readonly totalVariation: number;
  readonly particles: number;
  /** ⟨h, f_b(t)⟩_{L²} (solution f) or ⟨h, g_a⟩_{L²} (solution g). */
  readonly overlap: number;
  /** ⟨h, f_r(0)⟩_{L²_v H^{s0}_x} ({@link corePairing}). */
  readonly corePairing: number;
  /** ⟨h, f_b(t)⟩_{L²_v H^{s0}_x} ({@link beamPairing}; computed at the last time only, else 0). */
  readonly beamPairing: number;
  readonly coefficients: readonly number[];
}

/** One replica's result. */
export interface ExactReplicaRecord {
  readonly replica: number;
  readonly epsilon: number;
  readonly points: readonly ExactPoint[];
  readonly linearEvents: number;
  readonly quadraticEvents: number;
  readonly sourceParticles: number;
  readonly cancelledPairs: number;
}

/** Validate a configuration (throws RuleError). */
export function checkExactConfig(c: ExactRunConfig): ExactRunConfig {
  if (c.solution !== "f" && c.solution !== "g")
    throw new RuleError("--solution must be f, g or both", `got ${String(c.solution)}`);
  for (const [name, v, lo] of [
    ["--proposals", c.proposals, 1],
    ["--samples", c.samples, 1],
    ["--steps", c.stepsPerSample, 1],
    ["--nmax", c.nmax, 0],
  ] as const)
    if (!Number.isInteger(v) || v < lo)
      throw new RuleError(`${name} must be an integer >= ${lo}`, `got ${v}`);
  if (c.nmax > 4)
    throw new RuleError("--nmax must be <= 4 ((nmax+1)^6 coefficients)", `got ${c.nmax}`);
  if (c.samples > 64) throw new RuleError("--samples must be <= 64", `got ${c.samples}`);
  if (!(c.relTol > 0 && c.relTol < 1)) throw new RuleError("--rel-tol must lie in (0, 1)");
  exactBeam(c);
  return c;
}

/** The beam of a configuration. */
export function exactBeam(c: ExactRunConfig): Beam {
  const params = makeParameters({ M: c.M, s: c.s, s0: c.s0, p: c.p, constants: c.constants });
  return makeBeam(params, cutoffByName(c.cutoff), c.variant);
}

/** The basis scales (s_x, s_v): the beam's (1/2, 1/2) for f, the core's (1/(RM), 1/N) for g. */
export function basisScales(c: ExactRunConfig, beam: Beam): [number, number] {
  if (c.solution === "f") return [0.5, 0.5];
  return [1 / (beam.params.constants.coreRadius * beam.params.M), Math.exp(-beam.params.lnN)];
}

const hs = Array.from({ length: 6 }, () => new Float64Array(5));

/** c_k = Σ_i w_i Π_axes e_{k_axis}(z_i) over the six axes (x then v), (n+1)⁶ coefficients. */
export function phaseSpaceCoefficients(
  p: ParticleSet,
  nmax: number,
  sx: number,
  sv: number,
): Float64Array {
  const m = nmax + 1;
  const out = new Float64Array(m ** 6);
  for (let i = 0; i < p.count; i++) {
    for (let a = 0; a < 3; a++) {
      hermiteFunctions(p.x[3 * i + a], nmax, sx, hs[a]);
      hermiteFunctions(p.v[3 * i + a], nmax, sv, hs[3 + a]);
    }
    const w = p.w[i];
    let k = 0;
    for (let a = 0; a < m; a++) {
      const ya = w * hs[0][a];
      for (let b = 0; b < m; b++) {
        const yb = ya * hs[1][b];
        for (let c = 0; c < m; c++) {
          const yc = yb * hs[2][c];
          for (let d = 0; d < m; d++) {
            const yd = yc * hs[3][d];
            for (let e = 0; e < m; e++) {
              const ye = yd * hs[4][e];
              for (let f = 0; f < m; f++) out[k++] += ye * hs[5][f];
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * The seed of replica r of a configuration: derived from the base seed, M and the solution, so that
 * different M and f/g draw independent streams (the core terms are self-similar in M: equal streams
 * would repeat one fluctuation at every M).
 */
export function exactSeed(c: ExactRunConfig, replica: number): number {
  return replicaSeed(replicaSeed(c.seed, 2 * c.M + (c.solution === "g" ? 1 : 0)), replica);
}

/** One replica (a pure function of the configuration and r: same seed, same bits). */
export function runExactReplica(config: ExactRunConfig, replica: number): ExactReplicaRecord {
  const c = checkExactConfig(config);
  const beam = exactBeam(c);
  const T = beam.params.Tstar;
  const bg =
    c.solution === "f" ? backgroundFA(beam, { relTol: c.relTol, tMax: T }) : backgroundGA(beam);
  const env = bg.envelope;
  const epsilon = (bg.source.bound(0, T) * T) / c.proposals;
  const particles = makeParticleSet(1024);
  const dt = T / (c.samples * c.stepsPerSample);
  const cell = c.solution === "f" ? 1 / c.M : env.coreX;
  const state = makeDeviational(
    particles,
    {
      background: bg,
      domain: { kind: "free", cellSize: cell },
      dt,
      epsilon,
      cancellationBin: c.solution === "f" ? env.rho : env.coreV / 4,
      quadratic: c.quadratic,
    },
    seededUniform(exactSeed(c, replica)),
  );
  const [sx, sv] = basisScales(c, beam);
  const pairing = corePairing(env);
  const bPairing = beamPairing(env);
  const points: ExactPoint[] = [];
  for (let i = 0; i <= c.samples; i++) {
    const t = (i * T) / c.samples;
    if (i > 0) deviationalAdvance(state, t);
    let mass = 0;
    let tv = 0;
    let energy = 0;
    let overlap = 0;
    let pair = 0;
    let bPair = 0;
    const mom = [0, 0, 0];
    for (let j = 0; j < particles.count; j++) {
      const w = particles.w[j];
      const v = particles.v.subarray(3 * j, 3 * j + 3);
      const x = particles.x.subarray(3 * j, 3 * j + 3);
      mass += w;
      tv += Math.abs(w);
      for (let a = 0; a < 3; a++) mom[a] += w * v[a];
      energy += 0.5 * w * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
      overlap += w * (c.solution === "f" ? beamValue(beam, t, x, v) : bg.value(t, x, v));
      pair += w * pairing.at(x, v);
      if (i === c.samples) bPair += w * bPairing(t, x, v);
    }
    points.push({
      t,
      mass,
      momentum: mom,
      energy,
      totalVariation: tv,
      particles: particles.count,
      overlap,
      corePairing: pair,
      beamPairing: bPair,
      coefficients: Array.from(phaseSpaceCoefficients(particles, c.nmax, sx, sv)),
    });
  }
  return {
    replica,
    epsilon,
    points,
    linearEvents: state.linearEvents,
    quadraticEvents: state.quadraticEvents,
    sourceParticles: state.sourceParticles,
    cancelledPairs: state.cancelledPairs,
  };
}

/** A value with its standard error over replicas. */
export interface ValueError {
  readonly value: number;
  readonly error: number;
}

/** One time of the merged result. */
export interface ExactMergedPoint {
  readonly t: number;
  readonly mass: ValueError;
  readonly momentum: readonly ValueError[];
  readonly energy: ValueError;
  readonly totalVariation: ValueError;
  readonly overlap: ValueError;
  readonly corePairing: ValueError;
  readonly beamPairing: ValueError;
  /** U-statistic of ‖P h‖²_{L²} (NaN with fewer than 3 replicas). */
  readonly projectionSquared: ValueError;
  /** √ of it when it is positive by more than two standard errors, else null (inconclusive). */
  readonly projectionLowerBound: number | null;
  readonly particles: number;
}

/** Replicas merged (sorted by index first, so shards merged in any order give the same bits). */
export interface ExactMerged {
  readonly replicas: number;
  readonly points: readonly ExactMergedPoint[];
  readonly epsilon: number;
  readonly linearEvents: number;
  readonly quadraticEvents: number;
  readonly sourceParticles: number;
  readonly cancelledPairs: number;
}

/** Merge the records of independent replicas of one configuration. */
export function mergeExact(records: readonly ExactReplicaRecord[]): ExactMerged {
  const rs = [...records].sort((a, b) => a.replica - b.replica);
  const R = rs.length;
  if (R === 0) throw new RuleError("no replicas to merge");
  const me = (f: (p: ExactPoint) => number, i: number): ValueError => {
    const { mean, error } = meanError(rs.map((r) => f(r.points[i])));
    return { value: mean, error };
  };
  const points: ExactMergedPoint[] = rs[0].points.map((p0, i) => {
    let proj: ValueError = { value: Number.NaN, error: Number.NaN };
    if (R >= 3) {
      const u = projectionNormSquared(rs.map((r) => Float64Array.from(r.points[i].coefficients)));
      proj = { value: u.value, error: u.error };
    }
    return {
      t: p0.t,
      mass: me((p) => p.mass, i),
      momentum: [0, 1, 2].map((a) => me((p) => p.momentum[a], i)),
      energy: me((p) => p.energy, i),
      totalVariation: me((p) => p.totalVariation, i),
      overlap: me((p) => p.overlap, i),
      corePairing: me((p) => p.corePairing, i),
      beamPairing: me((p) => p.beamPairing, i),
      projectionSquared: proj,
      projectionLowerBound:
        proj.value > 2 * proj.error ? Math.sqrt(proj.value - 2 * proj.error) : null,
      particles: rs.reduce((s, r) => s + r.points[i].particles, 0) / R,
    };
  });
  const total = (f: (r: ExactReplicaRecord) => number) => rs.reduce((s, r) => s + f(r), 0) / R;
  return {
    replicas: R,
    points,
    epsilon: rs[0].epsilon,
    linearEvents: total((r) => r.linearEvents),
    quadraticEvents: total((r) => r.quadraticEvents),
    sourceParticles: total((r) => r.sourceParticles),
    cancelledPairs: total((r) => r.cancelledPairs),
  };
}
