import type { Beam } from "../construction/beam/beam.ts";
import {
  type BasicWeight,
  beamSobolevNorm,
  OVERLAP_MAX_M,
  singleBumpPowerIntegral,
} from "../construction/beam/beam-norm.ts";
import { coreNorm } from "../construction/core/core-norm.ts";
import { deflationExponentLimit, lawConstants } from "../construction/core/deflation-law.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import { bumpDisjointnessMargin } from "../construction/geometry/velocity-bumps.ts";
import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { tubeSobolevNormSquared } from "../kinetic/radial-sobolev.ts";
import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate } from "../math/estimate.ts";
import { normBeam } from "./theorem-1-1.ts";

/**
 * How large M must be: the smallest M at which the approximate solutions f_a = f_r + f_b and
 * g_a ≡ f_r(0) of Theorem 1.1 show the separation, for any construction constants.
 *
 * - initial distance  I(M) = ‖e^{⟨v⟩²} f_b(0)‖_{L²_v H^{s0}_x}  (f_a(0) − g_a(0) = f_b(0)),
 * - final distance    F(M) = ‖f_a(T*) − g_a(T*)‖ = (‖f_r(T*) − f_r(0)‖² + ‖f_b‖²)^{1/2} (unweighted),
 * - size              A(M) = ‖f_a(0)‖ = (‖f_r(0)‖² + ‖f_b‖²)^{1/2} (unweighted);
 * the squares add because f_r and f_b have disjoint velocity supports (Proposition 2.5).
 * Criteria: `weak`  F > I;  `strong`  F ≥ 10 I and F ≥ A/2. Each margin is an Estimate; a criterion
 * `holds` at M when its margin minus its error is > 0, `fails` when margin + error < 0, else it is
 * `undecided` (the numbers cannot tell at that M).
 *
 * The norms are those of the Theorem 1.1 rows (core-norm.ts, beam-norm.ts). Where the proof's
 * disjointness argument holds for the bump constants ({@link bumpDisjointnessMargin} > 0), the
 * beam's cross terms vanish and ‖w f_b‖² = c_b² M^{2−2s} ‖K‖²_{H^{s0}} · n ∫w²I² for every M (what
 * beam-norm.ts uses beyond M = 256); otherwise the overlaps are enumerated (M ≤ 256) and larger M
 * is not computable.
 */
export type Criterion = "weak" | "strong";
export const CRITERIA: readonly Criterion[] = ["weak", "strong"];

/** The construction a threshold is searched for: s, s0, p, cutoff, variant and (optionally) constants. */
export interface ThresholdOptions {
  readonly s: number;
  readonly s0: number;
  readonly p?: number;
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constants?: Partial<ConstructionConstants>;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`); docs/kernels.md. */
  readonly kernel?: string;
}

export type Status = "holds" | "fails" | "undecided";

/**
 * The criteria at one M: T*, the initial distance I, the final distance F and the size A (module
 * comment), and for each criterion its margin (an Estimate) and status (`holds`, `fails`,
 * `undecided`).
 */
export interface CriterionPoint {
  readonly M: number;
  readonly Tstar: number;
  readonly initial: Estimate;
  readonly final: Estimate;
  readonly size: Estimate;
  readonly margin: Readonly<Record<Criterion, Estimate>>;
  readonly status: Readonly<Record<Criterion, Status>>;
  /**
   * Exact solutions only: the bound on ‖f_c(T*)‖ + ‖g_c(T*)‖ subtracted from F (exact-thresholds.ts;
   * NaN when the bootstrap does not close, and then every margin is NaN: undecided). `final` is
   * then F minus this bound.
   */
  readonly correction?: number;
}

/** Largest M evaluated directly (beyond, M² and N overflow the norms' quadratures). */
export const MAX_DIRECT_LOG10_M = 100;

function hypot(a: Estimate, b: Estimate): Estimate {
  const v = Math.hypot(a.value, b.value);
  const err = v > 0 ? (a.value * a.error + b.value * b.error) / v : a.error + b.error;
  return estimate(v, err, "derived", "(a² + b²)^{1/2}");
}

/** ‖w f_b‖_{L²_v H^{s0}_x} with zero cross terms (disjoint supports, proven by the margin > 0). */
function disjointBeamNorm(beam: Beam, weight: BasicWeight, K2: Estimate): Estimate {
  const { M, s } = beam.params;
  const D = ((M * (M + 1)) / 2) * singleBumpPowerIntegral(beam, weight, 2);
  const amp = beam.params.constants.beamAmplitude * M ** (1 - s);
  const v = amp * Math.sqrt(K2.value * D);
  return estimate(
    v,
    (v * K2.error) / (2 * K2.value) + 1e-12 * v,
    "derived",
    "c_b M^{1−s}‖K‖_{H^s0}(nΣ∫w²I²)^{1/2}, cross terms 0 by (2.20)–(2.23)",
  );
}

const tubeMemo = new Map<string, Estimate>();

function beamNorms(
  beam: Beam,
  tubeCutoff: number | undefined,
): { weighted: Estimate; plain: Estimate } {
  if (bumpDisjointnessMargin(beam.bump) > 0) {
    const { M, s0 } = beam.params;
    const key = `${beam.cutoff.name} ${s0} ${M} ${tubeCutoff}`;
    let K2 = tubeMemo.get(key);
    if (!K2) {
      K2 = tubeSobolevNormSquared(beam.cutoff.phi, s0, M, tubeCutoff);
      if (tubeMemo.size > 20000) tubeMemo.clear();
      tubeMemo.set(key, K2);
    }
    return {
      weighted: disjointBeamNorm(beam, "gaussian", K2),
      plain: disjointBeamNorm(beam, "none", K2),
    };
  }
  return {
    weighted: beamSobolevNorm(beam, beam.params.s0, "gaussian"),
    plain: beamSobolevNorm(beam, beam.params.s0, "none"),
  };
}

function statusOf(m: Estimate): Status {
  if (!Number.isFinite(m.value) || !Number.isFinite(m.error)) return "undecided";
  if (m.value - m.error > 0) return "holds";
  if (m.value + m.error < 0) return "fails";
  return "undecided";
}

function diff(a: Estimate, b: Estimate, what: string): Estimate {
  return estimate(a.value - b.value, a.error + b.error, "derived", what);
}

/**
 * The three norms and both criteria's margins at one M. `tubeCutoff` is the frequency cut-off of
 * the tube's H^{s0} quadrature (default 120, relative error ~1e-8; 20 gives ~1e-3, carried in the
 * error) — the (s, s0) map uses 20.
 */
export function criterionPoint(
  M: number,
  o: ThresholdOptions,
  tubeCutoff?: number,
  correction?: (M: number) => number,
): CriterionPoint {
  const beam = normBeam(M, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, o.kernel);
  const T = beam.params.Tstar;
  const fr0 = coreNorm(beam, 0, { weighted: false, subtract: 0 }).norm;
  const frDiff = coreNorm(beam, T, { weighted: false, subtract: 1 }).norm;
  const { weighted: fbw, plain: fb } = beamNorms(beam, tubeCutoff);
  const initial = fbw;
  const approxFinal = hypot(frDiff, fb);
  // exact solutions: F − (‖f_c(T*)‖ + ‖g_c(T*)‖) with the bootstrap's bound (NaN: does not close)
  const corr = correction ? correction(M) : undefined;
  const final =
    corr === undefined
      ? approxFinal
      : estimate(
          approxFinal.value - corr,
          approxFinal.error,
          "derived",
          "F − (‖f_c(T*)‖ + ‖g_c(T*)‖), bootstrap bound",
        );
  const size = hypot(fr0, fb);
  const weak = diff(final, initial, "F − I");
  const tenI = estimate(10 * initial.value, 10 * initial.error, "derived", "10 I");
  const halfA = estimate(0.5 * size.value, 0.5 * size.error, "derived", "A/2");
  const s1 = diff(final, tenI, "F − 10 I");
  const s2 = diff(final, halfA, "F − A/2");
  const strong = s1.value - s1.error <= s2.value - s2.error ? s1 : s2;
  return {
    M,
    Tstar: T,
    initial,
    final,
    size,
    margin: {
      weak,
      strong: estimate(
        strong.value,
        strong.error,
        "derived",
        `min(F − 10 I, F − A/2): ${strong.method}`,
      ),
    },
    status: { weak: statusOf(weak), strong: statusOf(strong) },
    ...(corr !== undefined ? { correction: corr } : {}),
  };
}

/**
 * The threshold of one criterion: the bracket [Mlo, Mhi] in which the criterion starts to hold, with
 * the evaluations that decided it.
 */
export interface ThresholdResult {
  readonly criterion: Criterion;
  /**
   * The threshold bracket [Mlo, Mhi]: the criterion does not hold at Mlo and holds at Mhi, both
   * evaluated; `null` when it holds nowhere on the range searched.
   */
  readonly Mlo: number | null;
  readonly Mhi: number | null;
  /**
   * The largest M found below Mhi where the criterion provably fails (margin + error < 0); between
   * Mfail and Mhi the margin's error bar straddles 0. [Mfail, Mhi] is the threshold's error bar.
   */
  readonly Mfail: number | null;
  /** log10 of the threshold (midpoint of [Mfail, Mhi] in log M) and its error (half that interval's width). */
  readonly log10M: number | null;
  readonly log10MError: number | null;
  /** Points evaluated at the bracket's ends (the direct evaluation on both sides). */
  readonly below?: CriterionPoint;
  readonly above?: CriterionPoint;
  /** How it was found: grid + bisection, or the asymptotic law beyond 10^{MAX_DIRECT_LOG10_M}. */
  readonly method: string;
  /** Grid points at or beyond the bracket where the criterion fails again (non-monotone), if any. */
  readonly relapses: readonly number[];
  /** For `strong` beyond the direct range: log10(log10 M) of the asymptotic threshold. */
  readonly log10Log10M?: number;
}

export interface ThresholdSearch {
  /** Grid step in log10 M for the bracketing scan (default 1: M = 2, 10, 100, …). */
  readonly gridStep?: number;
  /** Largest log10 M scanned (default {@link MAX_DIRECT_LOG10_M}). */
  readonly maxLog10M?: number;
  /** Bisection stops when Mhi − Mlo ≤ 1 or Mhi/Mlo − 1 ≤ relTol (default 1e-3). */
  readonly relTol?: number;
  /** Tube quadrature cut-off passed to {@link criterionPoint} (default: its default). */
  readonly tubeCutoff?: number;
  /**
   * Bisect on the lattice log10 M ∈ ℤ/lattice instead of to relTol (the (s, s0) map uses 64: cells
   * then share M values, so the memoized norms of one s0 or one s are reused across cells).
   */
  readonly lattice?: number;
  /**
   * Exact solutions: the bound on ‖f_c(T*)‖ + ‖g_c(T*)‖ at M (exact-thresholds.ts `correctionBound`),
   * subtracted from the final distance; absent: the approximate solutions.
   */
  readonly correction?: (M: number) => number;
}

/** The smallest M searched: T* = c_T M^{s−1} ln ln M is negative at M = 2 (ln ln 2 < 0). */
export const MIN_THRESHOLD_M = 3;

function gridM(log10M: number): number {
  return Math.max(MIN_THRESHOLD_M, Math.round(10 ** log10M));
}

/**
 * Bracket then bisect: scan M = 2, 10^{g}, 10^{2g}, … for the first grid point where the criterion
 * `holds`; then bisect in log M between it and the grid point before (where it does not hold) until
 * the bracket is one integer or relTol wide. The threshold's error is the bracket (and the status
 * `undecided` at a grid point counts as not holding, so error bars push the threshold up, never
 * down). Grid points after the bracket where the criterion stops holding are reported as relapses.
 */
export function threshold(
  criterion: Criterion,
  o: ThresholdOptions,
  search: ThresholdSearch = {},
): ThresholdResult {
  const g = search.gridStep ?? 1;
  let maxL = search.maxLog10M ?? MAX_DIRECT_LOG10_M;
  const relTol = search.relTol ?? 1e-3;
  if (!(g > 0 && maxL > Math.log10(2) && maxL <= MAX_DIRECT_LOG10_M && relTol > 0)) {
    throw new RuleError(
      `threshold search needs gridStep > 0, log10(2) < maxLog10M <= ${MAX_DIRECT_LOG10_M}, relTol > 0`,
      `got ${g}, ${maxL}, ${relTol}`,
    );
  }
  const probe = normBeam(
    MIN_THRESHOLD_M,
    o.s,
    o.s0,
    o.p,
    o.cutoff,
    o.variant,
    o.constants,
    o.kernel,
  ); // validates
  const overlapping = bumpDisjointnessMargin(probe.bump) <= 0;
  // overlapping bumps: the beam norm needs the overlaps enumerated, possible for M ≤ OVERLAP_MAX_M only
  if (overlapping) maxL = Math.min(maxL, Math.log10(OVERLAP_MAX_M));
  const at = (M: number) => criterionPoint(M, o, search.tubeCutoff, search.correction);
  const grid: number[] = [MIN_THRESHOLD_M];
  for (let k = 1; k * g <= maxL + 1e-9; k++) {
    const M = gridM(k * g);
    if (M > grid[grid.length - 1]) grid.push(M);
  }
  if (overlapping && grid[grid.length - 1] < OVERLAP_MAX_M) grid.push(OVERLAP_MAX_M);
  // the top of the range first: if the criterion does not hold there, it is beyond the range
  const top = at(grid[grid.length - 1]);
  if (top.status[criterion] !== "holds") {
    if (overlapping) {
      return {
        criterion,
        Mlo: null,
        Mhi: null,
        Mfail: null,
        log10M: null,
        log10MError: null,
        below: top,
        relapses: [],
        method: `not found on M ≤ ${top.M}: the bumps overlap (disjointness margin ≤ 0), so f_b's norm is computable only for M ≤ ${OVERLAP_MAX_M} (overlaps enumerated)`,
      };
    }
    if (search.correction) {
      const c = top.correction;
      return {
        criterion,
        Mlo: null,
        Mhi: null,
        Mfail: null,
        log10M: null,
        log10MError: null,
        below: top,
        relapses: [],
        method: `not found on M ≤ ${top.M.toExponential(0)} for the exact solutions: at the top of the range the bootstrap ${c === undefined || Number.isNaN(c) ? "does not close" : `bounds ‖f_c(T*)‖ + ‖g_c(T*)‖ by ${c.toExponential(3)}`}, F − bound = ${top.final.value.toExponential(3)}, I = ${top.initial.value.toExponential(3)} (beyond it the iteration's ⌈√(ln M) ln ln M⌉ intervals are not run)`,
      };
    }
    return asymptoticBeyond(criterion, o, top.M, top);
  }
  let prev: CriterionPoint | undefined;
  let lastFail: CriterionPoint | undefined;
  let hitIndex = -1;
  let hit: CriterionPoint | undefined;
  for (let i = 0; i < grid.length; i++) {
    const pt = i === grid.length - 1 ? top : at(grid[i]);
    if (pt.status[criterion] === "holds") {
      hitIndex = i;
      hit = pt;
      break;
    }
    if (pt.status[criterion] === "fails") lastFail = pt;
    prev = pt;
  }
  if (!hit) throw new Error("unreachable: the top of the grid holds");
  if (!prev) {
    return {
      criterion,
      Mlo: null,
      Mhi: MIN_THRESHOLD_M,
      Mfail: null,
      log10M: Math.log10(MIN_THRESHOLD_M),
      log10MError: 0,
      above: hit,
      method: `holds already at M = ${MIN_THRESHOLD_M}, the smallest M searched`,
      relapses: relapsesAfter(criterion, at, grid, hitIndex),
    };
  }
  const lat = search.lattice;
  const midpoint = (a: number, b: number) => {
    if (lat === undefined) return Math.round(Math.sqrt(a * b));
    const ka = Math.ceil(Math.log10(a) * lat - 1e-9);
    const kb = Math.floor(Math.log10(b) * lat + 1e-9);
    return kb - ka < 2
      ? a
      : Math.max(MIN_THRESHOLD_M, Math.round(10 ** (Math.round((ka + kb) / 2) / lat)));
  };
  const narrow = (a: CriterionPoint, b: CriterionPoint, inB: (p: CriterionPoint) => boolean) => {
    let lo = a;
    let hi = b;
    while (hi.M - lo.M > 1 && (lat !== undefined || hi.M / lo.M - 1 > relTol)) {
      const mid = midpoint(lo.M, hi.M);
      if (mid <= lo.M || mid >= hi.M) break;
      const pt = at(mid);
      if (inB(pt)) hi = pt;
      else lo = pt;
    }
    return [lo, hi] as const;
  };
  // the smallest M where it holds (bisection between the last grid point not holding and the hit) …
  const [lo, hi] = narrow(prev, hit, (p) => p.status[criterion] === "holds");
  // … and the largest M below it where it provably fails: between the two the numbers cannot decide
  let failEnd: CriterionPoint | undefined;
  if (lo.status[criterion] === "fails") failEnd = lo;
  else if (lastFail) failEnd = narrow(lastFail, lo, (p) => p.status[criterion] !== "fails")[0];
  const l1 = Math.log10(failEnd?.M ?? MIN_THRESHOLD_M);
  const l2 = Math.log10(hi.M);
  return {
    criterion,
    Mlo: lo.M,
    Mhi: hi.M,
    Mfail: failEnd?.M ?? null,
    log10M: 0.5 * (l1 + l2),
    log10MError: 0.5 * (l2 - l1),
    below: lo,
    above: hi,
    method: `grid in log10 M (step ${g}) to bracket, then bisection in log M to ${hi.M - lo.M <= 1 ? "adjacent integers" : lat !== undefined ? `adjacent points of the lattice log10 M ∈ ℤ/${lat}` : `relative width ${relTol}`}; the threshold lies between the largest M found where the criterion fails beyond its error (${failEnd?.M ?? "none"}) and the smallest where it holds beyond its error (${hi.M})`,
    relapses: relapsesAfter(criterion, at, grid, hitIndex),
  };
}

/** Grid points after the first hit where the criterion does not hold (at most 8 checked, spread to the top). */
function relapsesAfter(
  criterion: Criterion,
  at: (M: number) => CriterionPoint,
  grid: readonly number[],
  hitIndex: number,
): number[] {
  const out: number[] = [];
  const stride = Math.max(1, Math.floor((grid.length - 2 - hitIndex) / 8));
  for (let i = hitIndex + stride; i < grid.length - 1; i += stride) {
    if (at(grid[i]).status[criterion] !== "holds") out.push(grid[i]);
  }
  return out;
}

/**
 * Beyond the direct range. For M → ∞: I(M) ∼ M^{s0−s} → 0 and ‖f_b‖ → 0, while ‖f_r(0)‖ is
 * independent of M (2.38) and ‖f_r(T*) − f_r(0)‖ = (1 − (ln M)^{−γ(M)}) ‖f_r(0)‖ with γ(M) → γ∞
 * (deflation-law.ts). So F/A → 1 − (ln M)^{−γ∞}: `strong` (F ≥ A/2) holds from
 * ln ln M = ln 2/γ∞ on (the 10 I part is then negligible), i.e. log10 log10 M = (ln 2/γ∞ − ln ln 10)/ln 10.
 * `weak` always holds eventually (F → ‖f_r(0)‖ > 0 = lim I); if the scan did not find it, say so.
 */
function asymptoticBeyond(
  criterion: Criterion,
  o: ThresholdOptions,
  lastM: number,
  last?: CriterionPoint,
): ThresholdResult {
  const base = {
    criterion,
    Mlo: null,
    Mhi: null,
    Mfail: null,
    below: last,
    relapses: [] as number[],
  };
  if (criterion === "weak") {
    return {
      ...base,
      log10M: null,
      log10MError: null,
      method: `does not hold on M ≤ ${lastM.toExponential(0)} (weak holds as M → ∞ since I → 0 while F → ‖f_r(0)‖; not located)`,
    };
  }
  const beam = normBeam(4, o.s, o.s0, o.p, o.cutoff, o.variant, o.constants, o.kernel);
  const gamma = deflationExponentLimit(
    cutoffByName(o.cutoff),
    lawConstants(beam.params.constants, o.variant),
    beam.params.kernel,
  );
  const lnlnM = Math.log(2) / gamma.value;
  const ll = (lnlnM - Math.log(Math.log(10))) / Math.log(10);
  const llErr = (Math.log(2) * gamma.error) / gamma.value ** 2 / Math.log(10);
  return {
    ...base,
    log10M: null,
    log10MError: null,
    log10Log10M: ll,
    method: `beyond the direct range (M > ${lastM.toExponential(0)}): asymptotic law (ln M)^{−γ∞} ≤ 1/2 with γ∞ = ${gamma.value.toPrecision(6)}, i.e. ln ln M = ln 2/γ∞ (±${llErr.toExponential(1)} in log10 log10 M from γ∞; the O(1/M + T*²) corrections to γ vanish there)`,
  };
}
