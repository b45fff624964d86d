import assert from "node:assert/strict";
import { test } from "node:test";
import { collisionFrequency } from "../../src/kinetic/collision.ts";
import { freeTransport, sampledPhaseSpace } from "../../src/kinetic/free-transport.ts";
import { maxwellianCollisionFrequency } from "../../src/kinetic/maxwellian.ts";
import type { PhaseSpaceFunction } from "../../src/kinetic/phase-space.ts";
import { RuleError } from "../../src/math/errors.ts";

// f0(x, v) = exp(−|x|²) · M(v), a Maxwellian in v (ρ = 1, u = (0.5, 0, 0), T = 0.4) times a Gaussian in x
const T = 0.4;
const u0 = [0.5, 0, 0];
const mv = (v: ArrayLike<number>) =>
  (2 * Math.PI * T) ** -1.5 *
  Math.exp(-((v[0] - u0[0]) ** 2 + (v[1] - u0[1]) ** 2 + (v[2] - u0[2]) ** 2) / (2 * T));
const f0: PhaseSpaceFunction = {
  name: "gauss-x-maxwellian-v",
  value: (_t, x, v) => Math.exp(-(x[0] * x[0] + x[1] * x[1] + x[2] * x[2])) * mv(v),
  velocitySupport: () => pieces,
  velocitySupportAllX: () => pieces,
};
const pieces = [{ region: { kind: "ball" as const, center: u0, radius: 10 * Math.sqrt(T) } }];

test("free transport: f(t, x, v) = f0(x − vt, v), and the velocity support is carried along", () => {
  const f = freeTransport(f0);
  const x = [0.3, -0.2, 0.1];
  const v = [1, 2, -1];
  const t = 0.7;
  const expect = Math.exp(-((0.3 - 0.7) ** 2 + (-0.2 - 1.4) ** 2 + (0.1 + 0.7) ** 2)) * mv(v);
  assert.ok(Math.abs(f.value(t, x, v) - expect) < 1e-15 * expect);
  // A[f(t)](x, v) = ∫ |u − v| exp(−|x − ut|²) M(u) du: at t = 0 the Maxwellian closed form × e^{−|x|²}
  const a0 = collisionFrequency(f, 0, x, v, { tol: 1e-10, maxLevel: 7 });
  const ref =
    maxwellianCollisionFrequency({ rho: 1, u: [0.5, 0, 0], T }, v).value * Math.exp(-0.14);
  assert.ok(Math.abs(a0.value - ref) < 1e-9 * ref, `${a0.value} vs ${ref}`);
});

test("sampled phase-space data: multilinear interpolation is exact for multilinear data and transports", () => {
  const n = [3, 3, 3] as const;
  const xg = { min: [-1, -1, -1] as const, max: [1, 1, 1] as const, n };
  const vg = { min: [-2, -2, -2] as const, max: [2, 2, 2] as const, n };
  const lin = (x: number[], v: number[]) =>
    1 + 0.3 * x[0] - 0.2 * x[1] * v[2] + 0.1 * v[0] * x[2] + 0.05 * x[0] * x[1] * v[1];
  const data = new Float64Array(3 ** 6);
  let k = 0;
  const node = (i: number, lo: number, hi: number) => lo + ((hi - lo) * i) / 2;
  for (let a = 0; a < 3; a++)
    for (let b = 0; b < 3; b++)
      for (let c = 0; c < 3; c++)
        for (let d = 0; d < 3; d++)
          for (let e = 0; e < 3; e++)
            for (let g = 0; g < 3; g++)
              data[k++] = lin(
                [node(a, -1, 1), node(b, -1, 1), node(c, -1, 1)],
                [node(d, -2, 2), node(e, -2, 2), node(g, -2, 2)],
              );
  const s = sampledPhaseSpace("lin", xg, vg, data);
  const x = [0.37, -0.61, 0.2];
  const v = [1.1, -0.3, 0.9];
  assert.ok(Math.abs(s.value(0, x, v) - lin(x, v)) < 1e-14);
  assert.equal(s.value(0, [2, 0, 0], v), 0);
  const f = freeTransport(s);
  const t = 0.25;
  const y = [x[0] - v[0] * t, x[1] - v[1] * t, x[2] - v[2] * t];
  assert.ok(Math.abs(f.value(t, x, v) - lin(y, v)) < 1e-14);
  assert.throws(() => sampledPhaseSpace("bad", xg, vg, new Float64Array(5)), RuleError);
  assert.throws(
    () => freeTransport({ name: "no-support", value: () => 0, velocitySupport: () => [] }),
    RuleError,
  );
});
