import type { Beam } from "../construction/beam/beam.ts";
import { beamZNorm } from "../construction/beam/beam-znorm.ts";
import { bumpNodes } from "../construction/beam/bump-polar-nodes.ts";
import {
  bandRotationConstants,
  bumpAxialGeometry,
  remainderGradientFactors,
} from "../construction/beam-core/beam-core-gain-remainder.ts";
import { gradKBound, kHi, kLo } from "../construction/beam-core/core-crossing.ts";
import { centreFrequency, coreLogAmplitude } from "../construction/core/core.ts";
import { coreDecay } from "../construction/core/core-decay.ts";
import { coreZNorm } from "../construction/core/core-znorm.ts";
import { planeIntegral } from "../construction/geometry/core-profile-integrals.ts";
import { transportLikeConstants } from "../construction/geometry/cutoff-constants.ts";
import { bumpRadius } from "../construction/geometry/velocity-bumps.ts";
import { Z_PARTS, type ZPart } from "../kinetic/z-parts.ts";
import { GAUSSIAN_WEIGHT, V_GAUSSIAN_WEIGHT } from "../kinetic/z-weight.ts";
import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { leftAnchoredRule } from "../math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../math/quadrature/maximize.ts";
import { beamFor, type ClaimContext, claimBase, m, scalingClaim } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";
import { findMeasure } from "./error-table/measures.ts";

// ─── the pairs with the core: (f_b, f_r), (f_r, f_b), (f_r, f_r) ─────────────────────────────────

/**
 * (3.5)–(3.6) on the pairs of the construction that involve the core f_r (2.5). Q⁻(f, g) = f A[g]
 * (Section 1), so in (3.5) the first argument f carries the Z-norm and the second g the norm
 * ‖⟨v⟩e^{⟨v⟩²}g‖_{L^{1,1}L^∞} + M⁻¹‖⟨v⟩e^{⟨v⟩²}∇g‖_{L^{1,1}L^∞} (the "L^∞ slot"); in (3.6) (Q⁺ only)
 * the roles are swapped. Section 4 uses (3.5) for Q±(f_b,f_r), Q±(f_r,f_r) and (3.6) for
 * Q⁺(f_r,f_b): f_r always sits in the L^∞ slot. Every combination is measured here:
 *   (3.5): Q⁻(f_b,f_r), Q⁺(f_b,f_r), Q⁺(f_r,f_b), Q⁻(f_r,f_b), Q⁻(f_r,f_r), Q⁺(f_r,f_r);
 *   (3.6): Q⁺(f_b,f_r), Q⁺(f_r,f_b), Q⁺(f_r,f_r).
 * (Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres, so (3.6) for one is (3.5) for the other.)
 *
 * Left side ‖e^{⟨v⟩²}Q(t)‖_Z, part by part:
 * - from the error-table measures over the window (t − ε, t) divided by ε, for every part except
 *   the gradient L^∞ part of the beam–core terms. The window must be short on the core's scale:
 *   along the characteristic of a beam velocity (|v| ≈ 1) the core factor χ(100M(x − (t−τ)v)) moves
 *   by 100Mε|v| core radii, so ε = 10⁻³/M (used for f_b alone) is a 10–16 % shift here. We take
 *   ε₂ = 10⁻⁵/M (shift ≤ 1.6·10⁻³ core radii; the decay e^{−Λ₀} changes by ε₂A[f_b] ≲ 10⁻⁵, the tubes
 *   by ε₂M) and add |m(ε₁)/ε₁ − m(ε₂)/ε₂| with ε₁ = 10ε₂ to the error (the window error is linear in
 *   ε, so this over-covers it by ~10; fallback pair in {@link coreWindows}). For Q±(f_r,f_r) the velocities are ≤ 1/N and the window
 *   barely matters (the two quotients agree to 10⁻⁶).
 * - ∇L^∞ part of Q⁻(f_b,f_r) and Q⁺(f_b,f_r) = Q⁺(f_r,f_b): the measures bracket sup_x|∇_x| of a
 *   Duhamel line integral that does not cross the whole core (λε < 2, λ = 100M|v|) by [0, bound ∝ 1/λ]
 *   and that bound does not shrink with ε (the quotient grows like 1/ε). So this part is computed
 *   here at the instant t with the same reductions as the measures (core-bilinear-terms.ts):
 *   e^{−Λ(t,x,u)} ∈ E(t)e^{±Δ(t)}, |∇Λ| ≤ D(t), f_b on the core between the tube brackets
 *   K^lo, K^hi, |∇f_b| ≤ gradKBound; writing Q = a(x,v)·e^{−Λ}χ(100Mx),
 *     sup_x|∇Q| ≥ |∇Q(x⋆)|, |x⋆| = r⋆/(100M), r⋆ = argmax|φ'|:  ≥ 100M‖φ'‖ a^lo e^{−Δ} − φ(r⋆)e^{Δ}(|∇a|^hi + D a^hi),
 *     sup_x|∇Q| ≤ e^{Δ}((100M‖φ'‖ + D) a^hi + |∇a|^hi),
 *   with a = f_b·2πAmpN⁻³(|v|c₁ + m₄/(3N²|v|)) for Q⁻ (exact for the reduced core) and a =
 *   (2AmpN⁻³c₁/|v|)∫_{p·v=|v|²}f_b dA + R for Q⁺ (plane integrals by the exchange formula, the
 *   remainder R and the |v| < v₁ slab bound as in the measure, multiplied for the gradient by the
 *   multipliers derived in beam-core-gain-remainder.ts `remainderGradientFactors`; R is ≲ 2 % of
 *   the main term from M = 8 on). Gauss–Legendre 24² (bump) × 32 (c) vs 16² × 24: the difference
 *   widens the bracket. The L^∞ part is computed the same way and compared with the measure in the
 *   tests (a second method).
 * - Q⁻(f_r,f_b) = f_r A[f_b] (not in F_err (4.1), no measure): on the core A[f_b](t,x,v) lies within
 *   a = G/(100M) + 2πM^{1−s}nV/N (+ quadrature error) of A₀(t) = A[f_b](t,0,0) (single-tube identity,
 *   core.ts) and |∇A| ≤ G (construction/core/core-decay.ts coreDecay), so each part is bracketed by the Z-norm parts
 *   of e^{⟨v⟩²}f_r (core-znorm.ts): L^p parts × [A₀ − a, A₀ + a], gradient parts ± (G/M) × the plain part.
 * Right side: ‖⟨v⟩e^{⟨v⟩²}f_b‖ parts from beam-znorm.ts (exact in t), ‖⟨v⟩e^{⟨v⟩²}f_r(t)‖ parts from
 * core-znorm.ts (brackets). Every quantity is an interval; the ratio's interval is
 * [lhs_lo/rhs_hi, lhs_hi/rhs_lo], reported as midpoint ± half-width. Only the L² parts of Q⁺(f_b,f_r)
 * have lower end 0 (the measure's slab bound dominates at M ≤ 16); they are small beside the
 * gradient L^∞ part, which dominates every beam–core left side.
 */
export type CorePairTerm =
  | "Q-(fb,fr)"
  | "Q+(fb,fr)"
  | "Q+(fr,fb)"
  | "Q-(fr,fb)"
  | "Q-(fr,fr)"
  | "Q+(fr,fr)";
export type Inequality = "3.5" | "3.6";

export interface PairCase {
  readonly term: CorePairTerm;
  readonly inequality: Inequality;
}

/** Every (term, inequality) measured (see above). */
export const PAIR_CASES: readonly PairCase[] = [
  { term: "Q-(fb,fr)", inequality: "3.5" },
  { term: "Q+(fb,fr)", inequality: "3.5" },
  { term: "Q+(fr,fb)", inequality: "3.5" },
  { term: "Q-(fr,fb)", inequality: "3.5" },
  { term: "Q-(fr,fr)", inequality: "3.5" },
  { term: "Q+(fr,fr)", inequality: "3.5" },
  { term: "Q+(fb,fr)", inequality: "3.6" },
  { term: "Q+(fr,fb)", inequality: "3.6" },
  { term: "Q+(fr,fr)", inequality: "3.6" },
];

/** A closed interval [lo, hi] of nonnegative numbers. */
export type Interval = readonly [number, number];

const ivOf = (e: Estimate): Interval => [Math.max(0, e.value - e.error), e.value + e.error];
const ivAdd = (a: Interval, b: Interval): Interval => [a[0] + b[0], a[1] + b[1]];
const ivMul = (a: Interval, b: Interval): Interval => [a[0] * b[0], a[1] * b[1]];
const ivMid = (a: Interval, method: string): Estimate =>
  estimate(0.5 * (a[0] + a[1]), 0.5 * (a[1] - a[0]), "derived", method);

/**
 * The window lengths of the short-window limit, shortest first: ε₂ = 10⁻⁵/M with ε₁ = 10ε₂, and
 * the fallback pairs (10⁻⁴/M, 10⁻³/M), (10⁻³/M, 10⁻²/M) for a measure that returns a non-finite
 * value on the shorter windows (the Q⁺(f_b,f_r) gradL2 measure does at M = 16 for ε = 10⁻⁵/M and at
 * M = 32 for ε = 10⁻⁴/M: its cell kernels are second differences of S at cell widths u = λε/64 of
 * 10⁻⁶…10⁻⁵). The smallest t of the claims is the longest window, 10⁻²/M.
 */
export function coreWindows(M: number): {
  eps2: number;
  eps1: number;
  eps0: number;
  epsMax: number;
} {
  return { eps2: 1e-5 / M, eps1: 1e-4 / M, eps0: 1e-3 / M, epsMax: 1e-2 / M };
}

/**
 * ‖e^{⟨v⟩²}Q(t)‖_{part} from the error-table measure of `term` over (t − ε, t) divided by ε, with
 * |m(10ε)/(10ε) − m(ε)/ε| added on both sides, ε = ε₂ (or ε₁ when a measure fails on ε₂, see
 * {@link coreWindows}); a measure returning a lower end with `upperBound` gives [lower, upper].
 */
export function windowLimit(
  beam: Beam,
  term: "Q-(fb,fr)" | "Q+(fb,fr)" | "Q-(fr,fr)" | "Q+(fr,fr)",
  part: ZPart,
  t: number,
): Interval {
  const measure = findMeasure(term, part);
  if (!measure) throw new Error(`no error-table measure for ${term} ${part}`);
  const { eps2, eps1, eps0, epsMax } = coreWindows(beam.params.M);
  if (!(t >= eps1)) throw new RuleError("the window limit needs t ≥ ε₁ = 10⁻⁴/M", `got t = ${t}`);
  const at = (eps: number): Interval | null => {
    const r = measure.measure(beam, { t0: t - eps, t });
    const v = r.value;
    const iv: Interval = r.upperBound
      ? [v.value - v.error, r.upperBound.value + r.upperBound.error]
      : [v.value - v.error, v.value + v.error];
    if (!Number.isFinite(iv[0]) || !Number.isFinite(iv[1])) return null;
    return [Math.max(0, iv[0]) / eps, iv[1] / eps];
  };
  const ladder = [
    [eps2, eps1],
    [eps1, eps0],
    [eps0, epsMax],
  ].filter(([, long]) => t >= long);
  for (const [short, long] of ladder) {
    const a = at(short);
    const b = a ? at(long) : null;
    if (!a || !b) continue;
    const w = Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
    return [Math.max(0, a[0] - w), a[1] + w];
  }
  throw new Error(
    `error-table measure ${term} ${part} is not finite on the windows ending at t = ${t} (ε = ${ladder.flat().join(", ")})`,
  );
}

/** ⟨v⟩e^{⟨v⟩²} at |v| = r (the L^{1,1}_v integrand weight of e^{⟨v⟩²}). */
const l11Weight = (r: number): number => Math.sqrt(1 + r * r) * Math.exp(1 + r * r);

/** The core's state at t: E = e^{−Λ₀(t)}, Δ(t), D(t), and the profile's slope constants. */
function coreState(beam: Beam, t: number) {
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const star = goldenSectionMax((r) => Math.abs(beam.cutoff.dphi(r)), 0, 1);
  return {
    E: Math.exp(-dec.lambda0(t)),
    Dl: dec.delta(t),
    D: dec.gradBound(t),
    tc,
    d1: Math.max(tc.d1, star.value),
    phiStar: beam.cutoff.phi(star.at),
  };
}

/** One quadrature level of the instantaneous L^∞ brackets of Q⁻(f_b,f_r), in the unit 2πAmpN⁻³M^{1−s}n. */
function lossInstantSums(beam: Beam, t: number, nb: number): { Linf: Interval; grad: Interval } {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const cs = coreState(beam, t);
  const coreR = beam.params.constants.coreRadius;
  const delta = 1 / (coreR * M);
  const invN2 = Math.exp(-2 * lnN);
  const eP = Math.exp(cs.Dl);
  const eM = Math.exp(-cs.Dl);
  const slope = coreR * M * cs.d1;
  let lLo = 0;
  let lHi = 0;
  let gLo = 0;
  let gHi = 0;
  for (const nd of bumpNodes(beam, nb)) {
    const b = nd.vn * cs.tc.c1 + (cs.tc.m4 * invN2) / (3 * nd.vn);
    const base = nd.wv * l11Weight(nd.vn) * b * nd.I * cs.E;
    const fLo = kLo(phi, nd.perp, nd.ax, t, delta, 1 / coreR);
    const fHi = kHi(phi, nd.perp, nd.ax, t, delta, 1 / coreR);
    const g = gradKBound(beam, cs.tc.H, nd, t, t, delta);
    lLo += base * eM * fLo;
    lHi += base * eP * fHi;
    gLo += base * (fLo * slope * eM - cs.phiStar * eP * (g + cs.D * fHi));
    gHi += base * eP * ((slope + cs.D) * fHi + g);
  }
  return { Linf: [lLo, lHi], grad: [gLo, gHi] };
}

/** One quadrature level of the instantaneous L^∞ brackets of Q⁺(f_b,f_r), in the unit 2c₁AmpN⁻³M^{1−s}n. */
function gainInstantSums(
  beam: Beam,
  t: number,
  nb: number,
  nc: number,
): { Linf: Interval; grad: Interval } {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const cs = coreState(beam, t);
  const coreR = beam.params.constants.coreRadius;
  const delta = 1 / (coreR * M);
  const rho = bumpRadius(beam.bump);
  const ax = bumpAxialGeometry(beam);
  const rot = bandRotationConstants(beam);
  const cw = 1 / (rho * M);
  const N = Math.exp(lnN);
  const v1 = Math.max(Math.exp(-0.9 * lnN), (10 * cw * M) / N);
  const cX = new Float64Array(nc);
  const cW = new Float64Array(nc);
  let pLo = 0;
  let pHi = 0;
  let pGr = 0;
  for (const nd of bumpNodes(beam, nb)) {
    // exchange formula: ∫dv (w(|v|)/|v|) ∫_{p·v̂=|v|} g dA = ∫dp g(p) 2π ∫_{v₁/|p|}^1 |p|c w(|p|c) dc
    const pn = nd.vn;
    const c0 = Math.min(1, v1 / pn);
    leftAnchoredRule(nc, c0, 0.5 * (1 - c0), cX, cW);
    let J = 0;
    for (let i = 0; i < nc; i++) {
      const c = cX[i];
      J += cW[i] * 2 * Math.PI * pn * c * l11Weight(pn * c);
    }
    const base = nd.wv * nd.I * J;
    pLo += base * kLo(phi, nd.perp, nd.ax, t, delta, 1 / coreR);
    pHi += base * kHi(phi, nd.perp, nd.ax, t, delta, 1 / coreR);
    pGr += base * gradKBound(beam, cs.tc.H, nd, t, t, delta);
  }
  // remainders (core-bilinear-terms.ts, Q⁺(f_b,f_r) L^∞ parts), per unit time
  const P0 = planeIntegral(phi, 0, 64);
  const Amax = 2 * rho * Math.sqrt(ax.LSq + 4 * rho * rho);
  const small = ((3 * P0) / cs.tc.c1) * l11Weight(v1) * Amax * 2 * Math.PI * v1 * v1;
  const eps = rot.epsFactor / (N * v1);
  const volEps = Math.PI * (rho + eps) ** 2 * (ax.L + 2 * eps);
  const Lb = (t * (M + 1) + cw * M + ax.alpha) * cs.tc.d1;
  const band =
    (volEps *
      2 *
      Math.PI *
      l11Weight(Math.sqrt(ax.a1Sq + rho * rho) + eps) *
      1.58 *
      rot.lever *
      Lb) /
    N;
  const R = band + small;
  const eP = cs.E * Math.exp(cs.Dl);
  const eM = cs.E * Math.exp(-cs.Dl);
  const slope = coreR * M * cs.d1;
  // ∇x of the remainders: the multipliers derived in beam-core-gain-remainder.ts
  const gf = remainderGradientFactors(beam, t, cs.D, Lb);
  const gradR = band * gf.bandLinf + small * gf.slabLinf;
  return {
    Linf: [eM * pLo - eP * band, eP * (pHi + R)],
    grad: [
      slope * eM * pLo - cs.phiStar * eP * (pGr + cs.D * pHi) - eP * gradR,
      eP * ((slope + cs.D) * pHi + pGr + gradR),
    ],
  };
}

/**
 * Instantaneous L^∞ parts (Linf, and gradLinf with its M⁻¹) of e^{⟨v⟩²}Q⁻(f_b,f_r)(t) or
 * e^{⟨v⟩²}Q⁺(f_b,f_r)(t), as brackets (see the comment above {@link CorePairTerm}).
 */
export function beamCoreInstantLinf(
  beam: Beam,
  sign: "-" | "+",
  t: number,
): { Linf: Interval; gradLinf: Interval } {
  const { M, s, lnN } = beam.params;
  const n = (M * (M + 1)) / 2;
  const tc = transportLikeConstants(beam.cutoff);
  const logUnit =
    (sign === "-" ? Math.log(2 * Math.PI) : Math.log(2 * tc.c1)) +
    coreLogAmplitude(beam) -
    3 * lnN +
    (1 - s) * Math.log(M) +
    Math.log(beam.params.constants.beamAmplitude) +
    Math.log(n);
  const fine = sign === "-" ? lossInstantSums(beam, t, 24) : gainInstantSums(beam, t, 24, 32);
  const coarse = sign === "-" ? lossInstantSums(beam, t, 16) : gainInstantSums(beam, t, 16, 24);
  const unit = Math.exp(logUnit);
  const widen = (f: Interval, c: Interval, scale: number): Interval => {
    const q = Math.max(Math.abs(f[0] - c[0]), Math.abs(f[1] - c[1]));
    return [Math.max(0, f[0] - q) * unit * scale, (f[1] + q) * unit * scale];
  };
  return { Linf: widen(fine.Linf, coarse.Linf, 1), gradLinf: widen(fine.grad, coarse.grad, 1 / M) };
}

/** The four parts of e^{⟨v⟩²}Q⁻(f_r,f_b)(t) = e^{⟨v⟩²}f_r A[f_b] (prefactors included), as brackets. */
export function coreBeamLoss(beam: Beam, t: number): Record<ZPart, Interval> {
  const { M } = beam.params;
  const dec = coreDecay(beam);
  const A0 = centreFrequency(beam, t);
  const G = dec.gradBound(1);
  const a = dec.delta(1) - dec.delta(0) + A0.error;
  const A: Interval = [Math.max(0, A0.value - a), A0.value + a];
  const p = coreZNorm(beam, t, GAUSSIAN_WEIGHT).z.parts;
  const L2 = ivOf(p.L2);
  const Linf = ivOf(p.Linf);
  const gradPart = (g: Interval, plain: Interval): Interval => {
    const m = ivMul(A, g);
    return [Math.max(0, m[0] - (G / M) * plain[1]), m[1] + (G / M) * plain[1]];
  };
  return {
    L2: ivMul(A, L2),
    gradL2: gradPart(ivOf(p.gradL2), L2),
    Linf: ivMul(A, Linf),
    gradLinf: gradPart(ivOf(p.gradLinf), Linf),
  };
}

/** The four parts of ‖e^{⟨v⟩²}Q(t)‖_Z for one term (see the comment above {@link CorePairTerm}). */
export function corePairLhs(beam: Beam, term: CorePairTerm, t: number): Record<ZPart, Interval> {
  if (term === "Q-(fr,fb)") return coreBeamLoss(beam, t);
  if (term === "Q-(fr,fr)" || term === "Q+(fr,fr)") {
    const out = {} as Record<ZPart, Interval>;
    for (const part of Z_PARTS) out[part] = windowLimit(beam, term, part, t);
    return out;
  }
  const m = term === "Q-(fb,fr)" ? "Q-(fb,fr)" : "Q+(fb,fr)";
  const inst = beamCoreInstantLinf(beam, term === "Q-(fb,fr)" ? "-" : "+", t);
  return {
    L2: windowLimit(beam, m, "L2", t),
    gradL2: windowLimit(beam, m, "gradL2", t),
    Linf: windowLimit(beam, m, "Linf", t),
    gradLinf: inst.gradLinf,
  };
}

/** Z-norm and L^∞-slot norm (‖·‖_{L^{1,1}L^∞} + M⁻¹‖∇·‖_{L^{1,1}L^∞}) of ⟨v⟩e^{⟨v⟩²}f, f = f_b or f_r(t). */
export function slotNorms(
  beam: Beam,
  which: "fb" | "fr",
  t: number,
): { Z: Interval; inf: Interval } {
  const p =
    which === "fb"
      ? beamZNorm(beam, V_GAUSSIAN_WEIGHT).z.parts
      : coreZNorm(beam, t, V_GAUSSIAN_WEIGHT).z.parts;
  const inf = ivAdd(ivOf(p.Linf), ivOf(p.gradLinf));
  return { Z: ivAdd(ivAdd(ivOf(p.L2), ivOf(p.gradL2)), inf), inf };
}

export interface CorePairRatio {
  readonly M: number;
  readonly t: number;
  readonly term: CorePairTerm;
  readonly inequality: Inequality;
  /** Which function carries the Z-norm and which the L^∞-slot norm on the right side. */
  readonly zSlot: "fb" | "fr";
  readonly infSlot: "fb" | "fr";
  readonly parts: Readonly<Record<ZPart, Interval>>;
  readonly lhs: Interval;
  readonly rhs: Interval;
  readonly ratio: Estimate;
  /**
   * The ratio with ‖⟨v⟩e^{⟨v⟩²}f_b‖_Z replaced by its L^∞-slot part when f_b is in the Z slot (equal
   * to the ratio otherwise): an upper bound of the ratio, since the Z-norm contains that part.
   */
  readonly envelope: Estimate;
}

/** The arguments (f, g) of a term id "Q±(f,g)". */
function args(term: CorePairTerm): ["fb" | "fr", "fb" | "fr"] {
  return [term.slice(3, 5) as "fb" | "fr", term.slice(6, 8) as "fb" | "fr"];
}

/** The ratio of (3.5) or (3.6) for every case of {@link PAIR_CASES} at one t (left sides shared). */
export function corePairRatios(
  beam: Beam,
  t: number,
  cases: readonly PairCase[] = PAIR_CASES,
): CorePairRatio[] {
  const { M } = beam.params;
  const lhsCache = new Map<CorePairTerm, Record<ZPart, Interval>>();
  const norms = { fb: slotNorms(beam, "fb", t), fr: slotNorms(beam, "fr", t) };
  return cases.map(({ term, inequality }) => {
    const key = term === "Q+(fr,fb)" ? "Q+(fb,fr)" : term;
    let parts = lhsCache.get(key);
    if (!parts) {
      parts = corePairLhs(beam, key, t);
      lhsCache.set(key, parts);
    }
    const [f, g] = args(term);
    const zSlot = inequality === "3.5" ? f : g;
    const infSlot = inequality === "3.5" ? g : f;
    let lhs: Interval = [0, 0];
    for (const part of Z_PARTS) lhs = ivAdd(lhs, parts[part]);
    const rhs = ivMul(norms[zSlot].Z, norms[infSlot].inf);
    const r: Interval = [lhs[0] / rhs[1], lhs[1] / rhs[0]];
    const ratio = ivMid(
      r,
      `(${inequality}) for ${term}: [lhs_lo/rhs_hi, lhs_hi/rhs_lo] as midpoint ± half-width`,
    );
    const envRhs = zSlot === "fb" ? ivMul(norms.fb.inf, norms[infSlot].inf) : rhs;
    const envelope = ivMid(
      [lhs[0] / envRhs[1], lhs[1] / envRhs[0]],
      `(${inequality}) for ${term} with ‖f_b‖_Z replaced by its L^∞-slot part (an upper bound of the ratio)`,
    );
    return { M, t, term, inequality, zSlot, infSlot, parts, lhs, rhs, ratio, envelope };
  });
}

const fmt = (x: number) => Number(x.toPrecision(4));

/**
 * Claims "3.5-construction" and "3.6-construction": at each M the largest ratio (by midpoint) over
 * the cases of {@link PAIR_CASES} for that inequality and t ∈ {10⁻²/M, ½T*, T*}, judged as a bounded
 * quantity (exponent 0); `where` names the pair and t and lists every ratio. Beside it the largest
 * envelope (the ratio with ‖⟨v⟩e^{⟨v⟩²}f_b‖_Z replaced by its L^∞-slot part, an upper bound of every
 * ratio) is judged the same way: where the ratio grows over the M reached but the envelope does not,
 * the growth is that of the quotient (L^∞-slot part)/(Z-norm) of f_b, which is ≤ 1, and the verdict
 * is `inconclusive` with that reason instead of `inconsistent`.
 */
export function claimsProposition3_1CorePairs(ctx: ClaimContext): ClaimResult[] {
  const perM = ctx.Ms.map((M) => {
    const beam = beamFor(ctx, M);
    const T = beam.params.Tstar;
    return { M, rows: [coreWindows(M).epsMax, T / 2, T].flatMap((t) => corePairRatios(beam, t)) };
  });
  return (["3.5", "3.6"] as const).map((ineq) => {
    const envelopes: ReturnType<typeof m>[] = [];
    const meas = perM.map(({ M, rows }) => {
      const mine = rows.filter((r) => r.inequality === ineq);
      const best = mine.reduce((a, b) => (b.ratio.value > a.ratio.value ? b : a));
      const env = mine.reduce((a, b) => (b.envelope.value > a.envelope.value ? b : a));
      envelopes.push(m(M, env.envelope, 1, { pair: env.term, t: env.t }));
      return m(M, best.ratio, 1, {
        pair: best.term,
        t: best.t,
        zSlot: best.zSlot,
        infSlot: best.infSlot,
        lhs: best.lhs.map(fmt),
        rhs: best.rhs.map(fmt),
        lhsParts: Object.fromEntries(Z_PARTS.map((p) => [p, best.parts[p].map(fmt)])),
        envelope: {
          pair: env.term,
          t: fmt(env.t),
          value: fmt(env.envelope.value),
          error: fmt(env.envelope.error),
        },
        ratios: mine.map((r) => ({
          pair: r.term,
          t: fmt(r.t),
          ratio: fmt(r.ratio.value),
          bracket: [fmt(r.ratio.value - r.ratio.error), fmt(r.ratio.value + r.ratio.error)],
          envelope: fmt(r.envelope.value),
        })),
      });
    });
    const which = ineq === "3.5" ? "Q±(f,g), f in the Z slot" : "Q⁺(f,g), g in the Z slot";
    const base = claimBase(
      ctx,
      `${ineq}-construction`,
      `(${ineq}) on the construction's pairs with the core (f_b,f_r), (f_r,f_b), (f_r,f_r)`,
      `‖e^{⟨v⟩²}${which}‖_Z over the right side of (${ineq}) stays bounded in M, for Q${ineq === "3.5" ? "±" : "⁺"} of the pairs of f_b and f_r`,
      "left side: error-table measures over (t − ε₂, t)/ε₂, ε₂ = 10⁻⁵/M (window error from ε₁ = 10ε₂), except ∇L^∞ of the beam–core terms (instantaneous brackets) and Q⁻(f_r,f_b) (A[f_b] on the core × Z parts of f_r); right side from beam-znorm.ts and core-znorm.ts; all brackets; largest midpoint over the pairs and t ∈ {10⁻²/M, T*/2, T*}",
    );
    const claim = scalingClaim(base, meas, 0, "upper");
    const envClaim = scalingClaim(base, envelopes, 0, "upper");
    const envText = `envelope (‖f_b‖_Z replaced by its L^∞-slot part, ≥ every ratio): ${envelopes.map((e) => `${fmt(e.value.value)} (${e.where?.pair})`).join(", ")} at M = ${ctx.Ms.join(", ")}, ${envClaim.verdict}: ${envClaim.reason}`;
    if (claim.verdict === "inconsistent" && envClaim.verdict === "consistent") {
      return {
        ...claim,
        verdict: "inconclusive",
        reason: `${claim.reason}; the growth is that of (L^∞-slot part)/(Z-norm) of ⟨v⟩e^{⟨v⟩²}f_b (its L² parts ~M^{s0−s} dominate the Z-norm at these M, the L^∞ parts ~M^{1−s} take over only for M in the hundreds and beyond), a quotient ≤ 1: the ${envText}`,
      };
    }
    return { ...claim, reason: `${claim.reason}; ${envText}` };
  });
}
