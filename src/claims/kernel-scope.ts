import type { ClaimContext } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";
import { CLAIM_TITLES } from "./claim-titles.ts";

/**
 * Which claim checks mean something for a kernel other than hard spheres (Remark 1.5;
 * docs/kernels.md). Keyed by the first id of each check of the registry.
 *
 * - `kernel-free`: the statement is about the lattice, the tubes or the beam f_b only; no kernel
 *   enters, and the numbers are those of hard spheres.
 * - `computed`: the statement is about A[f_b] or the core f_r = e^{−∫A[f_b]}…, and boltzlab computes it
 *   with the kernel asked for. The paper's argument, (2.32)–(2.35), uses |u − v| ∼ 1 for |v| ≤ 1/N
 *   and u in a bump, which holds for Φ(r) = r^γ, any γ, with r ∈ [1 − 1/α − 1/N, 1 + 1/α + ρ].
 * - `not-stated`: the statement (or its proof) uses the hard-sphere kernel itself — the weight loss
 *   |u − v| ≤ ⟨u⟩⟨v⟩ of Proposition 3.1, A[f_b] along characteristics with |v| ∼ 1 — and boltzlab does
 *   not compute it for another kernel. The result then carries the verdict `not-stated` and says
 *   what the paper's argument gives.
 */
export type KernelScope = "kernel-free" | "computed" | "not-stated";

const SCOPE: Readonly<Record<string, KernelScope>> = {
  "1.9": "kernel-free",
  "2.10": "kernel-free",
  "2.11": "kernel-free",
  "2.12": "kernel-free",
  "2.23": "kernel-free",
  "2.24": "kernel-free",
  "2.25": "kernel-free",
  "2.26": "kernel-free",
  "2.29": "kernel-free",
  "2.30": "computed",
  "2.31": "computed",
  "2.34": "kernel-free",
  "2.35": "kernel-free",
  "2.36": "computed",
  "T*<=1/4": "kernel-free",
  "3.4": "not-stated",
  "4.4": "not-stated",
  "4.25": "not-stated",
  "5.11": "not-stated",
  "3.5-fb": "not-stated",
  "3.5-construction": "not-stated",
};

const PROPOSITION_3_1 =
  "Proposition 3.1 is the hard-sphere bilinear estimate: its weight loss (L^{1,1}_v, e^{(1−κt)⟨v⟩²}) comes from |u − v| ≤ ⟨u⟩⟨v⟩. The paper's argument gives, for the constant kernel, Q⁻(f,g) = 4π f ∫g du, i.e. (3.5) with L¹_v in place of L^{1,1}_v and no weight loss (a stronger estimate); for vhs:γ with 0 < γ < 1 a loss ⟨v⟩^γ; for γ < 0 no bound by ‖g‖_{L¹_v} at all (|u − v|^γ is singular at u = v: A_γ[f_r]/(Ω‖f_r‖_{L¹_v}) grows like N^{−γ}, docs/kernels.md §4), so an L^p_v norm, p > 3/(3+γ), would be needed. Not computed for this kernel";

const REASONS: Readonly<Record<string, string>> = {
  "3.4": PROPOSITION_3_1,
  "3.5-fb": PROPOSITION_3_1,
  "3.5-construction": PROPOSITION_3_1,
  "4.4":
    "Lemma 4.2: (4.4), the Z-norm of f_b, involves no kernel (its numbers are those of --kernel hard-sphere); (4.5), (4.6), (4.18), (4.19) use Λ = ∫A[f_b] only through (2.30)/(2.31), which the paper's argument gives for every kernel with Φ(r) ∼ 1 on the bumps (checked here by the claims 2.30, 2.31), so the same rates follow with the kernel's constants. The Z-norm of the core is computed for hard spheres only",
  "4.25":
    "(4.25) integrates A[f_b] along characteristics through the beam, where |u − v| is not ∼ 1 (for vhs:γ with γ < 0 the kernel is singular at u = v); the paper states it for hard spheres only. Not computed for this kernel",
  "5.11":
    "Section 5's second solution g_a ≡ f_r(0) has the error Q(f_r(0), f_r(0)), whose loss part is f_r A[f_r]: tiny for hard spheres (∼ N^{−5/2}), but for vhs:γ it grows like M^{(3/2−s0)} N^{−3/2−γ} and stops decaying below γ_c = −3/2 + (1/2 − s0 + s)/p (docs/kernels.md §4). Not computed for this kernel",
};

/** The scope of the check whose first id is `checkId` (`kernel-free` for ids not listed). */
export function kernelScope(checkId: string): KernelScope {
  return SCOPE[checkId] ?? "kernel-free";
}

/** Whether the check runs for `kernel` (absent or `hard-sphere`: every check runs). */
export function kernelComputes(checkId: string, kernel: string | undefined): boolean {
  if (kernel === undefined || kernel === "hard-sphere") return true;
  return kernelScope(checkId) !== "not-stated";
}

/**
 * One `not-stated` result per id of a check that is not computed for the context's kernel: no
 * number, the verdict `not-stated`, and what the paper's argument gives for that kernel.
 */
export function notStatedResults(ids: readonly string[], ctx: ClaimContext): ClaimResult[] {
  const reason = REASONS[ids[0]] ?? "stated by the paper for hard spheres only";
  return ids.map((id) => ({
    id,
    title: CLAIM_TITLES[id] ?? id,
    statement: `(${id}) as stated for the hard-sphere kernel`,
    cutoff: ctx.cutoff,
    variant: ctx.variant,
    verdict: "not-stated",
    reason: `not stated by the paper for the ${ctx.kernel} kernel. ${reason}.`,
    measurements: [],
    method: `not computed (kernel ${ctx.kernel})`,
  }));
}
