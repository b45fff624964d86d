import { coreNorm } from "../construction/core/core-norm.ts";
import {
  bumpAxialFactor,
  bumpDisjointnessMargin,
  bumpRadius,
  bumpTransverseFactor,
} from "../construction/geometry/velocity-bumps.ts";
import {
  type CorrectionModel,
  correctionBound,
  DIRECT_Z_MAX_OVERLAPPING_M,
  MEASURED_PROPOSITION_3_1_C,
} from "./exact-thresholds.ts";
import { coefficient58 } from "./proposition-5-1.ts";
import { stationaryCoreZNorm } from "./second-solution.ts";
import { normBeam } from "./theorem-1-1.ts";
import { type CriterionPoint, criterionPoint, type ThresholdOptions } from "./thresholds.ts";
import { approximateSolutionZNorm } from "./z-norms-4-4-to-4-19.ts";

/**
 * The hypotheses the proof uses, as checkable constraints on the construction's constants at one M
 * (the M where a separation is claimed). Each has a margin (> 0: holds) in the units named:
 *
 * - `bump-disjointness` (2.12)/(2.20): the argument (2.21)–(2.23) needs (1 − 1/α) − 2/c > 0 (in
 *   units of 1/M; velocity-bumps.ts `bumpDisjointnessMargin`);
 * - `bump-annulus-inner`, `bump-annulus-outer` (2.12): supp I ⊂ {3/4 ≤ |v| ≤ 5/4}, the bound the
 *   lemmas use to absorb e^{⟨v⟩²}: 1 − 1/α ≥ 3/4 and ((1 + 1/α)² + ρ²)^{1/2} ≤ 5/4, ρ = 1/(cM);
 * - `core-beam-velocity` (Proposition 2.5): f_r at |v| ≤ 1/N and f_b at e·v ≥ 1 − 1/α disjoint;
 * - `core-inside-tubes` (2.35): the lower bound (2.31) uses χ(10MP⊥x)χ(10Px) > 0 on the core
 *   |x| ≤ 1/(RM), i.e. 10/R < 1 (margin 1 − 10/R);
 * - `time-range` (Lemmas 2.2–2.4 assume t ≤ 1/4): margin 1/4 − T*;
 * - `size` (Theorem 1.1's ‖e^{⟨v⟩²} f(0)‖ ∼ 1, read with constant 1): 1 − ‖e^{⟨v⟩²} f_a(0)‖;
 *   a normalization (the equation is quadratic, so the data's size is not free), not a step of
 *   the proof;
 * - `bootstrap-absorption` (5.7): C c Z_a < 1/2 with Z_a measured at M and C the constant of the
 *   correction model (exact-thresholds.ts; the largest measured Proposition 3.1 ratio by default),
 *   the larger of f_c's and g_c's: margin 1/2 − C c Z_a;
 * - `error-smallness` (5.10): E small enough that the iteration (5.7) closes over every interval
 *   and the final bound ‖f_c(T*)‖ + ‖g_c(T*)‖ stays below the approximate final distance F:
 *   margin 1 − bound/F (−1 when the iteration does not close);
 *   both need a correction model (error-table records for these constants); without one they are
 *   `inconclusive`. A `holds` is conditional on C (a lower bound of Proposition 3.1's constant)
 *   and on the continuation of E beyond the measured M, both named in the detail.
 */
export type ConstraintStatus = "holds" | "fails" | "inconclusive";

/**
 * One decidable constraint of the proof evaluated at given parameters and constants: its id and
 * equation, whether it holds (`holds`, `fails`, or `inconclusive` when the numbers cannot tell), the
 * margin (> 0 when it holds) and how it was evaluated.
 */
export interface Constraint {
  readonly id: string;
  readonly equation: string;
  readonly description: string;
  readonly status: ConstraintStatus;
  /** > 0 when it holds; NaN when inconclusive. */
  readonly margin: number;
  readonly detail: string;
}

function check(
  id: string,
  equation: string,
  description: string,
  margin: number,
  detail: string,
): Constraint {
  return { id, equation, description, status: margin > 0 ? "holds" : "fails", margin, detail };
}

/**
 * The constraints at M. `point`, when given (a thresholds.ts evaluation at the same M and options),
 * supplies ‖f_a(0)‖ for `size`; otherwise it is computed here.
 */
export function constructionConstraints(
  M: number,
  o: ThresholdOptions,
  point?: CriterionPoint,
  correction?: CorrectionModel | null,
): Constraint[] {
  const beam = normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants);
  const { constants, Tstar, lnN } = beam.params;
  const a = bumpAxialFactor(beam.bump);
  const c = bumpTransverseFactor(beam.bump);
  const rho = bumpRadius(beam.bump);
  const out: Constraint[] = [];
  out.push(
    check(
      "bump-disjointness",
      "(2.20)–(2.23)",
      "disjoint velocity supports of the bumps by the proof's argument",
      bumpDisjointnessMargin(beam.bump),
      `(1 − 1/α) − 2/c = ${1 - 1 / a} − ${2 / c} (units of 1/M), α = ${a}, c = ${c}`,
    ),
  );
  out.push(
    check(
      "bump-annulus-inner",
      "(2.12)",
      "supp I ⊂ {|v| ≥ 3/4}",
      1 - 1 / a - 0.75,
      `1 − 1/α − 3/4, α = ${a}`,
    ),
  );
  const outer = Math.hypot(1 + 1 / a, rho);
  out.push(
    check(
      "bump-annulus-outer",
      "(2.12)",
      "supp I ⊂ {|v| ≤ 5/4} (the bound absorbing e^{⟨v⟩²})",
      1.25 - outer,
      `5/4 − ((1 + 1/α)² + ρ²)^{1/2} = 1.25 − ${outer}`,
    ),
  );
  out.push(
    check(
      "core-beam-velocity",
      "Prop. 2.5",
      "f_r (|v| ≤ 1/N) and f_b (e·v ≥ 1 − 1/α) disjoint in v",
      1 - 1 / a - Math.exp(-lnN),
      `(1 − 1/α) − 1/N`,
    ),
  );
  out.push(
    check(
      "core-inside-tubes",
      "(2.35)",
      "the core |x| ≤ 1/(RM) inside the inner envelope χ(10MP⊥x)χ(10Px)",
      1 - 10 / constants.coreRadius,
      `1 − 10/R, R = ${constants.coreRadius}`,
    ),
  );
  out.push(
    check(
      "time-range",
      "Lemmas 2.2–2.4",
      "T* ≤ 1/4",
      0.25 - Tstar,
      `1/4 − T*, T* = c_T M^{s−1} ln ln M = ${Tstar}`,
    ),
  );
  // ‖e^{⟨v⟩²}f_a(0)‖² = ‖e^{⟨v⟩²}f_r(0)‖² + ‖e^{⟨v⟩²}f_b‖² (disjoint velocity supports); the
  // latter is the initial distance I of thresholds.ts
  const fr0w = coreNorm(beam, 0, { weighted: true, subtract: 0 }).norm.value;
  const fb = (point && point.M === M ? point : criterionPoint(M, o)).initial.value;
  const size = Math.hypot(fr0w, fb);
  out.push(
    check(
      "size",
      "Theorem 1.1",
      "‖e^{⟨v⟩²} f_a(0)‖ ≤ 1 (the theorem's ∼ 1 with constant 1)",
      1 - size,
      `1 − ‖e^{⟨v⟩²}f_a(0)‖ = 1 − ${size}`,
    ),
  );
  out.push(...bootstrapConstraints(M, o, point, correction));
  return out;
}

/** Whether every decidable constraint holds (the inconclusive ones are listed, not counted). */
export function admissible(cs: readonly Constraint[]): boolean {
  return cs.every((c) => c.status !== "fails");
}

/** `bootstrap-absorption` and `error-smallness` at M (module comment). */
export function bootstrapConstraints(
  M: number,
  o: ThresholdOptions,
  point?: CriterionPoint,
  correction?: CorrectionModel | null,
): Constraint[] {
  if (!correction) {
    const why =
      "needs error-table records for these constants (boltzlab errors --construction … --solution both, then threshold --errors FILE)";
    return [
      absorptionWithoutTable(M, o),
      {
        id: "error-smallness",
        equation: "(5.10)",
        description: "E small enough that (5.7) closes with ‖f_c(T*)‖ + ‖g_c(T*)‖ < F",
        status: "inconclusive",
        margin: Number.NaN,
        detail: why,
      },
    ];
  }
  const b = correctionBound(correction, M);
  const absorption = Math.max(b.f.absorption, b.g.absorption);
  const cond = `C = ${correction.constant} (${correction.constantSource}); E continued from M = ${correction.measuredMs.join(", ")} with the ${correction.scenario}`;
  const out: Constraint[] = [
    check(
      "bootstrap-absorption",
      "(5.7)",
      "C c Z_a < 1/2 (f_c and g_c)",
      0.5 - absorption,
      `1/2 − max(C c Z_a) = 1/2 − max(${b.f.absorption.toPrecision(4)} (f_c), ${b.g.absorption.toPrecision(4)} (g_c)); ${cond}`,
    ),
  ];
  const complete = correction.f.complete && correction.g.complete;
  if (!complete) {
    out.push({
      id: "error-smallness",
      equation: "(5.10)",
      description: "E small enough that (5.7) closes with ‖f_c(T*)‖ + ‖g_c(T*)‖ < F",
      status: "inconclusive",
      margin: Number.NaN,
      detail: `not every entry of E has a continuation law with the ${correction.scenario} (fits need ≥ 2 M)`,
    });
    return out;
  }
  const closes = b.f.closes && b.g.closes;
  const F = (
    point && point.M === M && point.correction === undefined ? point : criterionPoint(M, o)
  ).final.value;
  out.push(
    check(
      "error-smallness",
      "(5.10)",
      "E small enough that (5.7) closes with ‖f_c(T*)‖ + ‖g_c(T*)‖ < F",
      closes ? 1 - b.bound / F : -1,
      closes
        ? `1 − (‖f_c(T*)‖ + ‖g_c(T*)‖)/F = 1 − (${b.f.finalBound.toExponential(3)} + ${b.g.finalBound.toExponential(3)})/${F.toExponential(3)}; ${cond}`
        : `the iteration (5.7) does not close (f_c ${b.f.closes ? "closes" : `fails on interval ${b.f.failsAt}`}, g_c ${b.g.closes ? "closes" : `fails on interval ${b.g.failsAt}`}); margin set to −1; ${cond}`,
    ),
  );
  return out;
}

/**
 * `bootstrap-absorption` without error-table records: it needs no E, only Z_a (measured at M, for
 * f_a and g_a), c of (5.8) and C — the recorded largest Proposition 3.1 (3.4) ratio, available for
 * s = 0.8, s0 = 0.5 (exact-thresholds.ts); for other (s, s0) or where Z_a is not computable
 * (overlapping bumps beyond M = 256) it is `inconclusive`.
 */
function absorptionWithoutTable(M: number, o: ThresholdOptions): Constraint {
  const rec = MEASURED_PROPOSITION_3_1_C;
  const beam = normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants);
  const computable =
    o.s === rec.s &&
    o.s0 === rec.s0 &&
    M >= 3 &&
    (bumpDisjointnessMargin(beam.bump) > 0 || M <= DIRECT_Z_MAX_OVERLAPPING_M);
  if (!computable) {
    return {
      id: "bootstrap-absorption",
      equation: "(5.7)",
      description: "C c Z_a < 1/2",
      status: "inconclusive",
      margin: Number.NaN,
      detail: `C measured only for s = ${rec.s}, s0 = ${rec.s0}, or Z_a not computable at M = ${M}`,
    };
  }
  const ctx = { s: o.s, s0: o.s0, cutoff: o.cutoff, variant: o.variant, constants: o.constants };
  const zf = approximateSolutionZNorm(ctx, M).z.total;
  const zg = stationaryCoreZNorm(ctx, M).total;
  const c = coefficient58(beam.params).value;
  const af = rec.value * c * (zf.value + zf.error);
  const ag = rec.value * c * (zg.value + zg.error);
  return check(
    "bootstrap-absorption",
    "(5.7)",
    "C c Z_a < 1/2 (f_c and g_c)",
    0.5 - Math.max(af, ag),
    `1/2 − max(C c Z_a) = 1/2 − max(${af.toPrecision(4)} (f_c, Z_a = ${zf.value.toPrecision(4)}), ${ag.toPrecision(4)} (g_c, Z_a = ${zg.value.toPrecision(4)})), c = ${c.toPrecision(4)} (5.8), C = ${rec.value.toPrecision(4)} (largest measured Proposition 3.1 (3.4) ratio, a lower bound of the sup)`,
  );
}
