/**
 * The paper's first approximate solution f_a = f_b + f_r ((2.4), (2.5)) as a deviational background
 * (hard spheres, A[f] = 2π∫|u − v| f du), with −F_err (4.1) as its residual source
 * ({@link fErrSource}). Any construction (parameters with their constants, cutoff, variant).
 *
 * - value: f_b(t, x, v) + f_r(t, x, v), f_r with Λ(t, x, v) = ∫₀ᵗ A[f_b] by {@link coreValue}.
 * - collision frequency: A[f_a] = A[f_b] + A[f_r]. A[f_b] by the construction's per-tube quadrature
 *   ({@link beamCollisionFrequency}, relative tolerance `relTol`, its error a bias of the thinning of
 *   that size). A[f_r](t, x, v) = 2π c_r M^{3/2−s0}N^{3/2} φ(RM|x|) e^{−Λ₀(t)} ∫|u − v|φ(N|u|) du with
 *   the core's exponent reduced to Λ₀(t) = Λ(t, 0, 0) (closed single-tube form, {@link centreFrequency},
 *   tabulated on 257 times in [0, t_max] and interpolated linearly): the reduction of core-norm.ts,
 *   whose relative error on f_r is ≤ 0.006 % (as-in-proof), 0.6 % (as-written) on the core; A[f_r] is
 *   ≈ 2π|v|·4πJ₂ c_r M^{3/2−s0}N^{−3/2} (2.8e-8 at M = 4, paper constants; ∝ M^{−14} at N = M^{10})
 *   against A[f_b] ≈ 1e-2, so this reduction enters nothing measurable. The velocity integral is
 *   exact ({@link coreSpeedIntegral}).
 * - bound along a flight: {@link beamFlightBound} (rigorous) plus 2π c_r M^{3/2−s0}N^{3/2}
 *   ∫|u − v|φ(N|u|)du when the flight meets |x| < 1/(RM) (rigorous: e^{−Λ} ≤ 1, φ ≤ 1).
 * - partner: from f_b with probability A[f_b]/A[f_a] ({@link sampleBeamPartner}), else u ∝
 *   φ(N|u|)|u − v| ({@link sampleCorePartner}); both exact for the A used.
 */
import type { Beam } from "../../../construction/beam/beam.ts";
import { beamValue } from "../../../construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../../construction/beam/beam-collision-frequency.ts";
import { centreFrequency, coreValue } from "../../../construction/core/core.ts";
import { RuleError } from "../../../math/errors.ts";
import type { Background } from "../background.ts";
import { HARD_SPHERE } from "../particle-kernel.ts";
import { fErrSource } from "./f-err-source.ts";
import {
  beamFlightBound,
  coreSpeedIntegral,
  type PaperEnvelope,
  paperEnvelope,
  sampleBeamPartner,
  sampleCorePartner,
  segmentDistance,
} from "./paper-envelope.ts";
import type { TermedSource } from "./termed-source.ts";

/** Options of {@link backgroundFA}. */
export interface PaperBackgroundOptions {
  /** Relative tolerance of the per-tube quadrature of A[f_b] (default 1e-6). */
  readonly relTol?: number;
  /** Largest time at which the background is used (default T*): the range of the Λ₀ table. */
  readonly tMax?: number;
}

/** f_a as a {@link Background}, with its envelope and the split of its collision frequency. */
export interface PaperBackground extends Background {
  readonly envelope: PaperEnvelope;
  readonly source: TermedSource;
  /** A[f_b] and A[f_r] at (t, x, v), into out[0], out[1]. */
  frequencyParts(t: number, x: ArrayLike<number>, v: ArrayLike<number>, out: Float64Array): void;
}

/** Λ₀(t) = Λ(t, 0, 0) on a grid of 257 times in [0, tMax], linear in between (lazy). */
export function centreExponentTable(beam: Beam, tMax: number): (t: number) => number {
  const G = 256;
  const table = new Float64Array(G + 1).fill(Number.NaN);
  table[0] = 0;
  const at = (i: number) => {
    if (Number.isNaN(table[i])) table[i] = centreFrequency(beam, 0, (i * tMax) / G).value;
    return table[i];
  };
  return (t) => {
    if (t <= 0) return 0;
    const q = Math.min(G, (t / tMax) * G);
    const i = Math.min(G - 1, Math.floor(q));
    const f = q - i;
    const lo = at(i);
    const hi = at(i + 1);
    const base = lo + f * (hi - lo);
    // beyond tMax: continue with the last slope (A is bounded), documented as such
    return t > tMax ? base + ((t - tMax) * (hi - lo) * G) / tMax : base;
  };
}

/** The background f_a = f_b + f_r of a beam (see the file comment), with −F_err as its source. */
export function backgroundFA(beam: Beam, options: PaperBackgroundOptions = {}): PaperBackground {
  const relTol = options.relTol ?? 1e-6;
  const tMax = options.tMax ?? beam.params.Tstar;
  if (!(relTol > 0 && relTol < 1))
    throw new RuleError("relTol must lie in (0, 1)", `got ${relTol}`);
  if (!(tMax > 0) || !Number.isFinite(tMax)) throw new RuleError("tMax must be > 0", `got ${tMax}`);
  const env = paperEnvelope(beam);
  const lambda0 = centreExponentTable(beam, tMax);
  const phi = beam.cutoff.phi;
  const coreFrequency = (t: number, x: ArrayLike<number>, v: ArrayLike<number>): number => {
    const cx = phi(Math.hypot(x[0], x[1], x[2]) / env.coreX);
    if (cx === 0) return 0;
    return (
      2 *
      Math.PI *
      cx *
      Math.exp(-lambda0(t)) *
      coreSpeedIntegral(env, Math.hypot(v[0], v[1], v[2]))
    );
  };
  const frequencyParts = (
    t: number,
    x: ArrayLike<number>,
    v: ArrayLike<number>,
    out: Float64Array,
  ): void => {
    out[0] = beamCollisionFrequency(beam, t, x, v, { relTol }).value;
    out[1] = coreFrequency(t, x, v);
  };
  // A[f_b], A[f_r] at the last point asked by collisionFrequency (the stepper samples the partner
  // at that same point next)
  const parts = new Float64Array(2);
  const last = new Float64Array(7).fill(Number.NaN);
  const sameAsLast = (t: number, x: ArrayLike<number>, v: ArrayLike<number>): boolean =>
    last[0] === t &&
    last[1] === x[0] &&
    last[2] === x[1] &&
    last[3] === x[2] &&
    last[4] === v[0] &&
    last[5] === v[1] &&
    last[6] === v[2];
  const background: PaperBackground = {
    kernel: HARD_SPHERE,
    envelope: env,
    frequencyParts,
    value: (t, x, v) => beamValue(beam, t, x, v) + coreValue(beam, t, x, v).value,
    collisionFrequency(t, x, v) {
      frequencyParts(t, x, v, parts);
      last[0] = t;
      for (let d = 0; d < 3; d++) {
        last[1 + d] = x[d];
        last[4 + d] = v[d];
      }
      return parts[0] + parts[1];
    },
    frequencyBound(t, x, v, tau) {
      let b = beamFlightBound(env, t, x, v, tau);
      if (segmentDistance(x, v, tau) < env.coreX)
        b += 2 * Math.PI * coreSpeedIntegral(env, Math.hypot(v[0], v[1], v[2]));
      return b;
    },
    samplePartner(t, x, v, rand, _normal, out) {
      // the stepper asks for A at the event point just before; reuse it (else recompute)
      if (!sameAsLast(t, x, v)) frequencyParts(t, x, v, parts);
      if (rand() * (parts[0] + parts[1]) < parts[0]) sampleBeamPartner(env, t, x, v, rand, out);
      else sampleCorePartner(env, v, rand, out);
    },
    source: fErrSource(env, { relTol }),
  };
  return background;
}
