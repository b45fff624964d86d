/**
 * The global Maxwellian background f_ref = M = ρ (2πT)^{−3/2} e^{−|v|²/(2T)} of the deviational
 * mode. Q(M, M) = 0 and ∂t M + v·∇x M = 0, so its residual source R vanishes; what the deviational
 * particles need from it is
 * - a bound ν̄(v) of its collision frequency ν(v) = A[M](v) = ∫ M(u) σ(|u − v|) du, constant along a
 *   free flight (v does not change between events), and
 * - a partner sampler u ∝ M(u) σ(|u − v|), used with thinning against ν̄.
 * Hard spheres: σ = 2πg and |u − v| ≤ |u| + |v|, so ν̄(v) = 2πρ(|v| + E|u|), E|u| = 2√(2T/π);
 * a proposal u is drawn from M(u)(|u| + |v|)/(|v| + E|u|) (with probability |v|/(|v| + E|u|)
 * from M, otherwise from M(u)|u|/E|u|, i.e. |u| = √T·χ₄ with a uniform direction) and accepted with
 * probability |u − v|/(|u| + |v|): accepted events then occur at rate exactly ν(v) with u ∝ M|u − v|.
 * Constant kernel: ν ≡ 4πρ, u ~ M, every proposal accepted.
 */
import { RuleError } from "../../math/errors.ts";
import type { Normal } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { ParticleKernel } from "./particle-kernel.ts";

export interface GlobalMaxwellian {
  readonly rho: number;
  readonly T: number;
  readonly kernel: ParticleKernel;
}

export function globalMaxwellian(rho: number, T: number, kernel: ParticleKernel): GlobalMaxwellian {
  if (!(rho > 0) || !Number.isFinite(rho))
    throw new RuleError("background density must be a finite number > 0", `got ${rho}`);
  if (!(T > 0) || !Number.isFinite(T))
    throw new RuleError("background temperature must be a finite number > 0", `got ${T}`);
  return { rho, T, kernel };
}

/** E|u| under M/ρ. */
export function meanSpeed(T: number): number {
  return 2 * Math.sqrt((2 * T) / Math.PI);
}

/** ν̄(|v|), the thinning bound of the collision frequency along a free flight. */
export function rateBound(b: GlobalMaxwellian, speed: number): number {
  if (b.kernel.constantRate > 0) return b.kernel.constantRate * b.rho;
  return b.kernel.ratePerSpeed * b.rho * (speed + meanSpeed(b.T));
}

/**
 * Propose a partner u into out[0..2] for a particle of velocity v; returns whether the proposal is
 * accepted (an event at rate ν(v) out of the proposals at rate ν̄(v)).
 */
export function proposePartner(
  b: GlobalMaxwellian,
  v0: number,
  v1: number,
  v2: number,
  rand: Uniform,
  normal: Normal,
  out: Float64Array,
): boolean {
  const s = Math.sqrt(b.T);
  if (b.kernel.constantRate > 0) {
    out[0] = s * normal();
    out[1] = s * normal();
    out[2] = s * normal();
    return true;
  }
  const speed = Math.sqrt(v0 * v0 + v1 * v1 + v2 * v2);
  const m = meanSpeed(b.T);
  let a = normal();
  let c = normal();
  let d = normal();
  if (rand() * (speed + m) >= speed) {
    const e = normal();
    const chi = Math.sqrt(a * a + c * c + d * d + e * e);
    const r = Math.sqrt(a * a + c * c + d * d);
    a = (a / r) * chi;
    c = (c / r) * chi;
    d = (d / r) * chi;
  }
  out[0] = s * a;
  out[1] = s * c;
  out[2] = s * d;
  const us = Math.sqrt(out[0] ** 2 + out[1] ** 2 + out[2] ** 2);
  const g = Math.sqrt((out[0] - v0) ** 2 + (out[1] - v1) ** 2 + (out[2] - v2) ** 2);
  return rand() * (us + speed) < g;
}
