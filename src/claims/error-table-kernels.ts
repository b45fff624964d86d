import { coreSelfFrequency } from "../construction/core/core-self-frequency.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { ERROR_TERMS, G_ERR_TERMS, type TableTermId } from "./error-table/error-term.ts";
import { normBeam } from "./theorem-1-1.ts";

/**
 * The error table (F_err (4.1), G_err (5.2)) and the bootstrap for a kernel other than hard spheres
 * (Remark 1.5; docs/kernels.md §3). The table's measures are hard-sphere computations, and the
 * bounds the paper compares them with (Proposition 3.1) are hard-sphere estimates; for another kernel
 * every entry is `not-stated`, with what the paper's argument gives for it. The core–core entries
 * carry the one number that decides them, computed for the kernel: the self-deflation exponent
 * T* A[f_r(0)](0, 0, 0) (core-self-frequency.ts), i.e. ∫_0^{T*} ‖Q⁻(f_r, f_r)‖ relative to ‖f_r‖
 * at the centre. It decays with M exactly when γ > γ_c = −3/2 + (1/2 − s0 + s)/p.
 */
export interface KernelTableEntry {
  readonly term: TableTermId;
  readonly status: "not-stated";
  /** What the paper's argument gives for this kernel. */
  readonly note: string;
  /** For the core–core terms: log10(T* A[f_r(0)](0,0,0)) at each M, with the M-exponent. */
  readonly coreSelf?: {
    readonly log10SelfExponent: readonly { M: number; value: number }[];
    readonly exponentInM: number;
    readonly criticalGamma: number;
    readonly decays: boolean;
  };
}

/** The construction the table is described for: s, s0, p, cutoff and variant (the paper's constants). */
export interface KernelTableOptions {
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
}

function noteOf(term: TableTermId, kernel: string): string {
  if (term === "v.grad(fr)" || term === "v.grad(fr0)")
    return "the transport error of f_r uses the kernel only through Λ = ∫A[f_b], i.e. through (2.30)/(2.31), which the paper's argument gives for every kernel (|u − v| ∼ 1 between core and beam): the same M-rates with the kernel's constant; not computed (the table's measures are hard-sphere code)";
  if (term === "Q-(fb,fb)" || term === "Q+(fb,fb)")
    return `beam–beam: the hard-sphere bound uses |u − v| ≤ 2.2 on the bumps; for ${kernel} the factor is Φ(|u − v|) with |u − v| ≥ (1 − 1/α − 2/c)/M between distinct bumps (2.23), so for γ < 0 it can reach M^{−γ} (and the bump's own self-collisions |u − v| → 0); Proposition 3.1 is not stated for this kernel; not computed`;
  if (term === "Q+(fr,fb)" || term === "Q-(fb,fr)" || term === "Q+(fb,fr)")
    return `beam–core: |u − v| ∈ [1 − 1/α − 1/N, 1 + 1/α + 1/N], so Φ(|u − v|) ∼ 1 for ${kernel} and the hard-sphere rates carry over with the kernel's constant (Ω/2π); not computed`;
  return `core–core: |u − v| ≤ 2/N, where the kernel decides everything; its loss part relative to f_r over [0, T*] is T* A[f_r(0)](0,0,0), computed below for ${kernel}`;
}

/** Every term of the chosen tables for `kernel`, with the core–core numbers at each M. */
export function errorTableKernelScope(
  kernel: string,
  terms: readonly TableTermId[],
  Ms: readonly number[],
  o: KernelTableOptions,
): KernelTableEntry[] {
  const coreSelf = () => {
    const pts = Ms.map((M) => {
      const b = normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, undefined, kernel);
      return { M, c: coreSelfFrequency(b) };
    });
    const c = pts[0].c;
    return {
      log10SelfExponent: pts.map(({ M, c }) => ({
        M,
        value: c.lnSelfExponent.value / Math.LN10,
      })),
      exponentInM: c.ratioExponent,
      criticalGamma: c.criticalGamma,
      decays: c.ratioExponent < 0,
    };
  };
  return terms.map((term) => {
    const core = term.includes("(fr,fr)") || term.includes("(fr0,fr0)");
    return {
      term,
      status: "not-stated" as const,
      note: `not stated by the paper for the ${kernel} kernel: ${noteOf(term, kernel)}`,
      ...(core ? { coreSelf: coreSelf() } : {}),
    };
  });
}

/** Every term of both tables, F_err's first. */
export const ALL_TABLE_TERMS: readonly TableTermId[] = [...ERROR_TERMS, ...G_ERR_TERMS];
