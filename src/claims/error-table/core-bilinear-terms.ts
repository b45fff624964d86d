import { BEAM_CORE_GAIN_LINF_MEASURES } from "./beam-core-gain.ts";
import { BEAM_CORE_GAIN_L2_MEASURES } from "./beam-core-gain-l2.ts";
import { BEAM_CORE_LOSS_MEASURES } from "./beam-core-loss.ts";
import { CORE_CORE_MEASURES } from "./core-core-terms.ts";
import type { ErrorTermMeasure } from "./error-term.ts";

/**
 * The bilinear terms of Lemma 4.4 that involve the core f_r, each in the four Z-norm parts, in the
 * table's order: Q⁻(f_b,f_r) (beam-core-loss.ts), Q⁺(f_b,f_r) = Q⁺(f_r,f_b) (beam-core-gain.ts for
 * the L^∞ parts, beam-core-gain-l2.ts for the L² parts), Q±(f_r,f_r) (core-core-terms.ts).
 * Shared pieces: the reduction of f_r (construction/core/core-decay.ts), the profile integrals
 * (core-profile-integrals.ts), the line kernels and cell forms (line-kernels.ts, cell-forms.ts),
 * f_b over the core crossing (core-crossing.ts), the bump multiplicity (bump-multiplicity.ts), the
 * paper's bound (lemma-4-4-bound.ts).
 */
export const CORE_BILINEAR_MEASURES: readonly ErrorTermMeasure[] = [
  ...BEAM_CORE_LOSS_MEASURES,
  ...BEAM_CORE_GAIN_LINF_MEASURES,
  ...BEAM_CORE_GAIN_L2_MEASURES,
  ...CORE_CORE_MEASURES,
];
