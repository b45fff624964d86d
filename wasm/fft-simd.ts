// AssemblyScript source of the double-precision WebAssembly SIMD FFT kernel behind
// src/math/fft3d.ts. `npm run build:wasm` compiles it (flags in wasm/build.mjs) into the generated
// module src/math/fft-simd-wasm.ts; test/math/fft-simd-wasm.test.ts recompiles it and checks the
// committed bytes. Not TypeScript: v128 and f64x2 are AssemblyScript's SIMD types.
//
// One complex double per v128 lane pair (re, im). Transforms are radix-4 Stockham passes
// (autosort, decimation in frequency) with a final radix-2 pass when log2 N is odd (Van Loan,
// Computational Frameworks for the FFT, SIAM 1992, §1.7), over `lines` lines at once: element t of
// line c sits at byte offset t·R + 16c (R: the row stride), so one pass visits rows, the lines of a
// row are contiguous, and each twiddle factor serves all of them. The first pass reads the caller's
// array, the last one writes it back (in between two scratch blocks alternate), so no gather or
// transposition is needed. The last pass of a Stockham DIF transform has no twiddles and applies
// the scale of an inverse.
//
// Memory is imported and laid out by the caller (src/math/fft3d.ts): twiddle tables, two scratch
// blocks and the arrays; nothing here allocates. Twiddle table of a length N (forward sign
// e^{-2πi/N} or inverse e^{+2πi/N}): for each radix-4 pass (sub-length n = N, N/4, …, > 2, m = n/4)
// and each p < m, six v128 (w1r, w1r), (−w1i, w1i), (w2r, w2r), (−w2i, w2i), (w3r, w3r),
// (−w3i, w3i) with wk = e^{∓2πi·k·p/n}. Real-to-complex table of a length n: for k = 0 … n/2,
// (wr, wr), (−wi, wi) with w = e^{∓2πik/n}.

// c · w where wr = (Re w, Re w), wi = (−Im w, Im w)
@inline
function cmul(c: v128, wr: v128, wi: v128): v128 {
  return f64x2.add(f64x2.mul(c, wr), f64x2.mul(f64x2.shuffle(c, c, 1, 0), wi));
}

// ±i·c: swap the lanes and flip one sign (jsg = (−1, 1) for +i, (1, −1) for −i)
@inline
function jmul(c: v128, jsg: v128): v128 {
  return f64x2.mul(f64x2.shuffle(c, c, 1, 0), jsg);
}

// One twiddled radix-4 pass: sub-length n = 4m, sp = N/n rows per butterfly group.
function pass4(
  src: usize, srcR: usize, dst: usize, dstR: usize, lineBytes: usize,
  tw: usize, m: i32, sp: i32, jsg: v128,
): void {
  const inStep = <usize>(sp * m) * srcR;
  const outStep = <usize>sp * dstR;
  for (let p = 0; p < m; p++) {
    const t = tw + <usize>p * 96;
    const w1r = v128.load(t);
    const w1i = v128.load(t, 16);
    const w2r = v128.load(t, 32);
    const w2i = v128.load(t, 48);
    const w3r = v128.load(t, 64);
    const w3i = v128.load(t, 80);
    for (let tl = 0; tl < sp; tl++) {
      const ia = src + <usize>(sp * p + tl) * srcR;
      const ib = ia + inStep;
      const ic = ib + inStep;
      const id = ic + inStep;
      const oa = dst + <usize>(4 * sp * p + tl) * dstR;
      const ob = oa + outStep;
      const oc = ob + outStep;
      const od = oc + outStep;
      for (let c: usize = 0; c < lineBytes; c += 16) {
        const a = v128.load(ia + c);
        const b = v128.load(ib + c);
        const cc = v128.load(ic + c);
        const d = v128.load(id + c);
        const apc = f64x2.add(a, cc);
        const amc = f64x2.sub(a, cc);
        const bpd = f64x2.add(b, d);
        const j = jmul(f64x2.sub(b, d), jsg);
        v128.store(oa + c, f64x2.add(apc, bpd));
        v128.store(ob + c, cmul(f64x2.sub(amc, j), w1r, w1i));
        v128.store(oc + c, cmul(f64x2.sub(apc, bpd), w2r, w2i));
        v128.store(od + c, cmul(f64x2.add(amc, j), w3r, w3i));
      }
    }
  }
}

// The last radix-4 pass (m = 1: no twiddles), outputs times `scale`.
function pass4last(
  src: usize, srcR: usize, dst: usize, dstR: usize, lineBytes: usize,
  sp: i32, jsg: v128, scale: v128,
): void {
  const inStep = <usize>sp * srcR;
  const outStep = <usize>sp * dstR;
  for (let tl = 0; tl < sp; tl++) {
    const ia = src + <usize>tl * srcR;
    const ib = ia + inStep;
    const ic = ib + inStep;
    const id = ic + inStep;
    const oa = dst + <usize>tl * dstR;
    const ob = oa + outStep;
    const oc = ob + outStep;
    const od = oc + outStep;
    for (let c: usize = 0; c < lineBytes; c += 16) {
      const a = v128.load(ia + c);
      const b = v128.load(ib + c);
      const cc = v128.load(ic + c);
      const d = v128.load(id + c);
      const apc = f64x2.add(a, cc);
      const amc = f64x2.sub(a, cc);
      const bpd = f64x2.add(b, d);
      const j = jmul(f64x2.sub(b, d), jsg);
      v128.store(oa + c, f64x2.mul(f64x2.add(apc, bpd), scale));
      v128.store(ob + c, f64x2.mul(f64x2.sub(amc, j), scale));
      v128.store(oc + c, f64x2.mul(f64x2.sub(apc, bpd), scale));
      v128.store(od + c, f64x2.mul(f64x2.add(amc, j), scale));
    }
  }
}

// The last pass when log2 N is odd: radix 2, no twiddles, outputs times `scale`.
function pass2last(
  src: usize, srcR: usize, dst: usize, dstR: usize, lineBytes: usize, sp: i32, scale: v128,
): void {
  const inStep = <usize>sp * srcR;
  const outStep = <usize>sp * dstR;
  for (let tl = 0; tl < sp; tl++) {
    const ia = src + <usize>tl * srcR;
    const ib = ia + inStep;
    const oa = dst + <usize>tl * dstR;
    const ob = oa + outStep;
    for (let c: usize = 0; c < lineBytes; c += 16) {
      const a = v128.load(ia + c);
      const b = v128.load(ib + c);
      v128.store(oa + c, f64x2.mul(f64x2.add(a, b), scale));
      v128.store(ob + c, f64x2.mul(f64x2.sub(a, b), scale));
    }
  }
}

// Rows of `lineBytes` from src (stride srcR) to dst (stride dstR).
function copyRows(src: usize, srcR: usize, dst: usize, dstR: usize, lineBytes: usize, rows: i32): void {
  for (let t = 0; t < rows; t++) {
    memory.copy(dst + <usize>t * dstR, src + <usize>t * srcR, lineBytes);
  }
}

// Transform `lines` lines of length N in place (element t of line c at data + t·R + 16c).
function lines(
  data: usize, R: usize, nLines: i32, N: i32, tw: usize, s1: usize, s2: usize,
  jsg: v128, scale: v128,
): void {
  const lineBytes = <usize>nLines << 4;
  if (N == 1) {
    for (let c: usize = 0; c < lineBytes; c += 16) v128.store(data + c, f64x2.mul(v128.load(data + c), scale));
    return;
  }
  // passes: radix-4 while the sub-length is ≥ 4, then radix-2 if 2 is left
  let passes = 0;
  for (let n = N; n >= 2; n >>= 2) passes++;
  let src = data;
  let srcR = R;
  let n = N;
  let sp = 1;
  let tw0 = tw;
  for (let i = 0; i < passes; i++) {
    const last = i == passes - 1;
    const dst = last ? (passes == 1 ? s1 : data) : (i & 1) == 0 ? s1 : s2;
    const dstR = dst == data ? R : lineBytes;
    if (n >= 4) {
      const m = n >> 2;
      if (m == 1) pass4last(src, srcR, dst, dstR, lineBytes, sp, jsg, scale);
      else {
        pass4(src, srcR, dst, dstR, lineBytes, tw0, m, sp, jsg);
        tw0 += <usize>m * 96;
      }
      n = m;
      sp <<= 2;
    } else {
      pass2last(src, srcR, dst, dstR, lineBytes, sp, scale);
      n = 1;
    }
    src = dst;
    srcR = dstR;
  }
  if (passes == 1) copyRows(s1, lineBytes, data, R, lineBytes, N);
}

@inline
function jsign(inverse: i32): v128 {
  return inverse ? f64x2(1.0, -1.0) : f64x2(-1.0, 1.0);
}

/**
 * Complex transforms along a strided axis: `count` lines of length N, element t of line c at
 * data + t·R + 16c, W lines at a time (scratch blocks s1, s2 of W·N·16 bytes each); the outputs
 * of an inverse are multiplied by `scale`.
 */
export function strided(
  data: usize, R: usize, count: i32, N: i32, tw: usize, s1: usize, s2: usize, W: i32,
  inverse: i32, scale: f64,
): void {
  const jsg = jsign(inverse);
  const sc = f64x2.splat(scale);
  for (let c0 = 0; c0 < count; c0 += W) {
    const w = min(W, count - c0);
    lines(data + (<usize>c0 << 4), R, w, N, tw, s1, s2, jsg, sc);
  }
}

/** Complex transforms of `rows` contiguous lines of length N (row r at data + r·16N). */
export function rows(
  data: usize, count: i32, N: i32, tw: usize, s1: usize, s2: usize, inverse: i32, scale: f64,
): void {
  const jsg = jsign(inverse);
  const sc = f64x2.splat(scale);
  const rowBytes = <usize>N << 4;
  for (let r = 0; r < count; r++) lines(data + <usize>r * rowBytes, 16, 1, N, tw, s1, s2, jsg, sc);
}

/**
 * Real-to-complex transforms of `count` real rows of length n (src + r·8n; overwritten) into
 * half spectra of n/2 + 1 complex values (dst + r·16(n/2 + 1)): a complex transform of length n/2
 * of the row read as complex (x[2t] + i x[2t+1]), then X[k] = E[k] + e^{−2πik/n} O[k] with
 * E = (Z[k] + conj Z[h−k])/2, O = −i (Z[k] − conj Z[h−k])/2 (indices mod h = n/2).
 */
export function realRows(
  src: usize, dst: usize, count: i32, n: i32, twHalf: usize, twReal: usize, s1: usize, s2: usize,
): void {
  const h = n >> 1;
  const jsg = jsign(0);
  const one = f64x2.splat(1.0);
  const half = f64x2.splat(0.5);
  const conj = f64x2(1.0, -1.0);
  for (let r = 0; r < count; r++) {
    const z = src + <usize>r * (<usize>n << 3);
    const x = dst + <usize>r * (<usize>(h + 1) << 4);
    lines(z, 16, 1, h, twHalf, s1, s2, jsg, one);
    for (let k = 0; k <= h; k++) {
      const zk = v128.load(z + (<usize>(k == h ? 0 : k) << 4));
      const zc = f64x2.mul(v128.load(z + (<usize>(k == 0 ? 0 : h - k) << 4)), conj);
      const e = f64x2.mul(f64x2.add(zk, zc), half);
      // −i·v/2 = (Im v, −Re v)/2
      const o = f64x2.mul(jmul(f64x2.sub(zk, zc), conj), half);
      const t = twReal + (<usize>k << 5);
      v128.store(x + (<usize>k << 4), f64x2.add(e, cmul(o, v128.load(t), v128.load(t, 16))));
    }
  }
}

/**
 * Complex-to-real transforms of `count` half-spectrum rows (src + r·16(n/2 + 1)) into real rows
 * of length n (dst + r·8n), times `scale`: Z[k] = Fe[k] + i Fo[k] with Fe = X[k] + conj X[h−k],
 * Fo = (X[k] − conj X[h−k]) e^{+2πik/n}, then an inverse complex transform of length h = n/2 gives
 * x[2t] + i x[2t+1]. As numpy's irfftn, only the real parts of X[0] and X[h] are used.
 */
export function realRowsInverse(
  src: usize, dst: usize, count: i32, n: i32, twHalfInv: usize, twRealInv: usize, s1: usize,
  s2: usize, scale: f64,
): void {
  const h = n >> 1;
  const jsg = jsign(1);
  const one = f64x2.splat(1.0);
  const sc = f64x2.splat(scale);
  const conj = f64x2(1.0, -1.0);
  const plusI = f64x2(-1.0, 1.0);
  const reOnly = f64x2(1.0, 0.0);
  for (let r = 0; r < count; r++) {
    const x = src + <usize>r * (<usize>(h + 1) << 4);
    const z = dst + <usize>r * (<usize>n << 3);
    for (let k = 0; k < h; k++) {
      let xk = v128.load(x + (<usize>k << 4));
      let xc = f64x2.mul(v128.load(x + (<usize>(h - k) << 4)), conj);
      if (k == 0) {
        xk = f64x2.mul(xk, reOnly);
        xc = f64x2.mul(xc, reOnly);
      }
      const fe = f64x2.add(xk, xc);
      const t = twRealInv + (<usize>k << 5);
      const fo = cmul(f64x2.sub(xk, xc), v128.load(t), v128.load(t, 16));
      v128.store(z + (<usize>k << 4), f64x2.mul(f64x2.add(fe, jmul(fo, plusI)), sc));
    }
    lines(z, 16, 1, h, twHalfInv, s1, s2, jsg, one);
  }
}
