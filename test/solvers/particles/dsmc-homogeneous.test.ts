/**
 * Plain DSMC, homogeneous: against the spectral solver (two-beam hard spheres) and against the
 * exact BKW solution (constant kernel). Replicas are independent (distinct seeds); tolerances are
 * 4 standard errors from the replica spread, plus, for the spectral reference, its own
 * discretization error (see below).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { dsmcAdvance, makeDsmc } from "../../../src/solvers/particles/dsmc.ts";
import { sampleBkw, sampleTwoBeam } from "../../../src/solvers/particles/initial-particles.ts";
import { CONSTANT, HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";
import { anisotropy, particleMoments } from "../../../src/solvers/particles/particle-moments.ts";
import { meanError, replicaSeed } from "../../../src/solvers/particles/replica-statistics.ts";
import { makeGrid } from "../../../src/solvers/spectral/grid.ts";
import { twoBeam } from "../../../src/solvers/spectral/initial-data.ts";
import { moments } from "../../../src/solvers/spectral/moments.ts";
import { HomogeneousSolver } from "../../../src/solvers/spectral/time-step.ts";

const TIMES = [0.05, 0.1, 0.2, 0.3];

test("validation 1: DSMC two-beam anisotropy Txx − (Tyy+Tzz)/2 follows the spectral solver (hard spheres, U = 1, T_b = 0.5)", () => {
  // spectral reference at n = 16, 32 directions, SSP-RK2 with dt = 0.005. Its discretization error
  // was measured against n = 32 (same dt): |Δ| ≤ 0.0023 at these times (0.60884/0.60658,
  // 0.37321/0.37094, 0.14159/0.14087, 0.05453/0.05417); we allow 0.005.
  const SPECTRAL_ERROR = 0.005;
  // the domain the error above was measured on: L = 7.83 (half-width (3+√2)/2 · (U + 3.6√T_b)),
  // R = 2S with S = 2L/(3+√2), the alias-free choice of Mouhot–Pareschi (makeGrid's default R)
  const g = makeGrid(16, 7.83);
  const f = twoBeam(g, 1, 0.5);
  const spectral = new HomogeneousSolver(g, "hard-sphere", { angles: 4 });
  const ref: number[] = [];
  let t = 0;
  for (const te of TIMES) {
    while (t < te - 1e-12) {
      const h = Math.min(0.005, te - t);
      spectral.step(f, h);
      t += h;
    }
    const T = moments(g, f).temperatureTensor;
    ref.push(T[0] - 0.5 * (T[1] + T[2]));
  }
  const R = 8;
  const N = 20000;
  const samples = TIMES.map(() => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    const p = sampleTwoBeam(N, seededUniform(replicaSeed(1, 2 * r)), 1, 0.5);
    const s = makeDsmc(
      p,
      { kernel: HARD_SPHERE, domain: { kind: "homogeneous" }, dt: 0.01 },
      seededUniform(replicaSeed(1, 2 * r + 1)),
    );
    TIMES.forEach((te, k) => {
      dsmcAdvance(s, te);
      samples[k][r] = anisotropy(particleMoments(p));
    });
  }
  TIMES.forEach((te, k) => {
    const { mean, error } = meanError(samples[k]);
    assert.ok(
      Math.abs(mean - ref[k]) < 4 * error + SPECTRAL_ERROR,
      `t=${te}: DSMC ${mean} ± ${error}, spectral ${ref[k]}`,
    );
    assert.ok(error < 0.02, `standard error ${error} too large to test anything`);
  });
  // the decay itself is resolved: from ≈ 0.61 at t = 0.05 to ≈ 0.05 at t = 0.3
  assert.ok(meanError(samples[3]).mean < 0.15 * meanError(samples[0]).mean);
});

test("validation 2: DSMC (constant kernel) fourth moment ∫|v|⁴f follows the exact BKW solution", () => {
  // BKW with ρ = T = 1: K(t) = 1 − (1 − K₀) e^{−λt}, λ = 8π/15 for B ≡ 1 over all of S²
  // (derivation in src/solvers/spectral/bkw.ts); ∫|v|⁴f = 15 (1 − (1 − K)²) (Gaussian moments:
  // E|v|⁴ = 15 K² for M_{0,K}, 35 K² for the |v|²-weighted part).
  const K0 = 0.6;
  const lambda = (8 * Math.PI) / 15;
  const m4Exact = (t: number): number => {
    const K = 1 - (1 - K0) * Math.exp(-lambda * t);
    return 15 * (1 - (1 - K) ** 2);
  };
  const times = [0, 0.25, 0.5, 1, 2];
  const R = 8;
  const N = 20000;
  const samples = times.map(() => new Float64Array(R));
  for (let r = 0; r < R; r++) {
    const p = sampleBkw(N, seededUniform(replicaSeed(2, 2 * r)), K0);
    const s = makeDsmc(
      p,
      { kernel: CONSTANT, domain: { kind: "homogeneous" }, dt: 0.01 },
      seededUniform(replicaSeed(2, 2 * r + 1)),
    );
    times.forEach((te, k) => {
      dsmcAdvance(s, te);
      samples[k][r] = particleMoments(p).fourthMoment;
    });
  }
  times.forEach((te, k) => {
    const { mean, error } = meanError(samples[k]);
    assert.ok(
      Math.abs(mean - m4Exact(te)) < 4 * error,
      `t=${te}: DSMC ${mean} ± ${error}, exact ${m4Exact(te)}`,
    );
  });
  // the relaxation is resolved: 12.6 → 14.4 against standard errors of ≈ 0.05
  assert.ok(m4Exact(2) - m4Exact(0) > 30 * meanError(samples[0]).error);
});

test("validation 5: every DSMC collision conserves mass, momentum and energy to round-off", () => {
  for (const kernel of [HARD_SPHERE, CONSTANT]) {
    const p = sampleTwoBeam(2000, seededUniform(5), 1, 0.5);
    const before = particleMoments(p);
    const s = makeDsmc(p, { kernel, domain: { kind: "homogeneous" }, dt: 0.05 }, seededUniform(6));
    dsmcAdvance(s, 1);
    assert.ok(s.collisions > 5000);
    const after = particleMoments(p);
    assert.equal(after.mass, before.mass);
    for (let a = 0; a < 3; a++)
      assert.ok(Math.abs(after.momentum[a] - before.momentum[a]) < 1e-12, kernel.name);
    assert.ok(Math.abs(after.energy - before.energy) < 1e-12 * before.energy, kernel.name);
  }
});

test("same seed, same bits", () => {
  const run = (): Float64Array => {
    const p = sampleTwoBeam(500, seededUniform(9), 1, 0.5);
    const s = makeDsmc(
      p,
      { kernel: HARD_SPHERE, domain: { kind: "homogeneous" }, dt: 0.02 },
      seededUniform(10),
    );
    dsmcAdvance(s, 0.2);
    return p.v.slice(0, 3 * p.count);
  };
  assert.deepEqual(run(), run());
});
