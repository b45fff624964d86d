/**
 * Deviational throughput: linear events per second (exact clocks, hard spheres) and the work to
 * reach a given precision of the viscosity (standard error × √(work) is the figure of merit),
 * with a reference in the same run (DSMC collisions per second on the homogeneous two-beam
 * problem, the same kernel and generator).
 *
 *   npx tsx bench/deviational.ts [N=20000] [replicas=2]
 */
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import { dsmcStep, makeDsmc } from "../src/solvers/particles/dsmc.ts";
import { sampleTwoBeam } from "../src/solvers/particles/initial-particles.ts";
import { HARD_SPHERE } from "../src/solvers/particles/particle-kernel.ts";
import { transportCoefficient } from "../src/solvers/particles/transport-coefficients.ts";

const N = Number(process.argv[2] ?? 20000);
const R = Number(process.argv[3] ?? 2);
let t0 = performance.now();
const r = transportCoefficient({ coefficient: "viscosity", particles: N, replicas: R });
const devSeconds = (performance.now() - t0) / 1000;

const p = sampleTwoBeam(200000, seededUniform(1), 1, 0.5);
const s = makeDsmc(
  p,
  { kernel: HARD_SPHERE, domain: { kind: "homogeneous" }, dt: 0.01 },
  seededUniform(2),
);
t0 = performance.now();
for (let k = 0; k < 20; k++) dsmcStep(s);
const dsmcSeconds = (performance.now() - t0) / 1000;

const events = r.linearEvents / devSeconds;
const collisions = s.collisions / dsmcSeconds;
// seconds to reach a 1 % standard error, extrapolated as error² × time = const
const secondsFor1Percent = devSeconds * (r.error / (0.01 * r.value)) ** 2;
console.log(
  JSON.stringify(
    {
      benchmark: "deviational linear events (viscosity run)",
      N,
      replicas: R,
      viscosity: r.value,
      error: r.error,
      seconds: devSeconds,
      linearEventsPerSecond: events,
      dsmcCollisionsPerSecond: collisions,
      ratioEventsToDsmcCollisions: events / collisions,
      secondsFor1PercentOnViscosity: secondsFor1Percent,
    },
    null,
    1,
  ),
);
