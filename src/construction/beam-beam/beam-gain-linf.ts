import { CarlemanNodes, sampleCarlemanNodes } from "../../kinetic/carleman-sampler.ts";
import { RuleError } from "../../math/errors.ts";
import { collapsedStrataMean, stratifiedBallPoint } from "../../math/sampling/stratified-ball.ts";
import { seededUniform, type Uniform } from "../../math/sampling/uniform-stream.ts";
import { orthonormalFrame } from "../../math/vec3.ts";
import type { Beam } from "../beam/beam.ts";
import { bumpAxialRange, bumpRadius } from "../geometry/velocity-bumps.ts";
import { beamBumpPieces, diagonalCandidates } from "./beam-gain.ts";
import {
  BOUND_SLOTS,
  D_DIAG,
  D_OFF,
  DUHAMEL_SLOTS,
  duhamelAtNodes,
  G_DIAG,
  G_OFF,
  supBoundsAtNodes,
  U_DIAG,
  U_E_EXACT,
  U_E_PAPER,
  U_OFF,
  U_TRIVIAL,
  UG_DIAG,
  UG_OFF,
} from "./beam-gain-duhamel.ts";

/**
 * The L^{1,1}_v L^∞_x parts of D⁺ (Lemma 4.6, (4.32)–(4.51)):
 *
 *   ‖e^{⟨v⟩²} D⁺‖_{L^{1,1}_v L^∞_x} = ∫ ⟨v⟩ e^{⟨v⟩²} sup_x |D⁺(t0, t, x, v)| dv,
 *   ‖e^{⟨v⟩²} ∇x D⁺‖_{L^{1,1}_v L^∞_x} = ∫ ⟨v⟩ e^{⟨v⟩²} sup_x |∇x D⁺(t0, t, x, v)| dv.
 *
 * v-integral: Monte Carlo over the ball |v| ≤ R_v = √2·√(1.1² + ρ²) — the whole v-support of
 * Q⁺(f_b,f_b): |v|² ≤ |v*|² + |u*|² (energy), so |v| reaches 1.1√2 ≈ 1.56 for orthogonal bumps, not
 * 1.1 — radially stratified (stratified-velocity.ts), seeded; the standard error (collapsed strata)
 * carries the node noise below as well.
 *
 * Case 1 / Case 2: the search uses nodes over all pairs; the final (fresh) evaluations use
 * off-diagonal nodes (k1 uniform over all bumps) plus separate diagonal nodes drawn only over the
 * bumps that can contribute diagonally at v (beam-gain.ts diagonalCandidates), both unbiased for
 * their part; the total is their sum at the same z.
 *
 * sup_x for one v (D⁺ depends on x through z = x − tv only, beam-gain-duhamel.ts): a set of
 * Carleman nodes at v (all bump pairs; common random numbers for the whole search) defines
 * D̂(z); the search is steered by the geometry: every pair's transported tubes both reach the region
 * near the origin (the lines ℝe_{k1}, ℝe_{k2} meet only there), so the candidates are characteristics
 * y(τ) = z + τv through the origin at τ_c (z = −τ_c v, τ_c on a grid over the window widened by
 * 1/(M|v|)), offset by δ ⊥ v on a 5 × 5 grid of step 1/(2M) — 225 coarse candidates; then a pattern
 * search (steps ±h along v̂ and the two normals, h = 1/(4M) halved 4 times) from the best one,
 * separately for D̂ and for |∇D̂|. The maximizers z*, z*_∇ are then evaluated with FRESH independent
 * nodes: D̂_fresh(z*) is unbiased for D⁺(z*) ≤ sup_z D⁺, and ê·∇D̂_fresh(z*_∇) with ê the search's
 * gradient direction is unbiased for ê·∇D⁺(z*_∇) ≤ sup|∇D⁺|: the results are LOWER bounds (the
 * search may miss the maximizer; the selection bias of a noisy max is removed by the fresh nodes).
 *
 * Upper bounds (rigorous inequalities, estimated with the same Monte Carlo): ∫ sup_x Σ ≤ Σ ∫ sup_x,
 * i.e. the chain (4.32) with sup_z of every node's S bounded by the exact windowed line integrals
 * (supBoundsAtNodes), and the trivial chain (4.35) with E ≤ t − t0.
 */

export interface GainLinfOptions {
  readonly seed?: number;
  /** Number of v samples (default 64). */
  readonly nV?: number;
  /** Outer Carleman draws for the search nodes (default 300). */
  readonly nOuterSearch?: number;
  /** Outer Carleman draws for the fresh nodes (default 300). */
  readonly nOuterFresh?: number;
  /** Gauss–Legendre nodes of the τ-integral (default 10). */
  readonly nTau?: number;
}

/** Mean ± standard error of per-sample contributions, Case 2 / Case 1 / total. */
export interface SplitMC {
  readonly total: number;
  readonly totalSE: number;
  readonly diagonal: number;
  readonly diagonalSE: number;
  readonly offDiagonal: number;
  readonly offDiagonalSE: number;
}

export interface GainLinfResult {
  /** ∫ W sup_x D⁺ (lower bound: search), × M^{2−2s} included. */
  readonly linf: SplitMC;
  /** ∫ W Σ_nodes sup_z (upper bound). */
  readonly linfUpper: SplitMC;
  /** ∫ W A²(t − t0) Q⁺(ΣI,ΣI): the trivial chain (4.35). */
  readonly linfTrivial: { value: number; se: number };
  /** ∫ W sup_x |∇x D⁺| (lower bound), split at the total's maximizer. */
  readonly gradLinf: SplitMC;
  readonly gradLinfUpper: SplitMC;
  /** Diagnostics of (4.37): ∫W Σ_off weight·E_exact and ·min(T*, 1/(M|P⊥ y'|)) (× M^{2−2s}). */
  readonly eExact: { value: number; se: number };
  readonly ePaper: { value: number; se: number };
  /**
   * The rule "characteristic through the origin at mid-window" (z = −(t0+t)/2·v, fresh nodes): a
   * lower bound without search; linf/originRule shows what the search adds.
   */
  readonly originRule: { value: number; se: number };
  readonly nV: number;
  readonly seed: number;
  readonly nodesPerV: number;
  readonly ms: number;
  readonly method: string;
}

/** R_v: the ball containing the v-support of Q⁺(f_b,f_b). */
export function gainVelocityRadius(beam: Beam): number {
  return Math.SQRT2 * Math.hypot(bumpAxialRange(beam.bump)[1], bumpRadius(beam.bump)) * (1 + 1e-9);
}

/** Uniform point in the ball of radius R. */
export function uniformBall(out: Float64Array, R: number, rnd: Uniform): void {
  for (;;) {
    const x = 2 * rnd() - 1;
    const y = 2 * rnd() - 1;
    const z = 2 * rnd() - 1;
    if (x * x + y * y + z * z <= 1) {
      out[0] = R * x;
      out[1] = R * y;
      out[2] = R * z;
      return;
    }
  }
}

const searchNodes = new CarlemanNodes();
const offNodes = new CarlemanNodes();
const diagNodes = new CarlemanNodes();
const dOut = new Float64Array(DUHAMEL_SLOTS);
const dOut2 = new Float64Array(DUHAMEL_SLOTS);
const bOut = new Float64Array(BOUND_SLOTS);
const vS = new Float64Array(3);
const zS = new Float64Array(3);
const zRef = new Float64Array(3);
const zBestD = new Float64Array(3);
const zBestG = new Float64Array(3);
const zTry = new Float64Array(3);
const f1 = new Float64Array(3);
const f2 = new Float64Array(3);
const vh = new Float64Array(3);
const gDir = new Float64Array(3);
let diagList = new Int32Array(0);

const SLOTS = 16;

function gradNorm(o: Float64Array): number {
  return Math.hypot(
    o[G_DIAG] + o[G_OFF],
    o[G_DIAG + 1] + o[G_OFF + 1],
    o[G_DIAG + 2] + o[G_OFF + 2],
  );
}

function splitOf(x: Float64Array, nV: number, iT: number): SplitMC {
  const col = (i: number) => {
    const c = new Float64Array(nV);
    for (let k = 0; k < nV; k++) c[k] = x[k * SLOTS + i];
    return collapsedStrataMean(c, nV);
  };
  const t = col(iT);
  const d = col(iT + 1);
  const o = col(iT + 2);
  return {
    total: t.value,
    totalSE: t.se,
    diagonal: d.value,
    diagonalSE: d.se,
    offDiagonal: o.value,
    offDiagonalSE: o.se,
  };
}

function column(x: Float64Array, nV: number, i: number): { value: number; se: number } {
  const c = new Float64Array(nV);
  for (let k = 0; k < nV; k++) c[k] = x[k * SLOTS + i];
  return collapsedStrataMean(c, nV);
}

/**
 * The steered search of sup_z D̂(z) and sup_z |∇D̂(z)| over the nodes at v (module comment):
 * maximizers into zBestD, zBestG, the unit gradient direction at zBestG into gDir.
 */
function steeredSearch(
  beam: Beam,
  nodes: CarlemanNodes,
  t0: number,
  t: number,
  nTau: number,
): void {
  const M = beam.params.M;
  const L = t - t0;
  const sv = Math.hypot(vS[0], vS[1], vS[2]);
  const searchNodes = nodes;
  const widen = sv > 0 ? Math.min(0.2, 1 / (M * sv)) : 0;
  const nc = 9;
  const dstep = 0.5 / M;
  let bestD = -1;
  let bestG = -1;
  for (let ic = 0; ic < nc; ic++) {
    const tc = t0 - widen + ((L + 2 * widen) * ic) / (nc - 1);
    for (let i1 = -2; i1 <= 2; i1++) {
      for (let i2 = -2; i2 <= 2; i2++) {
        for (let q = 0; q < 3; q++) zS[q] = -tc * vS[q] + dstep * (i1 * f1[q] + i2 * f2[q]);
        duhamelAtNodes(beam, searchNodes, vS, zS, t0, t, nTau, true, dOut);
        const d = dOut[D_DIAG] + dOut[D_OFF];
        const g = gradNorm(dOut);
        if (d > bestD) {
          bestD = d;
          zBestD.set(zS);
        }
        if (g > bestG) {
          bestG = g;
          zBestG.set(zS);
        }
      }
    }
  }
  // pattern search (steps along v̂, f1, f2), separately for D and |∇D|
  for (let which = 0; which < 2; which++) {
    const zb = which === 0 ? zBestD : zBestG;
    let best = which === 0 ? bestD : bestG;
    if (!(best > 0)) continue;
    let h = 0.25 / M;
    for (let level = 0; level < 5; level++) {
      let moved = true;
      let guard = 0;
      while (moved && guard++ < 8) {
        moved = false;
        for (let dir = 0; dir < 6; dir++) {
          const d3 = dir >> 1;
          const sg = dir & 1 ? -1 : 1;
          const u = d3 === 0 ? vh : d3 === 1 ? f1 : f2;
          for (let q = 0; q < 3; q++) zTry[q] = zb[q] + sg * h * u[q];
          duhamelAtNodes(beam, searchNodes, vS, zTry, t0, t, nTau, which === 1, dOut);
          const val = which === 0 ? dOut[D_DIAG] + dOut[D_OFF] : gradNorm(dOut);
          if (val > best) {
            best = val;
            zb.set(zTry);
            moved = true;
          }
        }
      }
      h *= 0.5;
    }
  }
  // gradient direction from the search nodes at z*_∇
  duhamelAtNodes(beam, searchNodes, vS, zBestG, t0, t, nTau, true, dOut);
  gDir[0] = dOut[G_DIAG] + dOut[G_OFF];
  gDir[1] = dOut[G_DIAG + 1] + dOut[G_OFF + 1];
  gDir[2] = dOut[G_DIAG + 2] + dOut[G_OFF + 2];
  const gn = Math.hypot(gDir[0], gDir[1], gDir[2]);
  for (let q = 0; q < 3; q++) gDir[q] = gn > 0 ? gDir[q] / gn : 0;
}

/** The L^{1,1}_v L^∞_x parts of D⁺ for one window (see the module comment). */
export function gainLinfParts(
  beam: Beam,
  t0: number,
  t: number,
  options: GainLinfOptions = {},
): GainLinfResult {
  if (!(t0 >= 0 && t >= t0))
    throw new RuleError("a window needs 0 <= t0 <= t", `got (${t0}, ${t})`);
  const seed = options.seed ?? 1;
  const nV = options.nV ?? 64;
  const nOS = options.nOuterSearch ?? 300;
  const nOF = options.nOuterFresh ?? 300;
  const nOD = Math.max(16, Math.round(nOF / 4));
  const nTau = options.nTau ?? 10;
  if (!(Number.isInteger(nV) && nV >= 2 && nV % 2 === 0))
    throw new RuleError("nV must be an even integer >= 2", `got ${nV}`);
  const started = Date.now();
  const rnd = seededUniform(seed);
  const pieces = beamBumpPieces(beam);
  const nb = pieces.length;
  if (diagList.length < nb) diagList = new Int32Array(nb);
  const M = beam.params.M;
  const A2 = beam.amplitude ** 2;
  const Rv = gainVelocityRadius(beam);
  const vol = (4 / 3) * Math.PI * Rv ** 3;
  const L = t - t0;
  const x = new Float64Array(nV * SLOTS);
  let nodesTotal = 0;
  for (let iv = 0; iv < nV; iv++) {
    stratifiedBallPoint(vS, Rv, iv, nV, rnd);
    const v2 = vS[0] ** 2 + vS[1] ** 2 + vS[2] ** 2;
    const W = Math.sqrt(1 + v2) * Math.exp(1 + v2);
    const factor = vol * W * A2;
    const row = iv * SLOTS;
    const sv = Math.sqrt(v2);
    sampleCarlemanNodes(
      searchNodes,
      vS,
      pieces,
      { outer: null, outerCount: nb, inner: null, innerCount: nb, nOuter: nOS },
      rnd,
    );
    sampleCarlemanNodes(
      offNodes,
      vS,
      pieces,
      {
        outer: null,
        outerCount: nb,
        inner: null,
        innerCount: nb,
        nOuter: nOF,
        pairs: "offDiagonal",
      },
      rnd,
    );
    const nd = diagonalCandidates(beam, vS, diagList);
    sampleCarlemanNodes(
      diagNodes,
      vS,
      pieces,
      {
        outer: diagList,
        outerCount: nd,
        inner: diagList,
        innerCount: nd,
        nOuter: nOD,
        pairs: "diagonal",
      },
      rnd,
    );
    nodesTotal += searchNodes.count + offNodes.count + diagNodes.count;
    // the fresh evaluation: off-diagonal nodes + diagonal nodes at the same z
    const fresh = (z: Float64Array, grad: boolean): void => {
      duhamelAtNodes(beam, offNodes, vS, z, t0, t, nTau, grad, dOut);
      duhamelAtNodes(beam, diagNodes, vS, z, t0, t, nTau, grad, dOut2);
      dOut[D_DIAG] = dOut2[D_DIAG];
      for (let q = 0; q < 3; q++) dOut[G_DIAG + q] = dOut2[G_DIAG + q];
    };
    if (sv > 0) {
      vh[0] = vS[0] / sv;
      vh[1] = vS[1] / sv;
      vh[2] = vS[2] / sv;
    } else {
      vh[0] = 0;
      vh[1] = 0;
      vh[2] = 1;
    }
    orthonormalFrame(f1, f2, vh);
    for (let q = 0; q < 3; q++) zRef[q] = -0.5 * (t0 + t) * vS[q];
    if (searchNodes.count > 0) {
      steeredSearch(beam, searchNodes, t0, t, nTau);
    } else {
      zBestD.set(zRef);
      zBestG.set(zRef);
      gDir.fill(0);
    }
    fresh(zBestD, false);
    x[row] = factor * (dOut[D_DIAG] + dOut[D_OFF]);
    x[row + 1] = factor * dOut[D_DIAG];
    x[row + 2] = factor * dOut[D_OFF];
    fresh(zBestG, true);
    const gd = gDir[0] * dOut[G_DIAG] + gDir[1] * dOut[G_DIAG + 1] + gDir[2] * dOut[G_DIAG + 2];
    const go = gDir[0] * dOut[G_OFF] + gDir[1] * dOut[G_OFF + 1] + gDir[2] * dOut[G_OFF + 2];
    x[row + 3] = factor * (gd + go);
    x[row + 4] = factor * gd;
    x[row + 5] = factor * go;
    fresh(zRef, false);
    x[row + 15] = factor * (dOut[D_DIAG] + dOut[D_OFF]);
    // upper bounds: off-diagonal part from the off nodes, diagonal part from the diagonal nodes
    supBoundsAtNodes(beam, offNodes, vS, L, bOut);
    const uo = bOut[U_OFF];
    const ugo = bOut[UG_OFF];
    const triv = bOut[U_TRIVIAL];
    x[row + 13] = factor * bOut[U_E_EXACT];
    x[row + 14] = factor * bOut[U_E_PAPER];
    supBoundsAtNodes(beam, diagNodes, vS, L, bOut);
    x[row + 6] = factor * (uo + bOut[U_DIAG]);
    x[row + 7] = factor * bOut[U_DIAG];
    x[row + 8] = factor * uo;
    x[row + 9] = factor * (ugo + bOut[UG_DIAG]);
    x[row + 10] = factor * bOut[UG_DIAG];
    x[row + 11] = factor * ugo;
    x[row + 12] = factor * (triv + bOut[U_TRIVIAL]);
  }
  return {
    linf: splitOf(x, nV, 0),
    gradLinf: splitOf(x, nV, 3),
    linfUpper: splitOf(x, nV, 6),
    gradLinfUpper: splitOf(x, nV, 9),
    linfTrivial: column(x, nV, 12),
    eExact: column(x, nV, 13),
    ePaper: column(x, nV, 14),
    originRule: column(x, nV, 15),
    nV,
    seed,
    nodesPerV: nodesTotal / nV,
    ms: Date.now() - started,
    method: `v radially stratified in |v| ≤ ${Rv.toFixed(4)} (${nV} samples, seed ${seed}); Carleman nodes per v: ${nOS} outer draws (search, all pairs), ${nOF} (fresh, off-diagonal), ${nOD} (fresh, diagonal, near bumps); τ by ${nTau}-point Gauss–Legendre on the exact support interval; sup_x by a steered grid (characteristics through the origin, 9 crossing times × 5×5 normal offsets of 1/(2M)) + pattern search, re-evaluated with fresh nodes (lower bound); upper bound Σ_nodes sup_z (exact windowed line integrals)`,
  };
}

export interface GainLinfDiagonalResult {
  /** ∫ W sup_x D⁺_diag (lower bound), × M^{2−2s}. */
  readonly linf: { value: number; se: number };
  readonly linfUpper: { value: number; se: number };
  readonly gradLinf: { value: number; se: number };
  readonly gradLinfUpper: { value: number; se: number };
  readonly nV: number;
  readonly seed: number;
  readonly ms: number;
  readonly method: string;
}

/**
 * Case 2 alone (k1 = k2, (4.51)): the same lower/upper bracket for D⁺_diag, the part of D⁺ with
 * k1 = k2, with v sampled where Case 2 lives — the union of the balls B(c_k, √2 R_k) (beam-gain.ts
 * diagonalCandidates): k uniform, v uniform in its ball, weight (number of bumps)·|ball|/m(v) with
 * m(v) the number of balls containing v (unbiased over the union). iid samples, plain standard error.
 */
export function gainLinfDiagonal(
  beam: Beam,
  t0: number,
  t: number,
  options: GainLinfOptions = {},
): GainLinfDiagonalResult {
  if (!(t0 >= 0 && t >= t0))
    throw new RuleError("a window needs 0 <= t0 <= t", `got (${t0}, ${t})`);
  const seed = options.seed ?? 1;
  const nV = options.nV ?? 64;
  const nO = options.nOuterSearch ?? 100;
  const nTau = options.nTau ?? 10;
  if (!(Number.isInteger(nV) && nV >= 2))
    throw new RuleError("nV must be an integer >= 2", `got ${nV}`);
  const started = Date.now();
  const rnd = seededUniform(seed ^ 0x5bd1e995);
  const pieces = beamBumpPieces(beam);
  const nb = pieces.length;
  if (diagList.length < nb) diagList = new Int32Array(nb);
  const A2 = beam.amplitude ** 2;
  const L = t - t0;
  const sums = new Float64Array(8);
  for (let i = 0; i < nV; i++) {
    const k = Math.min(nb - 1, Math.floor(rnd() * nb));
    const bb = pieces[k].bb;
    const rb = Math.SQRT2 * bb[3];
    uniformBall(vS, rb, rnd);
    vS[0] += bb[0];
    vS[1] += bb[1];
    vS[2] += bb[2];
    const nd = diagonalCandidates(beam, vS, diagList);
    if (nd === 0) continue;
    const v2 = vS[0] ** 2 + vS[1] ** 2 + vS[2] ** 2;
    const W = Math.sqrt(1 + v2) * Math.exp(1 + v2);
    const factor = (A2 * W * nb * (4 / 3) * Math.PI * rb ** 3) / nd;
    const draw = {
      outer: diagList,
      outerCount: nd,
      inner: diagList,
      innerCount: nd,
      nOuter: nO,
      pairs: "diagonal" as const,
    };
    sampleCarlemanNodes(searchNodes, vS, pieces, draw, rnd);
    sampleCarlemanNodes(diagNodes, vS, pieces, draw, rnd);
    const sv = Math.sqrt(v2);
    vh[0] = vS[0] / sv;
    vh[1] = vS[1] / sv;
    vh[2] = vS[2] / sv;
    orthonormalFrame(f1, f2, vh);
    if (searchNodes.count > 0) steeredSearch(beam, searchNodes, t0, t, nTau);
    else {
      for (let q = 0; q < 3; q++) zBestD[q] = -0.5 * (t0 + t) * vS[q];
      zBestG.set(zBestD);
      gDir.fill(0);
    }
    duhamelAtNodes(beam, diagNodes, vS, zBestD, t0, t, nTau, false, dOut);
    const d = factor * dOut[D_DIAG];
    duhamelAtNodes(beam, diagNodes, vS, zBestG, t0, t, nTau, true, dOut);
    const g =
      factor * (gDir[0] * dOut[G_DIAG] + gDir[1] * dOut[G_DIAG + 1] + gDir[2] * dOut[G_DIAG + 2]);
    supBoundsAtNodes(beam, diagNodes, vS, L, bOut);
    const u = factor * bOut[U_DIAG];
    const ug = factor * bOut[UG_DIAG];
    sums[0] += d;
    sums[1] += d * d;
    sums[2] += g;
    sums[3] += g * g;
    sums[4] += u;
    sums[5] += u * u;
    sums[6] += ug;
    sums[7] += ug * ug;
  }
  const ms = (j: number) => {
    const m = sums[j] / nV;
    return { value: m, se: Math.sqrt(Math.max(0, sums[j + 1] / nV - m * m) / (nV - 1)) };
  };
  return {
    linf: ms(0),
    gradLinf: ms(2),
    linfUpper: ms(4),
    gradLinfUpper: ms(6),
    nV,
    seed,
    ms: Date.now() - started,
    method: `Case 2 only: v uniform over ∪_k B(c_k, √2R_k) (${nV} samples, seed ${seed}), diagonal Carleman nodes ${nO}+${nO} outer draws per v, same steered search and bounds`,
  };
}
