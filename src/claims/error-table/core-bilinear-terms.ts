import type { Beam } from "../../construction/beam.ts";
import { coreLogAmplitude } from "../../construction/core.ts";
import type { Cutoff } from "../../construction/cutoff.ts";
import { forEachInCone } from "../../construction/lattice-cone.ts";
import { bumpRadius } from "../../construction/velocity-bumps.ts";
import { RuleError } from "../../math/errors.ts";
import { estimate } from "../../math/estimate.ts";
import { gaussLegendre } from "../../math/gauss-legendre.ts";
import type {
  DuhamelWindow,
  ErrorTermId,
  ErrorTermMeasure,
  PaperBound,
  TermMeasurement,
  ZPart,
} from "./error-term.ts";
import { Z_PARTS } from "./error-term.ts";
import { coreDecay, coreWeightSpread, maximize1d, radialIntegral } from "./transport-term.ts";

/**
 * The bilinear terms of Lemma 4.4 that involve the core f_r: Q⁺(f_r,f_b), Q±(f_b,f_r), Q±(f_r,f_r),
 * each in the four Z-norm parts, measured with the reduction of f_r of transport-term.ts
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

/** P(d) = ∫ over the plane at distance d from 0 of φ(|·|) = 2π ∫_d^1 φ(ρ) ρ dρ. */
export function planeIntegral(phi: (r: number) => number, d: number, n: number): number {
  if (d >= 1) return 0;
  const { nodes, weights } = gaussLegendre(n);
  const h = 0.5 * (1 - d);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const rho = d + h * (1 + nodes[i]);
    s += h * weights[i] * phi(rho) * rho;
  }
  return 2 * Math.PI * s;
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

/** Constants of Φ² = φ(|·|)²: L² norms of Φ², ∇Φ², ∇²Φ², and max|∇Φ²|, max Hessian (cached). */
interface SquareConstants {
  readonly n0: number;
  readonly n1: number;
  readonly n2: number;
  readonly g2: number;
  readonly H2: number;
  readonly relErr: number;
}

const sqCache = new Map<Cutoff, SquareConstants>();

function squareConstants(cutoff: Cutoff): SquareConstants {
  const hit = sqCache.get(cutoff);
  if (hit) return hit;
  const { phi, dphi, d2phi } = cutoff;
  const d1 = (r: number) => 2 * phi(r) * dphi(r);
  const d2 = (r: number) => 2 * (dphi(r) ** 2 + phi(r) * d2phi(r));
  const i0 = radialIntegral((r) => phi(r) ** 4);
  const i1 = radialIntegral((r) => d1(r) ** 2);
  const i2 = radialIntegral((r) => d2(r) ** 2 + 2 * (r > 0 ? (d1(r) / r) ** 2 : d2(0) ** 2));
  const out = {
    n0: Math.sqrt(i0.value),
    n1: Math.sqrt(i1.value),
    n2: Math.sqrt(i2.value),
    g2: maximize1d((r) => Math.abs(d1(r))),
    H2: maximize1d((r) =>
      Math.max(Math.abs(d2(r)), r > 1e-9 ? Math.abs(d1(r) / r) : Math.abs(d2(0))),
    ),
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
      const dec = coreDecay(beam);
      const cc = coreCoreConstants(beam.cutoff, sign);
      const sq = squareConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(100 * M);
      const eps = Math.exp(ln100M + Math.log(dec.Tstar) - lnN) * cc.Vmax;
      const inv = 1 / (100 * M);
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

// ─── the beam–core terms: shared kernels ─────────────────────────────────────────────────────────

/**
 * Autocorrelations of the core profile along a line, used for the L²_x norms of Duhamel integrals
 * G(x, v) = ∫ h(τ) χ(100M(x − (t−τ)v)) dτ:
 *   ‖G(·,v)‖²_{L²_x} = ∫∫ h(τ) h(τ') k(τ − τ') dτ dτ',  k(Δ) = (100M)⁻³ ψ(100M|v||Δ|),
 *   ψ(D) = ∫ Φ(X) Φ(X − Dê) dX   (and ψ∇ = ∫ ∇Φ(X)·∇Φ(X − Dê), ψ|∇| = ∫ |∇Φ(X)||∇Φ(X − Dê)| for the
 * gradient parts, with (100M)^{2−3}). For h piecewise constant on cells of width w the double integral
 * is Σ_{c,c'} h_c h_{c'} λ⁻² [S(|1−d|u) − 2S(du) + S((d+1)u)], d = |c − c'|, u = λw, λ = 100M|v|,
 * S(z) = ∫_0^{|z|} (|z| − s) ψ(s) ds. ψ is computed in cylindrical coordinates (Gauss–Legendre 48²),
 * interpolated by Chebyshev series on [0, 2] (64 vs 32 points: the difference is the error) and
 * integrated twice term by term.
 */
export interface LineKernel {
  /** S(z) for z ≥ 0 (S(z) linear for z ≥ 2). */
  S(z: number): number;
  readonly relErr: number;
}

function autocorrelationAt(
  cutoff: Cutoff,
  D: number,
  kind: "plain" | "grad" | "abs",
  n: number,
): number {
  const { phi, dphi } = cutoff;
  const { nodes, weights } = gaussLegendre(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const rho = 0.5 * (1 + nodes[i]);
    const wr = 0.5 * weights[i] * rho;
    const zr = Math.sqrt(Math.max(0, 1 - rho * rho));
    const lo = Math.max(-zr, D - zr);
    const hi = Math.min(zr, D + zr);
    if (hi <= lo) continue;
    const hz = 0.5 * (hi - lo);
    for (let k = 0; k < n; k++) {
      const z = lo + hz * (1 + nodes[k]);
      const r1 = Math.sqrt(rho * rho + z * z);
      const r2 = Math.sqrt(rho * rho + (z - D) * (z - D));
      let f: number;
      if (kind === "plain") f = phi(r1) * phi(r2);
      else if (kind === "abs") f = Math.abs(dphi(r1) * dphi(r2));
      else f = r1 > 0 && r2 > 0 ? (dphi(r1) * dphi(r2) * (rho * rho + z * (z - D))) / (r1 * r2) : 0;
      total += wr * hz * weights[k] * f;
    }
  }
  return 2 * Math.PI * total;
}

const kernelCache = new Map<string, LineKernel>();

export function lineKernel(cutoff: Cutoff, kind: "plain" | "grad" | "abs"): LineKernel {
  const key = `${cutoff.name}|${kind}`;
  const hit = kernelCache.get(key);
  if (hit) return hit;
  const psi = (D: number) => autocorrelationAt(cutoff, D, kind, 48);
  const build = (n: number) => {
    const S1 = chebAntiderivative(psi, n, 2);
    const S = chebAntiderivative(S1, n, 2);
    const s2 = S(2);
    const d2 = S1(2);
    return (z: number) => {
      const a = Math.abs(z);
      return a <= 2 ? S(a) : s2 + d2 * (a - 2);
    };
  };
  const fine = build(64);
  const coarse = build(32);
  let rel = 0;
  for (let i = 1; i <= 40; i++) {
    const z = (2.2 * i) / 40;
    rel = Math.max(rel, Math.abs(fine(z) - coarse(z)) / Math.max(Math.abs(fine(z)), 1e-300));
  }
  // the cylindrical quadrature itself: compare ψ at a few D with 96² nodes
  for (const D of [0, 0.7, 1.5]) {
    const a = psi(D);
    const b = autocorrelationAt(cutoff, D, kind, 96);
    rel = Math.max(rel, Math.abs(a - b) / Math.max(Math.abs(b), 1e-12 * Math.abs(psi(0))));
  }
  const out: LineKernel = { S: fine, relErr: rel + 1e-12 };
  kernelCache.set(key, out);
  return out;
}

/** Chebyshev antiderivative τ ↦ ∫_0^τ f on [0, T] (same construction as for Λ₀). */
function chebAntiderivative(f: (x: number) => number, n: number, T: number): (x: number) => number {
  const vals = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) vals[j] = f(0.5 * T * (1 + Math.cos((Math.PI * j) / n)));
  const c = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let j = 0; j <= n; j++)
      sum += (j === 0 || j === n ? 0.5 : 1) * vals[j] * Math.cos((Math.PI * j * k) / n);
    c[k] = (2 / n) * sum;
  }
  c[0] *= 0.5;
  c[n] *= 0.5;
  const C = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++)
    C[k] = ((k === 1 ? 2 * c[0] : c[k - 1]) - (k + 1 <= n ? c[k + 1] : 0)) / (2 * k);
  let atMinus1 = 0;
  for (let k = 1; k <= n + 1; k++) atMinus1 += C[k] * (k % 2 === 0 ? 1 : -1);
  C[0] = -atMinus1;
  return (x: number) => {
    const y = (2 * x) / T - 1;
    let b1 = 0;
    let b2 = 0;
    for (let k = n + 1; k >= 1; k--) {
      const b0 = 2 * y * b1 - b2 + C[k];
      b2 = b1;
      b1 = b0;
    }
    return 0.5 * T * (y * b1 - b2 + C[0]);
  };
}

/** λ² × ∫_{cell 0}∫_{cell d} ψ(λ|τ − τ'|) for cells of width w, u = λw. */
export function cellKernel(K: LineKernel, u: number, d: number): number {
  return K.S(Math.abs(1 - d) * u) - 2 * K.S(d * u) + K.S((d + 1) * u);
}

/**
 * Γ = sup over lines of |∇_X ∫_{u}^{∞} Φ(X + s ê) ds| over the cut position u and the offset Z of
 * the line from the centre: the largest gradient of a (half-)line integral of Φ = φ(|·|), which is
 * the sup over x of |∇x| of a Duhamel line integral in units of 100M/λ. Components: Φ at the cut,
 * and ∫_u^∞ ∂_Z Φ. Bracketed by a grid maximum (lower) and the grid maximum plus the Lipschitz
 * margin √(3‖φ'‖² + 4H²)·h/√2 (upper), h = 1/400 (cached per cutoff).
 */
export function lineGradientSup(cutoff: Cutoff): { lo: number; hi: number; u: number; Z: number } {
  const hit = gammaCache.get(cutoff);
  if (hit) return hit;
  const { phi, dphi } = cutoff;
  const h = 1 / 400;
  const { nodes, weights } = gaussLegendre(32);
  let best = 0;
  let bu = 0;
  let bZ = 0;
  for (let iz = 0; iz <= 400; iz++) {
    const Z = iz * h;
    const half = Math.sqrt(Math.max(0, 1 - Z * Z));
    if (half === 0) continue;
    for (let iu = 0; iu <= 800; iu++) {
      const u = -1 + iu * h;
      const lo = Math.max(u, -half);
      let tr = 0;
      if (lo < half) {
        const hh = 0.5 * (half - lo);
        for (let k = 0; k < 32; k++) {
          const sv = lo + hh * (1 + nodes[k]);
          const r = Math.sqrt(sv * sv + Z * Z);
          tr += hh * weights[k] * (r > 0 ? (dphi(r) * Z) / r : 0);
        }
      }
      const ax = phi(Math.sqrt(u * u + Z * Z));
      const g = Math.hypot(ax, tr);
      if (g > best) {
        best = g;
        bu = u;
        bZ = Z;
      }
    }
  }
  const d1 = maximize1d((r) => Math.abs(dphi(r)));
  const H = maximize1d((r) =>
    Math.max(
      Math.abs(cutoff.d2phi(r)),
      r > 1e-9 ? Math.abs(dphi(r) / r) : Math.abs(cutoff.d2phi(0)),
    ),
  );
  const lip = Math.sqrt(3 * d1 * d1 + 4 * H * H);
  const out = { lo: best * (1 - 1e-6), hi: best + (lip * h) / Math.SQRT2 + 1e-6, u: bu, Z: bZ };
  gammaCache.set(cutoff, out);
  return out;
}
const gammaCache = new Map<Cutoff, { lo: number; hi: number; u: number; Z: number }>();

/** ∫_0^z φ(s) ds (z ≤ 1), Gauss–Legendre 64. */
function halfXray(phi: (r: number) => number, z: number): number {
  const zz = Math.min(1, Math.max(0, z));
  const { nodes, weights } = gaussLegendre(64);
  let s = 0;
  for (let i = 0; i < 64; i++) s += 0.5 * zz * weights[i] * phi(0.5 * zz * (1 + nodes[i]));
  return s;
}

/** sup_{r ∈ [lo, hi]} |φ'(r)| ≤ |φ'(mid)| + H·(hi − lo)/2 (rigorous, H ≥ sup|φ''|). */
function dphiSupOn(cutoff: Cutoff, H: number, lo: number, hi: number): number {
  const a = Math.max(0, lo);
  const b = Math.max(a, hi);
  return Math.abs(cutoff.dphi(0.5 * (a + b))) + 0.5 * H * (b - a);
}

/**
 * Largest number of bumps I_k containing one velocity: a superset count, for each k, of the l with
 * angle(e_k, e_l) < 2 asin(ρ/0.9) (both bumps contain v, |v| ≥ 0.9, |P⊥v| < ρ); 1 when the bumps
 * are disjoint (as-in-proof, (2.20)).
 */
export function bumpMultiplicity(beam: Beam): number {
  if (beam.variant === "as-in-proof") return 1;
  const hit = multCache.get(beam);
  if (hit !== undefined) return hit;
  const rho = 1 / beam.params.M;
  const alpha = 2 * Math.asin(Math.min(1, rho / 0.9));
  const lat = beam.lattice;
  const d = new Float64Array(3);
  let m = 1;
  for (let k = 0; k < lat.count; k++) {
    d[0] = lat.e[3 * k];
    d[1] = lat.e[3 * k + 1];
    d[2] = lat.e[3 * k + 2];
    let c = 0;
    forEachInCone(beam.params.M, d, alpha, (l) => {
      const dot = d[0] * lat.e[3 * l] + d[1] * lat.e[3 * l + 1] + d[2] * lat.e[3 * l + 2];
      if (Math.acos(Math.min(1, dot)) < alpha) c++;
    });
    m = Math.max(m, c);
  }
  multCache.set(beam, m);
  return m;
}
const multCache = new WeakMap<Beam, number>();

// ─── Q⁻(f_b, f_r) ────────────────────────────────────────────────────────────────────────────────

/**
 * Q⁻(f_b, f_r)(τ, y, v) = f_b(τ, y, v) A[f_r](τ, y, v). On the support of f_b, |v| ≥ 0.9 ≫ 1/N and
 *   A[F₀](τ, y, v) = 2π Amp E(τ) χ(100My) N⁻⁴ a(N|v|) = 2π Amp N⁻³ E(τ) χ(100My) (|v| c₁ + m₄/(3N²|v|))
 * exactly for the reduced core F₀ (a(r) = r c₁ + m₄/(3r) for r ≥ 1, c₁ = ∫χ, m₄ = 4π∫φρ⁴), and A[f_r]
 * is within e^{±Δ} of it; this is the "A[f_r] ≈ 2π|v|ρ_r" reduction with its error made exact.
 * By free transport f_b(τ, x − (t−τ)v, v) = f_b(t, x, v), so the Duhamel integral is
 *   G(x, v) = β(v) f_b(t, x, v) ∫_{t0}^{t} e^{−Λ} χ(100M(x − (t−τ)v)) dτ,  β = 2π Amp N⁻³(|v|c₁ + m₄/(3N²|v|)),
 * a line integral through the core (length 2/λ in τ, λ = 100M|v|) times f_b at x. Wherever the line
 * is in the core at time τ, x − vt = y − τv with |y| ≤ δ = 1/(100M), so
 *   f_b(t, x, v) ∈ M^{1−s} Σ_k I_k(v) [K_k^lo(τ, v), K_k^hi(τ, v)],
 * K^lo = φ(Mτ|P⊥v| + 0.01) φ(τ|P v| + δ), K^hi = φ((Mτ|P⊥v| − 0.01)₊) φ((τ|P v| − δ)₊) (φ nonincreasing),
 * both nonincreasing in τ. With h = e^{−Λ} f_b bracketed cell by cell (64 cells per window) the parts
 * are:
 *   L^∞_x: sup_x G ∈ β [h^lo(t0 + 2/λ), h^hi(t0)] X_c, X_c = (2/λ)∫_0^1 φ (the line through the centre
 *          crossing right after t0 gives the lower end; the upper end bounds every line);
 *   ∇ L^∞_x: |∇G| ≤ β(|∇f_b| ℓ + f_b |∇ℓ|), |∇ℓ| ≤ e^{−Λ}(100M/λ)(Γ + variation) + ∫e^{−Λ}|∇Λ|χ, with
 *          Γ = {@link lineGradientSup}; the lower end is the line realizing Γ with its cut at t0;
 *   L²_{x}: ∫∫ h(τ)h(τ') k(τ−τ') with the exact cell kernels of {@link lineKernel} (h^lo ≤ h ≤ h^hi);
 *   ∇ L²_x: the same with ψ∇ for f_b∇ℓ (h at the cell midpoint, the half-width with ψ|∇|), plus the
 *          ∇f_b and ∇Λ terms with ψ.
 * Every bump contributes the same (the core is radial and e^{−Λ₀} is a function of τ only), so the
 * v-integrals are n = M(M+1)/2 times one bump's, in its frame (Gauss–Legendre in the axial and radial
 * bump coordinates, 24² vs 16² nodes). Where bumps overlap (`as-written`), the L¹_v parts are linear
 * in f_b (exact), and the L² parts are bracketed by Σ_k‖G_k‖² ≤ ‖G‖² ≤ m Σ_k‖G_k‖² (m = the largest
 * number of bumps at one velocity, {@link bumpMultiplicity}; all G_k ≥ 0): the value is then the
 * lower end (`lowerBound`) with the upper end as `upperBound`.
 */
export interface BumpNode {
  readonly wv: number;
  readonly I: number;
  readonly vn: number;
  /** M |P⊥ v| (so the transverse argument of K(−τv) is τ·perp) and P_e v. */
  readonly perp: number;
  readonly ax: number;
}

function bumpNodes(beam: Beam, n: number): BumpNode[] {
  const rho = bumpRadius(beam.bump);
  const { phi } = beam.cutoff;
  const { M } = beam.params;
  const { nodes, weights } = gaussLegendre(n);
  const out: BumpNode[] = [];
  for (let ia = 0; ia < n; ia++) {
    const a = 1 + 0.1 * nodes[ia];
    const fa = phi(10 * Math.abs(a - 1));
    if (fa === 0) continue;
    for (let ir = 0; ir < n; ir++) {
      const r = 0.5 * (1 + nodes[ir]);
      const I = fa * phi(r);
      if (I === 0) continue;
      out.push({
        wv: 2 * Math.PI * rho * rho * r * 0.1 * weights[ia] * 0.5 * weights[ir],
        I,
        vn: Math.sqrt(a * a + rho * rho * r * r),
        perp: M * rho * r,
        ax: a,
      });
    }
  }
  return out;
}

export function kLo(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
): number {
  return phi(tau * perp + 0.01) * phi(tau * ax + delta);
}
export function kHi(
  phi: (r: number) => number,
  perp: number,
  ax: number,
  tau: number,
  delta: number,
): number {
  return phi(Math.max(0, tau * perp - 0.01)) * phi(Math.max(0, tau * ax - delta));
}

export function cellForm(h1: Float64Array, h2: Float64Array, nc: number, Kd: Float64Array): number {
  let s = 0;
  for (let c = 0; c < nc; c++) s += h1[c] * h2[c] * Kd[0];
  for (let d = 1; d < Kd.length && d < nc; d++) {
    if (Kd[d] === 0) continue;
    let t = 0;
    for (let c = 0; c + d < nc; c++) t += h1[c] * h2[c + d] + h2[c] * h1[c + d];
    s += t * Kd[d];
  }
  return s;
}

const NC = 64;
const hLoC = new Float64Array(NC);
const hHiC = new Float64Array(NC);
const hMid = new Float64Array(NC);
const hHw = new Float64Array(NC);
const gC = new Float64Array(NC);
const dC = new Float64Array(NC);

/** Indices of the running sums of {@link addCellForms}. */
const LO2 = 0;
const HI2 = 1;
const MAIN2 = 2;
const E1 = 3;
const E2 = 4;
const E3 = 5;

/**
 * Cell kernels of the plain, gradient and absolute line kernels for cell width u (in units of the
 * profile scale), written into Kp (and Kg, Ka when `withGrad`); cells farther apart than the
 * kernels' support stay 0.
 */
function fillCellKernels(
  kp: ReturnType<typeof lineKernel>,
  kg: ReturnType<typeof lineKernel>,
  ka: ReturnType<typeof lineKernel>,
  u: number,
  withGrad: boolean,
  Kp: Float64Array,
  Kg: Float64Array,
  Ka: Float64Array,
): void {
  Kp.fill(0);
  Kg.fill(0);
  Ka.fill(0);
  for (let d = 0; d < NC; d++) {
    if (d >= 2 && (d - 1) * u >= 2) break;
    Kp[d] = cellKernel(kp, u, d);
    if (withGrad) {
      Kg[d] = cellKernel(kg, u, d);
      Ka[d] = cellKernel(ka, u, d);
    }
  }
}

/**
 * Add one velocity node's cell forms to `sums` ([lo², hi², main², e1, e2, e3]): for L2 the forms of
 * the lower and upper cell brackets hLoC, hHiC; for gradL2 the main form of their midpoint with the
 * gradient kernel (×(100M)²), the half-width with the absolute kernel, and the forms of gC (∇ of
 * the profile) and dC (the ∇Λ term) with the plain kernel. hMid and hHw are derived here.
 */
function addCellForms(
  sums: Float64Array,
  part: "L2" | "gradL2",
  scale: number,
  M: number,
  Kp: Float64Array,
  Kg: Float64Array,
  Ka: Float64Array,
): void {
  if (part === "L2") {
    sums[LO2] += scale * cellForm(hLoC, hLoC, NC, Kp);
    sums[HI2] += scale * cellForm(hHiC, hHiC, NC, Kp);
    return;
  }
  for (let c = 0; c < NC; c++) {
    hMid[c] = 0.5 * (hHiC[c] + hLoC[c]);
    hHw[c] = 0.5 * (hHiC[c] - hLoC[c]);
  }
  const g2 = (100 * M) ** 2;
  sums[MAIN2] += scale * g2 * Math.max(0, cellForm(hMid, hMid, NC, Kg));
  sums[E1] += scale * g2 * cellForm(hHw, hHw, NC, Ka);
  sums[E2] += scale * cellForm(gC, gC, NC, Kp);
  sums[E3] += scale * cellForm(dC, dC, NC, Kp);
}

/**
 * One window of Q⁻(f_b,f_r) for one part, summed over the bump nodes: returns the bracket of the
 * part's value divided by exp(logUnit) (before the factor n and the multiplicity bracket).
 */
function beamCoreLossWindow(
  beam: Beam,
  part: ZPart,
  w: DuhamelWindow,
  nodes: readonly BumpNode[],
): { lo: number; hi: number; main: number; err: number } {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const delta = 1 / (100 * M);
  const L = w.t - w.t0;
  const invN2 = Math.exp(-2 * lnN);
  let lo = 0;
  let hi = 0;
  const sums = new Float64Array(6);
  const cw = L / NC;
  const Ecell = new Float64Array(NC + 1);
  const Dl = new Float64Array(NC + 1);
  const Dg = new Float64Array(NC + 1);
  for (let i = 0; i <= NC; i++) {
    const tau = w.t0 + i * cw;
    Ecell[i] = Math.exp(-dec.lambda0(tau));
    Dl[i] = dec.delta(tau);
    Dg[i] = dec.gradBound(tau);
  }
  const Kp = new Float64Array(NC);
  const Kg = new Float64Array(NC);
  const Ka = new Float64Array(NC);
  for (const nd of nodes) {
    const lam = 100 * M * nd.vn;
    const b = nd.vn * tc.c1 + (tc.m4 * invN2) / (3 * nd.vn);
    const wgt = nd.wv * Math.sqrt(1 + nd.vn * nd.vn) * Math.exp(1 + nd.vn * nd.vn);
    if (part === "Linf" || part === "gradLinf") {
      const span = Math.min(L, 2 / lam);
      const ta = w.t0 + span;
      const Xc = (2 / lam) * halfXray(phi, 0.5 * lam * span);
      const E0 = Math.exp(-dec.lambda0(w.t0));
      const Ea = Math.exp(-dec.lambda0(ta));
      const dT = dec.delta(w.t);
      const hLo = Ea * Math.exp(-dT) * nd.I * kLo(phi, nd.perp, nd.ax, ta, delta);
      const kh0 = kHi(phi, nd.perp, nd.ax, w.t0, delta);
      const hHi = E0 * Math.exp(dT) * nd.I * kh0;
      if (part === "Linf") {
        lo += wgt * b * hLo * Xc;
        hi += wgt * b * hHi * Xc;
      } else {
        const G = lineGradientSup(beam.cutoff);
        const full = L * lam >= 2;
        const varE = Math.max(E0 * Math.expm1(dT), E0 - Ea * Math.exp(-dT));
        const gradF = nd.I * gradKBound(beam, tc.H, nd, w.t0, ta, delta);
        const side = E0 * Math.exp(dT) * (gradF + nd.I * kh0 * dec.gradBound(w.t)) * Xc;
        const up =
          ((100 * M) / lam) * (hHi * (full ? G.hi : 2 * tc.d1) + nd.I * kh0 * varE * 2 * tc.d1) +
          side;
        const down = full
          ? ((100 * M) / lam) *
              (nd.I * kLo(phi, nd.perp, nd.ax, ta, delta) * (E0 * G.lo - varE * 2 * tc.d1)) -
            side
          : 0;
        lo += wgt * b * Math.max(0, down);
        hi += wgt * b * up;
      }
      continue;
    }
    // L² parts: cells on [t0, t]
    const u = lam * cw;
    const kp = lineKernel(beam.cutoff, "plain");
    const kg = lineKernel(beam.cutoff, "grad");
    const ka = lineKernel(beam.cutoff, "abs");
    fillCellKernels(kp, kg, ka, u, part === "gradL2", Kp, Kg, Ka);
    for (let c = 0; c < NC; c++) {
      const ta = w.t0 + c * cw;
      const tb = ta + cw;
      hHiC[c] = Ecell[c] * Math.exp(Dl[c + 1]) * nd.I * kHi(phi, nd.perp, nd.ax, ta, delta);
      hLoC[c] = Ecell[c + 1] * Math.exp(-Dl[c + 1]) * nd.I * kLo(phi, nd.perp, nd.ax, tb, delta);
      if (part === "gradL2") {
        gC[c] = Ecell[c] * Math.exp(Dl[c + 1]) * nd.I * gradKBound(beam, tc.H, nd, ta, tb, delta);
        dC[c] = hHiC[c] * Dg[c + 1];
      }
    }
    const wv2 = (1 + nd.vn * nd.vn) * Math.exp(2 + 2 * nd.vn * nd.vn);
    addCellForms(sums, part, (nd.wv * wv2 * b * b) / (lam * lam), M, Kp, Kg, Ka);
  }
  if (part === "gradL2") {
    const main = Math.sqrt(sums[MAIN2]);
    const e1 = Math.sqrt(sums[E1]);
    const e23 = Math.sqrt(sums[E2]) + Math.sqrt(sums[E3]);
    return { lo: Math.max(0, main - e1), hi: main + e1 + e23, main, err: e23 };
  }
  if (part === "L2") return { lo: Math.sqrt(sums[LO2]), hi: Math.sqrt(sums[HI2]), main: 0, err: 0 };
  return { lo, hi, main: 0, err: 0 };
}

/** sup of |∇K(y − τv)| for τ ∈ [ta, tb], |y| ≤ δ (transverse M|φ'|·φ + φ·axial |φ'|). */
export function gradKBound(
  beam: Beam,
  H: number,
  nd: BumpNode,
  ta: number,
  tb: number,
  delta: number,
): number {
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const tr = dphiSupOn(beam.cutoff, H, ta * nd.perp - 0.01, tb * nd.perp + 0.01);
  const axd = dphiSupOn(beam.cutoff, H, ta * nd.ax - delta, tb * nd.ax + delta);
  return (
    M * tr * phi(Math.max(0, ta * nd.ax - delta)) + phi(Math.max(0, ta * nd.perp - 0.01)) * axd
  );
}

interface LikeConstants {
  c1: number;
  m4: number;
  d1: number;
  H: number;
}
const likeCache = new Map<Cutoff, LikeConstants>();
export function transportLikeConstants(cutoff: Cutoff): LikeConstants {
  const hit = likeCache.get(cutoff);
  if (hit) return hit;
  const out = {
    c1: radialIntegral((r) => cutoff.phi(r)).value,
    m4: radialIntegral((r) => cutoff.phi(r) * r * r).value,
    d1: maximize1d((r) => Math.abs(cutoff.dphi(r))),
    H: maximize1d((r) =>
      Math.max(
        Math.abs(cutoff.d2phi(r)),
        r > 1e-9 ? Math.abs(cutoff.dphi(r) / r) : Math.abs(cutoff.d2phi(0)),
      ),
    ),
  };
  likeCache.set(cutoff, out);
  return out;
}

function beamCoreLossMeasure(part: ZPart): ErrorTermMeasure {
  return {
    term: "Q-(fb,fr)",
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, s0, lnN } = beam.params;
      const n = (M * (M + 1)) / 2;
      const m = bumpMultiplicity(beam);
      // unit: 2π Amp N⁻³ M^{1−s} (β f_b without the node factors) and the part's prefactor / scalings
      const lnM = Math.log(M);
      const ln100M = Math.log(100 * M);
      const base = Math.log(2 * Math.PI) + coreLogAmplitude(beam) - 3 * lnN + (1 - s) * lnM;
      const logUnit =
        part === "L2"
          ? s0 * lnM + base - 1.5 * ln100M + 0.5 * Math.log(n)
          : part === "gradL2"
            ? (s0 - 1) * lnM + base - 1.5 * ln100M + 0.5 * Math.log(n)
            : part === "Linf"
              ? base + Math.log(n)
              : -lnM + base + Math.log(n);
      const fine = beamCoreLossWindow(beam, part, w, bumpNodes(beam, 24));
      const coarse = beamCoreLossWindow(beam, part, w, bumpNodes(beam, 16));
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const linear = part === "Linf" || part === "gradLinf";
      const mult = linear ? 1 : Math.sqrt(m);
      const kernelRel = linear
        ? 0
        : lineKernel(beam.cutoff, "plain").relErr +
          lineKernel(beam.cutoff, "grad").relErr +
          lineKernel(beam.cutoff, "abs").relErr;
      const lo = Math.max(0, fine.lo * (1 - kernelRel) - quadErr);
      const hi = (fine.hi * (1 + kernelRel) + quadErr) * mult;
      const unit = Math.exp(logUnit);
      const rigorousTwoSided = mult === 1;
      const method = `reduction of f_r to Λ(τ,0,0) (e^{±Δ}); A[f_r] = 2π Amp N⁻³ e^{−Λ}χ(100Mx)(|v|c₁ + m₄/(3N²|v|)) exactly for the reduced core; f_b bracketed over the core crossing; ${linear ? "sup over x bracketed (line through the centre crossing right after t0 / bound over every line)" : "exact line-autocorrelation cell kernels, 64 cells"}; n × one bump, Gauss–Legendre 24² vs 16²${mult > 1 ? `; overlapping bumps: Σ‖G_k‖² ≤ ‖G‖² ≤ ${m}·Σ‖G_k‖²` : ""}`;
      const where = {
        reduction: "Q⁻(f_b,f_r) = f_b A[f_r], A[f_r] ≈ 2π|v|ρ_r",
        bracket: [lo * unit, hi * unit],
        multiplicity: m,
        ...(part === "gradLinf" ? { lineGradientSup: lineGradientSup(beam.cutoff) } : {}),
      };
      if (rigorousTwoSided) {
        return {
          value: estimate(
            0.5 * (lo + hi) * unit,
            0.5 * (hi - lo) * unit,
            "derived",
            `${method}; value ± half-width of the rigorous bracket`,
          ),
          window: w,
          where,
        };
      }
      return {
        value: estimate(lo * unit, 0, "derived", `${method}; lower end of the bracket`, {
          lowerBound: true,
        }),
        upperBound: estimate(
          hi * unit,
          0,
          "derived",
          "upper end of the bracket (Cauchy–Schwarz over overlapping bumps)",
        ),
        window: w,
        where,
      };
    },
  };
}

// ─── Q⁺(f_b, f_r) = Q⁺(f_r, f_b) ────────────────────────────────────────────────────────────────

/**
 * For hard spheres (ω over the whole sphere) Q⁺ is symmetric: in the Carleman form
 * Q⁺(f,g)(v) = 2∫∫ δ(y·w) f(v + y) g(v + w) dy dw, so Q⁺(f_r, f_b) = Q⁺(f_b, f_r) and both entries
 * of (4.1) are the same quantity (checked against collision.ts in the tests).
 *
 * One argument at |u| ≤ 1/N: Q⁺(f_b, F)(v) = 2∫dy |y|⁻¹ f_b(v + y) ∫_{w ⊥ y} F(v + w) dA(w). For the
 * reduced core F = Amp E χ(100My) χ(N·) the plane integral is Amp E χ(100My) N⁻² P(N|v·ŷ|),
 * P(d) = 2π∫_d^1 φρ dρ, which confines ŷ to the band |v·ŷ| ≤ 1/N around the great circle ⊥ v. In the
 * band angle α, N|v| sin α = s and cos α dα = ds/(N|v|) exactly, ∫P(|s|)ds = c₁, so
 *   Q⁺(f_b, F)(v) = (2 Amp E χ(100My) N⁻³ c₁ / |v|) ∫_{p·v = |v|²} f_b(p) dA(p) + R,
 * the post-collisional velocities v*, u* ≈ 0 lying on the sphere with diameter [0, v*]: v sees every
 * bump met by the plane through v perpendicular to v. The remainder comes from rotating the rays by
 * at most asin(1/(N|v|)): |R| ≤ (2 Amp E N⁻³/|v|) 2π c₁ L_b (1.58/(N|v|)) 2.2³/3, L_b the Lipschitz
 * constant of f_b(τ, y, ·) (M^{1−s}[τ(M+1) + cM + 10]‖φ'‖); only rays meeting the bumps enlarged by
 * ε = 2.2·1.58/(N|v|) count, so |R| ≤ (2 Amp E N⁻³ c₁/|v|)(1.58/(N|v|)) 2.2 L_b A_ε(v), A_ε the area of
 * the plane ∩ enlarged bumps, integrated by the same exchange (below). For |v| < v₁ = 10cM/N the
 * slab bound Q⁺ ≤ (2 Amp E N⁻³/|v|) 3P(0) M^{1−s} n A_max (the band is a slab of width 2.4/(N|v|)
 * about the plane; A_max the largest plane section of a bump) is integrated instead. These bounds need
 * N ≫ (cM)²·100M: at M = 4 (N ≈ 10⁶) they dominate the bracket, from M = 8 on they are ≲ 2 %.
 *
 * The L¹_v parts are linear in the plane integrals, so the v-integral is exchanged with them:
 *   ∫dv Ψ(|v|) ∫_{p·v̂ = |v|} g(p) dA(p) = ∫dp g(p) 2π ∫_0^1 (|p|c)² Ψ(|p|c) dc
 * (v = rω̂, ∫r²dr δ(p·ω̂ − r)), and g = M^{1−s} Σ_k I_k K_k^{lo/hi}(−pτ) is n times one bump in its
 * frame. The sup over x and its bracket are those of Q⁻(f_b,f_r) with the plane integrals in place
 * of f_b(t,x,v) (the line crosses the core in τ-length 2/(100M|v|), which for small |v| exceeds the
 * window: then the crossing is truncated, X_c = (2/λ)∫_0^{λL/2}φ, and the gradient's lower end is
 * not used). The L² parts are quadratic in the plane integrals: {@link beamCoreGainL2Window}.
 */
function beamCoreGainLinf(
  beam: Beam,
  part: "Linf" | "gradLinf",
  w: DuhamelWindow,
  nb: number,
  nc: number,
): { lo: number; hi: number } {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const delta = 1 / (100 * M);
  const L = w.t - w.t0;
  const nodes = bumpNodes(beam, nb);
  const { nodes: gx, weights: gw } = gaussLegendre(nc);
  const vmin = Math.exp(-0.9 * lnN);
  const G = lineGradientSup(beam.cutoff);
  const E0 = Math.exp(-dec.lambda0(w.t0));
  const dT = dec.delta(w.t);
  const rStar = 2 / (100 * M * L); // λL = 2 at |v| = r*
  let lo = 0;
  let hi = 0;
  for (const nd of nodes) {
    const pn = nd.vn;
    const cMin = Math.max(vmin, (10 * M) / (bumpRadius(beam.bump) * M * Math.exp(lnN))) / pn;
    const cStar = Math.min(1, Math.max(cMin, rStar / pn));
    for (const [c0, c1] of [
      [cMin, cStar],
      [cStar, 1],
    ] as const) {
      if (c1 <= c0) continue;
      const hc = 0.5 * (c1 - c0);
      for (let i = 0; i < nc; i++) {
        const c = c0 + hc * (1 + gx[i]);
        const r = pn * c;
        const wc = hc * gw[i] * 2 * Math.PI;
        // (cMin from v₁ = 10cM/N: the plane formula is used for |v| ≥ v₁ only)
        const lam = 100 * M * r;
        const span = Math.min(L, 2 / lam);
        const ta = w.t0 + span;
        // r · X_c(r) = (2/(100M)) ∫_0^{λ span/2} φ
        const rXc = (2 / (100 * M)) * halfXray(phi, 0.5 * lam * span);
        const wr = Math.sqrt(1 + r * r) * Math.exp(1 + r * r);
        const Ea = Math.exp(-dec.lambda0(ta));
        const kl = kLo(phi, nd.perp, nd.ax, ta, delta);
        const kh = kHi(phi, nd.perp, nd.ax, w.t0, delta);
        // (|p|c)² Ψ(|p|c) with Ψ = w · (1/r) · [sup_x bracket] — the factor 2 Amp N⁻³ c₁ M^{1−s} is in the unit
        if (part === "Linf") {
          lo += nd.wv * nd.I * wc * wr * Ea * Math.exp(-dT) * kl * rXc;
          hi += nd.wv * nd.I * wc * wr * E0 * Math.exp(dT) * kh * rXc;
        } else {
          const full = lam * L >= 2;
          const varE = Math.max(E0 * Math.expm1(dT), E0 - Ea * Math.exp(-dT));
          const gradF = gradKBound(beam, tc.H, nd, w.t0, ta, delta);
          // r² · (1/r) · (100M/λ) = 1
          const side = E0 * Math.exp(dT) * (gradF + kh * dec.gradBound(w.t)) * rXc;
          const up =
            E0 * Math.exp(dT) * kh * (full ? G.hi : 2 * tc.d1) + kh * varE * 2 * tc.d1 + side;
          const down = full ? kl * (E0 * G.lo - varE * 2 * tc.d1) - side : 0;
          lo += nd.wv * nd.I * wc * wr * Math.max(0, down);
          hi += nd.wv * nd.I * wc * wr * up;
        }
      }
    }
  }
  // small |v| and the band-rotation remainder, in the unit 2c₁ Amp N⁻³ M^{1−s} n (see the comment)
  const rho = bumpRadius(beam.bump);
  const c = 1 / (rho * M);
  const N = Math.exp(lnN);
  const v1 = Math.max(vmin, (10 * c * M) / N);
  const wMax = 3 * Math.exp(1);
  const gradFactor = part === "gradLinf" ? (100 * M * tc.d1 + (M + 1) * tc.d1) / M : 1;
  const P0 = planeIntegral(phi, 0, 64);
  const Amax = 2 * rho * Math.sqrt(0.04 + 4 * rho * rho);
  // |v| < v1: Q⁺ ≤ (2 Amp E N⁻³/|v|) 3P(0) M^{1−s} n A_max (slab of width 2.4/(N|v|) around the plane)
  const small =
    ((3 * P0) / tc.c1) * wMax * L * E0 * Math.exp(dT) * Amax * 2 * Math.PI * v1 * v1 * gradFactor;
  // |v| ≥ v1: |R| ≤ (2 Amp E N⁻³ c₁/|v|)(1.58/(N|v|)) 2.2 L_b A_ε(v), A_ε = area of the plane ∩ ε-enlarged bumps
  const eps = 3.5 / (N * v1);
  const volEps = Math.PI * (rho + eps) ** 2 * (0.2 + 2 * eps);
  const Lb = (dec.Tstar * (M + 1) + c * M + 10) * tc.d1;
  const band =
    ((volEps * 2 * Math.PI * wMax * L * E0 * Math.exp(dT) * 1.58 * 2.2 * Lb) / N) * gradFactor;
  return { lo: Math.max(0, lo - band), hi: hi + small + band };
}

function beamCoreGainMeasure(
  term: "Q+(fb,fr)" | "Q+(fr,fb)",
  part: "Linf" | "gradLinf",
): ErrorTermMeasure {
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, lnN } = beam.params;
      const n = (M * (M + 1)) / 2;
      const tc = transportLikeConstants(beam.cutoff);
      const lnM = Math.log(M);
      const base =
        Math.log(2 * tc.c1) + coreLogAmplitude(beam) - 3 * lnN + (1 - s) * lnM + Math.log(n);
      const logUnit = part === "Linf" ? base : -lnM + base;
      const fine = beamCoreGainLinf(beam, part, w, 24, 32);
      const coarse = beamCoreGainLinf(beam, part, w, 16, 24);
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const lo = Math.max(0, fine.lo - quadErr);
      const hi = fine.hi + quadErr;
      const unit = Math.exp(logUnit);
      return {
        value: estimate(
          0.5 * (lo + hi) * unit,
          0.5 * (hi - lo) * unit,
          "derived",
          `Q⁺(f_b,F) = (2 Amp E χ N⁻³ c₁/|v|) ∫_{p·v=|v|²} f_b dA + R (band remainder and |v| < N^{−1/2} bounded); reduction of f_r (e^{±Δ}); v-integral exchanged with the plane integrals (n × one bump, Gauss–Legendre 24² × 32 in c vs 16² × 24); sup over x bracketed as for Q⁻(f_b,f_r); value ± half-width of the rigorous bracket`,
        ),
        window: w,
        where: {
          symmetry: "Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres",
          bracket: [lo * unit, hi * unit],
        },
      };
    },
  };
}

// ─── Q⁺(f_b, f_r): the L² parts ──────────────────────────────────────────────────────────────────

/**
 * The L² parts of Q⁺(f_b,f_r) = Q⁺(f_r,f_b) with the reduction above: for |v| ≥ v₁
 *   Q⁺(τ, y, v) = (2 Amp E(τ) χ(100My) N⁻³ c₁/|v|) P_b(τ, y, v) + R,  P_b = ∫_{p·v = |v|²} f_b(τ, y, p) dA(p).
 * The norms are quadratic in P_b, so the v-integral is done by quadrature. For y in the core,
 * f_b(τ, y, p) = M^{1−s} Σ_k I_k(p) K_k(y − τp) ∈ M^{1−s} Σ_k I_k [K^lo, K^hi](τ, p) (as for Q⁻), and
 * P_b is a sum over bumps of plane integrals P_k ≥ 0. Per bump, in its frame (e = ẑ, v = r ω̂,
 * c = cos∠(ω̂, e), s = sin), with p = a e + q, |q| ≤ ρ:
 *   P_k(r, c) = (1/c) ∫_{disk} I K d²q at a = (r − q₁s)/c   (ρs ≤ 0.1c),
 *            = (1/s) ∫_{0.9}^{1.1} da ∫ dq₂ I K at q₁ = (r − ac)/s   (otherwise)
 * (Gauss–Legendre on the boxes; supports: r ∈ [0, √(1.1² + ρ²)], c ∈ [(r − ρ)/1.1, (r + ρ)/0.9]).
 * The x-norms of G(x, v) = (2Amp c₁N⁻³/|v|) ∫ E P_k χ(100M(x − (t−τ)v)) dτ are the exact cell-kernel
 * forms of Q⁻(f_b,f_r) (64 cells; P bracketed per cell by K monotone in τ; for ∇x the χ' term with
 * ψ∇/ψ|∇|, the ∇K term with gradKBound, the ∇Λ term with D). The v-integral of one bump is
 * 2π ∫dr ∫dc r² (azimuthal symmetry of the bump frame). Over bumps: every bump gives the same, and
 * since all P_k ≥ 0, n‖G_1‖² ≤ ‖Σ G_k‖² ≤ n·n‖G_1‖² (the planes of one v meet several bumps; the
 * crude multiplicity n is used): the value is the bracket's midpoint ± its half-width. The remainder R (|v| ≥ v₁) and the slab bound (|v| < v₁) of the L^∞ parts are carried
 * into L² by Minkowski (‖∫ E χ(100M·) dτ‖_{L²} ≤ ‖χ(100M·)‖₂ ∫E), the area of the plane ∩ enlarged
 * bumps bounded by n·A_max,ε; they widen the bracket (and dominate it: the slab term over |v| < v₁,
 * ∝ √v₁ n A_max, exceeds the main term at M = 4, 8, 16, so the lower end is 0 there; `where` keeps
 * the main term's own bracket) (for ∇x multiplied by the same factor as in the
 * L^∞ code, which is a bound of the x-Lipschitz constant of f_b and χ(100M·), not of ∇R proven here).
 */
/** Nodes of the plane {p : p·ω̂ = r} ∩ one bump (frame e = ẑ, cos∠(ω̂, e) = c), see below. */
const SEC_MAX = 64 * 64;
const secW = new Float64Array(SEC_MAX);
const secA = new Float64Array(SEC_MAX);
const secQ = new Float64Array(SEC_MAX);

/** The buffers filled by {@link planeSectionNodes} (read-only views for tests). */
export function sectionNodeBuffers(): { w: Float64Array; a: Float64Array; q: Float64Array } {
  return { w: secW, a: secA, q: secQ };
}

/**
 * Fill the module buffers with the quadrature nodes of ∫_{p·ω̂ = r} I(p) g(p) dA(p) for one bump
 * I = φ(|q|/ρ) φ(10|a − 1|), p = a e + q (q ⊥ e), ω̂ at angle acos(c) from e: weight × I in `secW`,
 * the axial coordinate a in `secA`, |q| in `secQ`; returns the count. Where ρs ≤ 0.1c the plane is
 * parametrized by the disk (q₁, q₂) ∈ [−ρ, ρ]² with a = (r − q₁s)/c, dA = d²q/c; otherwise by
 * (a, q₂) ∈ [0.9, 1.1] × [−ρ, ρ] with q₁ = (r − ac)/s, dA = da dq₂/s (Gauss–Legendre on the box).
 */
export function planeSectionNodes(
  rho: number,
  r: number,
  c: number,
  nodes: ArrayLike<number>,
  weights: ArrayLike<number>,
  phi: (r: number) => number,
): number {
  const nq = nodes.length;
  if (nq * nq > SEC_MAX) throw new RuleError("plane-section order must be at most 64", `got ${nq}`);
  const s = Math.sqrt(Math.max(0, 1 - c * c));
  // the box of the smaller extent: the disk spans a-width 2ρs/c, the a-box q₁-width 0.2c/s
  const disk = rho * s <= 0.1 * c;
  let count = 0;
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nq; j++) {
      let a: number;
      let q1: number;
      let wq: number;
      const q2 = rho * nodes[j];
      if (disk) {
        q1 = rho * nodes[i];
        a = (r - q1 * s) / c;
        wq = (rho * rho * weights[i] * weights[j]) / c;
      } else {
        if (s === 0) continue;
        a = 1 + 0.1 * nodes[i];
        q1 = (r - a * c) / s;
        wq = (0.1 * rho * weights[i] * weights[j]) / s;
      }
      const qn = Math.sqrt(q1 * q1 + q2 * q2);
      if (qn >= rho || Math.abs(a - 1) >= 0.1) continue;
      const I = phi(qn / rho) * phi(10 * Math.abs(a - 1));
      if (I === 0) continue;
      secW[count] = wq * I;
      secA[count] = a;
      secQ[count] = qn;
      count++;
    }
  }
  return count;
}

const VEL_MAX = 2 * 64 * 64;
const velR = new Float64Array(VEL_MAX);
const velC = new Float64Array(VEL_MAX);
const velW = new Float64Array(VEL_MAX);

/** The buffers filled by {@link velocityNodes} (read-only views for tests). */
export function velocityNodeBuffers(): { r: Float64Array; c: Float64Array; w: Float64Array } {
  return { r: velR, c: velC, w: velW };
}

/**
 * Velocity nodes v = r ω̂ in one bump's frame (c = cos∠(ω̂, e)) covering the support of its plane
 * integrals: r ∈ [0, √(1.1² + ρ²)] (|v| = p·ω̂ ≤ |p|), c ∈ [(r − ρ)/1.1, (r + ρ)/0.9] (the plane
 * p·ω̂ = r meets the bump only if 0.9c − ρ ≤ r ≤ 1.1c + ρ), split at ρs = 0.1c where the plane
 * parametrization changes; weights of dv = 2π r² dr dc (azimuth integrated). Returns the count.
 */
export function velocityNodes(rho: number, nodes: ArrayLike<number>, weights: ArrayLike<number>): number {
  const nv = nodes.length;
  if (nv > 64) throw new RuleError("velocity order must be at most 64", `got ${nv}`);
  const rMax = Math.sqrt(1.21 + rho * rho);
  const cS = rho / Math.sqrt(0.01 + rho * rho);
  let count = 0;
  for (let ir = 0; ir < nv; ir++) {
    const r = 0.5 * rMax * (1 + nodes[ir]);
    const wr = 0.5 * rMax * weights[ir];
    const cA = Math.max(-1, (r - rho) / 1.1);
    const cB = Math.min(1, (r + rho) / 0.9);
    for (let seg = 0; seg < 2; seg++) {
      const c0 = seg === 0 ? cA : Math.max(cA, cS);
      const c1 = seg === 0 ? Math.min(cB, cS) : cB;
      if (c1 <= c0) continue;
      const hc = 0.5 * (c1 - c0);
      for (let ic = 0; ic < nv; ic++) {
        velR[count] = r;
        velC[count] = c0 + hc * (1 + nodes[ic]);
        velW[count] = 2 * Math.PI * r * r * wr * hc * weights[ic];
        count++;
      }
    }
  }
  return count;
}

function beamCoreGainL2Window(
  beam: Beam,
  part: "L2" | "gradL2",
  w: DuhamelWindow,
  nv: number,
  nq: number,
): { lo: number; hi: number } {
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const rho = bumpRadius(beam.bump);
  const delta = 1 / (100 * M);
  const L = w.t - w.t0;
  const cw = L / NC;
  const Ecell = new Float64Array(NC + 1);
  const Dl = new Float64Array(NC + 1);
  const Dg = new Float64Array(NC + 1);
  const taus = new Float64Array(NC + 1);
  for (let i = 0; i <= NC; i++) {
    const tau = w.t0 + i * cw;
    taus[i] = tau;
    Ecell[i] = Math.exp(-dec.lambda0(tau));
    Dl[i] = dec.delta(tau);
    Dg[i] = dec.gradBound(tau);
  }
  const gv = gaussLegendre(nv);
  const gq = gaussLegendre(nq);
  const kp = lineKernel(beam.cutoff, "plain");
  const kg = lineKernel(beam.cutoff, "grad");
  const ka = lineKernel(beam.cutoff, "abs");
  const Kp = new Float64Array(NC);
  const Kg = new Float64Array(NC);
  const Ka = new Float64Array(NC);
  const pLo = new Float64Array(NC + 1);
  const pHi = new Float64Array(NC + 1);
  const pGr = new Float64Array(NC);
  const node = { wv: 0, I: 0, vn: 0, perp: 0, ax: 0 };
  const sums = new Float64Array(6);
  const nVel = velocityNodes(rho, gv.nodes, gv.weights);
  for (let iv = 0; iv < nVel; iv++) {
        const r = velR[iv];
        const c = velC[iv];
        pLo.fill(0);
        pHi.fill(0);
        pGr.fill(0);
        const count = planeSectionNodes(rho, r, c, gq.nodes, gq.weights, phi);
        if (count === 0) continue;
        for (let j = 0; j < count; j++) {
          const wI = secW[j];
          const a = secA[j];
          node.perp = M * secQ[j];
          node.ax = a;
          for (let k = 0; k <= NC; k++) {
            pLo[k] += wI * kLo(phi, node.perp, a, taus[k], delta);
            pHi[k] += wI * kHi(phi, node.perp, a, taus[k], delta);
            if (part === "gradL2" && k < NC)
              pGr[k] += wI * gradKBound(beam, tc.H, node, taus[k], taus[k + 1], delta);
          }
        }
        const lam = 100 * M * r;
        const u = lam * cw;
        fillCellKernels(kp, kg, ka, u, part === "gradL2", Kp, Kg, Ka);
        for (let k = 0; k < NC; k++) {
          hHiC[k] = Ecell[k] * Math.exp(Dl[k + 1]) * pHi[k];
          hLoC[k] = Ecell[k + 1] * Math.exp(-Dl[k + 1]) * pLo[k + 1];
          if (part === "gradL2") {
            gC[k] = Ecell[k] * Math.exp(Dl[k + 1]) * pGr[k];
            dC[k] = hHiC[k] * Dg[k + 1];
          }
        }
        // dv = 2π r² dr dc; (1/r)² from the prefactor; ⟨v⟩² e^{2⟨v⟩²}; ‖·‖²_x = (100M)⁻³ λ⁻² form
        const scale = (velW[iv] * (1 + r * r) * Math.exp(2 + 2 * r * r)) / (r * r * lam * lam);
        addCellForms(sums, part, scale, M, Kp, Kg, Ka);
  }
  if (part === "L2") return { lo: Math.sqrt(sums[LO2]), hi: Math.sqrt(sums[HI2]) };
  const main = Math.sqrt(sums[MAIN2]);
  const err = Math.sqrt(sums[E1]) + Math.sqrt(sums[E2]) + Math.sqrt(sums[E3]);
  return { lo: Math.max(0, main - err), hi: main + err };
}

/**
 * Remainder (band rotation, |v| ≥ v₁) and slab (|v| < v₁) bounds in L² (unit of the measure times
 * √n; see the comment above): ‖G_R‖ ≤ (∫dv ⟨v⟩²e^{2⟨v⟩²} B(v)²)^{1/2} ‖Φ‖₂ ∫E e^{Δ}.
 */
function beamCoreGainL2Remainder(beam: Beam, part: "L2" | "gradL2", w: DuhamelWindow): number {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const rho = bumpRadius(beam.bump);
  const n = (M * (M + 1)) / 2;
  const N = Math.exp(lnN);
  const c = 1 / (rho * M);
  const vmin = Math.exp(-0.9 * lnN);
  const v1 = Math.max(vmin, (10 * c * M) / N);
  const IE = dec.integrate(w.t0, w.t, (t, E) => E * Math.exp(dec.delta(t)));
  const phiL2 = Math.sqrt(radialIntegral((r) => phi(r) ** 2).value);
  const eps = 3.5 / (N * v1);
  const AmaxEps = 2 * (rho + eps) * Math.sqrt((0.2 + 2 * eps) ** 2 + 4 * (rho + eps) ** 2);
  const Lb = (dec.Tstar * (M + 1) + c * M + 10) * tc.d1;
  // |v| ≥ v₁: B = (1/|v|)(1.58/(N|v|)) 2.2 L_b n A_max,ε (in units 2Amp c₁ N⁻³ M^{1−s}) → ∫ 4π r² B² ≤ 4π K²/v₁
  const K = ((1.58 * 2.2) / N) * (Lb / 1) * n * AmaxEps;
  // ∫_{v₁}^{rMax} ⟨v⟩²e^{2⟨v⟩²}/r² dr ≤ e²/v₁ + e² rMax g(rMax), g(r) = ((1+r²)e^{2r²} − 1)/r² increasing
  const rMax = Math.sqrt(1.21 + rho * rho);
  const gMax = ((1 + rMax * rMax) * Math.exp(2 * rMax * rMax) - 1) / (rMax * rMax);
  const band2 = 4 * Math.PI * K * K * Math.exp(2) * (1 / v1 + rMax * gMax);
  // |v| < v₁: Q⁺ ≤ (1/|v|) 3P(0) n A_max / c₁ → ∫_{|v|<v₁} 4π r² B² = 4π v₁ (3P(0) n A_max/c₁)²
  const P0 = planeIntegral(phi, 0, 64);
  const Amax = 2 * rho * Math.sqrt(0.04 + 4 * rho * rho);
  const small2 =
    4 * Math.PI * (1 + v1 * v1) * Math.exp(2 + 2 * v1 * v1) * v1 * ((3 * P0 * n * Amax) / tc.c1) ** 2;
  const gradFactor = part === "gradL2" ? 100 * M * tc.d1 + (M + 1) * tc.d1 : 1;
  // in the measure's unit (which has (100M)^{-3/2} and √n): divide by √n, multiply by ‖Φ‖₂ ∫E
  return (
    ((Math.sqrt(band2) + Math.sqrt(small2)) * phiL2 * (IE.value + IE.error) * gradFactor) /
    Math.sqrt(n)
  );
}

function beamCoreGainL2Measure(
  term: "Q+(fb,fr)" | "Q+(fr,fb)",
  part: "L2" | "gradL2",
): ErrorTermMeasure {
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, s0, lnN } = beam.params;
      const n = (M * (M + 1)) / 2;
      const tc = transportLikeConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(100 * M);
      const base = Math.log(2 * tc.c1) + coreLogAmplitude(beam) - 3 * lnN + (1 - s) * lnM;
      const logUnit =
        (part === "L2" ? s0 * lnM : (s0 - 1) * lnM) + base - 1.5 * ln100M + 0.5 * Math.log(n);
      const fine = beamCoreGainL2Window(beam, part, w, 24, 16);
      const coarse = beamCoreGainL2Window(beam, part, w, 16, 12);
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const kernelRel =
        lineKernel(beam.cutoff, "plain").relErr +
        (part === "gradL2"
          ? lineKernel(beam.cutoff, "grad").relErr + lineKernel(beam.cutoff, "abs").relErr
          : 0);
      // the remainder in this unit (‖χ(100M·)‖₂ = (100M)^{−3/2}‖Φ‖₂ is the unit's (100M)^{−3/2})
      const rem = beamCoreGainL2Remainder(beam, part, w);
      const lo = Math.max(0, fine.lo * (1 - kernelRel) - quadErr - rem);
      const hi = (fine.hi * (1 + kernelRel) + quadErr + rem) * Math.sqrt(n);
      const unit = Math.exp(logUnit);
      const method = `Q⁺(f_b,F) = (2 Amp E χ N⁻³ c₁/|v|) ∫_{p·v=|v|²} f_b dA + R; reduction of f_r (e^{±Δ}); plane integrals of one bump by Gauss–Legendre on the plane ∩ bump, f_b bracketed over the core crossing; exact line-autocorrelation cell kernels (64 cells); v = (r, cos θ) Gauss–Legendre 24² × plane 16² vs 16² × 12²; remainder and |v| < v₁ by Minkowski; overlapping plane supports: n‖G₁‖² ≤ ‖G‖² ≤ n²‖G₁‖²`;
      return {
        value: estimate(
          0.5 * (lo + hi) * unit,
          0.5 * (hi - lo) * unit,
          "derived",
          `${method}; value ± half-width of the bracket`,
        ),
        window: w,
        where: {
          symmetry: "Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres",
          bracket: [lo * unit, hi * unit],
          remainderInUnit: rem,
          planeBracketInUnit: [fine.lo, fine.hi],
          mainTermWithoutRemainder: [fine.lo * unit, fine.hi * unit * Math.sqrt(n)],
          quadratureDifference: quadErr,
        },
      };
    },
  };
}

/**
 * Lemma 4.4: T* M^{1−s} N⁻¹ ≲ (ln ln M) N⁻¹ for every term and part, from (4.16)–(4.19) and
 * (3.5)–(3.6).
 */
export function lemma44Bound(_s: number, _s0: number, p: number): PaperBound {
  return {
    exponent: -p,
    logFactor: "lnlnM",
    text: `T* M^{1−s} N⁻¹ = (ln ln M) N⁻¹ = M^{${-p}} ln ln M (Lemma 4.4 states M^{−δ})`,
    source: "Lemma 4.4 (proof, with (4.16)–(4.19))",
  };
}

const CORE_CORE: readonly ErrorTermId[] = ["Q-(fr,fr)", "Q+(fr,fr)"];

/** Every term × part of this file. */
export const CORE_BILINEAR_MEASURES: readonly ErrorTermMeasure[] = [
  ...Z_PARTS.map(beamCoreLossMeasure),
  ...(["Q+(fb,fr)", "Q+(fr,fb)"] as const).flatMap((term) =>
    (["Linf", "gradLinf"] as const).map((part) => beamCoreGainMeasure(term, part)),
  ),
  ...(["Q+(fb,fr)", "Q+(fr,fb)"] as const).flatMap((term) =>
    (["L2", "gradL2"] as const).map((part) => beamCoreGainL2Measure(term, part)),
  ),
  ...CORE_CORE.flatMap((term) =>
    Z_PARTS.map((part) => coreCoreMeasure(term as "Q-(fr,fr)" | "Q+(fr,fr)", part)),
  ),
];
