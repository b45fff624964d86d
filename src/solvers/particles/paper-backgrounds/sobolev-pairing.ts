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
import besselj0 from "@stdlib/math-base-special-besselj0";
import { bumpValue, forEachBumpAt } from "../../../construction/geometry/velocity-bumps.ts";
import {
  cosineTransform1,
  radialTransform2,
  radialTransform3,
} from "../../../kinetic/radial-sobolev.ts";
import { gaussLegendre } from "../../../math/quadrature/gauss-legendre.ts";
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

/**
 * (1 − Δ)^s K for the tube K(y) = φ(M|P⊥y|)φ(|e·y|) of (2.4), as a function of (|P⊥y|, e·y):
 *   (1 − Δ)^s K(y) = (2π)^{−3/2}·4π ∫₀^∞dk ∫₀^∞ p dp (1 + M²p² + k²)^s Φ₂(p) Φ₁(k) J₀(Mp|P⊥y|) cos(k e·y),
 * from K̂(ξ) = M^{−2}Φ₂(|ξ⊥|/M)Φ₁(ξ∥) (radial-sobolev.ts), composite Gauss–Legendre on [0, K]² (K = 80,
 * 16 nodes per unit-2 panel). With s = 0 it returns K itself (tested), and
 * ⟨K, (1 − Δ)^s K⟩ = ‖K‖²_{H^s} ({@link tubeSobolevNormSquared}, tested).
 */
export function tubeBesselPotential(
  phi: (r: number) => number,
  s: number,
  M: number,
  K = 80,
): (rPerp: number, axial: number) => number {
  const panels = Math.ceil(K / 2);
  const { nodes, weights } = gaussLegendre(16);
  const n = panels * 16;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const h = K / panels;
  for (let p = 0; p < panels; p++)
    for (let i = 0; i < 16; i++) {
      x[p * 16 + i] = p * h + 0.5 * h * (1 + nodes[i]);
      w[p * 16 + i] = 0.5 * h * weights[i];
    }
  const phi1 = Float64Array.from(x, (k) => cosineTransform1(phi, k, 96));
  const phi2 = Float64Array.from(x, (p) => radialTransform2(phi, p, 96));
  const W = new Float64Array(n * n);
  const c = (4 * Math.PI) / (2 * Math.PI) ** 1.5;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      W[a * n + b] =
        c * w[a] * w[b] * x[b] * (1 + M * M * x[b] * x[b] + x[a] * x[a]) ** s * phi2[b] * phi1[a];
  const j0 = new Float64Array(n);
  return (rPerp, axial) => {
    for (let b = 0; b < n; b++) j0[b] = besselj0(M * x[b] * rPerp);
    let total = 0;
    for (let a = 0; a < n; a++) {
      if (phi1[a] === 0) continue;
      let inner = 0;
      const row = a * n;
      for (let b = 0; b < n; b++) inner += W[row + b] * j0[b];
      total += inner * Math.cos(x[a] * axial);
    }
    return total;
  };
}

const ek = new Float64Array(3);

/**
 * ⟨δ_{(x,v)}, f_b(t)⟩_{L²_v H^{s0}_x} = c_b M^{1−s} Σ_k I_k(v) [(1 − Δ)^{s0} K_k](x − vt) for a unit point
 * mass (the bumps non-zero at v only).
 */
export function beamPairing(
  env: PaperEnvelope,
): (t: number, x: ArrayLike<number>, v: ArrayLike<number>) => number {
  const { beam } = env;
  const pot = tubeBesselPotential(beam.cutoff.phi, beam.params.s0, beam.params.M);
  const e = beam.lattice.e;
  return (t, x, v) => {
    let sum = 0;
    forEachBumpAt(beam.bump, v, (k) => {
      ek[0] = e[3 * k];
      ek[1] = e[3 * k + 1];
      ek[2] = e[3 * k + 2];
      const I = bumpValue(beam.bump, ek, v);
      if (I === 0) return;
      const y0 = x[0] - v[0] * t;
      const y1 = x[1] - v[1] * t;
      const y2 = x[2] - v[2] * t;
      const a = y0 * ek[0] + y1 * ek[1] + y2 * ek[2];
      const r = Math.sqrt(Math.max(0, y0 * y0 + y1 * y1 + y2 * y2 - a * a));
      sum += I * pot(r, a);
    });
    return beam.amplitude * sum;
  };
}
