import { RuleError } from "../../math/errors.ts";
import { radialIntegralEstimate } from "../../math/quadrature/radial.ts";
import type { Beam } from "../beam/beam.ts";
import { planeIntegral } from "../geometry/core-profile-integrals.ts";
import { profileConstants, transportLikeConstants } from "../geometry/cutoff-constants.ts";
import { maxBandCount } from "../geometry/lattice-band-count.ts";
import { bumpAxialFactor, bumpRadius, bumpTransverseFactor } from "../geometry/velocity-bumps.ts";

/**
 * The remainders of the plane reduction of Q⁺(f_b, f_r) = Q⁺(f_r, f_b) (Lemma 4.4, (4.16)–(4.19)),
 * pointwise in (τ, y, v), and their L²_v norms with the weight ⟨v⟩²e^{2⟨v⟩²} of the Z-norm (3.3).
 * Unit: U(τ, y) = 2c₁ Amp M^{1−s} N⁻³ E(τ) e^{Δ(τ)} χ(100My) (c₁ = ∫χ, Amp, E, Δ of the reduction
 * of f_r in construction/core/core-decay.ts; f_r ≤ e^{Δ}F, F = Amp E χ(100My) χ(N·), and Q⁺ is monotone).
 *
 * Carleman form with F as the second argument: Q⁺(g, F)(v) = 2∫dy|y|⁻¹ g(v + y) ∫_{w⊥y} F(v + w) dA
 * = 2σN⁻² ∫ dy |y|⁻¹ g(v + y) P(N|v·ŷ|), σ = Amp E χ(100My), P(d) = 2π∫_d^1 φρ dρ (0 for d ≥ 1).
 * Write ŷ = cos α ŷ₀ + sin α v̂ (ŷ₀ on the great circle ⊥ v, dŷ = cos α dα dŷ₀, |sin α| ≤ 1/(Nr),
 * r = |v|) and p(α) = v + ρ'ŷ(α). The main term replaces g(p(α)) by g(p(0)); since
 * ∫P(Nr|sin α|) cos α dα = c₁/(Nr) and ρ'dρ'dŷ₀ = dA on the plane p·v̂ = r, it is
 * (2σN⁻³c₁/r)∫_{p·v̂=r} g dA. The remainder:
 *
 * (R) band rotation, r ≥ v₁: |g(p(α)) − g(p(0))| ≤ Σ_k Lip(g_k) ρ'|α| 1[p(0) ∈ bump_k + ε], the arc from
 *     p(0) to p(α) having length ρ'|α| ≤ ε = ρ'_max α(v₁), α(r) = asin(1/(Nr)). ρ' ≤ ρ'_max = P₀ + 2/N:
 *     if p(0) is in a bump, ρ'² ≤ |p(0)|² ≤ P₀² = 1.1² + ρ²; if p(α) is, |p(α)|² = r² + ρ'² + 2rρ' sin α
 *     ≥ ρ'² − 2ρ'/N. Hence
 *       |R| ≤ U (1/r) α(r) ρ'_max L A_ε(v),   A_ε(v) ≤ m_ε(r) A_max,ε,
 *     L = Lip_p of one bump's g_k, A_max,ε = 2ρ_ε √((a₁ − a₀)² + 4ρ_ε²) the largest plane section of the
 *     enlarged cylinder (ρ_ε = ρ + ε, a ∈ [a₀, a₁] = [0.9 − ε, 1.1 + ε]), m_ε(r) the largest number of
 *     enlarged bumps one plane p·û = r can meet ({@link planeBumpCount}).
 * (S) slab, r < v₁: the band confines p to |p·v̂ − r| ≤ |p − v|/(Nr) ≤ h(r) = (P₀ + v₁)/(Nr), and
 *     |p − v| ≥ 0.9 − v₁ on the bumps, so with sup g_k ≤ Ĝ:
 *       Q⁺(g, F) ≤ U (N P(0) / (c₁(0.9 − v₁))) Ĝ m_h(r) min(2h(r) A_max, V_cyl),
 *     m_h(r) the largest number of bumps the slab can meet, V_cyl = 0.2πρ².
 *
 * Other constants (axial factor α, core radius R): {@link bumpAxialGeometry} and R M for 100M.
 *
 * Lipschitz constants in p (bump I = φ(cM|P⊥(p)|)φ(10|P(p) − 1|), tube K(z) = φ(M|z⊥|)φ(|z∥|), f_b of
 * (2.4) per bump g = M^{1−s} I(p) K(y − τp); d₁ ≥ sup|φ'|, H ≥ sup(|φ''|, |φ'(r)/r|), cutoff-constants.ts `profileConstants`):
 *   |∇I| ≤ √((cM)² + 10²) d₁ =: ι₁,  |∇K| ≤ √(M² + 1) d₁ =: κ₁,  ‖∇²K‖ ≤ (M² + 1)H + M d₁² =: κ₂,
 *   L_b(τ) = ι₁ + τκ₁ (for g = f_b),   L_∇b(τ) = ι₁κ₁ + τκ₂ (for g = |∇_y f_b|, |·| being 1-Lipschitz).
 *
 * Gradient in x (derivation of the multiplier, issue 3 (b)). The Duhamel integrand is
 * Q⁺(f_b, f_r)(τ, y, v) at y = x − (t − τ)v, so ∇_x = ∇_y under the τ-integral, and
 *   ∇_y Q⁺(f_b, f_r) = Q⁺(∇_y f_b, f_r) + Q⁺(f_b, ω ∇_y F) + Q⁺(f_b, F ∇_y ω),  ω = e^{−(Λ−Λ₀)} ∈ [e^{−Δ}, e^{Δ}],
 * with ∇_y F = Amp E 100M ∇χ(100My) χ(N·) (a function of y times χ(N·): the plane reduction applies with
 * σ replaced by Amp E 100M|φ'(100M|y|)|) and |∇_yω| ≤ D e^{Δ} (D = coreDecay.gradBound). The main
 * gradient (beam-core-gain-l2.ts) carries the plane terms of these three pieces (the majorant of |∇_y f_b|,
 * the χ' kernels, the D term); what is left is the band remainder of each, i.e.
 *   |∇_y R| ≤ U/χ · (1/r) α ρ'_max A_ε [100M|φ'(100M|y|)| L_b + D χ L_b + χ L_∇b],
 * and for the slab Q⁺(|∇_y f_b|, f_r) + Q⁺(f_b, |∇_y f_r|) with Ĝ = κ₁ for ∇_y f_b:
 *   ≤ U/χ · (N P(0)/(c₁(0.9 − v₁))) m_h min(2hA_max, V_cyl) [100M|φ'(100M|y|)| + Dχ + χκ₁].
 * Norms in x by Minkowski: ‖∫ h(τ) ζ(100M(x − (t−τ)v)) dτ‖_{L²_x} ≤ (100M)^{−3/2}‖ζ‖₂ ∫h, with
 * ζ = χ or |φ'(|·|)|; sup_x ≤ sup ζ ∫h. So relative to the value remainder (which has ‖χ‖₂ L_b, resp.
 * ‖χ‖₂·1) the gradient multiplies
 *   band:  L²: 100M‖∇χ‖₂/‖χ‖₂ + D + L_∇b/L_b,   L^∞: 100M d₁ + D + L_∇b/L_b,
 *   slab:  L²: 100M‖∇χ‖₂/‖χ‖₂ + D + κ₁,         L^∞: 100M d₁ + D + κ₁
 * ({@link remainderGradientFactors}). The former code used (100M + M + 1)d₁ for all four: for L^∞ it
 * is ≥ the slab factor but the L^∞ code divided it by M a second time (the part's M⁻¹ is already in the
 * unit), and for L² it used d₁ where ‖∇χ‖₂/‖χ‖₂ belongs.
 */

/**
 * The bumps' axial geometry for the remainders: a ∈ [a₀, a₁] = [1 − 1/α, 1 + 1/α], length L = 2/α,
 * a₁², L² and α² (|∇I| ≤ √((cM)² + α²)d₁). The module comment writes the paper's α = 10 (0.9, 1.1,
 * 1.21, 0.2, 0.04, 10²); for it the literals are returned, so that its numbers stay bit for bit
 * (0.2·0.2 and 1.1·1.1 are not the doubles 0.04 and 1.21).
 */
export function bumpAxialGeometry(beam: Beam): {
  readonly alpha: number;
  readonly a0: number;
  readonly a1: number;
  readonly a1Sq: number;
  readonly L: number;
  readonly LSq: number;
  readonly alphaSq: number;
} {
  const alpha = bumpAxialFactor(beam.bump);
  if (alpha === 10) return { alpha, a0: 0.9, a1: 1.1, a1Sq: 1.21, L: 0.2, LSq: 0.04, alphaSq: 100 };
  const h = 1 / alpha;
  return {
    alpha,
    a0: 1 - h,
    a1: 1 + h,
    a1Sq: (1 + h) * (1 + h),
    L: 2 * h,
    LSq: 4 * h * h,
    alphaSq: alpha * alpha,
  };
}

/**
 * The band-rotation constants of the L^∞ remainders (beam-core-gain.ts, proposition-3-1-core-pairs.ts):
 * the rays turn by at most asin(1/(N|v|)) ≤ 1.58/(N|v|) (1.58 ≥ π/2) over a lever |p − v| ≤ 2a₁
 * (2.2 for α = 10), so the enlargement is ε = 1.58·2a₁/(N v₁), written 3.5/(N v₁) in the paper's case
 * (3.5 ≥ 3.476); for other α the product rounded up to a tenth. Returns [2a₁, 1.58·2a₁ rounded up].
 */
export function bandRotationConstants(beam: Beam): { lever: number; epsFactor: number } {
  const ax = bumpAxialGeometry(beam);
  if (ax.alpha === 10) return { lever: 2.2, epsFactor: 3.5 };
  const lever = 2 * ax.a1;
  return { lever, epsFactor: Math.ceil(1.58 * lever * 10) / 10 };
}

/** Geometry of the remainders for one beam (see the module comment). */
export interface GainRemainderGeometry {
  readonly M: number;
  readonly N: number;
  /** Bump radius ρ = 1/(cM). */
  readonly rho: number;
  /** v₁ = max(N^{−0.9}, 10cM/N): below it the slab bound is used. */
  readonly v1: number;
  /** P₀ = max |p| on a bump, ρ'_max = P₀ + 2/N. */
  readonly P0: number;
  readonly rhoPrimeMax: number;
  /** ε = ρ'_max asin(1/(N v₁)). */
  readonly eps: number;
  readonly AmaxEps: number;
  readonly Amax: number;
  readonly Vcyl: number;
  /** Largest |v| whose plane p·v̂ = |v| meets an enlarged bump. */
  readonly rTop: number;
}

export function gainRemainderGeometry(beam: Beam): GainRemainderGeometry {
  const { M, lnN } = beam.params;
  const N = Math.exp(lnN);
  const rho = bumpRadius(beam.bump);
  const c = bumpTransverseFactor(beam.bump);
  const ax = bumpAxialGeometry(beam);
  const v1 = Math.max(Math.exp(-0.9 * lnN), (10 * c * M) / N);
  const P0 = Math.sqrt(ax.a1Sq + rho * rho);
  const rhoPrimeMax = P0 + 2 / N;
  const eps = rhoPrimeMax * Math.asin(Math.min(1, 1 / (N * v1)));
  const re = rho + eps;
  return {
    M,
    N,
    rho,
    v1,
    P0,
    rhoPrimeMax,
    eps,
    AmaxEps: 2 * re * Math.sqrt((ax.L + 2 * eps) ** 2 + 4 * re * re),
    Amax: 2 * rho * Math.sqrt(ax.LSq + 4 * rho * rho),
    Vcyl: ax.L * Math.PI * rho * rho,
    rTop: Math.sqrt((ax.a1 + eps) ** 2 + re * re),
  };
}

/**
 * The largest number of bumps (radius ρ_b, axial range [a₀, a₁]) met by one plane p·û = r' with
 * r' ∈ [rA, rB], over all directions û: the plane meets bump k only if
 * e_k·û ∈ [min_a (rA − ρ_b)/a, max_a (rB + ρ_b)/a] (a ∈ [a₀, a₁], |q·û| ≤ ρ_b), so this is
 * {@link maxBandCount} of that band (cached per beam).
 */
export function planeBumpCount(
  beam: Beam,
  rA: number,
  rB: number,
  rhoB: number,
  a0: number,
  a1: number,
): number {
  if (!(rA <= rB) || !(a0 > 0) || !(a1 >= a0) || !(rhoB >= 0)) {
    throw new RuleError(
      "plane count needs rA <= rB, 0 < a0 <= a1, rho >= 0",
      `got ${rA}, ${rB}, ${a0}, ${a1}, ${rhoB}`,
    );
  }
  const lo = Math.min((rA - rhoB) / a0, (rA - rhoB) / a1);
  const hi = Math.max((rB + rhoB) / a0, (rB + rhoB) / a1);
  const key = `${lo.toPrecision(12)}|${hi.toPrecision(12)}`;
  let cache = countCache.get(beam.lattice);
  if (!cache) {
    cache = new Map();
    countCache.set(beam.lattice, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const m = maxBandCount(beam.lattice.e, beam.lattice.count, lo, hi).count;
  cache.set(key, m);
  return m;
}
const countCache = new WeakMap<object, Map<string, number>>();

/** Lipschitz constants in p of one bump's f_b and |∇_y f_b| at time τ, per M^{1−s} (module comment). */
export function fbVelocityLipschitz(
  beam: Beam,
  tau: number,
): { Lb: number; Lgrad: number; kappa1: number } {
  const { M } = beam.params;
  const { dphiMax: d1, hessianMax: H } = profileConstants(beam.cutoff);
  const cM = bumpTransverseFactor(beam.bump) * M;
  const iota1 = Math.sqrt(cM * cM + bumpAxialGeometry(beam).alphaSq) * d1;
  const kappa1 = Math.sqrt(M * M + 1) * d1;
  const kappa2 = (M * M + 1) * H + M * d1 * d1;
  return { Lb: iota1 + tau * kappa1, Lgrad: iota1 * kappa1 + tau * kappa2, kappa1 };
}

/** ⟨v⟩²e^{2⟨v⟩²} at |v| = r. */
function weight(r: number): number {
  return (1 + r * r) * Math.exp(2 + 2 * r * r);
}

/**
 * ∫_{|v| ≥ vLo} ⟨v⟩²e^{2⟨v⟩²} (B_R(v)/L)² dv, B_R the band-rotation bound in the unit U: pieces
 * [a, b] = [vLo 2^i, vLo 2^{i+1}] up to rTop with m_ε counted on each, α(r) ≤ α(a) a/r (asin x / x
 * increasing), the weight at b: 4π (ρ'_max A_max,ε)² Σ m² α(a)² a² w(b) (1/a − 1/b).
 */
export function bandRemainderSquared(beam: Beam, vLo: number): { value: number; counts: number[] } {
  const g = gainRemainderGeometry(beam);
  const ax = bumpAxialGeometry(beam);
  if (!(vLo >= g.v1 * (1 - 1e-12)))
    throw new RuleError("band remainder needs vLo >= v1", `got ${vLo} < ${g.v1}`);
  let total = 0;
  const counts: number[] = [];
  for (let a = vLo; a < g.rTop; a *= 2) {
    const b = Math.min(2 * a, g.rTop);
    const m = planeBumpCount(beam, a, b, g.rho + g.eps, ax.a0 - g.eps, ax.a1 + g.eps);
    counts.push(m);
    const al = Math.asin(Math.min(1, 1 / (g.N * a)));
    total += m * m * al * al * a * a * weight(b) * (1 / a - 1 / b);
  }
  return { value: 4 * Math.PI * (g.rhoPrimeMax * g.AmaxEps) ** 2 * total, counts };
}

/**
 * ∫_{|v| < v₁} ⟨v⟩²e^{2⟨v⟩²} B_S(v)² dv, B_S the slab bound in the unit U with Ĝ = 1: pieces
 * [v₁2^{−i−1}, v₁2^{−i}] (slab widened by h at the piece's lower end) until every bump is counted,
 * then [0, a] with m = n; on each ∫r² min(2hA_max, V_cyl)² dr ≤ min((2(P₀+v₁)A_max/N)²(b − a), V²(b³ − a³)/3).
 */
export function slabRemainderSquared(beam: Beam): { value: number; counts: number[] } {
  const g = gainRemainderGeometry(beam);
  const n = beam.lattice.count;
  const tc = transportLikeConstants(beam.cutoff);
  const ax = bumpAxialGeometry(beam);
  const Ks = (g.N * planeIntegral(beam.cutoff.phi, 0, 64)) / (tc.c1 * (ax.a0 - g.v1));
  const lin = (2 * (g.P0 + g.v1) * g.Amax) / g.N;
  const piece = (a: number, b: number, m: number) =>
    m * m * Math.min(lin * lin * (b - a), (g.Vcyl * g.Vcyl * (b ** 3 - a ** 3)) / 3);
  let total = 0;
  const counts: number[] = [];
  let b = g.v1;
  for (let i = 0; i < 200; i++) {
    const a = b / 2;
    const h = (g.P0 + g.v1) / (g.N * a);
    const m = planeBumpCount(beam, a - h, b + h, g.rho, ax.a0, ax.a1);
    counts.push(m);
    if (m >= n) break;
    total += piece(a, b, m);
    b = a;
  }
  total += piece(0, b, n);
  return { value: 4 * Math.PI * weight(g.v1) * Ks * Ks * total, counts };
}

/** ‖∇χ‖₂/‖χ‖₂ and ‖χ‖₂ over R³ for χ = φ(|·|). */
export function coreProfileNorms(beam: Beam): { phiL2: number; gradRatio: number } {
  const { phi, dphi } = beam.cutoff;
  const a = radialIntegralEstimate((r) => phi(r) ** 2);
  const b = radialIntegralEstimate((r) => dphi(r) ** 2);
  return {
    phiL2: Math.sqrt(a.value + a.error),
    gradRatio: Math.sqrt(b.value + b.error) / Math.sqrt(a.value - a.error),
  };
}

/**
 * The gradient multipliers of the band (R) and slab (S) remainders relative to their value bounds
 * (module comment), for windows ending at t (τ ≤ t, D(τ) ≤ D(t)). `LbValue` is the L_b that the value
 * bound of R was computed with (default L_b(t) of {@link fbVelocityLipschitz}); with another L_b the
 * band multiplier is (100M‖∇χ‖/‖χ‖ + D)·max(1, L_b(t)/LbValue) + L_∇b(t)/LbValue, so that multiplier ×
 * value bound ≥ the gradient bound. L_∇b/L_b is nondecreasing in τ (κ₂ ≥ κ₁²), so τ = t bounds it.
 */
export function remainderGradientFactors(
  beam: Beam,
  t: number,
  D: number,
  LbValue?: number,
): { bandL2: number; slabL2: number; bandLinf: number; slabLinf: number } {
  const { M } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const { dphiMax: d1 } = profileConstants(beam.cutoff);
  const { Lb, Lgrad, kappa1 } = fbVelocityLipschitz(beam, t);
  const Lv = LbValue ?? Lb;
  const up = Math.max(1, Lb / Lv);
  const { gradRatio } = coreProfileNorms(beam);
  return {
    bandL2: (coreR * M * gradRatio + D) * up + Lgrad / Lv,
    slabL2: coreR * M * gradRatio + D + kappa1,
    bandLinf: (coreR * M * d1 + D) * up + Lgrad / Lv,
    slabLinf: coreR * M * d1 + D + kappa1,
  };
}
