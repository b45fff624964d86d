import { RuleError } from "../math/errors.ts";

/**
 * The paper's parameters (2.7)–(2.9): M ≥ 2 integer, N = M^p (p = 10 by default),
 * max(s0, 3/4) < s < 1, s0 ∈ [0, 1), T* = M^{s−1} ln ln M, κ = 1/T* (Section 1.1, (1.20)).
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
}

/** Default regularity s = 0.8 (max(s0, 3/4) < s < 1). */
export const DEFAULT_S = 0.8;
/** Default s0 = 0.5 (the Sobolev index H^{s0}_x of the distances in Theorem 1.1). */
export const DEFAULT_S0 = 0.5;
/** Default exponent p of N = M^p (the core's velocity scale 1/N, (2.5)). */
export const DEFAULT_P = 10;

/** T* = M^{s−1} ln ln M (2.9). */
export function tStar(M: number, s: number): number {
  return M ** (s - 1) * Math.log(Math.log(M));
}

/** Validate and complete the parameters; throws a {@link RuleError} naming the violated rule. */
export function makeParameters(input: ParameterInput): Parameters {
  const { M } = input;
  const s0 = input.s0 ?? DEFAULT_S0;
  const s = input.s ?? DEFAULT_S;
  const p = input.p ?? DEFAULT_P;
  for (const [name, x] of [["M", M], ["s", s], ["s0", s0], ["p", p]] as const) {
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new RuleError(`${name} must be a finite number`, `got ${String(x)}`);
    }
  }
  if (!Number.isInteger(M) || M < 2) throw new RuleError("M must be an integer >= 2", `got ${M}`);
  if (!(s0 >= 0 && s0 < 1)) throw new RuleError("s0 must lie in [0, 1)", `got ${s0}`);
  const lo = Math.max(s0, 0.75);
  if (!(s > lo && s < 1)) throw new RuleError("s must satisfy max(s0, 3/4) < s < 1", `got s=${s}, s0=${s0}`);
  if (!(p >= 1)) throw new RuleError("p must be >= 1", `got ${p}`);
  const Tstar = tStar(M, s);
  return { M, s, s0, p, N: M ** p, lnN: p * Math.log(M), Tstar, kappa: 1 / Tstar };
}
