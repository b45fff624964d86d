import { RuleError } from "../../math/errors.ts";
import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";
import type { BasicWeight } from "./beam-norm.ts";

/**
 * The velocity average of one term of the beam (2.4), the object of (2.26) and (2.28):
 *   G_e(t, x) = ∫ w(v) I_e(v) Ψ(x − v t) dv,   w = e^{⟨v⟩²} (or 1),
 * for Ψ = K_e (order 0) and for the two parts of |∇K_e| (order 1):
 *   |∇K| ≤ |∇⊥K| + |∂_a K|,  |∇⊥K|(y) = M|φ'|(M|P⊥y|) φ(|Py|),  |∂_a K|(y) = φ(M|P⊥y|) |φ'|(|Py|),
 * with |∇K| ≥ |∇⊥K| (the two components are orthogonal).
 *
 * In the frame of e, v = b e + v⊥ with |v⊥| = ρ; I = φ(ρ/ρ_b) φ(α|b − 1|) (velocity-bumps.ts) and
 * e^{⟨v⟩²} = e^{1+b²} e^{ρ²}. Every Ψ above is a product of a function of P⊥y and one of P y, so the
 * average factorizes exactly:
 *   G(x) = R(|P⊥x|) A(e·x),
 *   R(r) = ∫_{R²} e^{ρ²} φ(ρ/ρ_b) Ψ⊥(M|x⊥ − t v⊥|) dv⊥,       (|x⊥| = r)
 *   A(a) = ∫ e^{1+b²} φ(α|b − 1|) Ψ∥(|a − t b|) db,
 * Ψ⊥, Ψ∥ ∈ {φ, |φ'|}. With v⊥ = ρ_b σ (cos ψ, sin ψ) and τ = t M ρ_b,
 *   R(r) = ρ_b² ∫_0^1 σ e^{ρ_b²σ²} φ(σ) ∫_0^{2π} Ψ⊥(√((Mr)² + τ²σ² − 2 M r τ σ cos ψ)) dψ dσ.
 * Quadrature: Gauss–Legendre in σ and b, the trapezoid rule in ψ (even and periodic: spectral).
 * At t = 0 both reduce to the closed shapes R = c_⊥ Ψ⊥(M r), A = c_∥ Ψ∥(|a|).
 */
export type ProfileOrder = 0 | 1;

export interface AveragedTube {
  /** R(r) with Ψ⊥ = φ (order 0) or |φ'| (order 1). */
  radial(r: number, order: ProfileOrder): number;
  /** A(a) with Ψ∥ = φ (order 0) or |φ'| (order 1). */
  axial(a: number, order: ProfileOrder): number;
  /** R vanishes for r ≥ rMax = (1 + τ)/M. */
  readonly rMax: number;
  /** A vanishes outside (aMin, aMax) = ((1 − 1/α)t − 1, (1 + 1/α)t + 1) (α = 10: (0.9t − 1, 1.1t + 1)). */
  readonly aMin: number;
  readonly aMax: number;
  readonly t: number;
}

export interface AveragedTubeResolution {
  /** Gauss–Legendre nodes in σ (radial profile). */
  readonly nSigma: number;
  /** Trapezoid intervals in ψ ∈ [0, π]. */
  readonly nPsi: number;
  /** Gauss–Legendre nodes in b (axial profile). */
  readonly nB: number;
}

export const DEFAULT_AVERAGED_TUBE_RESOLUTION: AveragedTubeResolution = {
  nSigma: 24,
  nPsi: 32,
  nB: 24,
};

export function averagedTube(
  beam: Beam,
  t: number,
  weight: BasicWeight,
  res: AveragedTubeResolution = DEFAULT_AVERAGED_TUBE_RESOLUTION,
): AveragedTube {
  if (!(t >= 0 && Number.isFinite(t)))
    throw new RuleError("t must be a finite number >= 0", `got ${t}`);
  const { M } = beam.params;
  const { phi, dphi } = beam.cutoff;
  const rhoB = bumpRadius(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const tau = t * M * rhoB;
  const gauss = weight === "gaussian";
  const psi: (order: ProfileOrder, r: number) => number = (order, r) =>
    order === 0 ? phi(r) : Math.abs(dphi(r));
  // σ-rule with its weights σ e^{ρ_b²σ²} φ(σ), folded once
  const gs = mappedRule(res.nSigma, 0, 1);
  const sig = new Float64Array(res.nSigma);
  const sigW = new Float64Array(res.nSigma);
  for (let i = 0; i < res.nSigma; i++) {
    const s = gs.nodes[i];
    sig[i] = s;
    sigW[i] = gs.weights[i] * s * (gauss ? Math.exp(rhoB * rhoB * s * s) : 1) * phi(s);
  }
  let sigmaMass = 0;
  for (let i = 0; i < res.nSigma; i++) sigmaMass += sigW[i];
  const cosPsi = new Float64Array(res.nPsi + 1);
  const psiW = new Float64Array(res.nPsi + 1);
  for (let j = 0; j <= res.nPsi; j++) {
    cosPsi[j] = Math.cos((Math.PI * j) / res.nPsi);
    psiW[j] = ((j === 0 || j === res.nPsi ? 0.5 : 1) * 2 * Math.PI) / res.nPsi;
  }
  const gb = gaussLegendre(res.nB);
  const bNode = new Float64Array(res.nB);
  const bW = new Float64Array(res.nB);
  for (let i = 0; i < res.nB; i++) {
    const b = 1 + h * gb.nodes[i];
    bNode[i] = b;
    bW[i] = h * gb.weights[i] * (gauss ? Math.exp(1 + b * b) : 1) * phi(alpha * Math.abs(b - 1));
  }
  let bMass = 0;
  for (let i = 0; i < res.nB; i++) bMass += bW[i];
  const rMax = (1 + tau) / M;
  return {
    rMax,
    aMin: (1 - h) * t - 1,
    aMax: (1 + h) * t + 1,
    t,
    radial(r, order) {
      if (r >= rMax) return 0;
      const x = M * r;
      if (tau === 0) return rhoB * rhoB * 2 * Math.PI * sigmaMass * psi(order, x);
      let total = 0;
      for (let i = 0; i < sig.length; i++) {
        const ts = tau * sig[i];
        const c0 = x * x + ts * ts;
        const c1 = 2 * x * ts;
        let inner = 0;
        for (let j = 0; j < cosPsi.length; j++)
          inner += psiW[j] * psi(order, Math.sqrt(Math.max(0, c0 - c1 * cosPsi[j])));
        total += sigW[i] * inner;
      }
      return rhoB * rhoB * total;
    },
    axial(a, order) {
      if (t === 0) return bMass * psi(order, Math.abs(a));
      let total = 0;
      for (let i = 0; i < bNode.length; i++)
        total += bW[i] * psi(order, Math.abs(a - t * bNode[i]));
      return total;
    },
  };
}

/**
 * A profile on [lo, hi] replaced by its cubic (Catmull–Rom) interpolant on n + 1 equispaced nodes
 * (zero outside): for brute-force checks that evaluate a profile millions of times. The error is
 * O(h⁴ max|f''''|); callers compare two n to see it.
 */
export function tabulateProfile(
  f: (x: number) => number,
  lo: number,
  hi: number,
  n: number,
): (x: number) => number {
  const h = (hi - lo) / n;
  const vals = new Float64Array(n + 3);
  for (let i = -1; i <= n + 1; i++) vals[i + 1] = f(lo + i * h);
  return (x: number) => {
    if (x <= lo || x >= hi) return x === lo ? vals[1] : 0;
    const s = (x - lo) / h;
    const i = Math.min(n - 1, Math.floor(s));
    const u = s - i;
    const p0 = vals[i];
    const p1 = vals[i + 1];
    const p2 = vals[i + 2];
    const p3 = vals[i + 3];
    return (
      p1 + 0.5 * u * (p2 - p0 + u * (2 * p0 - 5 * p1 + 4 * p2 - p3 + u * (3 * (p1 - p2) + p3 - p0)))
    );
  };
}
