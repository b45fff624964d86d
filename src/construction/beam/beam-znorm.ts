import type { ZPart } from "../../kinetic/z-parts.ts";
import { normWeightAt, type ZWeight } from "../../kinetic/z-weight.ts";
import { assembleZNorm, type ZNorm } from "../../kinetic/znorm.ts";
import { type Estimate, estimate } from "../../math/estimate.ts";
import { mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { orthonormalFrame } from "../../math/vec3.ts";
import type { Cutoff } from "../geometry/cutoff.ts";
import { MAX_MATERIALIZED_M } from "../geometry/lattice.ts";
import {
  bumpDisjointnessMargin,
  bumpRadius,
  bumpValue,
  forEachBumpAt,
} from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";
import { OVERLAP_MAX_M } from "./beam-norm.ts";
import { bumpNodes } from "./bump-polar-nodes.ts";

/**
 * The Z-norm (3.3) of w·f_b(t) (Lemma 4.2, (4.4)), f_b = M^{1−s} Σ_k K_k(x − vt) I_k(v) (2.4),
 * for a radial weight w (e^{⟨v⟩²}, ⟨v⟩e^{⟨v⟩²}, e^{(1−κt)⟨v⟩²}).
 *
 * Structure used (nothing else is assumed):
 * - free transport: at fixed v, f_b(t, ·, v) is a translate of f_b(0, ·, v), so every x-norm at fixed
 *   v, hence every part, is independent of t (for a t-independent weight: exact in t);
 * - L^∞_x: sup_x Σ_k K_k(x − vt) I_k(v) = Σ_k I_k(v) (0 ≤ K ≤ 1 and every tube equals 1 at x = vt),
 *   so ‖w f_b‖_{L^{1,1}L^∞} = M^{1−s} Σ_k ∫⟨v⟩w I_k dv = M^{1−s} n ∫⟨v⟩w I dv exactly (n = M(M+1)/2,
 *   every bump is a rotation of one and w is radial);
 * - ∇ L^∞_x: at each v, sup_x |Σ_k I_k(v) ∇K_k(x − vt)| lies between its value at one point
 *   y* = x − vt = (r⋆/M) ê, ê ⊥ e_k, r⋆ = argmax|φ'| (the best of four ê; exact for disjoint bumps
 *   up to the factor below) and Σ_k I_k(v) sup|∇K|, where sup|∇K| = sup_{ρ,ζ}(M²φ'(ρ)²φ(ζ)² +
 *   φ(ρ)²φ'(ζ)²)^{1/2} ∈ [M‖φ'‖_∞, (M² + 1)^{1/2}‖φ'‖_∞]; the value is the midpoint of the bracket;
 * - L²: ‖w f_b‖²_{L^{2,1}L²} = M^{2−2s} Σ_{k,l} ⟨K_k, K_l⟩ ∫⟨v⟩²w² I_k I_l dv. For disjoint bumps
 *   (`as-in-proof`, (2.20)) only k = l remains: M^{2−2s}‖K‖² D, D = n∫⟨v⟩²w²I². Where bumps overlap
 *   (`as-written`) the cross terms are bracketed, as in beam-norm.ts: 0 ≤ ⟨K_k, K_l⟩ ≤ ‖K‖²
 *   (K ≥ 0) gives [D, D + X]·‖K‖², and |⟨∇K_k, ∇K_l⟩| ≤ ‖∇K‖² gives [D − X, D + X]·‖∇K‖², with
 *   X = Σ_k ∫⟨v⟩²w² I_k(Σ_l I_l − I_k) dv computed over the lattice (M ≤ {@link OVERLAP_MAX_M});
 *   the value is the midpoint, the half-width is in the error.
 * ‖K‖² = (2π/M²) P₀A₀ and ‖∇K‖² = (2π/M²)(M² P₁A₀ + P₀A₁) with P_j = ∫_0^1 ρ φ^{(j)}(ρ)² dρ,
 * A_j = 2∫_0^1 φ^{(j)}(a)² da (1-D Gauss–Legendre 300 vs 200).
 */
export interface BeamZNorm {
  readonly z: ZNorm;
  /** X (overlap of the weighted bumps), 0 for disjoint supports. */
  readonly overlap: Estimate;
  /** n ∫⟨v⟩²w² I² dv. */
  readonly diagonal: Estimate;
  readonly method: string;
}

/** P₀, P₁, A₀, A₁ of the tube norms (see the module comment). */
export function tubeProfileIntegrals(cutoff: Cutoff): {
  P0: Estimate;
  P1: Estimate;
  A0: Estimate;
  A1: Estimate;
} {
  const q = (f: (r: number) => number, radial: boolean, label: string): Estimate => {
    const at = (n: number) => {
      const { nodes, weights } = mappedRule(n, 0, 1);
      let s = 0;
      for (let i = 0; i < n; i++) {
        const r = nodes[i];
        s += weights[i] * f(r) ** 2 * (radial ? r : 2);
      }
      return s;
    };
    const a = at(200);
    const b = at(300);
    return estimate(
      b,
      Math.abs(b - a) + 1e-15 * b,
      "quadrature",
      `${label}, Gauss–Legendre 300 (vs 200)`,
    );
  };
  return {
    P0: q(cutoff.phi, true, "∫ρφ²"),
    P1: q(cutoff.dphi, true, "∫ρφ'²"),
    A0: q(cutoff.phi, false, "2∫φ²"),
    A1: q(cutoff.dphi, false, "2∫φ'²"),
  };
}

/** ‖K‖²_{L²} and ‖∇K‖²_{L²} of one tube (2.4). */
export function tubeL2Squared(cutoff: Cutoff, M: number): { K2: Estimate; gradK2: Estimate } {
  const { P0, P1, A0, A1 } = tubeProfileIntegrals(cutoff);
  const c = (2 * Math.PI) / (M * M);
  const K2 = c * P0.value * A0.value;
  const K2e = c * (P0.error * A0.value + P0.value * A0.error);
  const G2 = c * (M * M * P1.value * A0.value + P0.value * A1.value);
  const G2e =
    c *
    (M * M * (P1.error * A0.value + P1.value * A0.error) +
      P0.error * A1.value +
      P0.value * A1.error);
  return {
    K2: estimate(K2, K2e, "quadrature", "‖K‖² = (2π/M²)∫ρφ²·2∫φ²"),
    gradK2: estimate(G2, G2e, "quadrature", "‖∇K‖² = (2π/M²)(M²∫ρφ'²·2∫φ² + ∫ρφ²·2∫φ'²)"),
  };
}

/** ‖φ'‖_∞ and where it is attained (1-D grid + golden section). */
export function profileSlope(cutoff: Cutoff): { max: number; at: number } {
  const r = goldenSectionMax((x) => Math.abs(cutoff.dphi(x)), 0, 1);
  return { max: r.value, at: r.at };
}

/** sup|∇K| ∈ [M‖φ'‖_∞, (M² + 1)^{1/2}‖φ'‖_∞] as midpoint ± half-width. */
export function tubeGradientSup(cutoff: Cutoff, M: number): Estimate {
  const d = profileSlope(cutoff).max;
  const lo = M * d;
  const hi = Math.sqrt(M * M + 1) * d;
  return estimate(
    0.5 * (lo + hi),
    0.5 * (hi - lo) + 1e-12 * hi,
    "derived",
    "sup|∇K| ∈ [M‖φ'‖_∞, (M²+1)^{1/2}‖φ'‖_∞]",
  );
}

/** ∫ W(|v|²) I(v)^p dv for one bump (any direction, W radial), Gauss–Legendre in (a, r), n vs 1.5n. */
export function singleBumpIntegral(beam: Beam, W: (v2: number) => number, p: number): Estimate {
  const at = (n: number) => {
    let total = 0;
    for (const node of bumpNodes(beam, n)) total += node.wv * W(node.vn * node.vn) * node.I ** p;
    return total;
  };
  let prev = at(32);
  for (const n of [48, 64, 96, 128, 192]) {
    const cur = at(n);
    if (Math.abs(cur - prev) <= 1e-10 * Math.abs(cur) || n === 192) {
      return estimate(
        cur,
        Math.abs(cur - prev),
        "quadrature",
        `single bump, Gauss–Legendre ${n}² in (a, r) (vs previous order)`,
      );
    }
    prev = cur;
  }
  throw new Error("unreachable");
}

/**
 * Over the lattice (every bump's support in its own frame, Gauss–Legendre in (a, r), trapezoid in ψ;
 * m and 1.5m nodes, the difference is the error):
 * - X = Σ_k ∫ W I_k (Σ_l I_l − I_k) dv (W = ⟨v⟩²w²),
 * - Lg = Σ_k ∫ ⟨v⟩w I_k · |Σ_l I_l ∇K_l(y*)| / Σ_l I_l dv, the lower bound of the ∇L^∞ part
 *   (y* = (r⋆/M)ê, the best of four ê ⊥ e_k).
 */
export function beamOverlapIntegrals(
  beam: Beam,
  weight: ZWeight,
  m = 8,
): { X: Estimate; Lg: Estimate } {
  const { M } = beam.params;
  if (M > MAX_MATERIALIZED_M) throw new RangeError("lattice too large to enumerate");
  const rho = bumpRadius(beam.bump);
  const { phi, dphi } = beam.cutoff;
  const rStar = profileSlope(beam.cutoff).at / M;
  const lat = beam.lattice;
  const at = (n: number): [number, number] => {
    const bumpRule = bumpNodes(beam, n);
    let X = 0;
    let Lg = 0;
    for (let k = 0; k < lat.count; k++) {
      ek[0] = lat.e[3 * k];
      ek[1] = lat.e[3 * k + 1];
      ek[2] = lat.e[3 * k + 2];
      orthonormalFrame(e1, e2, ek);
      for (const node of bumpRule) {
        const a = node.ax;
        const r = node.r;
        const Ik = node.I;
        const wq = node.wv / n;
        for (let ip = 0; ip < n; ip++) {
          const psi = (2 * Math.PI * (ip + 0.5)) / n;
          const c = rho * r * Math.cos(psi);
          const sn = rho * r * Math.sin(psi);
          for (let d = 0; d < 3; d++) vv[d] = a * ek[d] + c * e1[d] + sn * e2[d];
          const v2 = vv[0] * vv[0] + vv[1] * vv[1] + vv[2] * vv[2];
          const nw = normWeightAt(weight, v2);
          // Σ_l I_l(v) and the best of four values |Σ_l I_l ∇K_l(y*)|
          let S = 0;
          nLoc = 0;
          forEachBumpAt(beam.bump, vv, (l) => {
            el[0] = lat.e[3 * l];
            el[1] = lat.e[3 * l + 1];
            el[2] = lat.e[3 * l + 2];
            const Il = bumpValue(beam.bump, el, vv);
            if (Il === 0) return;
            S += Il;
            locI[nLoc] = Il;
            locE[3 * nLoc] = el[0];
            locE[3 * nLoc + 1] = el[1];
            locE[3 * nLoc + 2] = el[2];
            nLoc++;
          });
          let best = 0;
          for (let q = 0; q < 4; q++) {
            const cq = q === 0 ? 1 : q === 2 ? -1 : 0;
            const sq = q === 1 ? 1 : q === 3 ? -1 : 0;
            for (let d = 0; d < 3; d++) ys[d] = rStar * (cq * e1[d] + sq * e2[d]);
            g[0] = 0;
            g[1] = 0;
            g[2] = 0;
            for (let j = 0; j < nLoc; j++) tubeGradientAdd(g, locE, j, ys, M, phi, dphi, locI[j]);
            best = Math.max(best, Math.hypot(g[0], g[1], g[2]));
          }
          X += wq * nw * nw * Ik * (S - Ik);
          Lg += (wq * nw * Ik * best) / S;
        }
      }
    }
    return [X, Lg];
  };
  const a = at(m);
  const b = at(Math.round(1.5 * m));
  const how = `sum over the ${lat.count} bump supports, ${Math.round(1.5 * m)}³ nodes each (vs ${m}³)`;
  return {
    X: estimate(b[0], Math.abs(b[0] - a[0]), "quadrature", `overlap X: ${how}`),
    Lg: estimate(b[1], Math.abs(b[1] - a[1]), "quadrature", `∇L^∞ lower bound: ${how}`),
  };
}

/** g += c ∇K_e(y) for the tube of direction locE[3j..3j+2] (K_e(y) = φ(M|P⊥y|)φ(|e·y|)). */
function tubeGradientAdd(
  out: Float64Array,
  E: Float64Array,
  j: number,
  y: Float64Array,
  M: number,
  phi: (r: number) => number,
  dphi: (r: number) => number,
  c: number,
): void {
  const ex = E[3 * j];
  const ey = E[3 * j + 1];
  const ez = E[3 * j + 2];
  const a = ex * y[0] + ey * y[1] + ez * y[2];
  const px = y[0] - a * ex;
  const py = y[1] - a * ey;
  const pz = y[2] - a * ez;
  const r = Math.sqrt(px * px + py * py + pz * pz);
  const za = Math.abs(a);
  const perp = r > 0 ? (c * M * dphi(M * r) * phi(za)) / r : 0;
  const par = c * phi(M * r) * dphi(za) * Math.sign(a);
  out[0] += perp * px + par * ex;
  out[1] += perp * py + par * ey;
  out[2] += perp * pz + par * ez;
}

/** The Z-norm of w f_b(t), any t ∈ [0, T*] (exact in t for a t-independent weight). */
export function beamZNorm(
  beam: Beam,
  weight: ZWeight,
  opts: { maxEnumerateM?: number } = {},
): BeamZNorm {
  const enumerateUpTo = Math.min(opts.maxEnumerateM ?? OVERLAP_MAX_M, OVERLAP_MAX_M);
  const { M, s, s0 } = beam.params;
  const amp = beam.amplitude;
  const n = (M * (M + 1)) / 2;
  const { K2, gradK2 } = tubeL2Squared(beam.cutoff, M);
  const gradSup = tubeGradientSup(beam.cutoff, M);
  const D = single(beam, (v2) => normWeightAt(weight, v2) ** 2, 2, n);
  const S1 = single(beam, (v2) => normWeightAt(weight, v2), 1, n);
  let X: Estimate;
  let gradLinf: Estimate;
  let how: string;
  const upperG = S1.value * (gradSup.value + gradSup.error);
  if (bumpDisjointnessMargin(beam.bump) > 0 && M > enumerateUpTo) {
    X = estimate(0, 0, "closed-form", "disjoint supports (2.20)");
    const lo = S1.value * (gradSup.value - gradSup.error);
    gradLinf = estimate(
      amp * 0.5 * (lo + upperG),
      amp * (0.5 * (upperG - lo) + S1.error * (gradSup.value + gradSup.error)),
      "derived",
      "M^{1−s} n∫⟨v⟩wI · sup|∇K| (disjoint bumps, (2.20))",
    );
    how = `disjoint bumps (2.20) (checked by the claims for M ≤ ${OVERLAP_MAX_M}); not enumerated above M = ${enumerateUpTo}`;
  } else if (M <= enumerateUpTo) {
    const ov = beamOverlapIntegrals(beam, weight, M <= 16 ? 8 : 6);
    X = ov.X;
    const lo = Math.max(0, ov.Lg.value - ov.Lg.error);
    const hi = upperG + S1.error * (gradSup.value + gradSup.error);
    gradLinf = estimate(
      amp * 0.5 * (lo + hi),
      amp * 0.5 * (hi - lo),
      "derived",
      `M^{1−s}∫⟨v⟩w sup_x|Σ I_k∇K_k| bracketed by its value at y* (${ov.Lg.method}) and Σ I·sup|∇K|`,
    );
    how = `overlaps enumerated (${ov.X.method})`;
  } else {
    const nan = estimate(
      Number.NaN,
      Number.NaN,
      "derived",
      `as-written overlaps are enumerated only for M ≤ ${enumerateUpTo}`,
    );
    return {
      z: assembleZNorm({ L2: nan, gradL2: nan, Linf: nan, gradLinf: nan }, M, s0),
      overlap: nan,
      diagonal: D,
      method: nan.method,
    };
  }
  const amp2 = beam.params.constants.beamAmplitude ** 2 * M ** (2 - 2 * s); // (c_b M^{1−s})²
  const Xhi = X.value + X.error;
  const bracket = (lo2: number, hi2: number, what: string): Estimate => {
    const lo = Math.sqrt(Math.max(0, lo2));
    const hi = Math.sqrt(hi2);
    return estimate(0.5 * (lo + hi), 0.5 * (hi - lo) + 1e-13 * hi, "derived", what);
  };
  const L2 = bracket(
    amp2 * K2.value * (D.value - D.error),
    amp2 * (K2.value + K2.error) * (D.value + D.error + Xhi),
    `M^{1−s}‖K‖(n∫⟨v⟩²w²I²)^{1/2}, cross terms 0 ≤ ⟨K_k,K_l⟩ ≤ ‖K‖² bracketed with X = ${X.value.toExponential(3)}`,
  );
  const gradL2 = bracket(
    amp2 * (gradK2.value - gradK2.error) * (D.value - D.error - Xhi),
    amp2 * (gradK2.value + gradK2.error) * (D.value + D.error + Xhi),
    `M^{1−s}‖∇K‖(n∫⟨v⟩²w²I²)^{1/2}, cross terms |⟨∇K_k,∇K_l⟩| ≤ ‖∇K‖² bracketed with X = ${X.value.toExponential(3)}`,
  );
  const Linf = estimate(
    amp * S1.value,
    amp * S1.error,
    "quadrature",
    "M^{1−s} n∫⟨v⟩wI dv (sup_x Σ K_k(x − vt)I_k = Σ I_k, attained at x = vt)",
  );
  const raw: Record<ZPart, Estimate> = { L2, gradL2, Linf, gradLinf };
  return {
    z: assembleZNorm(raw, M, s0),
    overlap: X,
    diagonal: D,
    method: `exact in t (free transport); weight ${weight.name}; ${how}`,
  };
}

function single(beam: Beam, W: (v2: number) => number, p: number, n: number): Estimate {
  const e = singleBumpIntegral(beam, W, p);
  return { ...e, value: e.value * n, error: e.error * n };
}

const ek = new Float64Array(3);
const el = new Float64Array(3);
const e1 = new Float64Array(3);
const e2 = new Float64Array(3);
const vv = new Float64Array(3);
const ys = new Float64Array(3);
const g = new Float64Array(3);
let nLoc = 0;
const locI = new Float64Array(64);
const locE = new Float64Array(192);
