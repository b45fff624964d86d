import assert from "node:assert/strict";
import { test } from "node:test";
import { nearestLatticeDirection } from "../../../src/construction/geometry/lattice-nearest.ts";
import { RuleError } from "../../../src/math/errors.ts";

/** nearestLatticeDirection against brute force over every e_{i,j} of (2.3), computed here. */

function bruteForce(M: number, u: readonly number[]): { chord: number; i: number; j: number } {
  const n = Math.hypot(u[0], u[1], u[2]);
  let best = { chord: Number.POSITIVE_INFINITY, i: 0, j: 0 };
  for (let j = 1; j <= M; j++) {
    for (let i = 1; i <= j; i++) {
      const th = (Math.PI * j) / (2 * M);
      const ph = (2 * Math.PI * i) / j;
      const e = [Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)];
      const chord = Math.hypot(e[0] - u[0] / n, e[1] - u[1] / n, e[2] - u[2] / n);
      if (chord < best.chord) best = { chord, i, j };
    }
  }
  return best;
}

/** A small deterministic generator (LCG), so the directions are reproducible. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

test("nearest lattice direction equals brute force (random directions, poles, the azimuth seam, lower hemisphere)", () => {
  const rnd = lcg(2024);
  const special = [
    [0, 0, 1],
    [0, 0, -1],
    [1, 0, 0],
    [1, -1e-9, 0.3],
    [1, 1e-9, 0.3],
    [0.2, -0.1, -0.9],
  ];
  for (const M of [2, 3, 5, 8, 17, 40]) {
    const dirs = [...special];
    for (let k = 0; k < 60; k++) dirs.push([2 * rnd() - 1, 2 * rnd() - 1, 2 * rnd() - 1]);
    for (const u of dirs) {
      const got = nearestLatticeDirection(M, u);
      const want = bruteForce(M, u);
      assert.ok(
        Math.abs(got.chord - want.chord) <= 1e-14,
        `M = ${M}, u = ${u}: ${got.chord} vs ${want.chord}`,
      );
      assert.ok(got.i >= 1 && got.i <= got.j && got.j <= M);
      const e = got.e;
      const n = Math.hypot(u[0], u[1], u[2]);
      const chord = Math.hypot(e[0] - u[0] / n, e[1] - u[1] / n, e[2] - u[2] / n);
      assert.ok(Math.abs(chord - got.chord) <= 1e-14, "e and chord agree");
    }
  }
});

test("nearest lattice direction: a lattice point is its own nearest direction; bad input is refused", () => {
  const M = 12;
  const th = (Math.PI * 7) / (2 * M);
  const ph = (2 * Math.PI * 3) / 7;
  const got = nearestLatticeDirection(M, [
    Math.sin(th) * Math.cos(ph),
    Math.sin(th) * Math.sin(ph),
    Math.cos(th),
  ]);
  assert.deepEqual([got.i, got.j], [3, 7]);
  assert.ok(got.chord <= 1e-15);
  assert.throws(() => nearestLatticeDirection(M, [0, 0, 0]), RuleError);
  assert.throws(() => nearestLatticeDirection(1, [0, 0, 1]), RuleError);
});
