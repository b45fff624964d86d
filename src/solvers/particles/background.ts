/**
 * The background f_ref of the deviational mode in its general form: f = f_ref + f_δ with
 *   ∂t f_δ + v·∇x f_δ = L_ref f_δ + Q(f_δ, f_δ) − R,   L_ref h = Q(f_ref, h) + Q(h, f_ref),
 *   R = ∂t f_ref + v·∇x f_ref − Q(f_ref, f_ref)   (the residual of the background).
 * What the signed particles need from f_ref, at (t, x, v):
 * - its collision frequency A[f_ref](t, x, v) = ∫ f_ref(t, x, u) σ(|u − v|) du;
 * - a bound of A along a free flight s ↦ (t + s, x + s v, v), s ∈ [0, τ], for exponential clocks
 *   thinned by A/bound (exact event times, no splitting error in the linear part);
 * - a sampler of the partner u ∝ f_ref(t, x, u) σ(|u − v|) (the direction ω is drawn afterwards by
 *   the kernel's collision map, exactly as for the global Maxwellian, {@link collidePair});
 * - the source −R as signed particles at a known rate (absent when R ≡ 0).
 * The paper's f_a (with F_err as R) is meant to plug in through this interface.
 */
import type { Normal } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { ParticleKernel } from "./particle-kernel.ts";

/** A background f_ref; points (t, x, v) are passed as numbers and reusable arrays (no allocation). */
export interface Background {
  readonly kernel: ParticleKernel;
  /** f_ref(t, x, v). */
  value(t: number, x: ArrayLike<number>, v: ArrayLike<number>): number;
  /** A[f_ref](t, x, v) = ∫ f_ref(t, x, u) σ(|u − v|) du. */
  collisionFrequency(t: number, x: ArrayLike<number>, v: ArrayLike<number>): number;
  /** A number ≥ A[f_ref](t + s, x + s v, v) for every s ∈ [0, tau]. */
  frequencyBound(t: number, x: ArrayLike<number>, v: ArrayLike<number>, tau: number): number;
  /** Draw u ∝ f_ref(t, x, u) σ(|u − v|) into out[0..2]. */
  samplePartner(
    t: number,
    x: ArrayLike<number>,
    v: ArrayLike<number>,
    rand: Uniform,
    normal: Normal,
    out: Float64Array,
  ): void;
  /** The source −R as signed particles; absent when the residual vanishes identically. */
  readonly source?: ResidualSource;
}

/**
 * −R(t, x, v) as signed particles. Over a step [t0, t1] the stepper draws a Poisson number of
 * proposals with mean bound(t0, t1)·(t1 − t0)/ε and calls `sample` for each; `sample` writes
 * (t, x0, x1, x2, v0, v1, v2) into out (t ∈ [t0, t1]) and returns the sign of −R there (+1 or −1),
 * or 0 to reject (thinning), such that the accepted signed points have intensity −R/(bound·ε)·ε,
 * i.e. E Σ w φ = ∫_{t0}^{t1}∫∫ (−R) φ for every test function φ.
 */
export interface ResidualSource {
  /** A bound of ∫∫ |R|(t, x, v) dx dv (the proposal mass per unit time) on [t0, t1]. */
  bound(t0: number, t1: number): number;
  sample(t0: number, t1: number, rand: Uniform, normal: Normal, out: Float64Array): number;
}
