/**
 * The four parts of the Z-norm (3.3), each with its M-prefactor included:
 *   L2       = M^{s0}   ‖·‖_{L^{2,1}_v L^2_x}
 *   gradL2   = M^{s0−1} ‖∇x ·‖_{L^{2,1}_v L^2_x}
 *   Linf     =          ‖·‖_{L^{1,1}_v L^∞_x}
 *   gradLinf = M^{−1}   ‖∇x ·‖_{L^{1,1}_v L^∞_x}
 * with ‖f‖_{L^{p,1}_v} = ‖⟨v⟩ f‖_{L^p_v} (docs/design.md) and |∇x f| the Euclidean norm of the gradient.
 */
export const Z_PARTS = ["L2", "gradL2", "Linf", "gradLinf"] as const;
/** One of the four parts of the Z-norm (3.3): `L2`, `gradL2`, `Linf`, `gradLinf`. */
export type ZPart = (typeof Z_PARTS)[number];

/** The formula of each Z-norm part (3.3) with its M-prefactor, for tables and reports. */
export const Z_PART_LABELS: Readonly<Record<ZPart, string>> = {
  L2: "M^{s0} ‖·‖_{L^{2,1}_v L^2_x}",
  gradL2: "M^{s0−1} ‖∇x·‖_{L^{2,1}_v L^2_x}",
  Linf: "‖·‖_{L^{1,1}_v L^∞_x}",
  gradLinf: "M^{−1} ‖∇x·‖_{L^{1,1}_v L^∞_x}",
};

/** The M-prefactor of a Z-norm part (3.3). */
export function zPartPrefactor(part: ZPart, M: number, s0: number): number {
  switch (part) {
    case "L2":
      return M ** s0;
    case "gradL2":
      return M ** (s0 - 1);
    case "Linf":
      return 1;
    case "gradLinf":
      return 1 / M;
  }
}
