import { leftAnchoredRule } from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { bumpNodes } from "../beam/bump-polar-nodes.ts";
import { coreDecay } from "../core/core-decay.ts";
import { halfXray, planeIntegral } from "../geometry/core-profile-integrals.ts";
import { transportLikeConstants } from "../geometry/cutoff-constants.ts";
import { bumpRadius } from "../geometry/velocity-bumps.ts";
import type { DuhamelWindow } from "../parameters/duhamel-window.ts";
import {
  bandRotationConstants,
  bumpAxialGeometry,
  remainderGradientFactors,
} from "./beam-core-gain-remainder.ts";
import { gradKBound, kHi, kLo } from "./core-crossing.ts";
import { lineGradientSup } from "./line-kernels.ts";

/**
 * For hard spheres (ω over the whole sphere) Q⁺ is symmetric: in the Carleman form
 * Q⁺(f,g)(v) = 2∫∫ δ(y·w) f(v + y) g(v + w) dy dw, so Q⁺(f_r, f_b) = Q⁺(f_b, f_r) and both entries
 * of (4.1) are the same quantity (checked against collision.ts in the tests).
 *
 * One argument at |u| ≤ 1/N: Q⁺(f_b, F)(v) = 2∫dy |y|⁻¹ f_b(v + y) ∫_{w ⊥ y} F(v + w) dA(w). For the
 * reduced core F = Amp E χ(100My) χ(N·) the plane integral is Amp E χ(100My) N⁻² P(N|v·ŷ|),
 * P(d) = 2π∫_d^1 φρ dρ, which confines ŷ to the band |v·ŷ| ≤ 1/N around the great circle ⊥ v. In the
 * band angle α, N|v| sin α = s and cos α dα = ds/(N|v|) exactly, ∫P(|s|)ds = c₁, so
 *   Q⁺(f_b, F)(v) = (2 Amp E χ(100My) N⁻³ c₁ / |v|) ∫_{p·v = |v|²} f_b(p) dA(p) + R,
 * the post-collisional velocities v*, u* ≈ 0 lying on the sphere with diameter [0, v*]: v sees every
 * bump met by the plane through v perpendicular to v. The remainder comes from rotating the rays by
 * at most asin(1/(N|v|)): |R| ≤ (2 Amp E N⁻³/|v|) 2π c₁ L_b (1.58/(N|v|)) 2.2³/3, L_b the Lipschitz
 * constant of f_b(τ, y, ·) (M^{1−s}[τ(M+1) + cM + 10]‖φ'‖); only rays meeting the bumps enlarged by
 * ε = 2.2·1.58/(N|v|) count, so |R| ≤ (2 Amp E N⁻³ c₁/|v|)(1.58/(N|v|)) 2.2 L_b A_ε(v), A_ε the area of
 * the plane ∩ enlarged bumps, integrated by the same exchange (below). For |v| < v₁ = 10cM/N the
 * slab bound Q⁺ ≤ (2 Amp E N⁻³/|v|) 3P(0) M^{1−s} n A_max (the band is a slab of width 2.4/(N|v|)
 * about the plane; A_max the largest plane section of a bump) is integrated instead. These bounds need
 * N ≫ (cM)²·100M: at M = 4 (N ≈ 10⁶) they dominate the bracket, from M = 8 on they are ≲ 2 %.
 *
 * The L¹_v parts are linear in the plane integrals, so the v-integral is exchanged with them:
 *   ∫dv Ψ(|v|) ∫_{p·v̂ = |v|} g(p) dA(p) = ∫dp g(p) 2π ∫_0^1 (|p|c)² Ψ(|p|c) dc
 * (v = rω̂, ∫r²dr δ(p·ω̂ − r)), and g = M^{1−s} Σ_k I_k K_k^{lo/hi}(−pτ) is n times one bump in its
 * frame. The sup over x and its bracket are those of Q⁻(f_b,f_r) with the plane integrals in place
 * of f_b(t,x,v) (the line crosses the core in τ-length 2/(100M|v|), which for small |v| exceeds the
 * window: then the crossing is truncated, X_c = (2/λ)∫_0^{λL/2}φ, and the gradient's lower end is
 * not used). For ∇x the remainder and slab bounds are multiplied by the factors derived in
 * beam-core-gain-remainder.ts ({@link remainderGradientFactors}: 100M‖φ'‖ + D + L_∇b/L_b for R,
 * 100M‖φ'‖ + D + √(M² + 1)‖φ'‖ for the slab; the part's M⁻¹ is in the unit, not in the factor).
 * The L² parts are quadratic in the plane integrals: beam-core-gain-l2.ts.
 */
export function beamCoreGainLinf(
  beam: Beam,
  part: "Linf" | "gradLinf",
  w: DuhamelWindow,
  nb: number,
  nc: number,
): { lo: number; hi: number } {
  const { M, lnN } = beam.params;
  const coreR = beam.params.constants.coreRadius;
  const { phi } = beam.cutoff;
  const dec = coreDecay(beam);
  const tc = transportLikeConstants(beam.cutoff);
  const delta = 1 / (coreR * M);
  const L = w.t - w.t0;
  const nodes = bumpNodes(beam, nb);
  const cX = new Float64Array(nc);
  const cW = new Float64Array(nc);
  const vmin = Math.exp(-0.9 * lnN);
  const G = lineGradientSup(beam.cutoff);
  const E0 = Math.exp(-dec.lambda0(w.t0));
  const dT = dec.delta(w.t);
  const rStar = 2 / (coreR * M * L); // λL = 2 at |v| = r*
  let lo = 0;
  let hi = 0;
  for (const nd of nodes) {
    const pn = nd.vn;
    const cMin = Math.max(vmin, (10 * M) / (bumpRadius(beam.bump) * M * Math.exp(lnN))) / pn;
    const cStar = Math.min(1, Math.max(cMin, rStar / pn));
    for (const [c0, c1] of [
      [cMin, cStar],
      [cStar, 1],
    ] as const) {
      if (c1 <= c0) continue;
      leftAnchoredRule(nc, c0, 0.5 * (c1 - c0), cX, cW);
      for (let i = 0; i < nc; i++) {
        const c = cX[i];
        const r = pn * c;
        const wc = cW[i] * 2 * Math.PI;
        // (cMin from v₁ = 10cM/N: the plane formula is used for |v| ≥ v₁ only)
        const lam = coreR * M * r;
        const span = Math.min(L, 2 / lam);
        const ta = w.t0 + span;
        // r · X_c(r) = (2/(100M)) ∫_0^{λ span/2} φ
        const rXc = (2 / (coreR * M)) * halfXray(phi, 0.5 * lam * span);
        const wr = Math.sqrt(1 + r * r) * Math.exp(1 + r * r);
        const Ea = Math.exp(-dec.lambda0(ta));
        const kl = kLo(phi, nd.perp, nd.ax, ta, delta, 1 / coreR);
        const kh = kHi(phi, nd.perp, nd.ax, w.t0, delta, 1 / coreR);
        // (|p|c)² Ψ(|p|c) with Ψ = w · (1/r) · [sup_x bracket] — the factor 2 Amp N⁻³ c₁ M^{1−s} is in the unit
        if (part === "Linf") {
          lo += nd.wv * nd.I * wc * wr * Ea * Math.exp(-dT) * kl * rXc;
          hi += nd.wv * nd.I * wc * wr * E0 * Math.exp(dT) * kh * rXc;
        } else {
          const full = lam * L >= 2;
          const varE = Math.max(E0 * Math.expm1(dT), E0 - Ea * Math.exp(-dT));
          const gradF = gradKBound(beam, tc.H, nd, w.t0, ta, delta);
          // r² · (1/r) · (100M/λ) = 1
          const side = E0 * Math.exp(dT) * (gradF + kh * dec.gradBound(w.t)) * rXc;
          const up =
            E0 * Math.exp(dT) * kh * (full ? G.hi : 2 * tc.d1) + kh * varE * 2 * tc.d1 + side;
          const down = full ? kl * (E0 * G.lo - varE * 2 * tc.d1) - side : 0;
          lo += nd.wv * nd.I * wc * wr * Math.max(0, down);
          hi += nd.wv * nd.I * wc * wr * up;
        }
      }
    }
  }
  // small |v| and the band-rotation remainder, in the unit 2c₁ Amp N⁻³ M^{1−s} n (see the comment)
  const rho = bumpRadius(beam.bump);
  const c = 1 / (rho * M);
  const N = Math.exp(lnN);
  const v1 = Math.max(vmin, (10 * c * M) / N);
  // the weight ⟨v⟩e^{⟨v⟩²}: ≤ 3e on the slab |v| < v₁ ≪ 1; on the band up to its value at the top of
  // the v-support, |v| ≤ max(|u|, |v*|) ≤ 1 + ρ (post-collisional velocities lie on the sphere with
  // diameter [u, v*], u in a bump, v* in the core)
  const wMax = 3 * Math.exp(1);
  const vTop2 = (1 + rho) ** 2;
  const wBand = Math.sqrt(1 + vTop2) * Math.exp(1 + vTop2);
  const ax = bumpAxialGeometry(beam);
  const rot = bandRotationConstants(beam);
  const Lb = (dec.Tstar * (M + 1) + c * M + ax.alpha) * tc.d1;
  // ∇x: the multipliers derived in beam-core-gain-remainder.ts (no extra 1/M: the part's M⁻¹ is in the unit)
  const gf =
    part === "gradLinf" ? remainderGradientFactors(beam, w.t, dec.gradBound(w.t), Lb) : undefined;
  const P0 = planeIntegral(phi, 0, 64);
  const Amax = 2 * rho * Math.sqrt(ax.LSq + 4 * rho * rho);
  // |v| < v1: Q⁺ ≤ (2 Amp E N⁻³/|v|) 3P(0) M^{1−s} n A_max (slab of width 2.4/(N|v|) around the plane)
  const small =
    ((3 * P0) / tc.c1) *
    wMax *
    L *
    E0 *
    Math.exp(dT) *
    Amax *
    2 *
    Math.PI *
    v1 *
    v1 *
    (gf ? gf.slabLinf : 1);
  // |v| ≥ v1: |R| ≤ (2 Amp E N⁻³ c₁/|v|)(1.58/(N|v|)) 2.2 L_b A_ε(v), A_ε = area of the plane ∩ ε-enlarged bumps
  const eps = rot.epsFactor / (N * v1);
  const volEps = Math.PI * (rho + eps) ** 2 * (ax.L + 2 * eps);
  const band =
    ((volEps * 2 * Math.PI * wBand * L * E0 * Math.exp(dT) * 1.58 * rot.lever * Lb) / N) *
    (gf ? gf.bandLinf : 1);
  return { lo: Math.max(0, lo - band), hi: hi + small + band };
}
