/**
 * The paper's second approximate solution g_a ≡ f_r(0) = c_r M^{3/2−s0}N^{3/2} χ(RMx)χ(Nv) ((5.2))
 * as a deviational background (hard spheres), with −G_err as its residual source ({@link gErrSource}).
 * Everything is exact up to 1-D Gauss–Legendre on the cutoff profile:
 * - A[g_a](x, v) = 2π c_r M^{3/2−s0}N^{3/2} φ(RM|x|) ∫|u − v| φ(N|u|) du ({@link coreSpeedIntegral});
 * - bound along a flight: the same without φ(RM|x|) when the flight meets |x| < 1/(RM), else 0;
 * - partner u ∝ φ(N|u|)|u − v| ({@link sampleCorePartner}).
 */
import type { Beam } from "../../../construction/beam/beam.ts";
import type { Background } from "../background.ts";
import { HARD_SPHERE } from "../particle-kernel.ts";
import { gErrSource } from "./f-err-source.ts";
import {
  coreSpeedIntegral,
  type PaperEnvelope,
  paperEnvelope,
  sampleCorePartner,
  segmentDistance,
} from "./paper-envelope.ts";
import type { TermedSource } from "./termed-source.ts";

/** g_a as a {@link Background}, with its envelope. */
export interface CoreBackground extends Background {
  readonly envelope: PaperEnvelope;
  readonly source: TermedSource;
}

/** The background g_a ≡ f_r(0) of a beam's construction, with −G_err as its source. */
export function backgroundGA(beam: Beam): CoreBackground {
  const env = paperEnvelope(beam);
  const phi = beam.cutoff.phi;
  const logAmp = env.logCoreAmplitude;
  return {
    kernel: HARD_SPHERE,
    envelope: env,
    value(_t, x, v) {
      const cx = phi(Math.hypot(x[0], x[1], x[2]) / env.coreX);
      const cv = phi(Math.hypot(v[0], v[1], v[2]) / env.coreV);
      return cx === 0 || cv === 0 ? 0 : Math.exp(logAmp) * cx * cv;
    },
    collisionFrequency(_t, x, v) {
      const cx = phi(Math.hypot(x[0], x[1], x[2]) / env.coreX);
      return cx === 0 ? 0 : 2 * Math.PI * cx * coreSpeedIntegral(env, Math.hypot(v[0], v[1], v[2]));
    },
    frequencyBound(_t, x, v, tau) {
      if (segmentDistance(x, v, tau) >= env.coreX) return 0;
      return 2 * Math.PI * coreSpeedIntegral(env, Math.hypot(v[0], v[1], v[2]));
    },
    samplePartner(_t, _x, v, rand, _normal, out) {
      sampleCorePartner(env, v, rand, out);
    },
    source: gErrSource(env),
  };
}
