/**
 * The decay rate of a wave from its amplitude series, and the real-space deviational wave run
 * that feeds it (validation 4 in real space, docs/particles.md "A real-space deviational shear
 * wave"): particles of the linearized datum a sin(kx)φ₀ around the global Maxwellian in the
 * periodic box of side 2π/k, collision and cancellation cells `slabs` slabs along x, evolved by
 * the deviational solver; per replica the least-squares slope of −ln A(t) over a window after the
 * kinetic transient (A the sine amplitude of {@link waveAmplitudes}, i.e. the projection of the
 * particles on sin(kx)v_y resp. sin(kx)(|v|²/3 − T)); mean ± standard error over replicas. For the
 * shear wave Navier–Stokes gives the rate μk²/ρ. Beside the rate, per replica, the flux/gradient
 * ratio μ(k) resp. λ(k) of the same output times ({@link fluxGradientRatio}, the wave method's
 * estimator): its slab bias is far smaller (docs/particles.md, "The real-space heat wave").
 */
import { RuleError } from "../../math/errors.ts";
import { fluxGradientRatio } from "./flux-gradient-ratio.ts";
import { checkRunConfig, type ParticleRunConfig, runReplica } from "./particle-run.ts";
import { meanError } from "./replica-statistics.ts";

/**
 * Least-squares slope of −ln A(t) over the points with t₁ ≤ t ≤ t₂ (the wave's decay rate).
 * Throws RuleError when fewer than 3 points fall in the window or an amplitude there is not > 0
 * (the noise exceeds the wave: more particles or an earlier window).
 */
export function waveDecayRate(
  t: readonly number[],
  amplitude: readonly number[],
  t1: number,
  t2: number,
): number {
  let n = 0;
  let st = 0;
  let sl = 0;
  let stt = 0;
  let stl = 0;
  for (let j = 0; j < t.length; j++) {
    if (t[j] < t1 - 1e-9 || t[j] > t2 + 1e-9) continue;
    if (!(amplitude[j] > 0))
      throw new RuleError(
        "wave amplitude must stay > 0 in the fit window (noise exceeds the wave)",
        `A(${t[j]}) = ${amplitude[j]}`,
      );
    const l = -Math.log(amplitude[j]);
    n++;
    st += t[j];
    sl += l;
    stt += t[j] * t[j];
    stl += t[j] * l;
  }
  if (n < 3) throw new RuleError("decay-rate window needs at least 3 output times", `got ${n}`);
  return (stl - (st * sl) / n) / (stt - (st * st) / n);
}

/**
 * What {@link realSpaceWaveDecay} measured: per replica the decay rate and the flux/gradient ratio
 * over the window, and their means ± standard errors.
 */
export interface RealSpaceWaveDecay {
  /** Decay rate (slope of −ln A over the window) of each replica. */
  readonly rates: number[];
  readonly rate: number;
  readonly rateError: number;
  /**
   * μ(k) (shear) resp. λ(k) (heat) of each replica by Newton's resp. Fourier's law over the window,
   * −ρ·(mean cos-coefficient of the flux)/(k·mean sine amplitude) ({@link fluxGradientRatio}; the
   * shear amplitude is the velocity u_s, so the factor ρ is already in it).
   */
  readonly values: number[];
  readonly value: number;
  readonly valueError: number;
  /** Mean particle count at the last output time, and linear (+ quadratic) events per replica. */
  readonly finalParticles: number;
  readonly eventsPerReplica: number;
  /** Mean amplitude over replicas at each output time. */
  readonly t: number[];
  readonly amplitude: number[];
}

/**
 * Run replicas 0 … R − 1 of a deviational shear-wave or heat-wave configuration (checked; it must
 * be `method: "deviational"` with a wave init in a periodic box) and fit each replica's decay rate
 * over [t₁, t₂].
 */
export function realSpaceWaveDecay(
  c: ParticleRunConfig,
  replicas: number,
  t1: number,
  t2: number,
): RealSpaceWaveDecay {
  checkRunConfig(c);
  if (c.method !== "deviational" || (c.init !== "shear-wave" && c.init !== "heat-wave"))
    throw new RuleError("realSpaceWaveDecay needs --method deviational with a wave init");
  if (!Number.isInteger(replicas) || replicas < 2)
    throw new RuleError("replicas must be an integer >= 2", `got ${replicas}`);
  const rates: number[] = [];
  const values: number[] = [];
  let particles = 0;
  let events = 0;
  const amp = new Array<number>(c.times.length).fill(0);
  for (let r = 0; r < replicas; r++) {
    const rec = runReplica(c, r);
    const a = rec.points.map((q) => q.waveAmplitude as number);
    rates.push(waveDecayRate(c.times, a, t1, t2));
    const f = rec.points.map((q) => q.waveFlux as number);
    values.push(fluxGradientRatio(c.times, a, f, c.waveNumber ?? 1, t1, t2));
    particles += rec.points[rec.points.length - 1].particles;
    events += rec.collisions;
    for (let j = 0; j < a.length; j++) amp[j] += a[j] / replicas;
  }
  const me = meanError(rates);
  const mv = meanError(values);
  return {
    rates,
    rate: me.mean,
    rateError: me.error,
    values,
    value: mv.mean,
    valueError: mv.error,
    finalParticles: particles / replicas,
    eventsPerReplica: events / replicas,
    t: [...c.times],
    amplitude: amp,
  };
}
