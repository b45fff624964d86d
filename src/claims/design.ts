import { coreNorm } from "../construction/core/core-norm.ts";
import type { ConstructionConstants } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { RuleError } from "../math/errors.ts";
import {
  admissible,
  type Constraint,
  constructionConstraints,
} from "./construction-constraints.ts";
import { normBeam } from "./theorem-1-1.ts";
import { type Criterion, type ThresholdResult, threshold } from "./thresholds.ts";

/**
 * A construction tuned to show the separation at the smallest M, subject to the decidable
 * constraints of construction-constraints.ts evaluated at the threshold M itself.
 *
 * Why these variables (docs/quantitative.md): to leading order the weak criterion reads
 *   c_r c_T c_b γ₁ ln ln M · F_r  >  c_b M^{s0−s} B/(c √α),
 * (γ₁ = 4π²ℓσ/(αc²) per unit c_T c_b, F_r = ‖f_r(0)‖ at c_r = 1, B the beam's constant), so c_b
 * cancels, and the threshold falls with c_r c_T and rises with α^{3/2} c... through γ₁ and the beam
 * norm. The constraints bound exactly these: c > 2/(1 − 1/α) (disjointness), α ≥ 4 (annulus),
 * T* ≤ 1/4 (bounds c_T at the threshold), the size ‖e^{⟨v⟩²} f_a(0)‖ ≤ 1 (bounds c_r). For the
 * strong criterion c_b matters (γ ∝ c_b, F ≥ A/2 needs (ln M)^{−γ} ≤ 1/2) and is searched too.
 *
 * For each candidate (α, c, c_b) the search sets c_r to 0.99 of the size bound and c_T to 0.99 of
 * the time bound at the candidate's own threshold, by a fixed-point iteration (the threshold moves
 * with c_T); a candidate whose constraints fail at its threshold is discarded. The thresholds use
 * the fast settings (tube cut-off 20, grid step 2, relative bracket 1e-2), errors carried.
 */
export interface DesignOptions {
  readonly criterion: Criterion;
  readonly s: number;
  readonly s0: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /** The kernel of A[f_b] by name (absent: `hard-sphere`; docs/kernels.md). */
  readonly kernel?: string;
  /** Axial factors α to try (default 4.2, 5, 7, 10; α = 4 puts the bumps on the annulus edge 3/4, margin 0). */
  readonly axial?: readonly number[];
  /** Transverse factors c as multiples of the disjointness bound 2/(1 − 1/α) (default 1.05, 2, and the paper's 10 when admissible). */
  readonly transverseMultiples?: readonly number[];
  /** Beam amplitudes c_b to try (default 1 for weak; 1, 3, 10, 30 for strong). */
  readonly beamAmplitudes?: readonly number[];
  readonly onCandidate?: (c: DesignCandidate, done: number, total: number) => void;
}

export interface DesignCandidate {
  readonly constants: ConstructionConstants;
  readonly threshold: ThresholdResult;
  /** log10 of the threshold (its upper end Mhi for a bracketed one; log10 log10 M > 2 → Infinity). */
  readonly log10M: number;
  readonly constraints: readonly Constraint[];
  readonly admissible: boolean;
}

/**
 * The outcome of {@link design}: the best admissible candidate constants (or null), the paper's
 * constants for comparison, every candidate tried, the binding constraints and the sensitivity of
 * log10 M* to each.
 */
export interface DesignResult {
  readonly options: Omit<DesignOptions, "onCandidate">;
  readonly best: DesignCandidate | null;
  readonly paper: DesignCandidate;
  readonly candidates: readonly DesignCandidate[];
  /** The best's constraints with margin below 5 % of their scale: those that bind. */
  readonly binding: readonly string[];
  /** How log10 M* moves when each binding constraint is relaxed by 10 %. */
  readonly sensitivity: readonly {
    constraint: string;
    relaxed: string;
    log10M: number;
    delta: number;
  }[];
}

const SEARCH = { gridStep: 2, relTol: 1e-2, tubeCutoff: 20 } as const;

function log10Of(t: ThresholdResult): number {
  if (t.Mhi !== null) return Math.log10(t.Mhi);
  return Number.POSITIVE_INFINITY;
}

interface Bounds {
  readonly size: number;
  readonly time: number;
}

/**
 * One candidate: c_r at 0.99 of the size bound, c_T iterated towards 0.99 of the time bound at the
 * candidate's own threshold (damped: at most ×√10 per step, 8 steps), keeping the iterate with the
 * smallest threshold whose constraints hold at that threshold. When the bootstrap's absorption
 * (5.7) fails at the threshold (construction-constraints.ts: C c Z_a with Z_a measured there),
 * c_r is scaled down by the missing factor (the core dominates Z_a when c_r is large).
 */
function tune(
  o: DesignOptions,
  shape: { bumpAxial: number; bumpTransverse: number; beamAmplitude: number; coreRadius: number },
  bounds: Bounds,
): DesignCandidate {
  const base = {
    s: o.s,
    s0: o.s0,
    cutoff: o.cutoff,
    variant: o.variant,
    ...(o.kernel !== undefined && o.kernel !== "hard-sphere" ? { kernel: o.kernel } : {}),
  };
  // c_r from the size bound: ‖e^{⟨v⟩²} f_r(0)‖ is linear in c_r (and nearly M-independent)
  const probe = normBeam(1e6, o.s, o.s0, undefined, o.cutoff, o.variant, shape);
  const fr1 = coreNorm(probe, 0, { weighted: true, subtract: 0 }).norm.value;
  const ok = (cs: readonly Constraint[]) => {
    const time = cs.find((c) => c.id === "time-range")?.margin ?? Number.NaN;
    const size = cs.find((c) => c.id === "size")?.margin ?? Number.NaN;
    return (
      cs.every((c) => c.status !== "fails" || c.id === "time-range" || c.id === "size") &&
      time > 0.25 - bounds.time &&
      size > 1 - bounds.size
    );
  };
  let constants: Partial<ConstructionConstants> = {
    ...shape,
    coreAmplitude: (0.99 * bounds.size) / fr1,
    timeFactor: 1,
  };
  let best: DesignCandidate | null = null;
  let last: DesignCandidate | null = null;
  for (let it = 0; it < 8; it++) {
    const t = threshold(o.criterion, { ...base, constants }, SEARCH);
    const M = t.Mhi ?? 1e100;
    const cs = constructionConstraints(M, { ...base, constants }, t.above);
    const full = normBeam(3, o.s, o.s0, undefined, o.cutoff, o.variant, constants).params.constants;
    const cand: DesignCandidate = {
      constants: full,
      threshold: t,
      log10M: log10Of(t),
      constraints: cs,
      admissible: ok(cs),
    };
    last = cand;
    if (cand.admissible && Number.isFinite(cand.log10M) && (!best || cand.log10M < best.log10M))
      best = cand;
    if (t.Mhi === null) break;
    const cTnow = constants.timeFactor ?? 1;
    const target = (0.99 * bounds.time) / (M ** (o.s - 1) * Math.log(Math.log(M)));
    const step = Math.min(Math.sqrt(10), Math.max(1 / Math.sqrt(10), target / cTnow));
    const I = t.above?.initial.value ?? 0;
    let cr = (0.99 * Math.sqrt(Math.max(0, bounds.size ** 2 - I * I))) / fr1;
    // the bootstrap's absorption (5.7): C c Z_a < 1/2 with Z_a dominated by the core (∝ c_r) for
    // large c_r; scale c_r down by the factor the absorption misses by (5 % headroom)
    const absorb = cs.find((c) => c.id === "bootstrap-absorption");
    if (absorb && absorb.status === "fails") {
      const a = 0.5 - absorb.margin;
      cr = Math.min(cr, ((constants.coreAmplitude ?? 1) * 0.95 * 0.5) / a);
    }
    if (Math.abs(step - 1) < 0.02 && Math.abs(cr / (constants.coreAmplitude ?? 1) - 1) < 0.02)
      break;
    constants = { ...constants, timeFactor: cTnow * step, coreAmplitude: cr };
  }
  return best ?? (last as DesignCandidate);
}

/** The search (see the module comment). */
export function design(o: DesignOptions): DesignResult {
  if (o.criterion !== "weak" && o.criterion !== "strong")
    throw new RuleError("criterion must be weak or strong", `got ${o.criterion}`);
  const axial = o.axial ?? [4.2, 5, 7, 10];
  const mults = o.transverseMultiples ?? [1.05, 2];
  const amps = o.beamAmplitudes ?? (o.criterion === "weak" ? [1] : [1, 3, 10, 30]);
  const bounds = { size: 1, time: 0.25 };
  const shapes: {
    bumpAxial: number;
    bumpTransverse: number;
    beamAmplitude: number;
    coreRadius: number;
  }[] = [];
  for (const a of axial) {
    for (const m of mults)
      for (const b of amps)
        shapes.push({
          bumpAxial: a,
          bumpTransverse: (m * 2) / (1 - 1 / a),
          beamAmplitude: b,
          coreRadius: 100,
        });
  }
  const candidates: DesignCandidate[] = [];
  for (const sh of shapes) {
    const cand = tune(o, sh, bounds);
    candidates.push(cand);
    o.onCandidate?.(cand, candidates.length, shapes.length + 1);
  }
  // the paper's construction, for comparison (c = the variant's)
  const base = {
    s: o.s,
    s0: o.s0,
    cutoff: o.cutoff,
    variant: o.variant,
    ...(o.kernel !== undefined && o.kernel !== "hard-sphere" ? { kernel: o.kernel } : {}),
  };
  const pt = threshold(o.criterion, base, SEARCH);
  const paperConstants = normBeam(3, o.s, o.s0, undefined, o.cutoff, o.variant).params.constants;
  const paperCs = constructionConstraints(pt.Mhi ?? 1e100, base, pt.above);
  const paper: DesignCandidate = {
    constants: paperConstants,
    threshold: pt,
    log10M: log10Of(pt),
    constraints: paperCs,
    admissible: admissible(paperCs),
  };
  o.onCandidate?.(paper, shapes.length + 1, shapes.length + 1);
  const ok = candidates.filter((c) => c.admissible && Number.isFinite(c.log10M));
  const best = ok.length ? ok.reduce((a, b) => (b.log10M < a.log10M ? b : a)) : null;
  const binding: string[] = [];
  const sensitivity: DesignResult["sensitivity"][number][] = [];
  if (best) {
    for (const c of best.constraints) {
      if (c.status === "holds" && c.margin < 0.05 * (c.id === "time-range" ? 0.25 : 1))
        binding.push(c.id);
    }
    const shape = {
      bumpAxial: best.constants.bumpAxial,
      bumpTransverse: best.constants.bumpTransverse ?? 10,
      beamAmplitude: best.constants.beamAmplitude,
      coreRadius: best.constants.coreRadius,
    };
    const relaxations: [string, string, () => DesignCandidate][] = [
      ["time-range", "T* ≤ 0.275", () => tune(o, shape, { ...bounds, time: 0.275 })],
      ["size", "‖e^{⟨v⟩²} f_a(0)‖ ≤ 1.1", () => tune(o, shape, { ...bounds, size: 1.1 })],
      [
        "bump-disjointness",
        "c 10 % smaller (margin < 0)",
        () => tune(o, { ...shape, bumpTransverse: shape.bumpTransverse * 0.9 }, bounds),
      ],
      [
        "bump-annulus-inner",
        "α 10 % smaller",
        () =>
          tune(
            o,
            { ...shape, bumpAxial: shape.bumpAxial * 0.9, bumpTransverse: shape.bumpTransverse },
            bounds,
          ),
      ],
    ];
    for (const [id, what, run] of relaxations) {
      if (!binding.includes(id)) continue;
      const r = run();
      sensitivity.push({
        constraint: id,
        relaxed: what,
        log10M: r.log10M,
        delta: r.log10M - best.log10M,
      });
    }
  }
  const { onCandidate: _, ...options } = o;
  return { options, best, paper, candidates, binding, sensitivity };
}
