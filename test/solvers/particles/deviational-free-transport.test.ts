/**
 * Validation 3, second half: deviational mode around the free-transport background
 * f_ref(t) = c e^{−|x−vt|²−|v|²} (an exact solution, R ≡ 0) with the initial deviation
 * δ = cπ^{3/2}e^{−|x|²}(M_T − M_½), T = (½(1+2η), ½(1−η), ½(1−η)) (zero mass, momentum, energy),
 * against plain DSMC of the same datum f₀ = cπ^{3/2}e^{−|x|²}M_T. The linear functionals
 *   Θ_v = ∫∫ (v_x² − (v_y² + v_z²)/2) f,   Θ_x = ∫∫ (x_x² − (x_y² + x_z²)/2) f
 * vanish on the isotropic background, so deviational mode estimates them from f_δ alone; both are
 * changed by collisions (free transport keeps Θ_v), so the comparison is not trivial. Agreement is
 * required within 4 combined SE over independent replicas (fixed seeds). The DSMC cell size is 0.2
 * (its cell error on this data was below the SE in a side run); deviational collision cells only
 * carry Q(f_δ, f_δ) and cancellation (side 0.5, δv = 0.5), its linear part has no cell or time error.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { deviationalAdvance, makeDeviational } from "../../../src/solvers/particles/deviational.ts";
import { dsmcAdvance, makeDsmc } from "../../../src/solvers/particles/dsmc.ts";
import { freeTransportGaussian } from "../../../src/solvers/particles/free-transport-gaussian.ts";
import {
  sampleAnisotropicBlob,
  sampleAnisotropicBlobDeviation,
} from "../../../src/solvers/particles/initial-particles.ts";
import { HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";
import type { ParticleSet } from "../../../src/solvers/particles/particle-set.ts";
import { meanError, replicaSeed } from "../../../src/solvers/particles/replica-statistics.ts";

const ETA = 0.2;
const C = 0.1;
const T = [0.5 * (1 + 2 * ETA), 0.5 * (1 - ETA), 0.5 * (1 - ETA)];
const T_END = 0.25;
const R = 8;
const N = 30000;

function anisotropy(p: ParticleSet, arr: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.count; i++)
    s += p.w[i] * (arr[3 * i] ** 2 - 0.5 * (arr[3 * i + 1] ** 2 + arr[3 * i + 2] ** 2));
  return s;
}

test("validation 3: deviational around free transport matches DSMC of the same datum", () => {
  const dv = new Float64Array(R);
  const dx = new Float64Array(R);
  const mv = new Float64Array(R);
  const mx = new Float64Array(R);
  let events = 0;
  let quadratic = 0;
  for (let r = 0; r < R; r++) {
    const p = sampleAnisotropicBlob(N, seededUniform(replicaSeed(31, 2 * r)), T, C);
    const s = makeDsmc(
      p,
      { kernel: HARD_SPHERE, domain: { kind: "free", cellSize: 0.2 }, dt: 0.01 },
      seededUniform(replicaSeed(31, 2 * r + 1)),
    );
    dsmcAdvance(s, T_END);
    dv[r] = anisotropy(p, p.v);
    dx[r] = anisotropy(p, p.x);
    const { particles: q, epsilon } = sampleAnisotropicBlobDeviation(
      N,
      seededUniform(replicaSeed(32, 2 * r)),
      T,
      C,
    );
    const d = makeDeviational(
      q,
      {
        background: freeTransportGaussian(HARD_SPHERE, C),
        domain: { kind: "free", cellSize: 0.5 },
        dt: 0.02,
        epsilon,
        cancellationBin: 0.5,
      },
      seededUniform(replicaSeed(32, 2 * r + 1)),
    );
    deviationalAdvance(d, T_END);
    mv[r] = anisotropy(q, q.v);
    mx[r] = anisotropy(q, q.x);
    events += d.linearEvents;
    quadratic += d.quadraticEvents;
    assert.equal(d.unrestored, 0);
  }
  const a = meanError(dv);
  const b = meanError(mv);
  const ax = meanError(dx);
  const bx = meanError(mx);
  const info = JSON.stringify({ dsmc: [a, ax], deviational: [b, bx], events, quadratic });
  // exact initial value of Θ_v: cπ³(T_x − T_y); collisions must have moved it by far more than the SE
  const theta0 = C * Math.PI ** 3 * (T[0] - T[1]);
  assert.ok(theta0 - b.mean > 8 * b.error, info);
  assert.ok(events > 10 * R, info);
  assert.ok(Math.abs(a.mean - b.mean) < 4 * Math.hypot(a.error, b.error), info);
  assert.ok(Math.abs(ax.mean - bx.mean) < 4 * Math.hypot(ax.error, bx.error), info);
});
