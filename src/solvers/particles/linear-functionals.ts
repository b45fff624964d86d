/**
 * Linear functionals ⟨f, φ⟩ = ∫∫ φ(x, v) f dx dv of the empirical measure Σ w_i δ_{(x_i, v_i)}:
 * each is Σ w_i φ(x_i, v_i), an unbiased estimate whose standard error comes from independent
 * replicas ({@link meanError}).
 */
import type { ParticleSet } from "./particle-set.ts";

/**
 * Window-averaged density at x = 0: (a/π)^{3/2} ∫∫ e^{−a|x|²} f dx dv (→ ρ(t, 0) as a → ∞; for
 * finite a it has its own closed form whenever f has one, so no smoothing bias enters a comparison).
 */
export function windowDensityAtOrigin(p: ParticleSet, a: number): number {
  const { x, w } = p;
  let s = 0;
  for (let i = 0; i < p.count; i++) {
    const q = x[3 * i] ** 2 + x[3 * i + 1] ** 2 + x[3 * i + 2] ** 2;
    s += w[i] * Math.exp(-a * q);
  }
  return (a / Math.PI) ** 1.5 * s;
}

/** ∫∫ |x|² f dx dv (the spatial spread). */
export function spatialSecondMoment(p: ParticleSet): number {
  const { x, w } = p;
  let s = 0;
  for (let i = 0; i < p.count; i++)
    s += w[i] * (x[3 * i] ** 2 + x[3 * i + 1] ** 2 + x[3 * i + 2] ** 2);
  return s;
}

/** ⟨f, φ⟩ for a user function φ(x0, x1, x2, v0, v1, v2). */
export function linearFunctional(
  p: ParticleSet,
  phi: (x0: number, x1: number, x2: number, v0: number, v1: number, v2: number) => number,
): number {
  const { x, v, w } = p;
  let s = 0;
  for (let i = 0; i < p.count; i++) {
    const k = 3 * i;
    s += w[i] * phi(x[k], x[k + 1], x[k + 2], v[k], v[k + 1], v[k + 2]);
  }
  return s;
}
