/**
 * The truncation set of the fast spectral method in the Carleman variables (see
 * `mouhot-pareschi.ts`): which collisions, by (|y|, |x|) = (|g| cos θ, |g| sin θ), are kept.
 *
 * - `separated` (Mouhot & Pareschi 2006, Math. Comp. 75, §2): |y| ≤ R and |x| ≤ R, a square in
 *   (|y|, |x|). It keeps every collision with |g| ≤ R, drops some with R < |g| ≤ √2 R, and its
 *   reach (the largest |g| = |x + y| kept) is √2 R.
 * - `staircase:K`: the union of K rectangles [0, a_i] × [0, b_i] (a_1 < … < a_K, b_1 > … > b_K)
 *   with their corners on the circle a_i² + b_i² = R'², approaching the ball |g| ≤ R' that
 *   kipack truncates to. The corners are placed so that the smallest dropped |g| — on the axes at
 *   b_1 and a_K and at the inner corners (a_i, b_{i+1}) — is the same everywhere, and called R
 *   (so R plays the role it has in the separated form: every collision with |g| ≤ R is kept):
 *     b_i² − b_{i+1}² = R'² − R² for all i, b_1 = a_K = R, b_{K+1} = 0
 *   give a_i = R √(i/K), b_i = R √((K − i + 1)/K) and the reach R' = R √((K + 1)/K)
 *   (K = 1: the separated square; K = 2: R' = 1.22 R against 1.41 R; K → ∞: the ball).
 *   By inclusion–exclusion the staircase is the disjoint union of the separable sets
 *   {|y| ≤ a_i, b_{i+1} < |x| ≤ b_i}, so the multiplier β(l, m) is a sum of K separated terms
 *   φ_{a_i}(l) [D_{b_i} − D_{b_{i+1}}](m): K complex FFTs per direction instead of one.
 *
 * Every such set depends on (|y|, |x|) only, i.e. on |g| and |cos θ|, which a collision and its
 * reverse share; so the truncated operator conserves mass, momentum and energy and vanishes on
 * Maxwellians, exactly as the separated one does (the discrete corrections of `conservation.ts`
 * apply unchanged).
 */
import { RuleError } from "../../math/errors.ts";

/** A truncation: `steps` = K rectangles of the staircase (K = 1 is the separated truncation). */
export interface Truncation {
  /** Number of rectangles K ≥ 1; 1 is the separated square |x|, |y| ≤ R. */
  readonly steps: number;
}

/** The separated truncation |x|, |y| ≤ R of Mouhot & Pareschi (the staircase with K = 1). */
export const SEPARATED: Truncation = { steps: 1 };

/** Largest K accepted (each step costs one complex FFT per direction). */
export const MAX_STEPS = 8;

/**
 * `separated` or `staircase:K` → {@link Truncation}; a {@link RuleError} naming `label` (e.g. the
 * CLI option) for anything else.
 */
export function parseTruncation(name: string, label = "truncation"): Truncation {
  const s = name.trim();
  if (s === "separated") return SEPARATED;
  const m = /^staircase:(\d+)$/.exec(s);
  const K = m ? Number(m[1]) : Number.NaN;
  if (!(Number.isInteger(K) && K >= 1 && K <= MAX_STEPS))
    throw new RuleError(
      `${label} must be separated or staircase:K with K an integer in [1, ${MAX_STEPS}]`,
      `got "${name}"`,
    );
  return { steps: K };
}

/** The name {@link parseTruncation} reads back: `separated` or `staircase:K`. */
export function truncationName(t: Truncation): string {
  return t.steps === 1 ? "separated" : `staircase:${t.steps}`;
}

/** The reach R' = R √((K + 1)/K): the largest relative speed |g| a kept collision can have. */
export function truncationReach(t: Truncation, R: number): number {
  return R * Math.sqrt((t.steps + 1) / t.steps);
}

/**
 * The rectangles' sides: a_i = R √(i/K) (bound on |y|) and b_i = R √((K − i + 1)/K) (bound on
 * |x|), i = 1..K, each length K (index i − 1). For K = 1 both are exactly [R].
 */
export function staircaseSides(t: Truncation, R: number): { a: Float64Array; b: Float64Array } {
  const K = t.steps;
  if (!(Number.isInteger(K) && K >= 1)) throw new RuleError("staircase needs K >= 1", `got ${K}`);
  const a = new Float64Array(K);
  const b = new Float64Array(K);
  for (let i = 1; i <= K; i++) {
    a[i - 1] = i === K ? R : R * Math.sqrt(i / K);
    b[i - 1] = i === 1 ? R : R * Math.sqrt((K - i + 1) / K);
  }
  return { a, b };
}

/**
 * The fraction of the hard-sphere collision measure |cos θ| dω (2c dc on c = |cos θ| ∈ [0, 1])
 * that the truncation drops at relative speed g: 1 − Σ (hi² − lo²) over the union of the kept
 * intervals c ∈ [lo, hi] = [√(1 − b_i²/g²)₊, min(1, a_i/g)].
 */
export function droppedFraction(t: Truncation, R: number, g: number): number {
  const K = t.steps;
  let kept = 0;
  let hiPrev = 0;
  for (let i = 1; i <= K; i++) {
    // a_i² = R² i/K, b_i² = R² (K − i + 1)/K; both ends increase with i: merge in order
    const lo = Math.max(Math.sqrt(Math.max(0, 1 - (R * R * (K - i + 1)) / (K * g * g))), hiPrev);
    const hi = Math.min(1, (R * Math.sqrt(i / K)) / g);
    if (lo < hi) kept += hi * hi - lo * lo;
    hiPrev = Math.max(hiPrev, hi);
  }
  return Math.max(0, 1 - kept);
}
