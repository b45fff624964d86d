import type { Kernel } from "../../kinetic/kernel.ts";

/**
 * The normalization of a kernel as every output states it (docs/kernels.md): B(u − v, ω) and the
 * collision frequency A[g] = ∫∫ g(u) B dω du it gives, with ω over the whole sphere S²:
 * hard-sphere B = |(u − v)·ω|, A = 2π∫|u − v| g; constant B ≡ 1, A = 4π∫g;
 * vhs:γ B = |u − v|^γ |cos θ|, A = 2π∫|u − v|^γ g (vhs:1 is hard-sphere exactly).
 */
export function kernelNormalization(kernel: Kernel): string {
  if (kernel.name === "hard-sphere") return "B = |(u−v)·ω|, A[g] = 2π ∫ |u−v| g du";
  if (kernel.name === "constant") return "B ≡ 1, A[g] = 4π ∫ g du";
  return `B = |u−v|^${kernel.gamma} |cos θ|, A[g] = 2π ∫ |u−v|^${kernel.gamma} g du`;
}
