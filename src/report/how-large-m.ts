import { computedDeflation } from "../claims/deflation-law.ts";
import type { JobRecord } from "../claims/error-table/error-table.ts";
import {
  correctionBound,
  correctionModel,
  describeCorrectionModel,
  measuredProposition31Constant,
} from "../claims/exact-thresholds.ts";
import { theoremRow } from "../claims/theorem-1-1.ts";
import { type Criterion, type ThresholdResult, threshold } from "../claims/thresholds.ts";
import { deflationExponentLimit, lawConstants } from "../construction/core/deflation-law.ts";
import { cutoffByName } from "../construction/geometry/cutoff.ts";
import { NAMED_CONSTRUCTIONS } from "../construction/parameters/named-constructions.ts";
import {
  type ConstructionConstants,
  makeParameters,
} from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import type { Block } from "./report-block.ts";
import { type Cell, estimateCell, numberCell } from "./table.ts";

/**
 * The report chapter "How large must M be" (docs/quantitative.md): the closed-form deflation law
 * against the computed deflation, the thresholds of the paper's and the tuned construction (for
 * the approximate solutions and, given error-table records, the exact ones beside them), and
 * the Theorem 1.1 distances of both along M. Data first (`howLargeMData`, pure computation), then
 * blocks (`howLargeMBlocks`), as for the other chapters.
 */
export interface HowLargeMOptions {
  readonly s: number;
  readonly s0: number;
  readonly cutoff: string;
  readonly variant: Variant;
  /** log10 M of the deflation-law and Theorem 1.1 rows (default 1, 2, …, 12 and 15). */
  readonly log10Ms?: readonly number[];
  /** The tuned construction (default NAMED_CONSTRUCTIONS.tuned's constants). */
  readonly tuned?: Partial<ConstructionConstants>;
  /**
   * Error-table records per construction name ("paper", "tuned") for the exact-solution thresholds
   * (claims/exact-thresholds.ts); a construction without complete records shows why instead.
   */
  readonly errorRecords?: Readonly<Record<string, readonly JobRecord[]>>;
  /** C of Proposition 3.1 for the exact thresholds (default: the largest measured (3.4) ratio). */
  readonly constant?: number;
}

export interface HowLargeMConstruction {
  readonly name: string;
  readonly constants: ConstructionConstants;
  readonly gammaLimit: number;
  readonly thresholds: Readonly<Record<Criterion, ThresholdResult>>;
  /** The exact solutions' thresholds (null: no complete error-table records) and their assumptions. */
  readonly exact: Readonly<Record<Criterion, ThresholdResult>> | null;
  readonly exactAssumptions: string;
  readonly rows: readonly {
    M: number;
    Tstar: number;
    initial: { value: number; error: number };
    final: { value: number; error: number };
    deflation: { value: number; error: number };
    gamma: { value: number; error: number };
  }[];
}

export interface HowLargeMData {
  readonly options: HowLargeMOptions;
  readonly constructions: readonly HowLargeMConstruction[];
}

const SEARCH = { gridStep: 1, relTol: 1e-3 } as const;

function construction(
  name: string,
  o: HowLargeMOptions,
  constants: Partial<ConstructionConstants> | undefined,
): HowLargeMConstruction {
  const opts = { s: o.s, s0: o.s0, cutoff: o.cutoff, variant: o.variant, constants };
  const full = makeParameters({ M: 3, s: o.s, s0: o.s0, constants }).constants;
  const gammaLimit = deflationExponentLimit(
    cutoffByName(o.cutoff),
    lawConstants(full, o.variant),
  ).value;
  const thresholds = {
    weak: threshold("weak", opts, SEARCH),
    strong: threshold("strong", opts, SEARCH),
  };
  const records = o.errorRecords?.[name] ?? [];
  const C =
    o.constant !== undefined
      ? { value: o.constant, source: "given" }
      : measuredProposition31Constant(o.s, o.s0);
  const model = records.length ? correctionModel(records, opts, C.value, C.source) : null;
  const exact = model
    ? {
        weak: threshold("weak", opts, {
          ...SEARCH,
          correction: (M) => correctionBound(model, M).bound,
        }),
        strong: threshold("strong", opts, {
          ...SEARCH,
          correction: (M) => correctionBound(model, M).bound,
        }),
      }
    : null;
  const exactAssumptions = model
    ? describeCorrectionModel(model)
    : "no complete error-table records for this construction (boltzlab errors --construction … --solution both)";
  const rows = (o.log10Ms ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15]).map((l) => {
    const M = Math.round(10 ** l);
    const r = theoremRow(M, opts);
    const d = computedDeflation(M, opts);
    const ve = (e: { value: number; error: number }) => ({ value: e.value, error: e.error });
    return {
      M,
      Tstar: r.Tstar.value,
      initial: ve(r.initialDistance),
      final: ve(r.finalDistance),
      deflation: ve(r.deflation),
      gamma: ve(d.gamma),
    };
  });
  return { name, constants: full, gammaLimit, thresholds, exact, exactAssumptions, rows };
}

export function howLargeMData(o: HowLargeMOptions): HowLargeMData {
  const tuned = o.tuned ?? NAMED_CONSTRUCTIONS.tuned?.constants;
  return {
    options: o,
    constructions: [
      construction("paper", o, undefined),
      ...(tuned ? [construction("tuned", o, tuned)] : []),
    ],
  };
}

function thresholdText(t: ThresholdResult): string {
  if (t.log10M !== null && t.log10MError !== null)
    return `10^${t.log10M.toFixed(3)} ± ${t.log10MError.toFixed(3)} (bracket [${t.Mfail ?? "–"}, ${t.Mhi}])`;
  if (t.log10Log10M !== undefined) return `10^(10^${t.log10Log10M.toFixed(2)}) (asymptotic law)`;
  return `not found (${t.method})`;
}

const est = (e: { value: number; error: number }): Cell =>
  estimateCell({ ...e, kind: "derived", method: "" });

export function howLargeMBlocks(data: HowLargeMData): Block[] {
  const o = data.options;
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: "How large must M be" },
    {
      kind: "paragraph",
      text: `Thresholds of Theorem 1.1 for the approximate solutions (s = ${o.s}, s0 = ${o.s0}, cutoff ${o.cutoff}, ${o.variant}); weak: final distance > initial distance; strong: final ≥ 10 × initial and ≥ ½‖f_a(0)‖. Derivations and methods: docs/quantitative.md.`,
    },
    {
      kind: "table",
      header: [
        "construction",
        "constants",
        "γ∞ = c_T c_b 4π²ℓσ/(αc²)",
        "weak threshold M*",
        "strong threshold M*",
        "exact: weak M*",
        "exact: strong M*",
      ],
      rows: data.constructions.map((c): Cell[] => [
        c.name,
        Object.entries(c.constants)
          .map(([k, v]) => `${k} = ${Number(v).toPrecision(4)}`)
          .join(", "),
        numberCell(c.gammaLimit, 5),
        thresholdText(c.thresholds.weak),
        thresholdText(c.thresholds.strong),
        c.exact ? thresholdText(c.exact.weak) : "no error table",
        c.exact ? thresholdText(c.exact.strong) : "no error table",
      ]),
    },
    {
      kind: "paragraph",
      text: `Exact solutions f = f_a + f_c, g = g_a + g_c: initial distance unchanged (f_c(0) = g_c(0) = 0), final distance minus the bootstrap's bound on ‖f_c(T*)‖ + ‖g_c(T*)‖. ${data.constructions.map((c) => `${c.name}: ${c.exactAssumptions}`).join(". ")}.`,
    },
  ];
  for (const c of data.constructions) {
    blocks.push({
      kind: "heading",
      level: 3,
      text: `Theorem 1.1 along M and the deflation law: ${c.name} constants`,
    });
    blocks.push({
      kind: "paragraph",
      text: `γ(M) = −ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M computed, against the closed-form limit γ∞ = ${c.gammaLimit.toPrecision(6)}.`,
    });
    blocks.push({
      kind: "table",
      header: [
        "M",
        "T*",
        "initial ‖e^{⟨v⟩²}f_b(0)‖",
        "final ‖f_a(T*) − g_a(T*)‖",
        "‖f_r(T*)‖/‖f_r(0)‖",
        "γ(M)",
        "(γ − γ∞)/γ∞",
      ],
      rows: c.rows.map((r): Cell[] => [
        r.M.toExponential(0),
        numberCell(r.Tstar, 4),
        est(r.initial),
        est(r.final),
        est(r.deflation),
        est(r.gamma),
        numberCell((r.gamma.value - c.gammaLimit) / c.gammaLimit, 3),
      ]),
    });
  }
  return blocks;
}
