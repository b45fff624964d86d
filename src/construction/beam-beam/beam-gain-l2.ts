import erf from "@stdlib/math-base-special-erf";
import { CarlemanNodes, sampleCarlemanNodes } from "../../kinetic/carleman-sampler.ts";
import { RuleError } from "../../math/errors.ts";
import { collapsedStrataMean, stratifiedBallPoint } from "../../math/sampling/stratified-ball.ts";
import { seededUniform, type Uniform } from "../../math/sampling/uniform-stream.ts";
import type { Beam } from "../beam/beam.ts";
import { bumpAxialRange, bumpRadius } from "../geometry/velocity-bumps.ts";
import { beamBumpPieces, diagonalCandidates, segmentReachList } from "./beam-gain.ts";
import {
  D_DIAG,
  D_OFF,
  DUHAMEL_SLOTS,
  duhamelAtNodes,
  G_DIAG,
  G_OFF,
} from "./beam-gain-duhamel.ts";
import { gainVelocityRadius } from "./beam-gain-linf.ts";

/**
 * The L^{2,1}_v L²_x parts of D⁺ (Lemma 4.6, the estimate before (4.29)), squared:
 *
 *   ‖e^{⟨v⟩²} D⁺‖²_{L^{2,1}_v L²_x} = ∫∫ ⟨v⟩² e^{2⟨v⟩²} |D⁺(t0, t, x, v)|² dx dv
 *                                   = ∫ dv ⟨v⟩² e^{2⟨v⟩²} ∫ dz |D⁺(z, v)|²   (z = x − tv),
 * and the same with |∇x D⁺|². Monte Carlo in (v, z) with importance sampling:
 * - v radially stratified over |v| ≤ R_v (stratified-velocity.ts);
 * - z from the mixture q(z|v) = 0.8·(characteristic through the origin: z = −τv + (1/M)·N(0, I),
 *   τ uniform in [t0, t]; closed-form density with erf) + 0.2·uniform on the ball |z| ≤ R_z that
 *   contains supp D⁺(·, v) (|z| < √(1 + M⁻²) + t(|v*| + |v|)), so q > 0 wherever D⁺ ≠ 0;
 * - |D⁺|² by the product of TWO INDEPENDENT Carleman estimates D̂_a D̂_b at (z, v) (unbiased for the
 *   square; the same for ∇D̂_a·∇D̂_b), each over the bumps whose tubes the characteristic can reach
 *   (beam-gain.ts segmentReachList); off-diagonal and diagonal nodes drawn separately (diagonal: only
 *   bumps that can contribute diagonally at v).
 * The estimator is unbiased for the squared norm; norms are its square root (error bracketed).
 * Case 1 / Case 2: ‖D⁺_off‖², ‖D⁺_diag‖² and the total (with the cross term) are all reported.
 */

export interface GainL2Options {
  readonly seed?: number;
  /** Number of (v, z) samples (even; default 4000). */
  readonly nSamples?: number;
  /** Outer Carleman draws per estimate (default 24). */
  readonly nOuter?: number;
  readonly nTau?: number;
}

export interface MeanSE {
  readonly value: number;
  readonly se: number;
}

export interface GainL2Result {
  /** ∫∫ W² |D⁺|², total / Case 2 / Case 1 (× M^{4−4s} included; no M-prefactor). */
  readonly l2sq: { total: MeanSE; diagonal: MeanSE; offDiagonal: MeanSE };
  readonly gradL2sq: { total: MeanSE; diagonal: MeanSE; offDiagonal: MeanSE };
  readonly nSamples: number;
  readonly seed: number;
  readonly ms: number;
  readonly method: string;
}

const na = new CarlemanNodes();
const nb2 = new CarlemanNodes();
const da = new CarlemanNodes();
const db = new CarlemanNodes();
const oa = new Float64Array(DUHAMEL_SLOTS);
const ob = new Float64Array(DUHAMEL_SLOTS);
const tmp = new Float64Array(DUHAMEL_SLOTS);
const vS = new Float64Array(3);
const zS = new Float64Array(3);
let reach = new Int32Array(0);
/** z-proposal: Gaussian tubes of widths c/M about the origin-crossing segment, with weights, + uniform. */
const SEGMENT_SIGMAS = [1, 4, 16];
const SEGMENT_WEIGHTS = [0.4, 0.3, 0.15];
const UNIFORM_WEIGHT = 0.15;
let diag = new Int32Array(0);
let flag = new Uint8Array(0);

function gauss(rnd: Uniform): number {
  const u = 1 - rnd();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
}

function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** Density of the Gaussian-segment component at z (see the module comment). */
function segmentDensity(
  z: Float64Array,
  v: Float64Array,
  t0: number,
  t: number,
  sigma: number,
): number {
  const s = Math.hypot(v[0], v[1], v[2]);
  const zz = z[0] ** 2 + z[1] ** 2 + z[2] ** 2;
  const norm2 = 1 / (2 * Math.PI * sigma * sigma);
  if (s * (t - t0) < 1e-9 * sigma) {
    const m = 0.5 * (t0 + t);
    const d2 = (z[0] + m * v[0]) ** 2 + (z[1] + m * v[1]) ** 2 + (z[2] + m * v[2]) ** 2;
    return (norm2 * Math.exp(-d2 / (2 * sigma * sigma))) / (Math.sqrt(2 * Math.PI) * sigma);
  }
  const zp = (z[0] * v[0] + z[1] * v[1] + z[2] * v[2]) / s;
  const perp2 = Math.max(0, zz - zp * zp);
  const along =
    (normalCdf((zp + t * s) / sigma) - normalCdf((zp + t0 * s) / sigma)) / ((t - t0) * s);
  return norm2 * Math.exp(-perp2 / (2 * sigma * sigma)) * along;
}

/**
 * Draw z from the proposal q(z | v) of the module comment: with weights 0.4/0.3/0.15 a Gaussian
 * tube of width (1, 4, 16)/M about the segment {−τv : τ ∈ [t0, t]}, with weight 0.15 uniform on
 * the ball |z| ≤ Rz.
 */
export function sampleZ(
  out: Float64Array,
  v: Float64Array,
  t0: number,
  t: number,
  M: number,
  Rz: number,
  rnd: Uniform,
): void {
  const pick = rnd();
  let acc = 0;
  for (let c = 0; c < SEGMENT_SIGMAS.length; c++) {
    acc += SEGMENT_WEIGHTS[c];
    if (pick < acc) {
      const tau = t0 + (t - t0) * rnd();
      const sg = SEGMENT_SIGMAS[c] / M;
      for (let q = 0; q < 3; q++) out[q] = -tau * v[q] + sg * gauss(rnd);
      return;
    }
  }
  for (;;) {
    const a = 2 * rnd() - 1;
    const b = 2 * rnd() - 1;
    const c = 2 * rnd() - 1;
    if (a * a + b * b + c * c <= 1) {
      out[0] = Rz * a;
      out[1] = Rz * b;
      out[2] = Rz * c;
      return;
    }
  }
}

/** The density q(z | v) of {@link sampleZ} (closed form; erf for the segment components). */
export function zDensity(
  z: Float64Array,
  v: Float64Array,
  t0: number,
  t: number,
  M: number,
  Rz: number,
): number {
  const inBall = z[0] ** 2 + z[1] ** 2 + z[2] ** 2 <= Rz * Rz ? 1 : 0;
  let q = (UNIFORM_WEIGHT * inBall) / ((4 / 3) * Math.PI * Rz ** 3);
  for (let c = 0; c < SEGMENT_SIGMAS.length; c++)
    q += SEGMENT_WEIGHTS[c] * segmentDensity(z, v, t0, t, SEGMENT_SIGMAS[c] / M);
  return q;
}

/** One Carleman estimate of D⁺(z, v) and ∇D⁺ (off + diag nodes) into out. */
function estimateAt(
  beam: Beam,
  off: CarlemanNodes,
  dg: CarlemanNodes,
  nReach: number,
  nDiag: number,
  nOuter: number,
  t0: number,
  t: number,
  nTau: number,
  rnd: Uniform,
  out: Float64Array,
): void {
  const pieces = beamBumpPieces(beam);
  sampleCarlemanNodes(
    off,
    vS,
    pieces,
    {
      outer: reach,
      outerCount: nReach,
      inner: reach,
      innerCount: nReach,
      nOuter,
      pairs: "offDiagonal",
    },
    rnd,
  );
  sampleCarlemanNodes(
    dg,
    vS,
    pieces,
    {
      outer: diag,
      outerCount: nDiag,
      inner: diag,
      innerCount: nDiag,
      nOuter: Math.max(4, nOuter >> 1),
      pairs: "diagonal",
    },
    rnd,
  );
  duhamelAtNodes(beam, off, vS, zS, t0, t, nTau, true, out);
  duhamelAtNodes(beam, dg, vS, zS, t0, t, nTau, true, tmp);
  out[D_DIAG] = tmp[D_DIAG];
  for (let q = 0; q < 3; q++) out[G_DIAG + q] = tmp[G_DIAG + q];
}

/**
 * One Carleman estimate of D⁺(t0, t, x, v) = ∫_{t0}^{t} Q⁺(f_b,f_b)(τ, x − (t−τ)v, v) dτ (Lemma 4.6,
 * (4.31) with (4.33)) at z = x − tv: the estimate each factor of the L² parts uses (off-diagonal
 * nodes over the bumps whose tubes the characteristic can reach, diagonal nodes over the bumps that
 * can contribute diagonally at v; `nOuter` outer draws, τ by `nTau`-point Gauss–Legendre), times
 * the amplitude (c_b M^{1−s})². Unbiased for D⁺ at the point: an independent draw (fresh `rnd`) is a
 * legitimate pointwise test function for the particles' Duhamel integral
 * (solvers/particles/duhamel-overlap.ts).
 */
export function gainDuhamelEstimate(
  beam: Beam,
  z: ArrayLike<number>,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  nOuter: number,
  nTau: number,
  rnd: Uniform,
): number {
  if (!(t0 >= 0 && t >= t0))
    throw new RuleError("a window needs 0 <= t0 <= t", `got (${t0}, ${t})`);
  const nbumps = beam.lattice.count;
  if (reach.length < nbumps) {
    reach = new Int32Array(nbumps);
    diag = new Int32Array(nbumps);
    flag = new Uint8Array(nbumps);
  }
  for (let q = 0; q < 3; q++) {
    vS[q] = v[q];
    zS[q] = z[q];
  }
  const nReach = segmentReachList(beam, zS, vS, t0, t, reach);
  if (nReach === 0) return 0;
  flag.fill(0, 0, nbumps);
  for (let k = 0; k < nReach; k++) flag[reach[k]] = 1;
  const nd0 = diagonalCandidates(beam, vS, diag);
  let nDiag = 0;
  for (let k = 0; k < nd0; k++) if (flag[diag[k]]) diag[nDiag++] = diag[k];
  estimateAt(beam, na, da, nReach, nDiag, nOuter, t0, t, nTau, rnd, oa);
  return beam.amplitude ** 2 * (oa[D_DIAG] + oa[D_OFF]);
}

/**
 * The squared L^{2,1}_v L²_x norms of D⁺ and ∇x D⁺ (Lemma 4.6, before (4.29)) over the window
 * [t0, t], total and split into Case 1 (off-diagonal) and Case 2 (diagonal), by the seeded
 * importance-sampled Monte Carlo of the module comment (mean and standard error; default 4000
 * samples, seed 1). A {@link RuleError} unless 0 ≤ t0 ≤ t.
 */
export function gainL2Parts(
  beam: Beam,
  t0: number,
  t: number,
  options: GainL2Options = {},
): GainL2Result {
  if (!(t0 >= 0 && t >= t0))
    throw new RuleError("a window needs 0 <= t0 <= t", `got (${t0}, ${t})`);
  const seed = options.seed ?? 1;
  const n = options.nSamples ?? 4000;
  const nOuter = options.nOuter ?? 24;
  const nTau = options.nTau ?? 10;
  if (!(Number.isInteger(n) && n >= 2 && n % 2 === 0))
    throw new RuleError("nSamples must be an even integer >= 2", `got ${n}`);
  const started = Date.now();
  const rnd = seededUniform(seed);
  const M = beam.params.M;
  const nbumps = beam.lattice.count;
  if (reach.length < nbumps) {
    reach = new Int32Array(nbumps);
    diag = new Int32Array(nbumps);
    flag = new Uint8Array(nbumps);
  }
  const A4 = beam.amplitude ** 4;
  const Rv = gainVelocityRadius(beam);
  const volV = (4 / 3) * Math.PI * Rv ** 3;
  const Rz =
    Math.sqrt(1 + 1 / (M * M)) +
    t * (Math.hypot(bumpAxialRange(beam.bump)[1], bumpRadius(beam.bump)) + Rv) +
    1e-9;
  const cols = 6;
  const x = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    stratifiedBallPoint(vS, Rv, i, n, rnd);
    if (!(t > t0)) continue;
    const v2 = vS[0] ** 2 + vS[1] ** 2 + vS[2] ** 2;
    const W2 = (1 + v2) * Math.exp(2 * (1 + v2));
    sampleZ(zS, vS, t0, t, M, Rz, rnd);
    const qz = zDensity(zS, vS, t0, t, M, Rz);
    const nReach = segmentReachList(beam, zS, vS, t0, t, reach);
    if (nReach === 0) continue;
    flag.fill(0, 0, nbumps);
    for (let k = 0; k < nReach; k++) flag[reach[k]] = 1;
    const nd0 = diagonalCandidates(beam, vS, diag);
    let nDiag = 0;
    for (let k = 0; k < nd0; k++) if (flag[diag[k]]) diag[nDiag++] = diag[k];
    estimateAt(beam, na, da, nReach, nDiag, nOuter, t0, t, nTau, rnd, oa);
    estimateAt(beam, nb2, db, nReach, nDiag, nOuter, t0, t, nTau, rnd, ob);
    const f = (volV * W2 * A4) / qz;
    const ta = oa[D_DIAG] + oa[D_OFF];
    const tb = ob[D_DIAG] + ob[D_OFF];
    x[i * cols] = f * ta * tb;
    x[i * cols + 1] = f * oa[D_DIAG] * ob[D_DIAG];
    x[i * cols + 2] = f * oa[D_OFF] * ob[D_OFF];
    let gt = 0;
    let gd = 0;
    let go = 0;
    for (let q = 0; q < 3; q++) {
      gt += (oa[G_DIAG + q] + oa[G_OFF + q]) * (ob[G_DIAG + q] + ob[G_OFF + q]);
      gd += oa[G_DIAG + q] * ob[G_DIAG + q];
      go += oa[G_OFF + q] * ob[G_OFF + q];
    }
    x[i * cols + 3] = f * gt;
    x[i * cols + 4] = f * gd;
    x[i * cols + 5] = f * go;
  }
  const col = (j: number): MeanSE => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = x[i * cols + j];
    return collapsedStrataMean(c, n);
  };
  return {
    l2sq: { total: col(0), diagonal: col(1), offDiagonal: col(2) },
    gradL2sq: { total: col(3), diagonal: col(4), offDiagonal: col(5) },
    nSamples: n,
    seed,
    ms: Date.now() - started,
    method: `Monte Carlo in (v, z): v radially stratified in |v| ≤ ${Rv.toFixed(4)}, z ~ 0.8·Gaussian tube (σ = 1/M) about the origin-crossing segment + 0.2·uniform |z| ≤ ${Rz.toFixed(3)}; ${n} samples, seed ${seed}; |D⁺|² as the product of two independent Carleman estimates (${nOuter} outer draws each; diagonal nodes drawn separately); τ by ${nTau}-point Gauss–Legendre`,
  };
}
