import { orthonormalFrame } from "../math/vec3.ts";
import { type OrthographicView, type Projected, project } from "./orthographic.ts";

/**
 * A finite solid cylinder {c + a e + w : |a| ≤ h, w ⊥ e, |w| ≤ r}: the support of a tube
 * K_{i,j} (2.4) with c = 0, h = 1, r = 1/M, or of a bump I_{i,j} (2.4) with c = e, h = 1/10.
 */
export interface Cylinder {
  readonly center: readonly [number, number, number];
  /** Unit axis. */
  readonly axis: readonly [number, number, number];
  readonly halfLength: number;
  readonly radius: number;
}

/** Orthographic picture of a cylinder: its silhouette, the end cap facing the viewer, its depth. */
export interface CylinderOutline {
  /** Convex silhouette polygon in scene units (y up). */
  readonly silhouette: readonly (readonly [number, number])[];
  /** The rim of the end facing the viewer (an ellipse), in scene units. */
  readonly frontCap: readonly (readonly [number, number])[];
  /** Depth of the centre towards the viewer, for painter's ordering. */
  readonly depth: number;
}

const e1 = new Float64Array(3);
const e2 = new Float64Array(3);

/** Project both end rims (`samples` points each) and take the convex hull: the exact silhouette up to sampling. */
export function cylinderOutline(
  view: OrthographicView,
  c: Cylinder,
  samples = 24,
): CylinderOutline {
  orthonormalFrame(e1, e2, c.axis);
  const rim = (sign: number): Projected[] => {
    const out: Projected[] = [];
    for (let k = 0; k < samples; k++) {
      const t = (2 * Math.PI * k) / samples;
      const [u, w] = [c.radius * Math.cos(t), c.radius * Math.sin(t)];
      const q = [0, 1, 2].map(
        (m) => c.center[m] + sign * c.halfLength * c.axis[m] + u * e1[m] + w * e2[m],
      );
      out.push(project(view, q[0], q[1], q[2]));
    }
    return out;
  };
  const plus = rim(1);
  const minus = rim(-1);
  const axisTowardsViewer =
    c.axis[0] * view.toViewer[0] + c.axis[1] * view.toViewer[1] + c.axis[2] * view.toViewer[2];
  const front = axisTowardsViewer >= 0 ? plus : minus;
  return {
    silhouette: convexHull([...plus, ...minus].map((p) => [p.x, p.y] as const)),
    frontCap: front.map((p) => [p.x, p.y] as const),
    depth: project(view, c.center[0], c.center[1], c.center[2]).depth,
  };
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p.map(([x, y]) => [x, y]);
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const chain = (pts: typeof p) => {
    const h: (readonly [number, number])[] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...chain(p), ...chain([...p].reverse())].map(([x, y]) => [x, y]);
}
