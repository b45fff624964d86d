import assert from "node:assert/strict";
import { test } from "node:test";
import {
  beamCollisionFrequency,
  beamValue,
  collisionFrequency,
  cutoffByName,
  makeBeam,
  makeParameters,
  maxwellian,
  runClaims,
  theoremTable,
} from "../src/index.ts";

/**
 * The public API end to end, against closed forms (docs/design.md conventions) and an independent
 * quadrature written here, never against values copied from the code.
 */

const s = 0.8;
const s0 = 0.5;

/** The `bump` profile of docs/design.md, written out again: φ(r) = exp(1 − 1/(1 − r²)) for r < 1. */
const phi = (r: number) => (r < 1 ? Math.exp(1 - 1 / (1 - r * r)) : 0);

/** ∫_a^b f by composite Simpson with n (even) panels: independent of the library's Gauss–Legendre. */
function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

test("the package name resolves to src/index.ts under the boltzlab-source condition (package.json exports)", async () => {
  const byName = await import("boltzlab");
  assert.equal(byName.makeBeam, makeBeam);
  assert.equal(byName.runClaims, runClaims);
});

test("f_b on a bump axis is M^{1−s}, and free transport moves it to x = vt (2.4)", () => {
  const M = 16;
  const beam = makeBeam(makeParameters({ M, s, s0 }), cutoffByName("bump"), "as-in-proof");
  const e = Array.from(beam.lattice.e.subarray(3 * 40, 3 * 40 + 3));
  // I(e) = φ(0)φ(0) = 1, K(0) = 1, and no other bump reaches e (as-in-proof supports are disjoint)
  assert.ok(Math.abs(beamValue(beam, 0, [0, 0, 0], e) - M ** (1 - s)) <= 1e-14 * M ** (1 - s));
  const t = 0.2;
  const x = e.map((c) => t * c);
  assert.ok(Math.abs(beamValue(beam, t, x, e) - M ** (1 - s)) <= 1e-14 * M ** (1 - s));
  // off the support of every tube: |x| > 1 + 1/M
  assert.equal(beamValue(beam, 0, [0, 0, 1.2], e), 0);
});

test("A[f_b](0, 0, 0) = 2π M^{1−s} n ∫|u| I(u) du (every K equals 1 at x = 0, t = 0)", () => {
  const M = 8;
  for (const variant of ["as-written", "as-in-proof"] as const) {
    const beam = makeBeam(makeParameters({ M, s, s0 }), cutoffByName("bump"), variant);
    const rho = variant === "as-in-proof" ? 1 / (10 * M) : 1 / M;
    // ∫|u| I(u) du in the bump's frame: u = a e + ρ r ω̂, du = ρ² r dr dψ da
    const W =
      2 *
      Math.PI *
      rho *
      rho *
      simpson(
        (a) =>
          phi(10 * Math.abs(a - 1)) *
          simpson((r) => r * phi(r) * Math.sqrt(a * a + rho * rho * r * r), 0, 1, 400),
        0.9,
        1.1,
        400,
      );
    const n = (M * (M + 1)) / 2;
    const expected = 2 * Math.PI * M ** (1 - s) * n * W;
    const A = beamCollisionFrequency(beam, 0, [0, 0, 0], [0, 0, 0]);
    assert.ok(
      Math.abs(A.value - expected) <= 1e-7 * expected + A.error,
      `${variant}: ${A.value} vs ${expected}`,
    );
    assert.ok(A.error < 1e-5 * expected);
  }
});

test("A[Maxwellian](v = u0) = 4√(2π) ρ √T (closed form of docs/design.md's A at a = 0)", () => {
  const rho = 1.7;
  const T = 0.6;
  const A = collisionFrequency(
    maxwellian({ rho, u: [0.1, 0, -0.2], T }),
    0,
    [0, 0, 0],
    [0.1, 0, -0.2],
  );
  const expected = 4 * Math.sqrt(2 * Math.PI) * rho * Math.sqrt(T);
  assert.ok(Math.abs(A.value - expected) <= 1e-9 * expected + A.error, `${A.value} vs ${expected}`);
});

test("claims through the public API: T* ≤ 1/4 and same-ring separation (2.19) against closed forms", async () => {
  const Ms = [4, 8];
  const claims = await runClaims({
    ids: ["T*<=1/4", "2.19"],
    Ms,
    s,
    s0,
    cutoffs: ["bump"],
    variants: ["as-in-proof"],
  });
  const tstar = claims.find((c) => c.id === "T*<=1/4");
  assert.ok(tstar);
  const T = (M: number) => M ** (s - 1) * Math.log(Math.log(M));
  for (const [i, M] of Ms.entries())
    assert.ok(Math.abs(tstar.measurements[i].value.value - T(M)) <= 1e-14);
  // T*(4) = 0.247 ≤ 1/4 < T*(8) = 0.48: violated because of M = 8
  assert.ok(T(4) <= 0.25 && T(8) > 0.25);
  assert.equal(tstar.verdict, "violated");
  const ring = claims.find((c) => c.id === "2.19");
  assert.ok(ring);
  // same ring j: min distance 2 sin(θ_j) sin(π/j), θ_j = πj/(2M), over j ≥ 2
  for (const [i, M] of Ms.entries()) {
    let best = Number.POSITIVE_INFINITY;
    for (let j = 2; j <= M; j++)
      best = Math.min(best, 2 * Math.sin((Math.PI * j) / (2 * M)) * Math.sin(Math.PI / j));
    assert.ok(Math.abs(ring.measurements[i].value.value - best * M) <= 1e-12, `M=${M}`);
  }
  assert.equal(ring.verdict, "violated"); // 4√2 < 8 at M = 4
});

test("Theorem 1.1 table: T* = M^{s−1} ln ln M and the distances are positive", () => {
  const rows = theoremTable({ Ms: [4, 1e6], s, s0, cutoff: "plateau", variant: "as-in-proof" });
  for (const r of rows) {
    assert.ok(Math.abs(r.Tstar.value - r.M ** (s - 1) * Math.log(Math.log(r.M))) <= 1e-15);
    assert.ok(r.initialDistance.value > 0 && r.finalDistance.value > 0);
    assert.ok(Math.abs(r.invLnM.value - 1 / Math.log(r.M)) <= 1e-16);
  }
});

test("the second solution's G_err measures are public: three terms × four Z-norm parts, found by id", async () => {
  const api = await import("../src/index.ts");
  assert.deepEqual([...api.G_ERR_TERMS], ["v.grad(fr0)", "Q-(fr0,fr0)", "Q+(fr0,fr0)"]);
  assert.equal(api.G_ERR_MEASURES.length, 12);
  for (const term of api.G_ERR_TERMS) {
    for (const part of ["L2", "gradL2", "Linf", "gradLinf"] as const) {
      assert.ok(api.findTableMeasure(term, part), `${term} ${part}`);
    }
  }
});
