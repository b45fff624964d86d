/**
 * Rank-1 Korobov lattice rules for the randomly shifted lattice integration of
 * beam-loss-duhamel.ts: points x_i = {i (1, g, g², …, g^{d−1}) / n}, i = 0 … n−1, with the
 * generator g chosen to minimize the classical figure of merit (Sloan & Joe, "Lattice Methods for
 * Multiple Integration", 1994, §4; unit product weights)
 *   P₂(g) = −1 + (1/n) Σ_i Π_d [1 + 2π² B₂({i g_d / n})],   B₂(x) = x² − x + 1/6,
 * over 1 ≤ g ≤ n/2 (an exhaustive Korobov search, O(n² d), cached per (n, d)). Combined with the
 * baker's (tent) transform, P₂ governs the worst-case error for smooth integrands.
 */
const cache = new Map<string, number[]>();

/**
 * The generating vector (1, g, g², …, g^{d−1}) mod n of the n-point Korobov lattice in d dimensions
 * with g minimizing P₂ (module comment); cached per (n, d).
 */
export function korobovGeneratingVector(n: number, d: number): number[] {
  const key = `${n},${d}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let best = 1;
  let bestP = Number.POSITIVE_INFINITY;
  const c = 2 * Math.PI * Math.PI;
  for (let g = 1; g <= n / 2; g++) {
    const z = powers(g, n, d);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let prod = 1;
      for (let k = 0; k < d; k++) {
        const x = ((i * z[k]) % n) / n;
        prod *= 1 + c * (x * x - x + 1 / 6);
      }
      sum += prod;
    }
    const P = sum / n - 1;
    if (P < bestP) {
      bestP = P;
      best = g;
    }
  }
  const out = powers(best, n, d);
  cache.set(key, out);
  return out;
}

function powers(g: number, n: number, d: number): number[] {
  const z = [1];
  for (let k = 1; k < d; k++) z.push((z[k - 1] * g) % n);
  return z;
}
