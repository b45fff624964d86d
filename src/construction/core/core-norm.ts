import { radialSobolevNormSquared } from "../../kinetic/radial-sobolev.ts";
import { RuleError } from "../../math/errors.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { radialIntegral } from "../../math/quadrature/radial.ts";
import type { Beam } from "../beam/beam.ts";
import { kernelLipschitz } from "../beam/beam-collision-frequency.ts";
import { profileConstants } from "../geometry/cutoff-constants.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import { centreFrequency, coreScale } from "./core.ts";

/**
 * ‖w (e^{−Λ(t)} − c₀) χ(RMx) χ(Nv)‖_{L²_v H^{s}_x} · c_r M^{3/2−s0} N^{3/2}, i.e. the norms of
 * f_r(t) (c₀ = 0, Lemma 2.4) and of f_r(t) − f_r(0) (c₀ = 1, Theorem 1.1), with weight
 * w = e^{⟨v⟩²} or 1, for every M up to 10^12 and beyond.
 *
 * Reductions, each with an explicit bound (Λ(t, x, v) = ∫_0^t A[f_b](τ, x, v) dτ):
 * 1. Λ(t,x,v) is replaced by Λ₀(t) = Λ(t,0,0), computed by the single-tube identity
 *    ({@link centreFrequency}). On the support (|x| ≤ 1/(RM), |v| ≤ 1/N; R = 100 in the paper)
 *      |Λ(t,x,v) − Λ₀(t)| ≤ Δ(t) = t · [G/(RM) + 2π c_b M^{1−s} n V / N],
 *      |∇_x Λ(t,x,v)| ≤ D(t) = t · G,   G = 2π c_b M^{1−s} n W (M H_φ/R + ‖φ'‖_∞),
 *    with n = M(M+1)/2, W = ∫|u| I(u) du, V = ∫ I(u) du (the same for every tube by rotation).
 *    G bounds |∇_x A| on the core: the transverse gradient of each tube term vanishes at P⊥x = 0 by
 *    the radial symmetry of the bump, so it is at most |P⊥x| · M² H_φ · W; the axial part is at most
 *    ‖φ'‖_∞ W. The v-term uses ||u − v| − |u|| ≤ |v|.
 *    For another kernel (docs/kernels.md) 2π is Ω = ∫_{S²} b dω, W = ∫ Φ(|u|) I(u) du and the
 *    v-term uses |Φ(|u − v|) − Φ(|u|)| ≤ L |v|, L = sup |Φ'| = |γ| (1 − 1/α − 1/N)^{γ−1} (γ ≠ 0, 1).
 * 2. With g = e^{−Λ} − e^{−Λ₀}: |g| ≤ δ₀ = e^{−Λ₀}(e^{Δ} − 1), |∇_x g| ≤ δ₁ = e^{−Λ₀+Δ} D, and
 *    ‖g χ_λ‖_{H^s} ≤ ‖g χ_λ‖_{L²}^{1−s} ‖g χ_λ‖_{H¹}^{s} (interpolation, 0 ≤ s ≤ 1), with
 *    ‖gχ_λ‖_{L²} ≤ δ₀‖χ_λ‖, ‖gχ_λ‖²_{H¹} ≤ δ₀²‖χ_λ‖² + (δ₀‖∇χ_λ‖ + δ₁‖χ_λ‖)², χ_λ = χ(λ·), λ = RM.
 *    The main term is |e^{−Λ₀} − c₀| · ‖χ_λ‖_{H^s}; the bound is added to the error.
 * 3. The v-integral factorizes: ‖w χ(N·)‖_{L²_v} = N^{−3/2} ‖χ‖_{L²} · [e^c, e^{c(1+N^{−2})}] for the
 *    weight e^{c⟨v⟩²} (c = 1: e^{⟨v⟩²}; c = 1 − κt: the weight of (3.4); c = 0: none);
 *    N^{3/2} cancels against the amplitude.
 */
export interface CoreNormOptions {
  /** Weight e^{c⟨v⟩²}: true for c = 1 (e^{⟨v⟩²}), false for none. */
  readonly weighted: boolean;
  /** c in e^{c⟨v⟩²} when weighted (default 1; 1 − κt for the weight of (3.4)), in [0, 1]. */
  readonly gaussianFactor?: number;
  /** 0 for ‖f_r(t)‖, 1 for ‖f_r(t) − f_r(0)‖. */
  readonly subtract: 0 | 1;
  /** Sobolev index (default s0 of the parameters). */
  readonly sobolev?: number;
}

/**
 * The result of {@link coreNorm}: the norm with its error, Λ₀(t) = Λ(t, 0, 0), the bound Δ of
 * |Λ − Λ₀| on the core's support and the bound of |∇x Λ| used (see the module comment).
 */
export interface CoreNormDetail {
  readonly norm: Estimate;
  readonly lambda0: Estimate;
  readonly delta: number;
  readonly gradientBound: number;
}

/**
 * ‖w f_r(t)‖_{L²_v H^s_x} (Lemma 2.4; `subtract: 0`) or ‖w (f_r(t) − f_r(0))‖ (Theorem 1.1;
 * `subtract: 1`) for the core (2.5), at any M (no lattice is materialized): the main term in closed
 * form, the reductions' explicit bounds added to the error (module comment).
 */
export function coreNorm(beam: Beam, t: number, options: CoreNormOptions): CoreNormDetail {
  const { M, s0, lnN, constants, kernel } = beam.params;
  const R = constants.coreRadius;
  const omega = kernel.angularIntegral;
  const sob = options.sobolev ?? s0;
  const { phi, dphi } = beam.cutoff;
  const lambda = coreScale(beam);
  const L0 = t === 0 ? estimate(0, 0, "closed-form", "Λ(0) = 0") : centreExponent(beam, t);
  const { W, V } = bumpMoments(beam);
  const { dphiMax, hessianMax } = profileConstants(beam.cutoff);
  const nTubes = (M * (M + 1)) / 2;
  const G = omega * beam.amplitude * nTubes * W * ((M * hessianMax) / R + dphiMax);
  const invN = Math.exp(-lnN);
  const lip = kernelLipschitz(kernel.gamma, 1 - 1 / bumpAxialFactor(beam.bump) - invN);
  const delta = t * (G / (R * M) + omega * beam.amplitude * nTubes * V * lip * invN) + L0.error;
  const D = t * G;
  // norms of χ_λ
  const hs = memo(beam.cutoff, `hs ${sob} ${lambda}`, () =>
    radialSobolevNormSquared(phi, sob, lambda),
  );
  const chiL2 = Math.sqrt(radialL2(phi)) * lambda ** -1.5;
  const gradL2 = Math.sqrt(radialL2(dphi)) * lambda ** -0.5;
  const e0 = Math.exp(-L0.value);
  const delta0 = e0 * Math.expm1(delta);
  const delta1 = e0 * Math.exp(delta) * D;
  const gL2 = delta0 * chiL2;
  const gH1 = Math.sqrt(delta0 ** 2 * chiL2 ** 2 + (delta0 * gradL2 + delta1 * chiL2) ** 2);
  const gHs = gL2 ** (1 - sob) * gH1 ** sob;
  const hsNorm = Math.sqrt(hs.value);
  const hsErr = hs.error / (2 * hsNorm);
  // v-factor times amplitude: c_r M^{3/2−s0} ‖χ‖_{L²(R³)} · [e, e^{1+1/N²}] (weighted)
  const chiNorm = Math.sqrt(radialL2(phi));
  const c = options.weighted ? (options.gaussianFactor ?? 1) : 0;
  if (!(c >= 0 && c <= 1)) throw new RuleError("gaussianFactor must lie in [0, 1]", `got ${c}`);
  const wLo = Math.exp(c);
  const wHi = Math.exp(c * (1 + invN * invN));
  const amp = M ** (1.5 - s0) * chiNorm * constants.coreAmplitude;
  const main = Math.abs(e0 - options.subtract);
  const value = amp * 0.5 * (wLo + wHi) * main * hsNorm;
  const error = amp * 0.5 * (wHi - wLo) * main * hsNorm + amp * wHi * (main * hsErr + gHs);
  return {
    norm: estimate(
      value,
      error,
      "derived",
      `reduction to Λ(t,0,0) (single-tube identity) with explicit bounds Δ = ${delta.toExponential(2)}, |∇Λ| ≤ ${D.toExponential(2)}; radial Fourier H^${sob} norm of χ(${R}M·)`,
      { unconverged: L0.unconverged || hs.unconverged },
    ),
    lambda0: L0,
    delta,
    gradientBound: D,
  };
}

/**
 * Λ(t, 0, 0) by {@link centreFrequency}, memoized: a Theorem 1.1 row asks for it several times
 * (weighted and unweighted, f_r(T*) and f_r(T*) − f_r(0)) and the deflation claims again.
 */
function centreExponent(beam: Beam, t: number): Estimate {
  const { M, s } = beam.params;
  const kernel = beam.params.kernel.name;
  const key = `L0 ${beam.variant} ${M} ${s} ${t} ${beam.amplitude} ${bumpRadius(beam.bump)} ${bumpAxialFactor(beam.bump)}${kernel === "hard-sphere" ? "" : ` ${kernel}`}`;
  return memo(beam.cutoff, key, () => centreFrequency(beam, 0, t));
}

/** Results that depend only on the cutoff and the key (pure functions of their inputs). */
function memo<T>(cutoff: object, key: string, compute: () => T): T {
  let byKey = memoCache.get(cutoff) as Map<string, T> | undefined;
  if (!byKey) {
    byKey = new Map();
    memoCache.set(cutoff, byKey);
  }
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (byKey.size > 4096) byKey.clear();
  byKey.set(key, value);
  return value;
}

const memoCache = new WeakMap<object, Map<string, unknown>>();

/** ∫_{R³} f(|x|)² dx = 4π ∫_0^1 f(r)² r² dr (Gauss–Legendre, 200 nodes; f smooth on [0, 1]). */
export function radialL2(f: (r: number) => number): number {
  return radialIntegral((r) => f(r) ** 2, 200);
}

/**
 * W = ∫ Φ(|u|) I(u) du (Φ(r) = r for hard spheres: W = ∫ |u| I) and V = ∫ I(u) du for one bump
 * (any e, by rotation).
 */
export function bumpMoments(beam: Beam): { W: number; V: number } {
  const g = beam.params.kernel.gamma;
  const rho = bumpRadius(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const { phi } = beam.cutoff;
  const { nodes, weights } = gaussLegendre(96);
  const gr = mappedRule(96, 0, 1);
  let W = 0;
  let V = 0;
  for (let ia = 0; ia < 96; ia++) {
    const a = 1 + h * nodes[ia];
    const wa = h * weights[ia] * phi(alpha * Math.abs(a - 1));
    for (let ir = 0; ir < 96; ir++) {
      const r = gr.nodes[ir];
      const w = wa * gr.weights[ir] * r * phi(r) * 2 * Math.PI * rho * rho;
      const u2 = a * a + rho * rho * r * r;
      W += w * (g === 1 ? Math.sqrt(u2) : g === 0 ? 1 : u2 ** (0.5 * g));
      V += w;
    }
  }
  return { W, V };
}
