/**
 * The angular rules of the spectral solver (`src/solvers/spectral/directions.ts`): exactness on
 * even monomials against the closed form of ∫_{S²} x^a y^b z^c, and the Lebedev table against
 * scipy.integrate.lebedev_rule (an independent expansion of the same Lebedev–Laikov generators).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import {
  halfSphereRule,
  LEBEDEV_DEGREES,
  lebedevRule,
  type SphereRule,
  sphereRule,
} from "../../src/solvers/spectral/directions.ts";

/** k!! (with (−1)!! = 1). */
function doubleFactorial(k: number): number {
  let p = 1;
  for (let j = k; j > 1; j -= 2) p *= j;
  return p;
}

/** ∫_{S²} x^a y^b z^c dσ for even a, b, c: 4π (a−1)!!(b−1)!!(c−1)!!/(a+b+c+1)!!. */
function sphereMonomial(a: number, b: number, c: number): number {
  return (
    (4 * Math.PI * doubleFactorial(a - 1) * doubleFactorial(b - 1) * doubleFactorial(c - 1)) /
    doubleFactorial(a + b + c + 1)
  );
}

/** Largest relative error of the rule over the even monomials of total degree ≤ deg. */
function monomialError(r: SphereRule, deg: number): number {
  let worst = 0;
  for (let a = 0; a <= deg; a += 2)
    for (let b = 0; a + b <= deg; b += 2)
      for (let c = 0; a + b + c <= deg; c += 2) {
        let s = 0;
        for (let d = 0; d < r.count; d++)
          s += r.weights[d] * r.dirs[3 * d] ** a * r.dirs[3 * d + 1] ** b * r.dirs[3 * d + 2] ** c;
        worst = Math.max(worst, Math.abs(s / sphereMonomial(a, b, c) - 1));
      }
  return worst;
}

test("Lebedev rules: unit directions, one of each antipodal pair, exact for even monomials up to their degree", () => {
  for (const P of LEBEDEV_DEGREES) {
    const r = lebedevRule(P);
    for (let d = 0; d < r.count; d++) {
      const [x, y, z] = [r.dirs[3 * d], r.dirs[3 * d + 1], r.dirs[3 * d + 2]];
      assert.ok(Math.abs(Math.hypot(x, y, z) - 1) < 1e-14);
      assert.ok(r.weights[d] > 0);
      for (let e = 0; e < d; e++) {
        const dot = x * r.dirs[3 * e] + y * r.dirs[3 * e + 1] + z * r.dirs[3 * e + 2];
        assert.ok(
          Math.abs(Math.abs(dot) - 1) > 1e-12,
          `P=${P}: directions ${d}, ${e} (anti)parallel`,
        );
      }
    }
    const even = P % 2 === 0 ? P : P - 1;
    assert.ok(monomialError(r, even) < 1e-13, `P=${P}: ${monomialError(r, even)}`);
    // and not beyond: some even monomial of degree P + 1 is missed
    assert.ok(monomialError(r, even + 2) > 1e-10, `P=${P} exact beyond its degree?`);
  }
  assert.equal(lebedevRule(19).count, 73);
  assert.equal(sphereRule("product", 6).count, 72);
  assert.ok(monomialError(halfSphereRule(6), 10) < 1e-13);
  assert.throws(() => lebedevRule(13), /Lebedev degree must be one of/);
});

test("Lebedev rules: the same points and weights as scipy.integrate.lebedev_rule", () => {
  for (const P of [11, 19, 41]) {
    const out = execFileSync(
      "python3",
      [
        "-c",
        `import json, numpy as np; from scipy.integrate import lebedev_rule; x, w = lebedev_rule(${P}); print(json.dumps([x.T.tolist(), w.tolist()]))`,
      ],
      { encoding: "utf8" },
    );
    const [pts, w] = JSON.parse(out) as [number[][], number[]];
    const r = lebedevRule(P);
    assert.equal(2 * r.count, pts.length);
    for (let d = 0; d < r.count; d++) {
      // the direction or its antipode is a scipy point, with half the weight
      const e = [r.dirs[3 * d], r.dirs[3 * d + 1], r.dirs[3 * d + 2]];
      const i = pts.findIndex((p) => Math.hypot(p[0] - e[0], p[1] - e[1], p[2] - e[2]) < 1e-13);
      const j = pts.findIndex((p) => Math.hypot(p[0] + e[0], p[1] + e[1], p[2] + e[2]) < 1e-13);
      assert.ok(i >= 0 && j >= 0, `P=${P}: direction ${e} or its antipode not in scipy's rule`);
      assert.ok(Math.abs(r.weights[d] / (w[i] + w[j]) - 1) < 1e-13);
    }
  }
});
