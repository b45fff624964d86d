import type { ClaimResult } from "../claims/claim-result.ts";
import type { TheoremRow } from "../claims/theorem-row.ts";
import { VERDICTS, type Verdict } from "../claims/verdict.ts";
import {
  exponentText,
  formatCounterexample,
  impliedConstantText,
  tidyReason,
} from "./claim-evidence.ts";
import {
  anchorSlug,
  type Configuration,
  configurationKey,
  configurationLabel,
  groupByConfiguration,
  reportConfigurations,
  rowConfiguration,
} from "./configuration.ts";
import { claimDisagreements, errorTableDisagreements } from "./disagreements.ts";
import { exactChapterBlocks } from "./exact-solutions.ts";
import { howLargeMBlocks } from "./how-large-m.ts";
import { kernelsBlocks } from "./kernels.ts";
import { formatM, formatMList } from "./number-format.ts";
import type { Block, Inline, ReportFigure } from "./report-block.ts";
import type { ReportData } from "./report-data.ts";
import type { ReportFigures } from "./report-figures.ts";
import { sections35Blocks } from "./sections-3-5.ts";
import { type Cell, estimateCell, numberCell, verdictCell } from "./table.ts";
import { theoremSummaries } from "./theorem-summary.ts";

const h = (level: 1 | 2 | 3, text: string, id?: string): Block => ({
  kind: "heading",
  level,
  text,
  ...(id ? { id } : {}),
});
const p = (text: string, lead?: string): Block => ({
  kind: "paragraph",
  text,
  ...(lead ? { lead } : {}),
});
const fig = (figure: ReportFigure): Block => ({ kind: "figure", figure });

/** Anchor of a claim's entry in the claims section. */
export function claimAnchor(id: string): string {
  return `claim-${anchorSlug(id)}`;
}

/** Anchor of a configuration's Theorem 1.1 table. */
export function theoremAnchor(c: Configuration): string {
  return `theorem-1-1-${anchorSlug(configurationKey(c))}`;
}

/** The claims grouped by id, in order of first appearance; each with its index in `data.claims`. */
function claimsById(
  claims: readonly ClaimResult[],
): { id: string; entries: { c: ClaimResult; k: number }[] }[] {
  const m = new Map<string, { c: ClaimResult; k: number }[]>();
  claims.forEach((c, k) => {
    m.set(c.id, [...(m.get(c.id) ?? []), { c, k }]);
  });
  return [...m.entries()].map(([id, entries]) => ({ id, entries }));
}

/** "30 holds, 2 violated, …" (verdicts with a count only). */
function verdictCounts(claims: readonly ClaimResult[]): string {
  const n = new Map<Verdict, number>();
  for (const c of claims) n.set(c.verdict, (n.get(c.verdict) ?? 0) + 1);
  return VERDICTS.filter((v) => n.has(v))
    .map((v) => `${n.get(v)} ${v}`)
    .join(", ");
}

/** Verdict counts per configuration, one string each ("bump, as-in-proof: 30 holds, …"). */
export function verdictCountLines(data: ReportData): string[] {
  return reportConfigurations(data)
    .map((cfg) => ({
      cfg,
      mine: data.claims.filter((c) => configurationKey(c) === configurationKey(cfg)),
    }))
    .filter((x) => x.mine.length > 0)
    .map((x) => `${configurationLabel(x.cfg)}: ${verdictCounts(x.mine)} (${x.mine.length} claims)`);
}

function titleSection(data: ReportData): Block[] {
  const q = data.parameters;
  const configs = reportConfigurations(data).map(configurationLabel);
  return [
    h(1, data.title),
    p(
      `s = ${q.s}, s0 = ${q.s0}, N = M^${q.p}; claims at M = ${formatMList(q.Ms)}, Theorem 1.1 also at larger M; configurations (cutoff χ, reading of I_{i,j}): ${configs.join("; ")}. Numbers are value ± error (a bound, or one standard error for Monte Carlo). Run ${data.runInfo.date}.`,
    ),
  ];
}

function glanceSection(data: ReportData): Block[] {
  const out: Block[] = [
    h(2, "Results at a glance", "results-at-a-glance"),
    h(3, "Theorem 1.1, per configuration", "glance-theorem-1-1"),
  ];
  const summaries = theoremSummaries(data.theorem);
  if (!summaries.length) out.push(p("No Theorem 1.1 rows were computed in this run."));
  for (const s of summaries) {
    out.push({
      kind: "paragraph",
      lead: `${configurationLabel(s.configuration)}: ${s.headline}.`,
      text: s.sentences.join(" "),
      link: { text: "table and figure", href: `#${theoremAnchor(s.configuration)}` },
    });
  }
  const configs = reportConfigurations(data).filter((cfg) =>
    data.claims.some((c) => configurationKey(c) === configurationKey(cfg)),
  );
  if (data.claims.length) {
    const disagreements =
      claimDisagreements(data.claims).length + errorTableDisagreements(data).length;
    out.push(
      h(3, "Verdicts of the claims", "glance-verdicts"),
      { kind: "list", items: verdictCountLines(data) },
      p(
        `Each cell links to the claim's evidence (fit, implied constant, counterexample, plots) under Claims. holds/violated: statements with explicit constants; consistent/inconsistent/inconclusive: asymptotic statements (≲, ∼, → 0), judged by a fit over M. ${disagreements} statement(s) where the text and the numbers disagree are listed once each below.`,
      ),
      {
        kind: "table",
        className: "matrix",
        header: ["claim", ...configs.map(configurationLabel)],
        rows: claimsById(data.claims).map(({ id, entries }): Cell[] => [
          `(${id}) ${entries[0].c.title}`,
          ...configs.map((cfg) => {
            const hit = entries.find((e) => configurationKey(e.c) === configurationKey(cfg));
            return hit ? verdictCell(hit.c.verdict, `#${claimAnchor(id)}`) : "—";
          }),
        ]),
      },
    );
  }
  return out;
}

function theoremTable(rows: readonly TheoremRow[]): Block {
  return {
    kind: "table",
    header: [
      "M",
      "T*",
      "distance at 0 = ‖e^{⟨v⟩²}f_b(0)‖",
      "‖e^{⟨v⟩²}f_r(0)‖",
      "distance at T*",
      "final > initial",
      "‖e^{⟨v⟩²}f_a(T*)‖",
      "1/ln M",
      "deflation ‖f_r(T*)‖/‖f_r(0)‖",
    ],
    rows: [...rows]
      .sort((a, b) => a.M - b.M)
      .map((r): Cell[] => [
        formatM(r.M),
        estimateCell(r.Tstar),
        estimateCell(r.initialDistance),
        r.weightedCoreInitial ? estimateCell(r.weightedCoreInitial) : "—",
        estimateCell(r.finalDistance),
        r.separated === undefined ? "—" : r.separated ? "yes" : "no",
        estimateCell(r.weightedFinalNorm),
        estimateCell(r.invLnM),
        estimateCell(r.deflation),
      ]),
  };
}

function theoremSection(data: ReportData, figures: ReportFigures): Block[] {
  if (!data.theorem.length) return [];
  const out: Block[] = [
    h(2, "Theorem 1.1", "theorem-1-1"),
    p(
      "For f_a = f_r + f_b and g_a ≡ f_r(0), in L²_v H^{s0}_x: the distance at 0 is ‖e^{⟨v⟩²}(f_a(0) − g_a(0))‖ = ‖e^{⟨v⟩²}f_b(0)‖ (the theorem: ≲ 1/ln M); the distance at T* is ‖f_a(T*) − g_a(T*)‖ (the theorem: ∼ 1); ‖e^{⟨v⟩²}f_a(T*)‖ is bounded by 1/ln M in (1.16); the deflation is ‖f_r(T*)‖/‖f_r(0)‖. “final > initial” is the criterion used in this report: distance at T* > distance at 0, both beyond their error bars — a weak criterion, not the theorem's ∼ 1. One table per configuration.",
    ),
  ];
  const summaries = new Map(
    theoremSummaries(data.theorem).map((s) => [configurationKey(s.configuration), s]),
  );
  for (const { configuration, items } of groupByConfiguration(data.theorem, rowConfiguration)) {
    out.push(
      h(3, `Theorem 1.1 — ${configurationLabel(configuration)}`, theoremAnchor(configuration)),
    );
    const s = summaries.get(configurationKey(configuration));
    if (s) out.push(p(s.sentences.join(" ")));
    out.push(theoremTable(items));
  }
  if (figures.theorem) out.push(fig(figures.theorem));
  return out;
}

function deflationSection(figures: ReportFigures): Block[] {
  return figures.deflation
    ? [h(2, "Norm deflation", "norm-deflation"), fig(figures.deflation)]
    : [];
}

function claimsSection(data: ReportData, figures: ReportFigures): Block[] {
  if (!data.claims.length) return [];
  const out: Block[] = [
    h(2, "Claims", "claims"),
    p(
      "One entry per statement of the paper, folded; open it for each configuration's verdict, fit and reason, counterexamples and scaling plots. A fitted exponent and implied constant are shown only where a fit decides the verdict (asymptotic claims); for explicit statements (holds/violated) the evidence is what was tested, or the counterexample.",
    ),
  ];
  for (const { id, entries } of claimsById(data.claims)) {
    const first = entries[0].c;
    const blocks: Block[] = [
      p(first.statement, "Statement:"),
      {
        kind: "table",
        className: "claim",
        header: [
          "configuration",
          "verdict",
          "measured exponent",
          "paper exponent",
          "implied constant",
          "reason",
        ],
        rows: entries.map(({ c }): Cell[] => [
          configurationLabel(c),
          verdictCell(c.verdict),
          exponentText(c),
          numberCell(c.paperExponent),
          impliedConstantText(c),
          tidyReason(c),
        ]),
      },
    ];
    const counterexamples = entries.filter(({ c }) => c.counterexample);
    if (counterexamples.length) {
      blocks.push({
        kind: "list",
        items: counterexamples.map(
          ({ c }) =>
            `Counterexample, ${configurationLabel(c)}: ${formatCounterexample(c.counterexample ?? {})}`,
        ),
      });
    }
    for (const { k } of entries) {
      const f = figures.scaling[k];
      if (f) blocks.push(fig(f));
    }
    const verdicts = entries.map(({ c }) => `${configurationLabel(c)}: ${c.verdict}`).join(" · ");
    out.push({
      kind: "details",
      id: claimAnchor(id),
      summary: `(${id}) ${first.title} — ${verdicts}`,
      blocks,
    });
  }
  return out;
}

function disagreementSection(data: ReportData): Block[] {
  const items: Inline[][] = [
    ...claimDisagreements(data.claims),
    ...errorTableDisagreements(data),
  ].map((d) => (d.href ? [d.text, " ", { text: "(evidence)", href: d.href }] : [d.text]));
  const inconclusive = data.claims.filter((c) => c.verdict === "inconclusive").length;
  return [
    h(2, "Where the text and the numbers disagree", "disagreements"),
    items.length
      ? { kind: "list", items }
      : p("No claim is violated or inconsistent with its numbers."),
    ...(inconclusive
      ? [
          p(
            `${inconclusive} claim result(s) are inconclusive over the range of M reached; their reasons are under Claims.`,
          ),
        ]
      : []),
  ];
}

function objectsSection(figures: ReportFigures): Block[] {
  return figures.objects.length
    ? [h(2, "Section 2 objects: Figures 1–3", "figures-1-3"), ...figures.objects.map(fig)]
    : [];
}

function methodSection(data: ReportData): Block[] {
  return [
    h(2, "Method notes", "method-notes"),
    {
      kind: "list",
      items: [
        "Estimates: quadrature errors are bounds from refinement; Monte Carlo errors are one standard error with the stated samples and seed; a supremum found by sampling is a lower bound and is marked so.",
        "Exponent fits: least squares of ln(value / L(M)) against ln M, with L(M) a known logarithmic factor; the uncertainty combines the residual scatter and the measurement errors. Verdicts follow docs/design.md (consistent, inconsistent, inconclusive; holds, violated).",
        "Scaling plots: the fitted line has the fitted slope through the log-centroid of the data (the least-squares intercept); the paper's prediction is drawn through the last point. Values ≤ 0 cannot be drawn on log axes and are listed under the plot.",
        "Figures 1–3: orthographic views; supports drawn exactly (cylinders of (2.4)); Figure 3 is drawn in both readings of I_{i,j}: χ(M P⊥v), radius 1/M, as written in (2.4), and χ(10 M P⊥v), radius 1/(10M), as used in (2.21).",
        ...claimsById(data.claims).map(({ id, entries }) => {
          const methods = [...new Set(entries.map(({ c }) => c.method))];
          return `(${id}): ${methods.join(" / ")}`;
        }),
      ],
    },
  ];
}

function parametersSection(data: ReportData): Block[] {
  const q = data.parameters;
  const r = data.runInfo;
  const rows: [string, string][] = [
    ["s", String(q.s)],
    ["s0", String(q.s0)],
    ["N = M^p, p", String(q.p)],
    ["M (claims)", formatMList(q.Ms)],
    ["cutoffs", q.cutoffs.join(", ")],
    ["variants", q.variants.join(", ")],
    ...Object.entries(q.extra ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
    ["date", r.date],
    ["duration", `${r.durationSeconds.toFixed(1)} s`],
    ["command", r.commandLine],
    ...Object.entries(r.versions).map(([k, v]): [string, string] => [`version: ${k}`, v]),
  ];
  return [
    h(2, "Parameters and run", "parameters"),
    p("Parameters (2.7)–(2.9), the run, and the versions used."),
    { kind: "table", header: ["parameter", "value"], rows },
  ];
}

/** Every heading gets an id (its own, or a unique slug of its text). */
function withAnchors(blocks: readonly Block[]): Block[] {
  const used = new Set<string>();
  const visit = (b: Block): Block => {
    if (b.kind === "details") {
      used.add(b.id);
      return { ...b, blocks: b.blocks.map(visit) };
    }
    if (b.kind !== "heading") return b;
    let id = b.id ?? anchorSlug(b.text);
    for (let k = 2; used.has(id); k++) id = `${b.id ?? anchorSlug(b.text)}-${k}`;
    used.add(id);
    return { ...b, id };
  };
  return blocks.map(visit);
}

/** A table of contents on one line: the level-2 headings, linked (the answer stays on the first screen). */
function contents(blocks: readonly Block[]): Block {
  const entries: { text: string; href: string }[] = [];
  for (const b of blocks) {
    if (b.kind === "heading" && b.level === 2 && b.id)
      entries.push({ text: b.text, href: `#${b.id}` });
  }
  return { kind: "contents", entries };
}

/**
 * The report as blocks: title; contents; results at a glance (Theorem 1.1 per configuration in
 * numbers, the verdict matrix); where the text and the numbers disagree; Theorem 1.1 (one table
 * per configuration, figure); norm deflation; claims (folded per claim); Sections 3–5; Figures
 * 1–3; method notes; parameters and run.
 */
export function reportDocument(data: ReportData, figures: ReportFigures): Block[] {
  const [title, intro] = titleSection(data);
  const body = withAnchors([
    ...glanceSection(data),
    ...disagreementSection(data),
    ...theoremSection(data, figures),
    ...deflationSection(figures),
    ...claimsSection(data, figures),
    ...(data.sections35 ? sections35Blocks(data.sections35, figures.sections35) : []),
    ...(data.howLargeM ? howLargeMBlocks(data.howLargeM) : []),
    ...(data.exactSolutions ? exactChapterBlocks(data.exactSolutions, figures.exact) : []),
    ...(data.kernels ? kernelsBlocks(data.kernels, figures.kernels ?? undefined) : []),
    ...objectsSection(figures),
    ...methodSection(data),
    ...parametersSection(data),
  ]);
  return [title, intro, contents(body), ...body];
}
