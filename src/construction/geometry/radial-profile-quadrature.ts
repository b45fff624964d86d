import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";

// Generic radial quadrature and maximization on [0, 1] for the per-cutoff constants (moved out of
// the error table; their home is math/quadrature once the numerics layer has it).

/** 4π ∫_0^1 f(r) r² dr (the integral over R³ of a radial function on the unit ball), GL 100 vs 200. */
export function radialIntegral(f: (r: number) => number): { value: number; error: number } {
  const q = (n: number) => {
    const { nodes, weights } = gaussLegendre(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = 0.5 * (1 + nodes[i]);
      s += 0.5 * weights[i] * f(r) * r * r;
    }
    return 4 * Math.PI * s;
  };
  const a = q(200);
  return { value: a, error: Math.abs(a - q(100)) + Math.abs(a) * 1e-14 };
}

/** max_{r ∈ [0,1]} g(r) for a smooth g: grid of 20 001 points, then golden-section refinement. */
export function maximize1d(g: (r: number) => number): number {
  const n = 20_000;
  let best = 0;
  let bestV = g(0);
  for (let i = 1; i <= n; i++) {
    const v = g(i / n);
    if (v > bestV) {
      bestV = v;
      best = i / n;
    }
  }
  let a = Math.max(0, best - 1 / n);
  let b = Math.min(1, best + 1 / n);
  const gr = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const c = b - gr * (b - a);
    const d = a + gr * (b - a);
    if (g(c) > g(d)) b = d;
    else a = c;
  }
  return Math.max(bestV, g(0.5 * (a + b)));
}
