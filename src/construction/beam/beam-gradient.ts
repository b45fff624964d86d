import { bumpValue, forEachBumpAt } from "../geometry/velocity-bumps.ts";
import type { Beam } from "./beam.ts";

/**
 * f_b(t, x, v) of (2.4) together with its x-gradient:
 *   ∇_x f_b(t, x, v) = M^{1−s} Σ_{i,j} I_{i,j}(v) ∇K_{i,j}(x − vt),
 *   ∇K_e(y) = M φ'(M|P⊥y|) φ(|e·y|) P⊥y/|P⊥y| + φ(M|P⊥y|) φ'(|e·y|) sign(e·y) e.
 * Only the bumps that can be non-zero at v are visited. Writes the gradient into `out` (length ≥ 3,
 * world frame) and returns f_b(t, x, v).
 */
export function beamValueAndGradient(
  beam: Beam,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  out: Float64Array,
): number {
  y[0] = x[0] - v[0] * t;
  y[1] = x[1] - v[1] * t;
  y[2] = x[2] - v[2] * t;
  const { M } = beam.params;
  const { phi, dphi } = beam.cutoff;
  const lat = beam.lattice.e;
  let f = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  forEachBumpAt(beam.bump, v, (k) => {
    ek[0] = lat[3 * k];
    ek[1] = lat[3 * k + 1];
    ek[2] = lat[3 * k + 2];
    const I = bumpValue(beam.bump, ek, v);
    if (I === 0) return;
    const a = ek[0] * y[0] + ek[1] * y[1] + ek[2] * y[2];
    const p0 = y[0] - a * ek[0];
    const p1 = y[1] - a * ek[1];
    const p2 = y[2] - a * ek[2];
    const r = Math.sqrt(p0 * p0 + p1 * p1 + p2 * p2);
    const fr = phi(M * r);
    const fa = phi(Math.abs(a));
    if (fr === 0 || fa === 0) return;
    f += I * fr * fa;
    const radial = r > 0 ? (I * M * dphi(M * r) * fa) / r : 0;
    const axial = I * fr * dphi(Math.abs(a)) * Math.sign(a);
    g0 += radial * p0 + axial * ek[0];
    g1 += radial * p1 + axial * ek[1];
    g2 += radial * p2 + axial * ek[2];
  });
  const A = beam.amplitude;
  out[0] = A * g0;
  out[1] = A * g1;
  out[2] = A * g2;
  return A * f;
}

const y = new Float64Array(3);
const ek = new Float64Array(3);
