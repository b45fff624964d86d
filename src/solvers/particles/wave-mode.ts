/**
 * Shear and heat waves of the linearized hard-sphere equation in a periodic box, deviational around
 * the global Maxwellian M = M_{ρ,0,T}, solved mode by mode: the transport coefficients by the wave
 * method (validation 4 of issue 13).
 *
 * The equation. f = M + f_δ, ∂t f_δ + v·∇x f_δ = L f_δ, L h = Q(M,h) + Q(h,M) (the linearized
 * equation: a wave of amplitude a → 0). L acts in v only and commutes with translations in x, so a
 * datum f_δ(0) = sin(kx) g(v) stays in the span of sin(kx), cos(kx) for all time:
 *   f_δ(t, x, v) = g_s(t, v) sin(kx) + g_c(t, v) cos(kx),
 *   ∂t g_s = L g_s + k v_x g_c,   ∂t g_c = L g_c − k v_x g_s          (1)
 * (exact: v_x ∂x[g_s sin + g_c cos] = k v_x[g_s cos − g_c sin]). The particles of this solver are
 * the signed particles of g_s and g_c — the real-space particles' positions enter only through
 * their phase kx, and (1) carries the phases exactly. Cancellation then acts in velocity only, within
 * one component: it never averages f_δ over a spatial cell (in real space, deleting opposite signs at
 * different x of a cell smears the mode, an artificial diffusion ∝ (cancellation rate)·(k h)²; this
 * is what made a real-space shear wave decay at ≈ 0.20 instead of μk² ≈ 0.09).
 *
 * Monte Carlo of (1). g_s particles carry ±ε_s, g_c particles ±ε_c = κ k ε_s (κ: `quantumRatio`;
 * g_c is O(k), so this keeps both populations O(N)). A particle (v, w) runs one exponential clock at
 * the rate ν̄(v) + c(v): with probability ν̄/(ν̄ + c) the event is a proposal of a linear collision
 * with M (thinned exactly as in {@link linearPhase}: children (v', w), (u', w), (u, −w) in the same
 * component), otherwise a conversion that adds a particle of the other component at the same v:
 *   s → c at rate c_s(v) = (k ε_s/ε_c)|v_x| = |v_x|/κ with weight −sign(v_x) sign(w) ε_c,
 *   c → s at rate c_c(v) = (k ε_c/ε_s)|v_x| = κ k²|v_x| with weight +sign(v_x) sign(w) ε_s,
 * whose mean is the coupling ±k v_x g of (1). v is constant between events, so the clocks are exact
 * (no time-splitting error); every Δt each component is cancelled in velocity cubes of side δv with
 * momentum and energy restored exactly ({@link cancel}).
 *
 * The two waves (amplitude a, linearized; ρ, T the background):
 * - shear: u_y = a sin(kx), f_δ(0) = a sin(kx) (v_y/T) M (g_s = v_y M/T, g_c = 0). Momentum
 *   U_s = ∫ v_y g_s, stress P_c = ∫ v_x v_y g_c; exactly dU_s/dt = k P_c (conservation), and
 *   Navier–Stokes P_xy = −μ ∂x u_y gives P_c = −μ k U_s/ρ: μ(k) = −ρ P_c/(k U_s), U_s ∝ e^{−μk²t/ρ}.
 * - heat (at constant pressure, no sound launched at first order): T = T₀(1 + a sin kx),
 *   ρ = ρ₀(1 − a sin kx), f_δ(0) = a sin(kx)(|v|²/(2T) − 5/2) M. Temperature
 *   δT_s = ((2/3)E_s − T N_s)/ρ (N_s = ∫g_s, E_s = ∫½|v|²g_s), heat flux Q_c = ∫ v_x(½|v|² − (5/2)T) g_c;
 *   Fourier q_x = −λ ∂x T gives λ(k) = −Q_c/(k δT_s); the entropy mode decays at λk²/(ρ c_p),
 *   c_p = 5/2 (k_B = m = 1).
 * The ratio of flux to gradient is read once the flux has relaxed to its constitutive value (after
 * t₁, a few tens of collision times), averaged over [t₁, t₂]. It is the slow mode's decay rate
 * divided by k² (exactly, by conservation), which differs from the Navier–Stokes coefficient by
 * O((k ℓ)²) (Burnett); the transport command extrapolates k → 0 from several k.
 */
import { RuleError } from "../../math/errors.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import { seededUniform } from "../../math/sampling/uniform-stream.ts";
import {
  type CancellationStats,
  cancel,
  type DeviationalOptions,
  type DeviationalState,
  makeDeviational,
} from "./deviational.ts";
import { fluxGradientRatio } from "./flux-gradient-ratio.ts";
import {
  type GlobalMaxwellian,
  globalMaxwellian,
  proposePartner,
  rateBound,
} from "./global-maxwellian.ts";
import { collidePair, HARD_SPHERE } from "./particle-kernel.ts";
import { makeParticleSet, type ParticleSet, pushParticle, reserve } from "./particle-set.ts";
import { replicaSeed } from "./replica-statistics.ts";
import { heatSourceMass, sampleTransportSource } from "./transport-coefficients.ts";

/** Which wave: the shear wave (viscosity) or the heat wave at constant pressure (heat conductivity). */
export type WaveKind = "shear" | "heat";

/** Settings of one wave run (plain data). */
export interface WaveModeSettings {
  readonly kind: WaveKind;
  /** Wave number k > 0 (box length L = 2π/k). */
  readonly k: number;
  readonly T: number;
  readonly rho: number;
  /** Initial particles of g_s. */
  readonly particles: number;
  readonly seed: number;
  /** Cancellation and sampling interval Δt. */
  readonly dt: number;
  /** Averaging window [t₁, t₂] of the flux/gradient ratio. */
  readonly tStart: number;
  readonly tEnd: number;
  /** Velocity cube side δv of the cancellation. */
  readonly cancellationBin: number;
  /** κ = ε_c/(k ε_s). */
  readonly quantumRatio: number;
  /** `"global"` (default) or `"wave-background"`: see {@link waveModeReplica}. */
  readonly representation?: "wave-background" | "global";
  /** The moments each cube's cancellation restores ({@link DeviationalOptions.cancellationMoments}; default "energy"). */
  readonly cancellationMoments?: "energy" | "covariance";
  /** Where an unrestorable cube's deficit goes ({@link DeviationalOptions.cancellationCarry}; default "key-order"). */
  readonly cancellationCarry?: "key-order" | "neighbours";
}

/** One replica of a wave run: the series at t = 0, Δt, …, t₂ and the coefficient estimate over [t₁, t₂]. */
export interface WaveModeReplica {
  readonly replica: number;
  /** Sampling times. */
  readonly t: number[];
  /** Shear: U_s (momentum amplitude); heat: δT_s (temperature amplitude). */
  readonly amplitude: number[];
  /** Shear: P_c (stress); heat: Q_c (heat flux), cosine component. */
  readonly flux: number[];
  /** Linear events + conversions done by each sampling time (the work, for window studies). */
  readonly events: number[];
  /** Particles of g_s and g_c at each sampling time. */
  readonly particleCounts: number[];
  /** μ(k) or λ(k): −ρP̄_c/(k Ū_s) resp. −Q̄_c/(k δT̄_s), bars = means over [t₁, t₂]. */
  readonly value: number;
  /** −ln(amplitude(t₂)/amplitude(t₁))/(t₂ − t₁), the measured decay rate of the wave. */
  readonly decayRate: number;
  readonly linearEvents: number;
  readonly conversions: number;
  /** c-particles injected by the wave background's residual source (0 for `"global"`). */
  readonly sourceParticles: number;
  readonly cancelledPairs: number;
  /** Particles of g_s and g_c at t₂. */
  readonly finalParticles: number;
  /** Momentum/energy left unrestored by the last cancellations (0 when exact). */
  readonly unrestored: number;
  /** Where the cancellations' deficits went (both components, all steps). */
  readonly cancellation: CancellationStats;
}

function sumStats(a: CancellationStats, b: CancellationStats): CancellationStats {
  const out = { ...a };
  for (const name of Object.keys(b) as (keyof CancellationStats)[])
    out[name] = name === "maxDistance" ? Math.max(a[name], b[name]) : a[name] + b[name];
  return out;
}

/** Check a {@link WaveModeSettings}; one-line RuleError naming the rule. */
export function checkWaveSettings(s: WaveModeSettings): WaveModeSettings {
  if (s.kind !== "shear" && s.kind !== "heat")
    throw new RuleError("wave must be shear or heat", `got ${s.kind}`);
  for (const [name, x] of [
    ["--wave-numbers", s.k],
    ["--T", s.T],
    ["--rho", s.rho],
    ["--dt", s.dt],
    ["--t-start", s.tStart],
    ["--t-end", s.tEnd],
    ["--cancellation-bin", s.cancellationBin],
    ["--quantum-ratio", s.quantumRatio],
  ] as const)
    if (!(x > 0) || !Number.isFinite(x)) throw new RuleError(`${name} must be a finite number > 0`);
  if (!(s.tEnd > s.tStart)) throw new RuleError("--t-end must be > --t-start");
  if (!Number.isInteger(s.particles) || s.particles < 100)
    throw new RuleError("--particles must be an integer >= 100");
  const cm: DeviationalOptions["cancellationMoments"] = s.cancellationMoments ?? "energy";
  if (cm !== "energy" && cm !== "covariance")
    throw new RuleError("--cancellation-moments must be energy or covariance", `got ${cm}`);
  const cc: DeviationalOptions["cancellationCarry"] = s.cancellationCarry ?? "key-order";
  if (cc !== "key-order" && cc !== "neighbours")
    throw new RuleError("--cancellation-carry must be key-order or neighbours", `got ${cc}`);
  return s;
}

/** ∫|½|ĉ|² − 5/2| M_{0,1}(ĉ) dĉ = E|X − 5/2|, X ~ Γ(3/2): (−1) + 2(a P(3/2,a) − (3/2)P(5/2,a)), a = 5/2. */
export function heatWaveMass(): number {
  const a = 2.5;
  const erfSqrtA = erfHigh(Math.sqrt(a));
  const p32 = erfSqrtA - 2 * Math.sqrt(a / Math.PI) * Math.exp(-a);
  const p52 = p32 - (a ** 1.5 * Math.exp(-a)) / (0.75 * Math.sqrt(Math.PI));
  return -1 + 2 * (a * p32 - 1.5 * p52);
}

/** erf by its Taylor series (|z| ≤ 3; to round-off). */
function erfHigh(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= (-z * z) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/**
 * The initial g_s as ±ε particles, exactly: shear (v_y/T) M (|v_y| e^{−v_y²/2T} is a Rayleigh law),
 * heat (|v|²/(2T) − 5/2) M (s = |ĉ|²/2 ~ Γ(3/2) reweighted by |s − 5/2|: proposal
 * ∝ (s^{3/2} + (5/2)s^{1/2})e^{−s}, a mixture of Γ(5/2) and Γ(3/2), accepted with probability
 * |s − 5/2|/(s + 5/2)). Positions are unused (0). Returns the particles and ε = total variation / n.
 */
export function sampleWaveDatum(
  kind: WaveKind,
  n: number,
  seed: number,
  rho: number,
  T: number,
): { particles: ParticleSet; epsilon: number } {
  const rand = seededUniform(seed);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.sqrt(T);
  const sign = (): number => (rand() < 0.5 ? -1 : 1);
  if (kind === "shear") {
    // ∫|v_y/T| M = ρ √(2/(πT))
    const eps = (rho * Math.sqrt(2 / (Math.PI * T))) / n;
    for (let i = 0; i < n; i++) {
      const sg = sign();
      const vy = sg * s * Math.sqrt(-2 * Math.log(1 - rand()));
      pushParticle(p, 0, 0, 0, s * normal(), vy, s * normal(), sg * eps);
    }
    return { particles: p, epsilon: eps };
  }
  const eps = (rho * heatWaveMass()) / n;
  const g52 = 0.75 * Math.sqrt(Math.PI); // Γ(5/2)
  const g32 = 2.5 * 0.5 * Math.sqrt(Math.PI); // (5/2)Γ(3/2)
  for (let i = 0; i < n; i++) {
    let q: number;
    for (;;) {
      let c2 = 0;
      const dims = rand() * (g52 + g32) < g52 ? 5 : 3;
      for (let d = 0; d < dims; d++) c2 += normal() ** 2;
      q = 0.5 * c2;
      if (rand() * (q + 2.5) < Math.abs(q - 2.5)) break;
    }
    const r = s * Math.sqrt(2 * q);
    const a = normal();
    const b = normal();
    const c = normal();
    const m = Math.sqrt(a * a + b * b + c * c);
    pushParticle(p, 0, 0, 0, (r * a) / m, (r * b) / m, (r * c) / m, Math.sign(q - 2.5) * eps);
  }
  return { particles: p, epsilon: eps };
}

const partner = new Float64Array(3);

/** Run the clocks of component `from` (particles i ≥ start) to the end of the step; returns the index reached. */
function runClocks(
  from: DeviationalState,
  to: DeviationalState,
  start: number,
  conversionPerSpeed: number,
  childWeight: number,
  childSign: number,
  m: GlobalMaxwellian,
  counters: { linear: number; conversions: number; source: number },
): number {
  const p = from.particles;
  const q = to.particles;
  const { rand, normal } = from;
  let i = start;
  for (; i < p.count; i++) {
    let left = from.rem[i];
    for (;;) {
      const v0 = p.v[3 * i];
      const v1 = p.v[3 * i + 1];
      const v2 = p.v[3 * i + 2];
      const nu = rateBound(m, Math.sqrt(v0 * v0 + v1 * v1 + v2 * v2));
      const conv = conversionPerSpeed * Math.abs(v0);
      const tau = -Math.log(1 - rand()) / (nu + conv);
      if (tau >= left) break;
      left -= tau;
      if (rand() * (nu + conv) >= nu) {
        // conversion: a particle of the other component at the same v
        counters.conversions++;
        reserve(q, 1);
        growRem(to);
        to.rem[q.count] = left;
        pushParticle(
          q,
          0,
          0,
          0,
          v0,
          v1,
          v2,
          childSign * Math.sign(v0) * Math.sign(p.w[i]) * childWeight,
        );
        continue;
      }
      from.linearProposals++;
      if (!proposePartner(m, v0, v1, v2, rand, normal, partner)) continue;
      counters.linear++;
      const w = p.w[i];
      reserve(p, 2);
      growRem(from);
      from.rem[p.count] = left;
      pushParticle(p, 0, 0, 0, partner[0], partner[1], partner[2], -w);
      from.rem[p.count] = left;
      pushParticle(p, 0, 0, 0, partner[0], partner[1], partner[2], w);
      collidePair(m.kernel, rand, p.v, 3 * i, p.v, 3 * (p.count - 1));
    }
  }
  return i;
}

function growRem(s: DeviationalState): void {
  if (s.rem.length < s.particles.w.length) {
    const r = new Float64Array(s.particles.w.length);
    r.set(s.rem);
    s.rem = r;
  }
}

/** The wave's amplitude (U_s or δT_s) and flux (P_c or Q_c) from the two components. */
function observe(
  kind: WaveKind,
  S: ParticleSet,
  C: ParticleSet,
  rho: number,
  T: number,
): [number, number] {
  let a0 = 0;
  let a1 = 0;
  for (let i = 0; i < S.count; i++) {
    const w = S.w[i];
    const v0 = S.v[3 * i];
    const v1 = S.v[3 * i + 1];
    const v2 = S.v[3 * i + 2];
    if (kind === "shear") a0 += w * v1;
    else {
      a0 += w;
      a1 += 0.5 * w * (v0 * v0 + v1 * v1 + v2 * v2);
    }
  }
  const amplitude = kind === "shear" ? a0 : ((2 / 3) * a1 - T * a0) / rho;
  let f = 0;
  for (let i = 0; i < C.count; i++) {
    const w = C.w[i];
    const v0 = C.v[3 * i];
    const v1 = C.v[3 * i + 1];
    const v2 = C.v[3 * i + 2];
    f += kind === "shear" ? w * v0 * v1 : w * v0 * (0.5 * (v0 * v0 + v1 * v1 + v2 * v2) - 2.5 * T);
  }
  return [amplitude, f];
}

/**
 * One replica of a wave run (pure: same settings and r, same bits). Two representations of the
 * same f_δ (same law):
 * - `"global"` (default): all of f_δ as particles around the global Maxwellian (g_s(0) = φ₀ sampled,
 *   g_c(0) = 0), the literal form of validation 4;
 * - `"wave-background"`: f_δ = sin(kx) φ₀ + h, the frozen wave sin(kx)φ₀ as a background
 *   (φ₀ = (v_y/T)M resp. (|v|²/(2T) − 5/2)M lies in the null space of L, so the only residual is
 *   its streaming term R = k cos(kx) v_x φ₀) and h = h_s sin + g_c cos as particles, h(0) = 0:
 *   ∂t g_c = L g_c − k v_x h_s − k v_x φ₀ (the source −R, injected as fresh c-particles of
 *   shape v_x φ₀, exactly sampled by {@link sampleTransportSource}), ∂t h_s = L h_s + k v_x g_c.
 *   No particle then churns through collisions that leave φ₀ unchanged in law.
 */
export function waveModeReplica(st: WaveModeSettings, r: number): WaveModeReplica {
  checkWaveSettings(st);
  const {
    kind,
    k,
    T,
    rho,
    particles: N,
    dt,
    tStart,
    tEnd,
    cancellationBin: dv,
    quantumRatio: kappa,
  } = st;
  const background = st.representation === "wave-background";
  const m = globalMaxwellian(rho, T, HARD_SPHERE);
  const rand = seededUniform(replicaSeed(st.seed, 2 * r + 1));
  // source mass rate k∫|v_x φ₀| (per unit time); the quanta as if φ₀ were N particles in both
  // representations: ε_s = ∫|φ₀|/N, ε_c = κ k ε_s
  const srcShape = kind === "shear" ? "viscosity" : "heat-conductivity";
  const srcMass = kind === "shear" ? (2 * rho) / Math.PI : rho * Math.sqrt(T) * heatSourceMass();
  let S: ParticleSet;
  let epsS: number;
  let epsC: number;
  if (background) {
    epsS = (kind === "shear" ? rho * Math.sqrt(2 / (Math.PI * T)) : rho * heatWaveMass()) / N;
    epsC = kappa * k * epsS;
    S = makeParticleSet(N);
  } else {
    const d = sampleWaveDatum(kind, N, replicaSeed(st.seed, 2 * r), rho, T);
    S = d.particles;
    epsS = d.epsilon;
    epsC = kappa * k * epsS;
  }
  const opts = (eps: number) => ({
    background: m,
    domain: { kind: "homogeneous" as const },
    dt,
    epsilon: eps,
    cancellationBin: dv,
    quadratic: "omit" as const,
    cancellationMoments: st.cancellationMoments,
    cancellationCarry: st.cancellationCarry,
  });
  const ss = makeDeviational(S, opts(epsS), rand);
  const cs = makeDeviational(makeParticleSet(N), opts(epsC), rand);
  const counters = { linear: 0, conversions: 0, source: 0 };
  // the background's moments (amplitude 1: U = ρ, resp. δT = T) and flux (none)
  const refAmplitude = background ? (kind === "shear" ? rho : T) : 0;
  const steps = Math.round(tEnd / dt);
  const ts: number[] = [0];
  const amp: number[] = [];
  const flux: number[] = [];
  const events: number[] = [0];
  const particleCounts: number[] = [S.count];
  let [a, f] = observe(kind, S, cs.particles, rho, T);
  amp.push(a + refAmplitude);
  flux.push(f);
  for (let step = 1; step <= steps; step++) {
    const C = cs.particles;
    growRem(ss);
    growRem(cs);
    ss.rem.fill(dt, 0, S.count);
    cs.rem.fill(dt, 0, C.count);
    if (background) {
      // Poisson(k·srcMass·Δt/ε_c) source particles −k v_x φ₀ at uniform times in the step
      const mean = (k * srcMass * dt) / epsC;
      let count = 0;
      let acc = -Math.log(1 - rand());
      while (acc < mean) {
        count++;
        acc += -Math.log(1 - rand());
      }
      if (count > 0) {
        const src = sampleTransportSource(srcShape, count, Math.floor(rand() * 2 ** 31), rho, T);
        reserve(C, count);
        growRem(cs);
        for (let j = 0; j < count; j++) {
          cs.rem[C.count] = dt * rand();
          const v = src.particles.v;
          pushParticle(
            C,
            0,
            0,
            0,
            v[3 * j],
            v[3 * j + 1],
            v[3 * j + 2],
            -Math.sign(src.particles.w[j]) * epsC,
          );
        }
        counters.source += count;
      }
    }
    let iS = 0;
    let iC = 0;
    while (iS < S.count || iC < C.count) {
      iS = runClocks(ss, cs, iS, 1 / kappa, epsC, -1, m, counters);
      iC = runClocks(cs, ss, iC, kappa * k * k, epsS, 1, m, counters);
    }
    cancel(ss);
    cancel(cs);
    ts.push(step * dt);
    [a, f] = observe(kind, S, cs.particles, rho, T);
    amp.push(a + refAmplitude);
    flux.push(f);
    events.push(counters.linear + counters.conversions);
    particleCounts.push(S.count + cs.particles.count);
  }
  const i1 = ts.findIndex((t) => t >= tStart - 1e-9);
  const value = fluxGradientRatio(
    ts,
    amp,
    flux,
    k,
    tStart,
    ts[ts.length - 1],
    kind === "shear" ? rho : 1,
  );
  const decayRate = -Math.log(amp[ts.length - 1] / amp[i1]) / (ts[ts.length - 1] - ts[i1]);
  return {
    replica: r,
    t: ts,
    amplitude: amp,
    flux,
    events,
    particleCounts,
    value,
    decayRate,
    linearEvents: counters.linear,
    conversions: counters.conversions,
    sourceParticles: counters.source,
    cancelledPairs: ss.cancelledPairs + cs.cancelledPairs,
    finalParticles: S.count + cs.particles.count,
    unrestored: ss.unrestored + cs.unrestored,
    cancellation: sumStats(ss.cancellation, cs.cancellation),
  };
}
