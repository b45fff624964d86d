import assert from "node:assert/strict";
import { test } from "node:test";
import { kernelComparison } from "../../src/claims/kernel-comparison.ts";
import { deflationExponentLimit, lawConstants } from "../../src/construction/core/deflation-law.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { kernelByName } from "../../src/kinetic/kernel.ts";
import { gammaLimitLabel, gammaLineLabel } from "../../src/report/figures/kernels-figure.ts";
import { kernelsBlocks, kernelsReportFigure } from "../../src/report/kernels.ts";
import { renderMarkdown } from "../../src/report/render-markdown.ts";
import { parseSvg, svgText } from "./svg-test-helpers.ts";

test("the 'Kernels (Remark 1.5)' chapter: γ∞ per kernel, the answer first, soft potentials flagged", () => {
  const data = kernelComparison({
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    kernels: ["hard-sphere", "constant", "vhs:-1", "vhs:-2"],
    log10Ms: [3, 6],
  });
  const by = (k: string) => {
    const e = data.entries.find((x) => x.kernel === k);
    assert.ok(e);
    return e;
  };
  // the strong threshold of the law halves in log10 log10 M when γ∞ doubles
  const hs = by("hard-sphere");
  const cst = by("constant");
  assert.ok(
    Math.abs(Math.log(2) / hs.gammaLimit.value / (Math.log(2) / cst.gammaLimit.value) - 2) < 1e-12,
  );
  assert.ok(cst.strongLog10Log10M < hs.strongLog10Log10M - 31);
  // deflation per row: the constant kernel deflates more at every M
  for (let i = 0; i < hs.rows.length; i++)
    assert.ok(cst.rows[i].deflation.value < hs.rows[i].deflation.value);
  assert.equal(by("vhs:-1").coreSelfDecays, true);
  assert.equal(by("vhs:-2").coreSelfDecays, false);
  assert.ok(by("vhs:-2").rows[0].log10SelfExponent > 10);
  const md = renderMarkdown(kernelsBlocks(data));
  assert.match(md, /Kernels \(Remark 1\.5\)/);
  assert.match(md, /s = 0\.8, s0 = 0\.5, cutoff bump, as-in-proof/);
  assert.match(md, /B ≡ 1, A\[g\] = 4π ∫ g du/);
  assert.match(md, /does NOT decay/);
  assert.match(md, /γ_c = -1\.420/);
});

/** The y value at pixel `py`, by the linear map through the first and last y-axis tick labels. */
function yAtPixel(doc: Document): (py: number) => number {
  const ticks = [...doc.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => {
    const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(t.getAttribute("transform") ?? "");
    assert.ok(m, "tick label position");
    return { py: Number(m[2]), value: Number(t.textContent) };
  });
  assert.ok(ticks.length >= 2 && ticks.every((t) => Number.isFinite(t.value)), "numeric y ticks");
  const [a, b] = [ticks[0], ticks[ticks.length - 1]];
  return (py) => a.value + ((py - a.py) * (b.value - a.value)) / (b.py - a.py);
}

/** The vertices of the single path of the line mark described as `description`. */
function lineVertices(doc: Document, description: string): { x: number; y: number }[] {
  const groups = [...doc.querySelectorAll("g")].filter(
    (g) => g.getAttribute("aria-description") === description,
  );
  assert.equal(groups.length, 1, `one mark "${description}"`);
  const paths = groups[0].querySelectorAll("path");
  assert.equal(paths.length, 1, `one path for "${description}"`);
  assert.equal(groups[0].getAttribute("transform"), null, "no offset on the line mark");
  return [...(paths[0].getAttribute("d") ?? "").matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]) }),
  );
}

test("the chapter's figure: γ(M) per kernel against M, γ∞ dashed where the deflation law puts it", () => {
  const s = 0.8;
  const s0 = 0.5;
  const kernels = ["hard-sphere", "constant", "vhs:0", "vhs:-1"];
  const data = kernelComparison({
    s,
    s0,
    cutoff: "bump",
    variant: "as-in-proof",
    kernels,
    log10Ms: [3, 6, 9],
  });
  const figure = kernelsReportFigure(data);
  const doc = parseSvg(figure.svg);
  const text = svgText(doc);
  // labelled axes and a legend naming each kernel with its normalization
  assert.match(text, /^M →$/m);
  assert.match(text, /γ\(M\); dashed: γ∞/);
  assert.match(text, /hard-sphere: B = \|\(u−v\)·ω\|, A\[g\] = 2π ∫ \|u−v\| g du/);
  assert.match(text, /constant: B ≡ 1, A\[g\] = 4π ∫ g du/);
  assert.match(text, /vhs:-1: B = \|u−v\|\^-1/);
  // one computed line per kernel (and nothing else described as one), one dashed limit per kernel
  const described = [...doc.querySelectorAll("g")].map((g) => g.getAttribute("aria-description"));
  assert.equal(described.filter((d) => d?.startsWith("gamma(M) ")).length, kernels.length);
  assert.equal(described.filter((d) => d?.startsWith("gamma-limit ")).length, kernels.length);
  const y = yAtPixel(doc);
  const law = lawConstants(makeParameters({ M: 4, s, s0 }).constants, "as-in-proof");
  const plottedLimit = new Map<string, number>();
  for (const k of kernels) {
    const limit = lineVertices(doc, gammaLimitLabel(k));
    assert.equal(limit.length, 2);
    assert.equal(limit[0].y, limit[1].y, `${k}: γ∞ is a horizontal line`);
    const plotted = y(limit[0].y);
    plottedLimit.set(k, plotted);
    const expected = deflationExponentLimit(cutoffByName("bump"), law, kernelByName(k)).value;
    assert.ok(
      Math.abs(plotted / expected - 1) < 1e-4,
      `${k}: γ∞ plotted ${plotted}, law ${expected}`,
    );
    // the computed line: one vertex per M, left to right, at the computed γ(M)
    const line = lineVertices(doc, gammaLineLabel(k));
    const rows = data.entries.find((e) => e.kernel === k)?.rows ?? [];
    assert.equal(line.length, rows.length);
    for (let i = 1; i < line.length; i++) assert.ok(line[i].x > line[i - 1].x);
    for (const [i, r] of rows.entries())
      assert.ok(Math.abs(y(line[i].y) / r.gamma.value - 1) < 1e-4, `${k}: γ(M = ${r.M})`);
  }
  // Remark 1.5's normalizations: Ω = 4π against 2π and μ_0 = μ_1 = 1, so the constant kernel's γ∞ is
  // twice the hard-sphere one and vhs:0 (normalized like hard spheres) has the hard-sphere γ∞
  const hs = plottedLimit.get("hard-sphere") ?? Number.NaN;
  assert.ok(Math.abs((plottedLimit.get("constant") ?? 0) / hs - 2) < 1e-3);
  assert.ok(Math.abs((plottedLimit.get("vhs:0") ?? 0) / hs - 1) < 1e-3);
  // registered in the chapter, after the summary table, before the deflation table
  const blocks = kernelsBlocks(data, figure);
  const at = blocks.findIndex((b) => b.kind === "figure");
  assert.ok(at > 0 && blocks[at - 1].kind === "table");
  assert.match(renderMarkdown(blocks), /\(figures\/kernels-deflation-exponent\.svg\)/);
  assert.equal(
    kernelsBlocks(data).some((b) => b.kind === "figure"),
    false,
  );
});
