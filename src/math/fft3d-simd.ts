/**
 * The WebAssembly SIMD engine of `FFT3D` (fft3d.ts): double-precision radix-4 Stockham passes
 * on f64x2 vectors (one complex number per vector), compiled from the AssemblyScript source
 * wasm/fft-simd.ts into the generated module `fft-simd-wasm.ts` (the layout of the passes is
 * described there). Each engine owns one WebAssembly memory, sized once in the constructor and
 * never grown: twiddle tables, two scratch blocks, the complex (or half-spectrum) array A and the
 * real array B. A call copies its input into A or B, runs the three axes in the kernel and copies
 * the result out. Per axis: the last axis row by row (real rows: a complex transform of half
 * length and the split into the half spectrum), the middle axis slab by slab right after it (the
 * slab stays in cache), the first axis over the whole array in blocks of lines. Inverses use the
 * conjugate twiddles and apply n^{−3} in their last pass.
 */
import { FFT_SIMD_WASM_BASE64 } from "./fft-simd-wasm.ts";

interface Kernel {
  strided(
    data: number,
    R: number,
    count: number,
    N: number,
    tw: number,
    s1: number,
    s2: number,
    W: number,
    inverse: number,
    scale: number,
  ): void;
  rows(
    data: number,
    count: number,
    N: number,
    tw: number,
    s1: number,
    s2: number,
    inverse: number,
    scale: number,
  ): void;
  realRows(
    src: number,
    dst: number,
    count: number,
    n: number,
    twHalf: number,
    twReal: number,
    s1: number,
    s2: number,
  ): void;
  realRowsInverse(
    src: number,
    dst: number,
    count: number,
    n: number,
    twHalfInv: number,
    twRealInv: number,
    s1: number,
    s2: number,
    scale: number,
  ): void;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The compiled kernel from its bytes, or null where WebAssembly or its SIMD extension is
 * unavailable (the bytes do not validate) or compilation is refused (e.g. a browser's main thread
 * refuses synchronous compilation of large modules).
 */
export function kernelFromBytes(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Module | null {
  try {
    if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) return null;
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

let compiled: WebAssembly.Module | null | undefined;

/** The kernel of `fft-simd-wasm.ts`, compiled once; null where it cannot run. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = kernelFromBytes(decodeBase64(FFT_SIMD_WASM_BASE64));
  return compiled;
}

/** Largest n the SIMD engine takes (its memory, 24n³ bytes plus tables, stays below 4 GiB). */
export const SIMD_MAX_N = 256;

/** True when the WebAssembly SIMD kernel can run here. */
export function simdAvailable(): boolean {
  return kernelModule() !== null;
}

/** Bytes of the twiddle table of a complex transform of length N (see wasm/fft-simd.ts). */
function twiddleBytes(N: number): number {
  let bytes = 0;
  for (let n = N; n >= 4; n >>= 2) if (n >> 2 > 1) bytes += (n >> 2) * 96;
  return bytes;
}

/** Fill the radix-4 twiddle table of length N with sign −1 (forward) or +1 (inverse). */
function fillTwiddles(f: Float64Array, at: number, N: number, sign: number): void {
  let o = at / 8;
  for (let n = N, sp = 1; n >= 4; n >>= 2, sp <<= 2) {
    const m = n >> 2;
    if (m === 1) break;
    for (let p = 0; p < m; p++) {
      for (let k = 1; k <= 3; k++) {
        const a = (2 * Math.PI * ((k * p * sp) % N)) / N;
        const wr = Math.cos(a);
        const wi = sign * Math.sin(a);
        f[o++] = wr;
        f[o++] = wr;
        f[o++] = -wi;
        f[o++] = wi;
      }
    }
  }
}

/** Fill the real-split table (k = 0 … n/2 of e^{∓2πik/n}). */
function fillRealTwiddles(f: Float64Array, at: number, n: number, sign: number): void {
  let o = at / 8;
  for (let k = 0; k <= n >> 1; k++) {
    const a = (2 * Math.PI * k) / n;
    const wr = Math.cos(a);
    const wi = sign * Math.sin(a);
    f[o++] = wr;
    f[o++] = wr;
    f[o++] = -wi;
    f[o++] = wi;
  }
}

/**
 * The SIMD engine for one size n (a power of two in [2, {@link SIMD_MAX_N}], checked by the
 * caller; {@link simdAvailable} must be true). Same conventions and array layouts as `FFT3D`.
 */
export class SimdFFT3D {
  readonly n: number;
  readonly nh: number;
  private readonly k: Kernel;
  private readonly twF: number;
  private readonly twI: number;
  private readonly twHF: number;
  private readonly twHI: number;
  private readonly twRF: number;
  private readonly twRI: number;
  private readonly s1: number;
  private readonly s2: number;
  private readonly A: number;
  private readonly B: number;
  private readonly W: number;
  private readonly viewA: Float64Array;
  private readonly viewB: Float64Array;

  /**
   * Lines per block on the first axis (scratch 2 · 16 · n · W bytes): about 32 KiB of lines per
   * block, measured at n = 64 and 128 (`bench/fft3d.ts`).
   */
  static blockBytes = 32768;

  constructor(n: number) {
    const mod = kernelModule();
    if (!mod) throw new Error("WebAssembly SIMD is unavailable");
    this.n = n;
    const nh = (n >> 1) + 1;
    this.nh = nh;
    const h = Math.max(1, n >> 1);
    this.W = Math.max(1, Math.floor(SimdFFT3D.blockBytes / (16 * n)));
    let at = 64;
    const take = (bytes: number): number => {
      const p = at;
      at += Math.ceil(bytes / 64) * 64;
      return p;
    };
    this.twF = take(twiddleBytes(n));
    this.twI = take(twiddleBytes(n));
    this.twHF = take(twiddleBytes(h));
    this.twHI = take(twiddleBytes(h));
    this.twRF = take(32 * (h + 1));
    this.twRI = take(32 * (h + 1));
    const scratch = 16 * n * Math.max(this.W, 1);
    this.s1 = take(scratch);
    this.s2 = take(scratch);
    this.A = take(16 * n ** 3);
    this.B = take(8 * n ** 3);
    const memory = new WebAssembly.Memory({ initial: Math.ceil(at / 65536) });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    this.k = instance.exports as unknown as Kernel;
    const f = new Float64Array(memory.buffer);
    fillTwiddles(f, this.twF, n, -1);
    fillTwiddles(f, this.twI, n, 1);
    fillTwiddles(f, this.twHF, h, -1);
    fillTwiddles(f, this.twHI, h, 1);
    fillRealTwiddles(f, this.twRF, n, -1);
    fillRealTwiddles(f, this.twRI, n, 1);
    this.viewA = new Float64Array(memory.buffer, this.A, 2 * n ** 3);
    this.viewB = new Float64Array(memory.buffer, this.B, n ** 3);
  }

  /** The engine's complex array A (2n³ numbers) in WebAssembly memory. */
  get workspace(): Float64Array {
    return this.viewA;
  }

  /** In-place forward (inverse: scaled by n^{−3}) complex transform of 2n³ interleaved numbers. */
  complex(data: Float64Array, inverse: boolean): void {
    this.viewA.set(data);
    this.complexWorkspace(inverse);
    data.set(this.viewA);
  }

  /** The complex transform of the workspace, in place (no copies). */
  complexWorkspace(inverse: boolean): void {
    const { n, k, A, s1, s2, W } = this;
    const tw = inverse ? this.twI : this.twF;
    const inv = inverse ? 1 : 0;
    const slab = 16 * n * n;
    for (let i = 0; i < n; i++) {
      k.rows(A + i * slab, n, n, tw, s1, s2, inv, 1);
      k.strided(A + i * slab, 16 * n, n, n, tw, s1, s2, W, inv, 1);
    }
    k.strided(A, slab, n * n, n, tw, s1, s2, W, inv, inverse ? 1 / n ** 3 : 1);
  }

  /** Real-to-complex forward transform: `real` (n³) → `out` (half spectrum, 2·n·n·nh). */
  forwardReal(real: Float64Array, out: Float64Array): void {
    const { n, nh, k, A, B, s1, s2, W } = this;
    const slab = 16 * n * nh;
    this.viewB.set(real);
    for (let i = 0; i < n; i++) {
      k.realRows(B + 8 * n * n * i, A + i * slab, n, n, this.twHF, this.twRF, s1, s2);
      k.strided(A + i * slab, 16 * nh, nh, n, this.twF, s1, s2, W, 0, 1);
    }
    k.strided(A, slab, n * nh, n, this.twF, s1, s2, W, 0, 1);
    out.set(this.viewA.subarray(0, 2 * n * n * nh));
  }

  /** Complex-to-real inverse transform of a half spectrum into `out` (n³), scaled by n^{−3}. */
  inverseReal(spec: Float64Array, out: Float64Array): void {
    const { n, nh, k, A, B, s1, s2, W } = this;
    const slab = 16 * n * nh;
    this.viewA.set(spec);
    k.strided(A, slab, n * nh, n, this.twI, s1, s2, W, 1, 1);
    for (let i = 0; i < n; i++) {
      k.strided(A + i * slab, 16 * nh, nh, n, this.twI, s1, s2, W, 1, 1);
      k.realRowsInverse(
        A + i * slab,
        B + 8 * n * n * i,
        n,
        n,
        this.twHI,
        this.twRI,
        s1,
        s2,
        1 / n ** 3,
      );
    }
    out.set(this.viewB);
  }
}
