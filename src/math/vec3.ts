/**
 * Allocation-free 3-vector helpers in the gl-matrix style: `out` first, plain
 * `Float64Array`/number-array storage through the structural {@link Vec3Like} type.
 */
/** Anything indexable with three numbers: number[], Float64Array, … (writable for `out`). */
export type Vec3Like = { [index: number]: number; readonly length: number };

/** A new 3-vector (x, y, z) as a Float64Array (allocates; not for hot loops). */
export function vec3(x = 0, y = 0, z = 0): Float64Array {
  const out = new Float64Array(3);
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/** The dot product a·b. */
export function dot(a: Vec3Like, b: Vec3Like): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** The Euclidean norm |a|. */
export function norm(a: Vec3Like): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** out = a − b; returns out. */
export function sub<T extends Vec3Like>(out: T, a: Vec3Like, b: Vec3Like): T {
  out[0] = a[0] - b[0];
  out[1] = a[1] - b[1];
  out[2] = a[2] - b[2];
  return out;
}

/** out = a + s b; returns out. */
export function scaleAndAdd<T extends Vec3Like>(out: T, a: Vec3Like, b: Vec3Like, s: number): T {
  out[0] = a[0] + b[0] * s;
  out[1] = a[1] + b[1] * s;
  out[2] = a[2] + b[2] * s;
  return out;
}

/** P_e a = (a·e) e for a unit vector e. */
export function projectOnto<T extends Vec3Like>(out: T, a: Vec3Like, e: Vec3Like): T {
  const c = dot(a, e);
  out[0] = c * e[0];
  out[1] = c * e[1];
  out[2] = c * e[2];
  return out;
}

/** P⊥_e a = a − (a·e) e for a unit vector e. */
export function projectPerp<T extends Vec3Like>(out: T, a: Vec3Like, e: Vec3Like): T {
  const c = dot(a, e);
  out[0] = a[0] - c * e[0];
  out[1] = a[1] - c * e[1];
  out[2] = a[2] - c * e[2];
  return out;
}

/** |P⊥_e a| computed stably as |a × e| for a unit vector e. */
export function perpNorm(a: Vec3Like, e: Vec3Like): number {
  const cx = a[1] * e[2] - a[2] * e[1];
  const cy = a[2] * e[0] - a[0] * e[2];
  const cz = a[0] * e[1] - a[1] * e[0];
  return Math.hypot(cx, cy, cz);
}

/**
 * Two unit vectors completing `e` to a right-handed orthonormal frame (e1, e2, e): out1, out2.
 * Branch-free except for the pole choice (Frisvad/Duff et al. 2017 "Building an orthonormal basis,
 * revisited").
 */
export function orthonormalFrame(out1: Vec3Like, out2: Vec3Like, e: Vec3Like): void {
  const sign = e[2] >= 0 ? 1 : -1;
  const a = -1 / (sign + e[2]);
  const b = e[0] * e[1] * a;
  out1[0] = 1 + sign * e[0] * e[0] * a;
  out1[1] = sign * b;
  out1[2] = -sign * e[0];
  out2[0] = b;
  out2[1] = sign + e[1] * e[1] * a;
  out2[2] = -e[1];
}
