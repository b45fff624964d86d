/**
 * Three-dimensional FFT on Float64Array, double precision.
 *
 * Conventions (those of numpy.fft.fftn / ifftn / rfftn / irfftn):
 * - array index (i, j, k) of an n×n×n array is stored at `(i·n + j)·n + k` (row-major, k fastest);
 * - complex arrays are interleaved (re, im), length 2n³;
 * - forward:  X[p,q,r] = Σ x[i,j,k] e^{−2πi(pi + qj + rk)/n}   (no scaling);
 * - inverse:  x[i,j,k] = n^{−3} Σ X[p,q,r] e^{+2πi(pi + qj + rk)/n};
 * - real-to-complex: the half spectrum r = 0..n/2 (nh = n/2 + 1 entries along the last axis),
 *   complex array of length 2·n·n·nh, index `((p·n + q)·nh + r)`.
 *
 * Two engines compute it: a WebAssembly SIMD kernel (f64x2, `fft3d-simd.ts`), used where the
 * runtime supports WebAssembly SIMD and n ≤ 256, and the scalar JavaScript code on fft.js
 * (`fft3d-scalar.ts`), used otherwise. They agree to round-off, not bit for bit.
 */
import { RuleError } from "./errors.ts";
import { ScalarFFT3D } from "./fft3d-scalar.ts";
import { SIMD_MAX_N, SimdFFT3D, simdAvailable } from "./fft3d-simd.ts";

/** True for 2, 4, 8, … (the FFT needs a power of two > 1). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
}

/**
 * Which code computes an {@link FFT3D}: `"wasm-simd"` (the WebAssembly SIMD kernel) or `"scalar"`
 * (JavaScript on fft.js); `"auto"` takes the SIMD kernel where it runs and n ≤ 256.
 */
export type FFTEngine = "auto" | "wasm-simd" | "scalar";

/**
 * In-place 3-D FFT of size n³ (n a power of two ≥ 2) with numpy's conventions: complex forward and
 * inverse transforms on interleaved arrays of length 2n³, and real-to-complex / complex-to-real
 * transforms on the half spectrum (n·n·(n/2 + 1) complex values). Workspace is allocated once in
 * the constructor; no call allocates. See the module comment above for the layout.
 *
 * @example
 * ```ts
 * import { FFT3D } from "boltzlab";
 * const n = 4;
 * const fft = new FFT3D(n);
 * const data = fft.complexArray(); // 2n³ numbers, (re, im) interleaved
 * data[0] = 1; // a unit impulse at index (0, 0, 0)
 * fft.forward(data);
 * for (let k = 0; k < n ** 3; k++) if (!(data[2 * k] === 1 && data[2 * k + 1] === 0)) throw new Error("example check failed"); // flat spectrum
 * fft.inverse(data); // back to the impulse
 * if (!(Math.abs(data[0] - 1) < 1e-15 && Math.abs(data[2]) < 1e-15)) throw new Error("example check failed");
 * ```
 */
export class FFT3D {
  readonly n: number;
  /** n/2 + 1: length of the last axis of a real-to-complex spectrum. */
  readonly nh: number;
  /** The engine chosen: `"wasm-simd"` or `"scalar"`. */
  readonly engine: "wasm-simd" | "scalar";
  private readonly simd: SimdFFT3D | null;
  private readonly scalar: ScalarFFT3D | null;
  private scalarWork: Float64Array | null = null;

  /**
   * @param n - grid size, a power of two in [2, 1024]
   * @param engine - `"auto"` (default), or force one engine; `"wasm-simd"` throws a RuleError
   *   where the kernel cannot run or n > 256
   */
  constructor(n: number, engine: FFTEngine = "auto") {
    if (!isPowerOfTwo(n) || n > 1024) {
      throw new RuleError("FFT size n must be a power of two in [2, 1024]", `got ${n}`);
    }
    if (engine !== "auto" && engine !== "wasm-simd" && engine !== "scalar") {
      throw new RuleError("FFT engine must be auto, wasm-simd or scalar", `got "${engine}"`);
    }
    const simdOk = n <= SIMD_MAX_N && simdAvailable();
    if (engine === "wasm-simd" && !simdOk) {
      throw new RuleError(
        "the wasm-simd FFT engine needs WebAssembly SIMD and n ≤ 256",
        `n = ${n}, SIMD ${simdAvailable() ? "available" : "unavailable"}`,
      );
    }
    this.n = n;
    this.nh = (n >> 1) + 1;
    let simd: SimdFFT3D | null = null;
    if (engine === "wasm-simd") simd = new SimdFFT3D(n);
    else if (engine === "auto" && simdOk) {
      try {
        simd = new SimdFFT3D(n);
      } catch {
        simd = null; // e.g. its memory (24n³ bytes) could not be had: the scalar engine needs less
      }
    }
    this.engine = simd ? "wasm-simd" : "scalar";
    this.simd = simd;
    this.scalar = simd ? null : new ScalarFFT3D(n);
  }

  /** Allocate an interleaved complex n³ array. */
  complexArray(): Float64Array {
    return new Float64Array(2 * this.n ** 3);
  }

  /** Allocate an interleaved complex half spectrum n·n·nh. */
  halfSpectrumArray(): Float64Array {
    return new Float64Array(2 * this.n * this.n * this.nh);
  }

  /** In-place forward complex 3D transform of an interleaved array of length 2n³. */
  forward(data: Float64Array): void {
    this.check(data, 2 * this.n ** 3);
    if (this.simd) this.simd.complex(data, false);
    else this.scalar?.forward(data);
  }

  /** In-place inverse complex 3D transform (scaled by n^{−3}). */
  inverse(data: Float64Array): void {
    this.check(data, 2 * this.n ** 3);
    if (this.simd) this.simd.complex(data, true);
    else this.scalar?.inverse(data);
  }

  /** Real-to-complex forward transform: `real` (n³) → `out` (half spectrum, 2·n·n·nh). */
  forwardReal(real: Float64Array, out: Float64Array): void {
    this.check(real, this.n ** 3);
    this.check(out, 2 * this.n * this.n * this.nh);
    if (this.simd) this.simd.forwardReal(real, out);
    else this.scalar?.forwardReal(real, out);
  }

  /**
   * Complex-to-real inverse transform of a Hermitian half spectrum (scaled by n^{−3}). For a
   * spectrum that is not Hermitian the SIMD engine follows numpy's irfftn (only the real parts of
   * the r = 0 and r = n/2 planes enter the last axis); the scalar engine does not.
   * `spec` may be overwritten (the scalar engine uses it as workspace); the result goes to `out` (n³).
   */
  inverseReal(spec: Float64Array, out: Float64Array): void {
    this.check(spec, 2 * this.n * this.n * this.nh);
    this.check(out, this.n ** 3);
    if (this.simd) this.simd.inverseReal(spec, out);
    else this.scalar?.inverseReal(spec, out);
  }

  /**
   * The engine's own complex array of 2n³ numbers (for the SIMD engine, a view of its WebAssembly
   * memory), valid for the life of this FFT3D. Filling it and calling {@link FFT3D.forwardInPlace}
   * or {@link FFT3D.inverseInPlace} computes the same as {@link FFT3D.forward} / {@link FFT3D.inverse}
   * on a copy, without copying in and out. The real transforms use it as scratch.
   */
  get workspace(): Float64Array {
    if (this.simd) return this.simd.workspace;
    if (!this.scalarWork) this.scalarWork = new Float64Array(2 * this.n ** 3);
    return this.scalarWork;
  }

  /** Forward complex transform of {@link FFT3D.workspace}, in place. */
  forwardInPlace(): void {
    if (this.simd) this.simd.complexWorkspace(false);
    else this.scalar?.forward(this.workspace);
  }

  /** Inverse complex transform (scaled by n^{−3}) of {@link FFT3D.workspace}, in place. */
  inverseInPlace(): void {
    if (this.simd) this.simd.complexWorkspace(true);
    else this.scalar?.inverse(this.workspace);
  }

  private check(a: Float64Array, len: number): void {
    if (a.length !== len)
      throw new RangeError(`FFT3D(${this.n}): array length ${a.length}, expected ${len}`);
  }
}
