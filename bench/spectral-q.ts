/**
 * Benchmark (not a test): time per evaluation of the spectral Q(f,f) (src/solvers/spectral) at
 * n = 16, 32, 64 with the number of directions used, and the ratio against a reference timed in
 * the same run: one complex 3D FFT of the same size (the method costs (directions + 2) of them
 * plus O(n³) work per direction, so the ratio should be close to directions + 2).
 *
 *   npx tsx bench/spectral-q.ts [--angles M]
 */
import { FFT3D } from "../src/math/fft3d.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { twoBeam } from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";

function minMs(fn: () => void, repeats: number): number {
  fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ai = process.argv.indexOf("--angles");
const M = ai > 0 ? Number(process.argv[ai + 1]) : 4;
for (const kernel of ["hard-sphere", "constant"] as const) {
  for (const n of [16, 32, 64]) {
    const g = makeGrid(n, 7.8);
    const t0 = performance.now();
    const op = new MouhotPareschi(g, kernel, { angles: M });
    const setup = performance.now() - t0;
    const f = twoBeam(g, 1, 0.5);
    const q = new Float64Array(n ** 3);
    const repeats = n <= 32 ? 5 : 2;
    const tq = minMs(() => op.evaluate(f, q), repeats);
    const fft = new FFT3D(n);
    const x = fft.complexArray().map((_, i) => Math.sin(i));
    const tf = minMs(() => fft.inverse(x), 10);
    console.log(
      `Q ${kernel.padEnd(11)} n=${String(n).padStart(2)}  directions=${op.directions}  setup ${setup.toFixed(0).padStart(5)} ms  Q ${tq.toFixed(1).padStart(7)} ms  3D FFT ${tf.toFixed(2).padStart(6)} ms  ratio Q/FFT ${(tq / tf).toFixed(1)}`,
    );
  }
}
