import { gaussLegendre } from "./gauss-legendre.ts";

/**
 * Composite Gauss–Legendre rule: n nodes per panel on the panels [breaks[p], breaks[p + 1]],
 * written into `nodes`/`weights` (length ≥ n·(breaks.length − 1)); returns the number of nodes.
 * Node c + h·xᵢ, weight h·wᵢ on each panel (h half its width, c its centre).
 *
 * @example
 * ```ts
 * import { compositeRule } from "boltzlab";
 * const x = new Float64Array(6);
 * const w = new Float64Array(6);
 * const m = compositeRule([0, 0.5, 1], 3, x, w);
 * let s = 0; // ∫_0^1 x⁵ dx = 1/6, exact on each panel with 3 nodes
 * for (let i = 0; i < m; i++) s += w[i] * x[i] ** 5;
 * if (!(m === 6 && Math.abs(s - 1 / 6) < 1e-15)) throw new Error("example check failed");
 * ```
 */
export function compositeRule(
  breaks: readonly number[],
  n: number,
  nodes: Float64Array,
  weights: Float64Array,
): number {
  const gl = gaussLegendre(n);
  let m = 0;
  for (let p = 0; p + 1 < breaks.length; p++) {
    const h = 0.5 * (breaks[p + 1] - breaks[p]);
    const c = 0.5 * (breaks[p + 1] + breaks[p]);
    for (let i = 0; i < n; i++) {
      nodes[m] = c + h * gl.nodes[i];
      weights[m] = h * gl.weights[i];
      m++;
    }
  }
  return m;
}

/**
 * ∫ f over [breaks[0], breaks[last]] by the composite rule with n nodes per panel, as one running
 * sum over all panels of wᵢ·f(c + h·xᵢ)·h (h, c the panel's half width and centre).
 */
export function compositeGaussSum(
  f: (x: number) => number,
  breaks: readonly number[],
  n: number,
): number {
  const { nodes, weights } = gaussLegendre(n);
  let s = 0;
  for (let p = 0; p + 1 < breaks.length; p++) {
    const h = 0.5 * (breaks[p + 1] - breaks[p]);
    const c = 0.5 * (breaks[p + 1] + breaks[p]);
    for (let i = 0; i < n; i++) s += weights[i] * f(c + h * nodes[i]) * h;
  }
  return s;
}

/**
 * The composite rule on `panels` equal panels of [a, b] with n nodes each, into nodes/weights
 * (length ≥ n·panels): panel width H = (b − a)/panels, node a + (p + ½)H + (H/2)xᵢ, weight (H/2)wᵢ.
 * Returns the number of nodes.
 */
export function equalPanelRule(
  a: number,
  b: number,
  panels: number,
  n: number,
  nodes: Float64Array,
  weights: Float64Array,
): number {
  const gl = gaussLegendre(n);
  const H = (b - a) / panels;
  let m = 0;
  for (let p = 0; p < panels; p++) {
    const c = a + (p + 0.5) * H;
    for (let i = 0; i < n; i++) {
      nodes[m] = c + 0.5 * H * gl.nodes[i];
      weights[m] = 0.5 * H * gl.weights[i];
      m++;
    }
  }
  return m;
}

/**
 * ∫ f over [a, b] by {@link equalPanelRule}, summed as (H/2)·Σ_p Σ_i wᵢ f(node) (the common panel
 * factor taken out of the sum).
 */
export function equalPanelGaussSum(
  f: (x: number) => number,
  a: number,
  b: number,
  panels: number,
  n: number,
): number {
  const { nodes, weights } = gaussLegendre(n);
  const H = (b - a) / panels;
  let s = 0;
  for (let p = 0; p < panels; p++) {
    const c = a + (p + 0.5) * H;
    for (let i = 0; i < n; i++) s += weights[i] * f(c + 0.5 * H * nodes[i]);
  }
  return 0.5 * H * s;
}
