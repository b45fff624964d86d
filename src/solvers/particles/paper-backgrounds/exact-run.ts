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
 *
 * Weighted norms ((5.3)–(5.6)): the same coefficients of ωh for the velocity weights
 * ω = e^{⟨v⟩²} and ω = e^{(1−κt)⟨v⟩²}, κ = 1/T* ({@link VELOCITY_WEIGHTS}), i.e. c_k = Σ_i w_i ω(v_i)e_k(z_i):
 * the projection of h onto the basis {e_k/ω}, orthonormal in L²(ω² dx dv) (a basis adapted to the
 * weight), so the U-statistic estimates a lower bound of ‖ωh‖_{L²} ≤ ‖ωh‖_{L²_v H^{s0}_x}; and
 * ⟨ωh, ψ⟩ for the Cauchy–Schwarz bound |⟨ωh, ψ⟩|/‖ψ‖ ≤ ‖ωh‖.
 *
 * Strata by term (importance weighting, `termProposals` > 0): the parts of the source have mass
 * rates many orders apart (M = 4: Q(f_b, f_b) 3e-7, Q(f_b, f_r) 1e-18, v·∇f_r 5e-20, Q(f_r, f_r) 1e-30
 * per unit time; for g: v·∇g_a ≫ Q(g_a, g_a)), so at one weight quantum only the largest ever fires.
 * With strata, the term of largest proposal rate runs at `proposals` and every other term as its own,
 * independent particle system with its own quantum ε_ℓ = B_ℓ·T* ÷ P (B_ℓ its proposal rate,
 * P = `termProposals`): the source proposals are biased towards the small terms and each of their
 * particles carries the compensating weight ε_ℓ instead of ε, so every linear functional of the
 * replica, the sum over the systems, stays unbiased for that of f_c. The linear part (collisions
 * with f_a) acts on each system exactly; the cross terms of Q(f_c, f_c) between systems are left
 * out (stated; the quadratic term fires 0 times in any system at the sizes run).
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
import { type TermedSource, termedSource } from "./termed-source.ts";

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
  /**
   * Expected source proposals per replica of each term but the largest, as its own particle
   * system (the file comment); absent or 0: one system, every term drawn at the common ε.
   */
  readonly termProposals?: number;
}

/** The velocity weights of the weighted norms, in order: e^{⟨v⟩²}, e^{(1−κt)⟨v⟩²} with κ = 1/T*. */
export const VELOCITY_WEIGHTS = ["e^{<v>^2}", "e^{(1-kt)<v>^2}"] as const;

/** The exponent c of the weight e^{c⟨v⟩²} of {@link VELOCITY_WEIGHTS}[k] at time t (⟨v⟩² = 1 + |v|²). */
export function weightExponent(k: number, t: number, Tstar: number): number {
  return k === 0 ? 1 : 1 - t / Tstar;
}

/** One weighted functional of one time of one replica. */
export interface ExactWeightedPoint {
  /** ⟨ωh, ψ⟩_{L²}, ψ = f_b(t) (solution f) or g_a (solution g). */
  readonly overlap: number;
  /** c_k = Σ w_i ω(v_i) e_k(z_i) on the tensor Hermite basis. */
  readonly coefficients: readonly number[];
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
  /** The same for ωh, one per {@link VELOCITY_WEIGHTS} (absent in records of older runs). */
  readonly weighted?: readonly ExactWeightedPoint[];
}

/** Counters of one particle system of a replica. */
export interface ExactSystemCounters {
  /** The source term(s) of the system. */
  readonly term: string;
  readonly epsilon: number;
  readonly linearEvents: number;
  readonly quadraticEvents: number;
  readonly sourceParticles: number;
  readonly cancelledPairs: number;
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
  /** Each further term's system (absent without strata; the fields above are the main system's). */
  readonly strata?: readonly ExactSystemCounters[];
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
  if (c.termProposals !== undefined && !(Number.isInteger(c.termProposals) && c.termProposals >= 0))
    throw new RuleError("--term-proposals must be an integer >= 0", `got ${c.termProposals}`);
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

/**
 * c_k = Σ_i w_i ω(v_i) Π_axes e_{k_axis}(z_i) over the six axes (x then v), (n+1)⁶ coefficients,
 * with the velocity weight ω = e^{c⟨v⟩²} (c = `exponent`, default 0: no weight), added into
 * `out` when given.
 */
export function phaseSpaceCoefficients(
  p: ParticleSet,
  nmax: number,
  sx: number,
  sv: number,
  exponent = 0,
  out: Float64Array = new Float64Array((nmax + 1) ** 6),
): Float64Array {
  const m = nmax + 1;
  for (let i = 0; i < p.count; i++) {
    for (let a = 0; a < 3; a++) {
      hermiteFunctions(p.x[3 * i + a], nmax, sx, hs[a]);
      hermiteFunctions(p.v[3 * i + a], nmax, sv, hs[3 + a]);
    }
    const v0 = p.v[3 * i];
    const v1 = p.v[3 * i + 1];
    const v2 = p.v[3 * i + 2];
    const w =
      exponent === 0 ? p.w[i] : p.w[i] * Math.exp(exponent * (1 + v0 * v0 + v1 * v1 + v2 * v2));
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
  const terms = bg.source.terms;
  const stratified = (c.termProposals ?? 0) > 0 && terms.length > 1;
  let lead = 0;
  for (let k = 1; k < terms.length; k++) if (terms[k].rate(0, T) > terms[lead].rate(0, T)) lead = k;
  const system = (source: TermedSource, proposals: number, seed: number) => {
    const particles = makeParticleSet(1024);
    const epsilon = (source.bound(0, T) * T) / proposals;
    const state = makeDeviational(
      particles,
      {
        background: { ...bg, source },
        domain: { kind: "free", cellSize: cell },
        dt,
        epsilon,
        cancellationBin: c.solution === "f" ? env.rho : env.coreV / 4,
        quadratic: c.quadratic,
      },
      seededUniform(seed),
    );
    return {
      term: source.terms.map((q) => q.name).join(" + "),
      particles,
      state,
      epsilon,
    };
  };
  const dt = T / (c.samples * c.stepsPerSample);
  const cell = c.solution === "f" ? 1 / c.M : env.coreX;
  const systems = stratified
    ? [
        system(termedSource([terms[lead]]), c.proposals, exactSeed(c, replica)),
        ...terms.flatMap((q, k) =>
          k === lead
            ? []
            : [
                system(
                  termedSource([q]),
                  c.termProposals ?? 0,
                  replicaSeed(exactSeed(c, replica), 0x7465726d + k),
                ),
              ],
        ),
      ]
    : [system(bg.source, c.proposals, exactSeed(c, replica))];
  const [sx, sv] = basisScales(c, beam);
  const pairing = corePairing(env);
  const bPairing = beamPairing(env);
  const m6 = (c.nmax + 1) ** 6;
  const points: ExactPoint[] = [];
  for (let i = 0; i <= c.samples; i++) {
    const t = (i * T) / c.samples;
    let mass = 0;
    let tv = 0;
    let energy = 0;
    let overlap = 0;
    let pair = 0;
    let bPair = 0;
    let count = 0;
    const mom = [0, 0, 0];
    const wOverlap = VELOCITY_WEIGHTS.map(() => 0);
    const coefficients = new Float64Array(m6);
    const wCoefficients = VELOCITY_WEIGHTS.map(() => new Float64Array(m6));
    const wExp = VELOCITY_WEIGHTS.map((_, k) => weightExponent(k, t, T));
    for (const { particles, state } of systems) {
      if (i > 0) deviationalAdvance(state, t);
      count += particles.count;
      for (let j = 0; j < particles.count; j++) {
        const w = particles.w[j];
        const v = particles.v.subarray(3 * j, 3 * j + 3);
        const x = particles.x.subarray(3 * j, 3 * j + 3);
        const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
        mass += w;
        tv += Math.abs(w);
        for (let a = 0; a < 3; a++) mom[a] += w * v[a];
        energy += 0.5 * w * v2;
        const psi = c.solution === "f" ? beamValue(beam, t, x, v) : bg.value(t, x, v);
        overlap += w * psi;
        for (let k = 0; k < wExp.length; k++) wOverlap[k] += w * psi * Math.exp(wExp[k] * (1 + v2));
        pair += w * pairing.at(x, v);
        if (i === c.samples) bPair += w * bPairing(t, x, v);
      }
      phaseSpaceCoefficients(particles, c.nmax, sx, sv, 0, coefficients);
      for (let k = 0; k < wExp.length; k++)
        phaseSpaceCoefficients(particles, c.nmax, sx, sv, wExp[k], wCoefficients[k]);
    }
    points.push({
      t,
      mass,
      momentum: mom,
      energy,
      totalVariation: tv,
      particles: count,
      overlap,
      corePairing: pair,
      beamPairing: bPair,
      coefficients: Array.from(coefficients),
      weighted: wExp.map((_, k) => ({
        overlap: wOverlap[k],
        coefficients: Array.from(wCoefficients[k]),
      })),
    });
  }
  const counters = (k: number): ExactSystemCounters => ({
    term: systems[k].term,
    epsilon: systems[k].epsilon,
    linearEvents: systems[k].state.linearEvents,
    quadraticEvents: systems[k].state.quadraticEvents,
    sourceParticles: systems[k].state.sourceParticles,
    cancelledPairs: systems[k].state.cancelledPairs,
  });
  const { term: _main, ...main } = counters(0);
  return {
    replica,
    points,
    ...main,
    ...(stratified ? { strata: systems.slice(1).map((_, k) => counters(k + 1)) } : {}),
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
  /** The weighted norms, one per {@link VELOCITY_WEIGHTS} (empty for records of older runs). */
  readonly weighted: readonly ExactWeightedMerged[];
}

/** One weighted norm at one time: ‖ωh‖'s lower bounds by projection and by ⟨ωh, ψ⟩. */
export interface ExactWeightedMerged {
  /** The weight, one of {@link VELOCITY_WEIGHTS}. */
  readonly weight: string;
  /** ⟨ωh, ψ⟩_{L²} (ψ as for `overlap`). */
  readonly overlap: ValueError;
  /** U-statistic of ‖P(ωh)‖²_{L²} on the weight-adapted basis {e_k/ω} (NaN with < 3 replicas). */
  readonly projectionSquared: ValueError;
  /** √(value − 2 se) when positive, else null (inconclusive). */
  readonly projectionLowerBound: number | null;
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
  /** Each further term's system, counters averaged over replicas (absent without strata). */
  readonly strata?: readonly ExactSystemCounters[];
}

function uStatistic(cs: readonly (readonly number[])[]): {
  value: ValueError;
  lower: number | null;
} {
  if (cs.length < 3) return { value: { value: Number.NaN, error: Number.NaN }, lower: null };
  const u = projectionNormSquared(cs.map((c) => Float64Array.from(c)));
  return {
    value: { value: u.value, error: u.error },
    lower: u.value > 2 * u.error ? Math.sqrt(u.value - 2 * u.error) : null,
  };
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
    const proj = uStatistic(rs.map((r) => r.points[i].coefficients));
    const hasWeights = rs.every((r) => r.points[i].weighted !== undefined);
    const weighted = hasWeights
      ? VELOCITY_WEIGHTS.map((weight, k) => {
          const u = uStatistic(rs.map((r) => r.points[i].weighted?.[k].coefficients ?? []));
          return {
            weight,
            overlap: me((p) => p.weighted?.[k].overlap ?? Number.NaN, i),
            projectionSquared: u.value,
            projectionLowerBound: u.lower,
          };
        })
      : [];
    return {
      t: p0.t,
      mass: me((p) => p.mass, i),
      momentum: [0, 1, 2].map((a) => me((p) => p.momentum[a], i)),
      energy: me((p) => p.energy, i),
      totalVariation: me((p) => p.totalVariation, i),
      overlap: me((p) => p.overlap, i),
      corePairing: me((p) => p.corePairing, i),
      beamPairing: me((p) => p.beamPairing, i),
      projectionSquared: proj.value,
      projectionLowerBound: proj.lower,
      particles: rs.reduce((s, r) => s + r.points[i].particles, 0) / R,
      weighted,
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
    ...(rs.every((r) => r.strata !== undefined)
      ? {
          strata: (rs[0].strata ?? []).map((s0, k) => ({
            term: s0.term,
            epsilon: s0.epsilon,
            linearEvents: total((r) => r.strata?.[k].linearEvents ?? 0),
            quadraticEvents: total((r) => r.strata?.[k].quadraticEvents ?? 0),
            sourceParticles: total((r) => r.strata?.[k].sourceParticles ?? 0),
            cancelledPairs: total((r) => r.strata?.[k].cancelledPairs ?? 0),
          })),
        }
      : {}),
  };
}
