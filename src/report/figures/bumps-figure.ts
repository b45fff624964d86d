import type { Variant } from "../../claims/claim-result.ts";
import { latticeCount, latticePoint } from "../../construction/geometry/lattice.ts";
import { cylinderOutline } from "../cylinder-outline.ts";
import { orthographicView } from "../orthographic.ts";
import { ringColors } from "../palette.ts";
import { element, polygonPath, svgDocument, text } from "../svg-element.ts";
import {
  axis,
  heading,
  latitudeCircle,
  type Scene,
  screenPixel,
  sphereSilhouette,
} from "./scene.ts";

/** Options of {@link bumpsFigure}. */
export interface BumpsFigureOptions {
  /** Lattice parameter; Figure 3 of the paper uses M = 30. */
  readonly M?: number;
  /** Reading of I_{i,j}: radius 1/M (`as-written`, (2.4)) or 1/(10M) (`as-in-proof`, (2.21)). */
  readonly variant: Variant;
  readonly azimuthDeg?: number;
  readonly elevationDeg?: number;
}

/** Class of the silhouette drawn for each bump support (one per lattice point). */
export const BUMP_CLASS = "bump";

/** Cross-section radius of Supp I_{i,j} in the given reading: 1/M as written (2.4), 1/(10M) in (2.21). */
export function bumpSupportRadius(M: number, variant: Variant): number {
  return variant === "as-in-proof" ? 1 / (10 * M) : 1 / M;
}

const WIDTH = 640;
const HEIGHT = 540;

/**
 * Figure 3: the supports of I_{i,j}(v) = χ(M P⊥ v) χ(10 P(v − e_{i,j})) of (2.4): short cylinders
 * centred at e_{i,j} with axial range |v·e_{i,j} − 1| < 1/10 and cross-section radius per the
 * variant, over the unit hemisphere; faded where the unit sphere hides them. Red: the equators of
 * |v| = 3/4 and 5/4, the annulus of (2.12).
 */
export function bumpsFigure(options: BumpsFigureOptions): string {
  const M = options.M ?? 30;
  const radius = bumpSupportRadius(M, options.variant);
  const scene: Scene = {
    view: orthographicView(options.azimuthDeg ?? -60, options.elevationDeg ?? 28),
    cx: WIDTH / 2,
    cy: 330,
    scale: 205,
  };
  const color = ringColors(M);
  const e = new Float64Array(3);
  const bumps: { depth: number; svg: string }[] = [];
  for (let j = 1; j <= M; j++) {
    for (let i = 1; i <= j; i++) {
      latticePoint(e, 0, i, j, M);
      const o = cylinderOutline(scene.view, {
        center: [e[0], e[1], e[2]],
        axis: [e[0], e[1], e[2]],
        halfLength: 0.1,
        radius,
      });
      const front = o.depth >= 0;
      const c = color(j);
      bumps.push({
        depth: o.depth,
        svg: element("path", {
          class: BUMP_CLASS,
          "data-i": i,
          "data-j": j,
          d: polygonPath(o.silhouette.map((p) => screenPixel(scene, p))),
          fill: c,
          "fill-opacity": front ? 0.55 : 0.15,
          stroke: c,
          "stroke-opacity": front ? 1 : 0.35,
          "stroke-width": 0.7,
        }),
      });
    }
  }
  bumps.sort((a, b) => a.depth - b.depth);
  const radiusText = options.variant === "as-in-proof" ? "1/(10M)" : "1/M";
  return svgDocument(WIDTH, HEIGHT, [
    heading(
      `Figure 3 — supports of I_{i,j}(v), M = ${M}, variant ${options.variant}`,
      `${options.variant === "as-in-proof" ? "as used in (2.21): χ(10 M" : "(2.4): χ(M"} P⊥ v) χ(10 P(v − e_{i,j})): |v·e − 1| < 1/10, |P⊥ v| < ${radiusText} = ${radius.toPrecision(3)}; ${latticeCount(M)} supports`,
    ),
    sphereSilhouette(scene, 1, true, "#bbb"),
    latitudeCircle(scene, 0, 1, "#bbb"),
    latitudeCircle(scene, 0, 0.75, "#c66", 0.75),
    latitudeCircle(scene, 0, 1.25, "#c66", 1.25),
    axis(scene, [0, 0, 1], 1.35, "v_z"),
    ...bumps.map((b) => b.svg),
    text(
      "red: |v| = 3/4 and |v| = 5/4 in the plane v_z = 0, the annulus of (2.12); dashed where hidden",
      {
        x: 16,
        y: HEIGHT - 14,
        "font-size": 11,
        fill: "#555",
      },
    ),
  ]);
}
