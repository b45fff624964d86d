/** max of a smooth function of one variable on [a, b]: grid of 4001 points, then golden section. */
export function maximize1D(
  f: (r: number) => number,
  a: number,
  b: number,
): { value: number; at: number } {
  const n = 4000;
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
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < 80; it++) {
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
  const c = 0.5 * (lo + hi);
  const fc = f(c);
  return fc > best ? { value: fc, at: c } : { value: best, at };
}
