/**
 * Benchmark (not a test): 3D FFT of src/math/fft3d.ts against numpy.fft (pocketfft) timed in the
 * same run through python3. Prints, for n = 64 and 128, the best (minimum) time per transform over repeated runs (robust to other load on the machine) and the
 * ratio ours / numpy (target: ≤ 2).
 *
 *   npx tsx bench/fft3d.ts [n ...]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { FFT3D } from "../src/math/fft3d.ts";

function minMs(fn: () => void, repeats: number): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[0];
}

const sizes = process.argv.slice(2).map(Number);
const script = fileURLToPath(new URL("./fft3d_numpy.py", import.meta.url));
for (const n of sizes.length ? sizes : [64, 128]) {
  const repeats = n <= 64 ? 30 : 10;
  const f = new FFT3D(n);
  const x = f.complexArray();
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.37) + 0.1 * Math.cos(i * 1.3);
  const r = new Float64Array(n ** 3).map((_, i) => Math.sin(i * 0.71));
  const h = f.halfSpectrumArray();
  const back = new Float64Array(n ** 3);
  const ours = {
    fftn: minMs(() => f.forward(x), repeats),
    ifftn: minMs(() => f.inverse(x), repeats),
    rfftn: minMs(() => f.forwardReal(r, h), repeats),
    irfftn: minMs(() => {
      f.forwardReal(r, h);
      f.inverseReal(h, back);
    }, repeats),
  };
  ours.irfftn -= ours.rfftn; // the inverse alone (the spectrum is consumed, so it is re-made)
  let ref: Record<string, number> | null = null;
  try {
    ref = JSON.parse(
      execFileSync("python3", [script, String(n), String(repeats)], { encoding: "utf8" }),
    );
  } catch (e) {
    console.error(`numpy reference unavailable: ${(e as Error).message.split("\n")[0]}`);
  }
  for (const k of ["fftn", "ifftn", "rfftn", "irfftn"] as const) {
    const o = ours[k];
    const p = ref ? ref[`${k}_ms`] : Number.NaN;
    console.log(
      `${k.padEnd(7)} n=${n}^3  boltzlab ${o.toFixed(2).padStart(8)} ms   numpy ${p.toFixed(2).padStart(8)} ms   ratio ${(o / p).toFixed(2)}`,
    );
  }
}
