import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { radialIntegralEstimate } from "../../math/quadrature/radial.ts";
import { planeIntegral } from "../geometry/core-profile-integrals.ts";
import type { Cutoff } from "../geometry/cutoff.ts";
import { perCutoff } from "../geometry/cutoff-constants.ts";

/**
 * The velocity profiles of Q±(f_r, f_r) (Lemma 4.4) after the reduction of f_r (core-decay.ts), and
 * the constants of Φ² = φ(|·|)² that their x-norms need; the error-table measures
 * (claims/error-table/core-core-terms.ts) assemble them. With V = N v, X = 100M x and χ_v = χ(N·):
 *   Q⁻(f_r,f_r)(τ,y,v) = f_r(v) A[f_r](v) = Amp² e^{−Λ(y,v)} χ(100My)² χ(V) 2π N⁻⁴ ∫|W − V| e^{−Λ(y,W/N)} χ(W) dW,
 *   Q⁺(f_r,f_r)(τ,y,v) = Amp² χ(100My)² N⁻⁴ Q⁺(e^{−Λ}χ, e^{−Λ}χ)(V)   (Q⁺(g(N·),h(N·))(v) = N⁻⁴Q⁺(g,h)(Nv)),
 * both within a factor e^{±2Δ} of Amp² E² χ(100My)² N⁻⁴ c(V) with
 *   c⁻(V) = 2π χ(V) a(|V|),  a(r) = ∫|W − V| χ(W) dW = 4π∫_0^1 φ(ρ) ρ² m(r, ρ) dρ,
 *   m(r, ρ) = r + ρ²/(3r) (r ≥ ρ), ρ + r²/(3ρ) (r < ρ) (the mean of |W − V| over |W| = ρ),
 *   c⁺(V) = q(|V|) = Q⁺(χ, χ)(V), supported in |V| ≤ √2 (energy conservation).
 * q is computed in the Carleman form (collision.ts): for hard spheres
 *   Q⁺(f,g)(v) = 2 ∫ dy |y|⁻¹ f(v + y) ∫_{w ⊥ y} g(v + w) dA(w),
 * and for radial g = φ(|·|) the plane integral is P(d) = 2π ∫_d^1 φ(ρ) ρ dρ at distance d = |v·ŷ| from 0,
 * so with y = ρ ω̂, cos∠(ω̂, v) = c:
 *   q(r) = 4π ∫_{−1}^{1} dc P(r|c|) ∫_0^∞ φ(√(r² + ρ² + 2rρc)) ρ dρ
 * (Gauss–Legendre in c on [−1,0], [0,1] and in ρ on the chord of the unit ball; refined until two
 * orders agree; checked against collision.ts `gainTerm` in the tests, and ∫q = ∫c⁻ (mass)).
 * The Duhamel integrand along the characteristic has y = x − (t−τ)v, i.e. X − s(τ)V with
 * s ≤ ε = 100M T* / N; so G(x, v) = Amp² N⁻⁴ c(V) ∫_{t0}^{t} E(τ)² Φ²(X − s(τ)V) dτ (1 ± (e^{2Δ}−1)),
 * Φ² = φ(|·|)², and the norms separate: ‖c‖_{L^r_V} × norms of Φ² × ∫E² (the shift bounded by
 * ‖∇Φ²‖, ‖∇²Φ²‖ and their sups; for L² the Minkowski bound makes the upper side exact). The sup
 * over x is exact (X = 0 for Φ², the maximizer of |(φ²)'| for the gradient), not sampled.
 */

const segX = new Float64Array(64);
const segW = new Float64Array(64);

/** a(r) = ∫_{R³} |W − V| φ(|W|) dW for |V| = r (Gauss–Legendre 64 on each side of ρ = r). */
export function meanSpeed(cutoff: Cutoff, r: number): number {
  const { phi } = cutoff;
  const seg = (lo: number, hi: number) => {
    if (hi <= lo) return 0;
    let s = 0;
    leftAnchoredRule(64, lo, 0.5 * (hi - lo), segX, segW);
    for (let i = 0; i < 64; i++) {
      const rho = segX[i];
      const m = r >= rho ? r + (rho * rho) / (3 * r) : rho + (r * r) / (3 * rho);
      s += segW[i] * phi(rho) * rho * rho * m;
    }
    return s;
  };
  const split = Math.min(1, Math.max(0, r));
  return 4 * Math.PI * (seg(0, split) + seg(split, 1));
}
/** q(r) = Q⁺(χ, χ)(V) for |V| = r at Gauss–Legendre order n (see the module comment). */
function gainRadialAt(cutoff: Cutoff, r: number, n: number): number {
  const { phi } = cutoff;
  const cX = new Float64Array(n);
  const cW = new Float64Array(n);
  const rX = new Float64Array(n);
  const rW = new Float64Array(n);
  let total = 0;
  for (const [c0, c1] of [
    [-1, 0],
    [0, 1],
  ] as const) {
    leftAnchoredRule(n, c0, 0.5 * (c1 - c0), cX, cW);
    for (let i = 0; i < n; i++) {
      const c = cX[i];
      const disc = 1 - r * r * (1 - c * c);
      if (disc <= 0) continue;
      const sq = Math.sqrt(disc);
      const lo = Math.max(0, -r * c - sq);
      const hi = -r * c + sq;
      if (hi <= lo) continue;
      const P = planeIntegral(phi, r * Math.abs(c), n);
      if (P === 0) continue;
      leftAnchoredRule(n, lo, 0.5 * (hi - lo), rX, rW);
      let inner = 0;
      for (let k = 0; k < n; k++) {
        const rho = rX[k];
        inner += rW[k] * phi(Math.sqrt(Math.max(0, r * r + rho * rho + 2 * r * rho * c))) * rho;
      }
      total += cW[i] * P * inner;
    }
  }
  return 4 * Math.PI * total;
}

/** q(r) = Q⁺(χ,χ)(|V| = r) with its error (orders 32, 48, 64, 96; last difference). */
export function gainRadial(cutoff: Cutoff, r: number): { value: number; error: number } {
  let prev = gainRadialAt(cutoff, r, 32);
  let err = Number.POSITIVE_INFINITY;
  for (const n of [48, 64, 96]) {
    const cur = gainRadialAt(cutoff, r, n);
    err = Math.abs(cur - prev);
    prev = cur;
    if (err <= 1e-10 * Math.abs(cur) + 1e-14) break;
  }
  return { value: prev, error: err };
}

/** ∫ over R³ of h(c(|V|)) for c supported in |V| ≤ R: 4π ∫_0^R h(c(r)) r² dr, GL n vs n/2. */
function radialOver(R: number, n: number, c: (r: number) => { value: number; error: number }) {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  leftAnchoredRule(n, 0, 0.5 * R, x, w);
  const vals: { r: number; w: number; c: number; e: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = x[i];
    const cv = c(r);
    vals.push({ r, w: w[i] * 4 * Math.PI * r * r, c: cv.value, e: cv.error });
  }
  return vals;
}

/** ‖c‖_{L¹}, ‖c‖_{L²} of c⁻ or c⁺ over V ∈ R³, with relative errors (cached per cutoff). */
export interface CoreCoreConstants {
  readonly C1: number;
  readonly C2: number;
  readonly relErr: number;
  /** Radius of the support of c in V. */
  readonly Vmax: number;
}

export function coreCoreConstants(cutoff: Cutoff, sign: "+" | "-"): CoreCoreConstants {
  return perCutoff(cutoff, `core-core:${sign}`, () => coreCoreConstantsOf(cutoff, sign));
}

function coreCoreConstantsOf(cutoff: Cutoff, sign: "+" | "-"): CoreCoreConstants {
  const Vmax = sign === "-" ? 1 : Math.SQRT2;
  const c =
    sign === "-"
      ? (r: number) => ({ value: 2 * Math.PI * cutoff.phi(r) * meanSpeed(cutoff, r), error: 0 })
      : (r: number) => gainRadial(cutoff, r);
  const sums = (n: number) => {
    let C1 = 0;
    let C2 = 0;
    let e1 = 0;
    let e2 = 0;
    for (const p of radialOver(Vmax, n, c)) {
      C1 += p.w * p.c;
      C2 += p.w * p.c * p.c;
      e1 += p.w * p.e;
      e2 += p.w * 2 * Math.abs(p.c) * p.e;
    }
    return { C1, C2, e1, e2 };
  };
  const a = sums(48);
  const b = sums(24);
  const relErr = Math.max(
    (Math.abs(a.C1 - b.C1) + a.e1) / a.C1,
    (Math.abs(a.C2 - b.C2) + a.e2) / a.C2,
  );
  return { C1: a.C1, C2: a.C2, relErr: relErr + 1e-13, Vmax };
}

/**
 * Constants of Φ² = φ(|·|)²: L² norms n0, n1, n2 of Φ², ∇Φ², ∇²Φ² (Frobenius) over R³, g2 = max|∇Φ²|,
 * H2 = max‖∇²Φ²‖_op, and the relative quadrature error (radialIntegralEstimate, math/quadrature/radial.ts).
 */
export interface SquareConstants {
  readonly n0: number;
  readonly n1: number;
  readonly n2: number;
  readonly g2: number;
  readonly H2: number;
  readonly relErr: number;
}

/** {@link SquareConstants} of a cutoff (cached). */
export function squareConstants(cutoff: Cutoff): SquareConstants {
  return perCutoff(cutoff, "square", () => squareConstantsOf(cutoff));
}

function squareConstantsOf(cutoff: Cutoff): SquareConstants {
  const { phi, dphi, d2phi } = cutoff;
  const d1 = (r: number) => 2 * phi(r) * dphi(r);
  const d2 = (r: number) => 2 * (dphi(r) ** 2 + phi(r) * d2phi(r));
  const i0 = radialIntegralEstimate((r) => phi(r) ** 4);
  const i1 = radialIntegralEstimate((r) => d1(r) ** 2);
  // |∇²Φ²|²_F = (ψ'')² + 2(ψ'/r)² for radial ψ = φ²
  const i2 = radialIntegralEstimate(
    (r) => d2(r) ** 2 + 2 * (r > 0 ? (d1(r) / r) ** 2 : d2(0) ** 2),
  );
  const out = {
    n0: Math.sqrt(i0.value),
    n1: Math.sqrt(i1.value),
    n2: Math.sqrt(i2.value),
    g2: goldenSectionMax((r) => Math.abs(d1(r)), 0, 1, {
      gridPoints: 20_000,
      iterations: 60,
      step: "recompute",
    }).value,
    H2: goldenSectionMax(
      (r) => Math.max(Math.abs(d2(r)), r > 1e-9 ? Math.abs(d1(r) / r) : Math.abs(d2(0))),
      0,
      1,
      { gridPoints: 20_000, iterations: 60, step: "recompute" },
    ).value,
    relErr: Math.max(i0.error / i0.value, i1.error / i1.value, i2.error / i2.value),
  };
  return out;
}
