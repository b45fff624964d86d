/**
 * The free-transport background of a Gaussian datum, f_ref(t, x, v) = f₀(x − vt, v) with
 *   f₀(x, v) = c · exp(−|x|²/α − |v|²/β).
 * Derivation (per axis, completing the square in v): with a(t) = t²/α + 1/β,
 *   −|x − vt|²/α − |v|²/β = −a|v − m|² − |x|²/(αβa),   m(t, x) = t x/(α a),
 * so at every (t, x) the background is a Maxwellian in v:
 *   f_ref(t, x, ·) = n M_{m, θ},   n(t, x) = c (π/a)^{3/2} e^{−|x|²/(αβa)},   θ(t) = 1/(2a)
 * (θ the variance per axis). Hence Q(f_ref, f_ref) = 0 and, f_ref being transported, the residual
 * R = ∂t f_ref + v·∇x f_ref − Q(f_ref, f_ref) vanishes identically FOR EVERY α, β: ln f_ref is a
 * collision invariant in v (a quadratic in v with isotropic leading term), so such data are exact
 * solutions and carry no source. (An anisotropic f₀, e.g. different widths per axis, would not be.)
 *
 * Collision frequency (hard spheres, σ = 2πg): with Z ~ N(0, θI), r = |v − m|/√θ,
 *   A = 2π n E|Z − (v − m)| = 2π n √θ [√(2/π) e^{−r²/2} + (r + 1/r) erf(r/√2)],
 * (r → 0: 2π n · 2√(2θ/π)); constant kernel: A = 4π n.
 * Bound along a flight x(s) = x + s v, s ∈ [0, τ] (a increases, θ decreases in t):
 *   n ≤ c (π/a(t))^{3/2} e^{−d²/(αβ a(t+τ))}, d = distance of the segment from 0;
 *   E|Z − w| ≤ |w| + E|Z| ≤ |v| + (t+τ) max|x(s)|/(α a(t)) + 2√(2θ(t)/π).
 * Partner: u = m + z, z ∝ N(0, θI)|z − w| (w = v − m), by the proposal of the global Maxwellian
 * (from N(0,θ)(|z| + |w|)/(|w| + E|z|), accepted with probability |z − w|/(|z| + |w|), repeated).
 */
import { RuleError } from "../../math/errors.ts";
import type { Normal } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { Background } from "./background.ts";
import type { ParticleKernel } from "./particle-kernel.ts";

/** The Gaussian free-transport background: a {@link Background} with its local density n(t, x), mean m(t, x) and variance θ(t) exposed. */
export interface FreeTransportGaussian extends Background {
  readonly c: number;
  readonly alpha: number;
  readonly beta: number;
  /** n(t, x), m(t, x)/x (a scalar factor) and θ(t) of the local Maxwellian. */
  density(t: number, x: ArrayLike<number>): number;
}

/** erf to about 1e−7 absolute (Abramowitz–Stegun 7.1.26 is 1.5e−7; enough for a rate). */
function erf(z: number): number {
  const s = z < 0 ? -1 : 1;
  const a = Math.abs(z);
  const t = 1 / (1 + 0.3275911 * a);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-a * a);
  return s * y;
}

/** E|Z − w| / √θ for Z ~ N(0, θ I) in R³, as a function of r = |w|/√θ. */
export function meanRelativeSpeed(r: number): number {
  if (r < 1e-4) return 2 * Math.sqrt(2 / Math.PI) * (1 + (r * r) / 6);
  return Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * r * r) + (r + 1 / r) * erf(r / Math.SQRT2);
}

/** The free transport of c·exp(−|x|²/α − |v|²/β) as a deviational background (no residual: it is an exact solution; see the derivation above). */
export function freeTransportGaussian(
  kernel: ParticleKernel,
  c = 1,
  alpha = 1,
  beta = 1,
): FreeTransportGaussian {
  for (const [name, q] of [
    ["c", c],
    ["alpha", alpha],
    ["beta", beta],
  ] as const) {
    if (!(q > 0) || !Number.isFinite(q))
      throw new RuleError(
        `free-transport Gaussian ${name} must be a finite number > 0`,
        `got ${q}`,
      );
  }
  const aOf = (t: number) => (t * t) / alpha + 1 / beta;
  const density = (t: number, x: ArrayLike<number>): number => {
    const a = aOf(t);
    const r2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
    return c * (Math.PI / a) ** 1.5 * Math.exp(-r2 / (alpha * beta * a));
  };
  const frequency = (t: number, x: ArrayLike<number>, v: ArrayLike<number>): number => {
    const n = density(t, x);
    if (kernel.constantRate > 0) return kernel.constantRate * n;
    const a = aOf(t);
    const k = t / (alpha * a);
    const th = 1 / (2 * a);
    const w = Math.hypot(v[0] - k * x[0], v[1] - k * x[1], v[2] - k * x[2]);
    return kernel.ratePerSpeed * n * Math.sqrt(th) * meanRelativeSpeed(w / Math.sqrt(th));
  };
  return {
    kernel,
    c,
    alpha,
    beta,
    density,
    value(t, x, v) {
      let e = 0;
      for (let d = 0; d < 3; d++) e += (x[d] - v[d] * t) ** 2 / alpha + v[d] ** 2 / beta;
      return c * Math.exp(-e);
    },
    collisionFrequency: frequency,
    frequencyBound(t, x, v, tau) {
      const a0 = aOf(t);
      const a1 = aOf(t + tau);
      const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
      const xv = x[0] * v[0] + x[1] * v[1] + x[2] * v[2];
      const x2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
      // closest point of the segment x + s v, s ∈ [0, τ], to the origin
      const s = v2 > 0 ? Math.min(tau, Math.max(0, -xv / v2)) : 0;
      const d2 = Math.max(0, x2 + 2 * s * xv + s * s * v2);
      const n = c * (Math.PI / a0) ** 1.5 * Math.exp(-d2 / (alpha * beta * a1));
      if (kernel.constantRate > 0) return kernel.constantRate * n;
      const xEnd = Math.sqrt(x2 + 2 * tau * xv + tau * tau * v2);
      const mMax = ((t + tau) * Math.max(Math.sqrt(x2), xEnd)) / (alpha * a0);
      const th0 = 1 / (2 * a0);
      return kernel.ratePerSpeed * n * (Math.sqrt(v2) + mMax + 2 * Math.sqrt((2 * th0) / Math.PI));
    },
    samplePartner(t, x, v, rand: Uniform, normal: Normal, out: Float64Array) {
      const a = aOf(t);
      const k = t / (alpha * a);
      const sq = Math.sqrt(1 / (2 * a));
      const m0 = k * x[0];
      const m1 = k * x[1];
      const m2 = k * x[2];
      if (kernel.constantRate > 0) {
        out[0] = m0 + sq * normal();
        out[1] = m1 + sq * normal();
        out[2] = m2 + sq * normal();
        return;
      }
      sampleMaxwellianPartner(m0, m1, m2, sq, v, rand, normal, out);
    },
  };
}

/**
 * Hard spheres: draw u ∝ M_{m,θ}(u)|u − v| (θ = sq²) into out: u = m + z, z from the proposal
 * N(0,θI)(|z| + |w|)/(|w| + E|z|) (w = v − m: with probability |w|/(|w| + E|z|) a plain normal,
 * otherwise |z| ~ √θ χ₄ with a uniform direction), accepted with probability |z − w|/(|z| + |w|),
 * repeated until accepted (exact).
 */
export function sampleMaxwellianPartner(
  m0: number,
  m1: number,
  m2: number,
  sq: number,
  v: ArrayLike<number>,
  rand: Uniform,
  normal: Normal,
  out: Float64Array,
): void {
  const w0 = v[0] - m0;
  const w1 = v[1] - m1;
  const w2 = v[2] - m2;
  const ws = Math.sqrt(w0 * w0 + w1 * w1 + w2 * w2);
  const mean = 2 * sq * Math.sqrt(2 / Math.PI);
  for (;;) {
    let z0 = normal();
    let z1 = normal();
    let z2 = normal();
    if (rand() * (ws + mean) >= ws) {
      const e = normal();
      const chi = Math.sqrt(z0 * z0 + z1 * z1 + z2 * z2 + e * e);
      const r = Math.sqrt(z0 * z0 + z1 * z1 + z2 * z2);
      z0 = (z0 / r) * chi;
      z1 = (z1 / r) * chi;
      z2 = (z2 / r) * chi;
    }
    z0 *= sq;
    z1 *= sq;
    z2 *= sq;
    const zs = Math.sqrt(z0 * z0 + z1 * z1 + z2 * z2);
    const g = Math.sqrt((z0 - w0) ** 2 + (z1 - w1) ** 2 + (z2 - w2) ** 2);
    if (rand() * (zs + ws) < g) {
      out[0] = m0 + z0;
      out[1] = m1 + z1;
      out[2] = m2 + z2;
      return;
    }
  }
}
