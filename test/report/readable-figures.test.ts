import assert from "node:assert/strict";
import { test } from "node:test";
import type { ClaimResult } from "../../src/claims/claim-result.ts";
import { estimate } from "../../src/math/estimate.ts";
import { bumpsFigure } from "../../src/report/figures/bumps-figure.ts";
import { deflationFigure } from "../../src/report/figures/deflation-figure.ts";
import { scalingFigure } from "../../src/report/figures/scaling-figure.ts";
import { THEOREM_SERIES, theoremFigure } from "../../src/report/figures/theorem-figure.ts";
import { entryGroupLines, headlineLines } from "../../src/report/run-summary.ts";
import {
  syntheticDeflationCurves,
  syntheticReportData,
  syntheticScalingClaim,
  syntheticTheoremRows,
  syntheticViolatedClaim,
} from "./fixtures.ts";
import { parseSvg, svgText } from "./svg-test-helpers.ts";

/** The x coordinates of the vertices of an SVG path "M x,y L x,y …" (Plot's line paths). */
function pathXs(d: string): number[] {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => Number(m[1]));
}

test("Theorem 1.1 figure: one path per configuration and quantity, M increasing along each", () => {
  const rows = syntheticTheoremRows();
  const doc = parseSvg(theoremFigure(rows));
  const paths = [...doc.querySelectorAll('g[aria-label="line"] path')];
  // 2 configurations × 7 quantities (every quantity is present in the fixture)
  assert.equal(paths.length, 2 * THEOREM_SERIES.length);
  let longest = 0;
  for (const p of paths) {
    const xs = pathXs(p.getAttribute("d") ?? "");
    assert.ok(xs.length >= 3, "a path has its points");
    for (let k = 1; k < xs.length; k++)
      assert.ok(xs[k] > xs[k - 1], `x increases along ${p.getAttribute("d")}`);
    longest = Math.max(longest, xs.length);
  }
  assert.equal(longest, 5, "the as-in-proof path has its 5 M");
  const txt = svgText(doc);
  for (const label of [
    "bump, as-written",
    "bump, as-in-proof",
    "distance at T*",
    "‖e^{⟨v⟩²}f_r(0)‖",
  ]) {
    assert.ok(txt.includes(label), `legend names ${label}`);
  }
});

test("deflation figure: the legend names the configuration of each curve", () => {
  const txt = svgText(parseSvg(deflationFigure(syntheticDeflationCurves())));
  assert.ok(txt.includes("bump, as-written, M = 16"));
  assert.ok(txt.includes("bump, as-in-proof, M = 256"));
  assert.ok(txt.includes("weighted norm in L²_v H^{s0}_x"), "y axis labelled");
});

test("scaling figure: y axis labelled, ticks in exponent notation, no fit line for a violated claim", () => {
  const doc = parseSvg(scalingFigure(syntheticViolatedClaim(), { yLabel: "the measured value" }));
  const txt = svgText(doc);
  assert.ok(txt.includes("the measured value"));
  assert.ok(!txt.includes("fit:"), "no fit legend");
  assert.equal(
    doc.querySelectorAll('g[aria-label="line"] path').length,
    1,
    "only the paper's line",
  );
  const ticks = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
    (t) => t.textContent ?? "",
  );
  assert.ok(ticks.length > 0);
  for (const t of ticks) assert.ok(!/^0\.000/.test(t), `tick ${t} is not 0.000…`);
  assert.ok(
    ticks.some((t) => /e-\d+$/.test(t)),
    "small ticks in exponent notation",
  );
  const consistent = parseSvg(
    scalingFigure(syntheticScalingClaim({ id: "2.24", alpha: -0.3, measured: -0.3 })),
  );
  assert.match(svgText(consistent), /fit: M\^-0\.3/, "a consistent claim keeps its fit");
});

test("scaling figure: lower bounds drawn and listed as triangles; a bracket is capped at both ends", () => {
  const claim: ClaimResult = {
    ...syntheticScalingClaim({ id: "e", alpha: -1, measured: -1 }),
    measurements: [8, 16, 32].map((M) => ({
      M,
      value: estimate(1 / M, 0, "sampled-sup", "synthetic", { lowerBound: true }),
      prediction: 1 / M,
      where: { upperBound: 3 / M },
    })),
  };
  const doc = parseSvg(scalingFigure(claim));
  const txt = svgText(doc);
  assert.ok(txt.includes("▲"), "legend glyph is a triangle");
  assert.ok(!txt.includes("●"), "no circle in the legend when every point is a lower bound");
  const dots = doc.querySelector('g[aria-label="dot"]');
  assert.ok(dots && dots.children.length === 3);
  for (const d of [...(dots?.children ?? [])]) {
    // Plot draws a symbol as a path; a circle would be a <circle>
    assert.equal(d.tagName.toLowerCase(), "path", "drawn as a triangle symbol");
  }
  // two caps per bracket, at the lower bound and at the upper bound
  const caps = [...doc.querySelectorAll('g[aria-label="link"] path')];
  assert.equal(caps.length, 6);
  const rules = [...doc.querySelectorAll('g[aria-label="rule"] line')];
  const ys = (el: Element) => [Number(el.getAttribute("y1")), Number(el.getAttribute("y2"))];
  // the bar spans a factor 3 in value: on a log axis its length is the same for every point
  const lengths = rules.map((r) => Math.abs(ys(r)[0] - ys(r)[1]));
  assert.ok(
    lengths.every((l) => l > 5 && Math.abs(l - lengths[0]) < 0.5),
    `bars reach the upper bound: ${lengths}`,
  );
});

test("Figure 3 subtitle names the cutoff it draws: χ(M P⊥ v) as written, χ(10 M P⊥ v) as in the proof", () => {
  assert.match(
    svgText(parseSvg(bumpsFigure({ M: 10, variant: "as-written" }))),
    /\(2\.4\): χ\(M P⊥ v\)/,
  );
  assert.match(svgText(parseSvg(bumpsFigure({ M: 10, variant: "as-in-proof" }))), /χ\(10 M P⊥ v\)/);
});

test("npm start summary: 44 entries with one reason make one line, not 44", () => {
  const entries = Array.from({ length: 44 }, (_, k) => ({
    term: `T${k % 11}`,
    norm: `p${k % 4}`,
    ...(k >= 32 ? { solution: "g" } : {}),
    verdict: "inconclusive",
    reason: "only 2 usable values of M",
  }));
  entries.push({ term: "Q-(fb,fb)", norm: "p0", verdict: "consistent", reason: "fit within 0.1" });
  const lines = entryGroupLines(entries);
  assert.equal(lines.length, 2);
  assert.equal(
    lines[0],
    "44 of 45 entries inconclusive: only 2 usable values of M (F_err: 32, G_err: 12)",
  );
  assert.match(
    lines[1],
    /^1 of 45 entries consistent: fit within 0\.1 \(F_err: 1\) — Q-\(fb,fb\) p0$/,
  );
});

test("npm start ends with the headline: Theorem 1.1 one line per configuration, verdict counts, where the report is", () => {
  const lines = headlineLines(syntheticReportData(), "report");
  const theorem = lines.filter((l) => l.includes("Theorem 1.1 ["));
  assert.equal(theorem.length, 2);
  assert.match(
    theorem[1],
    /\[bump, as-in-proof\].*at M = 1e11 \(final distance 1\.94e-4, weak\); separation of order 1 not seen/,
  );
  assert.ok(
    lines.some((l) =>
      /bump, as-written: 1 violated, 1 consistent, 1 inconsistent \(3 claims\)/.test(l),
    ),
  );
  assert.match(lines[lines.length - 1], /^Report: report\/index\.html/);
});
