/**
 * Viscosity and heat conductivity of the hard-sphere gas by the wave method (validation 4 of
 * issue 13): a shear wave resp. a heat wave at constant pressure in a periodic box, deviational
 * around the global Maxwellian, solved by {@link waveModeReplica}; at each wave number k the ratio of
 * the cosine amplitude of the stress (heat flux) to the gradient of the velocity (temperature) is
 * averaged over [t₁, t₂], after the flux has relaxed to its constitutive value. By momentum (energy)
 * conservation this ratio is the decay rate of the wave over k² (times ρ resp. ρ c_p):
 *   μ(k) = γ_shear(k) ρ/k²,   λ(k) = γ_heat(k) ρ c_p/k²,   c_p = 5/2,
 * which equals the Navier–Stokes coefficient up to O((kℓ)²) (Burnett terms; ℓ ≈ 0.11 at ρ = T = 1,
 * the mean free path of d² = 2 spheres). With two or more k the value at k → 0 is the weighted least
 * squares fit μ(k) = μ₀ + b k² (its standard error from the fit); with one k, μ(k) itself.
 * Replicas at each k give the standard errors. The Green–Kubo computation of
 * transport-coefficients.ts is a second, independent route to the same numbers.
 */
import { RuleError } from "../../math/errors.ts";
import { meanError, replicaSeed } from "./replica-statistics.ts";
import {
  EXACT_OVER_FIRST,
  firstApproximation,
  type TransportCoefficient,
} from "./transport-coefficients.ts";
import {
  checkWaveSettings,
  type WaveModeReplica,
  type WaveModeSettings,
  waveModeReplica,
} from "./wave-mode.ts";

/** Options of the wave method: coefficient, state, wave numbers and the Monte Carlo settings. */
export interface WaveTransportOptions {
  readonly coefficient: TransportCoefficient;
  readonly T?: number;
  readonly rho?: number;
  /** Wave numbers k (default [0.5, 1]). */
  readonly waveNumbers?: readonly number[];
  readonly particles?: number;
  readonly replicas?: number;
  readonly seed?: number;
  readonly dt?: number;
  readonly tStart?: number;
  readonly tEnd?: number;
  readonly cancellationBin?: number;
  readonly quantumRatio?: number;
  readonly representation?: "wave-background" | "global";
  /**
   * Moments restored per cancellation cube (default "covariance" since the restoration study of
   * docs/particles.md; "energy" with `cancellationCarry: "key-order"` is the earlier default).
   */
  readonly cancellationMoments?: "energy" | "covariance";
  /** Where an unrestorable cube's deficit goes (default "neighbours"; see {@link WaveModeSettings}). */
  readonly cancellationCarry?: "key-order" | "neighbours";
}

/** The validated settings (plain data, what every replica task needs). */
export interface WaveTransportSettings {
  readonly coefficient: TransportCoefficient;
  readonly T: number;
  readonly rho: number;
  readonly waveNumbers: readonly number[];
  readonly particles: number;
  readonly replicas: number;
  readonly seed: number;
  readonly dt: number;
  readonly tStart: number;
  readonly tEnd: number;
  readonly cancellationBin: number;
  readonly quantumRatio: number;
  readonly representation: "wave-background" | "global";
  readonly cancellationMoments: "energy" | "covariance";
  readonly cancellationCarry: "key-order" | "neighbours";
}

/** Defaults (times in units of 1/(ρ√T); δv = 0.2√T, κ = 0.05, 20 000 particles: the settings of the figures in docs/particles.md; the covariance restoration with neighbour carry, whose cancellation bias was not resolved at δv ≤ 0.56 — the earlier energy map's is, see there) and checks. */
export function waveTransportSettings(o: WaveTransportOptions): WaveTransportSettings {
  const c = o.coefficient;
  if (c !== "viscosity" && c !== "heat-conductivity")
    throw new RuleError("--coefficient must be viscosity or heat-conductivity", `got ${c}`);
  const T = o.T ?? 1;
  const rho = o.rho ?? 1;
  const unit = 1 / (rho * Math.sqrt(T));
  const ks = o.waveNumbers ?? [0.5, 1];
  if (ks.length < 1 || ks.some((k) => !(k > 0) || !Number.isFinite(k)))
    throw new RuleError("--wave-numbers must be finite numbers > 0");
  const R = o.replicas ?? 4;
  if (!Number.isInteger(R) || R < 2) throw new RuleError("--replicas must be an integer >= 2");
  const rep = o.representation ?? "global";
  if (rep !== "wave-background" && rep !== "global")
    throw new RuleError("--representation must be wave-background or global", `got ${rep}`);
  const st: WaveTransportSettings = {
    coefficient: c,
    T,
    rho,
    waveNumbers: [...ks],
    particles: o.particles ?? 20000,
    replicas: R,
    seed: o.seed ?? 1,
    dt: o.dt ?? 0.01 * unit,
    tStart: o.tStart ?? (c === "viscosity" ? 0.6 : 0.8) * unit,
    tEnd: o.tEnd ?? (c === "viscosity" ? 1.2 : 1.4) * unit,
    cancellationBin: o.cancellationBin ?? 0.2 * Math.sqrt(T),
    quantumRatio: o.quantumRatio ?? 0.05,
    representation: rep,
    cancellationMoments: o.cancellationMoments ?? "covariance",
    cancellationCarry: o.cancellationCarry ?? "neighbours",
  };
  checkWaveSettings(modeSettings(st, 0));
  return st;
}

/** The {@link WaveModeSettings} of wave number index j (its own seed stream, a function of k alone, so that a run resumed with other wave numbers reuses it). */
export function modeSettings(st: WaveTransportSettings, j: number): WaveModeSettings {
  return {
    kind: st.coefficient === "viscosity" ? "shear" : "heat",
    k: st.waveNumbers[j],
    T: st.T,
    rho: st.rho,
    particles: st.particles,
    seed: replicaSeed(st.seed, 7919 + Math.round(st.waveNumbers[j] * 1e4)),
    dt: st.dt,
    tStart: st.tStart,
    tEnd: st.tEnd,
    cancellationBin: st.cancellationBin,
    quantumRatio: st.quantumRatio,
    representation: st.representation,
    cancellationMoments: st.cancellationMoments,
    cancellationCarry: st.cancellationCarry,
  };
}

/** One replica at wave number index j (pure). */
export interface WaveTransportReplica {
  readonly wave: number;
  readonly replica: number;
  readonly value: number;
  readonly decayRate: number;
  readonly linearEvents: number;
  readonly finalParticles: number;
  readonly unrestored: number;
}

/** Replica r at wave number index j: pure (same settings, j, r → same bits). */
export function waveTransportReplica(
  st: WaveTransportSettings,
  j: number,
  r: number,
): WaveTransportReplica {
  const q: WaveModeReplica = waveModeReplica(modeSettings(st, j), r);
  return {
    wave: j,
    replica: r,
    value: q.value,
    decayRate: q.decayRate,
    linearEvents: q.linearEvents + q.conversions,
    finalParticles: q.finalParticles,
    unrestored: q.unrestored,
  };
}

/** The estimate at one k: coefficient and decay rate, mean ± standard error over replicas. */
export interface WaveEstimate {
  k: number;
  value: number;
  error: number;
  decayRate: number;
  decayRateError: number;
  /** The decay rate the measured value predicts: μk²/ρ resp. λk²/(ρ c_p). */
  predictedDecayRate: number;
}

/** The wave-method result, with the per-k estimates and the settings used. */
export interface WaveTransportResult {
  coefficient: TransportCoefficient;
  value: number;
  error: number;
  T: number;
  rho: number;
  literature: number;
  firstApproximation: number;
  relativeDeviation: number;
  /** Slope b of μ(k) = μ₀ + b k² (0 with one k). */
  slope: number;
  waves: WaveEstimate[];
  particles: number;
  replicas: number;
  seed: number;
  dt: number;
  tStart: number;
  tEnd: number;
  cancellationBin: number;
  quantumRatio: number;
  representation: string;
  cancellationMoments: string;
  cancellationCarry: string;
  linearEvents: number;
  unrestored: number;
  method: string;
}

/** Weighted least squares y = a + b x; returns a, b and the standard error of a. */
function fitLine(x: number[], y: number[], s: number[]): { a: number; b: number; ea: number } {
  let S = 0;
  let Sx = 0;
  let Sy = 0;
  let Sxx = 0;
  let Sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = 1 / (s[i] * s[i]);
    S += w;
    Sx += w * x[i];
    Sy += w * y[i];
    Sxx += w * x[i] * x[i];
    Sxy += w * x[i] * y[i];
  }
  const D = S * Sxx - Sx * Sx;
  return { a: (Sxx * Sy - Sx * Sxy) / D, b: (S * Sxy - Sx * Sy) / D, ea: Math.sqrt(Sxx / D) };
}

/** Combine replicas (any order) into the per-k estimates and the k → 0 value. */
export function combineWaveTransport(
  st: WaveTransportSettings,
  reps: readonly WaveTransportReplica[],
): WaveTransportResult {
  const cp = st.coefficient === "viscosity" ? 1 : 2.5;
  const waves: WaveEstimate[] = st.waveNumbers.map((k, j) => {
    const mine = reps.filter((q) => q.wave === j).sort((a, b) => a.replica - b.replica);
    const v = meanError(mine.map((q) => q.value));
    const d = meanError(mine.map((q) => q.decayRate));
    return {
      k,
      value: v.mean,
      error: v.error,
      decayRate: d.mean,
      decayRateError: d.error,
      predictedDecayRate: (v.mean * k * k) / (st.rho * cp),
    };
  });
  const distinct = new Set(st.waveNumbers).size;
  let value = waves[0].value;
  let error = waves[0].error;
  let slope = 0;
  if (distinct >= 2) {
    const f = fitLine(
      waves.map((w) => w.k * w.k),
      waves.map((w) => w.value),
      waves.map((w) => w.error),
    );
    value = f.a;
    error = f.ea;
    slope = f.b;
  }
  const first = firstApproximation(st.coefficient, st.T);
  const lit = first * EXACT_OVER_FIRST[st.coefficient];
  let events = 0;
  let unrestored = 0;
  for (const q of reps) {
    events += q.linearEvents;
    unrestored = Math.max(unrestored, q.unrestored);
  }
  return {
    coefficient: st.coefficient,
    value,
    error,
    T: st.T,
    rho: st.rho,
    literature: lit,
    firstApproximation: first,
    relativeDeviation: (value - lit) / lit,
    slope,
    waves,
    particles: st.particles,
    replicas: st.replicas,
    seed: st.seed,
    dt: st.dt,
    tStart: st.tStart,
    tEnd: st.tEnd,
    cancellationBin: st.cancellationBin,
    quantumRatio: st.quantumRatio,
    representation: st.representation,
    cancellationMoments: st.cancellationMoments,
    cancellationCarry: st.cancellationCarry,
    linearEvents: events,
    unrestored,
    method: `wave method: ${st.coefficient === "viscosity" ? "shear wave" : "heat wave at constant pressure"} in a periodic box, deviational around the global Maxwellian (${st.representation}), one Fourier mode exactly; flux/gradient ratio averaged over [t1, t2]${distinct >= 2 ? ", weighted fit a + b k² extrapolated to k → 0" : " at one k (not extrapolated)"}; standard error over replicas`,
  };
}

/** The coefficient by the wave method, run in this thread (the CLI's `--workers` gives the same bits). */
export function waveTransportCoefficient(o: WaveTransportOptions): WaveTransportResult {
  const st = waveTransportSettings(o);
  const reps: WaveTransportReplica[] = [];
  for (let j = 0; j < st.waveNumbers.length; j++)
    for (let r = 0; r < st.replicas; r++) reps.push(waveTransportReplica(st, j, r));
  return combineWaveTransport(st, reps);
}
