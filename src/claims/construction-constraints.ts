import { coreNorm } from "../construction/core/core-norm.ts";
import {
  bumpAxialFactor,
  bumpDisjointnessMargin,
  bumpRadius,
  bumpTransverseFactor,
} from "../construction/geometry/velocity-bumps.ts";
import { hasPaperConstants } from "../construction/parameters/parameters.ts";
import { normBeam } from "./theorem-1-1.ts";
import { type CriterionPoint, criterionPoint, type ThresholdOptions } from "./thresholds.ts";

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
 * - `bootstrap-absorption` (5.7): C c Z_a < 1/2 and `error-smallness` (5.10): E small — these
 *   need the Section 3–5 measurements, which boltzlab makes only for the paper's constants; for
 *   any other constants they are `inconclusive`, and for the paper's they are the `boltzlab
 *   bootstrap` results (not repeated here).
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
  const paper = hasPaperConstants(constants);
  const why = paper
    ? "paper constants: see `boltzlab bootstrap` (measured Z_a, E and the Proposition 3.1 constant)"
    : "needs Z_a, E and C measured for these constants; the Section 3–5 machinery supports only the paper's";
  out.push({
    id: "bootstrap-absorption",
    equation: "(5.7)",
    description: "C c Z_a < 1/2",
    status: "inconclusive",
    margin: Number.NaN,
    detail: why,
  });
  out.push({
    id: "error-smallness",
    equation: "(5.10)",
    description: "E ≲ M^{−δ} small enough to close (5.7)",
    status: "inconclusive",
    margin: Number.NaN,
    detail: why,
  });
  return out;
}

/** Whether every decidable constraint holds (the inconclusive ones are listed, not counted). */
export function admissible(cs: readonly Constraint[]): boolean {
  return cs.every((c) => c.status !== "fails");
}
