/**
 * The L²_v H^s_x inner product with the core f_r(0) = c_r M^{3/2−s0}N^{3/2} χ(λx)χ(Nv) (λ = RM) as a
 * linear functional of a particle measure:
 *   ⟨h, f_r(0)⟩_{L²_v H^s_x} = ∫∫ h(x, v) c_r M^{3/2−s0}N^{3/2} χ(Nv) Φ_λ(x) dx dv,
 *   Φ_λ = (1 − Δ)^s χ(λ·),  Φ_λ(x) = √(2/π) ∫₀^∞ q² (1 + λ²q²)^s φ̂(q) sinc(qλ|x|) dq
 * (docs/design.md's unitary Fourier convention, φ̂ = {@link radialTransform3}), by composite
 * Gauss–Legendre on [0, K] (K = 320, 16 nodes per unit-2 panel; φ̂ of the cutoff decays faster than
 * any power). Parseval: ⟨χ(λ·), Φ_λ⟩_{L²} = ‖χ(λ·)‖²_{H^s} (tested against
 * {@link radialSobolevNormSquared}).
 */
import { radialTransform3 } from "../../../kinetic/radial-sobolev.ts";
import { gaussLegendre } from "../../../math/gauss-legendre.ts";
import type { PaperEnvelope } from "./paper-envelope.ts";

/** Φ_λ(|x|) for a radial cutoff profile φ (see the file comment). */
export function besselPotential(
  phi: (r: number) => number,
  s: number,
  lambda: number,
  K = 320,
): (r: number) => number {
  const panels = Math.ceil(K / 2);
  const { nodes, weights } = gaussLegendre(16);
  const n = panels * 16;
  const q = new Float64Array(n);
  const W = new Float64Array(n);
  const h = K / panels;
  for (let p = 0; p < panels; p++) {
    for (let i = 0; i < 16; i++) {
      const k = p * 16 + i;
      q[k] = p * h + 0.5 * h * (1 + nodes[i]);
      W[k] =
        Math.sqrt(2 / Math.PI) *
        0.5 *
        h *
        weights[i] *
        q[k] *
        q[k] *
        Math.exp(s * Math.log1p(lambda * lambda * q[k] * q[k])) *
        radialTransform3(phi, q[k], 224);
    }
  }
  return (r) => {
    const rho = lambda * r;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const z = q[k] * rho;
      sum += W[k] * (z < 1e-8 ? 1 : Math.sin(z) / z);
    }
    return sum;
  };
}

/** x ↦ c_r M^{3/2−s0}N^{3/2} Φ_λ(x) and v ↦ χ(Nv): the factors of the pairing with f_r(0). */
export interface CorePairing {
  /** ⟨δ_{(x,v)}, f_r(0)⟩_{L²_v H^{s0}_x} for one unit point mass. */
  at(x: ArrayLike<number>, v: ArrayLike<number>): number;
}

/** The pairing with f_r(0) in L²_v H^{s0}_x (s0 of the parameters). */
export function corePairing(env: PaperEnvelope): CorePairing {
  const { beam } = env;
  const Phi = besselPotential(beam.cutoff.phi, beam.params.s0, 1 / env.coreX);
  const amp = Math.exp(env.logCoreAmplitude);
  const phi = beam.cutoff.phi;
  return {
    at(x, v) {
      const cv = phi(Math.hypot(v[0], v[1], v[2]) / env.coreV);
      return cv === 0 ? 0 : amp * cv * Phi(Math.hypot(x[0], x[1], x[2]));
    },
  };
}
