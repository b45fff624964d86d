import { type Estimate, estimate } from "../../math/estimate.ts";
import {
  gaussLegendre,
  leftAnchoredRule,
  mappedRule,
} from "../../math/quadrature/gauss-legendre.ts";
import type { Beam } from "../beam/beam.ts";
import { beamCollisionFrequency } from "../beam/beam-collision-frequency.ts";
import { bumpAxialFactor, bumpRadius, bumpTransverseFactor } from "../geometry/velocity-bumps.ts";

/**
 * The core f_r of (2.5)/(1.8):
 *   f_r(t, x, v) = c_r M^{3/2−s0} N^{3/2} exp[−Λ(t, x, v)] χ(R M x) χ(N v),
 * with the paper's constants c_r = 1, R = 100 by default (`parameters.ts`),
 *   Λ(t, x, v) = ∫_0^t A[f_b](τ, x, v) dτ,
 * the solution of the drift-free loss equation (2.2) ∂_t f_r = −Q⁻(f_r, f_b) = −f_r A[f_b].
 */

/** Λ(t, x, v) by Gauss–Legendre in τ (4, 8, 16 nodes) over pointwise A[f_b]; error = last difference + A's errors. */
export function coreExponent(
  beam: Beam,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
): Estimate {
  if (t === 0) return estimate(0, 0, "closed-form", "Λ(0) = 0");
  let prev = Number.NaN;
  let prevErr = 0;
  let unconverged = false;
  for (const n of [4, 8, 16]) {
    const taus = new Float64Array(n);
    const wts = new Float64Array(n);
    leftAnchoredRule(n, 0, 0.5 * t, taus, wts);
    let s = 0;
    let e = 0;
    for (let i = 0; i < n; i++) {
      const tau = taus[i];
      const A = beamCollisionFrequency(beam, tau, x, v);
      s += wts[i] * A.value;
      e += wts[i] * A.error;
      unconverged ||= A.unconverged === true;
    }
    if (!Number.isNaN(prev) && Math.abs(s - prev) <= 1e-6 * Math.abs(s)) {
      return estimate(
        s,
        Math.abs(s - prev) + e,
        "quadrature",
        `Gauss–Legendre in τ (${n} nodes) of A[f_b]`,
        { unconverged },
      );
    }
    prev = s;
    prevErr = e;
  }
  return estimate(
    prev,
    prevErr + Math.abs(prev) * 1e-6,
    "quadrature",
    "Gauss–Legendre in τ (16 nodes) of A[f_b]",
    { unconverged: true },
  );
}

/** Amplitude c_r M^{3/2−s0} N^{3/2}, as a natural logarithm (N = M^p may overflow). */
export function coreLogAmplitude(beam: Beam): number {
  const { M, s0, lnN, constants } = beam.params;
  return (1.5 - s0) * Math.log(M) + 1.5 * lnN + Math.log(constants.coreAmplitude);
}

/** The core's spatial scale R M of χ(R M x) (R = 100 in the paper). */
export function coreScale(beam: Beam): number {
  return beam.params.constants.coreRadius * beam.params.M;
}

/** f_r(t, x, v) pointwise (2.5), with the error propagated from Λ. */
export function coreValue(
  beam: Beam,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
): Estimate {
  const { lnN } = beam.params;
  const { phi } = beam.cutoff;
  const cx = phi(coreScale(beam) * Math.hypot(x[0], x[1], x[2]));
  const cv = phi(Math.exp(lnN) * Math.hypot(v[0], v[1], v[2]));
  if (cx === 0 || cv === 0) return estimate(0, 0, "closed-form", "outside supp χ(RMx)χ(Nv)");
  const L = coreExponent(beam, t, x, v);
  const val = Math.exp(coreLogAmplitude(beam) - L.value) * cx * cv;
  return estimate(val, val * Math.expm1(L.error), "derived", `exp(−Λ) with Λ by ${L.method}`, {
    unconverged: L.unconverged,
  });
}

/**
 * The collision frequency at the centre, A[f_b](τ, 0, 0), in closed single-tube form. At x = 0 and
 * v = 0 every tube contributes the same (the rotation taking e_{i,j} to e_{1,1} fixes x and v), so
 *   A(τ, 0, 0) = 2π c_b M^{1−s} · n · T₀(τ),  n = M(M+1)/2,
 *   T₀(τ) = 2π ρ² ∫ da φ(α|a−1|) φ(aτ) ∫_0^1 r dr φ(r) φ(τ r/c) √(a² + ρ²r²),
 * ρ = 1/(cM), c the bump's transverse factor, α its axial factor (10). This is a consequence of (2.4), not a shortcut: tests compare it with the general
 * per-tube evaluation at x = v = 0. With `integrateTo = t` it returns Λ(t, 0, 0) = ∫_0^t A dτ.
 * For another kernel (docs/kernels.md) the first 2π is Ω = ∫_{S²} b dω and √(a² + ρ²r²) is raised
 * to the power γ: Ω = 4π, γ = 0 for `constant` (then T₀(0) is ‖I‖_{L¹}, and A(0,0,0) the lattice
 * sum Ω c_b M^{1−s} Σ_{i,j} ‖I_{i,j}‖_{L¹}), Ω = 2π for `vhs:γ`.
 */
export function centreFrequency(beam: Beam, tau: number, integrateTo?: number): Estimate {
  const { M, kernel } = beam.params;
  const g = kernel.gamma;
  const rho = bumpRadius(beam.bump);
  const c = bumpTransverseFactor(beam.bump);
  const alpha = bumpAxialFactor(beam.bump);
  const h = 1 / alpha;
  const { phi } = beam.cutoff;
  // n ρ² computed as (M+1)/(2 c² M) to stay finite for huge M
  const nRho2 = (M + 1) / (2 * c * c * M);
  const pref = kernel.angularIntegral * beam.amplitude * nRho2 * 2 * Math.PI;
  const at = (n: number) => {
    const { nodes, weights } = gaussLegendre(n);
    const gr = mappedRule(n, 0, 1);
    // Λ(t, 0, 0): the τ-integrand φ(aτ) φ(τr/c) is a product of a factor of (a, τ) and one of
    // (r, τ); both tabulated once (2n² evaluations of φ instead of 2n³), same arithmetic order
    let wt: Float64Array | undefined;
    let phiA: Float64Array | undefined;
    let phiR: Float64Array | undefined;
    if (integrateTo !== undefined) {
      const T = integrateTo;
      wt = new Float64Array(n);
      const tts = new Float64Array(n);
      leftAnchoredRule(n, 0, 0.5 * T, tts, wt);
      phiA = new Float64Array(n * n);
      phiR = new Float64Array(n * n);
      for (let it = 0; it < n; it++) {
        const tt = tts[it];
        for (let k = 0; k < n; k++) {
          phiA[k * n + it] = phi((1 + h * nodes[k]) * tt);
          phiR[k * n + it] = phi((tt * gr.nodes[k]) / c);
        }
      }
    }
    let total = 0;
    for (let ia = 0; ia < n; ia++) {
      const a = 1 + h * nodes[ia];
      const wa = h * weights[ia] * phi(alpha * Math.abs(a - 1));
      for (let ir = 0; ir < n; ir++) {
        const r = gr.nodes[ir];
        const u2 = a * a + rho * rho * r * r;
        const speed = g === 1 ? Math.sqrt(u2) : g === 0 ? 1 : u2 ** (0.5 * g);
        const wr = gr.weights[ir] * r * phi(r) * speed;
        if (wt === undefined || phiA === undefined || phiR === undefined) {
          total += wa * wr * phi(a * tau) * phi((tau * r) / c);
        } else {
          let inner = 0;
          const ra = ia * n;
          const rr = ir * n;
          for (let it = 0; it < n; it++) inner += wt[it] * phiA[ra + it] * phiR[rr + it];
          total += wa * wr * inner;
        }
      }
    }
    return pref * total;
  };
  let prev = at(16);
  for (const n of [24, 32, 48, 64, 96, 128]) {
    const cur = at(n);
    const d = Math.abs(cur - prev);
    if (d <= 1e-10 * Math.abs(cur)) {
      return estimate(
        cur,
        d,
        "quadrature",
        `single-tube identity at x = v = 0, Gauss–Legendre ${n}²${integrateTo === undefined ? "" : "×τ"}`,
      );
    }
    prev = cur;
  }
  return estimate(
    prev,
    Math.abs(prev - at(96)),
    "quadrature",
    "single-tube identity at x = v = 0, Gauss–Legendre 128 (tolerance not met)",
    { unconverged: true },
  );
}
