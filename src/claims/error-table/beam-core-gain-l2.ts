import type { Beam } from "../../construction/beam/beam.ts";
import {
  beamCoreGainL2Window,
  gainRemainderInUnit,
  mainEnds,
  velocityBreaks,
} from "../../construction/beam-core/beam-core-gain-l2.ts";
import { lineKernel, SMALL_CELL_REL } from "../../construction/beam-core/line-kernels.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { transportLikeConstants } from "../../construction/geometry/cutoff-constants.ts";
import { estimate } from "../../math/estimate.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement } from "./error-term.ts";
import { symmetricGain } from "./gain-symmetry.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";

/**
 * The error-table measures of Q⁺(f_b, f_r) = Q⁺(f_r, f_b) (Lemma 4.4), L²_v H^{s0}_x parts: the unit,
 * the two node sets, the choice of the lower end's v_lo and the bracket. The kernel (plane
 * integrals of one bump in r-segments, cell forms, remainder and slab in the unit) is
 * construction/beam-core/beam-core-gain-l2.ts.
 */
function beamCoreGainL2Measure(
  term: "Q+(fb,fr)" | "Q+(fr,fb)",
  part: "L2" | "gradL2",
): ErrorTermMeasure {
  return {
    term,
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, s0, lnN } = beam.params;
      const coreR = beam.params.constants.coreRadius;
      const n = beam.lattice.count;
      const tc = transportLikeConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(coreR * M);
      const base =
        Math.log(2 * tc.c1) +
        coreLogAmplitude(beam) -
        3 * lnN +
        (1 - s) * lnM +
        Math.log(beam.params.constants.beamAmplitude);
      const logUnit =
        (part === "L2" ? s0 * lnM : (s0 - 1) * lnM) + base - 1.5 * ln100M + 0.5 * Math.log(n);
      const breaks = velocityBreaks(beam, w);
      const fine = beamCoreGainL2Window(beam, part, w, breaks, 24, 8, 16);
      const coarse = beamCoreGainL2Window(beam, part, w, breaks, 16, 6, 12);
      const kernelRel =
        SMALL_CELL_REL +
        lineKernel(beam.cutoff, "plain").relErr +
        (part === "gradL2"
          ? lineKernel(beam.cutoff, "grad").relErr + lineKernel(beam.cutoff, "abs").relErr
          : 0);
      // upper: √n ‖main‖ over all |v| + R over |v| ≥ v₁ + slab over |v| < v₁
      const fAll = mainEnds(part, fine, 0);
      const cAll = mainEnds(part, coarse, 0);
      const hiQuad = Math.abs(fAll.hi - cAll.hi);
      const remV1 = gainRemainderInUnit(beam, part, w, breaks[1]);
      const hi = (fAll.hi * (1 + kernelRel) + hiQuad) * Math.sqrt(n) + remV1.band + remV1.slab;
      // lower: best candidate v_lo ∈ breaks[1 … last − 1]
      let lo = 0;
      let best: Record<string, unknown> = { vLo: null };
      for (let j = 1; j < breaks.length - 1; j++) {
        const fl = mainEnds(part, fine, j).lo;
        const cl = mainEnds(part, coarse, j).lo;
        const rem = j === 1 ? remV1.band : gainRemainderInUnit(beam, part, w, breaks[j]).band;
        const cand = fl * (1 - kernelRel) - Math.abs(fl - cl) - rem;
        if (cand > lo) {
          lo = cand;
          best = { vLo: breaks[j], mainLowerInUnit: fl, remainderInUnit: rem };
        }
      }
      const unit = Math.exp(logUnit);
      const method = `Q⁺(f_b,F) = (2 Amp E χ N⁻³ c₁/|v|) ∫_{p·v=|v|²} f_b dA + R; reduction of f_r (e^{±Δ}); plane integrals of one bump by Gauss–Legendre on the plane ∩ bump, f_b bracketed over the core crossing; exact line-autocorrelation cell kernels (64 cells); v = (r, cos θ) Gauss–Legendre in r-segments split at v₁ and r*·4^{−j} (24 or 8 nodes) × 24 in c × plane 16² vs 16/6 × 16 × 12²; R (|v| ≥ v_lo) and the |v| < v₁ slab by Minkowski with the bumps one plane or slab can meet counted from the lattice; lower end: best v_lo of ‖main 1_{|v|≥v_lo}‖ − ‖R 1_{|v|≥v_lo}‖; upper: n‖G₁‖² ≤ ‖G‖² ≤ n²‖G₁‖² plus R and slab`;
      return {
        value: estimate(
          0.5 * (lo + hi) * unit,
          0.5 * (hi - lo) * unit,
          "derived",
          `${method}; value ± half-width of the rigorous bracket`,
        ),
        window: w,
        where: {
          symmetry: "Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres",
          bracket: [lo * unit, hi * unit],
          lowerEnd: best,
          remainderAtV1InUnit: remV1.band,
          slabInUnit: remV1.slab,
          bandCounts: remV1.bandCounts,
          slabCounts: remV1.slabCounts,
          mainTermWithoutRemainder: [
            mainEnds(part, fine, 1).lo * unit,
            fAll.hi * unit * Math.sqrt(n),
          ],
          quadratureDifference: hiQuad,
          velocityBreaks: breaks,
        },
      };
    },
  };
}

/** Q⁺(f_b, f_r) = Q⁺(f_r, f_b), the L²_v H^{s0} parts (both term ids). */
export const BEAM_CORE_GAIN_L2_MEASURES: readonly ErrorTermMeasure[] = (
  ["Q+(fb,fr)", "Q+(fr,fb)"] as const
).flatMap((term) =>
  (["L2", "gradL2"] as const).map((part) => symmetricGain(beamCoreGainL2Measure(term, part))),
);
