/**
 * The scalar JavaScript 3-D FFT, built on the radix-4 1D FFT of fft.js (F. Indutny, MIT licence,
 * https://github.com/indutny/fft.js): the fallback of `FFT3D` (fft3d.ts) where WebAssembly SIMD is
 * unavailable or n > 256, and the independent reference of the SIMD kernel in the tests.
 *
 * Conventions (those of numpy.fft.fftn / ifftn / rfftn / irfftn, shared with `fft3d.ts`):
 * - array index (i, j, k) of an n×n×n array is stored at `(i·n + j)·n + k` (row-major, k fastest);
 * - complex arrays are interleaved (re, im), length 2n³;
 * - forward:  X[p,q,r] = Σ x[i,j,k] e^{−2πi(pi + qj + rk)/n}   (no scaling);
 * - inverse:  x[i,j,k] = n^{−3} Σ X[p,q,r] e^{+2πi(pi + qj + rk)/n};
 * - real-to-complex: the half spectrum r = 0..n/2 (nh = n/2 + 1 entries along the last axis),
 *   complex array of length 2·n·n·nh, index `((p·n + q)·nh + r)`.
 *
 * Strided axes are transformed CHUNK lines at a time: the lines are gathered row by row into a
 * scratch block where they stay interleaved (element t of line c at t·CHUNK + c), transformed
 * together by the multi-line Stockham FFT of `multi-line-fft.ts` and scattered back, so every
 * memory access runs along rows (cache friendly) and each twiddle factor serves CHUNK lines.
 * The inverse real transform packs two Hermitian lines into one complex line (x₁ + i x₂), so the
 * last axis costs half a complex transform. Inverses are computed as conj(F(conj X))/n³ with the
 * conjugations folded into the copies. No typed-array allocation after construction.
 */
import FFTJS from "fft.js";
import { MultiLineFFT } from "./multi-line-fft.ts";

interface FFT1D {
  readonly size: number;
  transform(out: Float64Array, data: Float64Array): void;
  realTransform(out: Float64Array, data: Float64Array): void;
}
type FFT1DConstructor = new (size: number) => FFT1D;

/** fft.js is CommonJS (`module.exports = FFT`): its default import is the constructor (Node and bundlers). */
const FFT = FFTJS as unknown as FFT1DConstructor;

/**
 * The fft.js engine of `FFT3D` (n a power of two ≥ 2, checked by the caller). Scratch
 * buffers are allocated once in the constructor; no call allocates.
 */
export class ScalarFFT3D {
  readonly n: number;
  /** n/2 + 1: length of the last axis of a real-to-complex spectrum. */
  readonly nh: number;
  private readonly fft: FFT1D;
  private readonly line: Float64Array;
  private readonly line2: Float64Array;
  private readonly lineHalf: Float64Array;
  private readonly multi: MultiLineFFT;
  private readonly block: Float64Array;
  private readonly blockOut: Float64Array;
  /**
   * Number of lines transformed together on the strided axes: 8 keeps a block and its scratch
   * (2 · 16 bytes · n · 8) in a 32 KiB L1 cache at n = 128; measured against 16 at n = 32, 64, 128.
   */
  static CHUNK = 8;

  constructor(n: number) {
    this.n = n;
    this.nh = (n >> 1) + 1;
    this.fft = new FFT(n);
    this.line = new Float64Array(2 * n);
    this.line2 = new Float64Array(2 * n);
    this.lineHalf = this.line.subarray(0, 2 * this.nh);
    // CHUNK interleaved lines of length n (complex) and their scratch, for the strided axes
    this.multi = new MultiLineFFT(n);
    this.block = new Float64Array(2 * n * ScalarFFT3D.CHUNK);
    this.blockOut = new Float64Array(2 * n * ScalarFFT3D.CHUNK);
  }

  /** In-place forward complex 3D transform of an interleaved array of length 2n³. */
  forward(data: Float64Array): void {
    this.check(data, 2 * this.n ** 3);
    this.complex3(data, false);
  }

  /** In-place inverse complex 3D transform (scaled by n^{−3}). */
  inverse(data: Float64Array): void {
    this.check(data, 2 * this.n ** 3);
    this.complex3(data, true);
  }

  /** Real-to-complex forward transform: `real` (n³) → `out` (half spectrum, 2·n·n·nh). */
  forwardReal(real: Float64Array, out: Float64Array): void {
    const n = this.n;
    const nh = this.nh;
    this.check(real, n ** 3);
    this.check(out, 2 * n * n * nh);
    const line = this.line;
    const half = this.lineHalf;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const row = i * n + j;
        this.fft.realTransform(line, real.subarray(row * n, row * n + n));
        out.set(half, 2 * row * nh);
      }
      this.stridedSlab(out, nh, 1, i, false, 0);
    }
    for (let j = 0; j < n; j++) this.stridedSlab(out, nh, 0, j, false, 0);
  }

  /**
   * Complex-to-real inverse transform of a Hermitian half spectrum (scaled by n^{−3}).
   * `spec` is overwritten (used as workspace); the result goes to `out` (n³).
   */
  inverseReal(spec: Float64Array, out: Float64Array): void {
    const n = this.n;
    const nh = this.nh;
    this.check(spec, 2 * n * n * nh);
    this.check(out, n ** 3);
    for (let j = 0; j < n; j++) this.stridedSlab(spec, nh, 0, j, true, 0);
    // last axis: two Hermitian lines a, b → z = A + iB (full spectra) → ifft → a + i b
    const z = this.line;
    const w = this.line2;
    const scale = 1 / n ** 3;
    for (let i = 0; i < n; i++) {
      this.stridedSlab(spec, nh, 1, i, false, 0);
      for (let row = i * n; row < (i + 1) * n; row += 2) {
        const oa = 2 * row * nh;
        const ob = oa + 2 * nh;
        // spec holds conj of the partial inverse; undo the conjugation here
        for (let r = 0; r < nh; r++) {
          const ar = spec[oa + 2 * r];
          const ai = -spec[oa + 2 * r + 1];
          const br = spec[ob + 2 * r];
          const bi = -spec[ob + 2 * r + 1];
          // conj(Z[r]) with Z[r] = A[r] + i B[r] (forward transform of conj = conj of inverse)
          z[2 * r] = ar - bi;
          z[2 * r + 1] = -(ai + br);
          if (r > 0 && r < n - r) {
            // Z[n−r] = conj(A[r]) + i conj(B[r])
            const s = 2 * (n - r);
            z[s] = ar + bi;
            z[s + 1] = -(-ai + br);
          }
        }
        this.fft.transform(w, z);
        const o = row * n;
        for (let k = 0; k < n; k++) {
          out[o + k] = w[2 * k] * scale;
          out[o + n + k] = -w[2 * k + 1] * scale;
        }
      }
    }
  }

  private check(a: Float64Array, len: number): void {
    if (a.length !== len)
      throw new RangeError(`FFT3D(${this.n}, scalar): array length ${a.length}, expected ${len}`);
  }

  /**
   * Complex transform of an n×n×n array along all three axes. Axes 2 and 1 are done slab by slab
   * (one slab of n² complex values stays in cache), then axis 0 in a second pass. The inverse is
   * conj(F(conj x))/n³, with the conjugations folded into the first and last copies.
   */
  private complex3(data: Float64Array, inverse: boolean): void {
    const n = this.n;
    const line = this.line;
    const line2 = this.line2;
    const fft = this.fft;
    const n2 = 2 * n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const o = 2 * (i * n + j) * n;
        if (inverse) {
          for (let k = 0; k < n2; k += 2) {
            line2[k] = data[o + k];
            line2[k + 1] = -data[o + k + 1];
          }
          fft.transform(line, line2);
        } else {
          fft.transform(line, data.subarray(o, o + n2));
        }
        data.set(line, o);
      }
      this.stridedSlab(data, n, 1, i, false, 0);
    }
    const scale = inverse ? 1 / n ** 3 : 0;
    for (let j = 0; j < n; j++) this.stridedSlab(data, n, 0, j, false, scale);
  }

  /**
   * Transform along axis 0 (stride n·m) or axis 1 (stride m) of an n×n×m complex array, for all
   * m positions of the last axis, in slab `s` (index j for axis 0, index i for axis 1), CHUNK
   * columns at a time (gathered as interleaved lines into `block`). `conjIn`: conjugate while gathering;
   * `conjScale` ≠ 0: write conj(result)·conjScale (the last step of an inverse).
   */
  private stridedSlab(
    data: Float64Array,
    m: number,
    axis: 0 | 1,
    s: number,
    conjIn: boolean,
    conjScale: number,
  ): void {
    const n = this.n;
    const multi = this.multi;
    const W = ScalarFFT3D.CHUNK;
    const stride = axis === 1 ? 2 * m : 2 * n * m;
    const base = axis === 1 ? 2 * s * n * m : 2 * s * m;
    const sgn = conjIn ? -1 : 1;
    for (let c0 = 0; c0 < m; c0 += W) {
      const w = Math.min(W, m - c0);
      const w2 = 2 * w;
      // gather: row t of the slab, columns c0..c0+w, into element t of w interleaved lines
      const block = this.block;
      for (let t = 0; t < n; t++) {
        const o = base + t * stride + 2 * c0;
        const b = t * w2;
        for (let c = 0; c < w2; c += 2) {
          block[b + c] = data[o + c];
          block[b + c + 1] = sgn * data[o + c + 1];
        }
      }
      const res = multi.transform(block, this.blockOut, w);
      const scale = conjScale === 0 ? 1 : conjScale;
      const conj = conjScale === 0 ? 1 : -conjScale;
      for (let t = 0; t < n; t++) {
        const o = base + t * stride + 2 * c0;
        const b = t * w2;
        for (let c = 0; c < w2; c += 2) {
          data[o + c] = res[b + c] * scale;
          data[o + c + 1] = res[b + c + 1] * conj;
        }
      }
    }
  }
}
