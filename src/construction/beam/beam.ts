import type { Cutoff } from "../geometry/cutoff.ts";
import { type Lattice, makeLattice } from "../geometry/lattice.ts";
import { type TubeShape, tubeValue } from "../geometry/tubes.ts";
import { type BumpShape, bumpValue, forEachBumpAt } from "../geometry/velocity-bumps.ts";
import type { Parameters } from "../parameters/parameters.ts";
import type { Variant } from "../parameters/variant.ts";

/**
 * The beam f_b of (2.4)/(1.7):
 *   f_b(t, x, v) = c_b M^{1−s} Σ_{1≤i≤j≤M} K_{i,j}(x − v t) I_{i,j}(v),
 * the free transport (2.1) of f_b(0) = c_b M^{1−s} Σ K_{i,j}(x) I_{i,j}(v) (c_b = 1 in the paper).
 * Together with the parameters (and their free constants), the cutoff and the variant, a Beam is
 * the one construction value that docs/design.md asks for: every norm and claim takes it whole.
 */
export interface Beam {
  readonly params: Parameters;
  readonly cutoff: Cutoff;
  readonly variant: Variant;
  readonly lattice: Lattice;
  readonly tube: TubeShape;
  readonly bump: BumpShape;
  /** c_b M^{1−s}. */
  readonly amplitude: number;
}

/** The bump shape of the construction: the variant, with the constants' axial and transverse factors. */
export function beamBumpShape(params: Parameters, cutoff: Cutoff, variant: Variant): BumpShape {
  const { bumpAxial, bumpTransverse } = params.constants;
  return {
    M: params.M,
    cutoff,
    variant,
    ...(bumpAxial !== 10 ? { axial: bumpAxial } : {}),
    ...(bumpTransverse !== undefined ? { transverse: bumpTransverse } : {}),
  };
}

/** c_b M^{1−s}, the beam's amplitude (2.4). */
export function beamAmplitude(params: Parameters): number {
  return params.constants.beamAmplitude * params.M ** (1 - params.s);
}

/**
 * The beam f_b of (2.4) for validated parameters, a cutoff and a variant: the lattice (2.3), the
 * tube and bump shapes and the amplitude M^{1−s}. Evaluate it with {@link beamValue}, its collision
 * frequency with {@link beamCollisionFrequency}; the core f_r (2.5) is built on it ({@link coreValue}).
 */
export function makeBeam(params: Parameters, cutoff: Cutoff, variant: Variant): Beam {
  const { M } = params;
  return {
    params,
    cutoff,
    variant,
    lattice: makeLattice(M),
    tube: { M, cutoff, scale: 1 },
    bump: beamBumpShape(params, cutoff, variant),
    amplitude: beamAmplitude(params),
  };
}

/** f_b(t, x, v), visiting only the bumps that can be non-zero at v. */
export function beamValue(
  beam: Beam,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
): number {
  y[0] = x[0] - v[0] * t;
  y[1] = x[1] - v[1] * t;
  y[2] = x[2] - v[2] * t;
  let total = 0;
  const e = beam.lattice.e;
  forEachBumpAt(beam.bump, v, (k) => {
    ek[0] = e[3 * k];
    ek[1] = e[3 * k + 1];
    ek[2] = e[3 * k + 2];
    const I = bumpValue(beam.bump, ek, v);
    if (I !== 0) total += I * tubeValue(beam.tube, ek, y);
  });
  return beam.amplitude * total;
}

const y = new Float64Array(3);
const ek = new Float64Array(3);
