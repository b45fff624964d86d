/**
 * Whole-process FFT timing (not a test), the boltzlab side of a pair with bench/fft3d_numpy_loop.py:
 * `reps` transforms of one kind at n³ after one warm-up, nothing printed but a checksum. Time both
 * with an external timer in alternation (e.g. /usr/bin/time, or a pairing harness) and subtract the
 * `reps = 0` startup of each.
 *
 *   npx tsx bench/fft3d-loop.ts N c2c|r2c REPS [auto|wasm-simd|scalar]
 */
import { FFT3D, type FFTEngine } from "../src/math/fft3d.ts";

const n = Number(process.argv[2]);
const kind = process.argv[3];
const reps = Number(process.argv[4]);
const f = new FFT3D(n, (process.argv[5] ?? "auto") as FFTEngine);
let check = 0;
if (kind === "c2c") {
  const x = f.complexArray().map((_, i) => Math.sin(i * 0.37));
  if (reps > 0) f.forward(x);
  for (let r = 0; r < reps; r++) f.forward(x);
  check = x[1];
} else {
  const x = new Float64Array(n ** 3).map((_, i) => Math.sin(i * 0.71));
  const h = f.halfSpectrumArray();
  if (reps > 0) f.forwardReal(x, h);
  for (let r = 0; r < reps; r++) f.forwardReal(x, h);
  check = h[1];
}
console.log(check);
