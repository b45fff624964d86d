import type { ClosureScenario, MeasuredBootstrapRow } from "../claims/bootstrap-measured.ts";
import { entryCount } from "../claims/bootstrap-measured.ts";
import type { ClaimResult, Measurement } from "../claims/claim-result.ts";
import type { ErrorTableEntry } from "../claims/error-table/error-table.ts";
import { logFactorValue } from "../claims/error-table/error-term.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { estimate } from "../math/estimate.ts";
import { scalingFigure } from "./figures/scaling-figure.ts";
import { formatM, formatNumber } from "./number-format.ts";
import type { Block, ReportFigure } from "./report-block.ts";
import { type Cell, estimateCell, numberCell, verdictCell } from "./table.ts";

/**
 * The report's Sections 3–5 chapter: the Section 4 error table (term × Z-norm part across M, read
 * from `boltzlab errors` output) with its log–log plots, and Proposition 5.1 with the measured
 * constants (partition, (5.8), Z_a, E, does (5.7) close, from which M on); and the same for the
 * second solution g_a ≡ f_r(0) of (5.2): its G_err table (5.12) and the bootstrap of g_c (5.4)
 * beside f_c's. The Z-norm claims of
 * Lemma 4.2 and Proposition 3.1 are in the claims table with the others.
 */
export interface ErrorTableSection {
  /** "g": the G_err table (5.12) of g_a ≡ f_r(0); absent: the F_err table (Section 4). */
  readonly solution?: "g";
  readonly cutoff: string;
  readonly variant: Variant;
  readonly Ms: readonly number[];
  readonly entries: readonly ErrorTableEntry[];
  readonly files: readonly string[];
}

export interface BootstrapSection {
  /** "g": the bootstrap of g_c (5.4) with Z_a = ‖e^{⟨v⟩²}f_r(0)‖_Z (5.11); absent: f_c (5.3). */
  readonly solution?: "g";
  readonly cutoff: string;
  readonly variant: Variant;
  readonly constant: number;
  readonly target: number;
  readonly rows: readonly MeasuredBootstrapRow[];
  readonly closure: readonly Pick<ClosureScenario, "name" | "search">[];
}

export interface Sections35Data {
  readonly errorTables: readonly ErrorTableSection[];
  readonly bootstrap: readonly BootstrapSection[];
  /** Why a part is absent (e.g. no error-table file), shown in the report. */
  readonly notes: readonly string[];
}

/** An error-table entry as a ClaimResult, so that the claims' scaling plot can draw it. */
export function entryAsClaim(e: ErrorTableEntry): ClaimResult {
  const alpha = e.paperExponent ?? undefined;
  const measurements: Measurement[] = e.values.map((v) => ({
    M: v.M,
    value: estimate(
      v.sup.value,
      v.sup.error,
      v.sup.lowerBound ? "sampled-sup" : "derived",
      v.sup.method,
      {
        lowerBound: v.sup.lowerBound === true,
      },
    ),
    prediction:
      alpha === undefined ? null : v.M ** alpha * logFactorValue(e.paperLogFactor ?? "none", v.M),
    ...(v.sup.upperBound !== undefined ? { where: { upperBound: v.sup.upperBound } } : {}),
  }));
  return {
    id: `${e.term} ${e.norm}`,
    title: "error term",
    statement: `${e.normLabel} of e^{⟨v⟩²}∫ e^{−(t−τ)v·∇x} ${e.term} dτ ≲ ${e.paperText ?? "?"}`,
    cutoff: e.cutoff,
    variant: e.variant,
    verdict: e.verdict === "not measured" ? "inconclusive" : e.verdict,
    reason: e.reason,
    measurements,
    ...(alpha !== undefined ? { paperExponent: alpha } : {}),
    ...(e.fittedExponent
      ? {
          fit: {
            exponent: e.fittedExponent.value,
            exponentError: e.fittedExponent.error,
            prefactor: Number.NaN,
            localSlopes: e.fittedExponent.localSlopes,
            n: e.fittedExponent.n,
          },
        }
      : {}),
    method: "error table (src/claims/error-table/)",
  };
}

/** One log–log plot per measured entry with at least two M. */
export function sections35Figures(data: Sections35Data): ReportFigure[] {
  const out: ReportFigure[] = [];
  for (const t of data.errorTables) {
    for (const e of t.entries) {
      if (e.values.length < 2) continue;
      out.push({
        name: `errors-${slugPart(e.term)}-${e.norm}-${t.cutoff}-${t.variant}`,
        caption: `Error term ${e.term}, part ${e.normLabel} [${t.cutoff}, ${t.variant}]: largest value over the window grid against M; paper ${e.paperText ?? "—"}. ${e.verdict}.`,
        svg: scalingFigure(entryAsClaim(e), {
          yLabel: `${e.normLabel} part of the Z-norm, max over windows`,
        }),
      });
    }
  }
  return out;
}

function slugPart(s: string): string {
  return s
    .replace(/\+/g, "plus")
    .replace(/-/g, "minus")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function valueCell(e: ErrorTableEntry, M: number): Cell {
  const v = e.values.find((x) => x.M === M);
  if (!v) return "—";
  const lb = v.sup.lowerBound ? "≥ " : "";
  const ub =
    v.sup.lowerBound && v.sup.upperBound !== undefined
      ? ` (≤ ${formatNumber(v.sup.upperBound, 3)})`
      : "";
  return `${lb}${formatNumber(v.sup.value, 4)} ± ${formatNumber(v.sup.error, 2)}${ub}`;
}

/** The first ln M that closure scan of src/claims/proposition-5-1.ts starts at (M = 3). */
const FIRST_SCANNED_LN_M = Math.log(3);

/**
 * What the extrapolated bootstrap says: "n/a" without any error-table entry; "closes already at
 * M = 3, the smallest M scanned" when it closes at the start of the scan; otherwise from which M
 * (10^k) it closes, or that it does not up to the end of the scan.
 */
export function closureText(
  c: Pick<ClosureScenario, "name" | "search">,
  target: number,
  noEntries: boolean,
): string {
  const head = `Extrapolated with the ${c.name}`;
  if (noEntries) return `${head}: n/a — no error-table entry was found, so E is unknown.`;
  const lnM = c.search.lnM;
  if (lnM === null) {
    return `${head}: does not close (final bound < ${target}) for ln M ≤ ${formatNumber(c.search.scannedTo, 3)}, the end of the scan.`;
  }
  if (lnM <= FIRST_SCANNED_LN_M * (1 + 1e-12)) {
    return `${head}: closes (final bound < ${target}) already at M = 3, the smallest M scanned (the scan stops at the first M where it closes).`;
  }
  return `${head}: closes (final bound < ${target}) from ln M ≈ ${formatNumber(lnM, 4)} on the scan, i.e. M ≈ 10^${formatNumber(lnM / Math.LN10, 4)}.`;
}

/** The chapter's blocks (report-document.ts renders them). */
export function sections35Blocks(data: Sections35Data, figures: readonly ReportFigure[]): Block[] {
  const out: Block[] = [
    { kind: "heading", level: 2, text: "Sections 3–5: error table and bootstrap" },
  ];
  out.push({
    kind: "paragraph",
    text: "Section 4: each term of F_err (4.1) in each part of the Z-norm (3.3), prefactor × ‖e^{⟨v⟩²} ∫_{t0}^{t} e^{−(t−τ)v·∇x} F(τ) dτ‖, the largest value over the window grid 0 ≤ t0 < t ≤ T*; fitted exponent (the paper's log factor divided out) against the exponent the paper's proof gives. ≥ marks a sampled supremum (a lower bound), with its rigorous upper bound in parentheses where one is known. The Z-norm bounds of Lemma 4.2 and the ratios of Proposition 3.1 are in the claims table above.",
  });
  for (const note of data.notes) out.push({ kind: "paragraph", text: note });
  for (const t of data.errorTables) {
    out.push({
      kind: "heading",
      level: 3,
      text:
        t.solution === "g"
          ? `G_err table (5.12), second solution g_a = f_r(0) — ${t.cutoff}, ${t.variant} (from ${t.files.join(", ")})`
          : `Error table — ${t.cutoff}, ${t.variant} (from ${t.files.join(", ")})`,
    });
    if (t.solution === "g") {
      out.push({
        kind: "paragraph",
        text: "G_err = v·∇x f_r(0) + Q⁻(f_r(0), f_r(0)) − Q⁺(f_r(0), f_r(0)) of the stationary g_a ≡ f_r(0) (5.2), each term in each Z-norm part: v·∇x f_r(0) by its exact Duhamel integral f_r(0)(x) − f_r(0)(x − (t−t0)v), Q∓(f_r(0), f_r(0)) separable (Λ(0) = 0); every value is a rigorous bracket (midpoint ± half-width). The paper's (5.12) states ≲ M^{−δ}; the column gives the chains of Lemmas 4.3–4.4 repeated with f_r(0).",
      });
    }
    out.push({
      kind: "table",
      header: [
        "term",
        "part",
        ...t.Ms.map((M) => `M = ${M}`),
        "fitted exponent",
        "paper",
        "verdict",
      ],
      rows: t.entries.map((e): Cell[] => [
        e.term,
        e.norm,
        ...t.Ms.map((M) => valueCell(e, M)),
        e.fittedExponent
          ? `${e.fittedExponent.value.toFixed(2)} ± ${e.fittedExponent.error.toFixed(2)}`
          : "—",
        e.paperText ?? "—",
        e.verdict === "not measured" ? "not measured" : verdictCell(e.verdict),
      ]),
    });
  }
  for (const b of data.bootstrap) {
    const g = b.solution === "g";
    const count = entryCount(g ? "g" : "f");
    out.push({
      kind: "heading",
      level: 3,
      text: g
        ? `Proposition 5.1 for g_c (5.4), g_a = f_r(0), with measured constants — ${b.cutoff}, ${b.variant}`
        : `Proposition 5.1 with measured constants — ${b.cutoff}, ${b.variant}`,
    });
    out.push({
      kind: "paragraph",
      text: g
        ? `The same iteration for g_c ("the same iterative argument"): Z_a = ‖e^{⟨v⟩²} g_a‖_Z = ‖e^{⟨v⟩²} f_r(0)‖_Z (5.11); E = Σ of the ${count} G_err entries at M (5.12); C = ${b.constant}.`
        : `Partition T_j = j M^{s−1}/√(ln M), n = √(ln M) ln ln M (⌈n⌉ intervals used); coefficient (5.8) c = (|I_j|/κ)^{1/2}; Z_a = sup_t ‖e^{⟨v⟩²} f_a‖_Z (Lemma 4.2); E = Σ of the ${count} entries above at M. The iteration of (5.7) X ≤ X_j + C c Z_a X + C c X² + E is followed exactly (smaller root on each interval) with C = ${b.constant}; "closes" means every interval admits the root. The paper's cruder (2^{n+1} − 1)·2CE is shown beside it.`,
    });
    out.push({
      kind: "table",
      header: [
        "M",
        "n → intervals",
        "|I_j|",
        "(5.8) c",
        "implied const. of (5.8)",
        "Z_a",
        "E (entries)",
        "C c Z_a",
        "closes",
        g ? "final ‖g_c‖_Z" : "final ‖f_c‖_Z",
        "paper's bound",
      ],
      rows: b.rows.map((r): Cell[] => {
        // no error-table entry at this M: E is unknown, not 0, and closing means nothing
        const none = r.errorBound.entries === 0;
        return [
          formatM(r.M),
          `${numberCell(r.partition.n, 3)} → ${r.partition.intervals}`,
          numberCell(r.partition.length, 4),
          numberCell(r.coefficient.value, 4),
          numberCell(r.coefficient.impliedConstant, 3),
          estimateCell(r.zNormFa),
          none
            ? `n/a (0/${count} entries)`
            : `${formatNumber(r.errorBound.value, 4)} (${r.errorBound.entries}/${count}${r.errorBound.rigorous ? "" : ", lower bounds"})`,
          numberCell(r.result.absorption, 3),
          none ? "n/a" : r.result.closes ? "yes" : `no (interval ${r.result.failsAt})`,
          none ? "n/a" : formatNumber(r.result.finalBound, 4),
          none ? "n/a" : formatNumber(r.result.paperFinalBound, 4),
        ];
      }),
    });
    out.push({
      kind: "list",
      items: [
        ...b.closure.map((c) =>
          closureText(
            c,
            b.target,
            b.rows.every((r) => r.errorBound.entries === 0),
          ),
        ),
        ...(b.rows.some((r) => r.errorBound.entries < count)
          ? [
              "E is incomplete at some M (entries missing or not measured): closing there is optimistic.",
            ]
          : []),
      ],
    });
  }
  for (const f of figures) out.push({ kind: "figure", figure: f });
  return out;
}
