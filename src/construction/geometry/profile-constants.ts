import type { Cutoff } from "./cutoff.ts";

/**
 * Constants of a radial profile φ used by the error bounds of the reductions:
 * ‖φ'‖_∞ and H_φ = max(sup|φ''|, sup_{r>0}|φ'(r)/r|), the operator-norm bound of the Hessian of
 * z ↦ φ(|z|). Taken as the maximum over 20 001 equispaced r in [0, 1], times 1.01 — a sampled
 * sup of a fixed smooth function of one variable (for the bump and the plateau the maxima are
 * interior and the grid spacing is 5·10⁻⁵, so the 1 % margin exceeds the sampling error).
 */
export interface ProfileConstants {
  readonly dphiMax: number;
  readonly hessianMax: number;
}

const cache = new Map<Cutoff, ProfileConstants>();

export function profileConstants(cutoff: Cutoff): ProfileConstants {
  const hit = cache.get(cutoff);
  if (hit) return hit;
  let d1 = 0;
  let h = 0;
  const n = 20_000;
  for (let i = 0; i <= n; i++) {
    const r = i / n;
    const dp = cutoff.dphi(r);
    d1 = Math.max(d1, Math.abs(dp));
    h = Math.max(
      h,
      Math.abs(cutoff.d2phi(r)),
      r > 0 ? Math.abs(dp / r) : Math.abs(cutoff.d2phi(0)),
    );
  }
  const out = { dphiMax: 1.01 * d1, hessianMax: 1.01 * h };
  cache.set(cutoff, out);
  return out;
}
