import { type Estimate, estimate } from "../../math/estimate.ts";
import { gaussLegendre, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../../math/vec3.ts";
import { MAX_MATERIALIZED_M } from "../geometry/lattice.ts";
import { forEachInCone } from "../geometry/lattice-cone.ts";
import { type TubeGradientSup, tubeGradientSup } from "../geometry/tube-gradient-sup.ts";
import {
  bumpAxialFactor,
  bumpAxialRange,
  bumpRadius,
  bumpValue,
  forEachBumpAt,
} from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";
import type { BasicWeight } from "./beam-norm.ts";

/**
 * Both parts of (2.25) in one pass over the velocity supports:
 *   ‖w f_b(t)‖_{L^p_v L^∞_x}  and  M^{−1}‖w ∇x f_b(t)‖_{L^p_v L^∞_x},  p ∈ {1, 2, ∞},  w = e^{⟨v⟩²}.
 * Both are independent of t (f_b(t,·,v) is a translate of f_b(0,·,v), (2.1)).
 *
 * k = 0: sup_x Σ_k I_k(v) K_k(x − vt) = Σ_k I_k(v) =: S(v) exactly (every tube equals 1 at x = vt).
 *
 * Gradient: G(v) := sup_y |Σ_k I_k(v) ∇K_k(y)|.
 * - Where one bump is non-zero at v, G(v) = I_k(v) sup|∇K| exactly; sup|∇K| is bracketed by
 *   {@link tubeGradientSup} ([V, U], width ≤ max|φ'|/(2M)).
 * - Where bumps overlap (the `as-written` bumps do, see (2.20)), the sup of a sum of gradients of
 *   different tubes is at most the sum of sups, G ≤ U S(v); a lower bound is the value at explicit
 *   points y steered to where the gradients align: y = (ρ_⋆/M) n with n ⊥ e of the heaviest bump at v
 *   (8 directions n), ρ_⋆ the radial argmax of |∇K|. There every overlapping tube's perpendicular
 *   gradient points along n up to O(1/M) (the directions differ by ≲ 2/M).
 * So M^{−1}‖w∇f_b‖ ∈ [M^{−s}‖w G_lo‖_p, M^{−s} U ‖w S‖_p]; the estimate is the midpoint with the
 * half-width (plus quadrature error) as error, and both ends are returned.
 *
 * Quadrature: ∫ F dv = Σ_k ∫_{supp I_k} (I_k/S) F dv (a partition of unity), Gauss–Legendre in the
 * axial a and radial r of each bump's frame, trapezoid in the angle ψ; m and 1.5m nodes per axis,
 * the difference is the error. Overlaps are found from a per-bump neighbour list (directions within
 * 2.5 bump radii).
 *
 * p = ∞: sup_v w S and sup_v w G. If no overlap is met (the `as-in-proof` reading, disjoint supports),
 * these are sup_v w I of one bump (a 2-D maximization in (a, r)) times 1, resp. [V, U]. Otherwise they
 * are sampled sups (lower bounds) over the quadrature nodes and steered probes between neighbouring
 * directions (at |v| = 1 and at the axial argmax of w I), labelled so.
 */
export interface BeamLinfNorms {
  readonly M: number;
  /** ‖w f_b‖_{L^p_v L^∞_x}, p = 1, 2, ∞ (keys "1", "2", "inf"). */
  readonly value: Readonly<Record<LinfExponent, Estimate>>;
  /** M^{−1}‖w ∇x f_b‖_{L^p_v L^∞_x}: midpoint of the bracket. */
  readonly gradient: Readonly<Record<LinfExponent, Estimate>>;
  /** The bracket ends of the gradient part (before quadrature error). */
  readonly gradientBracket: Readonly<Record<LinfExponent, readonly [number, number]>>;
  /** Whether any two bumps were found overlapping (at a node or probe). */
  readonly overlaps: boolean;
  /** Fraction of the v-mass ∫ w S at nodes with two or more non-zero bumps. */
  readonly overlapMassFraction: number;
  readonly tubeGradient: TubeGradientSup;
}

export type LinfExponent = "1" | "2" | "inf";

interface PassResult {
  s1: number;
  s2: number;
  g1: number;
  g2: number;
  multiMass: number;
  supWS: number;
  supWG: number;
  overlaps: boolean;
}

function weightOf(weight: BasicWeight, v2: number): number {
  return weight === "gaussian" ? Math.exp(1 + v2) : 1;
}

/** Per-bump lists of the other bumps whose supports can meet it. */
function neighbourLists(beam: Beam): Int32Array[] {
  const lat = beam.lattice;
  const rho = bumpRadius(beam.bump);
  // two supports meet only within angle ≈ 2ρ/(1 − 1/α) (2.22ρ for α = 10): 2.5ρ, widened for α < 10
  const cone = 2.5 * rho * Math.max(1, 0.9 / bumpAxialRange(beam.bump)[0]);
  const out: Int32Array[] = [];
  const buf: number[] = [];
  for (let k = 0; k < lat.count; k++) {
    buf.length = 0;
    dir[0] = lat.e[3 * k];
    dir[1] = lat.e[3 * k + 1];
    dir[2] = lat.e[3 * k + 2];
    forEachInCone(beam.params.M, dir, cone, (l) => {
      if (l !== k) buf.push(l);
    });
    out.push(Int32Array.from(buf));
  }
  return out;
}

/** Append bump l to `act`/`actVal` when I_l(v) > 0 (adding it to sScratch[0]); returns the new count. */
function recordIfActive(beam: Beam, l: number, v: Float64Array, count: number): number {
  const e = beam.lattice.e;
  el[0] = e[3 * l];
  el[1] = e[3 * l + 1];
  el[2] = e[3 * l + 2];
  const I = bumpValue(beam.bump, el, v);
  if (!(I > 0)) return count;
  act[count] = l;
  actVal[count] = I;
  sScratch[0] += I;
  return count + 1;
}

/**
 * Evaluate S(v) = Σ I_l(v) over k and its neighbours into `act`/`actVal`; returns the count of non-zero
 * bumps and leaves S in sScratch[0].
 */
function activeBumps(beam: Beam, k: number, nbr: Int32Array, v: Float64Array): number {
  sScratch[0] = 0;
  let count = recordIfActive(beam, k, v, 0);
  for (let idx = 0; idx < nbr.length; idx++) count = recordIfActive(beam, nbr[idx], v, count);
  return count;
}

/** Every bump non-zero at v (cone enumeration, exact test by value) into `act`/`actVal`; S in sScratch[0]. */
function activeBumpsAt(beam: Beam, v: Float64Array): number {
  sScratch[0] = 0;
  let count = 0;
  forEachBumpAt(beam.bump, v, (l) => {
    count = recordIfActive(beam, l, v, count);
  });
  return count;
}

/** |Σ_l c_l ∇K_l(y)| over the `count` active bumps (tube gradient vectors, tubes.ts formula). */
function gradientSumNorm(beam: Beam, count: number, y: Float64Array): number {
  const { M, cutoff } = beam.tube;
  const { phi, dphi } = cutoff;
  const e = beam.lattice.e;
  let gx = 0;
  let gy = 0;
  let gz = 0;
  for (let c = 0; c < count; c++) {
    const l = act[c];
    const ex = e[3 * l];
    const ey = e[3 * l + 1];
    const ez = e[3 * l + 2];
    const a = ex * y[0] + ey * y[1] + ez * y[2];
    const px = y[0] - a * ex;
    const py = y[1] - a * ey;
    const pz = y[2] - a * ez;
    const r = Math.sqrt(px * px + py * py + pz * pz);
    const rho = M * r;
    const za = Math.abs(a);
    const perp = r > 0 ? (M * dphi(rho) * phi(za)) / r : 0;
    const par = phi(rho) * dphi(za) * Math.sign(a);
    const w = actVal[c];
    gx += w * (perp * px + par * ex);
    gy += w * (perp * py + par * ey);
    gz += w * (perp * pz + par * ez);
  }
  return Math.sqrt(gx * gx + gy * gy + gz * gz);
}

/** Lower bound of G(v) = sup_y|Σ I_l(v)∇K_l(y)| at a point with `count` active bumps. */
function gradientLower(beam: Beam, count: number, G: TubeGradientSup): number {
  if (count === 1) return actVal[0] * G.lower;
  let heavy = 0;
  for (let c = 1; c < count; c++) if (actVal[c] > actVal[heavy]) heavy = c;
  const e = beam.lattice.e;
  const h = act[heavy];
  eh[0] = e[3 * h];
  eh[1] = e[3 * h + 1];
  eh[2] = e[3 * h + 2];
  orthonormalFrame(f1, f2, eh);
  const r = G.rho / beam.params.M;
  let best = 0;
  for (let j = 0; j < 8; j++) {
    const c = Math.cos((Math.PI * j) / 4);
    const s = Math.sin((Math.PI * j) / 4);
    for (let d = 0; d < 3; d++) y[d] = r * (c * f1[d] + s * f2[d]) + G.zeta * eh[d];
    const val = gradientSumNorm(beam, count, y);
    if (val > best) best = val;
  }
  return best;
}

function pass(
  beam: Beam,
  weight: BasicWeight,
  m: number,
  nbrs: Int32Array[],
  G: TubeGradientSup,
): PassResult {
  const rho = bumpRadius(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const { phi } = beam.cutoff;
  const { nodes, weights } = gaussLegendre(m);
  const gr = mappedRule(m, 0, 1);
  const lat = beam.lattice;
  const res: PassResult = {
    s1: 0,
    s2: 0,
    g1: 0,
    g2: 0,
    multiMass: 0,
    supWS: 0,
    supWG: 0,
    overlaps: false,
  };
  for (let k = 0; k < lat.count; k++) {
    ek[0] = lat.e[3 * k];
    ek[1] = lat.e[3 * k + 1];
    ek[2] = lat.e[3 * k + 2];
    orthonormalFrame(e1, e2, ek);
    const nbr = nbrs[k];
    for (let ia = 0; ia < m; ia++) {
      const a = 1 + h * nodes[ia];
      if (phi(alpha * Math.abs(a - 1)) === 0) continue;
      for (let ir = 0; ir < m; ir++) {
        const r = gr.nodes[ir];
        if (phi(r) === 0) continue;
        const wq = rho * rho * h * weights[ia] * gr.weights[ir] * r * ((2 * Math.PI) / m);
        for (let ip = 0; ip < m; ip++) {
          const psi = (2 * Math.PI * ip) / m;
          const c = rho * r * Math.cos(psi);
          const sn = rho * r * Math.sin(psi);
          for (let d = 0; d < 3; d++) v[d] = a * ek[d] + c * e1[d] + sn * e2[d];
          const count = activeBumps(beam, k, nbr, v);
          if (count === 0) continue;
          const S = sScratch[0];
          let Ik = 0;
          for (let q = 0; q < count; q++) if (act[q] === k) Ik = actVal[q];
          if (Ik === 0) continue;
          const W = weightOf(weight, a * a + rho * rho * r * r);
          const Glo = gradientLower(beam, count, G);
          const frac = Ik / S;
          res.s1 += wq * frac * W * S;
          res.s2 += wq * frac * (W * S) ** 2;
          res.g1 += wq * frac * W * Glo;
          res.g2 += wq * frac * (W * Glo) ** 2;
          if (count > 1) {
            res.multiMass += wq * frac * W * S;
            res.overlaps = true;
          }
          if (W * S > res.supWS) res.supWS = W * S;
          if (W * Glo > res.supWG) res.supWG = W * Glo;
        }
      }
    }
  }
  return res;
}

/** sup over one bump of w I, by zooming grids in (a, r) ∈ [1 − 1/α, 1 + 1/α] × [0, 1]; returns [sup, a, r]. */
export function singleBumpWeightedSup(beam: Beam, weight: BasicWeight): [number, number, number] {
  const rho = bumpRadius(beam.bump);
  const { phi } = beam.cutoff;
  const alpha = bumpAxialFactor(beam.bump);
  const [aLo, aHi] = bumpAxialRange(beam.bump);
  const f = (a: number, r: number) =>
    weightOf(weight, a * a + rho * rho * r * r) * phi(alpha * Math.abs(a - 1)) * phi(r);
  let best = -1;
  let ba = 1;
  let br = 0;
  let a0 = aLo;
  let a1 = aHi;
  let r0 = 0;
  let r1 = 1;
  for (let it = 0; it < 6; it++) {
    const n = it === 0 ? 200 : 40;
    for (let i = 0; i <= n; i++) {
      const a = a0 + ((a1 - a0) * i) / n;
      for (let j = 0; j <= n; j++) {
        const r = r0 + ((r1 - r0) * j) / n;
        const val = f(a, r);
        if (val > best) {
          best = val;
          ba = a;
          br = r;
        }
      }
    }
    const ha = (2 * (a1 - a0)) / n;
    const hr = (2 * (r1 - r0)) / n;
    a0 = Math.max(aLo, ba - ha);
    a1 = Math.min(aHi, ba + ha);
    r0 = Math.max(0, br - hr);
    r1 = Math.min(1, br + hr);
  }
  return [best, ba, br];
}

/** Steered probes for the sups: each bump's axis at the argmax a_⋆ of w I, and points between each direction and its neighbours at |v| = 1 and |v| = a_⋆. */
function probeSups(
  beam: Beam,
  weight: BasicWeight,
  nbrs: Int32Array[],
  G: TubeGradientSup,
  aStar: number,
): [number, number, boolean] {
  const lat = beam.lattice;
  let supWS = 0;
  let supWG = 0;
  let overlaps = false;
  for (let k = 0; k < lat.count; k++) {
    ek[0] = lat.e[3 * k];
    ek[1] = lat.e[3 * k + 1];
    ek[2] = lat.e[3 * k + 2];
    // the axis point where one bump's w I is largest
    for (let d = 0; d < 3; d++) u[d] = aStar * ek[d];
    const c0 = activeBumpsAt(beam, u);
    if (c0 > 0) {
      if (c0 > 1) overlaps = true;
      const W = weightOf(weight, aStar * aStar);
      supWS = Math.max(supWS, W * sScratch[0]);
      supWG = Math.max(supWG, W * gradientLower(beam, c0, G));
    }
    for (const l of nbrs[k]) {
      if (l < k) continue;
      for (const f of [0.25, 0.4, 0.5, 0.6, 0.75]) {
        for (let d = 0; d < 3; d++) v[d] = (1 - f) * ek[d] + f * lat.e[3 * l + d];
        const nv = Math.hypot(v[0], v[1], v[2]);
        for (const rad of [1, aStar]) {
          for (let d = 0; d < 3; d++) u[d] = (rad * v[d]) / nv;
          const count = activeBumpsAt(beam, u);
          if (count === 0) continue;
          if (count > 1) overlaps = true;
          const W = weightOf(weight, rad * rad);
          const S = sScratch[0];
          const Glo = gradientLower(beam, count, G);
          if (W * S > supWS) supWS = W * S;
          if (W * Glo > supWG) supWG = W * Glo;
        }
      }
    }
  }
  return [supWS, supWG, overlaps];
}

/**
 * Both parts of (2.25) for p = 1, 2, ∞: ‖w f_b‖_{L^p_v L^∞_x} and M⁻¹‖w ∇x f_b‖_{L^p_v L^∞_x}
 * (independent of t), w = e^{⟨v⟩²} (`"gaussian"`) or 1 (`"none"`), with brackets and errors as in
 * the module comment. Enumerates the lattice, so M ≤ 10⁴ (a RangeError beyond).
 * @param m - quadrature nodes per axis of the coarse pass (default 12 for M ≤ 16, else 8).
 */
export function beamLinfNorms(beam: Beam, weight: BasicWeight, m?: number): BeamLinfNorms {
  const { M, s, constants } = beam.params;
  if (M > MAX_MATERIALIZED_M) throw new RangeError("lattice too large to enumerate");
  const n = m ?? (M <= 16 ? 12 : 8);
  const G = tubeGradientSup(beam.cutoff, M);
  const nbrs = neighbourLists(beam);
  const coarse = pass(beam, weight, n, nbrs, G);
  const nf = Math.round(1.5 * n);
  const fine = pass(beam, weight, nf, nbrs, G);
  const [supSingle, aStar, rStar] = singleBumpWeightedSup(beam, weight);
  const [probeWS, probeWG, probeOverlap] = probeSups(beam, weight, nbrs, G, aStar);
  const overlaps = coarse.overlaps || fine.overlaps || probeOverlap;
  const amp = beam.amplitude; // c_b M^{1−s}
  const gAmp = constants.beamAmplitude * M ** -s;
  const rule = `sum over the ${beam.lattice.count} bump supports, ${nf}³ nodes each (vs ${n}³)`;
  const root = (x: number, p: number) => x ** (1 / p);
  const errOf = (f: number, c: number, p: number) => Math.abs(root(f, p) - root(c, p));
  const value: Record<LinfExponent, Estimate> = {
    "1": estimate(
      amp * fine.s1,
      amp * Math.abs(fine.s1 - coarse.s1),
      "quadrature",
      `M^{1−s}∫wΣI (sup_x = ΣI exactly); ${rule}`,
    ),
    "2": estimate(
      amp * root(fine.s2, 2),
      amp * errOf(fine.s2, coarse.s2, 2),
      "quadrature",
      `M^{1−s}(∫(wΣI)²)^{1/2} (sup_x = ΣI exactly); ${rule}`,
    ),
    inf: overlaps
      ? estimate(
          amp * Math.max(fine.supWS, coarse.supWS, probeWS, supSingle),
          0,
          "sampled-sup",
          "M^{1−s} sup_v wΣI over quadrature nodes and probes between neighbouring directions (overlapping bumps)",
          { lowerBound: true },
        )
      : estimate(
          amp * supSingle,
          amp * supSingle * 1e-9,
          "derived",
          `M^{1−s} sup_v wI of one bump (disjoint supports met at every node and probe), at |v|·e = ${aStar.toFixed(5)}, r/ρ = ${rStar.toFixed(5)}`,
        ),
  };
  const bracket = (
    lo: number,
    hi: number,
    q: number,
    method: string,
    lowerBound = false,
  ): Estimate =>
    estimate(
      0.5 * (lo + hi),
      0.5 * (hi - lo) + q,
      lowerBound ? "sampled-sup" : "derived",
      method,
      lowerBound ? { lowerBound } : {},
    );
  const g1 = [gAmp * fine.g1, gAmp * G.upper * fine.s1] as const;
  const g2 = [gAmp * root(fine.g2, 2), gAmp * G.upper * root(fine.s2, 2)] as const;
  const gInf: readonly [number, number] = overlaps
    ? [
        gAmp * Math.max(fine.supWG, coarse.supWG, probeWG),
        gAmp * G.upper * Math.max(fine.supWS, coarse.supWS, probeWS, supSingle),
      ]
    : [gAmp * G.lower * supSingle, gAmp * G.upper * supSingle];
  const how = overlaps
    ? "bracket [explicit |Σ I∇K| at steered points y, sum of sups]"
    : "bracket sup|∇K| ∈ [V, U] (one bump non-zero at every node: G = I sup|∇K| exactly)";
  const gradient: Record<LinfExponent, Estimate> = {
    "1": bracket(
      g1[0],
      g1[1],
      gAmp * (Math.abs(fine.g1 - coarse.g1) + G.upper * Math.abs(fine.s1 - coarse.s1)),
      `M^{−s}∫w sup_y|ΣI∇K|; ${how}; ${rule}`,
    ),
    "2": bracket(
      g2[0],
      g2[1],
      gAmp * (errOf(fine.g2, coarse.g2, 2) + G.upper * errOf(fine.s2, coarse.s2, 2)),
      `M^{−s}(∫(w sup_y|ΣI∇K|)²)^{1/2}; ${how}; ${rule}`,
    ),
    inf: overlaps
      ? estimate(
          gInf[0],
          0,
          "sampled-sup",
          "M^{−s} sup_v w sup_y|ΣI∇K| over nodes and probes (explicit values at steered y; the sum of sups would give at most the upper end)",
          { lowerBound: true },
        )
      : bracket(gInf[0], gInf[1], 0, `M^{−s} sup|∇K| sup_v wI; ${how}`),
  };
  return {
    M,
    value,
    gradient,
    gradientBracket: { "1": g1, "2": g2, inf: gInf },
    overlaps,
    overlapMassFraction: fine.multiMass / fine.s1,
    tubeGradient: G,
  };
}

const dir = new Float64Array(3);
const el = new Float64Array(3);
const ek = new Float64Array(3);
const eh = new Float64Array(3);
const e1 = new Float64Array(3);
const e2 = new Float64Array(3);
const f1 = new Float64Array(3);
const f2 = new Float64Array(3);
const v = new Float64Array(3);
const u = new Float64Array(3);
const y = new Float64Array(3);
const act = new Int32Array(64);
const actVal = new Float64Array(64);
const sScratch = new Float64Array(1);
