/**
 * The squared L² norm of the projection of f_δ onto a finite basis, from independent replicas, by a
 * U-statistic. Basis (stated): tensor Hermite functions in v scaled by s,
 *   e_{abc}(v) = e_a(v_x) e_b(v_y) e_c(v_z),  e_n(x) = s^{−1/2} ψ_n(x/s),  0 ≤ a, b, c ≤ n_max,
 * ψ_n the orthonormal Hermite functions of L²(R) (ψ₀ = π^{−1/4}e^{−x²/2},
 * ψ_{n+1} = √(2/(n+1)) x ψ_n − √(n/(n+1)) ψ_{n−1}); for homogeneous data (x is ignored).
 * With c_k^{(r)} = Σ_i w_i e_k(v_i) in replica r (unbiased for c_k = ⟨f_δ, e_k⟩), the plug-in
 * Σ_k (c̄_k)² is biased upward by Σ_k Var(c_k)/R (the diagonal), and particles born in one event are
 * correlated within a replica; the U-statistic
 *   U = (1/(R(R−1))) Σ_{r≠s} Σ_k c_k^{(r)} c_k^{(s)}
 * uses only products of independent replicas and is unbiased for ‖P f_δ‖² = Σ_k c_k², a LOWER BOUND
 * of ‖f_δ‖²_{L²} (the truncation is the stated basis). The standard error is the jackknife over
 * replicas. The total variation Σ|w| is the noise scale to report alongside.
 */
import { RuleError } from "../../math/errors.ts";
import type { ParticleSet } from "./particle-set.ts";

/** ψ_0(x/s)..ψ_nmax(x/s) · s^{−1/2} into out. */
export function hermiteFunctions(x: number, nmax: number, s: number, out: Float64Array): void {
  const y = x / s;
  const c = 1 / Math.sqrt(s);
  out[0] = c * Math.PI ** -0.25 * Math.exp(-0.5 * y * y);
  if (nmax >= 1) out[1] = Math.SQRT2 * y * out[0];
  for (let n = 1; n < nmax; n++)
    out[n + 1] = Math.sqrt(2 / (n + 1)) * y * out[n] - Math.sqrt(n / (n + 1)) * out[n - 1];
}

/** c_k = Σ w_i e_k(v_i), k = (a·(n+1) + b)·(n+1) + c. */
export function projectionCoefficients(p: ParticleSet, nmax: number, s: number): Float64Array {
  if (!Number.isInteger(nmax) || nmax < 0 || nmax > 30)
    throw new RuleError("basis degree n_max must be an integer in [0, 30]", `got ${nmax}`);
  if (!(s > 0)) throw new RuleError("basis scale must be > 0", `got ${s}`);
  const m = nmax + 1;
  const out = new Float64Array(m * m * m);
  const hx = new Float64Array(m);
  const hy = new Float64Array(m);
  const hz = new Float64Array(m);
  for (let i = 0; i < p.count; i++) {
    hermiteFunctions(p.v[3 * i], nmax, s, hx);
    hermiteFunctions(p.v[3 * i + 1], nmax, s, hy);
    hermiteFunctions(p.v[3 * i + 2], nmax, s, hz);
    const w = p.w[i];
    let k = 0;
    for (let a = 0; a < m; a++) {
      const wa = w * hx[a];
      for (let b = 0; b < m; b++) {
        const wab = wa * hy[b];
        for (let c = 0; c < m; c++) out[k++] += wab * hz[c];
      }
    }
  }
  return out;
}

export interface ProjectionNorm {
  /** U-statistic estimate of ‖P f_δ‖². */
  value: number;
  /** Jackknife standard error over replicas. */
  error: number;
  /** The biased plug-in Σ_k (mean_r c_k)², for comparison. */
  plugIn: number;
  replicas: number;
}

function uStat(cs: readonly Float64Array[], skip: number): number {
  const K = cs[0].length;
  let sum = 0;
  let sumSq = 0;
  let R = 0;
  const tot = new Float64Array(K);
  for (let r = 0; r < cs.length; r++) {
    if (r === skip) continue;
    R++;
    for (let k = 0; k < K; k++) {
      tot[k] += cs[r][k];
      sumSq += cs[r][k] * cs[r][k];
    }
  }
  for (let k = 0; k < K; k++) sum += tot[k] * tot[k];
  // Σ_{r≠s} c^r·c^s = |Σ_r c^r|² − Σ_r |c^r|²
  return (sum - sumSq) / (R * (R - 1));
}

export function projectionNormSquared(coefficients: readonly Float64Array[]): ProjectionNorm {
  const R = coefficients.length;
  if (R < 3) throw new RuleError("the U-statistic with a jackknife error needs >= 3 replicas");
  const value = uStat(coefficients, -1);
  const loo = coefficients.map((_, r) => uStat(coefficients, r));
  const mean = loo.reduce((a, b) => a + b, 0) / R;
  const error = Math.sqrt(((R - 1) / R) * loo.reduce((a, b) => a + (b - mean) ** 2, 0));
  const K = coefficients[0].length;
  let plugIn = 0;
  for (let k = 0; k < K; k++) {
    let m = 0;
    for (const c of coefficients) m += c[k];
    plugIn += (m / R) ** 2;
  }
  return { value, error, plugIn, replicas: R };
}
