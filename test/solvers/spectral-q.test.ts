import assert from "node:assert/strict";
import { test } from "node:test";
import { BKW_RATE_CONSTANT_KERNEL, Bkw } from "../../src/solvers/spectral/bkw.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { maxwellian } from "../../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../../src/solvers/spectral/mouhot-pareschi.ts";

/** max_j |Q_j − ∂t f_BKW(v_j)| and max |∂t f_BKW| on the grid, for a BKW solution with rate λ. */
function bkwResidual(
  n: number,
  rate: number,
  Q: Float64Array,
  L: number,
): { err: number; scale: number } {
  const g = makeGrid(n, L);
  const bkw = new Bkw({ K0: 0.7 }, rate);
  let err = 0;
  let scale = 0;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const ex = bkw.timeDerivative(0, g.axis[i] ** 2 + g.axis[j] ** 2 + g.axis[k] ** 2);
        err = Math.max(err, Math.abs(Q[idx] - ex));
        scale = Math.max(scale, Math.abs(ex));
      }
  return { err, scale };
}

test("bkw: the closed-form time derivative matches a finite difference of f", () => {
  const bkw = new Bkw({ K0: 0.65 });
  for (const v2 of [0, 0.5, 2, 7.3]) {
    const h = 1e-5;
    const fd = (bkw.value(0.3 + h, v2) - bkw.value(0.3 - h, v2)) / (2 * h);
    assert.ok(Math.abs(fd - bkw.timeDerivative(0.3, v2)) < 1e-8, `v2=${v2}`);
  }
  // mass 1, energy 3/2 (T = 1) by radial quadrature
  let m = 0;
  let e = 0;
  for (let r = 0.0005; r < 20; r += 0.001) {
    const w = 4 * Math.PI * r * r * 0.001 * bkw.value(0, r * r);
    m += w;
    e += 0.5 * r * r * w;
  }
  assert.ok(Math.abs(m - 1) < 1e-6 && Math.abs(e - 1.5) < 1e-6);
});

test("spectral Q, constant kernel: Q(f_BKW) = ∂t f_BKW with rate 8π/15; max-norm error falls with n", () => {
  const L = 8;
  const errs: number[] = [];
  let scale = 1;
  let Q32: Float64Array | null = null;
  for (const n of [8, 16, 32]) {
    const g = makeGrid(n, L);
    const f = new Bkw({ K0: 0.7 }).sample(g, 0, new Float64Array(n ** 3));
    const Q = new Float64Array(n ** 3);
    new MouhotPareschi(g, "constant", { angles: 4 }).evaluate(f, Q);
    const r = bkwResidual(n, BKW_RATE_CONSTANT_KERNEL, Q, L);
    errs.push(r.err);
    scale = r.scale;
    if (n === 32) Q32 = Q;
  }
  assert.ok(
    errs[1] < errs[0] / 4 && errs[2] < errs[1] / 100,
    `errors ${errs.map((e) => e.toExponential(2))}`,
  );
  assert.ok(errs[2] < 1e-4 * scale, `n=32 relative error ${errs[2] / scale}`);
  // a rate off by 2% (or the σ-normalization rate 1/6 of B = 1/(4π) scaled by 4π) is clearly rejected
  if (!Q32) throw new Error("unreachable");
  for (const wrong of [
    BKW_RATE_CONSTANT_KERNEL * 1.02,
    (4 * Math.PI) / 6,
    2 * BKW_RATE_CONSTANT_KERNEL,
  ]) {
    const r = bkwResidual(32, wrong, Q32, L);
    assert.ok(r.err > 50 * errs[2], `rate ${wrong} not distinguished: ${r.err} vs ${errs[2]}`);
  }
});

test("spectral Q: loss frequency equals 4π·mass (constant kernel) and the exact hard-sphere A[M]", () => {
  const n = 32;
  const g = makeGrid(n, 8);
  const f = maxwellian(g, 1, [0, 0, 0], 1);
  const gain = new Float64Array(n ** 3);
  const loss = new Float64Array(n ** 3);
  const Q = new Float64Array(n ** 3);
  new MouhotPareschi(g, "constant", { angles: 4 }).evaluate(f, Q, gain, loss);
  const c = n / 2; // v = 0
  const i0 = (c * n + c) * n + c;
  assert.ok(Math.abs(loss[i0] - 4 * Math.PI) < 1e-3 * 4 * Math.PI, `L(0) = ${loss[i0]}`);
  // hard spheres: A[M](v) = 2π∫|u − v| M(u) du; at v = 0, 2π E|u| = 2π·sqrt(8/π) for T = 1
  new MouhotPareschi(g, "hard-sphere", { angles: 4 }).evaluate(f, Q, gain, loss);
  const exact = 2 * Math.PI * Math.sqrt(8 / Math.PI);
  assert.ok(Math.abs(loss[i0] - exact) < 1e-3 * exact, `A(0) = ${loss[i0]} vs ${exact}`);
  // and for a Maxwellian the gain equals the loss (Q(M) = 0 up to the spectral error)
  assert.ok(Math.abs(gain[i0] - loss[i0] * f[i0]) < 1e-3 * gain[i0]);
});
