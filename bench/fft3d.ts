/**
 * Benchmark (not a test): the 3-D FFT of src/math/fft3d.ts, both engines (WebAssembly SIMD and
 * the scalar fft.js code), against numpy.fft (pocketfft, one thread) timed in the same run through
 * python3. For each n (default 64 and 128) and transform it prints the minimum time per transform
 * over repeated runs (robust to other load on the machine) and the ratios SIMD / numpy and
 * scalar / numpy (target: SIMD ≤ 1.5). The numpy reference is the faster of its default call and
 * the call with a preallocated `out=` array (the default pays page faults for a new array).
 *
 *   npx tsx bench/fft3d.ts [n ...]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { FFT3D } from "../src/math/fft3d.ts";

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

type Kind = "fftn" | "ifftn" | "rfftn" | "irfftn";
const KINDS: Kind[] = ["fftn", "ifftn", "rfftn", "irfftn"];

function timeEngine(
  n: number,
  engine: "wasm-simd" | "scalar",
  repeats: number,
): Record<Kind, number> {
  const f = new FFT3D(n, engine);
  const x = f.complexArray();
  for (let i = 0; i < x.length; i++) x[i] = Math.sin(i * 0.37) + 0.1 * Math.cos(i * 1.3);
  const r = new Float64Array(n ** 3).map((_, i) => Math.sin(i * 0.71));
  const h = f.halfSpectrumArray();
  const spec = f.halfSpectrumArray();
  f.forwardReal(r, spec);
  const back = new Float64Array(n ** 3);
  const t = {
    fftn: minMs(() => f.forward(x), repeats),
    ifftn: minMs(() => f.inverse(x), repeats),
    rfftn: minMs(() => f.forwardReal(r, h), repeats),
    // the inverse may consume its spectrum: time a copy and the inverse, minus the copy
    irfftn: minMs(() => {
      h.set(spec);
      f.inverseReal(h, back);
    }, repeats),
  };
  t.irfftn -= minMs(() => h.set(spec), repeats);
  return t;
}

const sizes = process.argv.slice(2).map(Number);
const script = fileURLToPath(new URL("./fft3d_numpy.py", import.meta.url));
const load = () => {
  try {
    return execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).split(" ")[0];
  } catch {
    return "?";
  }
};
console.log(`load average ${load()} at ${new Date().toISOString()}`);
for (const n of sizes.length ? sizes : [64, 128]) {
  const repeats = n <= 64 ? 30 : 10;
  const simd = timeEngine(n, "wasm-simd", repeats);
  let ref: Record<string, number> | null = null;
  try {
    ref = JSON.parse(
      execFileSync("python3", [script, String(n), String(repeats)], { encoding: "utf8" }),
    );
  } catch (e) {
    console.error(`numpy reference unavailable: ${(e as Error).message.split("\n")[0]}`);
  }
  const scalar = timeEngine(n, "scalar", repeats);
  for (const k of KINDS) {
    const p = ref ? Math.min(ref[`${k}_ms`], ref[`${k}_out_ms`]) : Number.NaN;
    const d = ref ? ref[`${k}_ms`] : Number.NaN;
    console.log(
      `${k.padEnd(7)} n=${n}^3  simd ${simd[k].toFixed(2).padStart(7)} ms  scalar ${scalar[k].toFixed(2).padStart(7)} ms  numpy ${p.toFixed(2).padStart(7)} ms (default call ${d.toFixed(2)})  simd/numpy ${(simd[k] / p).toFixed(2)}  scalar/numpy ${(scalar[k] / p).toFixed(2)}`,
    );
  }
}
console.log(`load average ${load()} at ${new Date().toISOString()}`);
