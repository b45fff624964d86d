import assert from "node:assert/strict";
import { test } from "node:test";
import { type Beam, makeBeam } from "../../../src/construction/beam/beam.ts";
import { characteristicFrequencyAt } from "../../../src/construction/beam/characteristic-frequency.ts";
import { beamBumpPieces } from "../../../src/construction/beam-beam/beam-gain.ts";
import {
  DUHAMEL_SLOTS,
  duhamelAtNodes,
} from "../../../src/construction/beam-beam/beam-gain-duhamel.ts";
import {
  bumpL2Integrals,
  bumpSupIntegrals,
  lossDuhamelAt,
} from "../../../src/construction/beam-beam/beam-loss-duhamel.ts";
import { bump, customCutoff, plateau } from "../../../src/construction/geometry/cutoff.ts";
import { tubeFrames } from "../../../src/construction/geometry/tube-frames.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import type { Variant } from "../../../src/construction/parameters/variant.ts";
import { CarlemanNodes, sampleCarlemanNodes } from "../../../src/kinetic/carleman-sampler.ts";
import { lcgUniform, seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { referenceCharacteristicFrequencyAt } from "../beam/characteristic-frequency-reference.ts";
import { referenceDuhamelAtNodes } from "./beam-gain-duhamel-reference.ts";

/**
 * The Q^±(f_b, f_b) error-table kernels after the speed-up (characteristic rule: transverse factors
 * shared across axial nodes, one exponential for φ and φ' of `bump`; value-only evaluations where
 * only the value is used; D⁺ at Carleman nodes: the per-tube helper written out in the loop) against
 * the straightforward loops they replaced (kept in ./…-reference.ts): the same numbers
 * BITWISE, on probes steered to where the work is (characteristics through the common crossing of
 * the tubes near 0, where every tube contributes, and long crossings of nearly parallel tubes, where
 * the axial panel ends differ between axial nodes).
 */

const beams: [Beam, string][] = [];
for (const M of [4, 8]) {
  for (const [cut, cname] of [
    [bump, "bump"],
    [plateau, "plateau"],
  ] as const) {
    for (const variant of ["as-in-proof", "as-written"] as Variant[]) {
      beams.push([
        makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), cut, variant),
        `M=${M} ${cname} ${variant}`,
      ]);
    }
  }
}

/** z in tube k (axial η, perpendicular offset q/M) and v near e_k (scale, tilt/M). */
function probe(beam: Beam, rnd: () => number, t: number) {
  const fr = tubeFrames(beam.lattice);
  const { M } = beam.params;
  const k = Math.floor(rnd() * beam.lattice.count);
  const eta = -t * (0.1 + 0.9 * rnd());
  const q1 = ((rnd() - 0.5) * 1.6) / M;
  const q2 = ((rnd() - 0.5) * 1.6) / M;
  const sc = 0.92 + 0.16 * rnd();
  const tilt = ((rnd() - 0.5) * 0.2) / M;
  const z = new Float64Array(3);
  const v = new Float64Array(3);
  for (let d = 0; d < 3; d++) {
    z[d] = eta * fr[9 * k + 6 + d] + q1 * fr[9 * k + d] + q2 * fr[9 * k + 3 + d];
    v[d] = sc * fr[9 * k + 6 + d] + tilt * fr[9 * k + 3 + d];
  }
  return { z, v };
}

test("characteristicFrequencyAt equals the reference loop bitwise (J and ∇J, levels 0–2, both cutoffs and variants)", () => {
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  let nonzero = 0;
  for (const [beam, name] of beams) {
    const rnd = lcgUniform(beam.params.M * 97 + name.length);
    const T = beam.params.Tstar;
    for (let i = 0; i < 5; i++) {
      const t = T * (0.3 + 0.7 * rnd());
      const t0 = i === 0 ? 0 : t * 0.6 * rnd();
      const { z, v } = probe(beam, rnd, t);
      for (const level of [0, 1, 2]) {
        for (const grad of [true, false]) {
          a.fill(Number.NaN);
          b.fill(Number.NaN);
          characteristicFrequencyAt(beam, z, v, t0, t, level, grad, a);
          referenceCharacteristicFrequencyAt(beam, z, v, t0, t, level, grad, b);
          const n = grad ? 4 : 1;
          for (let c = 0; c < n; c++)
            assert.equal(a[c], b[c], `${name} level ${level} grad ${grad} component ${c}`);
          if (b[0] > 0) nonzero++;
        }
      }
    }
  }
  // the probes must exercise the sums, not only empty ones
  assert.ok(nonzero >= 0.9 * beams.length * 5 * 6, `only ${nonzero} non-zero probes`);
});

test("characteristicFrequencyAt: a user cutoff (generic φ, φ' path) also matches the reference bitwise", () => {
  // φ(r) = (1 − r²)³ on r < 1: not `bump`, so the shared-exponential path must not be taken
  const poly = customCutoff("poly3", (r) => (r < 1 ? (1 - r * r) ** 3 : 0), {
    dphi: (r) => (r < 1 ? -6 * r * (1 - r * r) ** 2 : 0),
  });
  const beam = makeBeam(makeParameters({ M: 6, s: 0.8, s0: 0.5 }), poly, "as-in-proof");
  const rnd = lcgUniform(4242);
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  for (let i = 0; i < 6; i++) {
    const t = beam.params.Tstar;
    const { z, v } = probe(beam, rnd, t);
    characteristicFrequencyAt(beam, z, v, 0, t, 1, true, a);
    referenceCharacteristicFrequencyAt(beam, z, v, 0, t, 1, true, b);
    assert.ok(b[0] > 0);
    for (let c = 0; c < 4; c++) assert.equal(a[c], b[c]);
  }
});

test("lossDuhamelAt without gradient gives the same D⁻ as with it", () => {
  const [beam] = beams[0];
  const rnd = lcgUniform(7);
  const g = new Float64Array(4);
  const n = new Float64Array(4);
  for (let i = 0; i < 10; i++) {
    const { z, v } = probe(beam, rnd, beam.params.Tstar);
    lossDuhamelAt(beam, z, v, 0, beam.params.Tstar, 0, g, true);
    lossDuhamelAt(beam, z, v, 0, beam.params.Tstar, 0, n, false);
    assert.equal(n[0], g[0]);
  }
});

test("bumpL2Integrals and bumpSupIntegrals (Q⁻(f_b,f_b) L² and L^∞ parts) are unchanged with the reference kernel", () => {
  const beam = makeBeam(makeParameters({ M: 4, s: 0.8, s0: 0.5 }), bump, "as-in-proof");
  const T = beam.params.Tstar;
  for (const [t0, t] of [
    [0, T],
    [0.5 * T, T],
  ]) {
    const fast = bumpL2Integrals(beam, 3, t0, t, { points: 31, shifts: 2, seed: 5 });
    const ref = bumpL2Integrals(beam, 3, t0, t, {
      points: 31,
      shifts: 2,
      seed: 5,
      kernel: referenceCharacteristicFrequencyAt,
    });
    assert.deepEqual(fast, ref);
    assert.ok(fast.l2sq.value > 0 && fast.gradL2sq.value > 0);
  }
  const o = { gridPoints: 4, refineEvaluations: 12 };
  const fast = bumpSupIntegrals(beam, 2, 0, T, o);
  const ref = bumpSupIntegrals(beam, 2, 0, T, { ...o, kernel: referenceCharacteristicFrequencyAt });
  assert.deepEqual(fast, ref);
  assert.ok(fast.linf.value > 0 && fast.gradLinf.value > 0);
});

test("duhamelAtNodes (Q⁺(f_b,f_b) D⁺ and ∇D⁺ at Carleman nodes) equals the reference loop bitwise", () => {
  const nodes = new CarlemanNodes();
  const v = new Float64Array(3);
  const z = new Float64Array(3);
  const a = new Float64Array(DUHAMEL_SLOTS);
  const b = new Float64Array(DUHAMEL_SLOTS);
  let nonzero = 0;
  for (const [beam, name] of beams) {
    const rnd = seededUniform(beam.params.M * 13 + name.length);
    const pieces = beamBumpPieces(beam);
    const nb = pieces.length;
    const T = beam.params.Tstar;
    for (let i = 0; i < 3; i++) {
      // v near the middle of two bumps' energy sphere: |v| ≈ 1 in a random direction
      const th = Math.acos(2 * rnd() - 1);
      const ph = 2 * Math.PI * rnd();
      const r = 0.8 + 0.4 * rnd();
      v[0] = r * Math.sin(th) * Math.cos(ph);
      v[1] = r * Math.sin(th) * Math.sin(ph);
      v[2] = r * Math.cos(th);
      sampleCarlemanNodes(
        nodes,
        v,
        pieces,
        { outer: null, outerCount: nb, inner: null, innerCount: nb, nOuter: 40 },
        rnd,
      );
      for (let j = 0; j < 4; j++) {
        // characteristics through (near) the origin during the window
        const tc = T * rnd();
        const d = 0.5 / beam.params.M;
        for (let q = 0; q < 3; q++) z[q] = -tc * v[q] + d * (rnd() - 0.5);
        for (const grad of [true, false]) {
          const t0 = j === 0 ? 0 : 0.3 * T;
          duhamelAtNodes(beam, nodes, v, z, t0, T, 10, grad, a);
          referenceDuhamelAtNodes(beam, nodes, v, z, t0, T, 10, grad, b);
          for (let c = 0; c < DUHAMEL_SLOTS; c++)
            assert.equal(a[c], b[c], `${name} slot ${c} grad ${grad}`);
          if (b[0] + b[1] > 0) nonzero++;
        }
      }
    }
  }
  assert.ok(nonzero > beams.length * 3, `only ${nonzero} non-zero evaluations`);
});
