/**
 * Deviational throughput: linear events per second (exact clocks, hard spheres) and the work to
 * reach a given precision of the viscosity (standard error × √(work) is the figure of merit),
 * with a reference in the same run (DSMC collisions per second on the homogeneous two-beam
 * problem, the same kernel and generator). Rates per wall second and per CPU second of this
 * process (process.cpuUsage; on a shared machine the CPU figures are the ones to compare).
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
const cpuSince = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
let c0 = process.cpuUsage();
let t0 = performance.now();
const r = transportCoefficient({ coefficient: "viscosity", particles: N, replicas: R });
const devSeconds = (performance.now() - t0) / 1000;
const devCpu = cpuSince(c0);

const p = sampleTwoBeam(200000, seededUniform(1), 1, 0.5);
const s = makeDsmc(
  p,
  { kernel: HARD_SPHERE, domain: { kind: "homogeneous" }, dt: 0.01 },
  seededUniform(2),
);
c0 = process.cpuUsage();
t0 = performance.now();
for (let k = 0; k < 20; k++) dsmcStep(s);
const dsmcSeconds = (performance.now() - t0) / 1000;
const dsmcCpu = cpuSince(c0);

const events = r.linearEvents / devSeconds;
const collisions = s.collisions / dsmcSeconds;
// seconds to reach a 1 % standard error, extrapolated as error² × time = const
const secondsFor1Percent = devSeconds * (r.error / (0.01 * r.value)) ** 2;
const cpuSecondsFor1Percent = devCpu * (r.error / (0.01 * r.value)) ** 2;
console.log(
  JSON.stringify(
    {
      benchmark: "deviational linear events (viscosity run)",
      N,
      replicas: R,
      viscosity: r.value,
      error: r.error,
      seconds: devSeconds,
      cpuSeconds: devCpu,
      linearEventsPerSecond: events,
      linearEventsPerCpuSecond: r.linearEvents / devCpu,
      dsmcCollisionsPerSecond: collisions,
      dsmcCollisionsPerCpuSecond: s.collisions / dsmcCpu,
      ratioEventsToDsmcCollisions: events / collisions,
      ratioEventsToDsmcCollisionsCpu: r.linearEvents / devCpu / (s.collisions / dsmcCpu),
      secondsFor1PercentOnViscosity: secondsFor1Percent,
      cpuSecondsFor1PercentOnViscosity: cpuSecondsFor1Percent,
    },
    null,
    1,
  ),
);
