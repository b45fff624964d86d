import type { ZPart } from "../../kinetic/z-parts.ts";
import { normWeightAt, type ZWeight } from "../../kinetic/z-weight.ts";
import { assembleZNorm, type ZNorm } from "../../kinetic/znorm.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { radialIntegral } from "../../math/quadrature/radial.ts";
import type { Beam } from "../beam/beam.ts";
import { profileConstants } from "../geometry/cutoff-constants.ts";
import { requireHardSphere } from "../parameters/parameters.ts";
import { centreFrequency, coreExponent } from "./core.ts";
import { bumpMoments, radialL2 } from "./core-norm.ts";

/**
 * The Z-norm (3.3) of w·f_r(t) (Lemma 4.2, (4.5), (4.18)–(4.19)), f_r of (2.5):
 *   f_r(t, x, v) = A_r e^{−Λ(t,x,v)} χ(λx) χ(Nv),  A_r = c_r M^{3/2−s0}N^{3/2},  λ = RM
 * (paper: c_r = 1, R = 100; the beam's amplitude c_b M^{1−s} enters through Λ),
 *   Λ(t, x, v) = ∫_0^t A[f_b](τ, x, v) dτ.
 *
 * Reductions, each with an explicit bound (the bounds of core-norm.ts):
 * - Λ₀(t) = Λ(t, 0, 0) by the single-tube identity ({@link centreFrequency}); on the support
 *   |∇_x Λ| ≤ D = tG, G = 2π c_b M^{1−s} n (W + V/N)(M H_φ/R + ‖φ'‖_∞) (core-norm.ts), so with
 *   r = λ|x| ∈ [0, 1]: |Λ(t,x,v) − Λ(t,0,v)| ≤ c r, c = D/λ; and |Λ(t,0,v) − Λ₀| ≤ Δ_v =
 *   t·2πc_b M^{1−s} n V/N (||u − v| − |u|| ≤ |v| ≤ 1/N). Δ = c + Δ_v + err(Λ₀).
 * - Weight frozen: ⟨v⟩w(v) on |v| ≤ 1/N lies in [ω₋, ω₊] = [w(0), ⟨1/N⟩w(1/N)] (w radial and
 *   non-decreasing), e.g. [e, e^{1+N⁻²}(1+N⁻²)^{1/2}] for e^{⟨v⟩²}: a relative O(N⁻²) bracket.
 * - L² parts (x-norm at fixed v, then v): ‖⟨v⟩w f_r‖ ∈ c_r M^{3/2−s0}‖χ‖²λ^{−3/2}e^{−Λ₀}[ω₋e^{−Δ}, ω₊e^{Δ}];
 *   ‖⟨v⟩w∇f_r‖: ∇(e^{−Λ}χ_λ) = e^{−Λ}(λ(∇χ)(λx) − ∇Λ χ_λ), bracketed by the triangle inequality
 *   between e^{−Λ₀∓Δ}λ^{−1/2}‖∇χ‖ ∓ e^{−Λ₀+Δ}Dλ^{−3/2}‖χ‖, times M^{3/2−s0}‖χ‖ω±.
 * - L^∞_x parts: sup_x e^{−Λ}χ(λx) ≥ e^{−Λ(t,0,v)} (x = 0) and ≤ e^{−Λ(t,0,v)}·max_r e^{cr}φ(r);
 *   whether the sup is at x = 0 is not assumed: the factor m(c) = max_r e^{cr}φ(r) ≥ 1 is reported
 *   (for `plateau`, flat on r ≤ 1/2, it is > 1 as soon as c > 0: the bracket then allows the sup to
 *   move off the centre). sup_x|∇(e^{−Λ}χ_λ)| lies between its value at r⋆ = argmax|φ'| (minus the
 *   ∇Λ term) and max_r e^{cr}(λ|φ'(r)| + Dφ(r)). The v-integral is A_r N^{−3}‖χ‖_{L¹}[ω₋, ω₊]
 *   = M^{3/2−s0}N^{−3/2}‖χ‖_{L¹}[ω₋, ω₊] (computed in logarithms: N overflows).
 * At t = 0 every bracket closes (Λ = 0): the parts are closed forms of the cutoff.
 */
export interface CoreZNorm {
  readonly z: ZNorm;
  readonly lambda0: Estimate;
  /** Δ: bound of |Λ − Λ₀| on the support. */
  readonly delta: number;
  /** D: bound of |∇_x Λ| on the support. */
  readonly gradientBound: number;
  /** m(c) = max_r e^{cr}φ(r): 1 means the sup of e^{−Λ}χ(λx) is pinned to x = 0 up to e^{±Δ}. */
  readonly supFactor: number;
}

/** ∫_{R³} φ(|x|) dx = 4π∫_0^1 φ r² dr (Gauss–Legendre 200). */
function radialL1(phi: (r: number) => number): number {
  return radialIntegral((r) => Math.abs(phi(r)), 200);
}

const mid = (lo: number, hi: number, method: string): Estimate =>
  estimate(0.5 * (lo + hi), 0.5 * Math.abs(hi - lo) + 1e-13 * Math.abs(hi), "derived", method);

/**
 * The four parts of the Z-norm (3.3) of w·f_r(t) (Lemma 4.2: (4.5), (4.18), (4.19)), each bracketed
 * by the explicit bounds of the module comment; weight `weight` (e.g. e^{⟨v⟩²}).
 */
export function coreZNorm(beam: Beam, t: number, weight: ZWeight): CoreZNorm {
  requireHardSphere(beam.params, "the Z-norm of f_r (4.5)");
  const { M, s0, lnN, constants } = beam.params;
  const R = constants.coreRadius;
  const { phi, dphi } = beam.cutoff;
  const lambda = R * M;
  const invN = Math.exp(-lnN);
  const L0 = t === 0 ? estimate(0, 0, "closed-form", "Λ(0) = 0") : centreFrequency(beam, 0, t);
  const { W, V } = bumpMoments(beam);
  const { dphiMax, hessianMax } = profileConstants(beam.cutoff);
  const n = (M * (M + 1)) / 2;
  const G = 2 * Math.PI * beam.amplitude * n * (W + V * invN) * ((M * hessianMax) / R + dphiMax);
  const D = t * G;
  const c = D / lambda;
  const dv = t * 2 * Math.PI * beam.amplitude * n * V * invN + L0.error;
  const delta = c + dv;
  const e0 = Math.exp(-L0.value);
  const wLo = normWeightAt(weight, 0);
  const wHi = normWeightAt(weight, invN * invN) * (1 + 4 * Number.EPSILON);
  const chi2 = Math.sqrt(radialL2(phi));
  const dchi2 = Math.sqrt(radialL2(dphi));
  const chi1 = radialL1(phi);
  const ampL2 = M ** (1.5 - s0) * chi2 * constants.coreAmplitude;
  // L² parts
  const L2 = mid(
    ampL2 * chi2 * lambda ** -1.5 * e0 * wLo * Math.exp(-delta),
    ampL2 * chi2 * lambda ** -1.5 * e0 * wHi * Math.exp(delta),
    `M^{3/2−s0}‖χ‖²(${R}M)^{−3/2}e^{−Λ₀}·[ω₋e^{−Δ}, ω₊e^{Δ}], Λ₀ = Λ(t,0,0) (${L0.method}), Δ = ${delta.toExponential(2)}`,
  );
  const gLo =
    e0 * Math.exp(-delta) * lambda ** -0.5 * dchi2 -
    e0 * Math.exp(delta) * D * lambda ** -1.5 * chi2;
  const gHi = e0 * Math.exp(delta) * (lambda ** -0.5 * dchi2 + D * lambda ** -1.5 * chi2);
  const gradL2 = mid(
    ampL2 * wLo * Math.max(0, gLo),
    ampL2 * wHi * gHi,
    `M^{3/2−s0}‖χ‖·e^{−Λ₀}(${R}M)^{−1/2}‖∇χ‖ with the ∇Λ term (|∇Λ| ≤ D = ${D.toExponential(2)}) and e^{±Δ} bracketed`,
  );
  // L^∞_x parts
  const logAmpL1 = (1.5 - s0) * Math.log(M) - 1.5 * lnN;
  const ampL1 = Math.exp(logAmpL1) * chi1 * constants.coreAmplitude;
  const supFactor =
    c > 0 ? Math.max(1, goldenSectionMax((r) => Math.exp(c * r) * phi(r), 0, 1).value) : 1;
  const eLo = e0 * Math.exp(-dv);
  const eHi = e0 * Math.exp(dv);
  const Linf = mid(
    ampL1 * wLo * eLo,
    ampL1 * wHi * eHi * supFactor,
    `M^{3/2−s0}N^{−3/2}‖χ‖_{L¹}·sup_x e^{−Λ}χ(${R}Mx) ∈ e^{−Λ₀}[e^{−Δ_v}, e^{Δ_v}m(c)], m(c) = ${supFactor.toPrecision(8)}`,
  );
  const slope = goldenSectionMax((r) => Math.abs(dphi(r)), 0, 1);
  const gradLo = Math.max(
    0,
    eLo * Math.exp(-c * slope.at) * (lambda * slope.value - D * phi(slope.at)),
  );
  const gradHiFactor = goldenSectionMax(
    (r) => Math.exp(c * r) * (lambda * Math.abs(dphi(r)) + D * phi(r)),
    0,
    1,
  ).value;
  const gradLinf = mid(
    ampL1 * wLo * gradLo,
    ampL1 * wHi * eHi * Math.max(gradHiFactor, lambda * slope.value),
    `M^{3/2−s0}N^{−3/2}‖χ‖_{L¹}·sup_x|∇(e^{−Λ}χ(${R}Mx))| between its value at r⋆ = argmax|φ'| and max_r e^{cr}(${R}M|φ'| + Dφ)`,
  );
  const raw: Record<ZPart, Estimate> = { L2, gradL2, Linf, gradLinf };
  for (const p of Object.keys(raw) as ZPart[]) {
    if (L0.unconverged) raw[p] = { ...raw[p], unconverged: true };
  }
  return { z: assembleZNorm(raw, M, s0), lambda0: L0, delta, gradientBound: D, supFactor };
}

/**
 * A check of where sup_x e^{−Λ(t,x,v)}χ(RMx) sits (the brief's "check, don't assume"): Λ(t, x, 0)
 * by the general per-tube evaluation at x = 0 and at the 6 points ±(ρ/λ)e_i for each ρ in `radii`
 * (in units of the core radius 1/(RM)); returns the values of e^{−Λ}φ(λ|x|) and the argmax.
 * Expensive (every A[f_b] visits all tubes): for small M only.
 */
export function coreSupProbe(
  beam: Beam,
  t: number,
  radii: readonly number[] = [0.25, 0.5],
): { best: number; at: number[]; centre: number; probes: number } {
  const lambda = beam.params.constants.coreRadius * beam.params.M;
  const pts: number[][] = [[0, 0, 0]];
  for (const r of radii) {
    for (let d = 0; d < 3; d++) {
      for (const sg of [1, -1]) {
        const x = [0, 0, 0];
        x[d] = (sg * r) / lambda;
        pts.push(x);
      }
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let at = pts[0];
  let centre = 0;
  for (const x of pts) {
    const L = coreExponent(beam, t, x, [0, 0, 0]).value;
    const val = Math.exp(-L) * beam.cutoff.phi(lambda * Math.hypot(x[0], x[1], x[2]));
    if (x === pts[0]) centre = val;
    if (val > best) {
      best = val;
      at = x;
    }
  }
  return { best, at, centre, probes: pts.length };
}
