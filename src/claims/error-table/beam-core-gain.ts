import type { Beam } from "../../construction/beam/beam.ts";
import { beamCoreGainLinf } from "../../construction/beam-core/beam-core-gain-linf.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { transportLikeConstants } from "../../construction/geometry/cutoff-constants.ts";
import { estimate } from "../../math/estimate.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement } from "./error-term.ts";
import { symmetricGain } from "./gain-symmetry.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";

/**
 * The error-table measures of Q⁺(f_b, f_r) = Q⁺(f_r, f_b) (Lemma 4.4), L^{1,1}_v L^∞_x parts: the
 * unit, the quadrature difference (24² × 32 against 16² × 24) and the bracket. The kernel — the plane
 * integrals over the bumps, the band remainder and the slab — is
 * construction/beam-core/beam-core-gain-linf.ts.
 */
function beamCoreGainMeasure(
  term: "Q+(fb,fr)" | "Q+(fr,fb)",
  part: "Linf" | "gradLinf",
): ErrorTermMeasure {
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, lnN } = beam.params;
      const n = (M * (M + 1)) / 2;
      const tc = transportLikeConstants(beam.cutoff);
      const lnM = Math.log(M);
      const base =
        Math.log(2 * tc.c1) +
        coreLogAmplitude(beam) -
        3 * lnN +
        (1 - s) * lnM +
        Math.log(beam.params.constants.beamAmplitude) +
        Math.log(n);
      const logUnit = part === "Linf" ? base : -lnM + base;
      const fine = beamCoreGainLinf(beam, part, w, 24, 32);
      const coarse = beamCoreGainLinf(beam, part, w, 16, 24);
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const lo = Math.max(0, fine.lo - quadErr);
      const hi = fine.hi + quadErr;
      const unit = Math.exp(logUnit);
      return {
        value: estimate(
          0.5 * (lo + hi) * unit,
          0.5 * (hi - lo) * unit,
          "derived",
          `Q⁺(f_b,F) = (2 Amp E χ N⁻³ c₁/|v|) ∫_{p·v=|v|²} f_b dA + R (band remainder and |v| < N^{−1/2} bounded); reduction of f_r (e^{±Δ}); v-integral exchanged with the plane integrals (n × one bump, Gauss–Legendre 24² × 32 in c vs 16² × 24); sup over x bracketed as for Q⁻(f_b,f_r); value ± half-width of the rigorous bracket`,
        ),
        window: w,
        where: {
          symmetry: "Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres",
          bracket: [lo * unit, hi * unit],
        },
      };
    },
  };
}

/** Q⁺(f_b, f_r) = Q⁺(f_r, f_b), the L^{1,1}_v L^∞_x parts (both term ids). */
export const BEAM_CORE_GAIN_LINF_MEASURES: readonly ErrorTermMeasure[] = (
  ["Q+(fb,fr)", "Q+(fr,fb)"] as const
).flatMap((term) =>
  (["Linf", "gradLinf"] as const).map((part) => symmetricGain(beamCoreGainMeasure(term, part))),
);
