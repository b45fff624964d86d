import { gaussLegendre } from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { coreDecay } from "../core/core-decay.ts";
import { transportLikeConstants } from "../geometry/cutoff-constants.ts";
import {
  planeSectionNodes,
  sectionNodeBuffers,
  velocityNodeBuffers,
  velocityNodes,
} from "../geometry/plane-section-nodes.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import type { DuhamelWindow } from "../parameters/duhamel-window.ts";
import {
  bandRemainderSquared,
  bumpAxialGeometry,
  coreProfileNorms,
  fbVelocityLipschitz,
  gainRemainderGeometry,
  remainderGradientFactors,
  slabRemainderSquared,
} from "./beam-core-gain-remainder.ts";
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
import { lineKernel } from "./line-kernels.ts";

/**
 * The L² parts of Q⁺(f_b,f_r) = Q⁺(f_r,f_b) (Lemma 4.4) with the reduction of f_r: for |v| ≥ v₁
 *   Q⁺(τ, y, v) = (2 Amp E(τ) χ(100My) N⁻³ c₁/|v|) P_b(τ, y, v) + R,  P_b = ∫_{p·v = |v|²} f_b(τ, y, p) dA(p),
 * and for |v| < v₁ only the slab bound (beam-core-gain-remainder.ts, which derives R, the slab and
 * their x-gradients). The norms are quadratic in P_b, so the v-integral is done by quadrature. For y
 * in the core, f_b(τ, y, p) = M^{1−s} Σ_k I_k(p) K_k(y − τp) ∈ M^{1−s} Σ_k I_k [K^lo, K^hi](τ, p) (as for
 * Q⁻), and P_b is a sum over bumps of plane integrals P_k ≥ 0. Per bump, in its frame (e = ẑ, v = r ω̂,
 * c = cos∠(ω̂, e), s = sin), with p = a e + q, |q| ≤ ρ:
 *   P_k(r, c) = (1/c) ∫_{disk} I K d²q at a = (r − q₁s)/c   (ρs ≤ 0.1c),
 *            = (1/s) ∫_{0.9}^{1.1} da ∫ dq₂ I K at q₁ = (r − ac)/s   (otherwise)
 * (Gauss–Legendre on the boxes, plane-section-nodes.ts). The x-norms of
 * G(x, v) = (2Amp c₁N⁻³/|v|) ∫ E P_k χ(100M(x − (t−τ)v)) dτ are the exact cell-kernel forms of
 * Q⁻(f_b,f_r) (64 cells; P bracketed per cell by K monotone in τ; for ∇x the χ' term with ψ∇/ψ|∇|,
 * the ∇K term with gradKBound, the ∇Λ term with D). The v-integral of one bump is 2π ∫dr ∫dc r²
 * (azimuthal symmetry of the bump frame), in r-segments split at v₁ and at the candidates
 * r*·4^{−j} (j = 1…4, r* = 2/(100M(t − t0)) the speed whose core crossing lasts the whole window),
 * the sums kept per segment. Over bumps: every bump gives the same, and since all P_k ≥ 0,
 * n‖G_1‖² ≤ ‖Σ G_k‖² ≤ n·n‖G_1‖² (upper end with the crude multiplicity n).
 *
 * The bracket, in the measure's unit (which carries √n):
 *   lower = max over candidates v_lo ≥ v₁ of [ ‖main 1_{|v| ≥ v_lo}‖ − ‖R 1_{|v| ≥ v_lo}‖ ]
 *     (‖Q⁺‖ ≥ ‖Q⁺ 1_{|v|≥v_lo}‖; the slab never enters the lower end; a larger v_lo drops a little
 *     of the main term and much of R, whose L² mass sits at small |v|);
 *   upper = √n ‖main‖ + ‖R 1_{|v| ≥ v₁}‖ + ‖slab 1_{|v| < v₁}‖ (main ≥ 0 over all |v|).
 * R and the slab are carried into L²_x by Minkowski, with the number of bumps one plane (or slab)
 * can meet counted exactly from the lattice (lattice-band-count.ts) instead of n. For ∇x the
 * gradient pieces of beam-core-gain-remainder.ts; for gradL2 the lower end of the main term
 * subtracts all three error forms (half-width, ∇f_b, ∇Λ).
 */

const { lo: hLoC, hi: hHiC, grad: gC, dLambda: dC } = cellProfiles;
const { w: secW, a: secA, q: secQ } = sectionNodeBuffers();
const { r: velR, c: velC, w: velW } = velocityNodeBuffers();

/** The r-breaks [0, v₁, candidates…, rMax] of one window (candidates r*·4^{−j} ≥ v₁, below rMax/2). */
export function velocityBreaks(beam: Beam, w: DuhamelWindow): number[] {
  const { M } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const rho = bumpRadius(beam.bump);
  const rMax = Math.sqrt(bumpAxialGeometry(beam).a1Sq + rho * rho);
  const { v1 } = gainRemainderGeometry(beam);
  const rStar = 2 / (coreR * M * (w.t - w.t0));
  const out = [0, v1];
  for (let j = 4; j >= 1; j--) {
    const b = rStar / 4 ** j;
    if (b > out[out.length - 1] * (1 + 1e-9) && b < rMax / 2) out.push(b);
  }
  out.push(rMax);
  return out;
}

/**
 * One window, per r-segment [breaks[i], breaks[i+1]]: the sums [lo², hi², main², e1, e2, e3] of
 * {@link addCellForms} (6 per segment, in units of the measure without √n). Gauss–Legendre with
 * `nvBig` nodes in r on the last segment, `nvSmall` on the others, `nvBig` in c, nq² on the plane.
 */
export function beamCoreGainL2Window(
  beam: Beam,
  part: "L2" | "gradL2",
  w: DuhamelWindow,
  breaks: readonly number[],
  nvBig: number,
  nvSmall: number,
  nq: number,
): Float64Array {
  const { M } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const rho = bumpRadius(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const delta = 1 / (coreR * M);
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
  const node = { wv: 0, I: 0, vn: 0, r: 0, perp: 0, ax: 0 };
  const nSeg = breaks.length - 1;
  const out = new Float64Array(6 * nSeg);
  for (let seg = 0; seg < nSeg; seg++) {
    const sums = out.subarray(6 * seg, 6 * seg + 6);
    const gv = gaussLegendre(seg === nSeg - 1 ? nvBig : nvSmall);
    const gc = gaussLegendre(nvBig);
    const nVel = velocityNodes(
      rho,
      gv.nodes,
      gv.weights,
      breaks[seg],
      breaks[seg + 1],
      gc.nodes,
      gc.weights,
      alpha,
    );
    for (let iv = 0; iv < nVel; iv++) {
      const r = velR[iv];
      const c = velC[iv];
      pLo.fill(0);
      pHi.fill(0);
      pGr.fill(0);
      const count = planeSectionNodes(rho, r, c, gq.nodes, gq.weights, phi, alpha);
      if (count === 0) continue;
      for (let j = 0; j < count; j++) {
        const wI = secW[j];
        const a = secA[j];
        node.perp = M * secQ[j];
        node.ax = a;
        for (let k = 0; k <= NC; k++) {
          pLo[k] += wI * kLo(phi, node.perp, a, taus[k], delta, 1 / coreR);
          pHi[k] += wI * kHi(phi, node.perp, a, taus[k], delta, 1 / coreR);
          if (part === "gradL2" && k < NC)
            pGr[k] += wI * gradKBound(beam, tc.H, node, taus[k], taus[k + 1], delta);
        }
      }
      const lam = coreR * M * r;
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
      addCellForms(sums, part, scale, coreR * M, Kp, Kg, Ka);
    }
  }
  return out;
}

/** Lower (from segment `from` on) and upper (all segments) ends of the main term, without √n. */
export function mainEnds(
  part: "L2" | "gradL2",
  sums: Float64Array,
  from: number,
): { lo: number; hi: number } {
  const nSeg = sums.length / 6;
  const acc = (idx: number, start: number) => {
    let s = 0;
    for (let seg = start; seg < nSeg; seg++) s += sums[6 * seg + idx];
    return s;
  };
  if (part === "L2") return { lo: Math.sqrt(acc(LO2, from)), hi: Math.sqrt(acc(HI2, 0)) };
  const err = (start: number) =>
    Math.sqrt(acc(E1, start)) + Math.sqrt(acc(E2, start)) + Math.sqrt(acc(E3, start));
  return {
    lo: Math.sqrt(acc(MAIN2, from)) - err(from),
    hi: Math.sqrt(acc(MAIN2, 0)) + err(0),
  };
}

/**
 * ‖R 1_{|v| ≥ vLo}‖ and ‖slab 1_{|v| < v₁}‖ in the measure's unit: (∫⟨v⟩²e^{2⟨v⟩²}B²dv)^{1/2} ‖χ‖₂
 * ∫_{t0}^{t} E e^{Δ} dτ / √n (the unit's (100M)^{−3/2} is ‖χ(100M·)‖₂'s), times L_b(t) for R, and for
 * gradL2 times the multipliers of {@link remainderGradientFactors}.
 */
export function gainRemainderInUnit(
  beam: Beam,
  part: "L2" | "gradL2",
  w: DuhamelWindow,
  vLo: number,
): { band: number; slab: number; bandCounts: number[]; slabCounts: number[] } {
  const dec = coreDecay(beam);
  const n = beam.lattice.count;
  const IE = dec.integrate(w.t0, w.t, (t, E) => E * Math.exp(dec.delta(t)));
  const { phiL2 } = coreProfileNorms(beam);
  const { Lb } = fbVelocityLipschitz(beam, w.t);
  const f = (phiL2 * (IE.value + IE.error)) / Math.sqrt(n);
  const g = part === "gradL2" ? remainderGradientFactors(beam, w.t, dec.gradBound(w.t)) : undefined;
  const b = bandRemainderSquared(beam, vLo);
  const s = slabRemainderSquared(beam);
  return {
    band: Math.sqrt(b.value) * Lb * f * (g ? g.bandL2 : 1),
    slab: Math.sqrt(s.value) * f * (g ? g.slabL2 : 1),
    bandCounts: b.counts,
    slabCounts: s.counts,
  };
}
