import assert from "node:assert/strict";
import { test } from "node:test";
import * as Plot from "@observablehq/plot";
import { bumpsFigure } from "../../src/report/figures/bumps-figure.ts";
import { deflationFigure } from "../../src/report/figures/deflation-figure.ts";
import { LATTICE_POINT_CLASS, latticeFigure } from "../../src/report/figures/lattice-figure.ts";
import { scalingFigure } from "../../src/report/figures/scaling-figure.ts";
import { THEOREM_SERIES, theoremFigure } from "../../src/report/figures/theorem-figure.ts";
import { tubesFigure } from "../../src/report/figures/tubes-figure.ts";
import { renderPlot } from "../../src/report/svg.ts";
import {
  syntheticDeflationCurves,
  syntheticScalingClaim,
  syntheticTheoremRows,
} from "./fixtures.ts";
import { parseSvg, svgText } from "./svg-test-helpers.ts";

/** Number of lattice points of (2.3): #{1 ≤ i ≤ j ≤ M} = Σ_{j=1}^{M} j, counted here by the definition. */
function pointsByDefinition(M: number): number {
  let n = 0;
  for (let j = 1; j <= M; j++) for (let i = 1; i <= j; i++) n++;
  return n;
}

test("Figure 1 draws exactly one point mark per e_{i,j} of (2.3) for M = 50, j of them on ring j", () => {
  const doc = parseSvg(latticeFigure({ M: 50 }));
  const points = [...doc.querySelectorAll(`circle.${LATTICE_POINT_CLASS}`)];
  assert.equal(points.length, pointsByDefinition(50));
  assert.equal(points.length, 1275);
  for (const j of [1, 2, 17, 50]) {
    assert.equal(
      points.filter((p) => p.getAttribute("data-j") === String(j)).length,
      j,
      `ring ${j}`,
    );
  }
});

test("Figure 2 draws one tube per lattice direction for M = 5", () => {
  const doc = parseSvg(tubesFigure({ M: 5 }));
  assert.equal(doc.querySelectorAll("g.tube").length, pointsByDefinition(5));
  assert.match(svgText(doc), /radius 1\/M = 0\.200/);
});

test("Figure 3 draws one support per lattice point for M = 30 in both readings, with their radii", () => {
  for (const [variant, radius] of [
    ["as-written", "0.0333"],
    ["as-in-proof", "0.00333"],
  ] as const) {
    const doc = parseSvg(bumpsFigure({ M: 30, variant }));
    assert.equal(doc.querySelectorAll("path.bump").length, pointsByDefinition(30), variant);
    assert.ok(svgText(doc).includes(`= ${radius};`), `${variant} radius ${radius}`);
  }
});

test("the scaling figure shows data, fit and paper slopes in the legend", () => {
  const claim = syntheticScalingClaim({ id: "2.24", alpha: -0.3, measured: -0.3 });
  const doc = parseSvg(scalingFigure(claim));
  const txt = svgText(doc);
  assert.match(txt, /fit: M\^-0\.3\d\d \(± 0\.\d+\)/);
  assert.match(txt, /paper: M\^-0\.300/);
  assert.equal(
    doc.querySelector('g[aria-label="dot"]')?.children.length,
    claim.measurements.length,
  );
  assert.equal(doc.querySelectorAll('g[aria-label="line"] path').length, 2);
});

test("the scaling figure skips values ≤ 0 with a note instead of failing", () => {
  const claim = syntheticScalingClaim({ id: "2.11/k=1", alpha: 3, measured: 3.4, withZero: true });
  const doc = parseSvg(scalingFigure(claim));
  assert.equal(
    doc.querySelector('g[aria-label="dot"]')?.children.length,
    claim.measurements.length - 1,
  );
  assert.match(svgText(doc), /1 value\(s\) ≤ 0 or non-finite not drawn \(M = 8\)/);
});

test("the deflation figure draws f_r and f_b for each M with a legend", () => {
  const curves = syntheticDeflationCurves();
  const doc = parseSvg(deflationFigure(curves));
  const txt = svgText(doc);
  for (const c of curves) assert.ok(txt.includes(`M = ${c.M}`));
  assert.equal(doc.querySelectorAll('g[aria-label="line"] path').length, 2 * curves.length);
});

test("the Theorem 1.1 figure draws every quantity for each configuration and notes the non-positive value", () => {
  const doc = parseSvg(theoremFigure(syntheticTheoremRows()));
  assert.equal(doc.querySelectorAll('g[aria-label="line"]').length, 2 * THEOREM_SERIES.length);
  assert.match(svgText(doc), /distance at T\* \[bump, as-written\]: 1 value\(s\) ≤ 0/);
});

test("renderPlot refuses specs that Plot wraps in a <figure> (title option)", () => {
  assert.throws(
    () => renderPlot({ title: "a title", marks: [Plot.dot([1, 2], { x: (d) => d })] }),
    /draw legends as marks/,
  );
});
