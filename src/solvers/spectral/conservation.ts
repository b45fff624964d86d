/**
 * Conservative and equilibrium-preserving corrections of a discrete collision operator.
 *
 * 1. Conservative projection (Gamba & Tharkabhushanam, J. Comput. Phys. 228 (2009) 2012–2036,
 *    "Spectral-Lagrangian methods"; the discrete L² projection onto the constraint set): with
 *    φ = (1, v_x, v_y, v_z, |v|²) on the grid and G = Σ_j φ(v_j) φ(v_j)ᵀ,
 *      P Q = Q − φᵀ G⁻¹ Σ_j φ(v_j) Q_j,
 *    the closest grid function (in ℓ²) to Q with Σ_j φ(v_j) (PQ)_j = 0. One step of iterative
 *    refinement brings the residual moments to round-off. Since every explicit Runge–Kutta stage is
 *    a linear combination of P Q values, mass, momentum and energy (trapezoidal rule) are conserved
 *    to round-off at every step, whatever the angular resolution of Q.
 *    1b. The same with a weight w ≥ 0 ({@link ConservativeProjection} with a weight):
 *      P_w Q = Q − w φᵀ (Σ_j w_j φ(v_j) φ(v_j)ᵀ)⁻¹ Σ_j φ(v_j) Q_j,
 *    the closest grid function to Q in the norm Σ Q²/w (no correction where w = 0). The unweighted
 *    correction φᵀc is largest in the box corners (|v|² up to 3L²), where the truncated operator
 *    has almost no collision partners (reach √2R < √3L), so what it puts there never relaxes, and
 *    conservation takes it from the core: at n = 32 on the BKW box this held the evolved error near
 *    equilibrium at 1.1e-7 (docs/spectral.md, "Equilibrium preservation and the evolved BKW
 *    error"). `time-step.ts` offers w = ν[M[f]], the loss frequency of the discrete Maxwellian
 *    (corrections where and as fast as the operator relaxes them; for the constant kernel ν is
 *    constant where the operator reaches, so this is the unweighted projection restricted to that
 *    region), and w = M[f] (the orthogonal projection of L²(M⁻¹), in which the linearized operator
 *    is self-adjoint).
 * 2. Equilibrium preservation (Filbet, Pareschi & Rey, C. R. Math. 353 (2015) 309–314): with
 *    M[f] the discrete Maxwellian having the same discrete moments as f,
 *      Q̃(f) = P [Q(f) − Q(M[f])],
 *    so Q̃(M) = 0 for every discrete Maxwellian (to round-off). Because P conserves the moments,
 *    M[f] is constant along the computed solution; Q(M[f]) is computed once and reused while the
 *    moments stay within 1e-10 (relative) of those it was computed for.
 * 3. Positivity by a conservative multiplicative correction: negative values are set to zero and
 *    f ← f·(1 + a + b·v + c|v|²) with (a, b, c) restoring the five moments (the minimiser of
 *    Σ (Δf)²/f under the constraints, which keeps f ≥ 0 wherever 1 + p(v) ≥ 0; where it does not,
 *    the failure is reported with its location).
 */
import { RuleError } from "../../math/errors.ts";
import type { VelocityGrid } from "./grid.ts";

/** Solve the symmetric positive definite 5×5 system A x = b (Cholesky; A row-major, length 25). */
export function solve5(A: Float64Array, b: Float64Array, x: Float64Array): void {
  const Lm = new Float64Array(25);
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[5 * i + j];
      for (let k = 0; k < j; k++) s -= Lm[5 * i + k] * Lm[5 * j + k];
      if (i === j) {
        if (!(s > 0))
          throw new RuleError("moment matrix is not positive definite (f has no positive mass?)");
        Lm[5 * i + i] = Math.sqrt(s);
      } else Lm[5 * i + j] = s / Lm[5 * j + j];
    }
  }
  const y = new Float64Array(5);
  for (let i = 0; i < 5; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= Lm[5 * i + k] * y[k];
    y[i] = s / Lm[5 * i + i];
  }
  for (let i = 4; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < 5; k++) s -= Lm[5 * k + i] * x[k];
    x[i] = s / Lm[5 * i + i];
  }
}

/** Σ_j w_j φ(v_j) φ(v_j)ᵀ (w ≡ 1 when `weight` is omitted). */
function gram(grid: VelocityGrid, weight?: Float64Array): Float64Array {
  const { n, axis } = grid;
  const G = new Float64Array(25);
  const phi = new Float64Array(5);
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const w = weight ? weight[idx] : 1;
        if (w === 0) continue;
        phi[0] = 1;
        phi[1] = axis[i];
        phi[2] = axis[j];
        phi[3] = axis[k];
        phi[4] = axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2;
        for (let a = 0; a < 5; a++)
          for (let b = 0; b <= a; b++) G[5 * a + b] += w * phi[a] * phi[b];
      }
  for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) G[5 * a + b] = G[5 * b + a];
  return G;
}

/** Σ_j φ(v_j) q_j (the five discrete moments without the h³ factor). */
export function rawMoments(
  grid: VelocityGrid,
  q: Float64Array,
  out = new Float64Array(5),
): Float64Array {
  const { n, axis } = grid;
  out.fill(0);
  let idx = 0;
  for (let i = 0; i < n; i++) {
    const x = axis[i];
    for (let j = 0; j < n; j++) {
      const y = axis[j];
      const r2 = x * x + y * y;
      for (let k = 0; k < n; k++, idx++) {
        const z = axis[k];
        const v = q[idx];
        out[0] += v;
        out[1] += v * x;
        out[2] += v * y;
        out[3] += v * z;
        out[4] += v * (r2 + z * z);
      }
    }
  }
  return out;
}

/** q ← q − φᵀ c. */
function subtractPolynomial(
  grid: VelocityGrid,
  q: Float64Array,
  c: Float64Array,
  weight?: Float64Array,
): void {
  const { n, axis } = grid;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const p =
          c[0] +
          c[1] * axis[i] +
          c[2] * axis[j] +
          c[3] * axis[k] +
          c[4] * (axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2);
        q[idx] -= weight ? weight[idx] * p : p;
      }
}

/**
 * The conservative projection P of item 1, with its Gram matrix precomputed. With a `weight`
 * w ≥ 0 (item 1b) it is P_w q = q − w φᵀ (Σ w φ φᵀ)⁻¹ Σ φ q: the closest grid function to q in the
 * norm Σ q²/w with Σ φ (P_w q) = 0, so the correction vanishes where w does (the weight must be
 * positive on enough points for the 5×5 Gram matrix to be definite; otherwise RuleError).
 */
export class ConservativeProjection {
  readonly grid: VelocityGrid;
  readonly weight: Float64Array | undefined;
  private readonly G: Float64Array;
  private readonly m = new Float64Array(5);
  private readonly c = new Float64Array(5);

  constructor(grid: VelocityGrid, weight?: Float64Array) {
    this.grid = grid;
    this.weight = weight;
    this.G = gram(grid, weight);
  }

  /** In place: q ← P q (two passes: projection and one refinement). */
  apply(q: Float64Array): void {
    for (let pass = 0; pass < 2; pass++) {
      rawMoments(this.grid, q, this.m);
      solve5(this.G, this.m, this.c);
      subtractPolynomial(this.grid, q, this.c, this.weight);
    }
  }
}

/**
 * The discrete Maxwellian M_j = exp(α·φ(v_j)) whose discrete moments Σ φ M equal `target`
 * (Newton's method on the strictly convex dual Σ e^{α·φ} − α·target, started from the continuous
 * Maxwellian with the same ρ, ū, T). Throws if the moments admit none (T ≤ 0).
 */
export function discreteMaxwellian(
  grid: VelocityGrid,
  target: Float64Array,
  out: Float64Array,
): Float64Array {
  const { n, axis, dv } = grid;
  const rho = target[0] * dv;
  const u = [target[1] / target[0], target[2] / target[0], target[3] / target[0]];
  const T = (target[4] / target[0] - u[0] ** 2 - u[1] ** 2 - u[2] ** 2) / 3;
  if (!(rho > 0) || !(T > 0))
    throw new RuleError("f must have positive mass and temperature", `rho=${rho}, T=${T}`);
  // ln M = ln(ρ (2πT)^{-3/2}) − |v − u|²/(2T) = α0 + α·v + α4|v|²
  const alpha = new Float64Array([
    Math.log(rho * (2 * Math.PI * T) ** -1.5) - (u[0] ** 2 + u[1] ** 2 + u[2] ** 2) / (2 * T),
    u[0] / T,
    u[1] / T,
    u[2] / T,
    -1 / (2 * T),
  ]);
  const res = new Float64Array(5);
  const step = new Float64Array(5);
  const fill = () => {
    let idx = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        for (let k = 0; k < n; k++, idx++) {
          const r2 = axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2;
          out[idx] = Math.exp(
            alpha[0] + alpha[1] * axis[i] + alpha[2] * axis[j] + alpha[3] * axis[k] + alpha[4] * r2,
          );
        }
  };
  const scale = Math.abs(target[0]) + Math.abs(target[4]);
  for (let it = 0; it < 50; it++) {
    fill();
    rawMoments(grid, out, res);
    let r = 0;
    for (let a = 0; a < 5; a++) {
      res[a] -= target[a];
      r = Math.max(r, Math.abs(res[a]));
    }
    if (r <= 4 * Number.EPSILON * scale) break;
    const J = gram(grid, out);
    solve5(J, res, step);
    for (let a = 0; a < 5; a++) alpha[a] -= step[a];
  }
  return out;
}

export interface PositivityResult {
  /** Number of grid values that were negative before the correction. */
  readonly clipped: number;
  /** Smallest value before the correction. */
  readonly min: number;
  /** True when the multiplicative correction kept f ≥ 0 and restored the moments. */
  readonly ok: boolean;
  /** Where it failed: the grid index and the velocity (only when !ok). */
  readonly failure?: {
    readonly index: number;
    readonly v: [number, number, number];
    readonly factor: number;
  };
}

/**
 * Clip negative values of f and restore the five discrete moments multiplicatively (item 3).
 * `target` holds the moments to restore (Σ φ f before the clipping). In place.
 */
export function enforcePositivity(
  grid: VelocityGrid,
  f: Float64Array,
  target: Float64Array,
): PositivityResult {
  let clipped = 0;
  let min = 0;
  for (let i = 0; i < f.length; i++) {
    if (f[i] < 0) {
      clipped++;
      if (f[i] < min) min = f[i];
      f[i] = 0;
    }
  }
  if (clipped === 0) return { clipped, min, ok: true };
  const m = rawMoments(grid, f);
  const rhs = new Float64Array(5);
  for (let a = 0; a < 5; a++) rhs[a] = target[a] - m[a];
  const c = new Float64Array(5);
  solve5(gram(grid, f), rhs, c);
  // f ← f (1 + p); p = φᵀc
  const { n, axis } = grid;
  let idx = 0;
  let worst: PositivityResult["failure"];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        if (f[idx] === 0) continue;
        const p =
          c[0] +
          c[1] * axis[i] +
          c[2] * axis[j] +
          c[3] * axis[k] +
          c[4] * (axis[i] ** 2 + axis[j] ** 2 + axis[k] ** 2);
        const factor = 1 + p;
        if (factor < 0 && (!worst || factor < worst.factor)) {
          worst = { index: idx, v: [axis[i], axis[j], axis[k]], factor };
        }
        f[idx] *= factor;
      }
  return worst ? { clipped, min, ok: false, failure: worst } : { clipped, min, ok: true };
}
