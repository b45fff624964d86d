/**
 * The BKW (Bobylev; Krook & Wu) exact solution of ∂t f = Q(f,f) for the constant kernel B ≡ 1 in
 * boltzlab's normalization (ω over all of S², `src/kinetic/kernel.ts`).
 *
 * Derivation of the rate.
 * 1. ω → σ. With k = (v − u)/|v − u| and σ = k − 2(k·ω)ω, the post-collisional velocity
 *    v' = v − ((v−u)·ω)ω equals (v+u)/2 + |v−u|σ/2 (the σ-representation). The map ω ↦ σ is 2-to-1
 *    on S² and, writing k·ω = cos α, the deviation angle is θ = π − 2α, so |k·ω| = sin(θ/2) and
 *    dσ = sin θ dθ dφ = 4 cos α sin α dα dφ = 4|k·ω| dω. Hence
 *      ∫_{S²} B_ω F(σ) dω = ∫_{S²} B_ω / (2 sin(θ/2)) F(σ) dσ,
 *    i.e. b_σ(cos θ) = 1/(2 sin(θ/2)) for B_ω ≡ 1 (check: ∫ b_σ dσ = 2π∫_0^π cos(θ/2) dθ = 4π).
 * 2. For Maxwell molecules the isotropic fourth moment M₄ = ∫|v|⁴ f obeys the closed equation
 *    dM₄/dt = −μ ρ (M₄ − 15 ρ T²) with μ = ∫_{S²} b_σ · 2 sin²(θ/2) cos²(θ/2) dσ = ½∫ b_σ sin²θ dσ
 *    (Truesdell–Muncaster; Bobylev's eigenvalue λ_{2,0}). Here
 *      μ = π ∫_0^π sin²θ cos(θ/2) dθ = 16π/15.
 * 3. The BKW family f = ρ(2πKT)^{−3/2} e^{−|v|²/(2KT)} [(5K−3)/(2K) + (1−K)|v|²/(2K²T)] has
 *    M₄ = 15ρT²(1 − (1−K)²), so M₄ relaxes at rate 2λ with 1 − K ∝ e^{−λρt}:
 *      K(t) = 1 − e^{−λρ(t + t₀)},   λ = μ/2 = 8π/15 ≈ 1.6755.
 *    (For b_σ ≡ 1/(4π) the same computation gives the classical λ = 1/6.)
 * The test `test/solvers/bkw.test.ts` checks ∂t f = Q(f,f) with this λ against an independent
 * quadrature of Q and the spectral Q; any other rate fails it.
 */
import { RuleError } from "../../math/errors.ts";
import type { VelocityGrid } from "./grid.ts";

/** λ = 8π/15: the BKW rate for B ≡ 1 with ω over all of S² (ρ = 1). */
export const BKW_RATE_CONSTANT_KERNEL = (8 * Math.PI) / 15;

/** Parameters of the BKW solution: density, equilibrium temperature and K at t = 0. */
export interface BkwParams {
  /** Density ρ > 0 (default 1). */
  readonly density?: number;
  /** Equilibrium temperature T > 0 (default 1). */
  readonly temperature?: number;
  /** K at t = 0, in [3/5, 1) so that f ≥ 0 (default 0.7). */
  readonly K0?: number;
}

/**
 * The BKW exact solution for the constant kernel (module comment): K(t), f(t, v) as a function of
 * |v|², its time derivative, and samples on a grid. The default rate is 8π/15 (B ≡ 1, ω over S²).
 */
export class Bkw {
  readonly rho: number;
  readonly T: number;
  readonly K0: number;
  readonly rate: number;

  constructor(p: BkwParams = {}, rate = BKW_RATE_CONSTANT_KERNEL) {
    this.rho = p.density ?? 1;
    this.T = p.temperature ?? 1;
    this.K0 = p.K0 ?? 0.7;
    this.rate = rate;
    if (!(this.rho > 0) || !(this.T > 0))
      throw new RuleError("BKW density and temperature must be > 0");
    if (!(this.K0 >= 0.6 && this.K0 < 1)) {
      throw new RuleError("BKW K0 must be in [0.6, 1) so that f >= 0", `got ${this.K0}`);
    }
  }

  /** K(t) = 1 − (1 − K0) e^{−λρt}. */
  K(t: number): number {
    return 1 - (1 - this.K0) * Math.exp(-this.rate * this.rho * t);
  }

  /** f(t, v) at |v|² = v2. */
  value(t: number, v2: number): number {
    const K = this.K(t);
    const T = this.T;
    const g = this.rho * (2 * Math.PI * K * T) ** -1.5 * Math.exp(-v2 / (2 * K * T));
    return g * ((5 * K - 3) / (2 * K) + ((1 - K) * v2) / (2 * K * K * T));
  }

  /** ∂t f(t, v) at |v|² = v2 (closed form: ∂f/∂K · dK/dt). */
  timeDerivative(t: number, v2: number): number {
    const K = this.K(t);
    const T = this.T;
    const g = this.rho * (2 * Math.PI * K * T) ** -1.5 * Math.exp(-v2 / (2 * K * T));
    const P = (5 * K - 3) / (2 * K) + ((1 - K) * v2) / (2 * K * K * T);
    const dP = 3 / (2 * K * K) - (v2 * (2 - K)) / (2 * T * K ** 3);
    const dlog = -3 / (2 * K) + v2 / (2 * K * K * T);
    const dKdt = this.rate * this.rho * (1 - K);
    return g * (P * dlog + dP) * dKdt;
  }

  /** Sample f(t) on the grid into `out` (length n³). */
  sample(grid: VelocityGrid, t: number, out: Float64Array): Float64Array {
    const { n, axis } = grid;
    let idx = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++, idx++) {
          out[idx] = this.value(t, axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2);
        }
    return out;
  }
}
