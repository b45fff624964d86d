import type { Uniform } from "./uniform-stream.ts";

/**
 * Uniform points in the regions the Monte Carlo integrals of boltzlab draw from: a direction on S²,
 * a ball, a spherical shell, a cylinder. Each writes into `out` (no allocation) and consumes the
 * uniform draws in the order stated, which is part of its contract: the same stream gives the
 * same points.
 */

/**
 * A uniform direction on S² scaled by `radius` (default 1) into out[offset..offset + 2]
 * (Marsaglia's cylinder projection, no rejection): z = 2u₁ − 1, φ = 2πu₂,
 * out = radius·(s cos φ, s sin φ, z) with s = √max(0, 1 − z²), computed as (radius·s)·cos φ.
 * Two draws.
 *
 * @example
 * ```ts
 * import { uniformDirection, uniformStream } from "boltzlab";
 * const e = new Float64Array(3);
 * uniformDirection(e, uniformStream(3));
 * if (!(Math.abs(Math.hypot(e[0], e[1], e[2]) - 1) < 1e-15)) throw new Error("example check failed");
 * ```
 */
export function uniformDirection(out: Float64Array, rnd: Uniform, radius = 1, offset = 0): void {
  const z = 2 * rnd() - 1;
  const ph = 2 * Math.PI * rnd();
  const s = Math.sqrt(Math.max(0, 1 - z * z));
  out[offset] = radius * s * Math.cos(ph);
  out[offset + 1] = radius * s * Math.sin(ph);
  out[offset + 2] = radius * z;
}

/**
 * A uniform point of the ball |x − center| ≤ radius into out, by rejection from the cube
 * (acceptance π/6): three draws x, y, z = 2u − 1 per try until x² + y² + z² ≤ 1, then
 * out = center + radius·(x, y, z).
 *
 * @example
 * ```ts
 * import { uniformInBall, uniformStream } from "boltzlab";
 * const p = new Float64Array(3);
 * uniformInBall(p, uniformStream(5), [1, 0, 0], 0.5);
 * if (!(Math.hypot(p[0] - 1, p[1], p[2]) <= 0.5)) throw new Error("example check failed");
 * ```
 */
export function uniformInBall(
  out: Float64Array,
  rnd: Uniform,
  center: ArrayLike<number> = [0, 0, 0],
  radius = 1,
): void {
  for (;;) {
    const x = 2 * rnd() - 1;
    const y = 2 * rnd() - 1;
    const z = 2 * rnd() - 1;
    if (x * x + y * y + z * z <= 1) {
      out[0] = center[0] + radius * x;
      out[1] = center[1] + radius * y;
      out[2] = center[2] + radius * z;
      return;
    }
  }
}

/**
 * A uniform point of the shell r0 ≤ |x| ≤ r1 (`upper`: with x₃ ≥ 0) into out: the direction first,
 * z = 2u₁ − 1 (`upper`: z = u₁) and φ = 2πu₂, then |x| = ∛(r0³ + (r1³ − r0³)u₃); three draws.
 */
export function uniformInShell(
  out: Float64Array,
  rnd: Uniform,
  r0: number,
  r1: number,
  upper = false,
): void {
  const z = upper ? rnd() : 2 * rnd() - 1;
  const ph = 2 * Math.PI * rnd();
  const s = Math.sqrt(1 - z * z);
  const r = Math.cbrt(r0 ** 3 + (r1 ** 3 - r0 ** 3) * rnd());
  out[0] = r * s * Math.cos(ph);
  out[1] = r * s * Math.sin(ph);
  out[2] = r * z;
}

/** A cylinder: centre, unit axis, axial range [a0, a1] and radius. */
export interface Cylinder {
  readonly center: ArrayLike<number>;
  readonly axis: ArrayLike<number>;
  readonly a0: number;
  readonly a1: number;
  readonly radius: number;
}

/**
 * A uniform point of the cylinder {center + a·axis + q: a ∈ [a0, a1], q ⊥ axis, |q| ≤ radius} into
 * out, with (f1, f2) an orthonormal pair ⊥ axis: a = a0 + (a1 − a0)u₁, |q| = radius·√u₂, angle 2πu₃
 * in the (f1, f2) plane. Three draws.
 *
 * @example
 * ```ts
 * import { uniformInCylinder, uniformStream } from "boltzlab";
 * const p = new Float64Array(3);
 * const c = { center: [0, 0, 0], axis: [0, 0, 1], a0: 0, a1: 2, radius: 1 };
 * uniformInCylinder(p, uniformStream(9), c, [1, 0, 0], [0, 1, 0]);
 * if (!(p[2] >= 0 && p[2] <= 2 && Math.hypot(p[0], p[1]) <= 1)) throw new Error("example check failed");
 * ```
 */
export function uniformInCylinder(
  out: Float64Array,
  rnd: Uniform,
  cyl: Cylinder,
  f1: ArrayLike<number>,
  f2: ArrayLike<number>,
): void {
  const a = cyl.a0 + (cyl.a1 - cyl.a0) * rnd();
  const q = cyl.radius * Math.sqrt(rnd());
  const ph = 2 * Math.PI * rnd();
  const c = q * Math.cos(ph);
  const s = q * Math.sin(ph);
  for (let i = 0; i < 3; i++) out[i] = cyl.center[i] + a * cyl.axis[i] + c * f1[i] + s * f2[i];
}
