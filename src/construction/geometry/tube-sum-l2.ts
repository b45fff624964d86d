import { type Estimate, estimate } from "../../math/estimate.ts";
import { leftAnchoredRule, mappedRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Lattice } from "./lattice.ts";

/**
 * ‖Σ_k F_k‖²_{L²(R³)} for axially symmetric separable tubes F_k(x) = R(|P⊥_k x|) A(e_k · x) along
 * the lattice directions e_k (2.3), by the pair sum
 *   ‖Σ F_k‖² = n D + Σ_{k≠l} ∫ F_k F_l,   D = 2π ∫ R(r)² r dr ∫ A(a)² da.
 *
 * Pair integral. For e_k, e_l at angle θ ∈ (0, π), with c = cos(θ/2), s = sin(θ/2), n the unit
 * normal of their plane and x = α n + β (e_k − e_l)/(2s) + γ (e_k + e_l)/(2c):
 *   |P⊥_k x|² = α² + p²,  |P⊥_l x|² = α² + q²,   p = βc − γs,  q = βc + γs,
 *   e_k·x = (q − p)u + (p + q)/(4u),  e_l·x = (q − p)u − (p + q)/(4u),  u = c/(2s) = cot(θ/2)/2,
 * and dβ dγ = dp dq / sin θ. So
 *   ∫ F_k F_l = J(u)/sin θ,   J(u) = ∫∫ Φ(p, q) A((q−p)u + (p+q)/(4u)) A((q−p)u − (p+q)/(4u)) dp dq,
 *   Φ(p, q) = ∫ R(√(α² + p²)) R(√(α² + q²)) dα,
 * over the cube |α|, |p|, |q| < rMax (the support of R). Φ does not depend on the pair, and J depends
 * on the pair only through u. Exactly antiparallel pairs (the equator ring has them for even M:
 * e_{i,M} and e_{i+M/2,M}) give the same line: ∫ F_k F_l = 2π ∫ R² r dr ∫ A(a) A(−a) da.
 *
 * The pair sum Σ_{k<l} J(u_kl)/sin θ_kl is done by Chebyshev interpolation of J in ξ ∝ log u over the
 * range of the lattice's pairs: with J ≈ Σ_j c_j T_j(ξ), the sum is Σ_j c_j μ_j with the lattice
 * moments μ_j = Σ_{k<l} T_j(ξ_kl)/sin θ_kl, computed once per M (they do not depend on the profile).
 * Interpolation error: the same sum with N and 2N Chebyshev–Lobatto nodes (nested); quadrature error:
 * the whole computation with n and 1.5n Gauss–Legendre nodes per axis. Both are added to the error.
 *
 * Cost: O(n³ + N n²) per profile plus O(N M⁴) once per M for the moments.
 */
export interface SeparableTube {
  radial(r: number): number;
  axial(a: number): number;
  readonly rMax: number;
  readonly aMin: number;
  readonly aMax: number;
}

export interface LatticeMoments {
  readonly M: number;
  /** Number of Chebyshev coefficients (2N + 1). */
  readonly terms: number;
  /** ξ = (2 log u − (lo + hi))/(hi − lo) with lo, hi = log u_min, log u_max. */
  readonly logLo: number;
  readonly logHi: number;
  /** μ_j = Σ_{k<l, non-antiparallel} T_j(ξ_kl) / sin θ_kl. */
  readonly mu: Float64Array;
  /** Exactly antiparallel pairs (k < l). */
  readonly antiparallel: number;
  /** Non-antiparallel pairs (k < l). */
  readonly pairs: number;
}

const momentCache = new WeakMap<Lattice, Map<number, LatticeMoments>>();

/** The pair quantities u = cot(θ/2)/2 and 1/sin θ of e_k, e_l from |e_k ∓ e_l| (no cancellation). */
function pairGeometry(e: Float64Array, k: number, l: number, out: Float64Array): boolean {
  const dx = e[3 * k] - e[3 * l];
  const dy = e[3 * k + 1] - e[3 * l + 1];
  const dz = e[3 * k + 2] - e[3 * l + 2];
  const sx = e[3 * k] + e[3 * l];
  const sy = e[3 * k + 1] + e[3 * l + 1];
  const sz = e[3 * k + 2] + e[3 * l + 2];
  const s = 0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz);
  const c = 0.5 * Math.sqrt(sx * sx + sy * sy + sz * sz);
  if (c < 1e-12) return false;
  out[0] = c / (2 * s);
  out[1] = 1 / (2 * c * s);
  return true;
}

export function latticeMoments(lattice: Lattice, N: number): LatticeMoments {
  let perN = momentCache.get(lattice);
  if (!perN) {
    perN = new Map();
    momentCache.set(lattice, perN);
  }
  const hit = perN.get(N);
  if (hit) return hit;
  const { e, count } = lattice;
  const g = new Float64Array(2);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let anti = 0;
  let pairs = 0;
  for (let k = 0; k < count; k++) {
    for (let l = k + 1; l < count; l++) {
      if (!pairGeometry(e, k, l, g)) {
        anti++;
        continue;
      }
      pairs++;
      const x = Math.log(g[0]);
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  // a little margin so that every ξ lies strictly inside [−1, 1]
  const pad = 1e-9 * Math.max(1, hi - lo);
  lo -= pad;
  hi += pad;
  const terms = 2 * N + 1;
  const mu = new Float64Array(terms);
  for (let k = 0; k < count; k++) {
    for (let l = k + 1; l < count; l++) {
      if (!pairGeometry(e, k, l, g)) continue;
      const xi = (2 * Math.log(g[0]) - (lo + hi)) / (hi - lo);
      const w = g[1];
      let t0 = 1;
      let t1 = xi;
      mu[0] += w;
      mu[1] += w * xi;
      for (let j = 2; j < terms; j++) {
        const t2 = 2 * xi * t1 - t0;
        mu[j] += w * t2;
        t0 = t1;
        t1 = t2;
      }
    }
  }
  const out: LatticeMoments = {
    M: lattice.M,
    terms,
    logLo: lo,
    logHi: hi,
    mu,
    antiparallel: anti,
    pairs,
  };
  perN.set(N, out);
  return out;
}

/** Chebyshev–Lobatto coefficients of values f_k = f(cos(πk/N)), k = 0..N: the interpolant is Σ_j c_j T_j (end halvings folded in). */
export function chebyshevCoefficients(values: ArrayLike<number>): Float64Array {
  const N = values.length - 1;
  const c = new Float64Array(N + 1);
  for (let j = 0; j <= N; j++) {
    let sum = 0;
    for (let k = 0; k <= N; k++) {
      const w = k === 0 || k === N ? 0.5 : 1;
      sum += w * values[k] * Math.cos((Math.PI * j * k) / N);
    }
    c[j] = ((j === 0 || j === N ? 1 : 2) * sum) / N;
  }
  return c;
}

interface PairSumParts {
  total: number;
  diagonal: number;
  antiparallel: number;
  offDiagonal: number;
  interpolationError: number;
}

function pairSum(lattice: Lattice, tube: SeparableTube, n: number, N: number): PairSumParts {
  const h = tube.rMax;
  // on [−h, h]: centre 0 and half width h exactly, so the nodes are h·xᵢ and the weights h·wᵢ
  const { nodes: x, weights: W } = mappedRule(n, -h, h);
  // Φ(p_i, q_j) = Σ_m W_m R(√(α_m² + p_i²)) R(√(α_m² + q_j²))
  const Rt = new Float64Array(n * n);
  for (let m = 0; m < n; m++)
    for (let i = 0; i < n; i++) Rt[m * n + i] = tube.radial(Math.hypot(x[m], x[i]));
  const Phi = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let m = 0; m < n; m++) s += W[m] * Rt[m * n + i] * Rt[m * n + j];
      Phi[i * n + j] = s * W[i] * W[j];
      Phi[j * n + i] = Phi[i * n + j];
    }
  }
  const A = (a: number) => (a <= tube.aMin || a >= tube.aMax ? 0 : tube.axial(a));
  const J = (u: number) => {
    let s = 0;
    const w = 1 / (4 * u);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const ph = Phi[i * n + j];
        if (ph === 0) continue;
        const d = (x[j] - x[i]) * u;
        const e = (x[i] + x[j]) * w;
        const ak = A(d + e);
        if (ak === 0) continue;
        s += ph * ak * A(d - e);
      }
    }
    return s;
  };
  // 1-D integrals: ∫R² r dr on [0, rMax], ∫A², ∫A(a)A(−a) on the support
  const rX = new Float64Array(2 * n);
  const rW = new Float64Array(2 * n);
  leftAnchoredRule(2 * n, 0, 0.5 * h, rX, rW);
  let rr = 0;
  for (let i = 0; i < 2 * n; i++) {
    const r = rX[i];
    rr += rW[i] * r * tube.radial(r) ** 2;
  }
  let aa = 0;
  let am = 0;
  const g2 = mappedRule(4 * n, tube.aMin, tube.aMax);
  for (let i = 0; i < g2.n; i++) {
    const a = g2.nodes[i];
    const fa = A(a);
    aa += g2.weights[i] * fa * fa;
    am += g2.weights[i] * fa * A(-a);
  }
  const D = 2 * Math.PI * rr * aa;
  const anti = 2 * Math.PI * rr * am;
  const mom = latticeMoments(lattice, N);
  const vals = new Float64Array(2 * N + 1);
  for (let k = 0; k <= 2 * N; k++) {
    const xi = Math.cos((Math.PI * k) / (2 * N));
    const logu = 0.5 * (mom.logLo + mom.logHi) + 0.5 * (mom.logHi - mom.logLo) * xi;
    vals[k] = J(Math.exp(logu));
  }
  const coarseVals = new Float64Array(N + 1);
  for (let k = 0; k <= N; k++) coarseVals[k] = vals[2 * k];
  const cFine = chebyshevCoefficients(vals);
  const cCoarse = chebyshevCoefficients(coarseVals);
  const dotMoments = (c: Float64Array) => {
    let s = 0;
    for (let j = 0; j < c.length; j++) s += c[j] * mom.mu[j];
    return s;
  };
  const offFine = dotMoments(cFine);
  const offCoarse = dotMoments(cCoarse);
  const nTubes = lattice.count;
  const offDiagonal = 2 * (offFine + mom.antiparallel * anti);
  return {
    total: nTubes * D + offDiagonal,
    diagonal: nTubes * D,
    antiparallel: 2 * mom.antiparallel * anti,
    offDiagonal,
    interpolationError: 2 * Math.abs(offFine - offCoarse),
  };
}

export interface TubeSumL2 {
  /** ‖Σ F_k‖²_{L²}. */
  readonly squared: Estimate;
  /** ‖Σ F_k‖_{L²}. */
  readonly norm: Estimate;
  /** n D: the part without any overlap of distinct tubes. */
  readonly diagonal: number;
  /** Σ_{k≠l} ∫F_kF_l: the overlaps (crossings near the origin and antiparallel coincidences). */
  readonly offDiagonal: number;
}

export interface TubeSumL2Options {
  /** Gauss–Legendre nodes per axis of the (α, p, q) cube (the check uses 1.5n). Default 24. */
  readonly n?: number;
  /** Chebyshev–Lobatto intervals in log u (2N is the value, N the check). Default 24. */
  readonly N?: number;
}

export function tubeSumL2(
  lattice: Lattice,
  tube: SeparableTube,
  fineTube: SeparableTube = tube,
  opts: TubeSumL2Options = {},
): TubeSumL2 {
  const n = opts.n ?? 24;
  const N = opts.N ?? 24;
  const coarse = pairSum(lattice, tube, n, N);
  const fine = pairSum(lattice, fineTube, Math.round(1.5 * n), N);
  const err = Math.abs(fine.total - coarse.total) + fine.interpolationError;
  const squared = estimate(
    fine.total,
    err,
    "quadrature",
    `pair sum over ${lattice.count} tubes: Gauss–Legendre ${Math.round(1.5 * n)}³ (vs ${n}³) on the (α, p, q) cube, J(u) interpolated in log u at ${2 * N + 1} Chebyshev–Lobatto nodes (vs ${N + 1})`,
  );
  const v = Math.sqrt(Math.max(0, fine.total));
  const lo = Math.sqrt(Math.max(0, fine.total - err));
  const hi = Math.sqrt(fine.total + err);
  return {
    squared,
    norm: estimate(v, Math.max(hi - v, v - lo), "quadrature", `sqrt of ${squared.method}`),
    diagonal: fine.diagonal,
    offDiagonal: fine.offDiagonal,
  };
}
