import type { Beam } from "../../construction/beam/beam.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { coreDecay, coreWeightSpread } from "../../construction/core/core-decay.ts";
import { planeIntegral } from "../../construction/geometry/core-profile-integrals.ts";
import type { Cutoff } from "../../construction/geometry/cutoff.ts";
import { estimate } from "../../math/estimate.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { radialIntegralEstimate } from "../../math/quadrature/radial.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement, ZPart } from "./error-term.ts";
import { Z_PARTS } from "./error-term.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";

/**
 * The bilinear terms of Lemma 4.4 that involve the core f_r: Q⁺(f_r,f_b), Q±(f_b,f_r), Q±(f_r,f_r),
 * each in the four Z-norm parts, measured with the reduction of f_r of construction/core/core-decay.ts
 * (e^{−Λ(τ,y,u)} ∈ E(τ)[e^{−Δ}, e^{Δ}], |∇yΛ| ≤ D; every value carries these bounds in its error).
 *
 * Q±(f_r, f_r) (this file, first part). With V = N v, X = 100M x and χ_v = χ(N·):
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

// ─── radial profile functions ────────────────────────────────────────────────────────────────────

/** a(r) = ∫_{R³} |W − V| φ(|W|) dW for |V| = r (Gauss–Legendre 64 on each side of ρ = r). */
export function meanSpeed(cutoff: Cutoff, r: number): number {
  const { phi } = cutoff;
  const { nodes, weights } = gaussLegendre(64);
  const seg = (lo: number, hi: number) => {
    if (hi <= lo) return 0;
    let s = 0;
    const h = 0.5 * (hi - lo);
    for (let i = 0; i < 64; i++) {
      const rho = lo + h * (1 + nodes[i]);
      const m = r >= rho ? r + (rho * rho) / (3 * r) : rho + (r * r) / (3 * rho);
      s += h * weights[i] * phi(rho) * rho * rho * m;
    }
    return s;
  };
  const split = Math.min(1, Math.max(0, r));
  return 4 * Math.PI * (seg(0, split) + seg(split, 1));
}
/** q(r) = Q⁺(χ, χ)(V) for |V| = r at Gauss–Legendre order n (see the module comment). */
function gainRadialAt(cutoff: Cutoff, r: number, n: number): number {
  const { phi } = cutoff;
  const { nodes, weights } = gaussLegendre(n);
  let total = 0;
  for (const [c0, c1] of [
    [-1, 0],
    [0, 1],
  ] as const) {
    const hc = 0.5 * (c1 - c0);
    for (let i = 0; i < n; i++) {
      const c = c0 + hc * (1 + nodes[i]);
      const disc = 1 - r * r * (1 - c * c);
      if (disc <= 0) continue;
      const sq = Math.sqrt(disc);
      const lo = Math.max(0, -r * c - sq);
      const hi = -r * c + sq;
      if (hi <= lo) continue;
      const P = planeIntegral(phi, r * Math.abs(c), n);
      if (P === 0) continue;
      const hr = 0.5 * (hi - lo);
      let inner = 0;
      for (let k = 0; k < n; k++) {
        const rho = lo + hr * (1 + nodes[k]);
        inner +=
          hr * weights[k] * phi(Math.sqrt(Math.max(0, r * r + rho * rho + 2 * r * rho * c))) * rho;
      }
      total += hc * weights[i] * P * inner;
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
  const { nodes, weights } = gaussLegendre(n);
  const vals: { r: number; w: number; c: number; e: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = 0.5 * R * (1 + nodes[i]);
    const cv = c(r);
    vals.push({ r, w: 0.5 * R * weights[i] * 4 * Math.PI * r * r, c: cv.value, e: cv.error });
  }
  return vals;
}

/** ‖c‖_{L¹}, ‖c‖_{L²} of c⁻ or c⁺ over V ∈ R³, with relative errors (cached per cutoff). */
interface CoreCoreConstants {
  readonly C1: number;
  readonly C2: number;
  readonly relErr: number;
  /** Radius of the support of c in V. */
  readonly Vmax: number;
}

const ccCache = new Map<string, CoreCoreConstants>();

export function coreCoreConstants(cutoff: Cutoff, sign: "+" | "-"): CoreCoreConstants {
  const key = `${cutoff.name}|${sign}`;
  const hit = ccCache.get(key);
  if (hit) return hit;
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
  const out = { C1: a.C1, C2: a.C2, relErr: relErr + 1e-13, Vmax };
  ccCache.set(key, out);
  return out;
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

const sqCache = new Map<Cutoff, SquareConstants>();

/** {@link SquareConstants} of a cutoff (cached). */
export function squareConstants(cutoff: Cutoff): SquareConstants {
  const hit = sqCache.get(cutoff);
  if (hit) return hit;
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
  sqCache.set(cutoff, out);
  return out;
}

// ─── Q±(f_r, f_r) ────────────────────────────────────────────────────────────────────────────────

function coreCoreMeasure(term: "Q-(fr,fr)" | "Q+(fr,fr)", part: ZPart): ErrorTermMeasure {
  const sign = term === "Q-(fr,fr)" ? "-" : "+";
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s0, lnN } = beam.params;
      const coreR = beam.params.constants.coreRadius;
      const dec = coreDecay(beam);
      const cc = coreCoreConstants(beam.cutoff, sign);
      const sq = squareConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(coreR * M);
      const eps = Math.exp(ln100M + Math.log(dec.Tstar) - lnN) * cc.Vmax;
      const inv = 1 / (coreR * M);
      const IE2 = dec.integrate(w.t0, w.t, (_t, E) => E * E);
      const IE2d = dec.integrate(w.t0, w.t, (t, E) => E * E * Math.expm1(2 * dec.delta(t)));
      const IE2D = dec.integrate(
        w.t0,
        w.t,
        (t, E) => E * E * Math.exp(2 * dec.delta(t)) * 2 * dec.gradBound(t),
      );
      // log of e · Amp² · N⁻⁴
      const logBase = 1 + 2 * coreLogAmplitude(beam) - 4 * lnN;
      let main: number;
      let err: number;
      let logUnit: number;
      switch (part) {
        case "L2":
          main = IE2.value * sq.n0 * Math.sqrt(cc.C2);
          err = Math.sqrt(cc.C2) * (IE2.value * eps * sq.n1 + IE2d.value * sq.n0);
          logUnit = s0 * lnM + logBase - 1.5 * ln100M - 1.5 * lnN;
          break;
        case "gradL2":
          main = IE2.value * sq.n1 * Math.sqrt(cc.C2);
          err =
            Math.sqrt(cc.C2) *
            (IE2.value * eps * sq.n2 + IE2d.value * sq.n1 + IE2D.value * inv * sq.n0);
          logUnit = (s0 - 1) * lnM + logBase + ln100M - 1.5 * ln100M - 1.5 * lnN;
          break;
        case "Linf":
          main = IE2.value * (1 - 0.5 * sq.g2 * eps) * cc.C1;
          err = cc.C1 * (0.5 * IE2.value * sq.g2 * eps + IE2d.value);
          logUnit = logBase - 3 * lnN;
          break;
        case "gradLinf":
          main = IE2.value * sq.g2 * cc.C1;
          err = cc.C1 * (IE2.value * sq.H2 * eps + IE2d.value * sq.g2 + IE2D.value * inv);
          logUnit = -lnM + logBase + ln100M - 3 * lnN;
          break;
      }
      const rel = coreWeightSpread(lnN) + cc.relErr + sq.relErr + IE2.error / IE2.value;
      const unit = Math.exp(logUnit);
      return {
        value: estimate(
          main * unit,
          (err + main * rel + IE2d.error + IE2D.error) * unit,
          "derived",
          `reduction of f_r to Λ(τ,0,0) (e^{±2Δ}, |∇Λ| ≤ D, shift ≤ ${eps.toExponential(1)}); ${sign === "-" ? "c⁻ = 2πχ a, a by Gauss–Legendre" : "c⁺ = Q⁺(χ,χ) by the radial Carleman formula"}; separable norms; ∫E² by Gauss–Legendre`,
        ),
        window: w,
        where: {
          reduction: "f_r ≈ Amp e^{−Λ(τ,0,0)} χ(100Mx) χ(Nv)",
          integralOfDecaySquared: IE2.value,
          supOverX:
            part === "Linf"
              ? "exact: X = 0"
              : part === "gradLinf"
                ? "exact: maximizer of |(φ²)'|"
                : undefined,
        },
      };
    },
  };
}

/** Q⁻(f_r, f_r) and Q⁺(f_r, f_r) in the four Z-norm parts. */
export const CORE_CORE_MEASURES: readonly ErrorTermMeasure[] = (
  ["Q-(fr,fr)", "Q+(fr,fr)"] as const
).flatMap((term) => Z_PARTS.map((part) => coreCoreMeasure(term, part)));
