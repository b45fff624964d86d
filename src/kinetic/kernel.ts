import { RuleError } from "../math/errors.ts";

/**
 * Collision kernels B(u − v, ω) in the ω-representation used by the paper (Section 1):
 *   Q⁺(f,g)(v) = ∫_{R³}∫_{S²} f(v*) g(u*) B(u − v, ω) dω du,
 *   v* = v − ((v − u)·ω) ω,  u* = u + ((v − u)·ω) ω,
 * with ω ranging over the whole sphere S² (each collision is counted for ω and −ω).
 *
 * A kernel factorises as B = Φ(|u − v|) · b(|cos θ|), cos θ = (u − v)·ω / |u − v|:
 * - `hard-sphere`: B = |(u − v)·ω| = |u − v| · |cos θ| (the paper's kernel, the default);
 * - `constant`:    B ≡ 1 (Remark 1.5);
 * - `vhs:γ`:       B = |u − v|^γ · |cos θ| (variable hard spheres; γ = 1 is hard-sphere).
 */
export interface Kernel {
  readonly name: string;
  /** Φ(r), the relative-speed factor. */
  readonly speed: (r: number) => number;
  /** b(c) for c = |cos θ| ∈ [0, 1], the angular factor. */
  readonly angular: (c: number) => number;
  /** ∫_{S²} b(|cos θ|) dω, so that the collision frequency is Φ(|u−v|)·this (closed form). */
  readonly angularIntegral: number;
  /** Exponent γ of Φ(r) = r^γ (0 for constant, 1 for hard spheres). */
  readonly gamma: number;
}

/** The paper's kernel B(u − v, ω) = |(u − v)·ω| = |u − v| |cos θ| (γ = 1; the default). */
export const hardSphere: Kernel = {
  name: "hard-sphere",
  speed: (r) => r,
  angular: (c) => c,
  angularIntegral: 2 * Math.PI,
  gamma: 1,
};

/** The constant kernel B ≡ 1 (Remark 1.5; Maxwell molecules with ∫_{S²} b = 4π). */
export const constantKernel: Kernel = {
  name: "constant",
  speed: () => 1,
  angular: () => 1,
  angularIntegral: 4 * Math.PI,
  gamma: 0,
};

/** B = |u − v|^γ |cos θ|, −3 < γ ≤ 1. */
export function variableHardSpheres(gamma: number): Kernel {
  if (!Number.isFinite(gamma) || gamma <= -3 || gamma > 1) {
    throw new RuleError("vhs exponent gamma must satisfy -3 < gamma <= 1", `got ${gamma}`);
  }
  return {
    name: `vhs:${gamma}`,
    speed: (r) => r ** gamma,
    angular: (c) => c,
    angularIntegral: 2 * Math.PI,
    gamma,
  };
}

/** Parse "hard-sphere" | "constant" | "vhs:GAMMA". */
export function kernelByName(name: string): Kernel {
  if (name === "hard-sphere") return hardSphere;
  if (name === "constant") return constantKernel;
  const m = /^vhs:(.+)$/.exec(name);
  if (m) {
    const g = Number(m[1]);
    if (m[1].trim() === "" || !Number.isFinite(g)) {
      throw new RuleError("vhs exponent gamma must be a finite number", `got "${m[1]}"`);
    }
    return variableHardSpheres(g);
  }
  throw new RuleError("kernel must be one of hard-sphere, constant, vhs:GAMMA", `got "${name}"`);
}
