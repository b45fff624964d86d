import * as Plot from "@observablehq/plot";
import type { KernelComparison } from "../../claims/kernel-comparison.ts";
import type { LegendEntry } from "../annotations.ts";
import { seriesColor } from "../palette.ts";
import { annotatedPlot } from "./annotated-plot.ts";

/** aria-description of a kernel's computed γ(M) line (one `<path>` per kernel). */
export function gammaLineLabel(kernel: string): string {
  return `gamma(M) ${kernel}`;
}

/** aria-description of a kernel's dashed closed-form γ∞ line. */
export function gammaLimitLabel(kernel: string): string {
  return `gamma-limit ${kernel}`;
}

/**
 * The deflation exponent per kernel (Remark 1.5; claims/kernel-comparison.ts): the computed
 * γ(M) = −ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M (solid, dots, ± error band) against M on a log axis, and
 * the closed-form limit γ∞ of the deflation law (dashed, over the same range of M), one colour per
 * kernel; the legend names each kernel with its normalization (B and A[g]). Rows whose γ(M) is
 * not finite are left out with a note.
 */
export function kernelsFigure(data: KernelComparison): string {
  const marks: Plot.Markish[] = [];
  const legend: LegendEntry[] = [];
  const notes: string[] = [];
  data.entries.forEach((e, k) => {
    const color = seriesColor(k);
    const points = e.rows
      .filter((r) => {
        const ok = Number.isFinite(r.gamma.value) && Number.isFinite(r.gamma.error);
        if (!ok) notes.push(`${e.kernel}: γ(M) not finite at M = ${r.M}, left out`);
        return ok;
      })
      .map((r) => ({
        x: r.M,
        value: r.gamma.value,
        lo: r.gamma.value - r.gamma.error,
        hi: r.gamma.value + r.gamma.error,
      }));
    const Ms = e.rows.map((r) => r.M);
    const limit = Ms.length
      ? [Math.min(...Ms), Math.max(...Ms)].map((x) => ({ x, value: e.gammaLimit.value }))
      : [];
    marks.push(
      Plot.areaY(points, { x: "x", y1: "lo", y2: "hi", fill: color, fillOpacity: 0.15 }),
      Plot.line(points, {
        x: "x",
        y: "value",
        stroke: color,
        strokeWidth: 1.6,
        ariaDescription: gammaLineLabel(e.kernel),
      }),
      Plot.dot(points, { x: "x", y: "value", fill: color, r: 2.5 }),
      Plot.line(limit, {
        x: "x",
        y: "value",
        stroke: color,
        strokeWidth: 1.2,
        strokeDasharray: "6 4",
        ariaDescription: gammaLimitLabel(e.kernel),
      }),
    );
    legend.push({ label: `${e.kernel}: ${e.normalization}`, color, swatch: "line" });
  });
  legend.push(
    { label: "γ(M) computed (± error band)", color: "#444", swatch: "line" },
    { label: "γ∞ closed form (deflation law)", color: "#444", swatch: "dashed" },
  );
  const o = data.options;
  return annotatedPlot({
    title: `Deflation exponent γ(M) = −ln(‖f_r(T*)‖/‖f_r(0)‖)/ln ln M per kernel (s = ${o.s}, s0 = ${o.s0}, ${o.cutoff}, ${o.variant})`,
    width: 1080,
    height: Math.max(340, 60 + 16 * legend.length),
    x: { label: "M", log: true },
    y: { label: "γ(M); dashed: γ∞", log: false },
    marks,
    legend,
    notes,
    legendMargin: 460,
    inset: 8,
  });
}
