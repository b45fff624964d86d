import {
  type ConstructionConstants,
  makeConstants,
  PAPER_CONSTANTS,
  type Parameters,
} from "../construction/parameters/parameters.ts";
import { hardSphere } from "../kinetic/kernel.ts";
import { RuleError } from "../math/errors.ts";

/**
 * Proposition 5.1 and its proof, with the constants the paper hides behind ≲ made explicit and
 * replaceable by measured ones.
 *
 * The proof partitions [0, T*] into intervals I_j = [T_j, T_{j+1}], T_j = j M^{s−1}/√(ln M),
 * n = √(ln M) ln ln M of them, and on each interval bounds X = ‖e^{(1−κt)⟨v⟩²} f_c‖_{L^∞(I_j; Z)} by
 * (5.7):
 *
 *   X ≤ X_j + C c Z_a X + C c X² + E,   c = (|I_j|/κ)^{1/2}  (5.8),
 *
 * with X_j = ‖e^{(1−κT_j)⟨v⟩²} f_c(T_j)‖_Z, Z_a = ‖e^{⟨v⟩²} f_a‖_{L^∞_t Z} (5.9), E the error bound
 * (5.10) and C the constant of Proposition 3.1. The paper absorbs the linear term (C c Z_a ≤ 1/2),
 * drops the quadratic one and iterates X_{j+1} ≤ 2X_j + 2CE, reaching (2^{n+1} − 1)2CE at T*.
 *
 * Here the same inequality is iterated exactly: X may not exceed the smaller root of
 * C c X² − (1 − C c Z_a) X + (X_j + E) = 0 (a continuity argument: X starts at X_j ≤ root and
 * cannot jump over the root); the bootstrap fails on the first interval where the root does not
 * exist. n is not an integer in general: the partition uses ⌈n⌉ intervals of the paper's length,
 * the last one cut at T* (the coefficient uses the paper's |I_j|, an upper bound for the last).
 *
 * With a time factor c_T (T* = c_T M^{s−1} ln ln M, construction/parameters.ts) the intervals keep
 * the paper's length |I_j| = M^{s−1}/√(ln M) and their number becomes n = T* / |I_j| =
 * c_T √(ln M) ln ln M; (5.8)'s c = (|I_j|/κ)^{1/2} = (|I_j| T*)^{1/2} gains the factor √c_T, and so
 * does its middle expression. For c_T = 1 every number is the paper's, bit for bit.
 *
 * g_c (5.4) follows "the same iterative argument": the same inequality with X the Z-norm of g_c,
 * Z_a = ‖e^{⟨v⟩²} g_a‖_Z = ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11) and E the bound (5.12) of G_err; nothing in
 * the iteration depends on which correction it is ({@link BootstrapInput}'s `zNormFa` and
 * `errorBound` are then those of g).
 */

/** The partition of [0, T*] in the proof of Proposition 5.1. */
export interface Partition {
  /** The paper's n = √(ln M) ln ln M, times c_T (n = T* / |I_j|; not an integer in general). */
  readonly n: number;
  /** Number of intervals used, max(1, ⌈n⌉) (n < 1 for M ≤ 7: one interval, shorter than |I_j|). */
  readonly intervals: number;
  /** |I_j| = M^{s−1}/√(ln M). */
  readonly length: number;
  /** Length of the last interval, T* − (intervals − 1)|I_j|. */
  readonly lastLength: number;
  readonly Tstar: number;
  readonly kappa: number;
}

/** ln M from the parameters (through ln N = p ln M, so that M may be beyond double range). */
function logM(params: Parameters): number {
  return params.lnN / params.p;
}

/**
 * The partition of [0, T*] of the proof of Proposition 5.1: n = √(ln M) ln ln M intervals of length
 * M^{s−1}/√(ln M) (⌈n⌉ of them, the last cut at T*), with κ = 1/T*. A {@link RuleError} for M < 3.
 */
export function partition(params: Parameters): Partition {
  const { s, Tstar, kappa } = params;
  const lnM = logM(params);
  if (!(lnM > 1)) {
    throw new RuleError(
      "the partition of Proposition 5.1 needs T* = M^{s−1} ln ln M > 0, i.e. M ≥ 3",
      `got M = ${params.M}`,
    );
  }
  const n = params.constants.timeFactor * Math.sqrt(lnM) * Math.log(lnM);
  const length = Math.exp((s - 1) * lnM) / Math.sqrt(lnM);
  const intervals = Math.max(1, Math.ceil(n - 1e-12));
  return { n, intervals, length, lastLength: Tstar - (intervals - 1) * length, Tstar, kappa };
}

/** The coefficient (5.8) and the two bounds the paper gives for it. */
export interface Coefficient58 {
  /** (|I_j|/κ)^{1/2}. */
  readonly value: number;
  /** The middle expression √c_T M^{s−1}(ln ln M)^{1/2}(ln M)^{−1/4} (equal to `value`, as the text says). */
  readonly middle: number;
  /** The right side M^{s−1}(ln M)^{−1/10}. */
  readonly right: number;
  /** value / right = (ln ln M)^{1/2}(ln M)^{−3/20}: the constant the last ≲ of (5.8) needs at this M. */
  readonly impliedConstant: number;
}

/**
 * The coefficient c = (|I_j|/κ)^{1/2} of (5.8) at these parameters, with the paper's two upper
 * bounds for it (middle and right of (5.8)) and the constant the last ≲ of (5.8) needs here.
 */
export function coefficient58(params: Parameters): Coefficient58 {
  const { s } = params;
  const { length, kappa } = partition(params);
  const lnM = logM(params);
  const Ms1 = Math.exp((s - 1) * lnM);
  const value = Math.sqrt(length / kappa);
  const middle =
    Math.sqrt(params.constants.timeFactor) * Ms1 * Math.sqrt(Math.log(lnM)) * lnM ** -0.25;
  const right = Ms1 * lnM ** -0.1;
  return { value, middle, right, impliedConstant: value / right };
}

/**
 * sup over M of the constant the last step of (5.8) needs: the max over L = ln M of
 * (ln L)^{1/2} L^{−3/20}; with x = ln L it is max of x^{1/2} e^{−0.15x}, attained at x = 1/0.3.
 */
export const COEFFICIENT_58_CONSTANT = Math.sqrt(1 / 0.3) * Math.exp(-0.15 / 0.3);

export interface BootstrapInput {
  readonly params: Parameters;
  /** Z_a = sup_t ‖e^{⟨v⟩²} f_a(t)‖_Z (5.9), measured (for g_c: ‖e^{⟨v⟩²} g_a‖_Z (5.11)). */
  readonly zNormFa: number;
  /** E = sup over windows of ‖e^{⟨v⟩²} ∫ e^{−(t−τ)v·∇x} F_err dτ‖_Z (5.10), measured (for g_c: G_err, (5.12)). */
  readonly errorBound: number;
  /** C, the constant of Proposition 3.1 ((3.4)); 1 when the ≲ is read with constant one. */
  readonly constant: number;
}

/** The outcome of {@link bootstrap}: the iteration (5.7) run exactly over the partition. */
export interface BootstrapResult {
  readonly partition: Partition;
  readonly coefficient: number;
  /** C c Z_a: the linear factor the proof must absorb (the paper needs ≤ 1/2). */
  readonly absorption: number;
  /** Whether every interval admits the root, i.e. the continuity argument goes through. */
  readonly closes: boolean;
  /** The first interval (0-based) on which it fails, when it does. */
  readonly failsAt: number | null;
  /** The bound on sup_t ‖e^{(1−κt)⟨v⟩²} f_c(t)‖_Z at T* (NaN when it fails). */
  readonly finalBound: number;
  /** The paper's final bound (2^{⌈n⌉+1} − 1)·2CE (valid only when absorption ≤ 1/2). */
  readonly paperFinalBound: number;
}

/** Iterate (5.7) over the partition with the given constants (see the module comment). */
export function bootstrap(input: BootstrapInput): BootstrapResult {
  const { params, zNormFa, errorBound, constant } = input;
  for (const [name, x] of [
    ["zNormFa", zNormFa],
    ["errorBound", errorBound],
    ["constant", constant],
  ] as const) {
    if (!(Number.isFinite(x) && x >= 0))
      throw new RuleError(`${name} must be a finite number ≥ 0`, `got ${x}`);
  }
  const part = partition(params);
  const c = coefficient58(params).value;
  return iterate(part, c, constant * c * zNormFa, constant, errorBound);
}

/** The iteration of (5.7) given the coefficient c, the linear factor a = C c Z_a, C and E. */
function iterate(
  part: Partition,
  c: number,
  a: number,
  constant: number,
  errorBound: number,
): BootstrapResult {
  const b = constant * c;
  let X = 0;
  let failsAt: number | null = null;
  for (let j = 0; j < part.intervals; j++) {
    const q = X + errorBound;
    const lin = 1 - a;
    const disc = lin * lin - 4 * b * q;
    if (lin <= 0 || disc < 0) {
      failsAt = j;
      break;
    }
    // smaller root of b X² − lin X + q = 0, written without cancellation
    X = b > 0 ? (2 * q) / (lin + Math.sqrt(disc)) : q / lin;
  }
  const paperFinalBound = (2 ** (part.intervals + 1) - 1) * 2 * constant * errorBound;
  return {
    partition: part,
    coefficient: c,
    absorption: a,
    closes: failsAt === null,
    failsAt,
    finalBound: failsAt === null ? X : Number.NaN,
    paperFinalBound,
  };
}

/** A law y(M) = prefactor · M^exponent · (log factor), as fitted from measurements. */
export interface PowerLaw {
  readonly prefactor: number;
  readonly exponent: number;
  readonly logFactor?: "none" | "lnM" | "lnlnM";
}

/** ln of the law at ln M (the law itself may overflow where only products matter). */
export function logLaw(law: PowerLaw, lnM: number): number {
  const L = law.logFactor === "lnM" ? lnM : law.logFactor === "lnlnM" ? Math.log(lnM) : 1;
  return Math.log(law.prefactor) + law.exponent * lnM + Math.log(L);
}

export interface ClosureSearch {
  /** Smallest ln M on the scan at which the bootstrap closes with final bound below `target`, or null. */
  readonly lnM: number | null;
  /** The scan's upper end (ln M). */
  readonly scannedTo: number;
  readonly result?: BootstrapResult;
}

/**
 * From which M on does the bootstrap close, if the measured laws for Z_a and E are extrapolated?
 * Scans ln M geometrically (factor 1.05) from ln 3 to `maxLnM` (default 10⁴; M itself overflows
 * there, so the parameters are built in log form: only ln M enters the formulas used). Closing
 * means: every interval admits the root and the final bound is below `target`.
 */
export function closureThreshold(
  s: number,
  zNormLaw: PowerLaw,
  errorLaws: readonly PowerLaw[],
  constant: number,
  target: number,
  maxLnM = 1e4,
  constants?: Partial<ConstructionConstants>,
): ClosureSearch {
  let found: ClosureSearch | null = null;
  const all = makeConstants(constants);
  for (let lnM = Math.log(3); lnM <= maxLnM && !found; lnM *= 1.05) {
    const result = bootstrapAtLogM(s, zNormLaw, errorLaws, constant, lnM, all);
    if (result.closes && result.finalBound < target) found = { lnM, scannedTo: maxLnM, result };
  }
  return found ?? { lnM: null, scannedTo: maxLnM };
}

/**
 * The iteration (5.7) at ln M with Z_a and E continued by laws (each law y(M) = prefactor ·
 * M^exponent · log factor; E the sum of `errorLaws`), computed from ln M alone (M may overflow):
 * what `closureThreshold` scans, and what the exact-solution thresholds (exact-thresholds.ts)
 * evaluate at one M.
 */
export function bootstrapAtLogM(
  s: number,
  zNormLaw: PowerLaw,
  errorLaws: readonly PowerLaw[],
  constant: number,
  lnM: number,
  constants?: Partial<ConstructionConstants>,
): BootstrapResult {
  const all = makeConstants(constants);
  const part = partition(logParameters(lnM, s, all));
  // ln c = (s−1) ln M + ½ ln ln ln M − ¼ ln ln M + ½ ln c_T ((5.8)), kept in logs: c underflows, Z_a overflows
  const lnC =
    (s - 1) * lnM +
    0.5 * Math.log(Math.log(lnM)) -
    0.25 * Math.log(lnM) +
    0.5 * Math.log(all.timeFactor);
  const E = errorLaws.reduce((acc, law) => acc + Math.exp(logLaw(law, lnM)), 0);
  return iterate(
    part,
    Math.exp(lnC),
    constant * Math.exp(lnC + logLaw(zNormLaw, lnM)),
    constant,
    E,
  );
}

/**
 * Parameters known through ln M only (M itself may overflow to Infinity): everything this module
 * uses is computed from ln M = ln N / p.
 */
function logParameters(lnM: number, s: number, constants: ConstructionConstants): Parameters {
  const Tstar = constants.timeFactor * Math.exp((s - 1) * lnM) * Math.log(lnM);
  return {
    M: Math.exp(lnM),
    s,
    s0: 0,
    p: 10,
    N: Number.POSITIVE_INFINITY,
    lnN: 10 * lnM,
    Tstar,
    kappa: 1 / Tstar,
    constants,
    kernel: hardSphere,
  };
}
