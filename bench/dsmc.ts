/**
 * DSMC throughput on the homogeneous hard-sphere two-beam problem (U = 1, T_b = 0.5, ρ = 1), one
 * core: particle-steps per second and collisions per second, against a reference measured in the
 * same run (drawing 3 standard normals per particle-step with the same seeded generator, i.e. the
 * cost of merely resampling every velocity), so that machine load cancels in the ratio.
 *
 *   npx tsx bench/dsmc.ts [N=200000] [steps=50] [dt=0.01]
 *
 * SPARTA side by side (../shared/peers/sparta/) was not run: see docs/particles.md.
 */
import { normalSampler } from "../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import { dsmcStep, makeDsmc } from "../src/solvers/particles/dsmc.ts";
import { sampleTwoBeam } from "../src/solvers/particles/initial-particles.ts";
import { HARD_SPHERE } from "../src/solvers/particles/particle-kernel.ts";

const N = Number(process.argv[2] ?? 200000);
const steps = Number(process.argv[3] ?? 50);
const dt = Number(process.argv[4] ?? 0.01);

const p = sampleTwoBeam(N, seededUniform(1), 1, 0.5);
const s = makeDsmc(
  p,
  { kernel: HARD_SPHERE, domain: { kind: "homogeneous" }, dt },
  seededUniform(2),
);
let t0 = performance.now();
for (let k = 0; k < steps; k++) dsmcStep(s);
const dsmcSeconds = (performance.now() - t0) / 1000;

const normal = normalSampler(seededUniform(3));
const v = new Float64Array(3 * N);
t0 = performance.now();
for (let k = 0; k < steps; k++) for (let i = 0; i < 3 * N; i++) v[i] = normal();
const refSeconds = (performance.now() - t0) / 1000;

const ps = (N * steps) / dsmcSeconds;
console.log(
  JSON.stringify(
    {
      benchmark: "dsmc homogeneous two-beam, hard spheres",
      N,
      steps,
      dt,
      collisionsPerParticlePerStep: s.collisions / (N * steps),
      acceptance: s.collisions / s.candidates,
      particleStepsPerSecond: ps,
      collisionsPerSecond: s.collisions / dsmcSeconds,
      referenceParticleStepsPerSecond: (N * steps) / refSeconds,
      ratioToReference: ps / ((N * steps) / refSeconds),
    },
    null,
    1,
  ),
);
