/**
 * The result of `boltzlab exact` (Theorem 1.1 on the exact solutions f = f_a + f_c, g = g_a + g_c)
 * assembled from its replica records, shared by the command and the report chapter "Exact solutions":
 * per M the merged corrections with their particle lower bounds, the theorem's distances
 * (solvers/particles/paper-backgrounds/exact-theorem.ts), and beside them the bootstrap's upper
 * bounds on ‖f_c(T*)‖ and ‖g_c(T*)‖ of Proposition 5.1 with measured constants
 * (claims/exact-thresholds.ts `correctionBound`), or "no error table" where none is available.
 */

import type { JobRecord } from "../claims/error-table/error-table.ts";
import {
  type CorrectionModel,
  correctionBound,
  correctionModel,
} from "../claims/exact-thresholds.ts";
import { beamSobolevNorm } from "../construction/beam/beam-norm.ts";
import { coreNorm } from "../construction/core/core-norm.ts";
import {
  type ConstructionConstants,
  constantOverrides,
  makeConstants,
} from "../construction/parameters/parameters.ts";
import { RuleError } from "../math/errors.ts";
import {
  type ExactMerged,
  type ExactReplicaRecord,
  type ExactRunConfig,
  exactBeam,
  mergeExact,
} from "../solvers/particles/paper-backgrounds/exact-run.ts";
import {
  type ExactTheoremRow,
  exactTheoremRow,
} from "../solvers/particles/paper-backgrounds/exact-theorem.ts";

/** One line of an `exact` JSON Lines file: the configuration (as JSON) and one replica's record. */
export interface ExactRecordLine {
  readonly config: string;
  readonly record: ExactReplicaRecord;
}

/** The merged run of one solution, with the Cauchy–Schwarz lower bounds by ⟨h, ψ⟩. */
export interface ExactSolutionSummary {
  readonly overlapNorm: number;
  readonly overlapLowerBounds: readonly (number | null)[];
  readonly replicas: number;
  readonly epsilon: number;
  readonly sourceParticles: number;
  readonly linearEvents: number;
  readonly quadraticEvents: number;
  readonly cancelledPairs: number;
  readonly points: ExactMerged["points"];
  /** Each further term's particle system (with --term-proposals). */
  readonly strata?: ExactMerged["strata"];
  /** Per velocity weight ω: the largest lower bounds of ‖ωh(t)‖_{L²} over the time grid. */
  readonly weighted: readonly ExactWeightedSummary[];
}

/** One weighted norm of a correction over the time grid. */
export interface ExactWeightedSummary {
  readonly weight: string;
  /** max over t of the projection lower bound of ‖ωh(t)‖ (null: inconclusive at every t). */
  readonly supProjection: number | null;
  /** max over t of (|⟨ωh, ψ⟩| − 2 se)/‖ψ‖ (null: inconclusive at every t). */
  readonly supOverlap: number | null;
  /** The values at T*. */
  readonly last: ExactMerged["points"][number]["weighted"][number];
}

function supOrNull(xs: readonly (number | null)[]): number | null {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? Math.max(...ys) : null;
}

/**
 * The merged run, with the Cauchy–Schwarz lower bound of ‖h‖_{L²} ≤ ‖h‖_{L²_v H^{s0}_x} at each time:
 * (|⟨h, ψ⟩| − 2 se)/‖ψ‖_{L²}, ψ = f_b(t) for f_c (‖f_b(t)‖ = ‖f_b(0)‖, free transport) and ψ = g_a for
 * g_c; null when the functional is within two standard errors of 0 (inconclusive).
 */
export function exactSolutionSummary(m: ExactMerged, psiNorm: number): ExactSolutionSummary {
  return {
    overlapNorm: psiNorm,
    overlapLowerBounds: m.points.map((p) => {
      const lb = (Math.abs(p.overlap.value) - 2 * p.overlap.error) / psiNorm;
      return lb > 0 ? lb : null;
    }),
    replicas: m.replicas,
    epsilon: m.epsilon,
    sourceParticles: m.sourceParticles,
    linearEvents: m.linearEvents,
    quadraticEvents: m.quadraticEvents,
    cancelledPairs: m.cancelledPairs,
    points: m.points,
    ...(m.strata ? { strata: m.strata } : {}),
    weighted: (m.points.at(-1)?.weighted ?? []).map((last, k) => ({
      weight: last.weight,
      supProjection: supOrNull(m.points.map((p) => p.weighted[k]?.projectionLowerBound ?? null)),
      supOverlap: supOrNull(
        m.points.map((p) => {
          const o = p.weighted[k]?.overlap;
          if (!o) return null;
          const lb = (Math.abs(o.value) - 2 * o.error) / psiNorm;
          return lb > 0 ? lb : null;
        }),
      ),
      last,
    })),
  };
}

/** ‖ψ‖_{L²} of the overlap functional for a solution: f_b(0) for f_c, g_a for g_c. */
function psiNorm(config: ExactRunConfig): number {
  const beam = exactBeam(config);
  return config.solution === "f"
    ? beamSobolevNorm(beam, 0, "none").value
    : coreNorm(beam, 0, { weighted: false, subtract: 0, sobolev: 0 }).norm.value;
}

/** One M of an `exact` result without the per-term source rates (those need the command). */
export interface ExactResultRow {
  readonly M: number;
  readonly Tstar: number;
  readonly f: ExactSolutionSummary | null;
  readonly g: ExactSolutionSummary | null;
  readonly theorem: ExactTheoremRow;
}

/**
 * The row of one M from the merged runs of f_c and g_c (either may be null); `config` is any of the
 * M's configurations (they differ only in the solution).
 */
export function exactResultRow(
  config: ExactRunConfig,
  f: ExactMerged | null,
  g: ExactMerged | null,
): ExactResultRow {
  const beam = exactBeam(config);
  return {
    M: config.M,
    Tstar: beam.params.Tstar,
    f: f ? exactSolutionSummary(f, psiNorm({ ...config, solution: "f" })) : null,
    g: g ? exactSolutionSummary(g, psiNorm({ ...config, solution: "g" })) : null,
    theorem: exactTheoremRow(beam, f, g),
  };
}

/** An `exact` result read back from its records (the report chapter's input). */
export interface ExactRecordsResult {
  readonly parameters: ExactRunConfig & { readonly replicas: number };
  readonly rows: readonly ExactResultRow[];
}

const FILE_RULE =
  "--exact must be a boltzlab exact JSON Lines file of one construction (run `boltzlab exact` first)";

/**
 * Merge the records of an `exact` file, one row per M (ascending). Every record must share one
 * construction (all configuration fields but M and solution); else a RuleError naming the rule.
 * A line cut by an interruption is skipped, as the command does.
 */
export function exactResultFromText(text: string, file = "the file"): ExactRecordsResult {
  const lines: ExactRecordLine[] = [];
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") continue;
    try {
      const line = JSON.parse(raw) as ExactRecordLine;
      if (typeof line.config === "string" && typeof line.record?.replica === "number")
        lines.push(line);
    } catch {
      // an interrupted line
    }
  }
  if (lines.length === 0) throw new RuleError(FILE_RULE, `no replica records in ${file}`);
  const groups = new Map<string, ExactReplicaRecord[]>();
  for (const l of lines) {
    const byReplica = groups.get(l.config) ?? [];
    if (!byReplica.some((r) => r.replica === l.record.replica)) byReplica.push(l.record);
    groups.set(l.config, byReplica);
  }
  const configs = [...groups.keys()].map((k) => JSON.parse(k) as ExactRunConfig);
  const shared = (c: ExactRunConfig) => JSON.stringify({ ...c, M: 0, solution: "" });
  if (new Set(configs.map(shared)).size > 1)
    throw new RuleError(FILE_RULE, `${file} mixes constructions or run settings`);
  const Ms = [...new Set(configs.map((c) => c.M))].sort((a, b) => a - b);
  const keys = [...groups.keys()];
  let replicas = 0;
  const rows = Ms.map((M) => {
    const merged: Record<"f" | "g", ExactMerged | null> = { f: null, g: null };
    let config: ExactRunConfig | null = null;
    keys.forEach((k, i) => {
      const c = configs[i];
      if (c.M !== M) return;
      config = c;
      const recs = groups.get(k) ?? [];
      replicas = Math.max(replicas, recs.length);
      merged[c.solution] = mergeExact(recs);
    });
    return exactResultRow(config as unknown as ExactRunConfig, merged.f, merged.g);
  });
  return { parameters: { ...configs[0], replicas }, rows };
}

/** One solution's bootstrap upper bound at T*. */
export interface CorrectionUpperBound {
  /** Bound on ‖h(T*)‖_{L²_v H^{s0}_x} ≤ ‖h(T*)‖_Z (NaN when the bootstrap does not close). */
  readonly bound: number;
  readonly closes: boolean;
  /** C c Z_a, the factor the proof must absorb (≤ 1/2 in the paper). */
  readonly absorption: number;
}

/**
 * The bootstrap's upper bounds on ‖f_c(T*)‖ and ‖g_c(T*)‖ at one M (Proposition 5.1 with measured
 * Z_a and E, C assumed), or the reason there are none.
 */
export type ExactBootstrapBound =
  | {
      readonly status: "bounded";
      readonly f: CorrectionUpperBound;
      readonly g: CorrectionUpperBound;
      /** C of Proposition 3.1 assumed in (5.7), and where it comes from. */
      readonly constant: number;
      readonly constantSource: string;
      readonly scenario: string;
      readonly measuredMs: readonly number[];
    }
  | { readonly status: "no error table"; readonly reason: string };

/**
 * The correction model of a construction from error-table records, or null when no M of the records
 * carries every entry of both tables for it. `constant` is C of Proposition 3.1.
 */
export function exactCorrectionModel(
  records: readonly JobRecord[],
  config: ExactRunConfig,
  constant: { readonly value: number; readonly source: string },
): CorrectionModel | null {
  if (records.length === 0) return null;
  return correctionModel(
    records,
    {
      s: config.s,
      s0: config.s0,
      p: config.p,
      cutoff: config.cutoff,
      variant: config.variant,
      constants: config.constants,
    },
    constant.value,
    constant.source,
  );
}

/** The bootstrap bound at M from a model (null model: "no error table", with `why`). */
export function exactBootstrapBound(
  model: CorrectionModel | null,
  M: number,
  why: string,
): ExactBootstrapBound {
  if (!model) return { status: "no error table", reason: why };
  const b = correctionBound(model, M);
  const one = (r: typeof b.f, complete: boolean): CorrectionUpperBound => ({
    bound: complete && r.closes ? r.finalBound : Number.NaN,
    closes: complete && r.closes,
    absorption: r.absorption,
  });
  return {
    status: "bounded",
    f: one(b.f, model.f.complete),
    g: one(b.g, model.g.complete),
    constant: model.constant,
    constantSource: model.constantSource,
    scenario: model.scenario,
    measuredMs: model.measuredMs,
  };
}

/** The bound as table text: a number, "does not close", or "no error table". */
export function upperBoundText(b: ExactBootstrapBound | undefined, sol: "f" | "g"): string {
  if (b?.status !== "bounded") return "no error table";
  const x = b[sol];
  return x.closes ? x.bound.toExponential(2) : "does not close";
}

/** The terms of F_err (solution f) and G_err (solution g) as the error table names them. */
const TABLE_TERMS = {
  f: [
    "v.grad(fr)",
    "Q+(fr,fb)",
    "Q-(fb,fr)",
    "Q+(fb,fr)",
    "Q-(fr,fr)",
    "Q+(fr,fr)",
    "Q-(fb,fb)",
    "Q+(fb,fb)",
  ],
  g: ["v.grad(fr0)", "Q-(fr0,fr0)", "Q+(fr0,fr0)"],
} as const;

/**
 * An upper bound of ‖h(T*)‖ (h = f_c or g_c) from the particles and the error table, under an
 * assumption stated in `assumption`.
 */
export interface TransportedSourceBound {
  /** Bound on ‖h(T*)‖_{L²_v H^{s0}_x} (no velocity weight). */
  readonly bound: number;
  /** Bound on ‖e^{⟨v⟩²}h(T*)‖_{L²_v H^{s0}_x}. */
  readonly weightedBound: number;
  /** ρ: (linear + quadratic events) / source particles, the largest over the particle systems. */
  readonly collisionShare: number;
  readonly assumption: string;
}

/**
 * The transported-source bound at T*: by Duhamel h(T*) = ∫₀^{T*} e^{−(T*−τ)v·∇x}(−F_err) dτ + (the
 * collision part), the source part bounded by the triangle inequality over the error table's terms
 * (window (0, T*), each value + 2 standard errors): with the table's weight ⟨v⟩e^{⟨v⟩²} ≥ e^{⟨v⟩²} ≥ e,
 *   ‖e^{⟨v⟩²} S‖_{L²} ≤ L = Σ_ℓ L2_ℓ / M^{s0},  ‖e^{⟨v⟩²} ∇S‖_{L²} ≤ G = Σ_ℓ gradL2_ℓ / M^{s0−1},
 * ‖·‖_{L²_v H^{s0}_x} ≤ (‖·‖² + ‖·‖^{2(1−s0)}‖∇·‖^{2s0})^{1/2} ((1 + |ξ|²)^{s0} ≤ 1 + |ξ|^{2s0}, Hölder),
 * and the unweighted norm the weighted one divided by e. ASSUMPTION (not proved): the collision part
 * is at most ρ times the source part, ρ = (linear + quadratic events)/(source particles) measured
 * by the particles. Null without a complete set of records for the construction and M.
 */
export function transportedSourceBound(
  records: readonly JobRecord[],
  config: ExactRunConfig,
  M: number,
  merged: ExactMerged | null,
): TransportedSourceBound | null {
  if (!merged) return null;
  const sol = config.solution;
  // the records carry only the constants that differ from the paper's, an exact configuration all
  // of them: compare the overrides, in one key order
  const overrides = (c: Partial<ConstructionConstants> | undefined) =>
    JSON.stringify(constantOverrides(makeConstants(c ?? {})));
  const constants = overrides(config.constants);
  const sum = (part: "L2" | "gradL2"): number | null => {
    let total = 0;
    for (const term of TABLE_TERMS[sol]) {
      const r = [...records]
        .reverse()
        .find(
          (q) =>
            q.term === term &&
            q.part === part &&
            q.M === M &&
            (q.solution ?? "f") === sol &&
            q.s === config.s &&
            q.s0 === config.s0 &&
            q.p === config.p &&
            q.cutoff === config.cutoff &&
            q.variant === config.variant &&
            overrides(q.constants) === constants,
        );
      const v = r?.full.value;
      if (!v || !Number.isFinite(v.value)) return null;
      total += v.value + 2 * (Number.isFinite(v.error) ? v.error : 0);
    }
    return total;
  };
  const l2 = sum("L2");
  const grad = sum("gradL2");
  if (l2 === null || grad === null) return null;
  const s0 = config.s0;
  const L = l2 / M ** s0;
  const G = grad / M ** (s0 - 1);
  const hs0 = Math.sqrt(L * L + L ** (2 * (1 - s0)) * G ** (2 * s0));
  const systems = [merged, ...(merged.strata ?? [])];
  const collisionShare = Math.max(
    ...systems.map((q) => (q.linearEvents + q.quadraticEvents) / Math.max(q.sourceParticles, 1)),
  );
  return {
    bound: ((1 + collisionShare) * hs0) / Math.E,
    weightedBound: (1 + collisionShare) * hs0,
    collisionShare,
    assumption:
      "h(T*) = the transported source ∫₀^{T*}e^{−(T*−τ)v·∇}(−F_err) (−G_err for g_c) (error table, window (0, T*), value + 2 se, triangle inequality over its terms) plus a collision part at most ρ times it, ρ = (linear + quadratic events)/(source particles) measured (assumed, not proved)",
  };
}

/**
 * A conditional lower bound of Theorem 1.1's weighted final distance ‖e^{⟨v⟩²}(f − g)(T*)‖_X by the
 * triangle inequality, ‖ω(f_a − g_a)(T*)‖_X − ‖ωf_c(T*)‖_X − ‖ωg_c(T*)‖_X (ω = e^{⟨v⟩²}; the
 * approximate distance at the lower end of its error), with the transported-source weighted upper
 * bounds of both corrections — so under their assumption (collision part ≤ ρ × source part). The
 * assumption-free bound is `theorem.weighted.finalLowerBound` (exact-theorem.ts). Null unless both
 * corrections have a transported-source bound.
 */
export function weightedFinalUnderSourceBound(
  theorem: ExactTheoremRow,
  source: { readonly f: TransportedSourceBound | null; readonly g: TransportedSourceBound | null },
): number | null {
  if (!source.f || !source.g) return null;
  const a = theorem.weighted.approximateFinalDistance;
  return a.value - a.error - source.f.weightedBound - source.g.weightedBound;
}
