/**
 * The work of `boltzlab exact` (issue 14): per source term of −F_err the CPU per proposal and per
 * accepted point, as ratios against Q(f_b, f_b) timed in the same run (the core terms evaluate Λ and
 * ∇_xΛ only inside the squeeze band, f-err-source.ts); then R replicas of f_c at M (default
 * paper construction, `exact`'s defaults: 10⁵ proposals, 2·10⁴ per further term, 4 output
 * intervals of 2 steps) and the CPU needed for a 10 % relative standard error of the norms at T*
 * (‖P f_c‖ and ‖P e^{⟨v⟩²}f_c‖ by the U-statistic, and |⟨f_c, f_b⟩|), extrapolated as error² × work =
 * const (the estimates are signal-dominated at these R). CPU seconds of this process
 * (process.cpuUsage): on a shared machine those are the figures to compare.
 *
 *   npx tsx bench/exact-work.ts [M=8] [replicas=8] [seed=1]
 */
import { makeBeam } from "../src/construction/beam/beam.ts";
import { bump } from "../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../src/construction/parameters/parameters.ts";
import { normalSampler } from "../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import { backgroundFA } from "../src/solvers/particles/paper-backgrounds/background-f-a.ts";
import {
  type ExactRunConfig,
  mergeExact,
  runExactReplica,
} from "../src/solvers/particles/paper-backgrounds/exact-run.ts";

const M = Number(process.argv[2] ?? 8);
const R = Number(process.argv[3] ?? 8);
const seed = Number(process.argv[4] ?? 1);
const cpu = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

const beam = makeBeam(makeParameters({ M }), bump, "as-in-proof");
const T = beam.params.Tstar;
const bg = backgroundFA(beam, { relTol: 1e-4, tMax: T });
const out = new Float64Array(7);
const terms = bg.source.terms.map((term) => {
  const rand = seededUniform(seed);
  const normal = normalSampler(rand);
  const n = 20000;
  let accepted = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) if (term.propose(0, T, rand, normal, out) !== 0) accepted++;
  const seconds = cpu(c0);
  return { term: term.name, proposals: n, accepted, cpuPerProposal: seconds / n, seconds };
});
const ref = terms.find((t) => t.term === "Q(fb,fb)");

const config: ExactRunConfig = {
  M,
  s: 0.8,
  s0: 0.5,
  p: 10,
  cutoff: "bump",
  variant: "as-in-proof",
  constants: {},
  construction: "paper",
  solution: "f",
  proposals: 100000,
  termProposals: 20000,
  samples: 4,
  stepsPerSample: 2,
  seed,
  relTol: 1e-4,
  quadratic: "simulate",
  nmax: 2,
};
const c0 = process.cpuUsage();
const merged = mergeExact(Array.from({ length: R }, (_, r) => runExactReplica(config, r)));
const replicaCpu = cpu(c0);
const last = merged.points[merged.points.length - 1];
// relative standard error of a norm from that of its square (U-statistic): half
const relNorm = (v: { value: number; error: number }) => v.error / Math.abs(v.value) / 2;
const rel = {
  projection: relNorm(last.projectionSquared),
  projectionWeighted: relNorm(last.weighted[0].projectionSquared),
  overlap: last.overlap.error / Math.abs(last.overlap.value),
};
const cpuFor10 = (r: number) => replicaCpu * (r / 0.1) ** 2;
console.log(
  JSON.stringify(
    {
      benchmark: "exact: source terms and the work for 10 % at T*",
      M,
      seed,
      terms: terms.map((t) => ({
        ...t,
        ratioPerProposalToQbb: ref ? t.cpuPerProposal / ref.cpuPerProposal : null,
      })),
      replicas: R,
      replicaCpuSeconds: replicaCpu,
      cpuSecondsPerReplica: replicaCpu / R,
      relativeStandardErrorAtTstar: rel,
      cpuSecondsFor10Percent: {
        projection: cpuFor10(rel.projection),
        projectionWeighted: cpuFor10(rel.projectionWeighted),
        overlap: cpuFor10(rel.overlap),
      },
      replicasFor10Percent: {
        projection: R * (rel.projection / 0.1) ** 2,
        projectionWeighted: R * (rel.projectionWeighted / 0.1) ** 2,
        overlap: R * (rel.overlap / 0.1) ** 2,
      },
    },
    null,
    2,
  ),
);
