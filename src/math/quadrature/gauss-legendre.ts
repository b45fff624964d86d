/**
 * Gauss–Legendre rules on [-1, 1], computed by Newton iteration on P_n with the asymptotic
 * initial guess cos(π(i − 1/4)/(n + 1/2)) (Abramowitz & Stegun 22.16.6; Numerical Recipes §4.6).
 * Nodes and weights are exact to a few ulp for n ≤ 1024. Rules are cached per n.
 */
export interface GaussRule {
  readonly n: number;
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const cache = new Map<number, GaussRule>();

/** [P_n(z), P_n′(z)] by the three-term recurrence (only while a rule is built, then cached). */
function legendre(n: number, z: number): [number, number] {
  let p1 = 1;
  let p2 = 0;
  for (let k = 1; k <= n; k++) {
    const p3 = p2;
    p2 = p1;
    p1 = ((2 * k - 1) * z * p2 - (k - 1) * p3) / k;
  }
  return [p1, (n * (z * p1 - p2)) / (z * z - 1)];
}

/**
 * The n-point Gauss–Legendre rule on [−1, 1] (exact for polynomials of degree ≤ 2n − 1), cached.
 * Throws a RangeError unless n is an integer in [1, 4096].
 *
 * @example
 * ```ts
 * import { gaussLegendre } from "boltzlab";
 * const { nodes, weights } = gaussLegendre(5);
 * let integral = 0; // ∫_{−1}^{1} x⁸ dx = 2/9, exact with 5 nodes
 * for (let i = 0; i < 5; i++) integral += weights[i] * nodes[i] ** 8;
 * if (!(Math.abs(integral - 2 / 9) < 1e-15)) throw new Error("example check failed");
 * ```
 */
export function gaussLegendre(n: number): GaussRule {
  if (!Number.isInteger(n) || n < 1 || n > 4096) {
    throw new RangeError(`Gauss–Legendre order must be an integer in [1, 4096], got ${n}`);
  }
  const hit = cache.get(n);
  if (hit) return hit;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const m = (n + 1) >> 1;
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let it = 0; it < 100; it++) {
      const [p, dp] = legendre(n, z);
      const dz = p / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    // the derivative at the converged node, for the weight
    const dp = legendre(n, z)[1];
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const w = 2 / ((1 - z * z) * dp * dp);
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[m - 1] = 0;
  const rule = { n, nodes, weights };
  cache.set(n, rule);
  return rule;
}

/** One Gauss–Legendre sum of `f` over [a, b] with n nodes. */
export function gaussSum(f: (x: number) => number, a: number, b: number, n: number): number {
  const { nodes, weights } = gaussLegendre(n);
  const h = 0.5 * (b - a);
  const c = 0.5 * (b + a);
  let s = 0;
  for (let i = 0; i < n; i++) s += weights[i] * f(c + h * nodes[i]);
  return s * h;
}

/**
 * The n-point Gauss–Legendre rule mapped to [a, b]: nodes c + h·xᵢ and weights h·wᵢ with
 * h = (b − a)/2, c = (a + b)/2. For [0, 1] the nodes equal 0.5·(1 + xᵢ) to the last bit. Cached
 * per (n, a, b) like {@link gaussLegendre} (the last 64 intervals): the arrays are shared, do not
 * write into them.
 *
 * @example
 * ```ts
 * import { mappedRule } from "boltzlab";
 * const { nodes, weights } = mappedRule(4, 0, 2);
 * let s = 0; // ∫_0^2 x³ dx = 4
 * for (let i = 0; i < 4; i++) s += weights[i] * nodes[i] ** 3;
 * if (!(Math.abs(s - 4) < 1e-14)) throw new Error("example check failed");
 * ```
 */
export function mappedRule(n: number, a: number, b: number): GaussRule {
  const key = `${n}:${a}:${b}`;
  const hit = mappedCache.get(key);
  if (hit) return hit;
  const gl = gaussLegendre(n);
  const h = 0.5 * (b - a);
  const c = 0.5 * (b + a);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = c + h * gl.nodes[i];
    weights[i] = h * gl.weights[i];
  }
  const rule = { n, nodes, weights };
  if (mappedCache.size >= 64) mappedCache.clear();
  mappedCache.set(key, rule);
  return rule;
}

const mappedCache = new Map<string, GaussRule>();

/**
 * Gauss–Legendre n on [lo, lo + 2h] written from the left end: nodes lo + h·(1 + xᵢ) and weights
 * h·wᵢ into `nodes` and `weights` (at least n long; no allocation, so a nested rule can be refilled
 * per outer node); returns n. The nodes differ from {@link mappedRule}'s c + h·xᵢ in the last bit
 * (panels [0, ½, 1] with n = 48 differ at 2 nodes); the construction's rules were written this way,
 * and a caller that sums `weights[i] * f(nodes[i])` gets the bits of the inline
 * `h * w[i] * f(lo + h * (1 + x[i]))`. With lo = 0 the nodes are h·(1 + xᵢ) (the (b/2)(1 + xᵢ) rules).
 *
 * @example
 * ```ts
 * import { leftAnchoredRule } from "boltzlab";
 * const x = new Float64Array(8);
 * const w = new Float64Array(8);
 * leftAnchoredRule(8, 1, 0.5, x, w); // [1, 2]
 * let s = 0;
 * for (let i = 0; i < 8; i++) s += w[i] * x[i] ** 3;
 * if (Math.abs(s - 3.75) > 1e-14) throw new Error("∫_1^2 x³ dx = 15/4");
 * ```
 */
export function leftAnchoredRule(
  n: number,
  lo: number,
  h: number,
  nodes: Float64Array,
  weights: Float64Array,
): number {
  const gl = gaussLegendre(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = lo + h * (1 + gl.nodes[i]);
    weights[i] = h * gl.weights[i];
  }
  return n;
}
