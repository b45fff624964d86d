import { type Estimate, estimate } from "../../math/estimate.ts";
import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { centreFrequency } from "./core.ts";

/**
 * The core's collision frequency seen from the core, A[f_r](0, 0, 0), against the beam's,
 * A[f_b](0, 0, 0): what decides whether the construction survives a soft potential (Remark 1.5;
 * docs/kernels.md §4).
 *
 * The construction keeps only Q⁻(f_r, f_b) = f_r A[f_b] in the equation of f_r (2.2) and leaves the
 * core–core collisions Q(f_r, f_r) to the error F_err. With the kernel Φ(r) = r^γ and
 * Ω = ∫_{S²} b dω, at t = 0 and x = v = 0 (f_r(0) = c_r M^{3/2−s0} N^{3/2} χ(RMx) χ(Nu), (2.5)):
 *
 *   A[f_r(0)](0, 0, 0) = Ω c_r M^{3/2−s0} N^{3/2} ∫ |u|^γ φ(N|u|) du
 *                      = Ω c_r M^{3/2−s0} N^{−3/2−γ} · 4π m_γ,   m_γ = ∫_0^1 r^{2+γ} φ(r) dr.
 *
 * Against A[f_b](0,0,0) ∼ M^{1−s} this is a power of M: the exponent
 * (3/2 − s0) − p(3/2 + γ) − (1 − s) of the ratio ϱ = A[f_r]/A[f_b] — and of the self-deflation
 * exponent T* A[f_r] (T* = c_T M^{s−1} ln ln M) — changes sign at
 *
 *   γ_c = −3/2 + (1/2 − s0 + s)/p          (p = 10, s = 0.8, s0 = 0.5: γ_c = −1.42).
 *
 * For γ > γ_c the neglected term is a vanishing fraction of the kept one (hard spheres: M^{−24.2}
 * at the defaults); for γ < γ_c it dominates and grows without bound, and f_r is no longer an
 * approximate solution: its error Q⁻(f_r, f_r) integrated over [0, T*] is T* A[f_r] ≫ 1 times
 * ‖f_r‖. No p rescues γ ≤ −3/2 (γ_c → −3/2 as p → ∞). For every γ < 0 the step A_γ[g] ≲ ‖g‖_{L¹_v}
 * of the loss estimate fails on the core: A_γ[f_r(0)](0)/(Ω ‖f_r(0)(0,·)‖_{L¹_v}) = N^{−γ} m_γ/m_0.
 * Everything is returned as natural logarithms, since N = M^p overflows.
 */
export interface CoreSelfFrequency {
  /** ln A[f_r(0)](0, 0, 0). */
  readonly lnCore: Estimate;
  /** ln A[f_b](0, 0, 0). */
  readonly lnBeam: Estimate;
  /** ln ϱ = ln(A[f_r]/A[f_b]) at the centre, t = 0. */
  readonly lnRatio: Estimate;
  /** ln(T* A[f_r(0)](0,0,0)), the self-deflation exponent's logarithm (an upper bound at t > 0). */
  readonly lnSelfExponent: Estimate;
  /** ln of A[f_r(0)](0)/(Ω ‖f_r(0)(0,·)‖_{L¹_v}) = −γ ln N + ln(m_γ/m_0): 0 for γ = 0. */
  readonly lnL1Excess: number;
  /** The exponent of M in ϱ: (3/2 − s0) − p(3/2 + γ) − (1 − s). */
  readonly ratioExponent: number;
  /** γ_c = −3/2 + (1/2 − s0 + s)/p. */
  readonly criticalGamma: number;
}

/**
 * m_γ = ∫_0^1 r^{2+γ} φ(r) dr (γ > −3): Gauss–Legendre (24 vs 32 nodes) on four panels of
 * [1/2, 1] and the geometric panels [2^{−j−1}, 2^{−j}], j = 1 … 59, where r^{2+γ}φ(r) is smooth, plus the tail ∫_0^ε r^{2+γ} dr =
 * ε^{3+γ}/(3+γ), ε = 2^{−60} (φ = 1 − O(r²) there; the O(ε^{5+γ}) remainder is added to the error).
 */
export function radialSpeedMoment(phi: (r: number) => number, gamma: number): Estimate {
  const at = (n: number) => {
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    let s = 0;
    // [1/2, 1] in four panels (φ is flat to all orders at r = 1), then [2^{−j−1}, 2^{−j}]
    for (let j = 0; j < 63; j++) {
      const hi = j < 4 ? 1 - j / 8 : 2 ** -(j - 3);
      const lo = j < 4 ? 1 - (j + 1) / 8 : hi / 2;
      leftAnchoredRule(n, lo, 0.5 * (hi - lo), x, w);
      for (let i = 0; i < n; i++) {
        const r = x[i];
        s += w[i] * r ** (2 + gamma) * phi(r);
      }
    }
    return s;
  };
  const eps = 2 ** -60;
  const tail = eps ** (3 + gamma) / (3 + gamma);
  const coarse = at(24) + tail;
  const fine = at(32) + tail;
  return estimate(
    fine,
    Math.abs(fine - coarse) + eps ** (5 + gamma) + 8 * Number.EPSILON * fine,
    "quadrature",
    "m_γ = ∫₀¹ r^{2+γ}φ(r) dr, Gauss–Legendre 32 vs 24 on geometric panels to 2^{−60} + the tail in closed form",
  );
}

/** γ_c = −3/2 + (1/2 − s0 + s)/p: below it the core's own collisions outgrow the beam's. */
export function criticalSoftGamma(s: number, s0: number, p: number): number {
  return -1.5 + (0.5 - s0 + s) / p;
}

/** {@link CoreSelfFrequency} for the beam's parameters and kernel (any M; closed form + quadrature). */
export function coreSelfFrequency(beam: Beam): CoreSelfFrequency {
  const { M, s, s0, p, lnN, Tstar, constants, kernel } = beam.params;
  const g = kernel.gamma;
  const mg = radialSpeedMoment(beam.cutoff.phi, g);
  const m0 = radialSpeedMoment(beam.cutoff.phi, 0);
  const lnM = Math.log(M);
  const lnCoreValue =
    Math.log(kernel.angularIntegral * constants.coreAmplitude * 4 * Math.PI * mg.value) +
    (1.5 - s0) * lnM -
    (1.5 + g) * lnN;
  const A = centreFrequency(beam, 0);
  const lnCore = estimate(
    lnCoreValue,
    mg.error / mg.value,
    "closed-form",
    "ln[Ω c_r M^{3/2−s0} N^{−3/2−γ} 4π m_γ]",
  );
  const lnBeam = estimate(
    Math.log(A.value),
    A.error / A.value,
    "derived",
    `ln A[f_b](0,0,0) by ${A.method}`,
  );
  return {
    lnCore,
    lnBeam,
    lnRatio: estimate(
      lnCore.value - lnBeam.value,
      lnCore.error + lnBeam.error,
      "derived",
      "ln(A[f_r]/A[f_b]) at x = v = 0, t = 0",
    ),
    lnSelfExponent: estimate(
      lnCore.value + Math.log(Tstar),
      lnCore.error,
      "derived",
      "ln(T* A[f_r(0)](0,0,0))",
    ),
    lnL1Excess: -g * lnN + Math.log(mg.value / m0.value),
    ratioExponent: 1.5 - s0 - p * (1.5 + g) - (1 - s),
    criticalGamma: criticalSoftGamma(s, s0, p),
  };
}
