import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { RuleError } from "../../src/math/errors.ts";
import { FFT3D, isPowerOfTwo } from "../../src/math/fft3d.ts";
import { kernelFromBytes, simdAvailable } from "../../src/math/fft3d-simd.ts";
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

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** Both engines: every test below runs on the WebAssembly SIMD kernel and on the scalar code. */
const ENGINES = ["wasm-simd", "scalar"] as const;

test("fft3d: Node 20 runs the WebAssembly SIMD engine by default, the scalar one past n = 256", () => {
  assert.equal(simdAvailable(), true);
  assert.equal(new FFT3D(16).engine, "wasm-simd");
  assert.equal(new FFT3D(16, "scalar").engine, "scalar");
  assert.equal(new FFT3D(512).engine, "scalar");
  assert.throws(() => new FFT3D(512, "wasm-simd"), RuleError);
  assert.throws(() => new FFT3D(16, "fast" as "auto"), RuleError);
  // bytes that do not validate (as the kernel does not without SIMD) give no kernel: the fallback
  assert.equal(kernelFromBytes(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255])), null);
});

test("fft3d: the SIMD and scalar engines agree to round-off (n = 2 … 128, all four transforms)", () => {
  for (const n of [2, 4, 8, 16, 32, 64, 128]) {
    const rnd = centred(500 + n);
    const a = new FFT3D(n, "wasm-simd");
    const b = new FFT3D(n, "scalar");
    const x = new Float64Array(2 * n ** 3).map(() => rnd());
    const real = new Float64Array(n ** 3).map(() => rnd());
    const rel = (u: Float64Array, v: Float64Array) => maxAbsDiff(u, v) / maxAbs(v);
    // round-off of an n³ FFT relative to its largest coefficient: a few ulps times log₂ n³
    const tol = 4e-16 * Math.log2(n ** 3);
    const ya = x.slice();
    const yb = x.slice();
    a.forward(ya);
    b.forward(yb);
    assert.ok(rel(ya, yb) < tol, `n=${n} forward ${rel(ya, yb)}`);
    a.inverse(ya);
    b.inverse(yb);
    assert.ok(rel(ya, yb) < tol, `n=${n} inverse ${rel(ya, yb)}`);
    assert.ok(rel(ya, x) < tol, `n=${n} round trip ${rel(ya, x)}`);
    const ha = a.halfSpectrumArray();
    const hb = b.halfSpectrumArray();
    a.forwardReal(real, ha);
    b.forwardReal(real, hb);
    assert.ok(rel(ha, hb) < tol, `n=${n} r2c ${rel(ha, hb)}`);
    const ra = new Float64Array(n ** 3);
    const rb = new Float64Array(n ** 3);
    a.inverseReal(ha, ra);
    b.inverseReal(hb, rb);
    assert.ok(rel(ra, rb) < tol, `n=${n} c2r ${rel(ra, rb)}`);
    assert.ok(rel(ra, real) < tol, `n=${n} c2r round trip ${rel(ra, real)}`);
  }
});

test("fft3d: forward equals the direct DFT (n = 2, 4, 8, 16)", () => {
  for (const n of [2, 4, 8, 16]) {
    const rnd = centred(n);
    const x = new Float64Array(2 * n ** 3).map(() => rnd());
    const ref = directDFT(x, n, -1);
    for (const engine of ENGINES) {
      const f = new FFT3D(n, engine);
      const y = x.slice();
      f.forward(y);
      const e = maxAbsDiff(y, ref) / maxAbs(ref);
      assert.ok(e < 1e-14, `${engine} n=${n}: ${e}`);
    }
  }
});

test("fft3d: inverse equals the scaled direct inverse DFT and round-trips", () => {
  const n = 8;
  const rnd = centred(7);
  const x = new Float64Array(2 * n ** 3).map(() => rnd());
  const ref = directDFT(x, n, +1).map((v) => v / n ** 3);
  for (const engine of ENGINES) {
    const f = new FFT3D(n, engine);
    const y = x.slice();
    f.inverse(y);
    assert.ok(maxAbsDiff(y, ref) < 1e-14 * maxAbs(ref), engine);
    f.forward(y);
    assert.ok(maxAbsDiff(y, x) < 1e-14 * maxAbs(x), engine);
  }
});

test("fft3d: real-to-complex matches the complex transform; complex-to-real round-trips", () => {
  for (const [n, engine] of [2, 4, 8, 16].flatMap((n) => ENGINES.map((e) => [n, e] as const))) {
    const rnd = centred(100 + n);
    const nh = n / 2 + 1;
    const real = new Float64Array(n ** 3).map(() => rnd());
    const cx = new Float64Array(2 * n ** 3);
    for (let i = 0; i < n ** 3; i++) cx[2 * i] = real[i];
    const f = new FFT3D(n, engine);
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
  for (const engine of ENGINES) {
    const rnd = centred(3);
    const x = new Float64Array(2 * n ** 3).map(() => rnd());
    let e0 = 0;
    for (const v of x) e0 += v * v;
    const f = new FFT3D(n, engine);
    f.forward(x);
    let e1 = 0;
    for (const v of x) e1 += v * v;
    assert.ok(Math.abs(e1 / n ** 3 - e0) < 1e-12 * e0, engine);
  }
});

test("fft3d: sizes that are not powers of two are refused with a RuleError", () => {
  assert.equal(isPowerOfTwo(48), false);
  assert.equal(isPowerOfTwo(64), true);
  assert.throws(() => new FFT3D(48), RuleError);
  assert.throws(() => new FFT3D(1), RuleError);
});

test("fft3d: fftn, ifftn, rfftn, irfftn equal numpy.fft (n = 32, 64; both engines) to round-off", () => {
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
        "np.fft.ifftn(c).astype(complex).tofile(d + '/ifftn.bin')",
        "np.fft.irfftn(np.fft.rfftn(r) * (1 + 0.5j), s=(n, n, n)).tofile(d + '/irfftn.bin')",
        "np.fft.irfftn(np.fft.rfftn(r) * 1.5, s=(n, n, n)).tofile(d + '/irfftn-h.bin')",
      ].join("\n");
      const res = spawnSync("python3", ["-c", py, dir], { encoding: "utf8" });
      assert.equal(res.status, 0, res.stderr);
      const load = (name: string) =>
        new Float64Array(readFileSync(join(dir, `${name}.bin`)).buffer.slice(0));
      const refC = load("fftn");
      const refR = load("rfftn");
      const refCi = load("ifftn");
      const refRi = load("irfftn");
      const refRh = load("irfftn-h");
      for (const engine of ENGINES) {
        const f = new FFT3D(n, engine);
        const rel = (u: Float64Array, v: Float64Array) => maxAbsDiff(u, v) / maxAbs(v);
        // round-off of an n³ FFT: a few ulps times log₂ n³ relative to the largest coefficient
        const y = cx.slice();
        f.forward(y);
        assert.ok(rel(y, refC) < 1e-14, `${engine} n=${n}: c2c ${rel(y, refC)}`);
        const yi = cx.slice();
        f.inverse(yi);
        assert.ok(rel(yi, refCi) < 1e-14, `${engine} n=${n}: ifftn ${rel(yi, refCi)}`);
        const h = f.halfSpectrumArray();
        f.forwardReal(real, h);
        assert.ok(rel(h, refR) < 1e-14, `${engine} n=${n}: r2c ${rel(h, refR)}`);
        const back = new Float64Array(n ** 3);
        const h15 = refR.map((v) => 1.5 * v);
        f.inverseReal(h15, back);
        assert.ok(rel(back, refRh) < 1e-14, `${engine} n=${n}: irfftn ${rel(back, refRh)}`);
        if (engine === "wasm-simd") {
          // a spectrum that is not Hermitian (times 1 + i/2): numpy keeps only the real parts of
          // the r = 0 and n/2 planes along the last axis, and so does the SIMD engine
          h.set(refR);
          for (let i = 0; i < h.length; i += 2) {
            const re = h[i];
            h[i] = re - 0.5 * h[i + 1];
            h[i + 1] = h[i + 1] + 0.5 * re;
          }
          f.inverseReal(h, back);
          assert.ok(rel(back, refRi) < 1e-14, `${engine} n=${n}: irfftn ${rel(back, refRi)}`);
        }
        // and a wrong answer would be caught: one perturbed coefficient is far outside the bound
        h.set(refR);
        h[7] += 1e-10 * maxAbs(refR);
        assert.ok(rel(h, refR) > 1e-14);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
