import * as Plot from "@observablehq/plot";
import type { ClaimResult } from "../../claims/claim-result.ts";
import type { LegendEntry } from "../annotations.ts";
import { fitIsMeaningful } from "../claim-evidence.ts";
import { seriesColor } from "../palette.ts";
import { annotatedPlot } from "./annotated-plot.ts";
import { logNotes, logPoints } from "./log-points.ts";

const DATA = seriesColor(0);
const FIT = seriesColor(1);
const PAPER = seriesColor(2);

/** X^α in the claim's fit variable X (M, or ln M for statements in powers of ln M). */
function power(claim: ClaimResult, M: number, alpha: number): number {
  return (claim.variable === "lnM" ? Math.log(M) : M) ** alpha;
}

/** "M" or "(ln M)" for labels. */
function variableLabel(claim: ClaimResult): string {
  return claim.variable === "lnM" ? "(ln M)" : "M";
}

/**
 * The paper's right side at each measured M, without its constant: the measurement's `prediction`
 * when given (it may carry log factors), else X^α with α = `paperExponent`.
 */
function paperCurve(claim: ClaimResult): ((M: number, prediction: number | null) => number) | null {
  const alpha = claim.paperExponent;
  if (claim.measurements.some((m) => m.prediction !== null && m.prediction > 0)) {
    return (M, p) =>
      p !== null && p > 0 ? p : alpha !== undefined ? power(claim, M, alpha) : Number.NaN;
  }
  return alpha !== undefined ? (M) => power(claim, M, alpha) : null;
}

/**
 * A log–log scaling plot for one asymptotic claim: measured values against M with error bars, the
 * fitted power law (slope from `claim.fit`, through the data's log-centroid — the least-squares
 * intercept of the fit, times the log factor L(M) = prediction/X^α when the paper's right side has
 * one; only where a fit means something, {@link fitIsMeaningful}), and the paper's prediction
 * drawn through the last point. Error bars, and brackets [sampled lower bound, upper bound]
 * (`where.upperBound`), are capped at both ends; lower bounds are triangles, as in the legend. X is M, or ln M for claims fitted
 * against ln M (`claim.variable`). Values ≤ 0 are skipped with a note.
 */
export function scalingFigure(claim: ClaimResult, options: { yLabel?: string } = {}): string {
  const ms = claim.measurements;
  const lp = logPoints(
    ms.map((m) => m.M),
    ms.map((m) => m.value),
  );
  // a bracket [sampled lower bound, rigorous upper bound] draws up to its upper end
  const pts = lp.points.map((p) => {
    const ub = ms[p.index].where?.upperBound;
    const hi = p.lowerBound && typeof ub === "number" && ub > p.value ? ub : p.hi;
    return { ...p, hi, prediction: ms[p.index].prediction };
  });
  // both ends of every error bar or bracket get a cap (a short horizontal link, ±4 % in M)
  const caps = pts.flatMap((p) => [
    { x1: p.x / 1.04, x2: p.x * 1.04, y: p.lo },
    { x1: p.x / 1.04, x2: p.x * 1.04, y: p.hi },
  ]);
  const paper = paperCurve(claim);
  const alpha = claim.paperExponent;
  const logFactor = (M: number, pred: number | null) =>
    paper && alpha !== undefined ? paper(M, pred) / power(claim, M, alpha) : 1;
  const hasLogFactor = pts.some((p) => Math.abs(logFactor(p.x, p.prediction) - 1) > 1e-12);
  const marks: Plot.Markish[] = [
    Plot.ruleX(pts, { x: "x", y1: "lo", y2: "hi", stroke: DATA, strokeWidth: 1.5 }),
    Plot.link(caps, { x1: "x1", x2: "x2", y1: "y", y2: "y", stroke: DATA, strokeWidth: 1.5 }),
    Plot.dot(pts, {
      x: "x",
      y: "value",
      fill: DATA,
      r: 3.5,
      symbol: (p: { lowerBound: boolean }) => (p.lowerBound ? "triangle" : "circle"),
    }),
  ];
  const legend: LegendEntry[] = [];
  if (pts.some((p) => !p.lowerBound)) {
    legend.push({ label: "measured ± error", color: DATA, swatch: "dot" });
  }
  if (pts.some((p) => p.lowerBound)) {
    legend.push({
      label: pts.some((p) => p.lowerBound && typeof ms[p.index].where?.upperBound === "number")
        ? "lower bound, bar to upper bound"
        : "lower bound (sampled sup)",
      color: DATA,
      swatch: "triangle",
    });
  }
  const fit = claim.fit;
  if (fit && fitIsMeaningful(claim) && pts.length >= 2) {
    const ys = pts.map((p) =>
      Math.log(p.value / logFactor(p.x, p.prediction) / power(claim, p.x, fit.exponent)),
    );
    const c = Math.exp(ys.reduce((a, b) => a + b, 0) / ys.length);
    const curve = pts.map((p) => ({
      x: p.x,
      y: c * power(claim, p.x, fit.exponent) * logFactor(p.x, p.prediction),
    }));
    marks.push(Plot.line(curve, { x: "x", y: "y", stroke: FIT, strokeWidth: 1.5 }));
    legend.push({
      label: `fit: ${variableLabel(claim)}^${fit.exponent.toFixed(3)} (± ${fit.exponentError.toFixed(3)})${hasLogFactor ? "·L(M)" : ""}`,
      color: FIT,
      swatch: "line",
    });
  }
  const last = pts[pts.length - 1];
  if (paper && last) {
    const p0 = paper(last.x, last.prediction);
    const curve = pts.map((p) => ({ x: p.x, y: (last.value * paper(p.x, p.prediction)) / p0 }));
    marks.push(
      Plot.line(curve, { x: "x", y: "y", stroke: PAPER, strokeWidth: 1.5, strokeDasharray: "6 4" }),
    );
    legend.push({
      label: `paper: ${alpha !== undefined ? `${variableLabel(claim)}^${alpha.toFixed(3)}` : "prediction"}${hasLogFactor ? "·L(M)" : ""}`,
      color: PAPER,
      swatch: "dashed",
    });
  }
  const notes = logNotes("measured", "M", lp);
  if (hasLogFactor) {
    notes.push(`L(M) = the paper's prediction / ${variableLabel(claim)}^α: its logarithmic factor`);
  }
  return annotatedPlot({
    title: `(${claim.id}) ${claim.title} — ${claim.cutoff}, ${claim.variant}: ${claim.verdict}`,
    width: 720,
    height: 340,
    x: { label: "M", log: true },
    y: { label: options.yLabel ?? "measured value (left side)" },
    marks,
    legend,
    notes,
    inset: 10,
  });
}
