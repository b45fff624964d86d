import { type Estimate, estimate } from "../../math/estimate.ts";
import { compositeRule } from "../../math/quadrature/composite.ts";
import type { Cutoff } from "../geometry/cutoff.ts";
import { perCutoff, profileConstants } from "../geometry/cutoff-constants.ts";
import { tubeFrames } from "../geometry/tube-frames.ts";
import { bumpAxialFactor, bumpRadius } from "../geometry/velocity-bumps.ts";
import { requireHardSphere } from "../parameters/parameters.ts";
import type { Beam } from "./beam.ts";
import {
  A_BREAKS,
  axialBreaks,
  CHARACTERISTIC_LEVELS,
  R_BREAKS,
} from "./characteristic-frequency.ts";

/**
 * Majorants of the characteristic integral J = ∫_{t0}^{t} A[f_b](τ, x − (t − τ)v, v) dτ
 * (see characteristic-frequency.ts) and of |∇_x J| that hold for every x — the computable side of
 * the bracket for the sup over x in (4.22)–(4.26).
 *
 * For one velocity u of bump j, the τ-integrand K_j(z + τ w), w = v − u, along a line: with
 * |P⊥(z + τ w)|² = d² + |w⊥|²(τ − τ_m)² ≥ |w⊥|²(τ − τ_m)² and φ non-increasing (true for `bump`
 * and `plateau`, checked for any cutoff by {@link lineConstants}),
 *   ∫_{t0}^{t} K_j dτ ≤ min( t − t0, 2 c0/(M|w⊥|) ),       c0 = ∫_0^1 φ(r) dr,
 *   ∫_{t0}^{t} |∇K_j| dτ ≤ min( M φ'_∞ (t − t0), 2 c1/|w⊥| ) + φ'_∞ min( t − t0, 2 c0/(M|w⊥|) ),
 * with c1 = sup_{0≤δ≤1} ∫_0^{√(1−δ²)} |φ'(√(δ² + s²))| ds (|∇K| ≤ M|φ'(R)| + |φ'(ζ)|, and along a
 * line at impact parameter δ/M, ∫ M|φ'(R)| dτ = (2/|w⊥|) ∫_0^{√(1−δ²)} |φ'(√(δ²+s²))| ds).
 * Summing over every tube (as if the line crossed all of them centrally, which is what happens at
 * the common crossing near x = 0) and integrating over u gives
 *   J̄(v)  = 2π c_b M^{1−s} Σ_j ∫ |u − v| I_j(u) min(t − t0, 2c0/(M|P⊥_j(v − u)|)) du ≥ sup_x J,
 *   J̄₁(v) = 2π M^{1−s} Σ_j ∫ |u − v| I_j(u) [ ... the gradient line bound ... ] du ≥ sup_x |∇_x J|.
 * The u-integrals use the rules of characteristic-frequency.ts, refined; the error is the last
 * difference.
 */
export interface LineConstants {
  /** c0 = ∫_0^1 φ. */
  readonly c0: number;
  /** c1 = sup_δ ∫_0^{√(1−δ²)} |φ'(√(δ²+s²))| ds (sampled on 401 δ, Gauss–Legendre 64×2 panels, ×1.01). */
  readonly c1: number;
  /** sup |φ'| (cutoff-constants.ts `profileConstants`). */
  readonly dphiMax: number;
}

/** The constants of the line bounds; throws if φ is not non-increasing on a fine grid. */
export function lineConstants(cutoff: Cutoff): LineConstants {
  return perCutoff(cutoff, "line-bounds", () => {
    for (let i = 0; i < 4000; i++) {
      if (cutoff.phi((i + 1) / 4000) > cutoff.phi(i / 4000) + 1e-15) {
        throw new Error(
          `line bounds need a non-increasing profile; ${cutoff.name} increases near r = ${i / 4000}`,
        );
      }
    }
    const xs = new Float64Array(128);
    const ws = new Float64Array(128);
    const integrate = (f: (s: number) => number, a: number, b: number) => {
      const m = compositeRule([a, 0.5 * (a + b), b], 64, xs, ws);
      let sum = 0;
      for (let i = 0; i < m; i++) sum += ws[i] * f(xs[i]);
      return sum;
    };
    const c0 = integrate((r) => cutoff.phi(r), 0, 1);
    let c1 = 0;
    for (let i = 0; i <= 400; i++) {
      const d = i / 400;
      const L = Math.sqrt(Math.max(0, 1 - d * d));
      if (L === 0) continue;
      c1 = Math.max(
        c1,
        integrate((s) => Math.abs(cutoff.dphi(Math.sqrt(d * d + s * s))), 0, L),
      );
    }
    const out = { c0, c1: 1.01 * c1, dphiMax: profileConstants(cutoff).dphiMax };
    return out;
  });
}

/** J̄(v) and J̄₁(v) at fixed orders (level of CHARACTERISTIC_LEVELS); out[0] = J̄, out[1] = J̄₁. */
export function characteristicBoundAt(
  beam: Beam,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  level: number,
  out: Float64Array,
): void {
  const ord = CHARACTERISTIC_LEVELS[level];
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const { c0, c1, dphiMax } = lineConstants(beam.cutoff);
  const T = t - t0;
  const rho = bumpRadius(beam.bump);
  const frames = tubeFrames(beam.lattice);
  const alpha = bumpAxialFactor(beam.bump);
  const na = compositeRule(axialBreaks(alpha), ord.na, axA, axW);
  for (let i = 0; i < na; i++) axW[i] *= phi(alpha * Math.abs(axA[i] - 1));
  const nr = compositeRule(R_BREAKS, ord.nr, rN, rW);
  for (let i = 0; i < nr; i++) rW[i] *= rN[i] * phi(rN[i]);
  const npsi = ord.npsi;
  const dpsi = (2 * Math.PI) / npsi;
  let s0 = 0;
  let s1 = 0;
  for (let k = 0; k < beam.lattice.count; k++) {
    const o = 9 * k;
    const v1 = v[0] * frames[o] + v[1] * frames[o + 1] + v[2] * frames[o + 2];
    const v2 = v[0] * frames[o + 3] + v[1] * frames[o + 4] + v[2] * frames[o + 5];
    const ve = v[0] * frames[o + 6] + v[1] * frames[o + 7] + v[2] * frames[o + 8];
    for (let ir = 0; ir < nr; ir++) {
      const wr = rW[ir];
      if (wr === 0) continue;
      const pr = rho * rN[ir];
      for (let ip = 0; ip < npsi; ip++) {
        const w1 = v1 - pr * Math.cos(ip * dpsi);
        const w2 = v2 - pr * Math.sin(ip * dpsi);
        const wp = Math.sqrt(w1 * w1 + w2 * w2);
        const lineK = wp > 0 ? Math.min(T, (2 * c0) / (M * wp)) : T;
        const lineG =
          (wp > 0 ? Math.min(M * dphiMax * T, (2 * c1) / wp) : M * dphiMax * T) + dphiMax * lineK;
        let sa = 0;
        for (let ia = 0; ia < na; ia++) {
          const we = ve - axA[ia];
          sa += axW[ia] * Math.sqrt(we * we + wp * wp);
        }
        s0 += wr * dpsi * sa * lineK;
        s1 += wr * dpsi * sa * lineG;
      }
    }
  }
  const pref = 2 * Math.PI * beam.amplitude * rho * rho;
  out[0] = pref * s0;
  out[1] = pref * s1;
}

/** J̄(v), J̄₁(v) refined until two successive levels agree to relTol (default 1e-3). */
export function characteristicBound(
  beam: Beam,
  v: ArrayLike<number>,
  t0: number,
  t: number,
  relTol = 1e-3,
): { value: Estimate; gradient: Estimate } {
  requireHardSphere(beam.params, "the bound J̄ of the characteristic frequency (4.22)");
  const prev = new Float64Array(2);
  const cur = new Float64Array(2);
  characteristicBoundAt(beam, v, t0, t, 0, prev);
  let d0 = Number.POSITIVE_INFINITY;
  let d1 = Number.POSITIVE_INFINITY;
  let level = 1;
  let ok = false;
  for (; level < CHARACTERISTIC_LEVELS.length; level++) {
    characteristicBoundAt(beam, v, t0, t, level, cur);
    d0 = Math.abs(cur[0] - prev[0]);
    d1 = Math.abs(cur[1] - prev[1]);
    prev.set(cur);
    if (d0 <= relTol * cur[0] && d1 <= relTol * cur[1]) {
      ok = true;
      break;
    }
  }
  const method = `line majorant summed over every tube, (a, r, ψ) rule level ${Math.min(level, CHARACTERISTIC_LEVELS.length - 1)}, rel. tol ${relTol}`;
  return {
    value: estimate(prev[0], d0, "quadrature", method, { unconverged: !ok }),
    gradient: estimate(prev[1], d1, "quadrature", method, { unconverged: !ok }),
  };
}

const MAXN = 64;
const axA = new Float64Array(MAXN);
const axW = new Float64Array(MAXN);
const rN = new Float64Array(MAXN);
const rW = new Float64Array(MAXN);
