import { coreSelfFrequency } from "../construction/core/core-self-frequency.ts";
import {
  axialSpeedMoment,
  deflationExpansion,
  deflationExponentLimit,
  lawConstants,
} from "../construction/core/deflation-law.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import { kernelNormalization } from "../construction/parameters/kernel-normalization.ts";
import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { computedDeflation } from "./deflation-law.ts";
import { normBeam } from "./theorem-1-1.ts";
import { type Criterion, type ThresholdResult, threshold } from "./thresholds.ts";

/**
 * The construction of Theorem 1.1 under several kernels side by side (Remark 1.5;
 * docs/kernels.md): the deflation law's closed-form limit γ∞ and its finite-M coefficients, the
 * computed deflation ‖f_r(T*)‖/‖f_r(0)‖ along M, the thresholds of the separation, and the
 * soft-potential diagnosis — the core's own collision frequency against the beam's
 * (core-self-frequency.ts). The report chapter (report/kernels.ts) and the explorer's view 5 show it.
 */
export interface KernelComparisonOptions {
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants?: Partial<ConstructionConstants>;
  /** Kernel names (default {@link DEFAULT_COMPARED_KERNELS}). */
  readonly kernels?: readonly string[];
  /** log10 M of the deflation rows (default 3, 6, 9, 12). */
  readonly log10Ms?: readonly number[];
  /** Thresholds for these kernels (default: none; each costs a few seconds). */
  readonly thresholdKernels?: readonly string[];
}

/** The kernels compared by default: the paper's, Remark 1.5's constant kernel, VHS hard and soft. */
export const DEFAULT_COMPARED_KERNELS: readonly string[] = [
  "hard-sphere",
  "constant",
  "vhs:0.5",
  "vhs:0",
  "vhs:-1",
  "vhs:-1.5",
  "vhs:-2",
];

/** One M of a kernel's entry: the computed deflation and the core's self-collision numbers. */
export interface KernelComparisonRow {
  readonly M: number;
  readonly Tstar: number;
  /** ‖f_r(T*)‖/‖f_r(0)‖ computed (core-norm.ts), value and error. */
  readonly deflation: { readonly value: number; readonly error: number };
  /** γ(M) = −ln(deflation)/ln ln M computed. */
  readonly gamma: { readonly value: number; readonly error: number };
  /** γ(M) from the two-term expansion of the law. */
  readonly gammaTwoTerm: number;
  /** log10 of ϱ = A[f_r(0)](0,0,0)/A[f_b](0,0,0) (the neglected core–core loss over the kept one). */
  readonly log10CoreOverBeam: number;
  /** log10(T* A[f_r(0)](0,0,0)), the core's self-deflation exponent (≪ 0: negligible). */
  readonly log10SelfExponent: number;
}

/** One kernel of {@link kernelComparison}: the law, the soft-potential diagnosis, rows and thresholds. */
export interface KernelComparisonEntry {
  readonly kernel: string;
  readonly normalization: string;
  readonly gamma: number;
  /** γ∞ (closed form) with its error. */
  readonly gammaLimit: { readonly value: number; readonly error: number };
  /** μ_γ of the law (1 for γ = 0, 1). */
  readonly axialMoment: number;
  /** κ₂ and κ_ρ of γ(M) = γ∞(1 + 1/M)(1 + κ₂T*² + κ_ρρ²). */
  readonly kappaT: number;
  readonly kappaRho: number;
  /** The M-exponent of ϱ and of T* A[f_r] (without ln ln M), and γ_c. */
  readonly selfExponentInM: number;
  readonly criticalGamma: number;
  /** Whether the neglected core–core loss decays as M → ∞ (γ > γ_c). */
  readonly coreSelfDecays: boolean;
  /** log10 of A_γ[f_r(0)](0)/(Ω ‖f_r(0)(0,·)‖_{L¹_v}) at the largest M: > 0 means A[g] ≲ ‖g‖_{L¹} fails. */
  readonly log10L1Excess: number;
  /** ln ln M* = ln 2/γ∞ of the strong criterion's asymptotic law, as log10 log10 M*. */
  readonly strongLog10Log10M: number;
  readonly rows: readonly KernelComparisonRow[];
  readonly thresholds?: Readonly<Record<Criterion, ThresholdResult>>;
}

/** The result of {@link kernelComparison}: the options and one entry per kernel. */
export interface KernelComparison {
  readonly options: KernelComparisonOptions;
  readonly entries: readonly KernelComparisonEntry[];
}

const SEARCH = { gridStep: 1, relTol: 1e-3 } as const;

/** One kernel's entry of {@link kernelComparison}. */
export function kernelEntry(kernel: string, o: KernelComparisonOptions): KernelComparisonEntry {
  const beam0 = normBeam(4, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, kernel);
  const k = beam0.params.kernel;
  const chi = cutoffByName(o.cutoff);
  const law = lawConstants(beam0.params.constants, o.variant);
  const limit = deflationExponentLimit(chi, law, k);
  const log10Ms = o.log10Ms ?? [3, 6, 9, 12];
  const opts = {
    s: o.s,
    s0: o.s0,
    p: o.p,
    cutoff: o.cutoff,
    variant: o.variant,
    constants: o.constants,
    kernel,
  };
  let lastSelf = coreSelfFrequency(beam0);
  const rows = log10Ms.map((l): KernelComparisonRow => {
    const M = Math.round(10 ** l);
    const d = computedDeflation(M, opts);
    const self = coreSelfFrequency(
      normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, kernel),
    );
    lastSelf = self;
    return {
      M,
      Tstar: d.Tstar,
      deflation: { value: d.deflation.value, error: d.deflation.error },
      gamma: { value: d.gamma.value, error: d.gamma.error },
      gammaTwoTerm: d.expansion.twoTerm,
      log10CoreOverBeam: self.lnRatio.value / Math.LN10,
      log10SelfExponent: self.lnSelfExponent.value / Math.LN10,
    };
  });
  const exp = deflationExpansion(chi, law, Math.log(1e6), o.s, k);
  const lnlnM = Math.log(2) / limit.value;
  const withThresholds = (o.thresholdKernels ?? []).includes(kernel);
  return {
    kernel: k.name,
    normalization: kernelNormalization(k),
    gamma: k.gamma,
    gammaLimit: { value: limit.value, error: limit.error },
    axialMoment: axialSpeedMoment(chi, law.bumpAxial, k.gamma).value,
    kappaT: exp.kappaT,
    kappaRho: exp.kappaRho,
    selfExponentInM: lastSelf.ratioExponent,
    criticalGamma: lastSelf.criticalGamma,
    coreSelfDecays: lastSelf.ratioExponent < 0,
    log10L1Excess: lastSelf.lnL1Excess / Math.LN10,
    strongLog10Log10M: (lnlnM - Math.log(Math.LN10)) / Math.LN10,
    rows,
    ...(withThresholds
      ? {
          thresholds: {
            weak: threshold("weak", opts, SEARCH),
            strong: threshold("strong", opts, SEARCH),
          },
        }
      : {}),
  };
}

/** Every kernel of `o.kernels` side by side (see the module comment). */
export function kernelComparison(o: KernelComparisonOptions): KernelComparison {
  const kernels = o.kernels ?? DEFAULT_COMPARED_KERNELS;
  return { options: o, entries: kernels.map((k) => kernelEntry(k, o)) };
}
