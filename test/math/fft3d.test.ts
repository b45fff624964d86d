import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { RuleError } from "../../src/math/errors.ts";
import { FFT3D, isPowerOfTwo } from "../../src/math/fft3d.ts";
import { uniformStream } from "../../src/math/sampling/uniform-stream.ts";

/** Deterministic pseudo-random numbers in [−1/2, 1/2) from the project's seeded family. */
function centred(seed: number): () => number {
  const u = uniformStream(seed);
  return () => u() - 0.5;
}

/** Direct O(n⁶) DFT, the independent reference. */
function directDFT(x: Float64Array, n: number, sign: number): Float64Array {
  const out = new Float64Array(2 * n ** 3);
  for (let p = 0; p < n; p++)
    for (let q = 0; q < n; q++)
      for (let r = 0; r < n; r++) {
        let re = 0;
        let im = 0;
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            for (let k = 0; k < n; k++) {
              const a = (sign * 2 * Math.PI * (p * i + q * j + r * k)) / n;
              const o = 2 * ((i * n + j) * n + k);
              const c = Math.cos(a);
              const s = Math.sin(a);
              re += x[o] * c - x[o + 1] * s;
              im += x[o] * s + x[o + 1] * c;
            }
        const o = 2 * ((p * n + q) * n + r);
        out[o] = re;
        out[o + 1] = im;
      }
  return out;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

test("fft3d: forward equals the direct DFT (n = 2, 4, 8)", () => {
  for (const n of [2, 4, 8]) {
    const rnd = centred(n);
    const x = new Float64Array(2 * n ** 3).map(() => rnd());
    const ref = directDFT(x, n, -1);
    const f = new FFT3D(n);
    const y = x.slice();
    f.forward(y);
    assert.ok(maxAbsDiff(y, ref) < 1e-12 * n ** 3, `n=${n}: ${maxAbsDiff(y, ref)}`);
  }
});

test("fft3d: inverse equals the scaled direct inverse DFT and round-trips", () => {
  const n = 8;
  const rnd = centred(7);
  const x = new Float64Array(2 * n ** 3).map(() => rnd());
  const ref = directDFT(x, n, +1).map((v) => v / n ** 3);
  const f = new FFT3D(n);
  const y = x.slice();
  f.inverse(y);
  assert.ok(maxAbsDiff(y, ref) < 1e-14 * n ** 3);
  f.forward(y);
  assert.ok(maxAbsDiff(y, x) < 1e-14 * n ** 3);
});

test("fft3d: real-to-complex matches the complex transform; complex-to-real round-trips", () => {
  for (const n of [2, 4, 16]) {
    const rnd = centred(100 + n);
    const nh = n / 2 + 1;
    const real = new Float64Array(n ** 3).map(() => rnd());
    const cx = new Float64Array(2 * n ** 3);
    for (let i = 0; i < n ** 3; i++) cx[2 * i] = real[i];
    const f = new FFT3D(n);
    f.forward(cx);
    const half = f.halfSpectrumArray();
    f.forwardReal(real, half);
    let err = 0;
    for (let p = 0; p < n; p++)
      for (let q = 0; q < n; q++)
        for (let r = 0; r < nh; r++) {
          const a = 2 * ((p * n + q) * n + r);
          const b = 2 * ((p * n + q) * nh + r);
          err = Math.max(err, Math.abs(cx[a] - half[b]), Math.abs(cx[a + 1] - half[b + 1]));
        }
    assert.ok(err < 1e-12 * n ** 3, `n=${n}: r2c error ${err}`);
    const back = new Float64Array(n ** 3);
    f.inverseReal(half, back);
    assert.ok(maxAbsDiff(back, real) < 1e-14 * n ** 3, `n=${n}: c2r round trip`);
  }
});

test("fft3d: Parseval at n = 32", () => {
  const n = 32;
  const rnd = centred(3);
  const x = new Float64Array(2 * n ** 3).map(() => rnd());
  let e0 = 0;
  for (const v of x) e0 += v * v;
  const f = new FFT3D(n);
  f.forward(x);
  let e1 = 0;
  for (const v of x) e1 += v * v;
  assert.ok(Math.abs(e1 / n ** 3 - e0) < 1e-12 * e0);
});

test("fft3d: sizes that are not powers of two are refused with a RuleError", () => {
  assert.equal(isPowerOfTwo(48), false);
  assert.equal(isPowerOfTwo(64), true);
  assert.throws(() => new FFT3D(48), RuleError);
  assert.throws(() => new FFT3D(1), RuleError);
});

test("fft3d: forward c2c and r2c equal numpy.fft.fftn / rfftn (n = 32, 64) to round-off", () => {
  const dir = mkdtempSync(join(tmpdir(), "fft3d-numpy-"));
  try {
    for (const n of [32, 64]) {
      const rnd = centred(1000 + n);
      const real = new Float64Array(n ** 3).map(() => rnd());
      const cx = new Float64Array(2 * n ** 3).map(() => rnd());
      writeFileSync(join(dir, "real.bin"), real);
      writeFileSync(join(dir, "cx.bin"), cx);
      const py = [
        "import numpy as np, sys",
        `n = ${n}; d = sys.argv[1]`,
        "r = np.fromfile(d + '/real.bin').reshape(n, n, n)",
        "c = np.fromfile(d + '/cx.bin').view(complex).reshape(n, n, n)",
        "np.fft.fftn(c).astype(complex).tofile(d + '/fftn.bin')",
        "np.fft.rfftn(r).astype(complex).tofile(d + '/rfftn.bin')",
      ].join("\n");
      const res = spawnSync("python3", ["-c", py, dir], { encoding: "utf8" });
      assert.equal(res.status, 0, res.stderr);
      const refC = new Float64Array(readFileSync(join(dir, "fftn.bin")).buffer.slice(0));
      const refR = new Float64Array(readFileSync(join(dir, "rfftn.bin")).buffer.slice(0));
      const f = new FFT3D(n);
      const y = cx.slice();
      f.forward(y);
      const h = f.halfSpectrumArray();
      f.forwardReal(real, h);
      let scale = 0;
      for (const v of refC) scale = Math.max(scale, Math.abs(v));
      // round-off of an n³ FFT: a few ulps times log₂ n³ relative to the largest coefficient
      assert.ok(maxAbsDiff(y, refC) < 1e-14 * scale, `n=${n}: c2c ${maxAbsDiff(y, refC) / scale}`);
      scale = 0;
      for (const v of refR) scale = Math.max(scale, Math.abs(v));
      assert.ok(maxAbsDiff(h, refR) < 1e-14 * scale, `n=${n}: r2c ${maxAbsDiff(h, refR) / scale}`);
      // and a wrong answer would be caught: one perturbed coefficient is far outside the bound
      h[7] += 1e-10 * scale;
      assert.ok(maxAbsDiff(h, refR) > 1e-14 * scale);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
