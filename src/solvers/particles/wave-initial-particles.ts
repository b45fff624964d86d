/**
 * Initial particles of the shear and heat waves in the periodic box [0, L)³ (`particles --init
 * shear-wave|heat-wave`), and the wave's Fourier amplitudes measured from particles.
 * - DSMC (the full f, nonlinear in a): the local Maxwellian of {@link localMaxwellianWave}: shear
 *   u_y = a sin kx at ρ, T; heat T = T₀(1 + a sin kx), ρ = ρ₀T₀/T (x by rejection with probability
 *   (1 − |a|)/(1 + a sin kx)), v = u + √T(x) N(0, I); equal weights (total mass / N).
 * - Deviational (linearized, around the global Maxwellian M_{ρ,0,T}): f_δ(0) = a sin(kx) φ₀(v),
 *   φ₀ = (v_y/T)M (shear) or (|v|²/(2T) − 5/2)M (heat, at constant pressure), as ±ε particles: x
 *   with density ∝ |sin kx| (y, z uniform), v from |φ₀| ({@link sampleWaveDatum}), sign
 *   sign(a sin kx)·sign(φ₀); ε = |a|(2L³/π)∫|φ₀|/N.
 * Amplitudes (sine coefficients over the box, (2/L³)Σ w ψ(v) sin kx): shear the velocity amplitude
 * u_s = (2/(ρL³))Σ w v_y sin kx; heat the temperature amplitude δT_s = ((2/3)ê_s − T n̂_s)/ρ (linearized;
 * n̂_s, ê_s the sine coefficients of mass and energy). The flux is the cosine coefficient of the
 * stress Σ w v_x v_y or of the heat flux Σ w v_x(½|v|² − (5/2)T), times 2/L³.
 */
import { RuleError } from "../../math/errors.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import { makeParticleSet, type ParticleSet, pushParticle } from "./particle-set.ts";
import { sampleWaveDatum, type WaveKind } from "./wave-mode.ts";

/** Parameters of a wave datum: kind, wave number k (box side L = 2π/k), amplitude a, background ρ, T. */
export interface WaveDatum {
  readonly kind: WaveKind;
  readonly k: number;
  readonly amplitude: number;
  readonly rho: number;
  readonly T: number;
}

/** The box side L = 2π/k of a wave datum. */
export function waveBox(d: WaveDatum): number {
  return (2 * Math.PI) / d.k;
}

/** DSMC particles of the local Maxwellian wave (full f). */
export function sampleWaveLocalMaxwellian(d: WaveDatum, n: number, rand: Uniform): ParticleSet {
  const { kind, k, amplitude: a, rho, T } = d;
  if (kind === "heat" && !(Math.abs(a) < 1))
    throw new RuleError("heat-wave amplitude must satisfy |a| < 1", `got ${a}`);
  const L = waveBox(d);
  const normal = normalSampler(rand);
  const mass = kind === "shear" ? rho * L ** 3 : (rho * L ** 3) / Math.sqrt(1 - a * a);
  const p = makeParticleSet(n);
  for (let i = 0; i < n; i++) {
    let x: number;
    let s: number;
    for (;;) {
      x = L * rand();
      s = Math.sin(k * x);
      if (kind === "shear" || rand() * (1 + a * s) < 1 - Math.abs(a)) break;
    }
    const th = kind === "shear" ? T : T * (1 + a * s);
    const sq = Math.sqrt(th);
    const uy = kind === "shear" ? a * s : 0;
    pushParticle(
      p,
      x,
      L * rand(),
      L * rand(),
      sq * normal(),
      uy + sq * normal(),
      sq * normal(),
      mass / n,
    );
  }
  return p;
}

/** Deviational ±ε particles of the linearized wave a sin(kx) φ₀(v); returns them and ε. */
export function sampleWaveDeviation(
  d: WaveDatum,
  n: number,
  rand: Uniform,
): { particles: ParticleSet; epsilon: number } {
  const L = waveBox(d);
  const { particles: p, epsilon: e0 } = sampleWaveDatum(
    d.kind,
    n,
    Math.floor(rand() * 2 ** 31),
    d.rho,
    d.T,
  );
  const eps = Math.abs(d.amplitude) * ((2 * L ** 3) / Math.PI) * e0;
  for (let i = 0; i < p.count; i++) {
    // θ = kx ∝ |sin θ|: arccos of a uniform in (−1, 1) has density ½ sin θ on (0, π); the sign of
    // sin picks the half period
    const th = Math.acos(2 * rand() - 1) + (rand() < 0.5 ? Math.PI : 0);
    p.x[3 * i] = th / d.k;
    p.x[3 * i + 1] = L * rand();
    p.x[3 * i + 2] = L * rand();
    p.w[i] = Math.sign(p.w[i]) * Math.sign(d.amplitude * Math.sin(th)) * eps;
  }
  return { particles: p, epsilon: eps };
}

/**
 * The wave's sine amplitude (shear u_s, heat δT_s) and the cosine coefficient of its flux (stress,
 * heat flux) from particles in the box of side `boxSide` (default 2π/k); the same for all of f
 * (DSMC) and for a deviation (the global Maxwellian has no sine or cosine coefficients).
 */
export function waveAmplitudes(
  d: WaveDatum,
  p: ParticleSet,
  boxSide = waveBox(d),
): { amplitude: number; flux: number } {
  const { kind, k, rho, T } = d;
  const L = boxSide;
  let n = 0;
  let e = 0;
  let my = 0;
  let f = 0;
  const { x, v, w } = p;
  for (let i = 0; i < p.count; i++) {
    const s = Math.sin(k * x[3 * i]);
    const c = Math.cos(k * x[3 * i]);
    const v0 = v[3 * i];
    const v1 = v[3 * i + 1];
    const v2 = v[3 * i + 2];
    const q = 0.5 * (v0 * v0 + v1 * v1 + v2 * v2);
    n += w[i] * s;
    e += w[i] * q * s;
    my += w[i] * v1 * s;
    f += kind === "shear" ? w[i] * v0 * v1 * c : w[i] * v0 * (q - 2.5 * T) * c;
  }
  const scale = 2 / L ** 3;
  const amplitude = kind === "shear" ? (scale * my) / rho : (scale * ((2 / 3) * e - T * n)) / rho;
  return { amplitude, flux: scale * f };
}
