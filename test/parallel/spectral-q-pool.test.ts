import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { SpectralQPool } from "../../src/parallel/spectral-q-pool.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { MouhotPareschi } from "../../src/solvers/spectral/mouhot-pareschi.ts";

/** A smooth, anisotropic, non-Maxwellian datum (two shifted Gaussians) on the grid. */
function datum(n: number, L: number): Float64Array {
  const g = makeGrid(n, L);
  const f = new Float64Array(n ** 3);
  let idx = 0;
  for (const x of g.axis)
    for (const y of g.axis)
      for (const z of g.axis) {
        const a = (x - 1) ** 2 + y * y + 0.5 * z * z;
        const b = (x + 0.7) ** 2 + (y - 0.4) ** 2 + z * z;
        f[idx++] = Math.exp(-a / 1.3) + 0.6 * Math.exp(-b / 0.8);
      }
  return f;
}

function sameBits(a: Float64Array, b: Float64Array): number {
  let differ = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) differ++;
  return differ;
}

test("spectral Q pool: 2 and 3 workers give the serial Q, gain and loss frequency bit for bit", async () => {
  const n = 16;
  const grid = makeGrid(n, 7);
  const f = datum(n, 7);
  const n3 = n ** 3;
  for (const kernel of ["hard-sphere", "constant"] as const) {
    const serial = new MouhotPareschi(grid, kernel, { angles: 3 });
    const q0 = new Float64Array(n3);
    const g0 = new Float64Array(n3);
    const l0 = new Float64Array(n3);
    serial.evaluate(f, q0, g0, l0);
    for (const workers of kernel === "hard-sphere" ? [2, 3] : [2]) {
      const pool = SpectralQPool.open(grid, kernel, { angles: 3 }, workers);
      try {
        const q = new Float64Array(n3);
        const g = new Float64Array(n3);
        const l = new Float64Array(n3);
        // twice: the second evaluation reuses the threads (a new generation)
        for (let rep = 0; rep < 2; rep++) {
          pool.evaluate(f, q, g, l);
          assert.equal(sameBits(q, q0), 0, `${kernel}, ${workers} workers, Q (rep ${rep})`);
          assert.equal(sameBits(g, g0), 0, `${kernel}, ${workers} workers, gain`);
          assert.equal(sameBits(l, l0), 0, `${kernel}, ${workers} workers, loss frequency`);
        }
        // a different datum gives a different Q (the pool does not replay an old answer)
        const f2 = f.map((v) => v * v);
        pool.evaluate(f2, q);
        serial.evaluate(f2, q0);
        assert.equal(sameBits(q, q0), 0);
        serial.evaluate(f, q0);
      } finally {
        await pool.close();
      }
    }
  }
});

test("spectral Q pool: the blocks sum to a Q that conserves mass (a check the pool could fail)", async () => {
  const n = 16;
  const grid = makeGrid(n, 7);
  const f = datum(n, 7);
  const pool = SpectralQPool.open(grid, "hard-sphere", { angles: 3 }, 2);
  const q = new Float64Array(n ** 3);
  try {
    pool.evaluate(f, q);
  } finally {
    await pool.close();
  }
  let mass = 0;
  let scale = 0;
  for (let i = 0; i < q.length; i++) {
    mass += q[i];
    scale += Math.abs(q[i]);
  }
  assert.ok(scale > 0);
  assert.ok(Math.abs(mass) < 1e-2 * scale, `∫Q = ${mass} against ∫|Q| = ${scale}`);
  assert.throws(() => pool.evaluate(f, q), /closed/);
});

test("relax --workers 2 at n = 32 prints the same run as --workers 1 (Q on the pool, same bits)", () => {
  const main = join(import.meta.dirname, "../../src/cli/main.ts");
  const run = (workers: string) => {
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        main,
        "relax",
        "--kernel",
        "constant",
        "--init",
        "bkw",
        "--n",
        "32",
        "--angles",
        "5",
        "--t-end",
        "0.01",
        "--dt",
        "0.01",
        "--json",
        "--no-progress",
        "--workers",
        workers,
      ],
      { encoding: "utf8" },
    );
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const one = run("1");
  const two = run("2");
  assert.equal(one.workers, 1);
  assert.equal(two.workers, 2);
  for (const k of ["elapsedSeconds", "workers"]) {
    delete one[k];
    delete two[k];
  }
  assert.ok(one.series.length >= 2 && one.evaluations >= 3);
  assert.deepEqual(two, one);
});

test("spectral Q pool with the staircase:2 truncation: the serial Q bit for bit (and not the separated one)", async () => {
  const n = 16;
  const grid = makeGrid(n, 7, 5.5);
  const f = datum(n, 7);
  const n3 = n ** 3;
  const opts = { angles: 3, truncation: { steps: 2 } };
  const q0 = new Float64Array(n3);
  new MouhotPareschi(grid, "hard-sphere", opts).evaluate(f, q0);
  const qs = new Float64Array(n3);
  new MouhotPareschi(grid, "hard-sphere", { angles: 3 }).evaluate(f, qs);
  assert.ok(sameBits(q0, qs) > 0, "staircase:2 must differ from separated");
  const pool = SpectralQPool.open(grid, "hard-sphere", opts, 2);
  try {
    const q = new Float64Array(n3);
    pool.evaluate(f, q);
    assert.equal(sameBits(q, q0), 0);
  } finally {
    await pool.close();
  }
});
