/**
 * Sampling initial data into particles (equal weights W = mass/N unless stated).
 * Same seed, same particles. Families (T is the variance per axis, f ∝ e^{−|v−u|²/(2T)}):
 * - `two-beam`: ½ M_{+U e_x, T_b} + ½ M_{−U e_x, T_b}, total density ρ, exactly as `relax`
 *   (src/solvers/spectral/initial-data.ts); homogeneous.
 * - `maxwellian`: ρ M_{0,T}; homogeneous (or uniform in a periodic box, see {@link uniformInBox}).
 * - `bkw`: the BKW datum f = ρ(2πKT)^{−3/2} e^{−|v|²/(2KT)}[(5K−3)/(2K) + (1−K)|v|²/(2K²T)]
 *   (src/solvers/spectral/bkw.ts): a mixture, with probability (5K−3)/(2K) of M_{0,KT} and with
 *   probability 3(1−K)/(2K) of the density ∝ |v|² M_{0,KT}, i.e. |v| = √(KT)·χ₅ with a uniform
 *   direction (the weights add to 1 and both parts are ≥ 0 for K ∈ [3/5, 1]).
 * - `gaussian-blob`: f₀(x, v) = e^{−|x|²−|v|²} in R³ (mass π³; the exact inhomogeneous solution
 *   f(t) = e^{−|x−vt|²−|v|²}, Q(f,f) = 0): x and v independent N(0, ½ I).
 */
import { RuleError } from "../../math/errors.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import { makeParticleSet, type ParticleSet, pushParticle } from "./particle-set.ts";

function requireCount(n: number): void {
  if (!Number.isInteger(n) || n < 2 || n > 1e8)
    throw new RuleError("particle count must be an integer in [2, 1e8]", `got ${n}`);
}

export function sampleTwoBeam(
  n: number,
  rand: Uniform,
  U: number,
  Tb: number,
  rho = 1,
): ParticleSet {
  requireCount(n);
  if (!(Tb > 0)) throw new RuleError("beam temperature must be > 0", `got ${Tb}`);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.sqrt(Tb);
  for (let i = 0; i < n; i++) {
    // alternate beams so that the two masses are exactly ρ/2 each
    const u = i % 2 === 0 ? U : -U;
    pushParticle(p, 0, 0, 0, u + s * normal(), s * normal(), s * normal(), rho / n);
  }
  return p;
}

export function sampleMaxwellian(n: number, rand: Uniform, T: number, rho = 1): ParticleSet {
  requireCount(n);
  if (!(T > 0)) throw new RuleError("temperature must be > 0", `got ${T}`);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.sqrt(T);
  for (let i = 0; i < n; i++)
    pushParticle(p, 0, 0, 0, s * normal(), s * normal(), s * normal(), rho / n);
  return p;
}

export function sampleBkw(n: number, rand: Uniform, K: number, T = 1, rho = 1): ParticleSet {
  requireCount(n);
  if (!(K >= 0.6 && K <= 1)) throw new RuleError("BKW K must be in [0.6, 1]", `got ${K}`);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.sqrt(K * T);
  const pGauss = (5 * K - 3) / (2 * K);
  for (let i = 0; i < n; i++) {
    let a = normal();
    let b = normal();
    let c = normal();
    if (rand() >= pGauss) {
      const d = normal();
      const e = normal();
      const chi = Math.sqrt(a * a + b * b + c * c + d * d + e * e);
      const r = Math.sqrt(a * a + b * b + c * c);
      a = (a / r) * chi;
      b = (b / r) * chi;
      c = (c / r) * chi;
    }
    pushParticle(p, 0, 0, 0, s * a, s * b, s * c, rho / n);
  }
  return p;
}

/** e^{−|x|²−|v|²}: x, v independent N(0, ½I); total mass π³, weight π³/n. */
export function sampleGaussianBlob(n: number, rand: Uniform): ParticleSet {
  requireCount(n);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.SQRT1_2;
  for (let i = 0; i < n; i++) {
    pushParticle(
      p,
      s * normal(),
      s * normal(),
      s * normal(),
      s * normal(),
      s * normal(),
      s * normal(),
      Math.PI ** 3 / n,
    );
  }
  return p;
}

/** Place every particle uniformly in [0, L)³ (for spatially uniform data in a periodic box). */
export function uniformInBox(p: ParticleSet, L: number, rand: Uniform): ParticleSet {
  for (let k = 0; k < 3 * p.count; k++) p.x[k] = L * rand();
  return p;
}

/**
 * A signed, radially symmetric deviation δ(|v|²) as ±ε particles: |v| drawn from |δ| by rejection
 * from the Gaussian M_{0,Tp} (the bound sup |δ|/M_{0,Tp} taken on a fine r-grid ×1.05), the sign
 * of δ at the drawn point, and ε = ∫|δ| dv / n with ∫|δ| = 4π∫ r²|δ| dr by the composite Simpson
 * rule on [0, rMax] with 40 000 panels. `delta` must be negligible beyond rMax and dominated by
 * M_{0,Tp} in the tail (checked on the grid up to rMax).
 */
export function sampleRadialDeviation(
  n: number,
  rand: Uniform,
  delta: (r2: number) => number,
  Tp = 1.5,
  rMax = 14,
): { particles: ParticleSet; totalVariation: number } {
  requireCount(n);
  const m = 40000;
  const h = rMax / m;
  let tv = 0;
  let bound = 0;
  const gauss = (r2: number): number => (2 * Math.PI * Tp) ** -1.5 * Math.exp(-r2 / (2 * Tp));
  for (let k = 0; k <= m; k++) {
    const r = k * h;
    const d = Math.abs(delta(r * r));
    tv += (k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2) * 4 * Math.PI * r * r * d;
    const q = gauss(r * r);
    if (q > 0 && d / q > bound) bound = d / q;
  }
  tv *= h / 3;
  bound *= 1.05;
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.sqrt(Tp);
  const eps = tv / n;
  while (p.count < n) {
    const a = s * normal();
    const b = s * normal();
    const c = s * normal();
    const r2 = a * a + b * b + c * c;
    const d = delta(r2);
    if (rand() * bound * gauss(r2) >= Math.abs(d)) continue;
    pushParticle(p, 0, 0, 0, a, b, c, d > 0 ? eps : -eps);
  }
  return { particles: p, totalVariation: tv };
}

function gaussianDensity(T: ArrayLike<number>, v0: number, v1: number, v2: number): number {
  return (
    Math.exp(-0.5 * ((v0 * v0) / T[0] + (v1 * v1) / T[1] + (v2 * v2) / T[2])) /
    Math.sqrt((2 * Math.PI) ** 3 * T[0] * T[1] * T[2])
  );
}

function checkTemperatures(T: ArrayLike<number>): void {
  if (T.length !== 3 || !Array.from(T).every((q) => q > 0 && Number.isFinite(q)))
    throw new RuleError(
      "axis temperatures must be three finite numbers > 0",
      `got ${Array.from(T)}`,
    );
}

/**
 * The anisotropic blob f₀(x, v) = c π^{3/2} e^{−|x|²} M_{0,diag(T)}(v) (mass cπ³; T = (½, ½, ½),
 * c = 1 is the gaussian-blob): x ~ N(0, ½I), v_a ~ N(0, T_a); weight cπ³/n.
 */
export function sampleAnisotropicBlob(
  n: number,
  rand: Uniform,
  T: ArrayLike<number>,
  c = 1,
): ParticleSet {
  requireCount(n);
  checkTemperatures(T);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const s = Math.SQRT1_2;
  for (let i = 0; i < n; i++) {
    const x0 = s * normal();
    const x1 = s * normal();
    const x2 = s * normal();
    const v0 = Math.sqrt(T[0]) * normal();
    const v1 = Math.sqrt(T[1]) * normal();
    const v2 = Math.sqrt(T[2]) * normal();
    pushParticle(p, x0, x1, x2, v0, v1, v2, (c * Math.PI ** 3) / n);
  }
  return p;
}

/**
 * The deviation of the anisotropic blob from the (scaled) gaussian-blob,
 * δ = c π^{3/2} e^{−|x|²}(M_T − M_½),
 * as ±ε particles: n proposals x ~ N(0, ½I), v from ½(M_T + M_½), each kept with probability
 * |M_T − M_½|/(M_T + M_½) with the sign of M_T − M_½, and ε = 2cπ³/n (unbiased for every φ:
 * E Σ w φ = ⟨δ, φ⟩). Returns the particles and ε.
 */
export function sampleAnisotropicBlobDeviation(
  n: number,
  rand: Uniform,
  T: ArrayLike<number>,
  c = 1,
): { particles: ParticleSet; epsilon: number } {
  requireCount(n);
  checkTemperatures(T);
  const normal = normalSampler(rand);
  const p = makeParticleSet(n);
  const half = [0.5, 0.5, 0.5];
  const eps = (2 * c * Math.PI ** 3) / n;
  const s = Math.SQRT1_2;
  for (let i = 0; i < n; i++) {
    const x0 = s * normal();
    const x1 = s * normal();
    const x2 = s * normal();
    const from = rand() < 0.5 ? T : half;
    const v0 = Math.sqrt(from[0]) * normal();
    const v1 = Math.sqrt(from[1]) * normal();
    const v2 = Math.sqrt(from[2]) * normal();
    const a = gaussianDensity(T, v0, v1, v2);
    const b = gaussianDensity(half, v0, v1, v2);
    if (rand() * (a + b) >= Math.abs(a - b)) continue;
    pushParticle(p, x0, x1, x2, v0, v1, v2, a > b ? eps : -eps);
  }
  return { particles: p, epsilon: eps };
}
