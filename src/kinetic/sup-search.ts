// A steered search for sup_x over a ball (the L^∞_x parts of the Z-norm (3.3), znorm.ts
// generalZNorm): a lower bound of the sup.

/** A ball in x that contains supp f(t, ·, v) for every v. */
export interface XSupport {
  readonly center: ArrayLike<number>;
  readonly radius: number;
}

const STEPS: readonly number[] = [1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1];
const sx = new Float64Array(3);
const sy = new Float64Array(3);

/**
 * sup over the ball `xs` of h ≥ 0, by evaluation at `starts` (flat xyz), the centre and `hints`,
 * then compass search from the best four (step radius/8 halved to radius·1e-7). A lower bound.
 */
export function steeredSup(
  h: (x: Float64Array) => number,
  xs: XSupport,
  starts: Float64Array,
  hints: readonly ArrayLike<number>[] = [],
): number {
  const cand: { x: number[]; y: number }[] = [];
  const consider = (a: number, b: number, c: number) => {
    sx[0] = a;
    sx[1] = b;
    sx[2] = c;
    const y = h(sx);
    if (cand.length < 4 || y > cand[cand.length - 1].y) {
      cand.push({ x: [a, b, c], y });
      cand.sort((p, q) => q.y - p.y);
      if (cand.length > 4) cand.pop();
    }
  };
  consider(xs.center[0], xs.center[1], xs.center[2]);
  for (const p of hints) consider(p[0], p[1], p[2]);
  for (let i = 0; i < starts.length; i += 3) consider(starts[i], starts[i + 1], starts[i + 2]);
  let best = cand.length ? cand[0].y : 0;
  for (const c of cand) {
    sy[0] = c.x[0];
    sy[1] = c.x[1];
    sy[2] = c.x[2];
    let y0 = c.y;
    for (let step = xs.radius / 8; step > xs.radius * 1e-7; ) {
      let moved = false;
      for (let d = 0; d < 6; d++) {
        sx[0] = sy[0] + step * STEPS[3 * d];
        sx[1] = sy[1] + step * STEPS[3 * d + 1];
        sx[2] = sy[2] + step * STEPS[3 * d + 2];
        const y = h(sx);
        if (y > y0) {
          y0 = y;
          sy[0] = sx[0];
          sy[1] = sx[1];
          sy[2] = sx[2];
          moved = true;
          break;
        }
      }
      if (!moved) step *= 0.5;
    }
    best = Math.max(best, y0);
  }
  return best;
}
