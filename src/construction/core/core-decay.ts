import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { profileConstants } from "../geometry/cutoff-constants.ts";
import { requireHardSphere } from "../parameters/parameters.ts";
import { centreFrequency } from "./core.ts";
import { bumpMoments } from "./core-norm.ts";

/**
 * The reduction of the core f_r (2.5) to its centre, shared by the transport term v·∇x f_r of
 * (4.1) (Lemma 4.3, claims/error-table/transport-measures.ts) and the bilinear terms of Lemma 4.4
 * (claims/error-table/core-bilinear-terms.ts).
 *
 * Reduction of f_r. On its support (|y| ≤ 1/(RM), |u| ≤ 1/N; the paper's R = 100 is written below)
 *   f_r(τ, y, u) = Amp · e^{−Λ(τ,y,u)} χ(100M y) χ(N u),   Amp = c_r M^{3/2−s0} N^{3/2},
 * and Λ(τ,y,u) is replaced by Λ₀(τ) = Λ(τ,0,0) = ∫_0^τ A₀, A₀(τ) = A[f_b](τ,0,0) by the single-tube
 * identity ({@link centreFrequency}), interpolated in τ by Chebyshev series (32 and 64 Lobatto points;
 * the difference is the error). With the bounds of core-norm.ts (n = M(M+1)/2 tubes,
 * W = ∫|u|I, V = ∫I, d1 = ‖φ'‖∞, H = Hessian bound of φ(|·|)):
 *   |Λ − Λ₀| ≤ Δ(τ) = τ[G/(100M) + 2πc_b M^{1−s} n V/N] + err(Λ₀),
 *   |∇yΛ| ≤ D(τ) = τ G,   G = 2πc_b M^{1−s} n (W + V/N)(M H/100 + d1),
 *   |∇²yΛ| ≤ HΛ(τ) = τ · 2πM^{1−s} n (W + V/N) √3 (M²H + H + M d1²)   (Frobenius; ∇²K of one tube
 *   has operator norm ≤ M²H + H + M d1²),
 * so e^{−Λ} ∈ E(τ)[e^{−Δ}, e^{Δ}] with E = e^{−Λ₀}, and every derivative of e^{−Λ} differs from
 * that of E by explicit multiples of D, HΛ. These enter the error of every value below; they are
 * ≤ 0.6 % (as-written) and ≤ 0.006 % (as-in-proof) of the values for M ≤ 64.
 */

/** Λ₀(τ), E(τ) = e^{−Λ₀}, the reduction bounds Δ, D, HΛ, and window integrals, for one beam. */
export interface CoreDecay {
  readonly beam: Beam;
  readonly Tstar: number;
  /** Λ₀(τ) = ∫_0^τ A[f_b](σ, 0, 0) dσ for τ ∈ [0, T*]. */
  lambda0(tau: number): number;
  /** Absolute error bound of {@link lambda0} on [0, T*]. */
  readonly lambda0Error: number;
  /** Bound Δ(τ) ≥ |Λ(τ,y,u) − Λ₀(τ)| on the core (includes the error of Λ₀). */
  delta(tau: number): number;
  /** Bound D(τ) ≥ |∇yΛ(τ,y,u)| on the core. */
  gradBound(tau: number): number;
  /** Bound HΛ(τ) ≥ |∇²yΛ(τ,y,u)| (Frobenius) on the core. */
  hessBound(tau: number): number;
  /** ∫_{t0}^{t} g(τ, E(τ)) dτ by Gauss–Legendre (16 vs 32 nodes; error = difference). */
  integrate(
    t0: number,
    t: number,
    g: (tau: number, E: number) => number,
  ): { value: number; error: number };
}

const decayCache = new WeakMap<Beam, CoreDecay>();

/** The reduction of f_r for `beam` (cached per beam). */
export function coreDecay(beam: Beam): CoreDecay {
  requireHardSphere(beam.params, "the error table's transport term");
  const hit = decayCache.get(beam);
  if (hit) return hit;
  const { M, s, lnN, Tstar: T } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const a0Err = { max: 0 };
  const sampleA0 = (tau: number) => {
    const a = centreFrequency(beam, tau);
    a0Err.max = Math.max(a0Err.max, a.error);
    return a.value;
  };
  const fine = chebyshevAntiderivative(sampleA0, 64, T);
  const coarse = chebyshevAntiderivative(sampleA0, 32, T);
  let diff = 0;
  for (let i = 0; i <= 200; i++) {
    const tau = (T * i) / 200;
    diff = Math.max(diff, Math.abs(fine(tau) - coarse(tau)));
  }
  const lambda0Error = diff + a0Err.max * T + 1e-14;
  const { W, V } = bumpMoments(beam);
  const { dphiMax: d1, hessianMax: H } = profileConstants(beam.cutoff);
  const n = (M * (M + 1)) / 2;
  const invN = Math.exp(-lnN);
  const amp = 2 * Math.PI * beam.amplitude * n; // 2π c_b M^{1−s} n
  const G = amp * (W + V * invN) * ((M * H) / coreR + d1);
  const deltaRate = G / (coreR * M) + amp * V * invN;
  const hessRate = amp * (W + V * invN) * Math.sqrt(3) * (M * M * H + H + M * d1 * d1);
  const decay: CoreDecay = {
    beam,
    Tstar: T,
    lambda0: fine,
    lambda0Error,
    delta: (tau) => tau * deltaRate + lambda0Error,
    gradBound: (tau) => tau * G,
    hessBound: (tau) => tau * hessRate,
    integrate(t0, t, g) {
      const q = (nn: number) => {
        const x = new Float64Array(nn);
        const w = new Float64Array(nn);
        leftAnchoredRule(nn, t0, 0.5 * (t - t0), x, w);
        let sum = 0;
        for (let i = 0; i < nn; i++) {
          const tau = x[i];
          sum += w[i] * g(tau, Math.exp(-fine(tau)));
        }
        return sum;
      };
      const a = q(32);
      return { value: a, error: Math.abs(a - q(16)) + Math.abs(a) * 1e-15 };
    },
  };
  decayCache.set(beam, decay);
  return decay;
}

/**
 * τ ↦ ∫_0^τ f on [0, T]: f sampled at the n + 1 Chebyshev–Lobatto points, Chebyshev coefficients,
 * term-wise antiderivative, Clenshaw evaluation.
 */
function chebyshevAntiderivative(
  f: (tau: number) => number,
  n: number,
  T: number,
): (tau: number) => number {
  const vals = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) vals[j] = f(0.5 * T * (1 + Math.cos((Math.PI * j) / n)));
  const c = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let j = 0; j <= n; j++) {
      const w = j === 0 || j === n ? 0.5 : 1;
      sum += w * vals[j] * Math.cos((Math.PI * j * k) / n);
    }
    c[k] = (2 / n) * sum;
  }
  // f = Σ_{k=0}^{n} c_k T_k with the end coefficients halved
  c[0] *= 0.5;
  c[n] *= 0.5;
  // antiderivative in x ∈ [−1, 1]: C_k = (c_{k−1} − c_{k+1}) / (2k), then fix C_0 so that F(−1) = 0
  const C = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++) {
    const cm = c[k - 1] * (k - 1 === 0 ? 2 : 1);
    const cp = k + 1 <= n ? c[k + 1] : 0;
    C[k] = (cm - cp) / (2 * k);
  }
  // the recurrence uses 2c_0 for k = 1 (∫T_0 = T_1)
  let atMinus1 = 0;
  for (let k = 1; k <= n + 1; k++) atMinus1 += C[k] * (k % 2 === 0 ? 1 : -1);
  C[0] = -atMinus1;
  const scale = 0.5 * T;
  return (tau: number) => {
    const x = (2 * tau) / T - 1;
    // Clenshaw for Σ_k C_k T_k(x)
    let b1 = 0;
    let b2 = 0;
    for (let k = n + 1; k >= 1; k--) {
      const b0 = 2 * x * b1 - b2 + C[k];
      b2 = b1;
      b1 = b0;
    }
    return scale * (x * b1 - b2 + C[0]);
  };
}

/** Relative spread of the weight ⟨v⟩e^{⟨v⟩²} over |v| ≤ 1/N: it lies in [e, e(1 + w)]. */
export function coreWeightSpread(lnN: number): number {
  const q = Math.exp(-2 * lnN);
  return Math.expm1(0.5 * Math.log1p(q) + q);
}
