import { RuleError } from "../../math/errors.ts";

/**
 * The largest number of lattice directions e_k of (2.3) in a band of the sphere,
 *   m(lo, hi) = max over unit û of #{k : lo ≤ e_k·û ≤ hi},
 * computed exactly (up to a tolerance of 1e-12 in e_k·û, which can only raise the count).
 *
 * Why it is exact: for a maximizing û₀ let S be its set of points; F = {û : lo ≤ e_k·û ≤ hi, k ∈ S}
 * is closed and its boundary lies on the circles C_k^γ = {û : e_k·û = γ}, γ ∈ {lo, hi}, k ∈ S. So F
 * meets one of these circles (F ≠ whole sphere as soon as lo > −1 or hi < 1), and the maximum of
 * the count restricted to the union of all 2n circles is the maximum over the sphere. On C_k^γ,
 * û(θ) = γ e_k + √(1 − γ²)(cos θ u₁ + sin θ u₂), and e_l·û(θ) = a_l + R_l cos(θ − φ_l): each l
 * covers at most two closed arcs of θ, and a sweep over the sorted arc ends gives the circle's
 * maximum coverage. Cost O(n² log n) for n points (n = M(M+1)/2).
 *
 * Used for the planes and slabs of Q⁺(f_b, f_r) (Lemma 4.4): the plane p·û = r meets the bump I_k
 * (|P⊥_k p| ≤ ρ, e_k·p ∈ [a₀, a₁]) only if e_k·û ∈ [min_a (r − ρ)/a, max_a (r + ρ)/a].
 */
export interface BandCount {
  readonly count: number;
  /** A direction attaining the count (for checks). */
  readonly direction: [number, number, number];
}

const TOL = 1e-12;
const MAX_N = 1 << 16;
const evPos = new Float64Array(4 * MAX_N);
const evDelta = new Int8Array(4 * MAX_N);
const evOrder = new Uint32Array(4 * MAX_N);

/** m(lo, hi) for the unit vectors `e` (3 per point, `count` points). */
export function maxBandCount(e: Float64Array, count: number, lo: number, hi: number): BandCount {
  if (!(lo <= hi)) throw new RuleError("band needs lo <= hi", `got [${lo}, ${hi}]`);
  if (count > MAX_N)
    throw new RuleError(`band count handles at most ${MAX_N} points`, `got ${count}`);
  if (lo <= -1 && hi >= 1) return { count, direction: [0, 0, 1] };
  const L = Math.max(-1, lo) - TOL;
  const H = Math.min(1, hi) + TOL;
  let best = 0;
  let bestDir: [number, number, number] = [0, 0, 1];
  for (let k = 0; k < count; k++) {
    const ex = e[3 * k];
    const ey = e[3 * k + 1];
    const ez = e[3 * k + 2];
    // u₁ ⊥ e_k: cross with the axis of the smallest component
    let ux: number;
    let uy: number;
    let uz: number;
    if (Math.abs(ex) <= Math.abs(ey) && Math.abs(ex) <= Math.abs(ez)) {
      ux = 0;
      uy = ez;
      uz = -ey;
    } else if (Math.abs(ey) <= Math.abs(ez)) {
      ux = -ez;
      uy = 0;
      uz = ex;
    } else {
      ux = ey;
      uy = -ex;
      uz = 0;
    }
    const un = Math.hypot(ux, uy, uz);
    ux /= un;
    uy /= un;
    uz /= un;
    const vx = ey * uz - ez * uy;
    const vy = ez * ux - ex * uz;
    const vz = ex * uy - ey * ux;
    for (const gamma of [lo, hi]) {
      if (gamma < -1 || gamma > 1) continue;
      const s = Math.sqrt(Math.max(0, 1 - gamma * gamma));
      let always = 0;
      let nev = 0;
      for (let l = 0; l < count; l++) {
        const lx = e[3 * l];
        const ly = e[3 * l + 1];
        const lz = e[3 * l + 2];
        const a = gamma * (lx * ex + ly * ey + lz * ez);
        const p = s * (lx * ux + ly * uy + lz * uz);
        const q = s * (lx * vx + ly * vy + lz * vz);
        const R = Math.hypot(p, q);
        if (R <= 1e-14) {
          if (a >= L && a <= H) always++;
          continue;
        }
        // lo ≤ a + R cos ψ ≤ hi, ψ = θ − φ
        const cHi = (H - a) / R;
        const cLo = (L - a) / R;
        if (cHi < -1 || cLo > 1) continue;
        if (cHi >= 1 && cLo <= -1) {
          always++;
          continue;
        }
        const phi = Math.atan2(q, p);
        const psiA = cHi >= 1 ? 0 : Math.acos(cHi);
        const psiB = cLo <= -1 ? Math.PI : Math.acos(cLo);
        // arcs ψ ∈ [psiA, psiB] and [−psiB, −psiA]; one arc when they touch at 0 or π
        if (psiA === 0) nev = addArc(nev, phi - psiB, phi + psiB);
        else if (psiB === Math.PI) nev = addArc(nev, phi + psiA, phi + 2 * Math.PI - psiA);
        else {
          nev = addArc(nev, phi + psiA, phi + psiB);
          nev = addArc(nev, phi - psiB, phi - psiA);
        }
      }
      const { cover, at } = sweep(nev);
      const total = always + cover;
      if (total > best) {
        best = total;
        const ca = Math.cos(at);
        const sa = Math.sin(at);
        bestDir = [
          gamma * ex + s * (ca * ux + sa * vx),
          gamma * ey + s * (ca * uy + sa * vy),
          gamma * ez + s * (ca * uz + sa * vz),
        ];
      }
    }
  }
  return { count: best, direction: bestDir };
}

/** Add the closed arc [a, b] (b − a < 2π) as events on [0, 2π), split at the wrap. */
function addArc(nev: number, a: number, b: number): number {
  const TWO_PI = 2 * Math.PI;
  let s = a - TWO_PI * Math.floor(a / TWO_PI);
  let t = s + (b - a);
  s -= 1e-13;
  t += 1e-13;
  if (t < TWO_PI) {
    evPos[nev] = s;
    evDelta[nev++] = 1;
    evPos[nev] = t;
    evDelta[nev++] = -1;
    return nev;
  }
  evPos[nev] = s;
  evDelta[nev++] = 1;
  evPos[nev] = TWO_PI;
  evDelta[nev++] = -1;
  evPos[nev] = 0;
  evDelta[nev++] = 1;
  evPos[nev] = t - TWO_PI;
  evDelta[nev++] = -1;
  return nev;
}

/** Largest number of closed arcs over one point (starts before ends at ties), and that point. */
function sweep(nev: number): { cover: number; at: number } {
  for (let i = 0; i < nev; i++) evOrder[i] = i;
  const order = evOrder.subarray(0, nev);
  order.sort((i, j) => evPos[i] - evPos[j] || evDelta[j] - evDelta[i]);
  let cur = 0;
  let best = 0;
  let at = 0;
  for (let i = 0; i < nev; i++) {
    const k = order[i];
    cur += evDelta[k];
    if (cur > best) {
      best = cur;
      at = i + 1 < nev ? 0.5 * (evPos[k] + evPos[order[i + 1]]) : evPos[k];
    }
  }
  return { cover: best, at };
}
