import type { ClaimResult } from "../claims/claim-result.ts";
import { howLargeMBlocks } from "./how-large-m.ts";
import type { ReportData } from "./report-data.ts";
import type { ReportFigure, ReportFigures } from "./report-figures.ts";
import { sections35Blocks } from "./sections-3-5.ts";
import { type Cell, estimateCell, numberCell, verdictCell } from "./table.ts";

/** A block of the report, rendered to Markdown (render-markdown.ts) and HTML (render-html.ts). */
export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly Cell[])[];
    }
  | { readonly kind: "figure"; readonly figure: ReportFigure };

const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: "heading", level, text });
const p = (text: string): Block => ({ kind: "paragraph", text });
const fig = (figure: ReportFigure): Block => ({ kind: "figure", figure });

/** "a ± b" for a fitted exponent, "—" without a fit. */
function exponentText(c: ClaimResult): string {
  if (!c.fit || !Number.isFinite(c.fit.exponent)) return "—";
  return `${c.fit.exponent.toFixed(3)} ± ${c.fit.exponentError.toFixed(3)} (n = ${c.fit.n})`;
}

function constantRange(c: ClaimResult): string {
  const k = c.impliedConstant;
  return k ? `[${numberCell(k.min, 3)}, ${numberCell(k.max, 3)}]` : "—";
}

function parametersSection(data: ReportData): Block[] {
  const q = data.parameters;
  const r = data.runInfo;
  const rows: [string, string][] = [
    ["s", String(q.s)],
    ["s0", String(q.s0)],
    ["N = M^p, p", String(q.p)],
    ["M", q.Ms.join(", ")],
    ["cutoffs", q.cutoffs.join(", ")],
    ["variants", q.variants.join(", ")],
    ...Object.entries(q.extra ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
    ["date", r.date],
    ["duration", `${r.durationSeconds.toFixed(1)} s`],
    ["command", r.commandLine],
    ...Object.entries(r.versions).map(([k, v]): [string, string] => [`version: ${k}`, v]),
  ];
  return [
    h(1, data.title),
    p(
      "Parameters (2.7)–(2.9) and run. Every number is an estimate: value ± error (an error bound, or one standard error for Monte Carlo).",
    ),
    { kind: "table", header: ["parameter", "value"], rows },
  ];
}

function claimsSection(data: ReportData, figures: ReportFigures): Block[] {
  const rows = data.claims.map((c): Cell[] => [
    c.id,
    c.cutoff,
    c.variant,
    verdictCell(c.verdict),
    exponentText(c),
    numberCell(c.paperExponent),
    constantRange(c),
    c.reason,
  ]);
  const plots = figures.scaling.flatMap((f) => (f ? [fig(f)] : []));
  return [
    h(2, "Claims"),
    {
      kind: "table",
      header: [
        "claim",
        "cutoff",
        "variant",
        "verdict",
        "measured exponent",
        "paper exponent",
        "implied constant",
        "reason",
      ],
      rows,
    },
    ...(plots.length ? [h(3, "Scaling of the asymptotic claims"), ...plots] : []),
  ];
}

function theoremSection(data: ReportData, figures: ReportFigures): Block[] {
  if (!data.theorem.length) return [];
  const rows = data.theorem.map((r): Cell[] => [
    String(r.M),
    estimateCell(r.Tstar),
    estimateCell(r.initialDistance),
    estimateCell(r.finalDistance),
    estimateCell(r.weightedFinalNorm),
    estimateCell(r.invLnM),
    estimateCell(r.deflation),
  ]);
  return [
    h(2, "Theorem 1.1"),
    {
      kind: "table",
      header: [
        "M",
        "T*",
        "distance at 0",
        "distance at T*",
        "‖e^{⟨v⟩²} f_a(T*)‖",
        "1/ln M",
        "deflation",
      ],
      rows,
    },
    ...(figures.theorem ? [fig(figures.theorem)] : []),
  ];
}

function deflationSection(figures: ReportFigures): Block[] {
  return figures.deflation ? [h(2, "Norm deflation"), fig(figures.deflation)] : [];
}

/** One line per claim whose verdict is `violated` or `inconsistent`, with its counterexample or fit. */
export function disagreements(claims: readonly ClaimResult[]): string[] {
  return claims
    .filter((c) => c.verdict === "violated" || c.verdict === "inconsistent")
    .map((c) => {
      const head = `(${c.id}) ${c.title} [${c.cutoff}, ${c.variant}] — ${c.verdict}: ${c.reason}`;
      const evidence = c.counterexample
        ? `counterexample: ${JSON.stringify(c.counterexample)}`
        : `fit: exponent ${exponentText(c)} vs paper ${numberCell(c.paperExponent)}; implied constant ${constantRange(c)}`;
      return `${head}. Statement: ${c.statement}. Evidence — ${evidence}`;
    });
}

/** Error-table entries that are inconsistent with the paper's exponent, one line each. */
function errorTableDisagreements(data: ReportData): string[] {
  const out: string[] = [];
  for (const t of data.sections35?.errorTables ?? []) {
    for (const e of t.entries) {
      if (e.verdict !== "inconsistent") continue;
      const f = e.fittedExponent;
      out.push(
        `Error term ${e.term}, ${e.normLabel} [${t.cutoff}, ${t.variant}] — inconsistent: fitted exponent ${f ? `${f.value.toFixed(3)} ± ${f.error.toFixed(3)}` : "—"} vs the paper's ${e.paperText ?? "—"} (${e.paperSource ?? ""}). ${e.reason}`,
      );
    }
  }
  return out;
}

function disagreementSection(data: ReportData): Block[] {
  const items = [...disagreements(data.claims), ...errorTableDisagreements(data)];
  const inconclusive = data.claims.filter((c) => c.verdict === "inconclusive").length;
  return [
    h(2, "Where the text and the numbers disagree"),
    items.length
      ? { kind: "list", items }
      : p("No claim is violated or inconsistent with its numbers."),
    ...(inconclusive
      ? [
          p(
            `${inconclusive} claim(s) are inconclusive over the range of M reached; see their reasons above.`,
          ),
        ]
      : []),
  ];
}

function methodSection(data: ReportData): Block[] {
  return [
    h(2, "Method notes"),
    {
      kind: "list",
      items: [
        "Estimates: quadrature errors are bounds from refinement; Monte Carlo errors are one standard error with the stated samples and seed; a supremum found by sampling is a lower bound and is marked so.",
        "Exponent fits: least squares of ln(value / L(M)) against ln M, with L(M) a known logarithmic factor; the uncertainty combines the residual scatter and the measurement errors. Verdicts follow DESIGN.md (consistent, inconsistent, inconclusive; holds, violated).",
        "Scaling plots: the fitted line has the fitted slope through the log-centroid of the data (the least-squares intercept); the paper's prediction is drawn through the last point. Values ≤ 0 cannot be drawn on log axes and are listed under the plot.",
        "Figures 1–3: orthographic views; supports drawn exactly (cylinders of (2.4)); Figure 3 is drawn in both readings of I_{i,j}: radius 1/M as written in (2.4) and 1/(10M) as used in (2.21).",
        ...data.claims.map((c) => `(${c.id}) [${c.cutoff}, ${c.variant}]: ${c.method}`),
      ],
    },
  ];
}

/**
 * The report as blocks: title and parameters; Section 2 objects (Figures 1–3); claims table and
 * scaling plots; Theorem 1.1 table and plot; deflation curves; Sections 3–5 (error table,
 * Proposition 5.1); where the text and the numbers disagree; method notes.
 */
export function reportDocument(data: ReportData, figures: ReportFigures): Block[] {
  return [
    ...parametersSection(data),
    h(2, "Section 2 objects"),
    ...figures.objects.map(fig),
    ...claimsSection(data, figures),
    ...theoremSection(data, figures),
    ...deflationSection(figures),
    ...(data.sections35 ? sections35Blocks(data.sections35, figures.sections35) : []),
    ...(data.howLargeM ? howLargeMBlocks(data.howLargeM) : []),
    ...disagreementSection(data),
    ...methodSection(data),
  ];
}
