/**
 * The Q^±(f_b, f_b) entries of the Section 4 error table (src/claims/error-table/loss-beam-beam.ts,
 * gain-beam-beam.ts): their hot kernels as the error-table jobs run them, against the loops they
 * replaced (test/construction/*-reference.ts, the code before the speed-up), in the same run, on the
 * same sample points. Both sides must give the same numbers bitwise (checked and printed).
 *
 *   nice -n 10 npx tsx bench/error-table.ts          (M = 8)
 *   nice -n 10 npx tsx bench/error-table.ts 16
 *
 * Workloads (cutoff bump, variant as-in-proof, s = 0.8, s0 = 0.5, window (0, T*)):
 * - Q⁻(f_b,f_b) L2 (the whole job; its gradL2 sibling shares this window): `bumpL2Integrals` for
 *   every bump of the job's stratified sample (8; 10 at M = 4) with the job's defaults (Korobov
 *   lattice 251 points × 6 shifts, characteristic rule level 0, the job's seed), new and reference
 *   alternating bump by bump. Dominated by the characteristic rule J, ∇J
 *   (characteristic-frequency.ts): transverse factors shared across axial nodes and τ-panels, one
 *   exponential for φ and φ' of `bump`.
 * - Q⁻(f_b,f_b) Linf / gradLinf: `bumpSupIntegrals` of one bump (grid + Nelder–Mead search, then
 *   the bump's velocity rules); in addition the value objective skips ∇J.
 * - Q⁺(f_b,f_b) Linf / gradLinf: the steered search's coarse grid (9 crossing times × 5 × 5
 *   offsets, D⁺ and ∇D⁺) for 3 velocities with 300 outer Carleman draws each, `duhamelAtNodes`
 *   (beam-gain-duhamel.ts): one exponential for φ and φ' of `bump`.
 * The two smaller workloads are timed twice per side, alternating, and the faster run is kept (the
 * machine is shared).
 */
import { type Beam, makeBeam } from "../src/construction/beam/beam.ts";
import { beamBumpPieces } from "../src/construction/beam-beam/beam-gain.ts";
import { DUHAMEL_SLOTS, duhamelAtNodes } from "../src/construction/beam-beam/beam-gain-duhamel.ts";
import {
  bumpL2Integrals,
  bumpSupIntegrals,
} from "../src/construction/beam-beam/beam-loss-duhamel.ts";
import { sampledIndices, stratifiedBumpSample } from "../src/construction/geometry/bump-sample.ts";
import { bump } from "../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../src/construction/parameters/parameters.ts";
import { CarlemanNodes, sampleCarlemanNodes } from "../src/kinetic/carleman-sampler.ts";
import { uniformDirection } from "../src/math/sampling/regions.ts";
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import { orthonormalFrame } from "../src/math/vec3.ts";
import { referenceCharacteristicFrequencyAt } from "../test/construction/beam/characteristic-frequency-reference.ts";
import { referenceDuhamelAtNodes } from "../test/construction/beam-beam/beam-gain-duhamel-reference.ts";

const M = Number(process.argv[2] ?? 8);
const beam = makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), bump, "as-in-proof");
const T = beam.params.Tstar;
/** The seed loss-beam-beam.ts uses by default. */
const JOB_SEED = 20250405;

function time<R>(f: () => R): { seconds: number; result: R } {
  const s = performance.now();
  const result = f();
  return { seconds: (performance.now() - s) / 1000, result };
}

/** Old and new alternately, twice each; the faster of each, and whether the results agree. */
function compare<R>(
  name: string,
  fresh: () => R,
  old: () => R,
  same: (a: R, b: R) => boolean,
): void {
  const n1 = time(fresh);
  const o1 = time(old);
  const n2 = time(fresh);
  const o2 = time(old);
  report(
    name,
    Math.min(n1.seconds, n2.seconds),
    Math.min(o1.seconds, o2.seconds),
    same(n1.result, o1.result) && same(n2.result, o2.result),
  );
}

function report(name: string, tn: number, to: number, ok: boolean): void {
  console.log(
    `${name.padEnd(48)} new ${tn.toFixed(2).padStart(7)} s   reference ${to.toFixed(2).padStart(7)} s   ratio ${(to / tn).toFixed(2).padStart(5)}×   identical: ${ok ? "yes" : "NO"}`,
  );
}

const deepSame = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

console.log(`M = ${M} (${beam.lattice.count} bumps), T* = ${T.toFixed(4)}, window (0, T*)`);

// Q⁻(f_b,f_b) L2: the whole job (its only window is (0, T*)): every bump of its stratified sample,
// new and reference alternating bump by bump
{
  const l2Sample = stratifiedBumpSample(
    beam.lattice.count,
    beam.lattice.count <= 10 ? 10 : 8,
    JOB_SEED + 1,
  );
  let tn = 0;
  let to = 0;
  let ok = true;
  for (const k of sampledIndices(l2Sample)) {
    const n = time(() => bumpL2Integrals(beam, k, 0, T, { seed: JOB_SEED }));
    const o = time(() =>
      bumpL2Integrals(beam, k, 0, T, {
        seed: JOB_SEED,
        kernel: referenceCharacteristicFrequencyAt,
      }),
    );
    tn += n.seconds;
    to += o.seconds;
    ok &&= deepSame(n.result, o.result);
  }
  report(`Q-(fb,fb) L2 job: ${sampledIndices(l2Sample).length} bumps × 251 × 6 points`, tn, to, ok);
}

// Q⁻(f_b,f_b) Linf: one bump of the job's sample
const supSample = stratifiedBumpSample(
  beam.lattice.count,
  beam.lattice.count <= 36 ? 36 : 12,
  JOB_SEED,
);
const kSup = sampledIndices(supSample)[0];
compare(
  `Q-(fb,fb) Linf: bumpSupIntegrals, bump ${kSup}`,
  () => bumpSupIntegrals(beam, kSup, 0, T),
  () => bumpSupIntegrals(beam, kSup, 0, T, { kernel: referenceCharacteristicFrequencyAt }),
  deepSame,
);

// Q⁺(f_b,f_b) Linf: the steered search's coarse grid at 3 velocities
function gainGrid(beam: Beam, kernel: typeof duhamelAtNodes): number[] {
  const rnd = seededUniform(1);
  const pieces = beamBumpPieces(beam);
  const nb = pieces.length;
  const nodes = new CarlemanNodes();
  const v = new Float64Array(3);
  const z = new Float64Array(3);
  const f1 = new Float64Array(3);
  const f2 = new Float64Array(3);
  const vh = new Float64Array(3);
  const out = new Float64Array(DUHAMEL_SLOTS);
  const sums: number[] = [];
  for (let iv = 0; iv < 3; iv++) {
    // |v| ≈ 1 in a random direction: where two bumps' energy sphere passes
    uniformDirection(vh, rnd);
    const r = 0.9 + 0.2 * rnd();
    for (let q = 0; q < 3; q++) v[q] = r * vh[q];
    orthonormalFrame(f1, f2, vh);
    sampleCarlemanNodes(
      nodes,
      v,
      pieces,
      { outer: null, outerCount: nb, inner: null, innerCount: nb, nOuter: 300 },
      rnd,
    );
    const widen = Math.min(0.2, 1 / (M * r));
    let s = 0;
    for (let ic = 0; ic < 9; ic++) {
      const tc = -widen + ((T + 2 * widen) * ic) / 8;
      for (let i1 = -2; i1 <= 2; i1++) {
        for (let i2 = -2; i2 <= 2; i2++) {
          for (let q = 0; q < 3; q++) z[q] = -tc * v[q] + (0.5 / M) * (i1 * f1[q] + i2 * f2[q]);
          kernel(beam, nodes, v, z, 0, T, 10, true, out);
          for (let c = 0; c < DUHAMEL_SLOTS; c++) s += out[c] * (c + 1);
        }
      }
    }
    sums.push(s);
  }
  return sums;
}
compare(
  "Q+(fb,fb) Linf: search grid, 3 v × 225 z",
  () => gainGrid(beam, duhamelAtNodes),
  () => gainGrid(beam, referenceDuhamelAtNodes),
  deepSame,
);
