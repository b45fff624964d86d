import type { Beam } from "../../construction/beam/beam.ts";
import {
  type BumpL2Result,
  type BumpSupResult,
  type BumpUpperResult,
  bumpL2Integrals,
  bumpSupIntegrals,
  bumpUpperIntegrals,
} from "../../construction/beam-beam/beam-loss-duhamel.ts";
import {
  type BumpSample,
  sampledIndices,
  stratifiedBumpSample,
  stratifiedTotal,
} from "../../construction/geometry/bump-sample.ts";
import { RuleError } from "../../math/errors.ts";
import { estimate } from "../../math/estimate.ts";
import type { GridAwareMeasure } from "./error-table.ts";
import {
  type DuhamelWindow,
  type MeasureOptions,
  type PaperBound,
  type TermMeasurement,
  type ZPart,
  zPartPrefactor,
} from "./error-term.ts";

/**
 * The error term Q⁻(f_b, f_b) of (4.1) in the four Z-norm parts (3.3): Lemma 4.5, (4.20)–(4.26).
 *
 *   D⁻(t0, t, x, v) = ∫_{t0}^{t} Q⁻(f_b, f_b)(τ, x − (t − τ)v, v) dτ = f_b(t, x, v) · J,
 *   J = ∫_{t0}^{t} A[f_b](τ, x − (t − τ)v, v) dτ,
 * because f_b is transported freely (construction/beam-beam/beam-loss-duhamel.ts; the identity is tested
 * against the direct τ-integral of the product). The parts of e^{⟨v⟩²} D⁻ are computed per
 * velocity bump and summed over bumps — every bump when there are at most `supBumps` (resp.
 * `l2Bumps`) of them, otherwise a stratified sample of ring bands (seeded) with its standard error.
 * - L^∞ parts: a lower bound (sup over x by grid + Nelder–Mead at the bump centre, steered to the
 *   characteristics that cross the common crossing of the tubes near 0 during [t0, t]) and a
 *   rigorous upper bound (line majorants, characteristic-frequency-bound.ts) beside it.
 * - L² parts: a randomly shifted lattice rule with importance densities (standard error from the
 *   shifts and the bump sample), and an upper bound ‖f_b(·, v)‖_{L²} J̄(v).
 * The gradient is the exact vector ∇f_b J + f_b ∇J (∇J by τ-integration of ∇K along the
 * characteristic), not a triangle-inequality bracket.
 */
export interface LossBeamBeamOptions extends MeasureOptions {
  /**
   * Bumps for the L^∞ parts: all of them when the lattice has at most this many, else a stratified
   * sample of this size (default: all when there are ≤ 36 bumps, i.e. M ≤ 8, else 12).
   */
  readonly supBumps?: number;
  /** Same for the L² parts (default: all when there are ≤ 10 bumps, i.e. M ≤ 4, else 8). */
  readonly l2Bumps?: number;
  /** Lattice points per shift of the L² rule (default 251) and shifts (default 6). */
  readonly l2Points?: number;
  readonly l2Shifts?: number;
}

const DEFAULT_SEED = 20250405;

interface Cache {
  supSample?: BumpSample;
  sup?: Map<number, BumpSupResult>;
  upper?: Map<number, BumpUpperResult>;
  l2Sample?: BumpSample;
  l2?: Map<number, BumpL2Result>;
  l2Upper?: Map<number, BumpUpperResult>;
  seconds: Record<string, number>;
}

const caches = new WeakMap<Beam, Map<string, Cache>>();

function cacheFor(beam: Beam, window: DuhamelWindow, o: LossBeamBeamOptions): Cache {
  let byKey = caches.get(beam);
  if (!byKey) {
    byKey = new Map();
    caches.set(beam, byKey);
  }
  const key = JSON.stringify([
    window.t0,
    window.t,
    o.seed,
    o.supBumps,
    o.l2Bumps,
    o.l2Points,
    o.l2Shifts,
    o.tol,
  ]);
  let c = byKey.get(key);
  if (!c) {
    c = { seconds: {} };
    byKey.set(key, c);
  }
  return c;
}

function checkWindow(beam: Beam, w: DuhamelWindow): void {
  if (!(Number.isFinite(w.t0) && Number.isFinite(w.t) && w.t0 >= 0 && w.t >= w.t0)) {
    throw new RuleError("a Duhamel window must satisfy 0 <= t0 <= t", `got t0=${w.t0}, t=${w.t}`);
  }
  if (w.t > beam.params.Tstar * (1 + 1e-12)) {
    throw new RuleError("a Duhamel window must end by T*", `got t=${w.t}, T*=${beam.params.Tstar}`);
  }
}

/** Level of the characteristic rule: 0 by default, 1 when tol < 3·10⁻³. */
function levelFor(o: LossBeamBeamOptions): number {
  return (o.tol ?? 1e-2) < 3e-3 ? 1 : 0;
}

function supData(beam: Beam, window: DuhamelWindow, o: LossBeamBeamOptions): Cache {
  const c = cacheFor(beam, window, o);
  if (!c.sup) {
    const start = performance.now();
    const sample = stratifiedBumpSample(
      beam.lattice.count,
      o.supBumps ?? (beam.lattice.count <= 36 ? 36 : 12),
      o.seed ?? DEFAULT_SEED,
    );
    const sup = new Map<number, BumpSupResult>();
    const upper = new Map<number, BumpUpperResult>();
    for (const k of sampledIndices(sample)) {
      sup.set(k, bumpSupIntegrals(beam, k, window.t0, window.t, { level: levelFor(o) }));
      upper.set(k, bumpUpperIntegrals(beam, k, window.t0, window.t));
    }
    c.supSample = sample;
    c.sup = sup;
    c.upper = upper;
    c.seconds.sup = (performance.now() - start) / 1000;
  }
  return c;
}

function l2Data(beam: Beam, window: DuhamelWindow, o: LossBeamBeamOptions): Cache {
  const c = cacheFor(beam, window, o);
  if (!c.l2) {
    const start = performance.now();
    const sample = stratifiedBumpSample(
      beam.lattice.count,
      o.l2Bumps ?? (beam.lattice.count <= 10 ? 10 : 8),
      (o.seed ?? DEFAULT_SEED) + 1,
    );
    const l2 = new Map<number, BumpL2Result>();
    const up = new Map<number, BumpUpperResult>();
    for (const k of sampledIndices(sample)) {
      l2.set(
        k,
        bumpL2Integrals(beam, k, window.t0, window.t, {
          level: levelFor(o),
          points: o.l2Points,
          shifts: o.l2Shifts,
          seed: o.seed ?? DEFAULT_SEED,
        }),
      );
      up.set(k, bumpUpperIntegrals(beam, k, window.t0, window.t));
    }
    c.l2Sample = sample;
    c.l2 = l2;
    c.l2Upper = up;
    c.seconds.l2 = (performance.now() - start) / 1000;
  }
  return c;
}

function sampleText(s: BumpSample): string {
  return s.exhaustive
    ? `all ${s.count} bumps`
    : `stratified sample of ${sampledIndices(s).length} of ${s.count} bumps (${s.strata.length} ring bands, seed ${s.seed})`;
}

function measureSup(
  part: "Linf" | "gradLinf",
  beam: Beam,
  window: DuhamelWindow,
  o: LossBeamBeamOptions,
): TermMeasurement {
  checkWindow(beam, window);
  const c = supData(beam, window, o);
  const sample = c.supSample as BumpSample;
  const sup = c.sup as Map<number, BumpSupResult>;
  const upper = c.upper as Map<number, BumpUpperResult>;
  const pick = (r: BumpSupResult) => (part === "Linf" ? r.linf : r.gradLinf);
  const pickU = (r: BumpUpperResult) => (part === "Linf" ? r.linf : r.gradLinf);
  const pre = zPartPrefactor(part, beam.params.M, beam.params.s0);
  const lo = stratifiedTotal(
    sample,
    (k) => pick(sup.get(k) as BumpSupResult).value,
    (k) => pick(sup.get(k) as BumpSupResult).error,
  );
  const hi = stratifiedTotal(
    sample,
    (k) => pickU(upper.get(k) as BumpUpperResult).value,
    (k) => pickU(upper.get(k) as BumpUpperResult).error,
  );
  const what = part === "Linf" ? "D⁻" : "|∇x D⁻|";
  const value = estimate(
    pre * lo.total,
    pre * (lo.error + lo.standardError),
    "sampled-sup",
    `${sampleText(sample)}; per bump: sup_x of ${what} searched at v = e_k (grid in the axial position η ∈ [−1.1t − 3/M, −0.9t0 + 3/M] at the tube axis${part === "gradLinf" ? " and at |P⊥x| = 0.55/M" : ""}, then Nelder–Mead in (η, M P⊥x)), maximizer held fixed over the bump's velocity rule (4×3×3 vs 8×6×4 nodes in (a, r, ψ)); characteristic rule level ${levelFor(o)}; error = rule differences${sample.exhaustive ? "" : ` + 1 sampling SE (${(pre * lo.standardError).toExponential(2)})`}`,
    { lowerBound: true },
  );
  const upperBound = estimate(
    pre * hi.total,
    pre * (hi.error + hi.standardError),
    "quadrature",
    `${sampleText(sample)}; sup_x f_b ≤ M^{1−s}ΣI, ${part === "Linf" ? "J ≤ J̄(v)" : "|∇f_b| ≤ M^{1−s}ΣI√(M²+1)‖φ'‖∞, |∇J| ≤ J̄₁(v)"} (line majorants summed over every tube); the bound is value + error${sample.exhaustive ? "" : " (includes 1 sampling SE: not rigorous for a sample)"}`,
  );
  const best = [...sup.values()].sort((a, b) => pick(b).value - pick(a).value)[0];
  return {
    value,
    upperBound,
    window,
    where: {
      bumps: sampleText(sample),
      sampled: sampledIndices(sample),
      largestBump: best?.where,
      seconds: c.seconds.sup,
    },
  };
}

function measureL2(
  part: "L2" | "gradL2",
  beam: Beam,
  window: DuhamelWindow,
  o: LossBeamBeamOptions,
): TermMeasurement {
  checkWindow(beam, window);
  const c = l2Data(beam, window, o);
  const sample = c.l2Sample as BumpSample;
  const l2 = c.l2 as Map<number, BumpL2Result>;
  const up = c.l2Upper as Map<number, BumpUpperResult>;
  const pick = (r: BumpL2Result) => (part === "L2" ? r.l2sq : r.gradL2sq);
  const pickU = (r: BumpUpperResult) => (part === "L2" ? r.l2sq : r.gradL2sq);
  const pre = zPartPrefactor(part, beam.params.M, beam.params.s0);
  const tot = stratifiedTotal(
    sample,
    (k) => pick(l2.get(k) as BumpL2Result).value,
    (k) => pick(l2.get(k) as BumpL2Result).error,
  );
  // standard error of the lattice rule (shifts), propagated through the stratified weights
  let latticeVar = 0;
  for (const s of sample.strata) {
    const n = s.indices.length;
    for (const k of s.indices)
      latticeVar += ((s.size / n) * pick(l2.get(k) as BumpL2Result).standardError) ** 2;
  }
  const se = Math.sqrt(latticeVar + tot.standardError ** 2);
  const root = Math.sqrt(Math.max(tot.total, 0));
  const value = estimate(
    pre * root,
    root > 0 ? (pre * (se + tot.error)) / (2 * root) : 0,
    "monte-carlo",
    `${sampleText(sample)}; per bump ∫∫ ⟨v⟩²e^{2⟨v⟩²}|${part === "L2" ? "D⁻" : "∇x D⁻"}|² dx dv by a randomly shifted Korobov lattice rule (${o.l2Points ?? 251} points × ${o.l2Shifts ?? 6} shifts, seed ${o.seed ?? DEFAULT_SEED}) with importance densities following |f_b|² and the window; characteristic rule level ${levelFor(o)}; error = 1 SE (${(root > 0 ? (pre * se) / (2 * root) : 0).toExponential(2)}) + characteristic-rule difference`,
  );
  const hi = stratifiedTotal(
    sample,
    (k) => pickU(up.get(k) as BumpUpperResult).value,
    (k) => pickU(up.get(k) as BumpUpperResult).error,
  );
  const hroot = Math.sqrt(hi.total);
  const upperBound = estimate(
    pre * hroot,
    (pre * (hi.error + hi.standardError)) / (2 * hroot),
    "quadrature",
    `${sampleText(sample)}; ‖D⁻(·,v)‖ ≤ M^{1−s}ΣI‖K‖J̄(v)${part === "gradL2" ? ", ‖∇D⁻(·,v)‖ ≤ M^{1−s}ΣI(‖∇K‖J̄ + ‖K‖J̄₁)" : ""}; the bound is value + error`,
  );
  return {
    value,
    upperBound,
    window,
    where: { bumps: sampleText(sample), sampled: sampledIndices(sample), seconds: c.seconds.l2 },
  };
}

const L2_BOUND = (s: number, s0: number): PaperBound => ({
  exponent: -0.5 + s0 - s,
  logFactor: "lnlnM",
  text: "M^{−1/2+s0−s} ln ln M (Lemma 4.5 states M^{−δ})",
  source: "Lemma 4.5, proof of (4.21) with (2.25)–(2.26)",
});

const LINF_BOUND = (s: number): PaperBound => ({
  exponent: 1 - 2 * s,
  logFactor: "none",
  text: "M^{1−2s} (Lemma 4.5 states M^{−δ})",
  source: "Lemma 4.5, (4.26)",
});

/**
 * Window grids: A[f_b] ≥ 0, so for fixed z = x − tv the integrand of J and hence D⁻ grows with the
 * window: |D⁻(t0, t)| ≤ |D⁻(0, T*)| pointwise in (z, v), and the L^∞ and L² parts are largest on
 * (0, T*) — only that window is measured for them. The gradient parts are not monotone
 * (∇J can cancel), so they get the grid {0, T_* / 2, T_*}.
 */
function entry(part: ZPart): GridAwareMeasure {
  return {
    term: "Q-(fb,fb)",
    part,
    windowFractions: part === "L2" || part === "Linf" ? [0, 1] : [0, 0.5, 1],
    paper(s, s0) {
      const b = part === "L2" || part === "gradL2" ? L2_BOUND(s, s0) : LINF_BOUND(s);
      return part === "gradL2" || part === "gradLinf"
        ? {
            ...b,
            text: `${b.text}; gradient part "analogous" (each ∇x gives M, compensated by the M⁻¹ prefactor)`,
          }
        : b;
    },
    measure(beam, window, options = {}) {
      const o = options as LossBeamBeamOptions;
      return part === "Linf" || part === "gradLinf"
        ? measureSup(part, beam, window, o)
        : measureL2(part, beam, window, o);
    },
  };
}

export const lossBeamBeamMeasures: GridAwareMeasure[] = (
  ["L2", "gradL2", "Linf", "gradLinf"] as const
).map(entry);
