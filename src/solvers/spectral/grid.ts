/**
 * The velocity grid and the domain truncation of the fast spectral method (Mouhot & Pareschi,
 * Math. Comp. 75 (2006) 1833–1852, §2; Filbet, Mouhot & Pareschi, SIAM J. Sci. Comput. 28 (2006)
 * 1029–1053, §2).
 *
 * f is represented on the periodic box [−L, L)³ by n³ samples v_{ijk} = (−L + i h, −L + j h,
 * −L + k h), h = 2L/n, and its trigonometric interpolant with wave numbers κ·k, κ = π/L,
 * k ∈ {−n/2, …, n/2 − 1}³. The collision integral is truncated to relative velocities
 * x, y ∈ B_R in the Carleman form (see `mouhot-pareschi.ts`). If supp f ⊂ B_S, the choice
 * R = 2S, L ≥ (3 + √2) S / 2 makes the periodized operator exact on B_S (no aliasing; MP 2006,
 * Prop. 2.1). Data are not compactly supported; `domain.ts` chooses R and L from the data's tails
 * and n (balancing truncation, aliasing and resolution). Without R, R = 2S with the largest S the
 * box allows, S = 2L/(3 + √2).
 */
import { RuleError } from "../../math/errors.ts";
import { isPowerOfTwo } from "../../math/fft3d.ts";
import { SEPARATED, type Truncation, truncationName, truncationReach } from "./truncation.ts";

/** A periodic velocity grid and its truncation parameters (built by {@link makeGrid}). */
export interface VelocityGrid {
  /** Points per axis (a power of two). */
  readonly n: number;
  /** Box half-width: the periodic box is [−L, L)³. */
  readonly L: number;
  /** Grid spacing h = 2L/n. */
  readonly h: number;
  /** Cell volume h³ (the weight of the trapezoidal rule on the periodic grid). */
  readonly dv: number;
  /** Fundamental wave number κ = π/L. */
  readonly kappa: number;
  /** Support radius S for which the method is alias-free. */
  readonly S: number;
  /** Truncation radius R of the relative velocities. */
  readonly R: number;
  /** Coordinates v_i = −L + i h, i = 0..n−1 (the same on each axis). */
  readonly axis: Float64Array;
}

/**
 * The velocity grid: n³ points (n a power of two in [4, 256]) on the periodic box [−L, L)³, with
 * relative velocities truncated to radius R (default R = 2S, S = 2L/(3 + √2), the alias-free choice
 * of the module comment). A {@link RuleError} for n, L or R out of range.
 */
export function makeGrid(n: number, L: number, R?: number): VelocityGrid {
  if (!isPowerOfTwo(n) || n < 4 || n > 256) {
    throw new RuleError("n must be a power of two between 4 and 256", `got ${n}`);
  }
  if (!Number.isFinite(L) || L <= 0)
    throw new RuleError("box half-width L must be > 0", `got ${L}`);
  const S = (2 * L) / (3 + Math.SQRT2);
  const r = R ?? 2 * S;
  if (!Number.isFinite(r) || r <= 0)
    throw new RuleError("truncation radius R must be > 0", `got ${R}`);
  const h = (2 * L) / n;
  const axis = new Float64Array(n);
  for (let i = 0; i < n; i++) axis[i] = -L + i * h;
  return { n, L, h, dv: h ** 3, kappa: Math.PI / L, S, R: r, axis };
}

/** Signed wave number of DFT bin p: p for p < n/2, p − n otherwise (−n/2 is the Nyquist bin). */
export function waveNumber(p: number, n: number): number {
  return p < n >> 1 ? p : p - n;
}

/**
 * One-line description of the grid and its truncation, for outputs (the separated truncation
 * unless a staircase of `truncation.ts` is given).
 */
export function describeGrid(g: VelocityGrid, t: Truncation = SEPARATED): string {
  if (t.steps > 1)
    return `n=${g.n}^3 points on the periodic box [-${g.L}, ${g.L})^3 (h=${g.h.toPrecision(4)}), relative velocities truncated to the ${truncationName(t)} set: ${t.steps} rectangles |y| <= R sqrt(i/K), |x| <= R sqrt((K-i+1)/K) in the Carleman variables, keeping every |g| <= R=${g.R.toPrecision(4)}, reach |g| <= ${truncationReach(t, g.R).toPrecision(4)} (aliasing distance L - reach/2 = ${(g.L - truncationReach(t, g.R) / 2).toPrecision(4)}, docs/spectral.md)`;
  const exact = g.L >= ((3 + Math.SQRT2) / 4) * g.R;
  return `n=${g.n}^3 points on the periodic box [-${g.L}, ${g.L})^3 (h=${g.h.toPrecision(4)}), relative velocities truncated to |x|,|y| <= R=${g.R.toPrecision(4)} (${exact ? "alias-free" : "NOT alias-free"} for supp f in B_{R/2}: Mouhot-Pareschi 2006 need L >= (3+sqrt2)R/4 = ${(((3 + Math.SQRT2) / 4) * g.R).toPrecision(4)})`;
}
