/**
 * The fast spectral method of Mouhot & Pareschi for Q(f,f) on an n³ velocity grid.
 *
 * References: C. Mouhot, L. Pareschi, "Fast algorithms for computing the Boltzmann collision
 * operator", Math. Comp. 75 (2006) 1833–1852; F. Filbet, C. Mouhot, L. Pareschi, "Solving the
 * Boltzmann equation in N log₂ N", SIAM J. Sci. Comput. 28 (2006) 1029–1053 (3D hard spheres).
 *
 * Derivation in boltzlab's normalization (ω over all of S², see `src/kinetic/kernel.ts`). With
 * g = u − v, y = (g·ω)ω, x = g − y one has v* = v + y, u* = v + x, u = v + x + y, and for fixed
 * ω, g = tω + x (x ⊥ ω); since (ω, t) ↦ tω covers R³ twice with dy = t² dt dω,
 *
 *   ∫_{R³}∫_{S²} B(g, ω) F(y, x) dω dg = 2 ∫_{R³}∫_{R³} B |y|^{−1} δ(x·y) F(y, x) dx dy   (Carleman).
 *
 * Hard spheres: B = |g·ω| = |y|, weight 2. Constant kernel: B = 1, weight 2/|y|. (Check: the loss
 * frequency 2∫∫ B|y|^{-1}δ(x·y) f(v+x+y) dx dy equals 2π∫|u−v| f(u) du, resp. 4π∫f, as it must.)
 * Truncating x, y ∈ B_R and inserting the Fourier series f = Σ f̂_k e^{iκk·v} on [−L, L)³:
 *
 *   Q̂⁺_k = Σ_{l+m=k} β(l, m) f̂_l f̂_m,   Q̂⁻_k = Σ_{l+m=k} β(m, m) f̂_l f̂_m,
 *   β(l, m) = ∫_{S²} φ(κ l·e) D(κ |Π_{e⊥} m|) de,
 *
 * where (y = ρe, δ(x·y) = δ(x·e)/ρ, and e ↔ −e symmetrized)
 *   hard spheres:  φ(s) = 2∫_0^R ρ cos(ρs) dρ = 2R² [sin z / z + (cos z − 1)/z²],  z = Rs,
 *   constant:      φ(s) = 2∫_0^R cos(ρs) dρ   = 2R sin z / z,
 *   both:          D(r) = ∫_{e⊥ ∩ B_R} e^{i r x₁} dx = 2πR² J₁(Rr)/(Rr)   (the disk integral in
 *                  closed form, so only the direction e is discretized).
 * With the sphere rule of `directions.ts` (weights W_e), β(l,m) ≈ Σ_e W_e φ_e(l) D_e(m) separates,
 * and Q⁺(v) = Σ_e W_e A_e(v) B_e(v) with A_e = F⁻¹[φ_e f̂], B_e = F⁻¹[D_e f̂]. Both multipliers are
 * real and even in k, so A_e and B_e are real and one complex inverse FFT of (φ_e + i D_e) f̂
 * returns A_e + i B_e. The loss term is Q⁻ = f · F⁻¹[β(k,k) f̂] with β(k,k) from the same rule.
 * Multipliers on the Nyquist planes (a component = −n/2) are set to zero, which keeps A_e, B_e
 * real. Cost per evaluation: (count + 2) complex FFTs of size n³ for `count` directions (73 for
 * the Lebedev rule of degree 19 that `relax` uses, 2M² for the product rule).
 *
 * Staircase truncation (`truncation.ts`, option `truncation`): the set |y| ≤ R, |x| ≤ R is replaced
 * by the disjoint union of {|y| ≤ a_i, b_{i+1} < |x| ≤ b_i}, i = 1..K, so φ_e D_e becomes
 * Σ_i φ_e(·; a_i) [D_e(·; b_i) − D_e(·; b_{i+1})] (b_{K+1} = 0) and the gain term
 * Σ_e W_e Σ_i A_{e,i} B_{e,i}: K complex FFTs per direction, (K·count + 2) in all. K = 1 is the
 * separated form above, computed by the same arithmetic.
 */
import besselj1 from "@stdlib/math-base-special-besselj1";
import { RuleError } from "../../math/errors.ts";
import { FFT3D } from "../../math/fft3d.ts";
import { type SphereRule, type SphereRuleName, sphereRule } from "./directions.ts";
import { type VelocityGrid, waveNumber } from "./grid.ts";
import { SEPARATED, staircaseSides, type Truncation } from "./truncation.ts";

/** The kernels of the spectral solver: hard spheres (the paper's) or the constant kernel B ≡ 1. */
export type SpectralKernel = "hard-sphere" | "constant";

/** Options of the spectral collision operator: angular resolution and multiplier cache size. */
export interface SpectralOptions {
  /** Angular rule (default `product`; `relax` uses RELAX_DEFAULTS.sphere): see `directions.ts`. */
  readonly sphere?: SphereRuleName;
  /**
   * Angular resolution of that rule: M of the product rule, 2M² directions (default 4 → 32), or
   * the degree P of the Lebedev rule (default 19 → 73 directions).
   */
  readonly angles?: number;
  /** Memory budget for cached multipliers in bytes (default 512 MiB); beyond it they are recomputed. */
  readonly cacheBytes?: number;
  /** Truncation set (default the separated square, K = 1): see `truncation.ts`. */
  readonly truncation?: Truncation;
}

/** φ(s) for the hard-sphere kernel: 2∫_0^R ρ cos(ρ s) dρ. */
export function phiHardSphere(s: number, R: number): number {
  const z = R * s;
  if (Math.abs(z) < 1e-3) {
    const z2 = z * z;
    return 2 * R * R * (0.5 - z2 / 8 + (z2 * z2) / 144);
  }
  return 2 * R * R * (Math.sin(z) / z + (Math.cos(z) - 1) / (z * z));
}

/** φ(s) for the constant kernel: 2∫_0^R cos(ρ s) dρ. */
export function phiConstant(s: number, R: number): number {
  const z = R * s;
  if (Math.abs(z) < 1e-4) return 2 * R * (1 - (z * z) / 6);
  return (2 * R * Math.sin(z)) / z;
}

/** D(r) = ∫ over the disk of radius R in a plane of e^{i r x₁} dx = 2πR² J₁(Rr)/(Rr). */
export function diskTransform(r: number, R: number): number {
  const z = R * r;
  if (z < 1e-4) return Math.PI * R * R * (1 - (z * z) / 8);
  return (2 * Math.PI * R * R * besselj1(z)) / z;
}

/**
 * Number of fixed blocks the directions are summed in: the gain term is
 * Q⁺ = ((P₀ + P₁) + P₂) + P₃ and Q = −f L + Q⁺, with P_c = Σ_{e ∈ block c} W_e A_e B_e summed
 * in direction order.
 * The blocks do not depend on how many threads evaluate them, so a pool that hands blocks to
 * workers (`src/parallel/spectral-q-pool.ts`) and sums them in this order returns the same bits as
 * {@link MouhotPareschi.evaluate}.
 */
export const GAIN_BLOCKS = 4;

/** Direction range [from, to) of gain block c of {@link GAIN_BLOCKS} for `count` directions. */
export function gainBlock(c: number, count: number): [number, number] {
  return [Math.floor((c * count) / GAIN_BLOCKS), Math.floor(((c + 1) * count) / GAIN_BLOCKS)];
}

/** What the time stepper needs from a collision operator (in-process or on a worker pool). */
export interface CollisionOperator {
  readonly grid: VelocityGrid;
  /** Number of directions e of the angular rule. */
  readonly directions: number;
  /** Q(f,f) into `out`; Q⁺ into `gain` and the loss frequency into `lossFreq` when given. */
  evaluate(f: Float64Array, out: Float64Array, gain?: Float64Array, lossFreq?: Float64Array): void;
}

/**
 * Q(f,f) by the fast spectral method. Not re-entrant (owns scratch buffers); create one per thread.
 * The pieces ({@link MouhotPareschi.transform}, {@link MouhotPareschi.lossFrequency},
 * {@link MouhotPareschi.gainOverDirections}) are public so that a pool can split the directions.
 */
export class MouhotPareschi implements CollisionOperator {
  readonly grid: VelocityGrid;
  readonly kernel: SpectralKernel;
  readonly rule: SphereRule;
  readonly truncation: Truncation;
  readonly fft: FFT3D;
  /** Sides of the staircase's rectangles: |y| ≤ a[i], |x| ≤ b[i] (both [R] when separated). */
  private readonly sideA: Float64Array;
  private readonly sideB: Float64Array;
  private loss: Float64Array | null = null;
  private readonly cache: (Float64Array | null)[] | null;
  private readonly spec: Float64Array;
  private readonly block: Float64Array;
  private readonly sum: Float64Array;
  private readonly mulPhi: Float64Array;
  private readonly mulD: Float64Array;

  constructor(grid: VelocityGrid, kernel: SpectralKernel, opts: SpectralOptions = {}) {
    if (kernel !== "hard-sphere" && kernel !== "constant") {
      throw new RuleError("spectral kernel must be hard-sphere or constant", `got "${kernel}"`);
    }
    this.grid = grid;
    this.kernel = kernel;
    const sphere = opts.sphere ?? "product";
    this.rule = sphereRule(sphere, opts.angles ?? (sphere === "lebedev" ? 19 : 4));
    this.truncation = opts.truncation ?? SEPARATED;
    const sides = staircaseSides(this.truncation, grid.R);
    this.sideA = sides.a;
    this.sideB = sides.b;
    this.fft = new FFT3D(grid.n);
    const n3 = grid.n ** 3;
    this.spec = new Float64Array(2 * n3);
    this.block = new Float64Array(n3);
    this.sum = new Float64Array(n3);
    this.mulPhi = new Float64Array(n3);
    this.mulD = new Float64Array(n3);
    const budget = opts.cacheBytes ?? 512 * 2 ** 20;
    const terms = this.rule.count * this.truncation.steps;
    const need = terms * 2 * n3 * 8;
    // filled on first use, so a pool worker caches only the directions it evaluates
    this.cache = need <= budget ? new Array(2 * terms).fill(null) : null;
  }

  /** Number of directions e used. */
  get directions(): number {
    return this.rule.count;
  }

  /** β(k, k) on the grid of wave numbers (the loss multiplier), computed on first use. */
  get lossMultiplier(): Float64Array {
    if (!this.loss) {
      const n3 = this.grid.n ** 3;
      const lm = new Float64Array(n3);
      const K = this.truncation.steps;
      for (let d = 0; d < this.rule.count; d++) {
        const w = this.rule.weights[d];
        for (let st = 0; st < K; st++) {
          // from the cache when there, else into scratch: a pool's main thread needs only β(k, k)
          const t = d * K + st;
          let phi = this.cache?.[2 * t];
          let D = this.cache?.[2 * t + 1];
          if (!phi || !D) {
            phi = this.mulPhi;
            D = this.mulD;
            this.multipliers(d, st, phi, D);
          }
          for (let i = 0; i < n3; i++) lm[i] += w * phi[i] * D[i];
        }
      }
      this.loss = lm;
    }
    return this.loss;
  }

  /**
   * φ_e, D_e of direction d and staircase step st: from the cache (filled now if empty) or
   * recomputed into scratch.
   */
  private multipliersOf(d: number, st: number): [Float64Array, Float64Array] {
    const cache = this.cache;
    if (cache) {
      const t = d * this.truncation.steps + st;
      let phi = cache[2 * t];
      let D = cache[2 * t + 1];
      if (!phi || !D) {
        const n3 = this.grid.n ** 3;
        phi = new Float64Array(n3);
        D = new Float64Array(n3);
        this.multipliers(d, st, phi, D);
        cache[2 * t] = phi;
        cache[2 * t + 1] = D;
      }
      return [phi, D];
    }
    this.multipliers(d, st, this.mulPhi, this.mulD);
    return [this.mulPhi, this.mulD];
  }

  /**
   * φ_e(k; a) and D_e(k; b) − D_e(k; b') for direction d on all wave numbers (zero on the Nyquist
   * planes), with a, b the sides of staircase step st and b' the next step's b (none: D ≡ 0 there).
   */
  private multipliers(d: number, st: number, phi: Float64Array, D: Float64Array): void {
    const { n, kappa } = this.grid;
    const Ry = this.sideA[st];
    const Rx = this.sideB[st];
    const Rnext = st + 1 < this.truncation.steps ? this.sideB[st + 1] : 0;
    const ex = this.rule.dirs[3 * d];
    const ey = this.rule.dirs[3 * d + 1];
    const ez = this.rule.dirs[3 * d + 2];
    const hs = this.kernel === "hard-sphere";
    const half = n >> 1;
    let idx = 0;
    for (let p = 0; p < n; p++) {
      const kx = kappa * waveNumber(p, n);
      for (let q = 0; q < n; q++) {
        const ky = kappa * waveNumber(q, n);
        for (let r = 0; r < n; r++, idx++) {
          if (p === half || q === half || r === half) {
            phi[idx] = 0;
            D[idx] = 0;
            continue;
          }
          const kz = kappa * waveNumber(r, n);
          const s = kx * ex + ky * ey + kz * ez;
          const k2 = kx * kx + ky * ky + kz * kz;
          const perp = Math.sqrt(Math.max(0, k2 - s * s));
          phi[idx] = hs ? phiHardSphere(s, Ry) : phiConstant(s, Ry);
          D[idx] =
            Rnext > 0
              ? diskTransform(perp, Rx) - diskTransform(perp, Rnext)
              : diskTransform(perp, Rx);
        }
      }
    }
  }

  /** f̂ = F[f] (forward complex FFT of the real grid values) into `spec` (length 2n³). */
  transform(f: Float64Array, spec: Float64Array): void {
    const n3 = this.grid.n ** 3;
    if (f.length !== n3 || spec.length !== 2 * n3)
      throw new RangeError(`arrays must have length n^3 = ${n3} and 2n^3`);
    const ws = this.fft.workspace;
    for (let i = 0; i < n3; i++) {
      ws[2 * i] = f[i];
      ws[2 * i + 1] = 0;
    }
    this.fft.forwardInPlace();
    spec.set(ws);
  }

  /** The loss frequency L = F⁻¹[β(k,k) f̂] from f̂ = `spec` into `out` (length n³). */
  lossFrequency(spec: Float64Array, out: Float64Array): void {
    const n3 = this.grid.n ** 3;
    const lm = this.lossMultiplier;
    const work = this.fft.workspace;
    for (let i = 0; i < n3; i++) {
      work[2 * i] = spec[2 * i] * lm[i];
      work[2 * i + 1] = spec[2 * i + 1] * lm[i];
    }
    this.fft.inverseInPlace();
    for (let i = 0; i < n3; i++) out[i] = work[2 * i];
  }

  /**
   * The part of the gain term carried by directions [from, to): `out` ← Σ_e W_e A_e B_e, summed in
   * direction order from zero, with A_e + iB_e = F⁻¹[(φ_e + i D_e) f̂] and f̂ = `spec` (not modified).
   * A pure function of its arguments (the multipliers are fixed by the grid, kernel and rule).
   */
  gainOverDirections(spec: Float64Array, from: number, to: number, out: Float64Array): void {
    const n3 = this.grid.n ** 3;
    if (
      !(
        Number.isInteger(from) &&
        Number.isInteger(to) &&
        0 <= from &&
        from <= to &&
        to <= this.rule.count
      )
    )
      throw new RangeError(`direction range [${from}, ${to}) outside [0, ${this.rule.count})`);
    const work = this.fft.workspace;
    const K = this.truncation.steps;
    out.fill(0);
    for (let d = from; d < to; d++) {
      const w = this.rule.weights[d];
      for (let st = 0; st < K; st++) {
        const [phi, D] = this.multipliersOf(d, st);
        for (let i = 0; i < n3; i++) {
          const re = spec[2 * i];
          const im = spec[2 * i + 1];
          const a = phi[i];
          const b = D[i];
          work[2 * i] = re * a - im * b;
          work[2 * i + 1] = im * a + re * b;
        }
        this.fft.inverseInPlace();
        for (let i = 0; i < n3; i++) out[i] += w * work[2 * i] * work[2 * i + 1];
      }
    }
  }

  /**
   * Q(f,f) = Q⁺ − Q⁻ on the grid: `out` ← Q. If `gain`/`lossFreq` are given, they receive Q⁺ and
   * the loss frequency L (Q⁻ = f·L). All arrays have length n³ (index (i·n + j)·n + k). The gain is
   * summed over the fixed direction blocks of {@link GAIN_BLOCKS}, in block order.
   */
  evaluate(f: Float64Array, out: Float64Array, gain?: Float64Array, lossFreq?: Float64Array): void {
    const n3 = this.grid.n ** 3;
    if (f.length !== n3 || out.length !== n3)
      throw new RangeError(`arrays must have length n^3 = ${n3}`);
    const spec = this.spec;
    this.transform(f, spec);
    const L = lossFreq ?? out;
    this.lossFrequency(spec, L);
    const block = this.block;
    // Q = −f L + ((P₀ + P₁) + P₂) + P₃; `out` holds −f L until the blocks are added
    for (let i = 0; i < n3; i++) out[i] = -f[i] * L[i];
    const sum = this.sum;
    sum.fill(0);
    for (let c = 0; c < GAIN_BLOCKS; c++) {
      const [from, to] = gainBlock(c, this.rule.count);
      this.gainOverDirections(spec, from, to, block);
      for (let i = 0; i < n3; i++) sum[i] += block[i];
    }
    combineGain(out, sum, gain ?? null);
  }
}

/** out ← out + sum (out holds −f L), and gain ← sum when asked: the last step of Q. */
export function combineGain(out: Float64Array, sum: Float64Array, gain: Float64Array | null): void {
  for (let i = 0; i < out.length; i++) out[i] += sum[i];
  if (gain) gain.set(sum);
}
