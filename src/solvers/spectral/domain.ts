/**
 * The truncation radius R and the box half-width L of the fast spectral method, chosen from the
 * data and the grid size n, and the accuracy that choice can be expected to give.
 *
 * Three errors compete (see docs/spectral.md for the measurements behind this model). Write
 * τ(r) = e^{−ψ(r)} for the tail of the data at radius r relative to its peak: the largest value of
 * f(v)/max f on |v| = r, over the initial datum and its equilibrium Maxwellian, modelled by the
 * Gaussian components of the data, ψ(r) = min_c (r − |u_c|)₊²/(2T_c).
 *
 * - Truncation (E_t): Q_R drops the collisions with |x| > R or |y| > R (`mouhot-pareschi.ts`), i.e.
 *   pairs whose relative speed exceeds R; for two tails at ±R/2 this is τ(R/2)² = e^{−2ψ(R/2)}.
 *   (For a Maxwellian the truncated operator still vanishes exactly — energy conservation holds
 *   for every collision kept — so Q_R(M, M) measures aliasing and resolution only.)
 * - Aliasing (E_a): on the periodic box a collision partner at v + x with |x| ≤ R may wrap around.
 *   The gain term pairs v + x and v + y with x ⊥ y, |x|, |y| ≤ R; two tails around lattice points
 *   0 and 2L e₁ meet when their distance from their centres is d = L − R/√2, giving τ(d)² =
 *   e^{−2ψ(d)} (the loss term gives the same d: |x + y| ≤ √2 R). With compact support in B_S,
 *   R = 2S and L ≥ (3+√2)S/2 this is the alias-free condition of Mouhot & Pareschi (Math. Comp. 75
 *   (2006), Prop. 2.1) up to its constant; every choice made here satisfies that condition for
 *   S = R/2, so collisions inside the ball B_{R/2} — the trusted ball — are computed exactly.
 *   The staircase truncation (`truncation.ts`) keeps every collision with |g| ≤ R as well, but its
 *   reach is R' = R√((K+1)/K) instead of √2 R (K = 1); the same argument with |x + y| ≤ R' gives
 *   d = L − R'/2, so E_a = 2ψ(L − R'/2). But at the same R the staircase drops more collisions
 *   than the square (the square keeps much of R < |g| ≤ √2R), so its truncation exponent is
 *   that of the separated truncation with the same dropped weight: R_eq with
 *   W(separated, R_eq) = W(staircase, R), W = ∫ p(g) e^{−2ψ(g/2)} g² dg and p(g) the fraction of
 *   hard-sphere collision measure |cos θ| dω dropped at relative speed g (`droppedFraction`), and
 *   E_t = 2ψ(R_eq/2). For K = 1, R_eq = R and the rule is the separated one unchanged.
 * - Resolution (E_r): the trigonometric interpolant misses the spectrum beyond the Nyquist wave
 *   number ξ_N = π/h, h = 2L/n: E_r = −ln |f̂(ξ_N)|/f̂(0), from bounds on the data's Fourier
 *   transform ({@link FourierBound}: for a Gaussian of temperature T, e^{−Tξ²/2}; for the BKW
 *   profile e^{−KTξ²/2}|1 − (1 − K)Tξ²/2|, whose polynomial factor is ≈ 3–4.5 at the Nyquist numbers of
 *   the grids used — the reason a rule that treated BKW as its Gaussian envelope chose boxes too
 *   coarse for it). The previous rule's resolution margin of 2 stood in for that factor (it was
 *   calibrated on BKW and Maxwellian data); with the exact transform there is no margin.
 *
 * The errors are exponentially small with polynomial prefactors that differ between quantities;
 * measured on BKW and Maxwellian data at n = 16, 32 (docs/spectral.md), the fourth moment of Q and
 * the evolved grid are most sensitive to aliasing (|v|⁴ weights the aliased tails in the box
 * corners). The rule therefore gives aliasing a margin of 3 in the exponent: it picks the largest
 * E with E_t(R) ≥ E, E_a(L, R) ≥ E + 3, E_r(L) ≥ E, i.e. it minimizes the largest predicted term
 * max(e^{−E_t}, e^{3−E_a}, e^{−E_r}), and reports e^{−E} as the estimated relative accuracy of Q
 * (an estimate from this model, not a bound; tests check it against closed forms). The terms are
 * printed by `relax`. They are pointwise estimates; a moment of Q can be limited by a single term
 * far below the others (the two-beam anisotropy rate by truncation alone: docs/spectral.md).
 * {@link chooseDomainForMoments} (an option, `relax --pointwise-slack`) trades pointwise accuracy
 * for the accuracy of second moments of Q; it is not the default because it breaks the BKW
 * pointwise comparison with kipack (docs/spectral.md, "A second objective for moments").
 * {@link momentErrorTerms} and {@link fourthMomentErrorEstimate} add the error a fourth moment of Q
 * takes from the box faces (a diagnostic; docs/spectral.md, "The fourth moment at the box faces").
 */
import { RuleError } from "../../math/errors.ts";
import type { VelocityGrid } from "./grid.ts";
import { droppedFraction, SEPARATED, type Truncation, truncationReach } from "./truncation.ts";

/**
 * One Gaussian component of the data: centred at distance `offset` from the mean, temperature T;
 * `axis` (0, 1, 2 for e_x, e_y, e_z) when the offset is known to lie along one coordinate axis (the
 * two-beam datum's beams at ±U e_x), absent when its direction is not known (then every axis is
 * taken to see the whole offset). Only the face term of {@link momentErrorTerms} reads `axis`.
 */
export interface GaussianComponent {
  readonly offset: number;
  readonly temperature: number;
  readonly axis?: 0 | 1 | 2;
}

/**
 * One bound on the Fourier transform of the data: |f̂(ξ)|/f̂(0) ≤ |1 − q|ξ|²| e^{−T|ξ|²/2}. A
 * Gaussian of temperature T has q = 0 (and any mixture of Gaussians of temperature ≥ T, whatever
 * their centres, is bounded by it); the BKW profile at K has T = KT₀, q = (1 − K)T₀/2.
 */
export interface FourierBound {
  readonly temperature: number;
  readonly quadratic: number;
}

/** What the rule needs to know about the data. */
export interface DataScales {
  /** Components whose tails bound the datum's and its equilibrium's tails (ψ is their minimum). */
  readonly components: readonly GaussianComponent[];
  /**
   * Bounds on |f̂|/f̂(0) for the datum and the states it passes through (its equilibrium; for a
   * family like BKW a sample of its path): the resolution error is the largest of them at the
   * Nyquist wave number.
   */
  readonly spectrum: readonly FourierBound[];
}

/**
 * Margin (in the exponent) of aliasing over truncation: the fourth moment of Q weights the aliased
 * tails in the box corners by |v|⁴ (see the module comment).
 */
export const ALIAS_MARGIN = 3;

/** −ln of the largest {@link FourierBound} at wave number ξ: the resolution exponent at ξ. */
export function resolutionExponent(s: DataScales, xi: number): number {
  let e = Number.POSITIVE_INFINITY;
  const x2 = xi * xi;
  for (const b of s.spectrum) {
    const poly = Math.abs(1 - b.quadratic * x2);
    e = Math.min(e, (b.temperature * x2) / 2 - (poly > 0 ? Math.log(poly) : -745));
  }
  return e;
}

/** ψ(r) = min_c (r − offset_c)₊² / (2 T_c): −ln of the data's tail at radius r, relative to its peak. */
export function tailExponent(s: DataScales, r: number): number {
  let psi = Number.POSITIVE_INFINITY;
  for (const c of s.components) {
    const d = Math.max(0, r - c.offset);
    psi = Math.min(psi, (d * d) / (2 * c.temperature));
  }
  return psi;
}

/**
 * ψ_k(r) = min_c (r − o_{c,k})₊² / (2 T_c), o_{c,k} the part of component c's offset along axis k
 * (the whole offset when its `axis` is k or unknown, 0 when it lies along another axis): −ln of the
 * data's tail at distance r from the centre towards the pair of box faces normal to e_k, which is
 * what an arm of the Carleman form sees from those faces. Equals {@link tailExponent} for data
 * whose components carry no `axis`.
 */
export function faceTailExponent(s: DataScales, k: 0 | 1 | 2, r: number): number {
  let psi = Number.POSITIVE_INFINITY;
  for (const c of s.components) {
    const off = c.axis === undefined || c.axis === k ? c.offset : 0;
    const d = Math.max(0, r - off);
    psi = Math.min(psi, (d * d) / (2 * c.temperature));
  }
  return psi;
}

/** Smallest r with ψ(r) ≥ target (ψ is non-decreasing). */
function radiusForExponent(s: DataScales, target: number): number {
  let lo = 0;
  let hi = 1;
  while (tailExponent(s, hi) < target) hi *= 2;
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi);
    if (tailExponent(s, mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * W(t, R) = ∫_R^∞ p(g) e^{−2ψ(g/2)} g² dg: the tail-weighted measure of the collisions truncation
 * t drops (p = {@link droppedFraction}; composite Simpson on [R, g_max], 2ψ(g_max/2) ≥ 2ψ(R/2) + 40).
 */
export function droppedWeight(s: DataScales, t: Truncation, R: number): number {
  const e0 = 2 * tailExponent(s, R / 2);
  const gMax = 2 * radiusForExponent(s, (e0 + 40) / 2);
  const m = 400;
  const dg = (gMax - R) / m;
  let sum = 0;
  for (let j = 0; j <= m; j++) {
    const g = R + j * dg;
    const w = j === 0 || j === m ? 1 : j % 2 ? 4 : 2;
    sum += w * droppedFraction(t, R, g) * Math.exp(e0 - 2 * tailExponent(s, g / 2)) * g * g;
  }
  return ((sum * dg) / 3) * Math.exp(-e0);
}

/**
 * The separated radius with the same {@link droppedWeight} as truncation t at R (R itself when
 * t is separated): the radius the truncation exponent is taken at.
 */
export function equivalentRadius(s: DataScales, t: Truncation, R: number): number {
  if (t.steps === 1) return R;
  const target = droppedWeight(s, t, R);
  let lo = R / Math.SQRT2;
  let hi = R * 1.5;
  while (droppedWeight(s, SEPARATED, hi) > target) hi *= 1.5;
  for (let i = 0; i < 50; i++) {
    const mid = 0.5 * (lo + hi);
    if (droppedWeight(s, SEPARATED, mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The three error exponents of a choice (L, R) at n points per axis. */
export interface ErrorExponents {
  /** Truncation: 2ψ(R_eq/2) (R_eq = R for the separated truncation, see {@link equivalentRadius}). */
  readonly truncation: number;
  /** Aliasing: 2ψ(L − R'/2), R' the truncation's reach (√2 R when separated). */
  readonly aliasing: number;
  /** Resolution: −ln |f̂(π/h)|/f̂(0) from the data's {@link FourierBound}s, h = 2L/n. */
  readonly resolution: number;
  /** min(E_t, E_a − 3, E_r): the estimated relative error of Q is e^{−E}. */
  readonly overall: number;
}

/** The {@link ErrorExponents} of (L, R) at n points for a truncation (default separated). */
export function errorExponents(
  s: DataScales,
  n: number,
  L: number,
  R: number,
  trunc: Truncation = SEPARATED,
): ErrorExponents {
  const truncation = 2 * tailExponent(s, equivalentRadius(s, trunc, R) / 2);
  const aliasing = 2 * tailExponent(s, Math.max(0, L - truncationReach(trunc, R) / 2));
  const resolution = resolutionExponent(s, (Math.PI * n) / (2 * L));
  const overall = Math.min(truncation, aliasing - ALIAS_MARGIN, resolution);
  return { truncation, aliasing, resolution, overall };
}

/** The R at which truncation t drops the weight the separated one drops at Rsep (Rsep when separated). */
function staircaseRadius(s: DataScales, t: Truncation, Rsep: number): number {
  if (t.steps === 1) return Rsep;
  const target = droppedWeight(s, SEPARATED, Rsep);
  let lo = Rsep;
  let hi = Rsep * 1.5;
  while (droppedWeight(s, t, hi) > target) hi *= 1.5;
  for (let i = 0; i < 50; i++) {
    const mid = 0.5 * (lo + hi);
    if (droppedWeight(s, t, mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A domain (L, R) with the accuracy expected of it. */
export interface DomainChoice {
  readonly L: number;
  readonly R: number;
  readonly exponents: ErrorExponents;
  /** e^{−E}: estimated relative error of Q on this domain. */
  readonly estimatedError: number;
  /** True when L and R were chosen by the rule (false: given by the user or a file). */
  readonly chosen: boolean;
}

/** Round to 3 significant digits, downwards for L (so the resolution condition is kept). */
function round3(x: number, down: boolean): number {
  const p = 10 ** (Math.floor(Math.log10(x)) - 2);
  return Number(((down ? Math.floor(x / p) : Math.ceil(x / p)) * p).toPrecision(3));
}

/**
 * The rule: for given L (if fixed) or free L, and free R, the largest E with E_t ≥ E,
 * E_a ≥ E + 3, E_r ≥ E (bisection on E; R and L are then the smallest radii that meet the
 * truncation and aliasing conditions, so resolution is as good as it can be). The truncation's
 * reach enters the aliasing condition (default separated).
 */
export function chooseDomain(
  s: DataScales,
  n: number,
  fixed: { L?: number; R?: number } = {},
  trunc: Truncation = SEPARATED,
): DomainChoice {
  if (!(n >= 2)) throw new RuleError("n must be >= 2", `got ${n}`);
  if (fixed.L !== undefined && fixed.R !== undefined) {
    const exponents = errorExponents(s, n, fixed.L, fixed.R, trunc);
    return {
      L: fixed.L,
      R: fixed.R,
      exponents,
      estimatedError: Math.exp(-exponents.overall),
      chosen: false,
    };
  }
  const build = (E: number): { L: number; R: number } => {
    const R = fixed.R ?? staircaseRadius(s, trunc, 2 * radiusForExponent(s, E / 2));
    const L =
      fixed.L ?? truncationReach(trunc, R) / 2 + radiusForExponent(s, (E + ALIAS_MARGIN) / 2);
    return { L, R };
  };
  const ok = (E: number): boolean => {
    const { L, R } = build(E);
    const e = errorExponents(s, n, L, R, trunc);
    return e.overall >= E - 1e-9;
  };
  let lo = 0;
  let hi = 1;
  while (ok(hi) && hi < 700) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  const raw = build(lo);
  const L = fixed.L ?? round3(raw.L, true);
  const R = fixed.R ?? round3(raw.R, false);
  const exponents = errorExponents(s, n, L, R, trunc);
  return { L, R, exponents, estimatedError: Math.exp(-exponents.overall), chosen: true };
}

/** Smallest power of two n ≤ 256 whose chosen domain meets `accuracy`, or null if none does. */
export function pointsForAccuracy(
  s: DataScales,
  accuracy: number,
  fixed: { L?: number; R?: number } = {},
  trunc: Truncation = SEPARATED,
): number | null {
  for (let n = 8; n <= 256; n *= 2) {
    if (chooseDomain(s, n, fixed, trunc).estimatedError <= accuracy) return n;
  }
  return null;
}

/** Mass and kinetic energy of a grid function outside the ball |v| ≤ radius (trapezoidal rule). */
export interface Tail {
  readonly radius: number;
  /** ∫_{|v|>radius} f, relative to ∫ f. */
  readonly mass: number;
  /** ∫_{|v|>radius} |v|² f, relative to ∫ |v|² f. */
  readonly energy: number;
}

/**
 * The {@link Tail} of grid values f outside the ball |v| ≤ `radius`: mass and kinetic energy there,
 * relative to the totals (trapezoidal rule on the grid). `relax` prints it for the trusted ball
 * |v| ≤ R/2 as the part of the datum the truncated operator does not see accurately.
 */
export function tailOutside(grid: VelocityGrid, f: Float64Array, radius: number): Tail {
  const { n, axis } = grid;
  const r2max = radius * radius;
  let m = 0;
  let mOut = 0;
  let e = 0;
  let eOut = 0;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const p = axis[i] ** 2 + axis[j] ** 2;
      for (let k = 0; k < n; k++, idx++) {
        const r2 = p + axis[k] ** 2;
        const v = f[idx];
        m += v;
        e += r2 * v;
        if (r2 > r2max) {
          mOut += v;
          eOut += r2 * v;
        }
      }
    }
  return { radius, mass: mOut / m, energy: eOut / e };
}

/**
 * Scales measured from a grid function (for data read from a file): its mean velocity u and
 * temperature T give the equilibrium component (offset |u|, T); the datum's own tail is bounded
 * by fitting ψ to the grid: the component (offset 0, T_d) with T_d the smallest temperature such
 * that f(v) ≤ max f · e^{−|v|²/(2T_d)} on every grid point with f(v) > 1e-6 max f (below that a
 * computed solution carries its own discretization noise, which is not a tail of the data). The
 * spectrum is not measured: it is bounded by a Gaussian of temperature min(T, T_d), optimistic for
 * data with features narrower than their envelope.
 */
export function scalesFromGrid(grid: VelocityGrid, f: Float64Array): DataScales {
  const { n, axis, dv } = grid;
  let m = 0;
  let mx = 0;
  let my = 0;
  let mz = 0;
  let m2 = 0;
  let fmax = 0;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const v = f[idx];
        m += v;
        mx += v * axis[i];
        my += v * axis[j];
        mz += v * axis[k];
        m2 += v * (axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2);
        if (v > fmax) fmax = v;
      }
  const u = [mx / m, my / m, mz / m];
  const T = (m2 / m - u[0] ** 2 - u[1] ** 2 - u[2] ** 2) / 3;
  if (!(m * dv > 0) || !(T > 0))
    throw new RuleError("f must have positive mass and temperature", `T=${T}`);
  let Td = 0;
  idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const v = f[idx];
        if (!(v > 1e-6 * fmax) || v >= fmax) continue;
        const r2 = axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2;
        // f ≤ fmax e^{−r²/(2T_d)}  ⇔  T_d ≥ r² / (2 ln(fmax/f))
        Td = Math.max(Td, r2 / (2 * Math.log(fmax / v)));
      }
  if (!(Td > 0)) Td = T;
  return {
    components: [
      { offset: Math.hypot(u[0], u[1], u[2]), temperature: T },
      { offset: 0, temperature: Td },
    ],
    spectrum: [{ temperature: Math.min(T, Td), quadratic: 0 }],
  };
}

/**
 * Default of {@link chooseDomainForMoments}' slack: the pointwise estimate may be at most twice
 * the best achievable one. Reason: the model's pointwise terms carry unmodelled prefactors of
 * 1–3 (docs/spectral.md: measured/predicted 0.3–1.8 on the boxes scanned), so boxes within a
 * factor 2 of the optimum are not distinguishable by the model's pointwise error; the slack spends
 * only what the model cannot resolve.
 */
export const POINTWISE_SLACK = 2;

/**
 * The predicted error of a low moment of Q (second moments: temperature, anisotropy) on a box with
 * exponents e: e^{−E_t} + e^{−2E_r} + e^{3−E_a}. Truncation biases a moment linearly (the dropped
 * collisions all move it the same way); the lost modes beyond π/h enter a bilinear moment of Q
 * through products of two of them (measured on the two-beam anisotropy rate at n = 32: with the
 * pointwise error rising 2.0e-5 → 1.1e-4 as L grows at fixed R, the rate moves by ≤ 1e-7); aliasing
 * enters with the margin of 3 of {@link chooseDomain}. Not valid for fourth moments: the BKW
 * fourth-moment rate follows the pointwise resolution error linearly at large L, and its aliasing
 * at larger R exceeds e^{3−E_a} by ~10³ (docs/spectral.md, "A second objective for moments").
 */
export function momentErrorEstimate(e: ErrorExponents): number {
  return (
    Math.exp(-e.truncation) + Math.exp(-2 * e.resolution) + Math.exp(ALIAS_MARGIN - e.aliasing)
  );
}

/** The terms of the moment error models on a box (each a relative error; see {@link momentErrorEstimate}). */
export interface MomentErrorTerms {
  /** e^{−E_t}: the collisions dropped by the truncation bias every moment linearly. */
  readonly truncation: number;
  /** e^{−2E_r}: the modes beyond π/h reach a bilinear moment through products of two. */
  readonly resolutionSquared: number;
  /** e^{3−E_a}: aliasing, with the margin of {@link chooseDomain}. */
  readonly aliasing: number;
  /**
   * The face term of a fourth moment, the mean of {@link MomentErrorTerms.faceByAxis} over the
   * three pairs of faces: e^{3 − E_r} (1/3) Σ_k e^{−2ψ_k(L − R)} — the grid's resolution error
   * e^{−E_r}, weighted by the data's tail ({@link faceTailExponent}) at the distance L − R between a
   * box face and the longest arm (|x| or |y| = R, both truncations), with aliasing's margin of 3
   * (docs/spectral.md, "The fourth moment at the box faces"; see {@link fourthMomentErrorEstimate}
   * for where it holds). For data with no known offset direction (BKW, Maxwellians) every ψ_k is
   * the radial ψ and this is e^{3 − E_r − 2ψ(L − R)}, the form fitted on BKW.
   */
  readonly face: number;
  /**
   * e^{3 − E_r − 2ψ_k(L − R)} for the faces normal to e_x, e_y, e_z: for the two-beam datum the x
   * faces see the beams' offset and the y, z faces do not (docs/spectral.md, "The face term by
   * direction").
   */
  readonly faceByAxis: readonly [number, number, number];
}

/** The {@link MomentErrorTerms} of (L, R) at n points for a truncation (default separated). */
export function momentErrorTerms(
  s: DataScales,
  n: number,
  L: number,
  R: number,
  trunc: Truncation = SEPARATED,
): MomentErrorTerms {
  const e = errorExponents(s, n, L, R, trunc);
  const d = Math.max(0, L - R);
  const byAxis = ([0, 1, 2] as const).map((k) =>
    Math.exp(ALIAS_MARGIN - e.resolution - 2 * faceTailExponent(s, k, d)),
  );
  return {
    truncation: Math.exp(-e.truncation),
    resolutionSquared: Math.exp(-2 * e.resolution),
    aliasing: Math.exp(ALIAS_MARGIN - e.aliasing),
    face: (byAxis[0] + byAxis[1] + byAxis[2]) / 3,
    faceByAxis: [byAxis[0], byAxis[1], byAxis[2]],
  };
}

/**
 * The predicted relative error of a fourth moment of Q (the BKW rate ∫|v|⁴Q): the second-moment
 * terms of {@link momentErrorEstimate} plus the {@link MomentErrorTerms.face} term, which rises
 * with R at fixed L. An estimate from measurements (docs/spectral.md, "The fourth moment at the
 * box faces"), a diagnostic, not used by any rule: on the BKW datum (constant kernel) the
 * measured fourth-moment error is 1–2.4× the estimate at n = 16 and 32 where the resolution error
 * is small; with hard spheres the face term falls off faster with L − R (negligible at n = 32 to
 * L − R ≈ 1.4, then as large); for the two-beam datum the face term, though taken by direction
 * (its x faces carry 0.67–0.99 of the measured grid part, the model says 0.45–0.89), is still an
 * upper estimate, 14–21× above the measured fourth-moment part with the constant kernel and
 * 100–840× with hard spheres (docs/spectral.md, "The face term by direction"); where
 * e^{−E_r} ≳ 1e-2 a part linear in the resolution error, not modelled, dominates.
 */
export function fourthMomentErrorEstimate(t: MomentErrorTerms): number {
  return t.truncation + t.resolutionSquared + t.aliasing + t.face;
}

/**
 * A two-objective rule (an option, not the default): among the boxes (L, R) whose predicted
 * pointwise error e^{−E} is at most `slack` times that of {@link chooseDomain}'s box, the one with
 * the smallest {@link momentErrorEstimate}. Scans L and R over [0.8, 1.6] × the pointwise box's
 * (121 values each, exponents exact at each point), then rounds as chooseDomain does and keeps the
 * pointwise box if rounding breaks the slack. For second moments of Q only (see
 * momentErrorEstimate).
 */
export function chooseDomainForMoments(
  s: DataScales,
  n: number,
  slack: number = POINTWISE_SLACK,
  trunc: Truncation = SEPARATED,
): DomainChoice {
  if (!(slack >= 1)) throw new RuleError("pointwise slack must be >= 1", `got ${slack}`);
  const base = chooseDomain(s, n, {}, trunc);
  const bound = base.estimatedError * slack;
  const m = 121;
  let best = { L: base.L, R: base.R, err: momentErrorEstimate(base.exponents) };
  for (let i = 0; i < m; i++) {
    const R = base.R * (0.8 + (0.8 * i) / (m - 1));
    const truncation = 2 * tailExponent(s, equivalentRadius(s, trunc, R) / 2);
    const reach = truncationReach(trunc, R);
    for (let j = 0; j < m; j++) {
      const L = base.L * (0.8 + (0.8 * j) / (m - 1));
      const aliasing = 2 * tailExponent(s, Math.max(0, L - reach / 2));
      const resolution = resolutionExponent(s, (Math.PI * n) / (2 * L));
      const overall = Math.min(truncation, aliasing - ALIAS_MARGIN, resolution);
      if (Math.exp(-overall) > bound) continue;
      const err = momentErrorEstimate({ truncation, aliasing, resolution, overall });
      if (err < best.err) best = { L, R, err };
    }
  }
  const L = round3(best.L, true);
  const R = round3(best.R, false);
  const exponents = errorExponents(s, n, L, R, trunc);
  if (Math.exp(-exponents.overall) > bound) return base;
  return { L, R, exponents, estimatedError: Math.exp(-exponents.overall), chosen: true };
}
