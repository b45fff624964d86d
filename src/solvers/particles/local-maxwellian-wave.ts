/**
 * Local Maxwellian waves in the periodic box [0, L)³, L = 2π/k, as deviational backgrounds
 * ({@link Background}), frozen in time (issue 13: "local Maxwellian waves, for transport
 * coefficients"):
 * - shear wave: f_ref = ρ M_T(v − u(x) e_y), u(x) = a sin(kx);
 * - heat wave at constant pressure: f_ref = ρ(x) M_{T(x)}(v), T(x) = T₀(1 + a sin kx),
 *   ρ(x) = ρ₀T₀/T(x) (p = ρT constant: no sound is launched by the datum), |a| < 1.
 * A local Maxwellian has Q(f_ref, f_ref) = 0 and ∂t f_ref = 0, so its residual is the streaming term
 *   R = v·∇x f_ref = v_x ∂x f_ref:
 *   shear: R = a k cos(kx) v_x (v_y − u(x))/T · f_ref,
 *   heat:  R = v_x T'(x) (|v|²/(2T²) − 5/(2T)) f_ref,   T' = a k T₀ cos kx,
 * injected as signed particles through {@link ResidualSource} (f = f_ref + f_δ, f_δ carries −R).
 * Sampling of −R: with w = v − u e_y (shear) resp. c = v/√T (heat),
 *   shear: ∫∫|R| = a k (2L³/π)(2ρ/π); θ = kx ∝ |cos θ| (θ₀ = arcsin U and one of its four
 *     reflections), y, z uniform, w_x, w_y ∝ |w_i|M (Rayleigh), w_z normal; sign −sgn(cos θ w_x w_y).
 *     Exact (nothing rejected).
 *   heat: ∫|R| dv = a k ρ₀√T₀ H |cos kx|(1 + a sin kx)^{−3/2}, H = ∫|c_x(|c|²/2 − 5/2)|M₁(c)dc;
 *     proposals at the bound a k ρ₀√T₀ H (1 − |a|)^{−3/2}(2L³/π), θ ∝ |cos θ| thinned by
 *     ((1 − |a|)/(1 + a sin θ))^{3/2}, c ∝ |c_x(|c|²/2 − 5/2)|M₁ exactly, v = √T(x) c;
 *     sign −sgn(cos θ c_x (|c|²/2 − 5/2)).
 * Collision frequency (hard spheres): A = 2πn√θ E|Z − r|, r = |v − m|/√θ (closed form
 * {@link meanRelativeSpeed}); constant kernel 4πn. Bound along any flight (constant in the box):
 * 2π n_max(|v| + max|m| + 2√(2θ_max/π)), since E|Z − w| ≤ |w| + E|Z|. Partner u ∝ f_ref(x,u)σ(|u − v|)
 * drawn exactly by {@link sampleMaxwellianPartner}.
 */
import { RuleError } from "../../math/errors.ts";
import type { Normal } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { Background, ResidualSource } from "./background.ts";
import { meanRelativeSpeed, sampleMaxwellianPartner } from "./free-transport-gaussian.ts";
import type { ParticleKernel } from "./particle-kernel.ts";
import { heatSourceMass } from "./transport-coefficients.ts";

/** A local Maxwellian wave background with its parameters (box side L = 2π/k). */
export interface LocalMaxwellianWave extends Background {
  readonly wave: "shear" | "heat";
  readonly k: number;
  readonly amplitude: number;
  readonly L: number;
  readonly rho: number;
  readonly T: number;
  /** Local density, mean velocity (y component) and temperature at x. */
  local(x: number): { n: number; uy: number; theta: number };
}

/** θ = kx ∝ |cos θ| on [0, 2π): arcsin of a uniform and one of its four reflections. */
function sampleCosPhase(rand: Uniform): number {
  const t = Math.asin(rand());
  const q = Math.floor(4 * rand());
  return q === 0 ? t : q === 1 ? Math.PI - t : q === 2 ? Math.PI + t : 2 * Math.PI - t;
}

/** ±√T times a Rayleigh variate: density ∝ |w| e^{−w²/(2T)}. */
function signedRayleigh(rand: Uniform, s: number): number {
  const r = s * Math.sqrt(-2 * Math.log(1 - rand()));
  return rand() < 0.5 ? -r : r;
}

/**
 * The local Maxwellian shear wave (u_y = a sin kx) or heat wave at constant pressure
 * (T = T₀(1 + a sin kx), ρT = ρ₀T₀) in the periodic box of side 2π/k, with its residual source.
 */
export function localMaxwellianWave(
  kernel: ParticleKernel,
  wave: "shear" | "heat",
  k: number,
  amplitude: number,
  rho = 1,
  T = 1,
): LocalMaxwellianWave {
  if (wave !== "shear" && wave !== "heat")
    throw new RuleError("wave must be shear or heat", `got ${wave}`);
  for (const [name, q] of [
    ["wave number", k],
    ["density", rho],
    ["temperature", T],
  ] as const)
    if (!(q > 0) || !Number.isFinite(q))
      throw new RuleError(`wave background ${name} must be a finite number > 0`, `got ${q}`);
  const a = amplitude;
  if (!Number.isFinite(a) || (wave === "heat" && !(Math.abs(a) < 1)))
    throw new RuleError("heat-wave amplitude must satisfy |a| < 1", `got ${a}`);
  const L = (2 * Math.PI) / k;
  const local = (x: number) => {
    const s = Math.sin(k * x);
    if (wave === "shear") return { n: rho, uy: a * s, theta: T };
    const th = T * (1 + a * s);
    return { n: (rho * T) / th, uy: 0, theta: th };
  };
  const nMax = wave === "shear" ? rho : rho / (1 - Math.abs(a));
  const thMax = wave === "shear" ? T : T * (1 + Math.abs(a));
  const uMax = wave === "shear" ? Math.abs(a) : 0;
  const H = heatSourceMass();
  const boxMass = (2 * L ** 3) / Math.PI; // ∫_box |cos kx| dx
  const massRate =
    wave === "shear"
      ? Math.abs(a) * k * boxMass * ((2 * rho) / Math.PI)
      : Math.abs(a) * k * rho * Math.sqrt(T) * H * (1 - Math.abs(a)) ** -1.5 * boxMass;
  const source: ResidualSource = {
    bound: () => massRate,
    sample(t0, t1, rand: Uniform, normal: Normal, out: Float64Array): number {
      out[0] = t0 + (t1 - t0) * rand();
      const th = sampleCosPhase(rand);
      out[1] = th / k;
      out[2] = L * rand();
      out[3] = L * rand();
      const sa = Math.sign(a);
      if (wave === "shear") {
        const s = Math.sqrt(T);
        const wx = signedRayleigh(rand, s);
        const wy = signedRayleigh(rand, s);
        out[4] = wx;
        out[5] = wy + a * Math.sin(th);
        out[6] = s * normal();
        return -sa * Math.sign(Math.cos(th)) * Math.sign(wx) * Math.sign(wy);
      }
      const g = 1 + a * Math.sin(th);
      if (rand() >= ((1 - Math.abs(a)) / g) ** 1.5) return 0;
      // c ∝ |c_x(|c|²/2 − 5/2)| M₁: q = |c|²/2 from ∝ (q² + 2.5q)e^{−q} (Γ(3) weight 2, Γ(2)
      // weight 2.5) accepted with |q − 2.5|/(q + 2.5); cos of the angle to e_x ∝ |cos|
      let q: number;
      for (;;) {
        q =
          rand() < 2 / 4.5
            ? -Math.log((1 - rand()) * (1 - rand()) * (1 - rand()))
            : -Math.log((1 - rand()) * (1 - rand()));
        if (rand() * (q + 2.5) < Math.abs(q - 2.5)) break;
      }
      const r = Math.sqrt(2 * q * T * g);
      const cs = (rand() < 0.5 ? -1 : 1) * Math.sqrt(rand());
      const sn = Math.sqrt(1 - cs * cs);
      const ph = 2 * Math.PI * rand();
      out[4] = r * cs;
      out[5] = r * sn * Math.cos(ph);
      out[6] = r * sn * Math.sin(ph);
      return -sa * Math.sign(Math.cos(th)) * Math.sign(cs) * Math.sign(q - 2.5);
    },
  };
  return {
    kernel,
    wave,
    k,
    amplitude: a,
    L,
    rho,
    T,
    local,
    source: a === 0 ? undefined : source,
    value(_t, x, v) {
      const { n, uy, theta } = local(x[0]);
      const e = v[0] ** 2 + (v[1] - uy) ** 2 + v[2] ** 2;
      return n * (2 * Math.PI * theta) ** -1.5 * Math.exp(-e / (2 * theta));
    },
    collisionFrequency(_t, x, v) {
      const { n, uy, theta } = local(x[0]);
      if (kernel.constantRate > 0) return kernel.constantRate * n;
      const sq = Math.sqrt(theta);
      const w = Math.hypot(v[0], v[1] - uy, v[2]);
      return kernel.ratePerSpeed * n * sq * meanRelativeSpeed(w / sq);
    },
    frequencyBound(_t, _x, v) {
      if (kernel.constantRate > 0) return kernel.constantRate * nMax;
      const speed = Math.hypot(v[0], v[1], v[2]);
      return kernel.ratePerSpeed * nMax * (speed + uMax + 2 * Math.sqrt((2 * thMax) / Math.PI));
    },
    samplePartner(_t, x, v, rand, normal, out) {
      const { uy, theta } = local(x[0]);
      const sq = Math.sqrt(theta);
      if (kernel.constantRate > 0) {
        out[0] = sq * normal();
        out[1] = uy + sq * normal();
        out[2] = sq * normal();
        return;
      }
      sampleMaxwellianPartner(0, uy, 0, sq, v, rand, normal, out);
    },
  };
}
