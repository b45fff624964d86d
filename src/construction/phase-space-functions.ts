import type { CylinderRegion, PhaseSpaceFunction, VelocityPiece } from "../kinetic/phase-space.ts";
import { type Beam, beamValue } from "./beam/beam.ts";
import { coreValue } from "./core/core.ts";
import { tubeValue } from "./geometry/tubes.ts";
import { bumpRadius, bumpValue } from "./geometry/velocity-bumps.ts";

/**
 * The construction's functions as phase-space functions with their velocity supports
 * (kinetic/phase-space.ts), so that the collision operator (kinetic/collision.ts) integrates
 * over the supports only: f_b (2.4) as one cylinder per bump I_{i,j}, f_r (2.5) as a ball of
 * radius 1/N.
 */

/**
 * f_b of (2.4) as a phase-space function: one cylinder piece per velocity bump I_{i,j}
 * (axis e_{i,j}, axial range (9/10, 11/10), radius 1/(cM)), each carrying its term
 * M^{1−s} K_{i,j}(x − vt) I_{i,j}(v). At t = 0 only the tubes containing x are kept.
 */
export function beamPhaseSpace(beam: Beam): PhaseSpaceFunction {
  const { e, count } = beam.lattice;
  const rho = bumpRadius(beam.bump);
  const origin = new Float64Array(3);
  const y = new Float64Array(3);
  const pieces: VelocityPiece[] = [];
  for (let k = 0; k < count; k++) {
    const ek = e.subarray(3 * k, 3 * k + 3);
    pieces.push({
      region: { kind: "cylinder", center: origin, axis: ek, a0: 0.9, a1: 1.1, radius: rho },
      part: (t, x, v) => {
        const I = bumpValue(beam.bump, ek, v);
        if (I === 0) return 0;
        y[0] = x[0] - v[0] * t;
        y[1] = x[1] - v[1] * t;
        y[2] = x[2] - v[2] * t;
        return beam.amplitude * I * tubeValue(beam.tube, ek, y);
      },
    });
  }
  return {
    name: `fb(M=${beam.params.M})`,
    value: (t, x, v) => beamValue(beam, t, x, v),
    velocitySupport: (t, x) =>
      t === 0
        ? pieces.filter((p) => tubeValue(beam.tube, (p.region as CylinderRegion).axis, x) !== 0)
        : pieces,
    velocitySupportAllX: () => pieces,
  };
}

/** f_r of (2.5): one ball piece of radius 1/N about v = 0. */
export function corePhaseSpace(beam: Beam): PhaseSpaceFunction {
  const piece: VelocityPiece = {
    region: { kind: "ball", center: new Float64Array(3), radius: Math.exp(-beam.params.lnN) },
  };
  return {
    name: `fr(M=${beam.params.M})`,
    value: (t, x, v) => coreValue(beam, t, x, v).value,
    velocitySupport: () => [piece],
    velocitySupportAllX: () => [piece],
  };
}
