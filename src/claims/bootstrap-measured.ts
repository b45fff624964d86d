import {
  type ConstructionConstants,
  makeParameters,
} from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { RuleError } from "../math/errors.ts";
import type { Estimate } from "../math/estimate.ts";
import { fitPowerLaw } from "../math/power-fit.ts";
import type { ErrorTableEntry } from "./error-table/error-table.ts";
import {
  ERROR_TERMS,
  G_ERR_TERMS,
  type LogFactor,
  logFactorValue,
  type Solution,
  Z_PARTS,
} from "./error-table/error-term.ts";
import {
  type BootstrapResult,
  bootstrap,
  type ClosureSearch,
  type Coefficient58,
  closureThreshold,
  coefficient58,
  type Partition,
  type PowerLaw,
  partition,
} from "./proposition-5-1.ts";

/**
 * Section 5 with the measured constants: for each M, the partition and coefficient (5.8), the
 * measured Z-norm of f_a (5.9), the measured error bound (5.10) — the sum over the 32 entries of
 * the Section 4 table of each entry's largest value over the window grid — and whether the
 * iteration (5.7) closes (proposition-5-1.ts). Then, from which M on it would close if the
 * measured laws were extrapolated: once with the fitted exponents, once with the paper's.
 *
 * The second solution g = g_a + g_c (5.2), (5.4) runs the same iteration ("the same iterative
 * argument") with Z_a = ‖e^{⟨v⟩²} g_a‖_Z = ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11) and E from the 12 entries of
 * the G_err table (5.12) (`solution: "g"`).
 *
 * Honesty notes carried in the results: an entry whose value is a sampled lower bound contributes
 * its rigorous upper bound when it has one, else its lower bound (then E is only a lower bound and
 * the verdict on closing is optimistic); a missing entry makes E incomplete; the constant of
 * Proposition 3.1 is an input (1, or the largest ratio measured — itself a lower bound of the sup).
 */

export const ERROR_ENTRY_COUNT = ERROR_TERMS.length * Z_PARTS.length;

/** The number of entries of the G_err table (5.12): 3 terms × 4 parts. */
export const G_ERROR_ENTRY_COUNT = G_ERR_TERMS.length * Z_PARTS.length;

/** How many entries E sums for a solution's table. */
export function entryCount(solution: Solution): number {
  return solution === "g" ? G_ERROR_ENTRY_COUNT : ERROR_ENTRY_COUNT;
}

export interface MeasuredErrorBound {
  readonly value: number;
  /** How many of the 32 term × part entries have a value at this M. */
  readonly entries: number;
  /** True when every entry used contributes a rigorous value (an upper bound or a converged quadrature). */
  readonly rigorous: boolean;
}

/** E at M from the error-table entries (see the module comment). */
export function measuredErrorBound(
  entries: readonly ErrorTableEntry[],
  M: number,
): MeasuredErrorBound {
  let value = 0;
  let count = 0;
  let rigorous = true;
  for (const e of entries) {
    const v = e.values.find((x) => x.M === M);
    if (!v) continue;
    count++;
    if (v.sup.upperBound !== undefined) value += v.sup.upperBound;
    else {
      value += v.sup.value + v.sup.error;
      if (v.sup.lowerBound) rigorous = false;
    }
  }
  return { value, entries: count, rigorous };
}

export interface MeasuredBootstrapRow {
  readonly M: number;
  /** "g" for the bootstrap of g_c (5.4); absent for f_c (5.3). */
  readonly solution?: "g";
  readonly partition: Partition;
  readonly coefficient: Coefficient58;
  /** Z_a: of f_a (5.9), or of g_a (5.11) when `solution` is "g". */
  readonly zNormFa: Estimate;
  readonly errorBound: MeasuredErrorBound;
  readonly constant: number;
  readonly result: BootstrapResult;
}

export interface MeasuredBootstrapInput {
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /**
   * Z_a at M: z-norms-4-4-to-4-19.ts `approximateSolutionZNorm` for f_c, second-solution.ts
   * `stationaryCoreZNorm` for g_c.
   */
  readonly zNormFa: (M: number) => Estimate;
  /** The entries of the solution's table (F_err's 32 for f, G_err's 12 for g). */
  readonly entries: readonly ErrorTableEntry[];
  /** Which correction: f_c (5.3, default) or g_c (5.4). */
  readonly solution?: Solution;
  /** The constant of Proposition 3.1 (default 1). */
  readonly constant?: number;
  /** The construction's free constants (absent: the paper's); c_T enters the partition and (5.8). */
  readonly constants?: Partial<ConstructionConstants>;
}

/**
 * Proposition 5.1 with measured constants, one row per M: the partition and coefficient (5.8), the
 * measured Z_a (5.9) and error bound E (5.10) (or (5.11), (5.12) for `solution: "g"`), and the
 * bootstrap's outcome; E is flagged incomplete or a lower bound as described in the module comment.
 */
export function measuredBootstrap(input: MeasuredBootstrapInput): MeasuredBootstrapRow[] {
  const C = input.constant ?? 1;
  const sol = input.solution ?? "f";
  const entries = input.entries.filter((e) => (e.solution ?? "f") === sol);
  return input.Ms.map((M) => {
    const params = makeParameters({
      M,
      s: input.s,
      s0: input.s0,
      ...(input.constants ? { constants: input.constants } : {}),
    });
    const z = input.zNormFa(M);
    const E = measuredErrorBound(entries, M);
    return {
      M,
      ...(input.solution === "g" ? { solution: "g" as const } : {}),
      partition: partition(params),
      coefficient: coefficient58(params),
      zNormFa: z,
      errorBound: E,
      constant: C,
      result: bootstrap({ params, zNormFa: z.value + z.error, errorBound: E.value, constant: C }),
    };
  });
}

export interface ClosureScenario {
  readonly name: "fitted exponents" | "paper exponents";
  readonly search: ClosureSearch;
  readonly zNormLaw: PowerLaw;
  readonly errorLaws: readonly (PowerLaw & { term: string; norm: string })[];
}

/**
 * Extrapolate the measured Z_a and the entries (those of the rows' solution: F_err's for f_c,
 * G_err's for g_c) from the largest measured M and scan ln M for
 * the first closing bootstrap with final bound below `target` (proposition-5-1.ts
 * `closureThreshold`). Each entry's law is anchored at its value at the largest M it has and
 * continued with its fitted exponent (scenario 1) or the paper's (scenario 2), the paper's log
 * factor kept in both. Z_a follows its fitted power law in both.
 */
export function closureScenarios(
  rows: readonly MeasuredBootstrapRow[],
  entries: readonly ErrorTableEntry[],
  s: number,
  target: number,
  constants?: Partial<ConstructionConstants>,
): ClosureScenario[] {
  if (!(target > 0 && Number.isFinite(target)))
    throw new RuleError("target must be a finite number > 0", `got ${target}`);
  const zFit = fitPowerLaw(
    rows.map((r) => ({ M: r.M, value: r.zNormFa.value, error: r.zNormFa.error })),
  );
  const zNormLaw: PowerLaw =
    rows.length >= 2 && Number.isFinite(zFit.exponent)
      ? { prefactor: zFit.prefactor, exponent: zFit.exponent }
      : { prefactor: rows[0]?.zNormFa.value ?? 1, exponent: 1 - s };
  const C = rows[0]?.constant ?? 1;
  const sol = rows[0]?.solution ?? "f";
  const mine = entries.filter((e) => (e.solution ?? "f") === sol);
  return (["fitted exponents", "paper exponents"] as const).map((name) => {
    const errorLaws: (PowerLaw & { term: string; norm: string })[] = [];
    for (const e of mine) {
      const last = e.values[e.values.length - 1];
      if (!last) continue;
      const alpha =
        name === "fitted exponents" ? e.fittedExponent?.value : (e.paperExponent ?? undefined);
      if (alpha === undefined || !Number.isFinite(alpha)) continue;
      const lf: LogFactor = e.paperLogFactor ?? "none";
      const v = last.sup.upperBound ?? last.sup.value + last.sup.error;
      errorLaws.push({
        term: e.term,
        norm: e.norm,
        prefactor: v / (last.M ** alpha * logFactorValue(lf, last.M)),
        exponent: alpha,
        logFactor: lf,
      });
    }
    return {
      name,
      search: closureThreshold(s, zNormLaw, errorLaws, C, target, undefined, constants),
      zNormLaw,
      errorLaws,
    };
  });
}
