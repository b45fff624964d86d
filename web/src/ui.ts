/** Small DOM and drawing helpers shared by the views (no science here). */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A number for display: 4 significant digits, exponent form outside [1e-3, 1e5). */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5
    ? Number(x.toPrecision(digits)).toString()
    : x.toExponential(digits - 1);
}

/** value ± error. */
export function pm(value: number, error: number): string {
  return `${fmt(value)} ± ${fmt(error, 2)}`;
}

/**
 * Viridis-like colour map (5 anchor colours of matplotlib's viridis, linear between them),
 * u ∈ [0, 1] → [r, g, b] in 0..255.
 */
const ANCHORS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
export function viridis(u: number, out: Uint8ClampedArray, offset: number): void {
  const x = Math.min(1, Math.max(0, Number.isFinite(u) ? u : 0)) * (ANCHORS.length - 1);
  const i = Math.min(ANCHORS.length - 2, Math.floor(x));
  const f = x - i;
  for (let c = 0; c < 3; c++) out[offset + c] = ANCHORS[i][c] * (1 - f) + ANCHORS[i + 1][c] * f;
  out[offset + 3] = 255;
}

/** Draw an n×n row-major field (row 0 at the top) into a canvas, linear scale [lo, hi]. */
export function drawField(
  canvas: HTMLCanvasElement,
  n: number,
  values: ArrayLike<number>,
  lo: number,
  hi: number,
): void {
  canvas.width = n;
  canvas.height = n;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const img = ctx.createImageData(n, n);
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < n * n; i++) viridis((values[i] - lo) / span, img.data, 4 * i);
  ctx.putImageData(img, 0, 0);
}

/** A colour-bar legend for {@link drawField}. */
export function legend(lo: number, hi: number, label: string): HTMLElement {
  const bar = el("canvas", {
    width: "160",
    height: "12",
    "aria-hidden": "true",
    class: "colorbar",
  });
  const ctx = bar.getContext("2d");
  if (ctx) {
    const img = ctx.createImageData(160, 12);
    for (let x = 0; x < 160; x++) {
      for (let y = 0; y < 12; y++) viridis(x / 159, img.data, 4 * (y * 160 + x));
    }
    ctx.putImageData(img, 0, 0);
  }
  return el(
    "div",
    { class: "legend" },
    el("span", {}, fmt(lo)),
    bar,
    el("span", {}, fmt(hi)),
    el("span", { class: "legend-label" }, ` ${label}`),
  );
}
