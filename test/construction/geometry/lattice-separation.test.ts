import assert from "node:assert/strict";
import { test } from "node:test";
import { makeLattice } from "../../../src/construction/geometry/lattice.ts";
import {
  latticeDistance,
  latticeSeparation,
} from "../../../src/construction/geometry/lattice-separation.ts";
import { RuleError } from "../../../src/math/errors.ts";

/** Brute force over all unordered pairs of materialized points: overall and same-ring minima. */
function bruteForce(M: number): { min: number; sameRing: number } {
  const { e, count, ring } = makeLattice(M);
  let min = Number.POSITIVE_INFINITY;
  let sameRing = Number.POSITIVE_INFINITY;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const d = Math.hypot(
        e[3 * a] - e[3 * b],
        e[3 * a + 1] - e[3 * b + 1],
        e[3 * a + 2] - e[3 * b + 2],
      );
      if (d < min) min = d;
      if (ring[a] === ring[b] && d < sameRing) sameRing = d;
    }
  }
  return { min, sameRing };
}

/** |e_{i1,j1} − e_{i2,j2}| from the coordinates of (2.3). */
function coordinateDistance(pair: readonly (readonly [number, number])[], M: number): number {
  const pt = ([i, j]: readonly [number, number]) => {
    const th = (Math.PI * j) / (2 * M);
    const ph = (2 * Math.PI * i) / j;
    return [Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)];
  };
  const a = pt(pair[0]);
  const b = pt(pair[1]);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

const REL = 1e-12;

test("latticeSeparation equals brute force over all pairs for 2 <= M <= 40", () => {
  for (let M = 2; M <= 40; M++) {
    const sep = latticeSeparation(M);
    const brute = bruteForce(M);
    assert.equal(sep.count, (M * (M + 1)) / 2);
    assert.ok(
      Math.abs(sep.minSeparation - brute.min) <= REL * brute.min,
      `M=${M}: ${sep.minSeparation} vs brute ${brute.min}`,
    );
    assert.ok(
      Math.abs(sep.minSameRingSeparation - brute.sameRing) <= REL * brute.sameRing,
      `M=${M}: same ring ${sep.minSameRingSeparation} vs brute ${brute.sameRing}`,
    );
    // the reported pairs are distinct lattice points attaining the minima
    for (const [pair, value] of [
      [sep.argmin, sep.minSeparation],
      [sep.sameRingArgmin, sep.minSameRingSeparation],
    ] as const) {
      for (const [i, j] of pair) assert.ok(j >= 1 && j <= M && i >= 1 && i <= j);
      assert.notDeepEqual(pair[0], pair[1]);
      assert.ok(Math.abs(coordinateDistance(pair, M) - value) <= REL * value);
    }
    assert.equal(sep.sameRingArgmin[0][1], sep.sameRingArgmin[1][1]);
  }
});

test("the separation estimate (2.10) |e - e'| >= 1/M holds for M up to 10^6", () => {
  for (const M of [2, 3, 10, 100, 1000, 10 ** 6]) {
    assert.ok(latticeSeparation(M).minSeparation * M >= 1, `M=${M}`);
  }
});

test("latticeDistance (stable form) agrees with coordinates", () => {
  const M = 17;
  for (const [i1, j1, i2, j2] of [
    [1, 1, 2, 2],
    [3, 5, 4, 6],
    [1, 17, 9, 17],
    [2, 9, 7, 13],
  ]) {
    const d = latticeDistance(i1, j1, i2, j2, M);
    const c = coordinateDistance(
      [
        [i1, j1],
        [i2, j2],
      ],
      M,
    );
    assert.ok(Math.abs(d - c) <= 1e-14, `${d} vs ${c}`);
  }
});

test("latticeSeparation refuses M that is not an integer >= 2", () => {
  for (const M of [1, 2.5, Number.NaN]) assert.throws(() => latticeSeparation(M), RuleError);
});
