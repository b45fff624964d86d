import { tubeSobolevNormSquared } from "../../kinetic/radial-sobolev.ts";
import { RuleError } from "../../math/errors.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../../math/vec3.ts";
import { MAX_MATERIALIZED_M } from "../geometry/lattice.ts";
import {
  bumpAxialFactor,
  bumpDisjointnessMargin,
  bumpRadius,
  bumpSum,
} from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";

/**
 * Norms of the beam f_b (Lemma 2.2), exact in time: f_b(t,·,v) is a translate of f_b(0,·,v)
 * (free transport (2.1)), so every L^p_v (norm in x) of f_b is independent of t.
 *
 * L²_v H^s_x (2.24): for fixed v, ‖Σ_k K_k(· − vt) I_k(v)‖²_{H^s} = Σ_{k,l} I_k I_l ⟨K_k, K_l⟩_{H^s}, so
 *   ‖w f_b(t)‖² = M^{2−2s} [ ‖K‖²_{H^s} D + Σ_{k≠l} ⟨K_k, K_l⟩_{H^s} ∫ w² I_k I_l dv ],
 *   D = Σ_k ∫ w² I_k² dv = n ∫ w² I² dv (every bump is a rotation of one, w radial).
 * Where supports overlap (the `as-written` reading, see (2.20)), the cross term is bracketed by
 * |⟨K_k, K_l⟩| ≤ ‖K‖² (Cauchy–Schwarz): the estimate is the midpoint of
 * M^{2−2s}‖K‖²[D − X, D + X] with X = Σ_k ∫ w² I_k (Σ I − I_k) dv computed over the lattice, and the
 * half-width is part of the error. X is computed by enumeration for M ≤ {@link OVERLAP_MAX_M}.
 */
export const OVERLAP_MAX_M = 256;

/** e^{⟨v⟩²} ("gaussian") or none: the weights whose integrals some methods use in closed form. */
export type BasicWeight = "gaussian" | "none";

/**
 * A velocity weight of the L²_v H^s_x norms: e^{⟨v⟩²}, 1, or e^{c⟨v⟩²} with c = 1 − κt ∈ [0, 1]
 * (the weight of (3.4) and Proposition 5.1; {@link kappaVelocityWeight}).
 */
export type VelocityWeight = BasicWeight | { readonly gaussianFactor: number };

/** e^{(1−κt)⟨v⟩²} for 0 ≤ t ≤ 1/κ (κ = 1/T* of the parameters). */
export function kappaVelocityWeight(kappa: number, t: number): VelocityWeight {
  const c = 1 - kappa * t;
  if (!(Number.isFinite(c) && c >= 0 && c <= 1)) {
    throw new RuleError("the weight e^{(1−κt)⟨v⟩²} needs 0 ≤ κt ≤ 1", `got κt = ${kappa * t}`);
  }
  return { gaussianFactor: c };
}

/** The exponent c of e^{c⟨v⟩²} (1 for "gaussian", 0 for "none"). */
export function gaussianFactor(weight: VelocityWeight): number {
  return weight === "gaussian" ? 1 : weight === "none" ? 0 : weight.gaussianFactor;
}

function weightValue(weight: VelocityWeight, v2: number): number {
  const c = gaussianFactor(weight);
  return c === 0 ? 1 : Math.exp(c * (1 + v2));
}

/** ∫ w^p I^p dv for one bump (any direction), Gauss–Legendre 96² in (a, r). */
export function singleBumpPowerIntegral(beam: Beam, weight: VelocityWeight, p: number): number {
  const rho = bumpRadius(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const { phi } = beam.cutoff;
  const { nodes, weights } = gaussLegendre(96);
  const gr = mappedRule(96, 0, 1);
  let total = 0;
  for (let ia = 0; ia < 96; ia++) {
    const a = 1 + h * nodes[ia];
    const fa = phi(alpha * Math.abs(a - 1));
    if (fa === 0) continue;
    for (let ir = 0; ir < 96; ir++) {
      const r = gr.nodes[ir];
      const I = fa * phi(r);
      const w = weightValue(weight, a * a + rho * rho * r * r);
      total += h * weights[ia] * gr.weights[ir] * r * (w * I) ** p;
    }
  }
  return 2 * Math.PI * rho * rho * total;
}

/**
 * Σ_k ∫ w(v)^p I_k(v) (Σ_l I_l(v))^{p−1} dv − (subtract ? Σ_k ∫ w^p I_k^p : 0), by quadrature over
 * each bump's support in its own frame (Gauss–Legendre in a and r, trapezoid in ψ; n and 1.5n nodes,
 * the difference is the error). With p = 2 and subtract, this is the overlap X; with subtract = false
 * it is ∫ (w Σ I)^p dv exactly, overlaps included.
 */
export function bumpSumPowerIntegral(
  beam: Beam,
  weight: VelocityWeight,
  p: number,
  subtract: boolean,
  n = 16,
): Estimate {
  const at = (m: number) => {
    const rho = bumpRadius(beam.bump);
    const alpha = bumpAxialFactor(beam.bump);
    const h = 1 / alpha;
    const { phi } = beam.cutoff;
    const { nodes, weights } = gaussLegendre(m);
    const gr = mappedRule(m, 0, 1);
    const lat = beam.lattice;
    let total = 0;
    for (let k = 0; k < lat.count; k++) {
      e[0] = lat.e[3 * k];
      e[1] = lat.e[3 * k + 1];
      e[2] = lat.e[3 * k + 2];
      orthonormalFrame(e1, e2, e);
      for (let ia = 0; ia < m; ia++) {
        const a = 1 + h * nodes[ia];
        const fa = phi(alpha * Math.abs(a - 1));
        if (fa === 0) continue;
        for (let ir = 0; ir < m; ir++) {
          const r = gr.nodes[ir];
          const Ik = fa * phi(r);
          if (Ik === 0) continue;
          const wq = h * weights[ia] * gr.weights[ir] * r * ((2 * Math.PI) / m);
          for (let ip = 0; ip < m; ip++) {
            const psi = (2 * Math.PI * ip) / m;
            const c = rho * r * Math.cos(psi);
            const sn = rho * r * Math.sin(psi);
            for (let d = 0; d < 3; d++) v[d] = a * e[d] + c * e1[d] + sn * e2[d];
            const S = bumpSum(beam.bump, lat, v);
            const w = weightValue(weight, a * a + rho * rho * r * r) ** p;
            total += wq * w * Ik * (S ** (p - 1) - (subtract ? Ik ** (p - 1) : 0));
          }
        }
      }
    }
    return rho * rho * total;
  };
  if (beam.params.M > MAX_MATERIALIZED_M) throw new RangeError("lattice too large to enumerate");
  const coarse = at(n);
  const fine = at(Math.round(1.5 * n));
  return estimate(
    fine,
    Math.abs(fine - coarse),
    "quadrature",
    `sum over the ${beam.lattice.count} bump supports, ${Math.round(1.5 * n)}³ nodes each (vs ${n}³)`,
  );
}

/** ‖w f_b(t)‖_{L²_v H^s_x} for any t (2.24). */
export function beamSobolevNorm(beam: Beam, sobolev: number, weight: VelocityWeight): Estimate {
  const { M, s } = beam.params;
  const K2 = tubeSobolevNormSquared(beam.cutoff.phi, sobolev, M);
  const nTubes = (M * (M + 1)) / 2;
  const D = nTubes * singleBumpPowerIntegral(beam, weight, 2);
  let X: Estimate;
  let xMethod: string;
  if (M <= OVERLAP_MAX_M) {
    X = bumpSumPowerIntegral(beam, weight, 2, true, M <= 16 ? 12 : 6);
    xMethod = `overlap X = ${X.value.toExponential(3)} (${X.method})`;
  } else if (bumpDisjointnessMargin(beam.bump) > 0) {
    X = estimate(0, 0, "closed-form", "disjoint supports (2.20)");
    xMethod = "overlap X = 0 by the disjointness (2.20)–(2.23), which the claims check for M ≤ 256";
  } else {
    return estimate(
      Number.NaN,
      Number.NaN,
      "derived",
      `as-written overlaps are enumerated only for M ≤ ${OVERLAP_MAX_M}`,
    );
  }
  const amp2 = beam.params.constants.beamAmplitude ** 2 * M ** (2 - 2 * s);
  const lo = amp2 * K2.value * (D - X.value - X.error);
  const hi = amp2 * (K2.value + K2.error) * (D + X.value + X.error);
  const mid = 0.5 * (Math.sqrt(Math.max(0, lo)) + Math.sqrt(hi));
  return estimate(
    mid,
    0.5 * (Math.sqrt(hi) - Math.sqrt(Math.max(0, lo))) + 1e-12 * mid,
    "derived",
    `M^{1−s}‖K‖_{H^${sobolev}} (tube Fourier quadrature) × (Σ∫w²I²)^{1/2}; ${xMethod}; cross terms bracketed by Cauchy–Schwarz`,
  );
}

/** ‖w f_b(t)‖_{L^p_v L^∞_x} = M^{1−s} ‖w Σ I‖_{L^p_v} (2.25): sup_x Σ_k K_k(x − vt) I_k(v) = Σ_k I_k(v), attained at x = vt. */
export function beamLpLinfNorm(beam: Beam, p: number, weight: VelocityWeight): Estimate {
  const { M } = beam.params;
  const I = bumpSumPowerIntegral(beam, weight, p, false, M <= 16 ? 12 : 8);
  const amp = beam.amplitude;
  const val = amp * I.value ** (1 / p);
  return estimate(
    val,
    (amp * I.value ** (1 / p) * I.error) / (p * I.value),
    "derived",
    `M^{1−s}(∫(wΣI)^${p})^{1/${p}}; ${I.method}`,
  );
}

const e = new Float64Array(3);
const e1 = new Float64Array(3);
const e2 = new Float64Array(3);
const v = new Float64Array(3);
