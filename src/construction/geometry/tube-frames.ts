import { orthonormalFrame } from "../../math/vec3.ts";
import type { Lattice } from "./lattice.ts";

/** Orthonormal frames (e1, e2, e) of every lattice direction, 9 numbers per point, cached. */
const frameCache = new WeakMap<Lattice, Float64Array>();
export function tubeFrames(lattice: Lattice): Float64Array {
  const hit = frameCache.get(lattice);
  if (hit) return hit;
  const f = new Float64Array(9 * lattice.count);
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  const e = new Float64Array(3);
  for (let k = 0; k < lattice.count; k++) {
    e[0] = lattice.e[3 * k];
    e[1] = lattice.e[3 * k + 1];
    e[2] = lattice.e[3 * k + 2];
    orthonormalFrame(a, b, e);
    f.set(a, 9 * k);
    f.set(b, 9 * k + 3);
    f.set(e, 9 * k + 6);
  }
  frameCache.set(lattice, f);
  return f;
}
