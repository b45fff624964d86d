/**
 * A radix-4 Stockham FFT (autosort, decimation in frequency; a final radix-2 stage when log₂ n is
 * odd) of several lines at once, for the strided axes of `fft3d-scalar.ts`: the lines are interleaved,
 * element t of line c at complex index t·lines + c, so each butterfly runs one loop over the
 * `lines` contiguous values that share its twiddle factors (the layout pocketfft uses for SIMD;
 * here it saves the transposition and the per-line call of fft.js). Forward sign e^{−2πi tk/n}, no
 * scaling, n a power of two ≥ 2. Reference: C. Van Loan, Computational Frameworks for the FFT (SIAM
 * 1992), §1.7 (Stockham).
 */
/**
 * The plan for lines of length n (twiddle table e^{−2πik/n}); {@link MultiLineFFT.transform} does the work.
 */
export class MultiLineFFT {
  readonly n: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  constructor(n: number) {
    this.n = n;
    this.cos = new Float64Array(n);
    this.sin = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / n);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / n);
    }
  }
  /**
   * Forward transform of `lines` interleaved complex lines held in `x` (2·n·lines numbers, (re, im)
   * pairs); `y` is scratch of the same size. Both are overwritten; the result is in the returned one
   * of the two.
   */
  transform(x: Float64Array, y: Float64Array, lines: number): Float64Array {
    const N = this.n;
    const C = this.cos;
    const S = this.sin;
    let n = N;
    let s = lines; // stride in complex elements (s·lines folded in)
    let src = x;
    let dst = y;
    while (n >= 4) {
      const m = n >> 2;
      const step = N / n;
      for (let p = 0; p < m; p++) {
        const k1 = p * step;
        const w1r = C[k1],
          w1i = S[k1];
        const w2r = C[2 * k1],
          w2i = S[2 * k1];
        const w3r = C[3 * k1],
          w3i = S[3 * k1];
        const ia = 2 * s * p;
        const ib = 2 * s * (p + m);
        const ic = 2 * s * (p + 2 * m);
        const id = 2 * s * (p + 3 * m);
        const o0 = 2 * s * (4 * p);
        const o1 = o0 + 2 * s;
        const o2 = o1 + 2 * s;
        const o3 = o2 + 2 * s;
        for (let q = 0; q < 2 * s; q += 2) {
          const ar = src[ia + q],
            ai = src[ia + q + 1];
          const br = src[ib + q],
            bi = src[ib + q + 1];
          const cr = src[ic + q],
            ci = src[ic + q + 1];
          const dr = src[id + q],
            di = src[id + q + 1];
          const apcr = ar + cr,
            apci = ai + ci;
          const amcr = ar - cr,
            amci = ai - ci;
          const bpdr = br + dr,
            bpdi = bi + di;
          // j(b − d) with j = i: (−(bi − di), br − dr)
          const jr = -(bi - di),
            ji = br - dr;
          dst[o0 + q] = apcr + bpdr;
          dst[o0 + q + 1] = apci + bpdi;
          const t1r = amcr - jr,
            t1i = amci - ji;
          dst[o1 + q] = t1r * w1r - t1i * w1i;
          dst[o1 + q + 1] = t1r * w1i + t1i * w1r;
          const t2r = apcr - bpdr,
            t2i = apci - bpdi;
          dst[o2 + q] = t2r * w2r - t2i * w2i;
          dst[o2 + q + 1] = t2r * w2i + t2i * w2r;
          const t3r = amcr + jr,
            t3i = amci + ji;
          dst[o3 + q] = t3r * w3r - t3i * w3i;
          dst[o3 + q + 1] = t3r * w3i + t3i * w3r;
        }
      }
      n = m;
      s *= 4;
      const t = src;
      src = dst;
      dst = t;
    }
    if (n === 2) {
      for (let q = 0; q < 2 * s; q += 2) {
        const ar = src[q],
          ai = src[q + 1];
        const br = src[2 * s + q],
          bi = src[2 * s + q + 1];
        dst[q] = ar + br;
        dst[q + 1] = ai + bi;
        dst[2 * s + q] = ar - br;
        dst[2 * s + q + 1] = ai - bi;
      }
      return dst;
    }
    return src;
  }
}
