import type { MapCell } from "../../claims/threshold-map.ts";

/**
 * The (s, s0) threshold map as a self-contained SVG heatmap: one panel per criterion, colour =
 * log10 of the threshold M (for cells beyond the direct range, the asymptotic log10 M = 10^{log10 log10 M}
 * is shown as "> 10^100" in the darkest colour), axes s (horizontal) and s0 (vertical) labelled,
 * a colour bar with its scale. Font: DejaVu Sans.
 */
export function thresholdMapSvg(cells: readonly MapCell[], title: string): string {
  const criteria = [...new Set(cells.map((c) => c.criterion))];
  const ss = [...new Set(cells.map((c) => c.s))].sort((a, b) => a - b);
  const s0s = [...new Set(cells.map((c) => c.s0))].sort((a, b) => a - b);
  const vals = cells.map((c) => c.log10M).filter((x): x is number => x !== null);
  const lo = vals.length ? Math.floor(Math.min(...vals)) : 0;
  const hi = vals.length ? Math.ceil(Math.max(...vals)) : 1;
  const W = 360;
  const H = 300;
  const pad = { l: 60, t: 40, r: 20, b: 50 };
  const cw = (W - pad.l - pad.r) / ss.length;
  const ch = (H - pad.t - pad.b) / s0s.length;
  const colour = (v: number | null) => {
    if (v === null) return "#222222";
    const x = hi > lo ? (v - lo) / (hi - lo) : 0;
    // light yellow → dark blue
    const r = Math.round(255 * (1 - x) + 30 * x);
    const g = Math.round(247 * (1 - x) + 60 * x);
    const b = Math.round(188 * (1 - x) + 140 * x);
    return `rgb(${r},${g},${b})`;
  };
  const panels = criteria.map((crit, k) => {
    const x0 = k * (W + 20);
    const rects = cells
      .filter((c) => c.criterion === crit)
      .map((c) => {
        const i = ss.indexOf(c.s);
        const j = s0s.indexOf(c.s0);
        const label =
          c.log10M !== null
            ? c.log10M.toFixed(2)
            : c.log10Log10M !== null
              ? `10^(10^${c.log10Log10M.toFixed(1)})`
              : "not found";
        return `<rect x="${(x0 + pad.l + i * cw).toFixed(1)}" y="${(pad.t + (s0s.length - 1 - j) * ch).toFixed(1)}" width="${cw.toFixed(1)}" height="${ch.toFixed(1)}" fill="${colour(c.log10M)}"><title>s = ${c.s.toFixed(4)}, s0 = ${c.s0.toFixed(4)}: log10 M* = ${label}</title></rect>`;
      })
      .join("");
    const axes = [
      `<text x="${x0 + pad.l + (W - pad.l - pad.r) / 2}" y="${H - 12}" text-anchor="middle">s</text>`,
      `<text x="${x0 + 16}" y="${pad.t + (H - pad.t - pad.b) / 2}" text-anchor="middle" transform="rotate(-90 ${x0 + 16} ${pad.t + (H - pad.t - pad.b) / 2})">s0</text>`,
      `<text x="${x0 + pad.l}" y="${H - pad.b + 14}" font-size="10">${(0.75).toFixed(2)}</text>`,
      `<text x="${x0 + W - pad.r}" y="${H - pad.b + 14}" font-size="10" text-anchor="end">1.00</text>`,
      `<text x="${x0 + pad.l - 4}" y="${H - pad.b}" font-size="10" text-anchor="end">0</text>`,
      `<text x="${x0 + pad.l - 4}" y="${pad.t + 8}" font-size="10" text-anchor="end">1</text>`,
      `<text x="${x0 + pad.l}" y="${pad.t - 12}">${crit}: log10 of the threshold M</text>`,
    ].join("");
    return rects + axes;
  });
  const bar =
    `<text x="10" y="${H + 14}" font-size="11">colour: log10 M* from ${lo} (light) to ${hi} (dark); black: beyond 10^100 (strong: asymptotic law) or not found</text>` +
    `<text x="10" y="${H + 30}" font-size="11">${title}</text>`;
  const width = criteria.length * (W + 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 40}" font-family="DejaVu Sans" font-size="12"><rect width="100%" height="100%" fill="white"/>${panels.join("")}${bar}</svg>\n`;
}
