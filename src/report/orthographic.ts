/**
 * Orthographic view of R³ used by the Section 2 figures (Figures 1–3): the camera looks at the
 * origin from azimuth φ and elevation α above the x–y plane. Screen axes: `right` is horizontal,
 * `up` is the image of the z-axis tilted by α; `depth` grows towards the viewer.
 */
export interface OrthographicView {
  /** Unit vector from the scene towards the viewer. */
  readonly toViewer: readonly [number, number, number];
  readonly right: readonly [number, number, number];
  readonly up: readonly [number, number, number];
}

/** A projected point: screen coordinates in scene units (y up) and depth towards the viewer. */
export interface Projected {
  readonly x: number;
  readonly y: number;
  readonly depth: number;
}

/** The view from azimuth and elevation given in degrees. */
export function orthographicView(azimuthDeg: number, elevationDeg: number): OrthographicView {
  const p = (azimuthDeg * Math.PI) / 180;
  const a = (elevationDeg * Math.PI) / 180;
  const [cp, sp, ca, sa] = [Math.cos(p), Math.sin(p), Math.cos(a), Math.sin(a)];
  return {
    toViewer: [ca * cp, ca * sp, sa],
    right: [-sp, cp, 0],
    up: [-sa * cp, -sa * sp, ca],
  };
}

/** Project the point (x, y, z). */
export function project(view: OrthographicView, x: number, y: number, z: number): Projected {
  const d = (u: readonly [number, number, number]) => u[0] * x + u[1] * y + u[2] * z;
  return { x: d(view.right), y: d(view.up), depth: d(view.toViewer) };
}

/** Map scene units to SVG pixels: centre (cx, cy), `scale` pixels per unit, y flipped. */
export function toPixels(
  p: { x: number; y: number },
  cx: number,
  cy: number,
  scale: number,
): [number, number] {
  return [cx + scale * p.x, cy - scale * p.y];
}
