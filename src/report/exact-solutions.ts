/**
 * Figures and a Markdown summary of `boltzlab exact` (Theorem 1.1 on the exact solutions) beside the
 * approximate picture: the corrections' lower bounds over time, and the distances at T* (initial,
 * approximate final, the exact final distance's lower bound), with the bootstrap's upper bounds on
 * the corrections beside the particles' lower bounds. Written by `boltzlab exact --figures DIR`, and
 * as the report chapter "Exact solutions" by `boltzlab report --exact FILE`; not part of `npm start`
 * (the particle runs take minutes per M: opt-in).
 */
import { type ExactBootstrapBound, upperBoundText } from "./exact-result.ts";
import { type LinePoint, lineChartSvg } from "./relax-plots.ts";
import type { Block, ReportFigure } from "./report-block.ts";

/**
 * Number the series in order of appearance ("1. …", "2. …"): Plot orders its colours by the sorted
 * series names while the legend lists them as they appear, so the names must sort in that order.
 */
function numbered(points: LinePoint[]): LinePoint[] {
  const order = new Map<string, number>();
  for (const p of points) if (!order.has(p.series)) order.set(p.series, order.size + 1);
  return points.map((p) => ({ ...p, series: `${order.get(p.series)}. ${p.series}` }));
}

/** What the figures read from the `exact --json` result (a structural subset). */
export interface ExactResultLike {
  readonly parameters: {
    readonly construction: string;
    readonly replicas: number;
    readonly seed: number;
  };
  readonly rows: readonly {
    readonly M: number;
    readonly Tstar: number;
    readonly f: ExactSolutionLike | null;
    readonly g: ExactSolutionLike | null;
    readonly theorem: {
      readonly initialDistance: { readonly value: number };
      readonly approximateFinalDistance: { readonly value: number };
      readonly finalLowerBound: { readonly value: number; readonly error: number } | null;
      readonly finalLowerBoundConservative: number | null;
      readonly separation: string;
      readonly reason: string;
      /** Theorem 1.1's e^{⟨v⟩²}-weighted distances (absent in results before them). */
      readonly weighted?: {
        readonly initialDistance: { readonly value: number };
        readonly finalLowerBound: { readonly value: number; readonly error: number } | null;
      };
    };
    /** The bootstrap's upper bounds on ‖f_c(T*)‖, ‖g_c(T*)‖ (absent in results before issue 14). */
    readonly bootstrap?: ExactBootstrapBound;
    /** The transported-source upper bounds (an assumption stated; absent without an error table). */
    readonly transportedSource?: {
      readonly f: { readonly bound: number; readonly assumption: string } | null;
      readonly g: { readonly bound: number; readonly assumption: string } | null;
    };
  }[];
}

/** One merged solution of a row. */
export interface ExactSolutionLike {
  readonly overlapLowerBounds: readonly (number | null)[];
  /** Weighted norms per velocity weight (absent in results before the weighted norms). */
  readonly weighted?: readonly {
    readonly weight: string;
    readonly supProjection: number | null;
    readonly supOverlap: number | null;
  }[];
  readonly points: readonly {
    readonly t: number;
    readonly projectionLowerBound: number | null;
    readonly totalVariation: { readonly value: number };
  }[];
}

/** Lower bounds of ‖f_c(t)‖_{L²} and ‖g_c(t)‖_{L²} (log scale) against t/T*, one line per M and bound. */
export function correctionFigure(result: ExactResultLike): string {
  const pts: LinePoint[] = [];
  for (const row of result.rows) {
    for (const sol of ["f", "g"] as const) {
      const m = row[sol];
      if (!m) continue;
      m.points.forEach((p, i) => {
        const cs = m.overlapLowerBounds[i];
        if (cs !== null && cs > 0)
          pts.push({
            x: p.t / row.Tstar,
            y: cs,
            series: `‖${sol}_c‖ ≥ |⟨${sol}_c, ψ⟩|/‖ψ‖, M = ${row.M}`,
          });
        if (p.projectionLowerBound !== null && p.projectionLowerBound > 0)
          pts.push({
            x: p.t / row.Tstar,
            y: p.projectionLowerBound,
            series: `‖${sol}_c‖ ≥ ‖P ${sol}_c‖, M = ${row.M}`,
          });
      });
    }
  }
  return lineChartSvg(numbered(pts), {
    title: `corrections (lower bounds), ${result.parameters.construction}`,
    x: "t / T*",
    y: "L² norm (lower bound)",
    logY: true,
  });
}

/** Distances at T* against M: initial (exact), approximate final, the exact final's lower bound. */
export function distanceFigure(result: ExactResultLike): string {
  const pts: LinePoint[] = [];
  for (const row of result.rows) {
    const th = row.theorem;
    pts.push({ x: row.M, y: th.initialDistance.value, series: "initial (exact)" });
    pts.push({
      x: row.M,
      y: th.approximateFinalDistance.value,
      series: "final, approximate",
    });
    if (th.finalLowerBoundConservative !== null && th.finalLowerBoundConservative > 0)
      pts.push({
        x: row.M,
        y: th.finalLowerBoundConservative,
        series: "final, exact ≥",
      });
  }
  return lineChartSvg(numbered(pts), {
    title: `Theorem 1.1 distances (L²_v H^s0_x), ${result.parameters.construction}`,
    x: "M",
    y: "distance",
    logY: true,
  });
}

/** The last time's lower bound of ‖h(T*)‖ (the larger of the two bounds), or null: inconclusive. */
function lowerBoundAtTstar(m: ExactSolutionLike | null): number | null {
  if (!m || m.points.length === 0) return null;
  const i = m.points.length - 1;
  const bs = [m.points[i].projectionLowerBound, m.overlapLowerBounds[i]].filter(
    (x): x is number => x !== null && x > 0,
  );
  return bs.length ? Math.max(...bs) : null;
}

const e2 = (x: number) => x.toExponential(2);

const sourceText = (b: { readonly bound: number } | null | undefined) =>
  b ? e2(b.bound) : "no error table";

/** The table's header and rows: one row per M, lower and upper bounds of the corrections side by side. */
export function exactTable(result: ExactResultLike): { header: string[]; rows: string[][] } {
  const lower = (m: ExactSolutionLike | null) => {
    if (!m) return "not run";
    const lb = lowerBoundAtTstar(m);
    return lb === null ? "inconclusive" : e2(lb);
  };
  return {
    header: [
      "M",
      "initial (exact)",
      "approximate final",
      "exact final ≥",
      "‖f_c(T*)‖ ≥ (particles)",
      "‖f_c(T*)‖ ≤ (bootstrap)",
      "‖f_c(T*)‖ ≤ (transported source, assumed)",
      "‖g_c(T*)‖ ≥ (particles)",
      "‖g_c(T*)‖ ≤ (bootstrap)",
      "‖g_c(T*)‖ ≤ (transported source, assumed)",
      "separates?",
    ],
    rows: result.rows.map((row) => {
      const th = row.theorem;
      return [
        String(row.M),
        e2(th.initialDistance.value),
        e2(th.approximateFinalDistance.value),
        th.finalLowerBound
          ? `${e2(th.finalLowerBound.value)} ± ${e2(th.finalLowerBound.error)}`
          : "n/a",
        lower(row.f),
        upperBoundText(row.bootstrap, "f"),
        sourceText(row.transportedSource?.f),
        lower(row.g),
        upperBoundText(row.bootstrap, "g"),
        sourceText(row.transportedSource?.g),
        `${th.separation} (${th.reason})`,
      ];
    }),
  };
}

/**
 * The weighted norms of (5.5)/(5.6): per M and solution, the largest lower bound over the time grid
 * of ‖ωh(t)‖_{L²} ≤ ‖ωh(t)‖_{L²_v H^{s0}_x} (the larger of projection and overlap), for
 * ω = e^{⟨v⟩²} and ω = e^{(1−κt)⟨v⟩²}; "inconclusive" where neither is two standard errors off 0.
 * Then Theorem 1.1's e^{⟨v⟩²}-weighted distances: the initial one (exact) and the lower bound of the
 * final one (exact-theorem.ts); in e^{(1−κt)⟨v⟩²} the final distance is the unweighted one.
 */
export function exactWeightedTable(result: ExactResultLike): {
  header: string[];
  rows: string[][];
} {
  const cell = (m: ExactSolutionLike | null, k: number) => {
    if (!m) return "not run";
    const w = m.weighted?.[k];
    if (!w) return "not computed";
    const bs = [w.supProjection, w.supOverlap].filter((x): x is number => x !== null && x > 0);
    return bs.length ? e2(Math.max(...bs)) : "inconclusive";
  };
  return {
    header: [
      "M",
      "sup_t ‖e^{⟨v⟩²} f_c‖ ≥",
      "sup_t ‖e^{(1−κt)⟨v⟩²} f_c‖ ≥ (5.5)",
      "sup_t ‖e^{⟨v⟩²} g_c‖ ≥",
      "sup_t ‖e^{(1−κt)⟨v⟩²} g_c‖ ≥ (5.6)",
      "‖e^{⟨v⟩²}(f − g)(0)‖ (exact)",
      "‖e^{⟨v⟩²}(f − g)(T*)‖ ≥",
    ],
    rows: result.rows.map((row) => {
      const w = row.theorem.weighted;
      return [
        String(row.M),
        cell(row.f, 0),
        cell(row.f, 1),
        cell(row.g, 0),
        cell(row.g, 1),
        w ? e2(w.initialDistance.value) : "not computed",
        w?.finalLowerBound
          ? `${e2(w.finalLowerBound.value)} ± ${e2(w.finalLowerBound.error)}`
          : "n/a",
      ];
    }),
  };
}

const WEIGHTED_NOTE =
  "Weighted norms (κ = 1/T*): lower bounds of the L² norm of ωh over the output times, by the U-statistic of the projection of ωh onto the tensor Hermite basis of degree ≤ nmax per axis (truncation: that span; a lower bound) or by |⟨ωh, ψ⟩|/‖ψ‖, two standard errors off; the paper's (5.5)/(5.6) bound them above by M^{−δ/2}. The last two columns are Theorem 1.1's weighted distances: the initial one exact, the final one bounded below with the weight at its floor on the beam's and the core's velocity regions (no assumption); in e^{(1−κt)⟨v⟩²}, which is 1 at T*, the final distance is the unweighted one of the first table.";

/** The plain answer: per M, whether the exact solutions separate, for the construction. */
export function exactAnswer(result: ExactResultLike): string {
  const per = result.rows.map((r) => `M = ${r.M}: ${r.theorem.separation}`).join("; ");
  const any = result.rows.some((r) => r.theorem.separation === "separates");
  return `Exact solutions, construction ${result.parameters.construction}: ${per}${any ? "" : " (no M separates on this evidence)"}.`;
}

/** Where the bootstrap's constants come from, or why there is no bound. */
export function bootstrapNote(result: ExactResultLike): string {
  const b = result.rows.find((r) => r.bootstrap)?.bootstrap;
  if (!b) return "Bootstrap upper bounds: not computed.";
  if (b.status !== "bounded") return `Bootstrap upper bounds: ${b.reason}.`;
  const ts = result.rows.find(
    (r) => r.transportedSource?.f || r.transportedSource?.g,
  )?.transportedSource;
  const assumption = (ts?.f ?? ts?.g)?.assumption;
  return `Bootstrap upper bounds (Proposition 5.1 iterated exactly): C = ${b.constant} assumed (${b.constantSource}); Z_a and E measured at M = ${b.measuredMs.join(", ")}, continued with the ${b.scenario}; ‖h‖_{L²_v H^{s0}_x} ≤ ‖h‖_Z with constant 1. A bound that does not close gives no upper bound.${assumption ? ` Transported-source upper bounds: ${assumption}.` : ""}`;
}

/** A Markdown summary: the answer, then one row per M with the verdict said plainly. */
export function exactMarkdown(result: ExactResultLike): string {
  const t = exactTable(result);
  const lines = [
    exactAnswer(result),
    "",
    `Theorem 1.1 on the exact solutions (${result.parameters.construction}, ${result.parameters.replicas} replicas, seed ${result.parameters.seed}):`,
    "",
    `| ${t.header.join(" | ")} |`,
    `|${t.header.map(() => "---").join("|")}|`,
    ...t.rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    bootstrapNote(result),
  ];
  const w = exactWeightedTable(result);
  lines.push(
    "",
    `| ${w.header.join(" | ")} |`,
    `|${w.header.map(() => "---").join("|")}|`,
    ...w.rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    WEIGHTED_NOTE,
  );
  return `${lines.join("\n")}\n`;
}

/** The chapter's two figures (corrections over time, distances against M). */
export function exactFigures(result: ExactResultLike): ReportFigure[] {
  return [
    {
      name: "exact-corrections",
      caption:
        "Exact solutions: lower bounds of ‖f_c(t)‖ and ‖g_c(t)‖ (L², deviational particles) against t/T*.",
      svg: correctionFigure(result),
    },
    {
      name: "exact-distances",
      caption:
        "Exact solutions: initial distance, approximate final distance and the exact final distance's lower bound against M.",
      svg: distanceFigure(result),
    },
  ];
}

/**
 * The report chapter "Exact solutions": first the plain answer per M, then the table (distances,
 * the corrections' particle lower bounds beside the bootstrap's upper bounds), the note on the
 * constants assumed, and the figures.
 */
export function exactChapterBlocks(
  result: ExactResultLike,
  figures: readonly ReportFigure[],
): Block[] {
  const t = exactTable(result);
  return [
    { kind: "heading", level: 2, text: "Exact solutions (Theorem 1.1 by deviational particles)" },
    { kind: "paragraph", text: exactAnswer(result) },
    {
      kind: "paragraph",
      text: `f = f_a + f_c, g = g_a + g_c with f_c(0) = g_c(0) = 0; f_c, g_c by deviational particles (${result.parameters.replicas} replicas, seed ${result.parameters.seed}); norms L²_v H^{s0}_x, lower bounds at T* by projection (U-statistics) or by the overlap ⟨h, ψ⟩, two standard errors off. Method: docs/exact.md.`,
    },
    { kind: "table", header: t.header, rows: t.rows },
    { kind: "paragraph", text: bootstrapNote(result) },
    {
      kind: "table",
      header: exactWeightedTable(result).header,
      rows: exactWeightedTable(result).rows,
    },
    { kind: "paragraph", text: WEIGHTED_NOTE },
    ...figures.map((figure): Block => ({ kind: "figure", figure })),
  ];
}
