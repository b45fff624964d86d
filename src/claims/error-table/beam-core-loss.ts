import type { Beam } from "../../construction/beam/beam.ts";
import { bumpMultiplicity } from "../../construction/beam/bump-multiplicity.ts";
import { bumpNodes } from "../../construction/beam/bump-polar-nodes.ts";
import { beamCoreLossWindow } from "../../construction/beam-core/beam-core-loss.ts";
import { lineGradientSup, lineKernel } from "../../construction/beam-core/line-kernels.ts";
import { coreLogAmplitude } from "../../construction/core/core.ts";
import { estimate } from "../../math/estimate.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement, ZPart } from "./error-term.ts";
import { Z_PARTS } from "./error-term.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";

/**
 * The error-table measures of Q⁻(f_b, f_r) (Lemma 4.4) in the four Z-norm parts: the unit, the
 * quadrature difference (bump nodes 24 against 16), the line-kernel errors and the bracket. The
 * kernel (f_b A[f_r] over the core crossing) is construction/beam-core/beam-core-loss.ts.
 */
function beamCoreLossMeasure(part: ZPart): ErrorTermMeasure {
  return {
    term: "Q-(fb,fr)",
    part,
    paper: lemma44Bound,
    measure(beam: Beam, w: DuhamelWindow): TermMeasurement {
      const { M, s, s0, lnN } = beam.params;
      const coreR = beam.params.constants.coreRadius;
      const n = (M * (M + 1)) / 2;
      const m = bumpMultiplicity(beam);
      // unit: 2π Amp N⁻³ M^{1−s} (β f_b without the node factors) and the part's prefactor / scalings
      const lnM = Math.log(M);
      const ln100M = Math.log(coreR * M);
      // c_b M^{1−s}: the beam's amplitude (log c_b = 0 for the paper's c_b = 1)
      const base =
        Math.log(2 * Math.PI) +
        coreLogAmplitude(beam) -
        3 * lnN +
        (1 - s) * lnM +
        Math.log(beam.params.constants.beamAmplitude);
      const logUnit =
        part === "L2"
          ? s0 * lnM + base - 1.5 * ln100M + 0.5 * Math.log(n)
          : part === "gradL2"
            ? (s0 - 1) * lnM + base - 1.5 * ln100M + 0.5 * Math.log(n)
            : part === "Linf"
              ? base + Math.log(n)
              : -lnM + base + Math.log(n);
      const fine = beamCoreLossWindow(beam, part, w, bumpNodes(beam, 24));
      const coarse = beamCoreLossWindow(beam, part, w, bumpNodes(beam, 16));
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const linear = part === "Linf" || part === "gradLinf";
      const mult = linear ? 1 : Math.sqrt(m);
      const kernelRel = linear
        ? 0
        : lineKernel(beam.cutoff, "plain").relErr +
          lineKernel(beam.cutoff, "grad").relErr +
          lineKernel(beam.cutoff, "abs").relErr;
      const lo = Math.max(0, fine.lo * (1 - kernelRel) - quadErr);
      const hi = (fine.hi * (1 + kernelRel) + quadErr) * mult;
      const unit = Math.exp(logUnit);
      const rigorousTwoSided = mult === 1;
      const method = `reduction of f_r to Λ(τ,0,0) (e^{±Δ}); A[f_r] = 2π Amp N⁻³ e^{−Λ}χ(100Mx)(|v|c₁ + m₄/(3N²|v|)) exactly for the reduced core; f_b bracketed over the core crossing; ${linear ? "sup over x bracketed (line through the centre crossing right after t0 / bound over every line)" : "exact line-autocorrelation cell kernels, 64 cells"}; n × one bump, Gauss–Legendre 24² vs 16²${mult > 1 ? `; overlapping bumps: Σ‖G_k‖² ≤ ‖G‖² ≤ ${m}·Σ‖G_k‖²` : ""}`;
      const where = {
        reduction: "Q⁻(f_b,f_r) = f_b A[f_r], A[f_r] ≈ 2π|v|ρ_r",
        bracket: [lo * unit, hi * unit],
        multiplicity: m,
        ...(part === "gradLinf" ? { lineGradientSup: lineGradientSup(beam.cutoff) } : {}),
      };
      if (rigorousTwoSided) {
        return {
          value: estimate(
            0.5 * (lo + hi) * unit,
            0.5 * (hi - lo) * unit,
            "derived",
            `${method}; value ± half-width of the rigorous bracket`,
          ),
          window: w,
          where,
        };
      }
      return {
        value: estimate(lo * unit, 0, "derived", `${method}; lower end of the bracket`, {
          lowerBound: true,
        }),
        upperBound: estimate(
          hi * unit,
          0,
          "derived",
          "upper end of the bracket (Cauchy–Schwarz over overlapping bumps)",
        ),
        window: w,
        where,
      };
    },
  };
}

/** Q⁻(f_b, f_r) in the four Z-norm parts. */
export const BEAM_CORE_LOSS_MEASURES: readonly ErrorTermMeasure[] =
  Z_PARTS.map(beamCoreLossMeasure);
