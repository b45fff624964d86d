/**
 * Viscosity μ and heat conductivity λ of the hard-sphere gas from the linearized Boltzmann operator,
 * computed with the deviational solver (linear part only, homogeneous) — the Green–Kubo form of the
 * Chapman–Enskog integral equations (S. Chapman & T. G. Cowling, "The Mathematical Theory of
 * Non-uniform Gases", 3rd ed. 1970, ch. 7; C. Cercignani, "The Boltzmann Equation and Its
 * Applications", Springer 1988, ch. V): with L h = Q(M,h) + Q(h,M), M = M_{ρ,0,T}, c = v,
 *   μ = (1/T) ∫_0^∞ ∫ c_x c_y · e^{tL}[c_x c_y M] dv dt,
 *   λ = (1/T) ∫_0^∞ ∫ ½|c|² c_x · e^{tL}[(|c|²/(2T) − 5/2) c_x M] dv dt
 * (first-order Chapman–Enskog: f = M(1 + φ), L(Mφ) = (∂t + v·∇)M; the stress is P_xy = −μ ∂_x u_y
 * and the heat flux q_x = −λ ∂_x T; −L⁻¹ = ∫_0^∞ e^{tL} dt on the complement of the collision
 * invariants, where both sources lie). The initial deviations are sampled exactly as ±ε particles,
 * evolved by {@link linearPhase} (exact clocks) with cancellation every Δt, and the flux
 * S(t) = Σ w ψ(v) integrated by the trapezoidal rule on the grid of Δt up to t_max, plus the
 * exponential tail S(t_max)/r fitted from the last two hundredths of the range (reported).
 * Replicas give the standard error. This is NOT the shear-wave/heat-wave method of the issue; it is
 * the same linearized operator through its resolvent.
 *
 * Literature (hard spheres of diameter d, mass m, Boltzmann constant k; Chapman–Cowling first
 * approximations μ₁ = (5/(16d²))√(mkT/π), λ₁ = (75k/(64d²))√(kT/(πm)); the exact linearized values
 * μ = 1.016034 μ₁, λ = 1.025218 λ₁ — C. L. Pekeris & Z. Alterman, Proc. Natl. Acad. Sci. USA 43
 * (1957) 998; S. K. Loyalka & K. A. Hickey, Physica A 160 (1989) 395; F. Sharipov & G. Bertoldo,
 * J. Comput. Phys. 228 (2009) 3345). boltzlab's kernel ∫_{S²}|(u−v)·ω| dω = 2π|u−v| is the
 * total rate πd²|u−v| of hard spheres with d² = 2 (m = k = 1; f a mass density), so
 *   μ₁ = (5/32)√(T/π) ≈ 0.0881546 √T,   λ₁ = (75/128)√(T/π) ≈ 0.330580 √T  (independent of ρ).
 * The two factors and μ₁, λ₁ are recomputed independently from the collision brackets (Sonine
 * orders 1–12) by bench/chapman_enskog_sonine.py (test/solvers/particles/chapman-enskog-sonine.test.ts).
 */
import { RuleError } from "../../math/errors.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import { seededUniform } from "../../math/sampling/uniform-stream.ts";
import { cancel, linearPhase, makeDeviational } from "./deviational.ts";
import { globalMaxwellian } from "./global-maxwellian.ts";
import { HARD_SPHERE } from "./particle-kernel.ts";
import { makeParticleSet, type ParticleSet, pushParticle } from "./particle-set.ts";
import { meanError, replicaSeed } from "./replica-statistics.ts";

export type TransportCoefficient = "viscosity" | "heat-conductivity";

/** Chapman–Enskog first approximation in boltzlab's normalization (see the file comment). */
export function firstApproximation(c: TransportCoefficient, T: number): number {
  return (c === "viscosity" ? 5 / 32 : 75 / 128) * Math.sqrt(T / Math.PI);
}

/** Ratio exact / first approximation (Pekeris–Alterman 1957; Loyalka–Hickey 1989). */
export const EXACT_OVER_FIRST: Readonly<Record<TransportCoefficient, number>> = {
  viscosity: 1.016034,
  "heat-conductivity": 1.025218,
};

/** ∫|(|ĉ|²/2 − 5/2) ĉ_x| M_{0,1} dĉ = (2π)^{−1/2}(−1 + 2 I₁), I₁ = ∫_0^{5/2} 2s(5/2 − s)e^{−s} ds. */
export function heatSourceMass(): number {
  const a = 2.5;
  const e = Math.exp(-a);
  const I1 = 2 * (a * (1 - (1 + a) * e) - (2 - (a * a + 2 * a + 2) * e));
  return (-1 + 2 * I1) / Math.sqrt(2 * Math.PI);
}

/** ±ε particles for c_x c_y M (viscosity) or (|c|²/(2T) − 5/2) c_x M (heat), exactly. */
export function sampleTransportSource(
  c: TransportCoefficient,
  n: number,
  seed: number,
  rho: number,
  T: number,
): { particles: ParticleSet; totalVariation: number } {
  const rand = seededUniform(seed);
  const p = makeParticleSet(n);
  const s = Math.sqrt(T);
  // one polar pair per variate, the second discarded (the stream these sources were drawn with)
  const gauss = normalSampler(rand, { keepSpare: false });
  const sign = (): number => (rand() < 0.5 ? -1 : 1);
  if (c === "viscosity") {
    // |c_x| e^{−c_x²/(2T)} ∝ Rayleigh: |c_x| = √(−2T ln U)
    const tv = rho * ((2 * T) / Math.PI);
    for (let i = 0; i < n; i++) {
      const vx = sign() * s * Math.sqrt(-2 * Math.log(1 - rand()));
      const vy = sign() * s * Math.sqrt(-2 * Math.log(1 - rand()));
      pushParticle(p, 0, 0, 0, vx, vy, s * gauss(), (Math.sign(vx * vy) * tv) / n);
    }
    return { particles: p, totalVariation: tv };
  }
  const tv = rho * s * heatSourceMass();
  for (let i = 0; i < n; i++) {
    // s = |ĉ|²/2 with density ∝ s|s − 5/2|e^{−s}: proposal ∝ (s² + 2.5 s) e^{−s} (Γ(3) with
    // weight 2, Γ(2) with weight 2.5), accepted with probability |s − 5/2|/(s + 5/2)
    let q: number;
    for (;;) {
      q =
        rand() < 2 / 4.5
          ? -Math.log((1 - rand()) * (1 - rand()) * (1 - rand()))
          : -Math.log((1 - rand()) * (1 - rand()));
      if (rand() * (q + 2.5) < Math.abs(q - 2.5)) break;
    }
    const r = Math.sqrt(2 * q);
    const cos = sign() * Math.sqrt(rand()); // density ∝ |cos θ| sin θ
    const sin = Math.sqrt(1 - cos * cos);
    const phi = 2 * Math.PI * rand();
    pushParticle(
      p,
      0,
      0,
      0,
      s * r * cos,
      s * r * sin * Math.cos(phi),
      s * r * sin * Math.sin(phi),
      (Math.sign(cos) * Math.sign(q - 2.5) * tv) / n,
    );
  }
  return { particles: p, totalVariation: tv };
}

/** Options of {@link transportCoefficient}: which coefficient, the state (T, ρ), and the Monte Carlo settings (particles, replicas, seed, Δt, t_max, cancellation cube). */
export interface TransportOptions {
  readonly coefficient: TransportCoefficient;
  readonly T?: number;
  readonly rho?: number;
  readonly particles?: number;
  readonly replicas?: number;
  readonly seed?: number;
  /** Sampling step Δt of the flux (and cancellation interval). */
  readonly dt?: number;
  /** Integration range t_max (default 0.6/(ρ√T)). */
  readonly tMax?: number;
  readonly cancellationBin?: number;
}

/** A transport coefficient with its standard error over replicas, beside the Chapman–Enskog first approximation and the literature value, with the settings used. */
export interface TransportResult {
  coefficient: TransportCoefficient;
  value: number;
  error: number;
  T: number;
  rho: number;
  firstApproximation: number;
  literature: number;
  relativeDeviation: number;
  tail: number;
  replicas: number[];
  particles: number;
  dt: number;
  tMax: number;
  cancellationBin: number;
  seed: number;
  linearEvents: number;
  method: string;
}

/** The validated settings of one transport computation (what every replica needs; plain data). */
export interface TransportSettings {
  readonly coefficient: TransportCoefficient;
  readonly T: number;
  readonly rho: number;
  readonly particles: number;
  readonly replicas: number;
  readonly seed: number;
  readonly dt: number;
  readonly tMax: number;
  readonly cancellationBin: number;
}

/** One replica's estimate (value and tail already divided by T) and its number of linear events. */
export interface TransportReplica {
  readonly replica: number;
  readonly value: number;
  readonly tail: number;
  readonly linearEvents: number;
}

/** Defaults and checks of {@link TransportOptions} (times scale with the mean free time ∝ 1/(ρ√T)). */
export function transportSettings(o: TransportOptions): TransportSettings {
  const c = o.coefficient;
  if (c !== "viscosity" && c !== "heat-conductivity")
    throw new RuleError("--coefficient must be viscosity or heat-conductivity", `got ${c}`);
  const T = o.T ?? 1;
  const rho = o.rho ?? 1;
  const N = o.particles ?? 20000;
  const R = o.replicas ?? 4;
  const seed = o.seed ?? 1;
  const unit = 1 / (rho * Math.sqrt(T));
  const dt = o.dt ?? 0.01 * unit;
  const tMax = o.tMax ?? 0.6 * unit;
  const dv = o.cancellationBin ?? 0.2 * Math.sqrt(T);
  for (const [name, x] of [
    ["--T", T],
    ["--rho", rho],
    ["--dt", dt],
    ["--t-max", tMax],
  ] as const)
    if (!(x > 0) || !Number.isFinite(x)) throw new RuleError(`${name} must be a finite number > 0`);
  if (!Number.isInteger(N) || N < 100) throw new RuleError("--particles must be an integer >= 100");
  if (!Number.isInteger(R) || R < 2) throw new RuleError("--replicas must be an integer >= 2");
  return {
    coefficient: c,
    T,
    rho,
    particles: N,
    replicas: R,
    seed,
    dt,
    tMax,
    cancellationBin: dv,
  };
}

/** Replica r of the transport computation: pure (same settings and r, same bits). */
export function transportReplica(st: TransportSettings, r: number): TransportReplica {
  const { coefficient: c, T, rho, particles: N, seed, dt, tMax, cancellationBin: dv } = st;
  const steps = Math.round(tMax / dt);
  const { particles: p, totalVariation } = sampleTransportSource(
    c,
    N,
    replicaSeed(seed, 2 * r),
    rho,
    T,
  );
  const s = makeDeviational(
    p,
    {
      background: globalMaxwellian(rho, T, HARD_SPHERE),
      domain: { kind: "homogeneous" },
      dt,
      epsilon: totalVariation / N,
      cancellationBin: dv,
      quadratic: "omit",
    },
    seededUniform(replicaSeed(seed, 2 * r + 1)),
  );
  const flux = (): number => {
    let f = 0;
    const { v, w } = p;
    for (let i = 0; i < p.count; i++) {
      const a = v[3 * i];
      const b = v[3 * i + 1];
      const z = v[3 * i + 2];
      f += c === "viscosity" ? w[i] * a * b : 0.5 * w[i] * (a * a + b * b + z * z) * a;
    }
    return f;
  };
  const S = new Float64Array(steps + 1);
  S[0] = flux();
  for (let k = 1; k <= steps; k++) {
    linearPhase(s, dt);
    cancel(s);
    S[k] = flux();
  }
  let integral = 0;
  for (let k = 0; k < steps; k++) integral += 0.5 * dt * (S[k] + S[k + 1]);
  // exponential tail ∫_{t_max}^∞ S ≈ S(t_max) τ: τ from the first decade of decay of S, S(t_max)
  // from the mean of S over the last fifth of the range carried to t_max by e^{−Δ/τ}
  // (a single-exponential model; the tail is reported so its weight can be judged)
  const k10 = S.findIndex((x) => Math.abs(x) < 0.1 * Math.abs(S[0]));
  const tau = k10 > 0 ? (k10 * dt) / Math.log(10) : 0;
  const k0 = Math.floor(0.8 * steps);
  let last = 0;
  for (let k = k0; k <= steps; k++) last += S[k];
  last /= steps - k0 + 1;
  const tail = tau > 0 ? last * tau * Math.exp(-(0.5 * (steps - k0) * dt) / tau) : 0;
  return { replica: r, value: (integral + tail) / T, tail: tail / T, linearEvents: s.linearEvents };
}

/** Combine the replicas (any order; sorted by index) into the result. */
export function combineTransport(
  st: TransportSettings,
  reps: readonly TransportReplica[],
): TransportResult {
  const sorted = [...reps].sort((a, b) => a.replica - b.replica);
  const values = sorted.map((q) => q.value);
  const me = meanError(values);
  const first = firstApproximation(st.coefficient, st.T);
  const lit = first * EXACT_OVER_FIRST[st.coefficient];
  let events = 0;
  for (const q of sorted) events += q.linearEvents;
  return {
    coefficient: st.coefficient,
    value: me.mean,
    error: me.error,
    T: st.T,
    rho: st.rho,
    firstApproximation: first,
    literature: lit,
    relativeDeviation: (me.mean - lit) / lit,
    tail: meanError(sorted.map((q) => q.tail)).mean,
    replicas: values,
    particles: st.particles,
    dt: st.dt,
    tMax: st.tMax,
    cancellationBin: st.cancellationBin,
    seed: st.seed,
    linearEvents: events,
    method:
      "Green–Kubo form of the Chapman–Enskog equations, ∫_0^∞⟨ψ, e^{tL}source⟩dt, by deviational Monte Carlo (linear events with exact clocks, cancellation per velocity cube with exact momentum/energy restoration), trapezoid in t plus exponential tail; standard error over replicas",
  };
}

/**
 * The hard-sphere viscosity μ or heat conductivity λ at (T, ρ) from the linearized operator by the
 * deviational solver (the Green–Kubo form described at the top of this file), as mean ± one
 * standard error over seeded replicas, run in this thread (the CLI's `--workers` runs
 * {@link transportReplica} on a pool and gives the same bits).
 */
export function transportCoefficient(o: TransportOptions): TransportResult {
  const st = transportSettings(o);
  const reps: TransportReplica[] = [];
  for (let r = 0; r < st.replicas; r++) reps.push(transportReplica(st, r));
  return combineTransport(st, reps);
}
