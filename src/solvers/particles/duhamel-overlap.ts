/**
 * The L² part of one source term's Duhamel integral, from signed particles, by the one-function
 * projection onto the term's own deterministic Duhamel integral (Validation 1 of issue 14, second
 * half; the window integrals of (4.3) that the error table measures, and the source of (5.1)–(5.6)).
 *
 * For a labelled part S_ℓ of −F_err or −G_err (a term of Section 4, e.g. −Q⁻(f_b, f_b)) and a
 * window (t0, t), the source-only particles of that part (no collisions) are the estimate
 *   h = Σ_i w_i δ(x − X_i) δ(v − V_i),   X_i = x_i + (t − τ_i) v_i,   V_i = v_i,
 * of the Duhamel integral (free transport of every point born at (τ_i, x_i, v_i) to time t)
 *   h_det(x, v) = ∫_{t0}^{t} e^{−(t−τ)v·∇x} S_ℓ(τ) dτ (x, v) = ∫_{t0}^{t} S_ℓ(τ, x − (t − τ)v, v) dτ,
 * unbiased: E⟨h, φ⟩ = ⟨h_det, φ⟩ for every test function φ. With the weight ω = ⟨v⟩e^{⟨v⟩²} of the
 * Z-norm's L^{2,1}_v parts and the one test function φ = ω² ψ, ψ = h_det (evaluated pointwise by the
 * caller, e.g. with {@link duhamelIntegral}), the linear functional
 *   L = ⟨ωh, ωh_det⟩ = Σ_i w_i ω(V_i)² h_det(X_i, V_i)
 * has E L = ‖ω h_det‖²_{L²_{x,v}}: one replica's L is an unbiased estimate of the squared L² part
 * that the error table reports as M^{s0}‖ω h_det‖ for the same window. The one-function projection
 * of ωh onto ωh_det/‖ωh_det‖ is ⟨ωh, ωh_det⟩²/‖ωh_det‖²; its U-statistic over independent replicas
 * (products L_r L_s of different replicas only, {@link projectionNormSquared}; the plug-in square is
 * biased upward by Var L/R) estimates ‖ωh_det‖⁴/‖ψ‖². With the normaliser ‖ψ‖² from an independent
 * deterministic quadrature (where the caller has one) that is the projection of the particles' h onto
 * ψ; self-normalised (‖ψ‖² = ‖ωh_det‖², what ψ = h_det means) it gives ‖ωh_det‖ = U^{1/4}.
 *
 * The ∇_xL² part the same way: ⟨ω∇_x h, ω∇_x h_det⟩ = −⟨ωh, ωΔ_x h_det⟩ (ω depends on v only), so the
 * test function is −ω²Δ_x h_det and E L = ‖ω∇_x h_det‖² ({@link termOverlapVectors} evaluates both
 * functionals on the same particles).
 *
 * If ψ is itself an unbiased Monte Carlo estimate of h_det at each point, drawn independently of the
 * particles (as the Carleman estimate of D⁺ for Q⁺(f_b, f_b)), E L = ‖ωh_det‖² still holds exactly
 * (condition on the particles); only the variance grows.
 */
import { V_GAUSSIAN_WEIGHT, weightAt } from "../../kinetic/z-weight.ts";
import { RuleError } from "../../math/errors.ts";
import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import { normalSampler } from "../../math/sampling/normal-sampler.ts";
import { uniformStream } from "../../math/sampling/uniform-stream.ts";
import type { SourceTerm } from "./paper-backgrounds/termed-source.ts";
import { projectionNormSquared } from "./projection-norm.ts";

/**
 * ⟨v⟩e^{⟨v⟩²} at a velocity vector, the weight of the Z-norm's L^{2,1}_v parts with e^{⟨v⟩²} ((3.3),
 * (5.3)): kinetic/z-weight.ts's `V_GAUSSIAN_WEIGHT`.
 */
export function zWeight(v: ArrayLike<number>): number {
  return weightAt(V_GAUSSIAN_WEIGHT, v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

/**
 * The τ-interval within [t0, t] on which the characteristic point x − (t − τ)v lies in the open
 * ball |y − c| < R (a quadratic inequality in τ); written to out[0..1]. Returns false when empty.
 */
export function characteristicBallInterval(
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  c: ArrayLike<number>,
  R: number,
  out: Float64Array,
): boolean {
  // y(τ) = p + τ v with p = x − t v − c
  const p0 = x[0] - t * v[0] - c[0];
  const p1 = x[1] - t * v[1] - c[1];
  const p2 = x[2] - t * v[2] - c[2];
  const A = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const B = p0 * v[0] + p1 * v[1] + p2 * v[2];
  const C = p0 * p0 + p1 * p1 + p2 * p2 - R * R;
  let lo = t0;
  let hi = t;
  if (A === 0) {
    if (C >= 0) return false;
  } else {
    const disc = B * B - A * C;
    if (disc <= 0) return false;
    const sq = Math.sqrt(disc);
    lo = Math.max(lo, (-B - sq) / A);
    hi = Math.min(hi, (-B + sq) / A);
  }
  out[0] = lo;
  out[1] = hi;
  return hi > lo;
}

const yScratch = new Float64Array(3);

/**
 * ∫_{a}^{b} F(τ, x − (t − τ)v, v) dτ by n-point Gauss–Legendre: the pointwise Duhamel integral of
 * a source term F over [a, b] ⊂ [t0, t] (pass the support interval of the characteristic, e.g. from
 * {@link characteristicBallInterval}, so that a short crossing is resolved). F receives a scratch
 * position it must not keep.
 */
export function duhamelIntegral(
  F: (tau: number, y: Float64Array, v: ArrayLike<number>) => number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  t: number,
  a: number,
  b: number,
  n: number,
): number {
  if (!(b > a)) return 0;
  const { nodes, weights } = gaussLegendre(n);
  const h = 0.5 * (b - a);
  const m = 0.5 * (b + a);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const tau = m + h * nodes[i];
    const back = t - tau;
    yScratch[0] = x[0] - back * v[0];
    yScratch[1] = x[1] - back * v[1];
    yScratch[2] = x[2] - back * v[2];
    s += h * weights[i] * F(tau, yScratch, v);
  }
  return s;
}

/** Settings of {@link termOverlaps}. */
export interface OverlapSettings {
  /** 1-based label of the part (the |return value| of the term's `propose`). */
  readonly label: number;
  /** The window (t0, t). */
  readonly t0: number;
  readonly t: number;
  readonly replicas: number;
  /** Proposals of the term per replica. */
  readonly proposals: number;
  /** Replica r draws from `uniformStream(seed, { stream: "duhamel-overlap:r" })`. */
  readonly seed: number;
}

/** Per-replica linear functionals and the particle counts behind them. */
export interface Overlaps {
  /** L_r = Σ_i w_i φ(X_i, V_i) per replica. */
  readonly values: Float64Array;
  /** Accepted points of the label per replica (mean over replicas). */
  readonly meanPoints: number;
}

/** Per-replica vectors of K linear functionals. */
export interface OverlapVectors {
  /** values[r][k] = Σ_i w_i φ_k(X_i, V_i) in replica r. */
  readonly values: readonly Float64Array[];
  /** Accepted points of the label per replica (mean over replicas). */
  readonly meanPoints: number;
}

const pointScratch = new Float64Array(7);
const xScratch = new Float64Array(3);
const vScratch = new Float64Array(3);

/**
 * The linear functionals L_k = Σ_i w_i φ_k(X_i, V_i), k < K, of the source-only particles of one
 * labelled part of one term over the window, per replica, from the same particles: the term alone
 * proposes (its own weight quantum w = rate·(t − t0)/proposals, the strata of
 * `exact --term-proposals`), each accepted point of the label is transported freely to t and
 * weighted by its sign. `phi(X, V, out)` writes φ_0..φ_{K−1} at the position at time t and the
 * velocity (for the L² part φ = ω²ψ; for the ∇_xL² part φ = −ω²Δ_xψ, since
 * ⟨ω∇_x h, ω∇_x ψ⟩ = −⟨ωh, ωΔ_x ψ⟩ when ω depends on v only).
 */
export function termOverlapVectors(
  term: SourceTerm,
  settings: OverlapSettings,
  K: number,
  phi: (x: Float64Array, v: Float64Array, out: Float64Array) => void,
): OverlapVectors {
  const { label, t0, t, replicas, proposals, seed } = settings;
  if (!(t > t0 && t0 >= 0)) throw new RuleError("a window needs 0 <= t0 < t", `got (${t0}, ${t})`);
  if (!(Number.isInteger(replicas) && replicas >= 1))
    throw new RuleError("replicas must be an integer >= 1", `got ${replicas}`);
  if (!(Number.isInteger(proposals) && proposals >= 1))
    throw new RuleError("proposals must be an integer >= 1", `got ${proposals}`);
  if (!(Number.isInteger(K) && K >= 1))
    throw new RuleError("the number of functionals must be an integer >= 1", `got ${K}`);
  const quantum = (term.rate(t0, t) * (t - t0)) / proposals;
  const values: Float64Array[] = [];
  const f = new Float64Array(K);
  let points = 0;
  for (let r = 0; r < replicas; r++) {
    const rand = uniformStream(seed, { stream: `duhamel-overlap:${r}` });
    const normal = normalSampler(rand);
    const s = new Float64Array(K);
    for (let i = 0; i < proposals; i++) {
      const sign = term.propose(t0, t, rand, normal, pointScratch);
      if (Math.abs(sign) !== label) continue;
      points++;
      const back = t - pointScratch[0];
      for (let a = 0; a < 3; a++) {
        vScratch[a] = pointScratch[4 + a];
        xScratch[a] = pointScratch[1 + a] + back * vScratch[a];
      }
      phi(xScratch, vScratch, f);
      const sg = Math.sign(sign);
      for (let k = 0; k < K; k++) s[k] += sg * f[k];
    }
    for (let k = 0; k < K; k++) s[k] *= quantum;
    values.push(s);
  }
  return { values, meanPoints: points / replicas };
}

/** {@link termOverlapVectors} with one functional φ (returned by `phi`). */
export function termOverlaps(
  term: SourceTerm,
  settings: OverlapSettings,
  phi: (x: Float64Array, v: Float64Array) => number,
): Overlaps {
  const o = termOverlapVectors(term, settings, 1, (x, v, out) => {
    out[0] = phi(x, v);
  });
  return { values: Float64Array.from(o.values, (c) => c[0]), meanPoints: o.meanPoints };
}

/** A value with its standard error. */
export interface ValueError {
  readonly value: number;
  readonly error: number;
}

/** What {@link selfProjection} returns. */
export interface SelfProjection {
  /** Mean of L over replicas and its standard error: an estimate of ‖ωh_det‖². */
  readonly overlap: ValueError;
  /** U-statistic (r ≠ s) of L_r L_s with jackknife error: an estimate of ‖ωh_det‖⁴. */
  readonly uStatistic: ValueError;
  /** U/‖ψ‖² with ‖ψ‖² given (the projection of ωh onto ψ), or null without a normaliser. */
  readonly projection: ValueError | null;
  /** ‖ωh_det‖ = U^{1/4} (self-normalised projection), error by the delta method. */
  readonly norm: ValueError;
  readonly replicas: number;
}

/**
 * From the per-replica overlaps L_r = ⟨ωh_r, ωψ⟩ with ψ = h_det: the mean (unbiased for ‖ωh_det‖²),
 * the U-statistic of the one-function projection over independent replicas, the projection
 * U/‖ψ‖² when `psiNormSquared` (an independent deterministic ‖ωψ‖²) is given, and U^{1/4}.
 * Needs ≥ 3 replicas (jackknife).
 */
export function selfProjection(L: ArrayLike<number>, psiNormSquared?: number): SelfProjection {
  const R = L.length;
  if (R < 3) throw new RuleError("the U-statistic with a jackknife error needs >= 3 replicas");
  let m = 0;
  for (let r = 0; r < R; r++) m += L[r];
  m /= R;
  let v = 0;
  for (let r = 0; r < R; r++) v += (L[r] - m) ** 2;
  const se = Math.sqrt(v / (R - 1) / R);
  const u = projectionNormSquared(Array.from({ length: R }, (_, r) => Float64Array.of(L[r])));
  const root = u.value > 0 ? u.value ** 0.25 : 0;
  return {
    overlap: { value: m, error: se },
    uStatistic: { value: u.value, error: u.error },
    projection:
      psiNormSquared === undefined
        ? null
        : { value: u.value / psiNormSquared, error: u.error / psiNormSquared },
    norm: { value: root, error: root > 0 ? u.error / (4 * root ** 3) : Number.POSITIVE_INFINITY },
    replicas: R,
  };
}
