import { RuleError } from "../math/errors.ts";
import type { PhaseSpaceFunction, VelocityPiece } from "./phase-space.ts";

/**
 * Free transport e^{−t v·∇x}: the solution of ∂_t f + v·∇_x f = 0 with f(0) = f0 is
 * f(t, x, v) = f0(x − v t, v) (paper (2.1)). The velocity support does not move, so the transported
 * function's pieces are those of f0 for all x ({@link PhaseSpaceFunction.velocitySupportAllX});
 * each piece's part is transported the same way.
 */
export function freeTransport(f0: PhaseSpaceFunction): PhaseSpaceFunction {
  const all = f0.velocitySupportAllX?.bind(f0);
  if (!all) {
    throw new RuleError(
      "free transport needs velocitySupportAllX (a velocity support valid for every x)",
      `"${f0.name}" has none`,
    );
  }
  const y = new Float64Array(3);
  const shift = (t: number, x: ArrayLike<number>, v: ArrayLike<number>) => {
    y[0] = x[0] - v[0] * t;
    y[1] = x[1] - v[1] * t;
    y[2] = x[2] - v[2] * t;
    return y;
  };
  const pieces: VelocityPiece[] = all(0).map((p) => {
    const part = p.part;
    return part
      ? {
          ...p,
          part: (t: number, x: ArrayLike<number>, v: ArrayLike<number>) =>
            part(0, shift(t, x, v), v),
        }
      : p;
  });
  return {
    name: `e^{-tv·∇x}(${f0.name})`,
    value: (t, x, v) => f0.value(0, shift(t, x, v), v),
    velocitySupport: () => pieces,
    velocitySupportAllX: () => pieces,
  };
}

/** A uniform grid on [min, max] with n ≥ 2 nodes per axis. */
export interface Grid3 {
  readonly min: readonly [number, number, number];
  readonly max: readonly [number, number, number];
  readonly n: readonly [number, number, number];
}

/**
 * Sampled phase-space data f0(x, v) on a product grid (x-grid × v-grid), row-major with the x
 * indices outermost: data[((((ix·ny + iy)·nz + iz)·nvx + jx)·nvy + jy)·nvz + jz]. Between nodes the
 * function is the multilinear (6-linear) interpolant; outside the grid it is 0. The velocity support
 * is the bounding ball of the v-box.
 */
export function sampledPhaseSpace(
  name: string,
  xGrid: Grid3,
  vGrid: Grid3,
  data: Float64Array,
): PhaseSpaceFunction {
  const dims = [...xGrid.n, ...vGrid.n];
  const lo = [...xGrid.min, ...vGrid.min];
  const hi = [...xGrid.max, ...vGrid.max];
  for (let d = 0; d < 6; d++) {
    if (!Number.isInteger(dims[d]) || dims[d] < 2)
      throw new RuleError("sampled grids need n >= 2 nodes per axis");
    if (!(hi[d] > lo[d])) throw new RuleError("sampled grids need min < max on every axis");
  }
  const total = dims.reduce((a, b) => a * b, 1);
  if (data.length !== total)
    throw new RuleError(
      "sampled data length must be the product of the grid sizes",
      `got ${data.length}, want ${total}`,
    );
  const stride = new Array<number>(6);
  stride[5] = 1;
  for (let d = 4; d >= 0; d--) stride[d] = stride[d + 1] * dims[d + 1];
  const idx = new Int32Array(6);
  const frac = new Float64Array(6);
  const value = (_t: number, x: ArrayLike<number>, v: ArrayLike<number>) => {
    for (let d = 0; d < 6; d++) {
      const c = d < 3 ? x[d] : v[d - 3];
      const s = ((c - lo[d]) / (hi[d] - lo[d])) * (dims[d] - 1);
      if (!(s >= 0 && s <= dims[d] - 1)) return 0;
      const i = Math.min(Math.floor(s), dims[d] - 2);
      idx[d] = i;
      frac[d] = s - i;
    }
    let out = 0;
    for (let corner = 0; corner < 64; corner++) {
      let w = 1;
      let off = 0;
      for (let d = 0; d < 6; d++) {
        const b = (corner >> d) & 1;
        w *= b ? frac[d] : 1 - frac[d];
        off += (idx[d] + b) * stride[d];
      }
      if (w !== 0) out += w * data[off];
    }
    return out;
  };
  const c = new Float64Array([0, 1, 2].map((d) => 0.5 * (vGrid.min[d] + vGrid.max[d])));
  const r =
    0.5 *
    Math.hypot(
      vGrid.max[0] - vGrid.min[0],
      vGrid.max[1] - vGrid.min[1],
      vGrid.max[2] - vGrid.min[2],
    );
  const pieces: VelocityPiece[] = [{ region: { kind: "ball", center: c, radius: r } }];
  return { name, value, velocitySupport: () => pieces, velocitySupportAllX: () => pieces };
}
