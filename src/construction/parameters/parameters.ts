import { hardSphere, type Kernel, kernelByName } from "../../kinetic/kernel.ts";
import { RuleError } from "../../math/errors.ts";

/**
 * The free constants of the construction, which the paper fixes without tuning (Section 2):
 *   f_b(t,x,v) = c_b M^{1−s} Σ K_{i,j}(x − vt) I_{i,j}(v),                       (2.4)
 *   I_{i,j}(v) = χ(c_⊥ M P⊥_e v) χ(α P_e(v − e)),                                  (2.4)
 *   f_r(0,x,v) = c_r M^{3/2−s0} N^{3/2} χ(R M x) χ(N v),                            (2.5)
 *   T* = c_T M^{s−1} ln ln M.                                                       (2.9)
 * The paper's values are c_b = c_r = c_T = 1, R = 100, α = 10, and c_⊥ = 1 as written in (2.4)
 * or 10 as used in the proof of (2.20) (the two variants, `variant.ts`).
 */
export interface ConstructionConstants {
  /** c_b, the amplitude factor of the beam f_b (paper: 1). */
  readonly beamAmplitude: number;
  /** c_r, the amplitude factor of the core f_r (paper: 1). */
  readonly coreAmplitude: number;
  /** R, the core's radius factor in χ(R M x) (paper: 100). */
  readonly coreRadius: number;
  /** α, the bump's axial factor in χ(α P(v − e)) (paper: 10). */
  readonly bumpAxial: number;
  /**
   * c_⊥, the bump's transverse factor in χ(c_⊥ M P⊥v); absent: the variant's (1 `as-written`,
   * 10 `as-in-proof`).
   */
  readonly bumpTransverse?: number;
  /** c_T, the time factor in T* = c_T M^{s−1} ln ln M (paper: 1). */
  readonly timeFactor: number;
}

/** The paper's constants (c_⊥ left to the variant). */
export const PAPER_CONSTANTS: ConstructionConstants = Object.freeze({
  beamAmplitude: 1,
  coreAmplitude: 1,
  coreRadius: 100,
  bumpAxial: 10,
  timeFactor: 1,
});

/** The constant names, in the order outputs list them, with their symbol in the paper. */
export const CONSTANT_SYMBOLS: Readonly<Record<keyof ConstructionConstants, string>> = {
  beamAmplitude: "c_b",
  coreAmplitude: "c_r",
  coreRadius: "R",
  bumpAxial: "α",
  bumpTransverse: "c_⊥",
  timeFactor: "c_T",
};

/**
 * The paper's parameters (2.7)–(2.9): M ≥ 2 integer, N = M^p (p = 10 by default),
 * max(s0, 3/4) < s < 1, s0 ∈ [0, 1), T* = c_T M^{s−1} ln ln M, κ = 1/T* (Section 1.1, (1.20)),
 * and the free constants ({@link ConstructionConstants}, the paper's by default).
 */
export interface Parameters {
  readonly M: number;
  readonly s: number;
  readonly s0: number;
  readonly p: number;
  /** N = M^p; may overflow to a huge number for large M — use `lnN` where possible. */
  readonly N: number;
  readonly lnN: number;
  readonly Tstar: number;
  readonly kappa: number;
  readonly constants: ConstructionConstants;
  /**
   * The collision kernel of A[f_b] in (2.5)/(2.6) (Remark 1.5; docs/kernels.md): `hard-sphere`
   * (the paper's, default), `constant` or `vhs:γ`, with the normalizations of kinetic/kernel.ts:
   * A[g] = (∫_{S²} b dω) ∫ Φ(|u − v|) g du = 2π∫|u − v| g (hard-sphere), 4π∫g (constant),
   * 2π∫|u − v|^γ g (vhs:γ).
   */
  readonly kernel: Kernel;
}

/**
 * The raw parameters of the construction (2.7)–(2.9): the integer M ≥ 2 and, optionally, s, s0 and
 * the exponent p of N = M^p (defaults {@link DEFAULT_S}, {@link DEFAULT_S0}, {@link DEFAULT_P}).
 * Validated by {@link makeParameters}.
 */
export interface ParameterInput {
  M: number;
  s?: number;
  s0?: number;
  p?: number;
  /** Any subset of the free constants; the rest are the paper's. */
  constants?: Partial<ConstructionConstants>;
  /** The kernel by name: `hard-sphere` (default), `constant`, `vhs:γ` with −3 < γ ≤ 1. */
  kernel?: string;
}

/** Default regularity s = 0.8 (max(s0, 3/4) < s < 1). */
export const DEFAULT_S = 0.8;
/** Default s0 = 0.5 (the Sobolev index H^{s0}_x of the distances in Theorem 1.1). */
export const DEFAULT_S0 = 0.5;
/** Default exponent p of N = M^p (the core's velocity scale 1/N, (2.5)). */
export const DEFAULT_P = 10;

/** T* = c_T M^{s−1} ln ln M (2.9; c_T = 1 in the paper). */
export function tStar(M: number, s: number, timeFactor = 1): number {
  return timeFactor * M ** (s - 1) * Math.log(Math.log(M));
}

/**
 * Complete and validate the constants: each a finite number > 0, α > 1 (the axial support
 * 1 − 1/α < e·v < 1 + 1/α stays away from v = 0, where f_r lives). Whether they satisfy the proof's
 * hypotheses is a separate question (`claims/construction-constraints.ts`).
 */
export function makeConstants(input?: Partial<ConstructionConstants>): ConstructionConstants {
  const out: Record<string, number> = { ...PAPER_CONSTANTS };
  for (const [key, value] of Object.entries(input ?? {})) {
    if (!(key in CONSTANT_SYMBOLS))
      throw new RuleError(
        `unknown construction constant "${key}"`,
        `known: ${Object.keys(CONSTANT_SYMBOLS).join(", ")}`,
      );
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || !(value > 0)) {
      throw new RuleError(
        `the constant ${key} (${CONSTANT_SYMBOLS[key as keyof ConstructionConstants]}) must be a finite number > 0`,
        `got ${String(value)}`,
      );
    }
    out[key] = value;
  }
  if (!(out.bumpAxial > 1))
    throw new RuleError("the bump's axial factor α must be > 1", `got ${out.bumpAxial}`);
  return Object.freeze(out) as unknown as ConstructionConstants;
}

/** True when every constant is the paper's (c_⊥ the variant's). */
export function hasPaperConstants(c: ConstructionConstants): boolean {
  return (
    c.beamAmplitude === 1 &&
    c.coreAmplitude === 1 &&
    c.coreRadius === 100 &&
    c.bumpAxial === 10 &&
    c.timeFactor === 1 &&
    c.bumpTransverse === undefined
  );
}

/**
 * The constants that differ from the paper's, as a partial record (empty for the paper's): what
 * records and outputs store, so that the paper's records stay as they were.
 */
export function constantOverrides(c: ConstructionConstants): Partial<ConstructionConstants> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(CONSTANT_SYMBOLS) as (keyof ConstructionConstants)[]) {
    const v = c[key];
    if (v !== undefined && v !== (PAPER_CONSTANTS as Partial<ConstructionConstants>)[key])
      out[key] = v;
  }
  return out as Partial<ConstructionConstants>;
}

/** "c_b = 1, c_r = 1, R = 100, α = 10, c_⊥ = variant's, c_T = 1": the constants, named, for outputs. */
export function describeConstants(c: ConstructionConstants): string {
  return (Object.keys(CONSTANT_SYMBOLS) as (keyof ConstructionConstants)[])
    .map((k) => `${CONSTANT_SYMBOLS[k]} = ${c[k] ?? "variant's"}`)
    .join(", ");
}

/** Validate and complete the parameters; throws a {@link RuleError} naming the violated rule. */
export function makeParameters(input: ParameterInput): Parameters {
  const { M } = input;
  const s0 = input.s0 ?? DEFAULT_S0;
  const s = input.s ?? DEFAULT_S;
  const p = input.p ?? DEFAULT_P;
  for (const [name, x] of [
    ["M", M],
    ["s", s],
    ["s0", s0],
    ["p", p],
  ] as const) {
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new RuleError(`${name} must be a finite number`, `got ${String(x)}`);
    }
  }
  if (!Number.isInteger(M) || M < 2) throw new RuleError("M must be an integer >= 2", `got ${M}`);
  if (!(s0 >= 0 && s0 < 1)) throw new RuleError("s0 must lie in [0, 1)", `got ${s0}`);
  const lo = Math.max(s0, 0.75);
  if (!(s > lo && s < 1))
    throw new RuleError("s must satisfy max(s0, 3/4) < s < 1", `got s=${s}, s0=${s0}`);
  if (!(p >= 1)) throw new RuleError("p must be >= 1", `got ${p}`);
  const constants = makeConstants(input.constants);
  const Tstar = tStar(M, s, constants.timeFactor);
  const kernel = input.kernel === undefined ? hardSphere : kernelByName(input.kernel);
  return {
    M,
    s,
    s0,
    p,
    N: M ** p,
    lnN: p * Math.log(M),
    Tstar,
    kappa: 1 / Tstar,
    constants,
    kernel,
  };
}

/** The kernel's name as outputs echo it: `hard-sphere` (default), `constant`, `vhs:γ`. */
export const DEFAULT_KERNEL = "hard-sphere";

/**
 * Throw a {@link RuleError} unless the kernel is the paper's hard-sphere kernel: for computations
 * whose formulas use |u − v| itself (the characteristic frequency J of (4.22), the error table),
 * so that another kernel is refused rather than silently given a hard-sphere number.
 */
export function requireHardSphere(params: Parameters, what: string): void {
  if (params.kernel.name !== "hard-sphere") {
    throw new RuleError(
      `${what} is computed for the hard-sphere kernel only (not stated by the paper for other kernels)`,
      `got kernel ${params.kernel.name}`,
    );
  }
}
