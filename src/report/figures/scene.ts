import { type OrthographicView, project, toPixels } from "../orthographic.ts";
import { ringColors } from "../palette.ts";
import { coord, element, text } from "../svg-element.ts";

/**
 * The drawing frame shared by the Section 2 figures (Figures 1–3): an orthographic view mapped to
 * pixels, with guide curves (sphere silhouette, latitude circles, the z-axis) drawn solid where they
 * face the viewer and dashed where the unit sphere hides them.
 */
export interface Scene {
  readonly view: OrthographicView;
  readonly cx: number;
  readonly cy: number;
  /** Pixels per scene unit. */
  readonly scale: number;
}

/** Pixel position of the 3D point (x, y, z). */
export function pixel(scene: Scene, x: number, y: number, z: number): [number, number] {
  return toPixels(project(scene.view, x, y, z), scene.cx, scene.cy, scene.scale);
}

/** Pixel position of a point already in scene screen units. */
export function screenPixel(scene: Scene, p: readonly [number, number]): [number, number] {
  return toPixels({ x: p[0], y: p[1] }, scene.cx, scene.cy, scene.scale);
}

/** Polyline through pixel points. */
function polyline(
  points: readonly [number, number][],
  attrs: Record<string, string | number>,
): string {
  const d = points.map(([x, y], k) => `${k ? "L" : "M"}${coord(x)},${coord(y)}`).join("");
  return element("path", { d, fill: "none", ...attrs });
}

/**
 * The circle {(ρ cos t, ρ sin t, z)}: arcs on the side of the sphere of radius `sphere` facing the
 * viewer solid, the hidden arcs dashed.
 */
export function latitudeCircle(
  scene: Scene,
  z: number,
  rho: number,
  stroke = "#888",
  sphere = 1,
): string {
  const n = 180;
  const runs: { hidden: boolean; pts: [number, number][] }[] = [];
  for (let k = 0; k <= n; k++) {
    const t = (2 * Math.PI * k) / n;
    const [x, y] = [rho * Math.cos(t), rho * Math.sin(t)];
    const hidden =
      project(scene.view, x, y, z).depth < -1e-12 && rho * rho + z * z >= sphere * sphere - 1e-9;
    const px = pixel(scene, x, y, z);
    const last = runs[runs.length - 1];
    if (last && last.hidden === hidden) last.pts.push(px);
    else runs.push({ hidden, pts: last ? [last.pts[last.pts.length - 1], px] : [px] });
  }
  return runs
    .map((r) =>
      polyline(r.pts, { stroke, "stroke-width": 1, "stroke-dasharray": r.hidden ? "3 3" : "none" }),
    )
    .join("");
}

/** The outline of the ball of radius R (a circle in any orthographic view); `upperOnly` keeps z ≥ 0. */
export function sphereSilhouette(
  scene: Scene,
  R: number,
  upperOnly: boolean,
  stroke = "#555",
): string {
  const n = 180;
  const [t0, t1] = upperOnly ? [0, Math.PI] : [0, 2 * Math.PI];
  const pts: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const t = t0 + ((t1 - t0) * k) / n;
    pts.push(screenPixel(scene, [R * Math.cos(t), R * Math.sin(t)]));
  }
  return polyline(pts, { stroke, "stroke-width": 1.2 });
}

/** Coordinate axis from the origin to `length`·(unit vector), labelled at its tip. */
export function axis(
  scene: Scene,
  dir: readonly [number, number, number],
  length: number,
  label: string,
): string {
  const [x0, y0] = pixel(scene, 0, 0, 0);
  const [x1, y1] = pixel(scene, length * dir[0], length * dir[1], length * dir[2]);
  return (
    element("line", {
      x1: coord(x0),
      y1: coord(y0),
      x2: coord(x1),
      y2: coord(y1),
      stroke: "#444",
      "stroke-width": 1,
    }) +
    text(label, {
      x: coord(x1 + 4),
      y: coord(y1 - 4),
      "font-size": 12,
      fill: "#444",
      "font-style": "italic",
    })
  );
}

/** Title and subtitle lines at the top left. */
export function heading(title: string, subtitle: string): string {
  return (
    text(title, { x: 16, y: 24, "font-size": 15, "font-weight": "bold", fill: "#222" }) +
    text(subtitle, { x: 16, y: 42, "font-size": 11.5, fill: "#555" })
  );
}

/** A discrete colour bar for ring index j = 1 … M (2.3), bottom left at (x, y). */
export function ringColorBar(M: number, x: number, y: number, width = 220): string {
  const color = ringColors(M);
  const steps = Math.min(M, 50);
  const w = width / steps;
  const cells: string[] = [];
  for (let k = 0; k < steps; k++) {
    const j = 1 + Math.round(((M - 1) * k) / Math.max(1, steps - 1));
    cells.push(
      element("rect", {
        x: coord(x + k * w),
        y: y - 10,
        width: coord(w + 0.3),
        height: 10,
        fill: color(j),
      }),
    );
  }
  return (
    cells.join("") +
    text("ring j = 1", { x, y: y + 14, "font-size": 11, fill: "#333" }) +
    text(`j = ${M}`, {
      x: x + width,
      y: y + 14,
      "font-size": 11,
      fill: "#333",
      "text-anchor": "end",
    }) +
    text("polar angle θ_j = πj/(2M)", {
      x: x + width + 12,
      y: y - 1,
      "font-size": 11,
      fill: "#555",
    })
  );
}
