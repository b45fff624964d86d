/**
 * View 6: the claims of a report (report.json written by `boltzlab report` / `npm start`): the
 * verdict matrix (claim × cutoff/variant), filterable by claim, cutoff and variant; a cell opens the
 * claim's evidence (statement, reason, measurements with errors, fit) and its scaling plot. The
 * report is fetched from report/report.json next to the site when served by `boltzlab explore`,
 * or opened by the user.
 */
import * as Plot from "@observablehq/plot";
import type { ClaimResult } from "../../../src/claims/claim-result.ts";
import { reportFromJson } from "../../../src/report/report-json.ts";
import { el, fmt, pm } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

export function create(ctx: ViewContext): View {
  const file = el("input", { type: "file", id: "claims-file", accept: ".json,application/json" });
  const filterText = el("input", { id: "claims-filter", placeholder: "e.g. 2.1" });
  const cutoffSel = el("select", { id: "claims-cutoff" });
  const variantSel = el("select", { id: "claims-variant" });
  const status = el(
    "p",
    { id: "claims-status", "aria-live": "polite" },
    "Looking for report/report.json …",
  );
  const matrix = el("div", { id: "claims-matrix" });
  const evidence = el("div", { id: "claims-evidence", class: "info", "aria-live": "polite" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Claims: verdict matrix of a report"),
    el(
      "div",
      {},
      el("div", { class: "row" }, el("label", { for: "claims-file" }, "open a report.json"), file),
      el(
        "div",
        { class: "row" },
        el("label", { for: "claims-filter" }, "claim"),
        filterText,
        el("label", { for: "claims-cutoff" }, "cutoff"),
        cutoffSel,
        el("label", { for: "claims-variant" }, "variant"),
        variantSel,
      ),
      status,
      matrix,
    ),
    evidence,
  );
  let claims: ClaimResult[] = [];

  function options(sel: HTMLSelectElement, values: string[]): void {
    sel.replaceChildren(
      el("option", { value: "" }, "all"),
      ...values.map((v) => el("option", { value: v }, v)),
    );
  }

  function load(text: string, from: string): void {
    try {
      const data = reportFromJson(text) as unknown as { claims?: ClaimResult[] };
      if (!Array.isArray(data.claims)) throw new Error("report.json has no claims array");
      claims = data.claims;
      options(cutoffSel, [...new Set(claims.map((c) => c.cutoff))]);
      options(variantSel, [...new Set(claims.map((c) => c.variant))]);
      status.textContent = `${claims.length} claim results from ${from}.`;
      draw();
    } catch (err) {
      ctx.message(`could not read the report: ${(err as Error).message}`);
    }
  }

  function draw(): void {
    const q = filterText.value.trim().toLowerCase();
    const shown = claims.filter(
      (c) =>
        (!q || c.id.toLowerCase().includes(q) || c.title.toLowerCase().includes(q)) &&
        (!cutoffSel.value || c.cutoff === cutoffSel.value) &&
        (!variantSel.value || c.variant === variantSel.value),
    );
    const cols = [...new Set(shown.map((c) => `${c.cutoff} / ${c.variant}`))];
    const ids = [...new Set(shown.map((c) => c.id))];
    const t = el(
      "table",
      { id: "claims-table" },
      el(
        "caption",
        {},
        "verdict per claim (rows) and cutoff / variant (columns); select a verdict for its evidence",
      ),
    );
    t.append(
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "claim"),
        ...cols.map((c) => el("th", { scope: "col" }, c)),
      ),
    );
    for (const id of ids) {
      const first = shown.find((c) => c.id === id);
      const tr = el("tr", {}, el("th", { scope: "row" }, `${id} — ${first?.title ?? ""}`));
      for (const col of cols) {
        const c = shown.find((x) => x.id === id && `${x.cutoff} / ${x.variant}` === col);
        if (!c) {
          tr.append(el("td", {}, "—"));
          continue;
        }
        const b = el("button", { type: "button" }, c.verdict);
        b.addEventListener("click", () => showEvidence(c));
        tr.append(el("td", { class: `verdict-${c.verdict}` }, b));
      }
      t.append(tr);
    }
    matrix.replaceChildren(t);
    matrix.dataset.rows = String(ids.length);
  }

  function showEvidence(c: ClaimResult): void {
    const data = c.measurements.map((m) => ({
      M: m.M,
      y: m.value.value,
      lo: m.value.value - m.value.error,
      hi: m.value.value + m.value.error,
      prediction: m.prediction,
    }));
    const positive = data.every((d) => d.y > 0);
    const t = el(
      "table",
      {},
      el("tr", {}, ...["M", "measured", "prediction"].map((h) => el("th", { scope: "col" }, h))),
    );
    for (const m of c.measurements) {
      t.append(
        el(
          "tr",
          {},
          el("td", {}, fmt(m.M)),
          el("td", {}, pm(m.value.value, m.value.error)),
          el("td", {}, m.prediction === null ? "—" : fmt(m.prediction)),
        ),
      );
    }
    evidence.replaceChildren(
      el("h3", {}, `${c.id}: ${c.title}`),
      el("p", {}, c.statement),
      el("p", {}, el("strong", {}, `${c.verdict}: `), c.reason),
      el("p", { class: "hint" }, `cutoff ${c.cutoff}, variant ${c.variant}; ${c.method}`),
      c.fit
        ? el(
            "p",
            {},
            `fitted exponent ${pm(c.fit.exponent, c.fit.exponentError)}${c.paperExponent !== undefined ? ` (paper: ${c.paperExponent})` : ""}`,
          )
        : "",
      data.length
        ? Plot.plot({
            width: 480,
            height: 260,
            marginLeft: 70,
            x: { label: c.variable === "lnM" ? "M (log scale)" : "M", type: "log" },
            y: { label: "measured value", type: positive ? "log" : "linear", grid: true },
            marks: [
              Plot.ruleX(data, { x: "M", y1: "lo", y2: "hi" }),
              Plot.dot(data, { x: "M", y: "y", fill: "#0b4f9c" }),
              Plot.line(
                data.filter((d) => d.prediction !== null),
                { x: "M", y: "prediction", stroke: "#c0392b", strokeDasharray: "4 3" },
              ),
            ],
            caption: "dots: measurements ± error; dashed: the paper's prediction where it has one",
          })
        : "",
      t,
    );
  }

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (f) load(await f.text(), f.name);
  });
  for (const c of [filterText, cutoffSel, variantSel]) c.addEventListener("input", draw);

  let fetched = false;
  return {
    root,
    update() {
      if (fetched) return;
      fetched = true;
      fetch("report/report.json")
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((text) => load(text, "report/report.json"))
        .catch(() => {
          status.textContent =
            "No report/report.json is served here: run `npm start` (or `boltzlab report`) and `boltzlab explore`, or open a report.json above.";
        });
    },
  };
}
