/**
 * The maximum of a smooth function of one variable on [a, b]: f on the grid a + (b − a)i/N,
 * i = 0…N (first of equal values kept), then golden-section search on the two grid cells around
 * the best point for a fixed number of iterations (see {@link GoldenSectionOptions}); the result is
 * the larger of the grid maximum and f at the final midpoint, with where it is attained. A lower bound of the sup (the
 * sampled maximum); exact to rounding when the maximum is interior and f is unimodal near it.
 */
export interface Maximum {
  readonly value: number;
  readonly at: number;
}

/**
 * Grid size N and golden-section iterations of {@link goldenSectionMax}, and how a step is taken:
 * `"reuse"` (default) keeps the surviving interior point and its value (one new evaluation per
 * step; ties keep the left subinterval); `"recompute"` places both interior points afresh from
 * the bracket each step (two evaluations; ties keep the right subinterval). The two give the
 * same maximum to rounding; each is kept because published numbers were computed with it.
 */
export interface GoldenSectionOptions {
  readonly gridPoints: number;
  readonly iterations: number;
  readonly step?: "reuse" | "recompute";
}

/**
 * max_{[a, b]} f by an (N + 1)-point grid then golden section (see {@link Maximum}); defaults
 * N = 4000 and 80 iterations.
 *
 * @example
 * ```ts
 * import { goldenSectionMax } from "boltzlab";
 * const m = goldenSectionMax((x) => x * (1 - x), 0, 1);
 * if (!(Math.abs(m.value - 0.25) < 1e-15 && Math.abs(m.at - 0.5) < 1e-7)) throw new Error("example check failed");
 * ```
 */
export function goldenSectionMax(
  f: (x: number) => number,
  a: number,
  b: number,
  options: GoldenSectionOptions = { gridPoints: 4000, iterations: 80 },
): Maximum {
  const n = options.gridPoints;
  let best = Number.NEGATIVE_INFINITY;
  let at = a;
  for (let i = 0; i <= n; i++) {
    const r = a + ((b - a) * i) / n;
    const y = f(r);
    if (y > best) {
      best = y;
      at = r;
    }
  }
  let lo = Math.max(a, at - (b - a) / n);
  let hi = Math.min(b, at + (b - a) / n);
  const g = 0.5 * (Math.sqrt(5) - 1);
  if (options.step === "recompute") {
    for (let it = 0; it < options.iterations; it++) {
      const c = hi - g * (hi - lo);
      const d = lo + g * (hi - lo);
      if (f(c) > f(d)) hi = d;
      else lo = c;
    }
  } else {
    let x1 = hi - g * (hi - lo);
    let x2 = lo + g * (hi - lo);
    let f1 = f(x1);
    let f2 = f(x2);
    for (let it = 0; it < options.iterations; it++) {
      if (f1 >= f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = f(x1);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = f(x2);
      }
    }
  }
  const c = 0.5 * (lo + hi);
  const fc = f(c);
  return fc > best ? { value: fc, at: c } : { value: best, at };
}
