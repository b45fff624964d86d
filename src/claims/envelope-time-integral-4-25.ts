import { type Estimate, estimate, exact } from "../math/estimate.ts";
import { compositeRule } from "../math/quadrature/composite.ts";
import { beamFor, type ClaimContext, m, scalingClaim } from "./claim-helpers.ts";
import type { ClaimResult } from "./claim-result.ts";

/**
 * The time integral of (4.25) at its worst case: sup over x and 3/4 ≤ |v| ≤ 5/4 of
 * ∫_0^{T_*} (M|x − vσ| + 1)^{−2} dσ. Since |x − vσ| ≥ |v||σ − σ0| (σ0 = x·v/|v|²) with equality on
 * the line, the sup is at x on the line, σ0 = T_* / 2 and |v| = 3/4:
 *   sup = T_* / (1 + 3 M T_* / 8)  (closed form; → 8/(3M)).
 * `numeric` recomputes it by Gauss–Legendre (split at σ0) for checking.
 */
export function timeIntegral4_25(M: number, Tstar: number, numeric = false): Estimate {
  const c = 0.75;
  if (!numeric) return exact(Tstar / (1 + (c * M * Tstar) / 2), "closed form T*/(1 + 3MT*/8)");
  const s0 = Tstar / 2;
  const xs = new Float64Array(128);
  const ws = new Float64Array(128);
  const count = compositeRule([0, s0, Tstar], 64, xs, ws);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += ws[i] * (M * c * Math.abs(xs[i] - s0) + 1) ** -2;
  return estimate(sum, 1e-12 * sum, "quadrature", "Gauss–Legendre 2×64 on the worst line");
}

/** (4.25): I(v) ∫_0^t (M|x − v(t − τ)| + 1)^{−2} dτ ≲ I(v)/M, as a scaling claim (exponent −1). */
export function claim4_25(ctx: ClaimContext): ClaimResult {
  const ms = ctx.Ms.map((M) => {
    const beam = beamFor(ctx, M);
    return m(M, timeIntegral4_25(M, beam.params.Tstar), 1 / M, {
      worst: "x on the line, σ0 = T*/2, |v| = 3/4",
    });
  });
  return scalingClaim(
    {
      id: "4.25",
      title: "Time integral of the collision-frequency envelope along a characteristic",
      statement: "I(v) ∫_0^t (M|x − v(t−τ)| + 1)^{−2} dτ ≲ I(v)/M for 0 ≤ t ≤ T*, 3/4 ≤ |v| ≤ 5/4",
      cutoff: ctx.cutoff,
      variant: ctx.variant,
      method:
        "exact sup over x and |v| (closed form T*/(1 + 3MT*/8)); independent of the cutoff and variant",
    },
    ms,
    -1,
    "upper",
  );
}
