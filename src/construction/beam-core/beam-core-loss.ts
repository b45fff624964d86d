import type { ZPart } from "../../kinetic/z-parts.ts";
import type { Beam } from "../beam/beam.ts";
import { bumpMultiplicity } from "../beam/bump-multiplicity.ts";
import type { BumpNode } from "../beam/bump-polar-nodes.ts";
import { coreDecay } from "../core/core-decay.ts";
import { halfXray } from "../geometry/core-profile-integrals.ts";
import { transportLikeConstants } from "../geometry/cutoff-constants.ts";
import type { DuhamelWindow } from "../parameters/duhamel-window.ts";
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
import { gradKBound, kHi, kLo } from "./core-crossing.ts";
import { lineGradientSup, lineKernel } from "./line-kernels.ts";

/**
 * Q⁻(f_b, f_r)(τ, y, v) = f_b(τ, y, v) A[f_r](τ, y, v). On the support of f_b, |v| ≥ 0.9 ≫ 1/N and
 *   A[F₀](τ, y, v) = 2π Amp E(τ) χ(100My) N⁻⁴ a(N|v|) = 2π Amp N⁻³ E(τ) χ(100My) (|v| c₁ + m₄/(3N²|v|))
 * exactly for the reduced core F₀ (a(r) = r c₁ + m₄/(3r) for r ≥ 1, c₁ = ∫χ, m₄ = 4π∫φρ⁴), and A[f_r]
 * is within e^{±Δ} of it; this is the "A[f_r] ≈ 2π|v|ρ_r" reduction with its error made exact.
 * By free transport f_b(τ, x − (t−τ)v, v) = f_b(t, x, v), so the Duhamel integral is
 *   G(x, v) = β(v) f_b(t, x, v) ∫_{t0}^{t} e^{−Λ} χ(100M(x − (t−τ)v)) dτ,  β = 2π Amp N⁻³(|v|c₁ + m₄/(3N²|v|)),
 * a line integral through the core (length 2/λ in τ, λ = 100M|v|) times f_b at x. Wherever the line
 * is in the core at time τ, x − vt = y − τv with |y| ≤ δ = 1/(100M), so
 *   f_b(t, x, v) ∈ M^{1−s} Σ_k I_k(v) [K_k^lo(τ, v), K_k^hi(τ, v)],
 * K^lo = φ(Mτ|P⊥v| + 0.01) φ(τ|P v| + δ), K^hi = φ((Mτ|P⊥v| − 0.01)₊) φ((τ|P v| − δ)₊) (φ nonincreasing),
 * both nonincreasing in τ. With h = e^{−Λ} f_b bracketed cell by cell (64 cells per window) the parts
 * are:
 *   L^∞_x: sup_x G ∈ β [h^lo(t0 + 2/λ), h^hi(t0)] X_c, X_c = (2/λ)∫_0^1 φ (the line through the centre
 *          crossing right after t0 gives the lower end; the upper end bounds every line);
 *   ∇ L^∞_x: |∇G| ≤ β(|∇f_b| ℓ + f_b |∇ℓ|), |∇ℓ| ≤ e^{−Λ}(100M/λ)(Γ + variation) + ∫e^{−Λ}|∇Λ|χ, with
 *          Γ = {@link lineGradientSup}; the lower end is the line realizing Γ with its cut at t0;
 *   L²_{x}: ∫∫ h(τ)h(τ') k(τ−τ') with the exact cell kernels of {@link lineKernel} (h^lo ≤ h ≤ h^hi);
 *   ∇ L²_x: the same with ψ∇ for f_b∇ℓ (h at the cell midpoint, the half-width with ψ|∇|), plus the
 *          ∇f_b and ∇Λ terms with ψ; the lower end is main − (half-width + ∇f_b + ∇Λ forms), the
 *          upper end main + the three (triangle inequality both ways).
 * Every bump contributes the same (the core is radial and e^{−Λ₀} is a function of τ only), so the
 * v-integrals are n = M(M+1)/2 times one bump's, in its frame (Gauss–Legendre in the axial and radial
 * bump coordinates, 24² vs 16² nodes). Where bumps overlap (`as-written`), the L¹_v parts are linear
 * in f_b (exact), and the L² parts are bracketed by Σ_k‖G_k‖² ≤ ‖G‖² ≤ m Σ_k‖G_k‖² (m = the largest
 * number of bumps at one velocity, {@link bumpMultiplicity}; all G_k ≥ 0): the value is then the
 * lower end (`lowerBound`) with the upper end as `upperBound`.
 */

const { lo: hLoC, hi: hHiC, grad: gC, dLambda: dC } = cellProfiles;

/**
 * One window of Q⁻(f_b,f_r) for one part, summed over the bump nodes: returns the bracket of the
 * part's value divided by exp(logUnit) (before the factor n and the multiplicity bracket).
 */
export function beamCoreLossWindow(
  beam: Beam,
  part: ZPart,
  w: DuhamelWindow,
  nodes: readonly BumpNode[],
): { lo: number; hi: number; main: number; err: number } {
  const { M, lnN } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const delta = 1 / (coreR * M);
  const L = w.t - w.t0;
  const invN2 = Math.exp(-2 * lnN);
  let lo = 0;
  let hi = 0;
  const sums = new Float64Array(6);
  const cw = L / NC;
  const Ecell = new Float64Array(NC + 1);
  const Dl = new Float64Array(NC + 1);
  const Dg = new Float64Array(NC + 1);
  for (let i = 0; i <= NC; i++) {
    const tau = w.t0 + i * cw;
    Ecell[i] = Math.exp(-dec.lambda0(tau));
    Dl[i] = dec.delta(tau);
    Dg[i] = dec.gradBound(tau);
  }
  const Kp = new Float64Array(NC);
  const Kg = new Float64Array(NC);
  const Ka = new Float64Array(NC);
  for (const nd of nodes) {
    const lam = coreR * M * nd.vn;
    const b = nd.vn * tc.c1 + (tc.m4 * invN2) / (3 * nd.vn);
    const wgt = nd.wv * Math.sqrt(1 + nd.vn * nd.vn) * Math.exp(1 + nd.vn * nd.vn);
    if (part === "Linf" || part === "gradLinf") {
      const span = Math.min(L, 2 / lam);
      const ta = w.t0 + span;
      const Xc = (2 / lam) * halfXray(phi, 0.5 * lam * span);
      const E0 = Math.exp(-dec.lambda0(w.t0));
      const Ea = Math.exp(-dec.lambda0(ta));
      const dT = dec.delta(w.t);
      const hLo = Ea * Math.exp(-dT) * nd.I * kLo(phi, nd.perp, nd.ax, ta, delta, 1 / coreR);
      const kh0 = kHi(phi, nd.perp, nd.ax, w.t0, delta, 1 / coreR);
      const hHi = E0 * Math.exp(dT) * nd.I * kh0;
      if (part === "Linf") {
        lo += wgt * b * hLo * Xc;
        hi += wgt * b * hHi * Xc;
      } else {
        const G = lineGradientSup(beam.cutoff);
        const full = L * lam >= 2;
        const varE = Math.max(E0 * Math.expm1(dT), E0 - Ea * Math.exp(-dT));
        const gradF = nd.I * gradKBound(beam, tc.H, nd, w.t0, ta, delta);
        const side = E0 * Math.exp(dT) * (gradF + nd.I * kh0 * dec.gradBound(w.t)) * Xc;
        const up =
          ((coreR * M) / lam) * (hHi * (full ? G.hi : 2 * tc.d1) + nd.I * kh0 * varE * 2 * tc.d1) +
          side;
        const down = full
          ? ((coreR * M) / lam) *
              (nd.I *
                kLo(phi, nd.perp, nd.ax, ta, delta, 1 / coreR) *
                (E0 * G.lo - varE * 2 * tc.d1)) -
            side
          : 0;
        lo += wgt * b * Math.max(0, down);
        hi += wgt * b * up;
      }
      continue;
    }
    // L² parts: cells on [t0, t]
    const u = lam * cw;
    const kp = lineKernel(beam.cutoff, "plain");
    const kg = lineKernel(beam.cutoff, "grad");
    const ka = lineKernel(beam.cutoff, "abs");
    fillCellKernels(kp, kg, ka, u, part === "gradL2", Kp, Kg, Ka);
    for (let c = 0; c < NC; c++) {
      const ta = w.t0 + c * cw;
      const tb = ta + cw;
      hHiC[c] =
        Ecell[c] * Math.exp(Dl[c + 1]) * nd.I * kHi(phi, nd.perp, nd.ax, ta, delta, 1 / coreR);
      hLoC[c] =
        Ecell[c + 1] * Math.exp(-Dl[c + 1]) * nd.I * kLo(phi, nd.perp, nd.ax, tb, delta, 1 / coreR);
      if (part === "gradL2") {
        gC[c] = Ecell[c] * Math.exp(Dl[c + 1]) * nd.I * gradKBound(beam, tc.H, nd, ta, tb, delta);
        dC[c] = hHiC[c] * Dg[c + 1];
      }
    }
    const wv2 = (1 + nd.vn * nd.vn) * Math.exp(2 + 2 * nd.vn * nd.vn);
    addCellForms(sums, part, (nd.wv * wv2 * b * b) / (lam * lam), coreR * M, Kp, Kg, Ka);
  }
  if (part === "gradL2") {
    const main = Math.sqrt(sums[MAIN2]);
    const e1 = Math.sqrt(sums[E1]);
    const e23 = Math.sqrt(sums[E2]) + Math.sqrt(sums[E3]);
    // ‖∇G‖ ≥ ‖main‖ − ‖half-width‖ − ‖∇f_b term‖ − ‖∇Λ term‖: the ∇f_b and ∇Λ forms can cancel the
    // main one, so the rigorous lower end subtracts all three (as Q⁺(f_b,f_r) does)
    return { lo: Math.max(0, main - e1 - e23), hi: main + e1 + e23, main, err: e23 };
  }
  if (part === "L2") return { lo: Math.sqrt(sums[LO2]), hi: Math.sqrt(sums[HI2]), main: 0, err: 0 };
  return { lo, hi, main: 0, err: 0 };
}
