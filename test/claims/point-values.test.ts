import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluatePoint, tubeCandidateCount } from "../../src/claims/point-values.ts";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { latticePoint } from "../../src/construction/geometry/lattice.ts";
import { tubeSumNaive, tubeValue } from "../../src/construction/geometry/tubes.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { uniformInBall } from "../../src/math/sampling/regions.ts";
import { uniformStream } from "../../src/math/sampling/uniform-stream.ts";

const M = 8;
const beam = makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), cutoffByName("bump"), "as-in-proof");
const base = {
  M,
  s: 0.8,
  s0: 0.5,
  p: undefined,
  t: 0,
  cutoff: "bump",
  variant: "as-in-proof",
} as const;

test("tubeCandidateCount covers every tube that is nonzero at x (brute force over the lattice), and Ksum equals the naive sum", () => {
  const rnd = uniformStream(11);
  const x = new Float64Array(3);
  const e = new Float64Array(3);
  for (let trial = 0; trial < 60; trial++) {
    uniformInBall(x, rnd, [0, 0, 0], 1.05);
    let nonzero = 0;
    for (let k = 0; k < beam.lattice.count; k++) {
      e.set(beam.lattice.e.subarray(3 * k, 3 * k + 3));
      if (tubeValue(beam.tube, e, x) > 0) nonzero++;
    }
    const n = tubeCandidateCount(beam.tube, Array.from(x));
    assert.ok(
      nonzero <= n && n <= beam.lattice.count,
      `x = ${x}: ${nonzero} nonzero, ${n} candidates`,
    );
    const r = evaluatePoint({ ...base, quantity: "Ksum", x: [x[0], x[1], x[2]], v: [0, 0, 1] });
    const naive = tubeSumNaive(beam.tube, beam.lattice, x, 0);
    assert.ok(
      Math.abs(r.estimate.value - naive) <= r.estimate.error + 1e-15,
      `Ksum ${r.estimate.value} vs ${naive}`,
    );
    assert.equal(r.offSupport === undefined, r.estimate.value !== 0);
  }
});

test("evaluatePoint: f_b on its own lattice direction is M^{1−s}, and an exact 0 says which support it is off", () => {
  const e = new Float64Array(3);
  latticePoint(e, 0, 1, 1, M);
  const v: [number, number, number] = [e[0], e[1], e[2]];
  const on = evaluatePoint({ ...base, quantity: "fb", x: [0, 0, 0], v });
  // K(0) = I(e) = 1 for the direction's own tube and bump (2.4)
  assert.ok(Math.abs(on.estimate.value - M ** (1 - 0.8)) <= on.estimate.error + 1e-12);
  assert.equal(
    evaluatePoint({ ...base, quantity: "Isum", x: [0, 0, 0], v: [0, 0, 0] }).offSupport?.kind,
    "bump-at-origin",
  );
  assert.equal(
    evaluatePoint({ ...base, quantity: "Isum", x: [0, 0, 0], v: [0.5, 0.5, 0.2] }).offSupport?.kind,
    "bump",
  );
  const far = evaluatePoint({ ...base, quantity: "fb", x: [5, 0, 0], v });
  assert.equal(far.offSupport?.kind, "tube");
  assert.equal(far.estimate.value, 0);
});
