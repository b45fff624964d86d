import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseJobFile } from "../../src/claims/error-table/job-records.ts";
import { measuredProposition31Constant } from "../../src/claims/exact-thresholds.ts";
import { makeConstants } from "../../src/construction/parameters/parameters.ts";
import {
  exactBootstrapBound,
  exactCorrectionModel,
  exactResultFromText,
  exactResultRow,
  transportedSourceBound,
  weightedFinalUnderSourceBound,
} from "../../src/report/exact-result.ts";
import { exactChapterBlocks, exactFigures } from "../../src/report/exact-solutions.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";
import { reportDocument } from "../../src/report/report-document.ts";
import { reportFigures } from "../../src/report/report-figures.ts";
import {
  checkExactConfig,
  type ExactRunConfig,
  mergeExact,
  runExactReplica,
} from "../../src/solvers/particles/paper-backgrounds/exact-run.ts";
import { syntheticReportData } from "./fixtures.ts";

/**
 * A cheap `exact` run written by the library (M = 4, f and g, 3 replicas of 3000 source proposals,
 * one output interval): the JSON Lines the command appends, read back into the report chapter.
 * The error-table fixture holds the M = 4 records of a `boltzlab errors --M 4,8 --solution both` run
 * (paper construction, s = 0.8, s0 = 0.5, bump, as-in-proof) with method texts and per-window
 * records dropped (the bootstrap reads `full` and `sup`).
 */
const base = {
  M: 4,
  s: 0.8,
  s0: 0.5,
  p: 10,
  cutoff: "bump",
  variant: "as-in-proof",
  constants: {},
  construction: "paper",
  proposals: 3000,
  samples: 1,
  stepsPerSample: 2,
  seed: 1,
  relTol: 1e-4,
  quadratic: "simulate",
  nmax: 2,
} as const;

function exactJsonl(): string {
  const lines: string[] = [];
  for (const solution of ["f", "g"] as const) {
    const config: ExactRunConfig = checkExactConfig({ ...base, solution });
    const key = JSON.stringify(config);
    for (let r = 0; r < 3; r++)
      lines.push(JSON.stringify({ config: key, record: runExactReplica(config, r) }));
  }
  return `${lines.join("\n")}\n`;
}

const fixture = join(import.meta.dirname, "fixtures/errors-m4.jsonl");
const errorRecords = parseJobFile(readFileSync(fixture, "utf8"), fixture, "rule").records;

test("exact chapter: answer line first, one table row per M, bootstrap column with and without an error table", () => {
  const text = exactJsonl();
  const result = exactResultFromText(text, "exact.jsonl");
  assert.equal(result.rows.length, 1);
  const row = result.rows[0];
  assert.equal(row.M, 4);
  assert.ok(row.f && row.g, "both corrections merged");
  assert.equal(row.f.replicas, 3);

  // without an error table
  const none = {
    ...result,
    rows: result.rows.map((r) => ({
      ...r,
      bootstrap: exactBootstrapBound(null, r.M, "no error table (test)"),
    })),
  };
  const blocksNone = exactChapterBlocks(none, []);
  assert.equal(blocksNone[0].kind, "heading");
  const answer = blocksNone[1];
  assert.equal(answer.kind, "paragraph");
  if (answer.kind !== "paragraph") return;
  // the plain answer: the theorem's verdict at M = 4, decided here from the distances themselves
  const th = row.theorem;
  const lb = th.finalLowerBoundConservative;
  const separates = lb !== null && lb > th.initialDistance.value + th.initialDistance.error;
  assert.match(answer.text, new RegExp(`M = 4: ${separates ? "separates" : "inconclusive"}`));
  const table = blocksNone.find((b) => b.kind === "table");
  assert.ok(table && table.kind === "table");
  assert.equal(table.rows.length, 1);
  assert.equal(table.rows[0][0], "4");
  const fUpper = table.header.indexOf("‖f_c(T*)‖ ≤ (bootstrap)");
  const gUpper = table.header.indexOf("‖g_c(T*)‖ ≤ (bootstrap)");
  assert.ok(fUpper > 0 && gUpper > 0);
  assert.equal(table.rows[0][fUpper], "no error table");
  assert.equal(table.rows[0][gUpper], "no error table");
  const md = renderMarkdown(blocksNone);
  assert.match(md, /\| 4 \|/);
  assert.match(md, /Bootstrap upper bounds: no error table \(test\)/);

  // with the error table: numbers, C named, and each upper bound above the particles' lower bound
  const config = JSON.parse(text.split("\n")[0]).config;
  const constant = measuredProposition31Constant(0.8, 0.5);
  const model = exactCorrectionModel(errorRecords, JSON.parse(config), constant);
  assert.ok(model, "the M = 4 records make a complete table");
  const withTable = {
    ...result,
    rows: result.rows.map((r) => ({ ...r, bootstrap: exactBootstrapBound(model, r.M, "unused") })),
  };
  const blocks = exactChapterBlocks(withTable, exactFigures(withTable));
  const t2 = blocks.find((b) => b.kind === "table");
  assert.ok(t2 && t2.kind === "table");
  const lowerF = t2.header.indexOf("‖f_c(T*)‖ ≥ (particles)");
  const lowerG = t2.header.indexOf("‖g_c(T*)‖ ≥ (particles)");
  for (const [lo, up] of [
    [lowerF, fUpper],
    [lowerG, gUpper],
  ]) {
    const upper = Number(t2.rows[0][up]);
    assert.ok(Number.isFinite(upper) && upper > 0, `upper bound ${t2.rows[0][up]}`);
    const lower = Number(t2.rows[0][lo]);
    if (Number.isFinite(lower)) assert.ok(lower <= upper, `lower ${lower} ≤ upper ${upper}`);
  }
  // the weighted norms of (5.5)/(5.6) in a second table: one row per M, lower bounds or inconclusive
  const tables = blocks.filter((b) => b.kind === "table");
  assert.equal(tables.length, 2);
  const wt = tables[1];
  assert.ok(wt.kind === "table");
  assert.ok(
    wt.header.some((h) => h.includes("(5.5)")) && wt.header.some((h) => h.includes("(5.6)")),
  );
  assert.equal(wt.rows.length, 1);
  for (const c of wt.rows[0].slice(1, 5))
    assert.match(String(c), /^(\d\.\d\de[-+]\d+|inconclusive)$/);
  // Theorem 1.1's weighted distances: ω = e^{⟨v⟩²} ≥ e, and on the bumps (|v| > 0.9) ≥ e^{1.81}
  const wInit = Number(wt.rows[0][5]);
  const plainInit = Number(t2.rows[0][1]);
  assert.ok(wInit >= Math.exp(1.81) * plainInit * 0.99, `${wInit} vs e^{1.81}·${plainInit}`);
  const wFinal = Number(String(wt.rows[0][6]).split(" ± ")[0]);
  const plainFinal = Number(String(t2.rows[0][3]).split(" ± ")[0]);
  assert.ok(wFinal >= Math.E * plainFinal * 0.99 && wFinal <= wInit, `${wFinal}`);
  // g_c lives in |v| < 1/N, where e^{⟨v⟩²} = e(1 + O(N⁻²)): its weighted lower bound, when there is
  // one, is at least the unweighted one at T* (the sup over t is at least the value at T*)
  const gW = Number(wt.rows[0][3]);
  const gPlain = Number(t2.rows[0][lowerG]);
  if (Number.isFinite(gW) && Number.isFinite(gPlain)) assert.ok(gW >= gPlain, `${gW} vs ${gPlain}`);
  const note = renderMarkdown(blocks);
  assert.match(note, new RegExp(`C = ${constant.value} assumed`));
  assert.equal(blocks.filter((b) => b.kind === "figure").length, 2);
});

test("exact chapter: placed after “How large must M be” in the report, its figures written with the others", () => {
  const result = exactResultFromText(exactJsonl());
  const exactSolutions = {
    ...result,
    rows: result.rows.map((r) => ({ ...r, bootstrap: exactBootstrapBound(null, r.M, "none") })),
  };
  // an empty "How large must M be" chapter (no constructions): only its place matters here
  const howLargeM = {
    options: { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" as const },
    constructions: [],
  };
  const data = { ...syntheticReportData(), howLargeM, exactSolutions };
  const figures = reportFigures(data);
  assert.deepEqual(
    figures.exact.map((f) => f.name),
    ["exact-corrections", "exact-distances"],
  );
  const blocks = reportDocument(data, figures);
  const headings = blocks.filter((b) => b.kind === "heading" && b.level === 2);
  const names = headings.map((h) => (h.kind === "heading" ? h.text : ""));
  const at = names.findIndex((n) => n.startsWith("Exact solutions"));
  assert.ok(at >= 0, names.join(" | "));
  assert.equal(names[at - 1], "How large must M be");
  assert.equal(names[at + 1], "Section 2 objects: Figures 1–3");
  const without = reportDocument(syntheticReportData(), reportFigures(syntheticReportData()));
  assert.ok(!without.some((b) => b.kind === "heading" && b.text.startsWith("Exact solutions")));
});

test("exact records: a file mixing constructions or without records is refused by rule", () => {
  assert.throws(
    () => exactResultFromText("\n"),
    /--exact must be a boltzlab exact JSON Lines file/,
  );
  const a = JSON.parse(exactJsonl().split("\n")[0]);
  const other = { ...JSON.parse(a.config), seed: 2 };
  const mixed = `${JSON.stringify(a)}\n${JSON.stringify({ config: JSON.stringify(other), record: a.record })}\n`;
  assert.throws(() => exactResultFromText(mixed), /mixes constructions/);
});

test("transported-source upper bounds: above the particles' lower bounds, null without records for the M", () => {
  for (const solution of ["f", "g"] as const) {
    const config = checkExactConfig({ ...base, solution });
    const merged = mergeExact([0, 1, 2].map((r) => runExactReplica(config, r)));
    const b = transportedSourceBound(errorRecords, config, 4, merged);
    assert.ok(b, solution);
    assert.ok(b.bound > 0 && b.weightedBound >= Math.E * b.bound * (1 - 1e-12));
    assert.match(b.assumption, /assumed, not proved/);
    const last = merged.points.at(-1);
    assert.ok(last);
    // the largest lower bound of ‖h(T*)‖ the particles give: projection and |⟨h, ψ⟩| − 2 se over ‖ψ‖ ≤ ‖h‖·‖ψ‖/‖ψ‖
    if (last.projectionLowerBound !== null) assert.ok(last.projectionLowerBound <= b.bound);
    // the fixture holds M = 4 only; another construction has no records either
    assert.equal(transportedSourceBound(errorRecords, { ...config, M: 8 }, 8, merged), null);
    assert.equal(transportedSourceBound(errorRecords, { ...config, s0: 0.4 }, 4, merged), null);
    assert.equal(transportedSourceBound(errorRecords, config, 4, null), null);
    // another construction: its records carry only the constants that differ from the paper's,
    // an exact configuration every constant (in its own key order); they must still match
    const { bumpAxial: _, ...rest } = makeConstants({});
    const full = { bumpAxial: 4.2, ...rest };
    const tunedRecords = errorRecords.map((r) => ({ ...r, constants: { bumpAxial: 4.2 } }));
    const tuned = { ...config, constants: full };
    const bt = transportedSourceBound(tunedRecords, tuned, 4, merged);
    assert.ok(bt, "records with overrides only match a configuration with every constant");
    assert.equal(bt.bound, b.bound);
    assert.equal(transportedSourceBound(errorRecords, tuned, 4, merged), null);
    assert.equal(transportedSourceBound(tunedRecords, config, 4, merged), null);
  }
});

test("weighted final distance under the transported-source bounds: the approximate one less both weighted bounds, between the assumption-free lower bound's region and the approximate distance", () => {
  const merged = {
    f: mergeExact(
      [0, 1, 2].map((r) => runExactReplica(checkExactConfig({ ...base, solution: "f" }), r)),
    ),
    g: mergeExact(
      [0, 1, 2].map((r) => runExactReplica(checkExactConfig({ ...base, solution: "g" }), r)),
    ),
  };
  const config = checkExactConfig({ ...base, solution: "f" });
  const row = exactResultRow(config, merged.f, merged.g);
  const ts = {
    f: transportedSourceBound(errorRecords, config, 4, merged.f),
    g: transportedSourceBound(errorRecords, { ...config, solution: "g" }, 4, merged.g),
  };
  assert.ok(ts.f && ts.g);
  const lb = weightedFinalUnderSourceBound(row.theorem, ts);
  assert.ok(lb !== null);
  const w = row.theorem.weighted;
  // the weighted corrections are ≲ 3e-4 against a weighted distance ≈ 0.16 at M = 4: the
  // conditional bound sits just below the approximate distance and above the assumption-free one
  assert.ok(lb < w.approximateFinalDistance.value, `${lb} < ${w.approximateFinalDistance.value}`);
  assert.ok(lb > 0.99 * w.approximateFinalDistance.value, `${lb}`);
  assert.ok(w.finalLowerBound !== null && lb > w.finalLowerBound.value);
  assert.equal(weightedFinalUnderSourceBound(row.theorem, { ...ts, g: null }), null);
});
