import { hardSphere, type Kernel } from "../../kinetic/kernel.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Cutoff } from "../geometry/cutoff.ts";
import { perCutoff } from "../geometry/cutoff-constants.ts";
import { bumpWidthFactor } from "../geometry/velocity-bumps.ts";
import type { ConstructionConstants } from "../parameters/parameters.ts";
import type { Variant } from "../parameters/variant.ts";

/**
 * The asymptotic deflation law of the core, in closed form (docs/quantitative.md derives it).
 *
 * At the centre x = v = 0 every tube contributes the same to A[f_b] (core.ts, `centreFrequency`):
 *   A(τ,0,0) = 2π c_b M^{1−s} n ∫ |u| I(u) K(−uτ) du,   n = M(M+1)/2.
 * As τ → 0, K(−uτ) → 1 and |u| → a = e·u; with ∫ a φ(α|a−1|) da = 2ℓ/α (the odd part vanishes)
 * and ∫_{R²} φ(c M|y|) dy = 2πσ/(cM)²,
 *   A(0,0,0) = c_b M^{1−s} (1 + 1/M) · 4π² ℓ σ / (α c²),   ℓ = ∫_0^1 φ(r) dr,  σ = ∫_0^1 r φ(r) dr,
 * and Λ(T*,0,0) = ∫_0^{T*} A dτ with T* = c_T M^{s−1} ln ln M gives
 *   ‖f_r(T*)‖/‖f_r(0)‖ ≈ e^{−Λ(T*,0,0)} = (ln M)^{−γ(M)},   γ(M) → γ∞ = c_T c_b · 4π² ℓ σ / (α c²)
 * = c_T c_b · π L_φ S_φ / (α c²) with the cutoff's line integral L_φ = ∫_R φ(|y|) dy = 2ℓ and
 * cross-section integral S_φ = ∫_{R²} φ(|y|) dy = 2πσ. R (the core radius factor), c_r, s0 and p do
 * not enter: they scale ‖f_r(T*)‖ and ‖f_r(0)‖ alike.
 *
 * The finite-M corrections, from the Taylor expansions φ(y) = 1 + φ''(0) y²/2 + O(y⁴) and
 * √(a² + ρ²r²) = a + ρ²r²/(2a) + O(ρ⁴), ρ = 1/(cM):
 *   γ(M) = γ∞ (1 + 1/M) (1 + κ₂ T*² + κ_ρ ρ² + O(T*⁴ + ρ⁴)),
 *   κ₂ = (φ''(0)/6) (1 + 3 m_y/α² + m_r/c²),  κ_ρ = m_r ⟨1/a⟩ / 2,
 * m_y = ∫_0^1 y²φ / ℓ, m_r = ∫_0^1 r³φ / σ, ⟨1/a⟩ = (1/2ℓ)∫_{−1}^{1} φ(|y|)/(1 + y/α) dy.
 * (For `plateau`, φ ≡ 1 on [0, 1/2]: κ₂ = 0 and the τ-correction vanishes identically once
 * (1 + 1/α) T* ≤ 1/2 and T* / c ≤ 1/2.)
 */
export interface CutoffLineIntegrals {
  /** ℓ = ∫_0^1 φ(r) dr (half the line integral ∫_R φ(|y|) dy). */
  readonly line: Estimate;
  /** σ = ∫_0^1 r φ(r) dr (the cross-section integral ∫_{R²} φ(|y|) dy over 2π). */
  readonly crossSection: Estimate;
  /** m_y = ∫_0^1 y² φ / ℓ. */
  readonly lineSecondMoment: number;
  /** m_r = ∫_0^1 r³ φ / σ. */
  readonly crossSectionSecondMoment: number;
  /** φ''(0). */
  readonly curvature: number;
}

/** ∫_0^1 f by Gauss–Legendre on [0, ½] ∪ [½, 1], 48 and 96 nodes per piece; error = difference. */
function integrate01(f: (r: number) => number): Estimate {
  const at = (n: number) => {
    const x = new Float64Array(n);
    const w = new Float64Array(n);
    let s = 0;
    for (const [lo, hi] of [
      [0, 0.5],
      [0.5, 1],
    ]) {
      leftAnchoredRule(n, lo, 0.5 * (hi - lo), x, w);
      for (let i = 0; i < n; i++) s += w[i] * f(x[i]);
    }
    return s;
  };
  const coarse = at(48);
  const fine = at(96);
  return estimate(
    fine,
    Math.abs(fine - coarse) + 4 * Number.EPSILON * Math.abs(fine),
    "quadrature",
    "Gauss–Legendre 2×96 on [0, 1] (vs 2×48)",
  );
}

/** The cutoff's line and cross-section integrals and the moments of the finite-M corrections. */
export function cutoffLineIntegrals(cutoff: Cutoff): CutoffLineIntegrals {
  return perCutoff(cutoff, "line-integrals", () => {
    const { phi, d2phi } = cutoff;
    const line = integrate01(phi);
    const crossSection = integrate01((r) => r * phi(r));
    const out: CutoffLineIntegrals = {
      line,
      crossSection,
      lineSecondMoment: integrate01((y) => y * y * phi(y)).value / line.value,
      crossSectionSecondMoment: integrate01((r) => r ** 3 * phi(r)).value / crossSection.value,
      curvature: d2phi(0),
    };
    return out;
  });
}

/** The constants that enter the law: c_b, c_T, α and the transverse factor c (resolved from the variant). */
export interface DeflationLawConstants {
  readonly beamAmplitude: number;
  readonly timeFactor: number;
  readonly bumpAxial: number;
  readonly bumpTransverse: number;
}

/** Resolve c_⊥ from the variant when the constants leave it open. */
export function lawConstants(
  constants: ConstructionConstants,
  variant: Variant,
): DeflationLawConstants {
  return {
    beamAmplitude: constants.beamAmplitude,
    timeFactor: constants.timeFactor,
    bumpAxial: constants.bumpAxial,
    bumpTransverse: constants.bumpTransverse ?? bumpWidthFactor(variant),
  };
}

/**
 * The axial speed moment of a kernel Φ(r) = r^γ over a bump (docs/kernels.md):
 *   μ_γ = ∫ a^γ φ(α|a − 1|) da / ∫ φ(α|a − 1|) da = (1/2ℓ) ∫_{−1}^{1} (1 + y/α)^γ φ(|y|) dy,
 * exactly 1 for γ = 0 and γ = 1 (the odd part vanishes), and the moment ratios of the finite-M
 * corrections ⟨a^{γ+2}⟩ = μ_{γ+2}/μ_γ, ⟨a^{γ−2}⟩ = μ_{γ−2}/μ_γ.
 */
export function axialSpeedMoment(cutoff: Cutoff, alpha: number, gamma: number): Estimate {
  const I = cutoffLineIntegrals(cutoff);
  if (gamma === 0 || gamma === 1)
    return estimate(1, 0, "closed-form", `μ_${gamma} = 1 (odd part of (1 + y/α)^γ vanishes)`);
  const m = integrate01(
    (y) => cutoff.phi(y) * ((1 + y / alpha) ** gamma + (1 - y / alpha) ** gamma),
  );
  const value = m.value / (2 * I.line.value);
  return estimate(
    value,
    m.error / (2 * I.line.value) + (value * I.line.error) / I.line.value,
    "quadrature",
    "μ_γ = (1/2ℓ)∫(1 + y/α)^γ φ(|y|) dy (Gauss–Legendre 2×96 vs 2×48)",
  );
}

/**
 * γ∞ = c_T c_b · 4π² ℓ σ / (α c²) (hard spheres), with the error propagated from ℓ and σ; for
 * another kernel (Remark 1.5; docs/kernels.md) γ∞ = c_T c_b · Ω · 2π ℓ σ μ_γ / (α c²) with
 * Ω = ∫_{S²} b dω (4π constant, 2π hard-sphere and vhs:γ) and μ_γ of {@link axialSpeedMoment}.
 */
export function deflationExponentLimit(
  cutoff: Cutoff,
  k: DeflationLawConstants,
  kernel: Kernel = hardSphere,
): Estimate {
  if (kernel.name !== "hard-sphere") return kernelExponentLimit(cutoff, k, kernel);
  const I = cutoffLineIntegrals(cutoff);
  const pref =
    (k.timeFactor * k.beamAmplitude * 4 * Math.PI * Math.PI) /
    (k.bumpAxial * k.bumpTransverse ** 2);
  const value = pref * I.line.value * I.crossSection.value;
  const error = pref * (I.line.error * I.crossSection.value + I.line.value * I.crossSection.error);
  return estimate(
    value,
    error,
    "closed-form",
    "γ∞ = c_T c_b 4π² ℓ σ/(α c²), ℓ = ∫₀¹φ, σ = ∫₀¹ rφ (Gauss–Legendre)",
  );
}

/** γ∞ for a kernel other than hard spheres (see {@link deflationExponentLimit}). */
function kernelExponentLimit(cutoff: Cutoff, k: DeflationLawConstants, kernel: Kernel): Estimate {
  const I = cutoffLineIntegrals(cutoff);
  const mu = axialSpeedMoment(cutoff, k.bumpAxial, kernel.gamma);
  const pref =
    (k.timeFactor * k.beamAmplitude * kernel.angularIntegral * 2 * Math.PI) /
    (k.bumpAxial * k.bumpTransverse ** 2);
  const value = pref * I.line.value * I.crossSection.value * mu.value;
  const error =
    pref *
    (I.line.error * I.crossSection.value * mu.value +
      I.line.value * I.crossSection.error * mu.value +
      I.line.value * I.crossSection.value * mu.error);
  return estimate(
    value,
    error,
    "closed-form",
    `γ∞ = c_T c_b Ω 2π ℓ σ μ_γ/(α c²), kernel ${kernel.name} (Ω = ${kernel.angularIntegral === 4 * Math.PI ? "4π" : "2π"}, γ = ${kernel.gamma}), ℓ = ∫₀¹φ, σ = ∫₀¹ rφ, μ_γ = (1/2ℓ)∫(1 + y/α)^γ φ`,
  );
}

export interface DeflationExpansion {
  /** γ∞. */
  readonly limit: number;
  /** κ₂, the coefficient of T*². */
  readonly kappaT: number;
  /** κ_ρ, the coefficient of ρ² = 1/(cM)². */
  readonly kappaRho: number;
  /** γ(M) to second order: γ∞ (1 + 1/M)(1 + κ₂T*² + κ_ρρ²). */
  readonly twoTerm: number;
  /** The stated asymptotic error of γ∞ as an approximation of γ(M): 2(1/M + |κ₂|T*² + κ_ρρ²). */
  readonly limitError: number;
  readonly Tstar: number;
}

/**
 * The expansion of γ(M) = Λ(T*,0,0)/ln ln M at one M (M given by ln M, so any M can be asked).
 * `limitError` is the error the docs state for γ∞ at finite M: twice the first-order terms, valid
 * while T* ≤ 0.1 (there the neglected O(T*⁴) term is below the T*² term's size times 0.1·sup|φ⁗|/|φ''|).
 */
export function deflationExpansion(
  cutoff: Cutoff,
  k: DeflationLawConstants,
  lnM: number,
  s: number,
  kernel: Kernel = hardSphere,
): DeflationExpansion {
  const I = cutoffLineIntegrals(cutoff);
  const limit = deflationExponentLimit(cutoff, k, kernel).value;
  const a = k.bumpAxial;
  const c = k.bumpTransverse;
  let kappaT: number;
  let kappaRho: number;
  if (kernel.name === "hard-sphere") {
    kappaT =
      (I.curvature / 6) *
      (1 + (3 * I.lineSecondMoment) / (a * a) + I.crossSectionSecondMoment / (c * c));
    const invA =
      integrate01((y) => cutoff.phi(y) * (1 / (1 + y / a) + 1 / (1 - y / a))).value /
      (2 * I.line.value);
    kappaRho = (I.crossSectionSecondMoment * invA) / 2;
  } else {
    // weight a^γ (1 + γρ²r²/(2a²)): κ₂ = (φ''(0)/6)(⟨a^{γ+2}⟩ + m_r/c²), κ_ρ = γ m_r ⟨a^{γ−2}⟩/2
    const g = kernel.gamma;
    const mu = axialSpeedMoment(cutoff, a, g).value;
    const up = axialSpeedMoment(cutoff, a, g + 2).value / mu;
    const down = axialSpeedMoment(cutoff, a, g - 2).value / mu;
    kappaT = (I.curvature / 6) * (up + I.crossSectionSecondMoment / (c * c));
    kappaRho = (g * I.crossSectionSecondMoment * down) / 2;
  }
  const Tstar = k.timeFactor * Math.exp((s - 1) * lnM) * Math.log(lnM);
  const invM = Math.exp(-lnM);
  const rho2 = (invM / c) ** 2;
  const twoTerm = limit * (1 + invM) * (1 + kappaT * Tstar * Tstar + kappaRho * rho2);
  const limitError =
    2 * limit * (invM + Math.abs(kappaT) * Tstar * Tstar + Math.abs(kappaRho) * rho2);
  return { limit, kappaT, kappaRho, twoTerm, limitError, Tstar };
}

/** The law's prediction of ‖f_r(T*)‖/‖f_r(0)‖ = (ln M)^{−γ}, with γ = γ∞ (`order` 0) or the two-term γ(M). */
export function predictedDeflation(
  cutoff: Cutoff,
  k: DeflationLawConstants,
  lnM: number,
  s: number,
  order: 0 | 2 = 2,
  kernel: Kernel = hardSphere,
): number {
  const e = deflationExpansion(cutoff, k, lnM, s, kernel);
  return Math.exp(-(order === 0 ? e.limit : e.twoTerm) * Math.log(lnM));
}
