import { type Estimate, estimate } from "../../math/estimate.ts";
import { type SeparableTube, type TubeSumL2, tubeSumL2 } from "../geometry/tube-sum-l2.ts";
import { bumpDisjointnessMargin } from "../geometry/velocity-bumps.ts";
import {
  type AveragedTube,
  type AveragedTubeResolution,
  averagedTube,
  type ProfileOrder,
} from "./averaged-tube.ts";
import type { Beam } from "./beam.ts";
import type { BasicWeight } from "./beam-norm.ts";

/**
 * The mixed norms of (2.26), L¹ in v inside, L² in x outside:
 *   ‖w f_b(t)‖_{L²_x L¹_v} = ‖g‖_{L²_x},           g(x) = ∫ w f_b(t,x,v) dv = M^{1−s} Σ_k G_k(x),
 *   M^{−1}‖w ∇x f_b(t)‖_{L²_x L¹_v} = M^{−1}‖h‖,    h(x) = ∫ w |∇x f_b(t,x,v)| dv,
 * with G_k = R(|P⊥_k x|) A(e_k·x) the velocity-averaged tube ({@link averagedTube}) and ‖Σ_k G_k‖ by
 * the pair sum of {@link tubeSumL2} (every crossing of two tubes near the origin integrated).
 *
 * g is linear in f_b, so overlapping bumps (`as-written`) need no care there. For h:
 * - where one bump is non-zero at v (`as-in-proof`: supports disjoint, (2.20)),
 *   |∇x f_b| = M^{1−s} I_k(v) |∇K_k(x − vt)| and h = M^{1−s} Σ_k H_k, H_k = ∫ w I_k |∇K_k(x − vt)| dv;
 *   |∇⊥K| ≤ |∇K| ≤ |∇⊥K| + |∂_a K| gives H⊥_k ≤ H_k ≤ H⊥_k + H∥_k with both sides separable, so
 *   ‖Σ H⊥‖ ≤ ‖Σ H‖ ≤ ‖Σ H⊥‖ + ‖Σ H∥‖ (triangle inequality): a bracket of relative width O(1/M);
 * - where bumps overlap (`as-written`), |Σ_k I_k ∇K_k| ≤ Σ_k I_k |∇K_k| and only the upper end
 *   ‖Σ H⊥‖ + ‖Σ H∥‖ is a bound: the value reported is that upper bound (flagged in the method).
 */
export interface BeamMixedNorm {
  readonly t: number;
  /** ‖w f_b(t)‖_{L²_x L¹_v}. */
  readonly value: Estimate;
  /** M^{−1}‖w ∇x f_b(t)‖_{L²_x L¹_v}: the midpoint of the bracket (as-in-proof) or the upper bound (as-written). */
  readonly gradient: Estimate;
  /** Bracket of the gradient part; lower is null where no lower bound is computed (overlapping bumps). */
  readonly gradientBracket: readonly [number | null, number];
  /** Share of ‖Σ G_k‖² coming from distinct tubes overlapping (crossings near x = 0). */
  readonly overlapShare: number;
}

export interface BeamMixedNormOptions {
  /** Gauss–Legendre nodes per axis of the pair-integral cube (1.5n is the check). */
  readonly n?: number;
  /** Chebyshev intervals in log u (N is the check of 2N). */
  readonly N?: number;
}

const COARSE: AveragedTubeResolution = { nSigma: 16, nPsi: 24, nB: 16 };
const FINE: AveragedTubeResolution = { nSigma: 24, nPsi: 36, nB: 24 };

function separable(at: AveragedTube, radial: ProfileOrder, axial: ProfileOrder): SeparableTube {
  return {
    radial: (r) => at.radial(r, radial),
    axial: (a) => at.axial(a, axial),
    rMax: at.rMax,
    aMin: at.aMin,
    aMax: at.aMax,
  };
}

/**
 * The mixed norms of (2.26) at time t: ‖w f_b(t)‖_{L²_x L¹_v} and M⁻¹‖w ∇x f_b(t)‖_{L²_x L¹_v},
 * w = e^{⟨v⟩²} (`"gaussian"`) or 1, by the velocity-averaged tubes and their pair sums (module
 * comment); the gradient part is a bracket, or an upper bound where bumps overlap (`as-written`).
 */
export function beamMixedNorm(
  beam: Beam,
  t: number,
  weight: BasicWeight,
  opts: BeamMixedNormOptions = {},
): BeamMixedNorm {
  const { M } = beam.params;
  const coarse = averagedTube(beam, t, weight, COARSE);
  const fine = averagedTube(beam, t, weight, FINE);
  const sum = (r: ProfileOrder, a: ProfileOrder): TubeSumL2 =>
    tubeSumL2(beam.lattice, separable(coarse, r, a), separable(fine, r, a), opts);
  const amp = beam.amplitude; // c_b M^{1−s}
  const g = sum(0, 0);
  const perp = sum(1, 0); // ‖Σ R₁A₀‖; H⊥ = M R₁ A₀
  const axial = sum(0, 1); // ‖Σ R₀A₁‖ = ‖Σ H∥‖
  // M^{−1} M^{1−s} [M‖ΣR₁A₀‖, M‖ΣR₁A₀‖ + ‖ΣR₀A₁‖]
  const lo = amp * perp.norm.value;
  const hi = amp * (perp.norm.value + axial.norm.value / M);
  const qErr = amp * (perp.norm.error + axial.norm.error / M);
  const disjoint = bumpDisjointnessMargin(beam.bump) > 0;
  const gradient = disjoint
    ? estimate(
        0.5 * (lo + hi),
        0.5 * (hi - lo) + qErr,
        "derived",
        `M^{−s}‖Σ H_k‖ with H⊥ ≤ H ≤ H⊥ + H∥ (disjoint bumps); ${perp.norm.method}`,
      )
    : estimate(
        hi,
        qErr,
        "derived",
        `UPPER BOUND M^{−s}(‖Σ H⊥‖ + ‖Σ H∥‖/M) ≥ M^{−1}‖w∇f_b‖ (overlapping as-written bumps: |Σ I∇K| ≤ Σ I|∇K|); ${perp.norm.method}`,
      );
  return {
    t,
    value: estimate(
      amp * g.norm.value,
      amp * g.norm.error,
      "quadrature",
      `M^{1−s}‖Σ_k G_k‖_{L²}, G_k = ∫ w I_k K_k(x − vt) dv = R(|P⊥x|)A(e·x); ${g.norm.method}`,
    ),
    gradient,
    gradientBracket: [disjoint ? lo : null, hi],
    overlapShare: g.offDiagonal / g.squared.value,
  };
}
