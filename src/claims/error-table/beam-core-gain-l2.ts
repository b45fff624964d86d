import type { Beam } from "../../construction/beam.ts";
import { coreLogAmplitude } from "../../construction/core.ts";
import { bumpRadius } from "../../construction/velocity-bumps.ts";
import { estimate } from "../../math/estimate.ts";
import { gaussLegendre } from "../../math/gauss-legendre.ts";
import {
  addCellForms,
  cellProfiles,
  E1,
  E2,
  E3,
  fillCellKernels,
  HI2,
  LO2,
  MAIN2,
  NC,
} from "./cell-forms.ts";
import { planeIntegral, transportLikeConstants } from "./core-profile-integrals.ts";
import { gradKBound, kHi, kLo } from "./core-crossing.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement } from "./error-term.ts";
import { lemma44Bound } from "./lemma-4-4-bound.ts";
import { lineKernel } from "./line-kernels.ts";
import { planeSectionNodes, sectionNodeBuffers, velocityNodeBuffers, velocityNodes } from "./plane-section-nodes.ts";
import { coreDecay, radialIntegral } from "./transport-term.ts";

/**
 * The L² parts of Q⁺(f_b,f_r) = Q⁺(f_r,f_b) with the reduction above: for |v| ≥ v₁
 *   Q⁺(τ, y, v) = (2 Amp E(τ) χ(100My) N⁻³ c₁/|v|) P_b(τ, y, v) + R,  P_b = ∫_{p·v = |v|²} f_b(τ, y, p) dA(p).
 * The norms are quadratic in P_b, so the v-integral is done by quadrature. For y in the core,
 * f_b(τ, y, p) = M^{1−s} Σ_k I_k(p) K_k(y − τp) ∈ M^{1−s} Σ_k I_k [K^lo, K^hi](τ, p) (as for Q⁻), and
 * P_b is a sum over bumps of plane integrals P_k ≥ 0. Per bump, in its frame (e = ẑ, v = r ω̂,
 * c = cos∠(ω̂, e), s = sin), with p = a e + q, |q| ≤ ρ:
 *   P_k(r, c) = (1/c) ∫_{disk} I K d²q at a = (r − q₁s)/c   (ρs ≤ 0.1c),
 *            = (1/s) ∫_{0.9}^{1.1} da ∫ dq₂ I K at q₁ = (r − ac)/s   (otherwise)
 * (Gauss–Legendre on the boxes; supports: r ∈ [0, √(1.1² + ρ²)], c ∈ [(r − ρ)/1.1, (r + ρ)/0.9]).
 * The x-norms of G(x, v) = (2Amp c₁N⁻³/|v|) ∫ E P_k χ(100M(x − (t−τ)v)) dτ are the exact cell-kernel
 * forms of Q⁻(f_b,f_r) (64 cells; P bracketed per cell by K monotone in τ; for ∇x the χ' term with
 * ψ∇/ψ|∇|, the ∇K term with gradKBound, the ∇Λ term with D). The v-integral of one bump is
 * 2π ∫dr ∫dc r² (azimuthal symmetry of the bump frame). Over bumps: every bump gives the same, and
 * since all P_k ≥ 0, n‖G_1‖² ≤ ‖Σ G_k‖² ≤ n·n‖G_1‖² (the planes of one v meet several bumps; the
 * crude multiplicity n is used): the value is the bracket's midpoint ± its half-width. The remainder R (|v| ≥ v₁) and the slab bound (|v| < v₁) of the L^∞ parts are carried
 * into L² by Minkowski (‖∫ E χ(100M·) dτ‖_{L²} ≤ ‖χ(100M·)‖₂ ∫E), the area of the plane ∩ enlarged
 * bumps bounded by n·A_max,ε; they widen the bracket (and dominate it: the slab term over |v| < v₁,
 * ∝ √v₁ n A_max, exceeds the main term at M = 4, 8, 16, so the lower end is 0 there; `where` keeps
 * the main term's own bracket) (for ∇x multiplied by the same factor as in the
 * L^∞ code, which is a bound of the x-Lipschitz constant of f_b and χ(100M·), not of ∇R proven here).
 */

const { lo: hLoC, hi: hHiC, grad: gC, dLambda: dC } = cellProfiles;
const { w: secW, a: secA, q: secQ } = sectionNodeBuffers();
const { r: velR, c: velC, w: velW } = velocityNodeBuffers();

function beamCoreGainL2Window(
  beam: Beam,
  part: "L2" | "gradL2",
  w: DuhamelWindow,
  nv: number,
  nq: number,
): { lo: number; hi: number } {
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const rho = bumpRadius(beam.bump);
  const delta = 1 / (100 * M);
  const L = w.t - w.t0;
  const cw = L / NC;
  const Ecell = new Float64Array(NC + 1);
  const Dl = new Float64Array(NC + 1);
  const Dg = new Float64Array(NC + 1);
  const taus = new Float64Array(NC + 1);
  for (let i = 0; i <= NC; i++) {
    const tau = w.t0 + i * cw;
    taus[i] = tau;
    Ecell[i] = Math.exp(-dec.lambda0(tau));
    Dl[i] = dec.delta(tau);
    Dg[i] = dec.gradBound(tau);
  }
  const gv = gaussLegendre(nv);
  const gq = gaussLegendre(nq);
  const kp = lineKernel(beam.cutoff, "plain");
  const kg = lineKernel(beam.cutoff, "grad");
  const ka = lineKernel(beam.cutoff, "abs");
  const Kp = new Float64Array(NC);
  const Kg = new Float64Array(NC);
  const Ka = new Float64Array(NC);
  const pLo = new Float64Array(NC + 1);
  const pHi = new Float64Array(NC + 1);
  const pGr = new Float64Array(NC);
  const node = { wv: 0, I: 0, vn: 0, perp: 0, ax: 0 };
  const sums = new Float64Array(6);
  const nVel = velocityNodes(rho, gv.nodes, gv.weights);
  for (let iv = 0; iv < nVel; iv++) {
        const r = velR[iv];
        const c = velC[iv];
        pLo.fill(0);
        pHi.fill(0);
        pGr.fill(0);
        const count = planeSectionNodes(rho, r, c, gq.nodes, gq.weights, phi);
        if (count === 0) continue;
        for (let j = 0; j < count; j++) {
          const wI = secW[j];
          const a = secA[j];
          node.perp = M * secQ[j];
          node.ax = a;
          for (let k = 0; k <= NC; k++) {
            pLo[k] += wI * kLo(phi, node.perp, a, taus[k], delta);
            pHi[k] += wI * kHi(phi, node.perp, a, taus[k], delta);
            if (part === "gradL2" && k < NC)
              pGr[k] += wI * gradKBound(beam, tc.H, node, taus[k], taus[k + 1], delta);
          }
        }
        const lam = 100 * M * r;
        const u = lam * cw;
        fillCellKernels(kp, kg, ka, u, part === "gradL2", Kp, Kg, Ka);
        for (let k = 0; k < NC; k++) {
          hHiC[k] = Ecell[k] * Math.exp(Dl[k + 1]) * pHi[k];
          hLoC[k] = Ecell[k + 1] * Math.exp(-Dl[k + 1]) * pLo[k + 1];
          if (part === "gradL2") {
            gC[k] = Ecell[k] * Math.exp(Dl[k + 1]) * pGr[k];
            dC[k] = hHiC[k] * Dg[k + 1];
          }
        }
        // dv = 2π r² dr dc; (1/r)² from the prefactor; ⟨v⟩² e^{2⟨v⟩²}; ‖·‖²_x = (100M)⁻³ λ⁻² form
        const scale = (velW[iv] * (1 + r * r) * Math.exp(2 + 2 * r * r)) / (r * r * lam * lam);
        addCellForms(sums, part, scale, M, Kp, Kg, Ka);
  }
  if (part === "L2") return { lo: Math.sqrt(sums[LO2]), hi: Math.sqrt(sums[HI2]) };
  const main = Math.sqrt(sums[MAIN2]);
  const err = Math.sqrt(sums[E1]) + Math.sqrt(sums[E2]) + Math.sqrt(sums[E3]);
  return { lo: Math.max(0, main - err), hi: main + err };
}

/**
 * Remainder (band rotation, |v| ≥ v₁) and slab (|v| < v₁) bounds in L² (unit of the measure times
 * √n; see the comment above): ‖G_R‖ ≤ (∫dv ⟨v⟩²e^{2⟨v⟩²} B(v)²)^{1/2} ‖Φ‖₂ ∫E e^{Δ}.
 */
function beamCoreGainL2Remainder(beam: Beam, part: "L2" | "gradL2", w: DuhamelWindow): number {
  const { M, lnN } = beam.params;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const rho = bumpRadius(beam.bump);
  const n = (M * (M + 1)) / 2;
  const N = Math.exp(lnN);
  const c = 1 / (rho * M);
  const vmin = Math.exp(-0.9 * lnN);
  const v1 = Math.max(vmin, (10 * c * M) / N);
  const IE = dec.integrate(w.t0, w.t, (t, E) => E * Math.exp(dec.delta(t)));
  const phiL2 = Math.sqrt(radialIntegral((r) => phi(r) ** 2).value);
  const eps = 3.5 / (N * v1);
  const AmaxEps = 2 * (rho + eps) * Math.sqrt((0.2 + 2 * eps) ** 2 + 4 * (rho + eps) ** 2);
  const Lb = (dec.Tstar * (M + 1) + c * M + 10) * tc.d1;
  // |v| ≥ v₁: B = (1/|v|)(1.58/(N|v|)) 2.2 L_b n A_max,ε (in units 2Amp c₁ N⁻³ M^{1−s}) → ∫ 4π r² B² ≤ 4π K²/v₁
  const K = ((1.58 * 2.2) / N) * (Lb / 1) * n * AmaxEps;
  // ∫_{v₁}^{rMax} ⟨v⟩²e^{2⟨v⟩²}/r² dr ≤ e²/v₁ + e² rMax g(rMax), g(r) = ((1+r²)e^{2r²} − 1)/r² increasing
  const rMax = Math.sqrt(1.21 + rho * rho);
  const gMax = ((1 + rMax * rMax) * Math.exp(2 * rMax * rMax) - 1) / (rMax * rMax);
  const band2 = 4 * Math.PI * K * K * Math.exp(2) * (1 / v1 + rMax * gMax);
  // |v| < v₁: Q⁺ ≤ (1/|v|) 3P(0) n A_max / c₁ → ∫_{|v|<v₁} 4π r² B² = 4π v₁ (3P(0) n A_max/c₁)²
  const P0 = planeIntegral(phi, 0, 64);
  const Amax = 2 * rho * Math.sqrt(0.04 + 4 * rho * rho);
  const small2 =
    4 * Math.PI * (1 + v1 * v1) * Math.exp(2 + 2 * v1 * v1) * v1 * ((3 * P0 * n * Amax) / tc.c1) ** 2;
  const gradFactor = part === "gradL2" ? 100 * M * tc.d1 + (M + 1) * tc.d1 : 1;
  // in the measure's unit (which has (100M)^{-3/2} and √n): divide by √n, multiply by ‖Φ‖₂ ∫E
  return (
    ((Math.sqrt(band2) + Math.sqrt(small2)) * phiL2 * (IE.value + IE.error) * gradFactor) /
    Math.sqrt(n)
  );
}

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
      const n = (M * (M + 1)) / 2;
      const tc = transportLikeConstants(beam.cutoff);
      const lnM = Math.log(M);
      const ln100M = Math.log(100 * M);
      const base = Math.log(2 * tc.c1) + coreLogAmplitude(beam) - 3 * lnN + (1 - s) * lnM;
      const logUnit =
        (part === "L2" ? s0 * lnM : (s0 - 1) * lnM) + base - 1.5 * ln100M + 0.5 * Math.log(n);
      const fine = beamCoreGainL2Window(beam, part, w, 24, 16);
      const coarse = beamCoreGainL2Window(beam, part, w, 16, 12);
      const quadErr = Math.max(Math.abs(fine.lo - coarse.lo), Math.abs(fine.hi - coarse.hi));
      const kernelRel =
        lineKernel(beam.cutoff, "plain").relErr +
        (part === "gradL2"
          ? lineKernel(beam.cutoff, "grad").relErr + lineKernel(beam.cutoff, "abs").relErr
          : 0);
      // the remainder in this unit (‖χ(100M·)‖₂ = (100M)^{−3/2}‖Φ‖₂ is the unit's (100M)^{−3/2})
      const rem = beamCoreGainL2Remainder(beam, part, w);
      const lo = Math.max(0, fine.lo * (1 - kernelRel) - quadErr - rem);
      const hi = (fine.hi * (1 + kernelRel) + quadErr + rem) * Math.sqrt(n);
      const unit = Math.exp(logUnit);
      const method = `Q⁺(f_b,F) = (2 Amp E χ N⁻³ c₁/|v|) ∫_{p·v=|v|²} f_b dA + R; reduction of f_r (e^{±Δ}); plane integrals of one bump by Gauss–Legendre on the plane ∩ bump, f_b bracketed over the core crossing; exact line-autocorrelation cell kernels (64 cells); v = (r, cos θ) Gauss–Legendre 24² × plane 16² vs 16² × 12²; remainder and |v| < v₁ by Minkowski; overlapping plane supports: n‖G₁‖² ≤ ‖G‖² ≤ n²‖G₁‖²`;
      return {
        value: estimate(
          0.5 * (lo + hi) * unit,
          0.5 * (hi - lo) * unit,
          "derived",
          `${method}; value ± half-width of the bracket`,
        ),
        window: w,
        where: {
          symmetry: "Q⁺(f_r,f_b) = Q⁺(f_b,f_r) for hard spheres",
          bracket: [lo * unit, hi * unit],
          remainderInUnit: rem,
          planeBracketInUnit: [fine.lo, fine.hi],
          mainTermWithoutRemainder: [fine.lo * unit, fine.hi * unit * Math.sqrt(n)],
          quadratureDifference: quadErr,
        },
      };
    },
  };
}

/** Q⁺(f_b, f_r) = Q⁺(f_r, f_b), the L²_v H^{s0} parts (both term ids). */
export const BEAM_CORE_GAIN_L2_MEASURES: readonly ErrorTermMeasure[] = (
  ["Q+(fb,fr)", "Q+(fr,fb)"] as const
).flatMap((term) => (["L2", "gradL2"] as const).map((part) => beamCoreGainL2Measure(term, part)));
