/**
 * View 5: deflation and Theorem 1.1. In a worker, the library's deflationCurve (‖e^{⟨v⟩²} f_r(t)‖
 * and ‖e^{⟨v⟩²} f_b(t)‖ in L²_v H^{s0}_x on [0, T*], (1.14)–(1.15)) at the current M, then
 * theoremRow for every M of largeMGrid (4 … 256, then 10³ … 10¹² for as-in-proof), row by row:
 * initial and final distances of Theorem 1.1, the weighted norm (1.16) against 1/ln M, the
 * deflation ratio, and whether the separation is visible outside the error bars.
 */
import * as Plot from "@observablehq/plot";
import type { DeflationCurve, TheoremRow } from "../../../src/report/report-data.ts";
import { cancelJob, runJob } from "../jobs.ts";
import type { ViewState } from "../state.ts";
import { el, fmt, pm } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";
import { construction } from "./frequency.ts";

export function create(ctx: ViewContext): View {
  const progress = el("progress", { id: "theorem-progress", "aria-label": "Theorem 1.1 progress" });
  const curveBox = el("div", { class: "plot", id: "deflation-plot" });
  const rowsBox = el("div", { class: "plot", id: "theorem-plot" });
  const table = el("div", { id: "theorem-table" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Deflation of the core and Theorem 1.1"),
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
        caption: `M = ${c.M}, s = ${st.s}, s0 = ${st.s0}, cutoff ${st.cutoff}, ${st.variant}; ‖f_r(T*)‖/‖f_r(0)‖ = ${fmt(c.fr[c.fr.length - 1].value / c.fr[0].value)}`,
      }),
    );
    curveBox.dataset.complete = "true";
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
        caption: `${rows.length} values of M computed; s = ${st.s}, s0 = ${st.s0}, cutoff ${st.cutoff}, ${st.variant}`,
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
      const keys: (keyof ViewState)[] = ["M", "s", "s0", "p", "cutoff", "variant"];
      if (!keys.some((k) => changed.has(k))) return;
      rows = [];
      curveBox.dataset.complete = "false";
      rowsBox.replaceChildren();
      table.replaceChildren(el("p", {}, "computing the rows, smallest M first…"));
      runJob(
        "theorem",
        { kind: "theorem", construction: construction(st) },
        {
          progress,
          onResult: (d) => {
            const m = d as
              | { part: "curve"; curve: DeflationCurve }
              | { part: "row"; row: TheoremRow };
            if (m.part === "curve") drawCurve(m.curve, st);
            else {
              rows.push(m.row);
              drawRows(st);
            }
          },
          onError: (m) => ctx.message(m),
        },
      );
    },
    hide() {
      cancelJob("theorem");
    },
  };
}
