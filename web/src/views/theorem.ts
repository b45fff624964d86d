/**
 * View 5: deflation and Theorem 1.1. In a worker, the library's deflationCurve (‖e^{⟨v⟩²} f_r(t)‖
 * and ‖e^{⟨v⟩²} f_b(t)‖ in L²_v H^{s0}_x on [0, T*], (1.14)–(1.15)) at the current M, then
 * theoremRow for every M of largeMGrid (4 … 256, then 10³ … 10¹² for as-in-proof), row by row:
 * initial and final distances of Theorem 1.1, the weighted norm (1.16) against 1/ln M, the
 * deflation ratio, and whether the separation is visible outside the error bars. Between the two:
 * the computed exponent γ(M) = −ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M (claims/deflation-law.ts) beside the
 * closed-form γ∞ and its two-term expansion (construction/core/deflation-law.ts), and the weak and strong
 * thresholds of claims/thresholds.ts for the current construction (constants included).
 */
import * as Plot from "@observablehq/plot";
import type { DeflationLawPoint } from "../../../src/claims/deflation-law.ts";
import type { DeflationCurve, TheoremRow } from "../../../src/claims/theorem-row.ts";
import type { ThresholdResult } from "../../../src/claims/thresholds.ts";
import type { Estimate } from "../../../src/math/estimate.ts";
import { cancelJob, EXPLORER_THRESHOLD_SEARCH, runJob } from "../jobs.ts";
import type { ViewState } from "../state.ts";
import { el, fmt, pm } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";
import { constantsLabel, construction, constructionKeys } from "./frequency.ts";

type Part =
  | { part: "curve"; curve: DeflationCurve }
  | {
      part: "law";
      M: number;
      limit: Estimate;
      point: DeflationLawPoint | null;
      kernel: string;
      normalization: string;
      hardSphereLimit: Estimate;
      log10SelfExponent: number;
      selfExponentInM: number;
      criticalGamma: number;
    }
  | { part: "threshold"; result: ThresholdResult }
  | { part: "row"; row: TheoremRow }
  | { part: "row-error"; M: number; message: string };

/** An integer M written out in full (fmt would round 10 746 to 10 750). */
const intM = (M: number) => (M < 1e15 ? String(Math.round(M)) : fmt(M));

/** A threshold as the page prints it: the bracket, log10 M* ± error, or the asymptotic law's log10 log10 M*. */
function thresholdText(r: ThresholdResult): string {
  if (r.log10M !== null && r.Mhi !== null) {
    return `M* ∈ [${intM(r.Mfail ?? r.Mlo ?? r.Mhi)}, ${intM(r.Mhi)}]: log10 M* = ${pm(r.log10M, r.log10MError ?? 0)} (holds from M = ${intM(r.Mhi)}; fails beyond its error at ${r.Mfail === null ? "no M searched" : `M = ${intM(r.Mfail)}`})`;
  }
  if (r.log10Log10M !== undefined) {
    return `beyond the direct range: log10 log10 M* = ${fmt(r.log10Log10M, 5)} (asymptotic law)`;
  }
  return "not found on the range searched";
}

/** The kernels offered by the control (Remark 1.5); a vhs:γ from a link is added to them. */
const KERNEL_CHOICES = [
  "hard-sphere",
  "constant",
  "vhs:0.5",
  "vhs:0",
  "vhs:-1",
  "vhs:-1.5",
  "vhs:-2",
];

export function create(ctx: ViewContext): View {
  const kernelSel = el("select", { id: "ctl-kernel", "aria-label": "collision kernel" });
  for (const k of KERNEL_CHOICES) kernelSel.append(el("option", { value: k }, k));
  kernelSel.addEventListener("change", () => ctx.set({ kernel: kernelSel.value }));
  const progress = el("progress", { id: "theorem-progress", "aria-label": "Theorem 1.1 progress" });
  const curveBox = el("div", { class: "plot", id: "deflation-plot" });
  const rowsBox = el("div", { class: "plot", id: "theorem-plot" });
  const table = el("div", { id: "theorem-table" });
  const lawBox = el("div", { id: "deflation-law", "aria-live": "polite" });
  const thresholdBox = el("div", { id: "thresholds", "aria-live": "polite" });
  const thresholdProgress = el("progress", {
    id: "thresholds-progress",
    "aria-label": "threshold search progress",
  });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Deflation of the core and Theorem 1.1"),
    el(
      "p",
      {},
      el("label", { for: "ctl-kernel" }, "kernel of A[f_b] (Remark 1.5, docs/kernels.md): "),
      kernelSel,
    ),
    el(
      "div",
      {},
      el("h3", {}, "‖e^{⟨v⟩²} f_r(t)‖ and ‖e^{⟨v⟩²} f_b(t)‖ in L²_v H^{s0}_x, t ∈ [0, T*]"),
      curveBox,
      progress,
    ),
    el(
      "div",
      {},
      el("h3", {}, "Deflation law: computed γ(M) and the closed form γ∞"),
      lawBox,
      el("h3", {}, "Thresholds: how large M must be (claims/thresholds.ts)"),
      thresholdBox,
      thresholdProgress,
      el(
        "p",
        { class: "hint" },
        `weak: F > I; strong: F ≥ 10 I and F ≥ A/2 (I, F the initial and final distances of f_a = f_r + f_b and g_a = f_r(0), A = ‖f_a(0)‖). Explorer settings: tube quadrature cut-off ${EXPLORER_THRESHOLD_SEARCH.tubeCutoff} (relative error ~10⁻³, carried in the margins' errors) and bisection to relative width ${EXPLORER_THRESHOLD_SEARCH.relTol} (the CLI: 120 and 10⁻³).`,
      ),
    ),
    el(
      "div",
      {},
      el("h3", {}, "Theorem 1.1 quantities against M (up to 10¹² for as-in-proof)"),
      rowsBox,
      table,
    ),
  );
  let rows: TheoremRow[] = [];

  function drawCurve(c: DeflationCurve, st: ViewState): void {
    const data = c.t.flatMap((t, i) => [
      {
        t,
        y: c.fr[i].value,
        lo: c.fr[i].value - c.fr[i].error,
        hi: c.fr[i].value + c.fr[i].error,
        what: "‖f_r(t)‖",
      },
      {
        t,
        y: c.fb[i].value,
        lo: c.fb[i].value - c.fb[i].error,
        hi: c.fb[i].value + c.fb[i].error,
        what: "‖f_b(t)‖",
      },
    ]);
    curveBox.replaceChildren(
      Plot.plot({
        width: 520,
        height: 300,
        marginLeft: 70,
        x: { label: "t" },
        y: { label: "weighted L²_v H^{s0}_x norm", type: "log", grid: true },
        color: { legend: true, domain: ["‖f_r(t)‖", "‖f_b(t)‖"], range: ["#c0392b", "#0b4f9c"] },
        marks: [
          Plot.ruleX(data, { x: "t", y1: "lo", y2: "hi", stroke: "what" }),
          Plot.line(data, { x: "t", y: "y", stroke: "what", marker: "dot" }),
          Plot.ruleX([st.t], { stroke: "#555", strokeDasharray: "4 3" }),
        ],
        caption: `M = ${c.M}, s = ${st.s}, s0 = ${st.s0}, cutoff ${st.cutoff}, ${st.variant}, constants ${constantsLabel(st)}, kernel ${st.kernel}; ‖f_r(T*)‖/‖f_r(0)‖ = ${fmt(c.fr[c.fr.length - 1].value / c.fr[0].value)}`,
      }),
    );
    curveBox.dataset.complete = "true";
  }

  function drawLaw(m: Extract<Part, { part: "law" }>): void {
    const strong = (g: number) => (Math.log(Math.log(2) / g) - Math.log(Math.LN10)) / Math.LN10;
    const items = [
      el("dt", {}, `kernel ${m.kernel}`),
      el("dd", { id: "kernel-normalization", "data-kernel": m.kernel }, m.normalization),
      el(
        "dt",
        {},
        "γ∞ = c_T c_b Ω 2π ℓ σ μ_γ/(α c²) (closed form; hard spheres: 4π² ℓ σ c_T c_b/(α c²))",
      ),
      el(
        "dd",
        { id: "gamma-limit", "data-value": String(m.limit.value) },
        pm(m.limit.value, m.limit.error),
      ),
      el(
        "dt",
        {},
        "against hard spheres: γ∞ ratio; strong threshold log10 log10 M* = (ln(ln 2/γ∞) − ln ln 10)/ln 10",
      ),
      el(
        "dd",
        {
          id: "kernel-vs-hard-sphere",
          "data-ratio": String(m.limit.value / m.hardSphereLimit.value),
        },
        `${fmt(m.limit.value / m.hardSphereLimit.value, 6)} × hard-sphere; strong M* = 10^(10^${fmt(strong(m.limit.value), 5)}) vs 10^(10^${fmt(strong(m.hardSphereLimit.value), 5)})`,
      ),
      el("dt", {}, `the core's own collisions: log10(T*·A[f_r(0)](0,0,0)) at M = ${m.M}`),
      el(
        "dd",
        { id: "core-self", "data-value": String(m.log10SelfExponent) },
        `${fmt(m.log10SelfExponent, 4)}; ∝ M^${fmt(m.selfExponentInM, 4)}: ${m.selfExponentInM < 0 ? "decays (the neglected Q⁻(f_r, f_r) is negligible)" : `does NOT decay — below γ_c = ${fmt(m.criticalGamma, 4)} the core's self-collisions outgrow the beam's and f_r is no longer an approximate solution`}`,
      ),
    ];
    if (m.point) {
      const p = m.point;
      items.push(
        el("dt", {}, `γ(M) computed at M = ${m.M}: −ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M`),
        el(
          "dd",
          { id: "gamma-computed", "data-value": String(p.gamma.value) },
          pm(p.gamma.value, p.gamma.error),
        ),
        el("dt", {}, "two-term law γ∞(1 + 1/M)(1 + κ₂T*² + κ_ρρ²)"),
        el(
          "dd",
          {},
          `${fmt(p.expansion.twoTerm, 6)} (γ∞'s stated error at this M: ±${fmt(p.expansion.limitError, 2)})`,
        ),
        el("dt", {}, "deflation ‖f_r(T*)‖/‖f_r(0)‖ computed vs (ln M)^{−γ∞}"),
        el(
          "dd",
          {},
          `${pm(p.deflation.value, p.deflation.error)} vs ${fmt(Math.exp(-m.limit.value * Math.log(Math.log(m.M))), 6)}`,
        ),
      );
    } else {
      items.push(el("dt", {}, "γ(M)"), el("dd", {}, "needs M ≥ 3 (ln ln M > 0)"));
    }
    lawBox.replaceChildren(el("dl", {}, ...items));
  }

  function drawThreshold(r: ThresholdResult): void {
    const p = el(
      "p",
      {
        id: `threshold-${r.criterion}`,
        "data-mlo": String(r.Mlo),
        "data-mhi": String(r.Mhi),
        "data-mfail": String(r.Mfail),
        "data-log10m": String(r.log10M),
        "data-log10log10m": String(r.log10Log10M ?? null),
      },
      el("strong", {}, `${r.criterion}: `),
      thresholdText(r),
    );
    p.title = r.method;
    thresholdBox.append(p);
    thresholdBox.dataset.count = String(thresholdBox.children.length);
  }

  function drawRows(st: ViewState): void {
    const series: [keyof TheoremRow, string][] = [
      ["initialDistance", "initial distance"],
      ["finalDistance", "final distance"],
      ["weightedFinalNorm", "weighted norm (1.16)"],
      ["invLnM", "1/ln M"],
      ["deflation", "‖f_r(T*)‖/‖f_r(0)‖"],
    ];
    const data = rows.flatMap((r) =>
      series.map(([k, what]) => {
        const e = r[k] as { value: number; error: number };
        return {
          M: r.M,
          y: e.value,
          lo: Math.max(e.value - e.error, e.value * 1e-3),
          hi: e.value + e.error,
          what,
        };
      }),
    );
    rowsBox.replaceChildren(
      Plot.plot({
        width: 560,
        height: 320,
        marginLeft: 70,
        x: { label: "M", type: "log" },
        y: { label: "value", type: "log", grid: true },
        color: { legend: true },
        marks: [
          Plot.ruleX(data, { x: "M", y1: "lo", y2: "hi", stroke: "what" }),
          Plot.line(data, { x: "M", y: "y", stroke: "what", marker: "dot" }),
        ],
        caption: `${rows.length} values of M computed; s = ${st.s}, s0 = ${st.s0}, cutoff ${st.cutoff}, ${st.variant}, constants ${constantsLabel(st)}`,
      }),
    );
    const t = el("table", {}, el("caption", {}, "Theorem 1.1 rows (value ± error)"));
    t.append(
      el(
        "tr",
        {},
        ...[
          "M",
          "T*",
          "initial distance",
          "final distance",
          "(1.16) vs 1/ln M",
          "deflation",
          "separated",
        ].map((h) => el("th", { scope: "col" }, h)),
      ),
    );
    for (const r of rows) {
      t.append(
        el(
          "tr",
          {},
          el("td", {}, fmt(r.M)),
          el("td", {}, fmt(r.Tstar.value)),
          el("td", {}, pm(r.initialDistance.value, r.initialDistance.error)),
          el("td", {}, pm(r.finalDistance.value, r.finalDistance.error)),
          el(
            "td",
            {},
            `${pm(r.weightedFinalNorm.value, r.weightedFinalNorm.error)} vs ${fmt(r.invLnM.value)}`,
          ),
          el("td", {}, pm(r.deflation.value, r.deflation.error)),
          el("td", {}, r.separated === undefined ? "—" : r.separated ? "yes" : "no"),
        ),
      );
    }
    table.replaceChildren(t);
    table.dataset.rows = String(rows.length);
  }

  return {
    root,
    update(st, changed) {
      if (![...kernelSel.options].some((o) => o.value === st.kernel))
        kernelSel.append(el("option", { value: st.kernel }, st.kernel));
      kernelSel.value = st.kernel;
      if (!constructionKeys().some((k) => changed.has(k))) return;
      rows = [];
      lawBox.replaceChildren(el("p", {}, "waiting for the deflation curve…"));
      thresholdBox.replaceChildren();
      thresholdBox.dataset.count = "0";
      curveBox.dataset.complete = "false";
      rowsBox.replaceChildren();
      table.replaceChildren(el("p", {}, "computing the rows, smallest M first…"));
      runJob(
        "theorem",
        { kind: "theorem", construction: construction(st) },
        {
          progress,
          onResult: (d) => {
            const m = d as Part;
            if (m.part === "curve") drawCurve(m.curve, st);
            else if (m.part === "law") drawLaw(m);
            else if (m.part === "row-error") {
              table.append(el("p", {}, `Rows stop at M = ${fmt(m.M)}: ${m.message}`));
            } else if (m.part === "row") {
              rows.push(m.row);
              drawRows(st);
            }
          },
          onError: (m) => ctx.message(m),
        },
      );
      // the thresholds in a second worker, beside the curve and the rows (as-written: ~1 min)
      thresholdBox.replaceChildren(el("p", {}, "searching the thresholds…"));
      runJob(
        "thresholds",
        { kind: "thresholds", construction: construction(st) },
        {
          progress: thresholdProgress,
          onResult: (d) => {
            const m = d as Extract<Part, { part: "threshold" }>;
            if (m.result.criterion === "weak") thresholdBox.replaceChildren();
            drawThreshold(m.result);
          },
          onError: (m) => ctx.message(m),
        },
      );
    },
    hide() {
      cancelJob("theorem");
      cancelJob("thresholds");
    },
  };
}
