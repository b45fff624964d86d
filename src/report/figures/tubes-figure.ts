import { latticeCount, latticePoint } from "../../construction/geometry/lattice.ts";
import { cylinderOutline } from "../cylinder-outline.ts";
import { orthographicView } from "../orthographic.ts";
import { ringColors } from "../palette.ts";
import { element, polygonPath, svgDocument } from "../svg-element.ts";
import { axis, heading, pixel, type Scene, screenPixel, sphereSilhouette } from "./scene.ts";

/** Options of {@link tubesFigure}. */
export interface TubesFigureOptions {
  /** Lattice parameter; Figure 2 of the paper uses M = 5. */
  readonly M?: number;
  readonly azimuthDeg?: number;
  readonly elevationDeg?: number;
}

/** Class of the silhouette drawn for each tube K_{i,j} (one per lattice point). */
export const TUBE_CLASS = "tube";

const WIDTH = 640;
const HEIGHT = 600;

/**
 * Figure 2: the supports of the tubes K_{i,j}(x) = χ(M P⊥_{e_{i,j}} x) χ(P_{e_{i,j}} x) of (2.4):
 * solid cylinders of radius 1/M around the segments e_{i,j}·[−1, 1], all through the origin, in
 * an orthographic view. Each tube is its translucent silhouette, the rim of its end facing the viewer
 * and its axis; the dashed circle is the unit sphere |x| = 1.
 */
export function tubesFigure(options: TubesFigureOptions = {}): string {
  const M = options.M ?? 5;
  const scene: Scene = {
    view: orthographicView(options.azimuthDeg ?? -60, options.elevationDeg ?? 20),
    cx: WIDTH / 2,
    cy: 330,
    scale: 230,
  };
  const color = ringColors(M);
  const e = new Float64Array(3);
  const tubes: { depth: number; svg: string }[] = [];
  for (let j = 1; j <= M; j++) {
    for (let i = 1; i <= j; i++) {
      latticePoint(e, 0, i, j, M);
      const ax: [number, number, number] = [e[0], e[1], e[2]];
      const o = cylinderOutline(scene.view, {
        center: [0, 0, 0],
        axis: ax,
        halfLength: 1,
        radius: 1 / M,
      });
      const c = color(j);
      const [x0, y0] = pixel(scene, -ax[0], -ax[1], -ax[2]);
      const [x1, y1] = pixel(scene, ax[0], ax[1], ax[2]);
      const tipDepth = Math.abs(
        ax[0] * scene.view.toViewer[0] +
          ax[1] * scene.view.toViewer[1] +
          ax[2] * scene.view.toViewer[2],
      );
      tubes.push({
        depth: -tipDepth,
        svg: element("g", { class: TUBE_CLASS, "data-i": i, "data-j": j }, [
          element("path", {
            d: polygonPath(o.silhouette.map((p) => screenPixel(scene, p))),
            fill: c,
            "fill-opacity": 0.16,
            stroke: c,
            "stroke-width": 1.1,
          }),
          element("path", {
            d: polygonPath(o.frontCap.map((p) => screenPixel(scene, p))),
            fill: c,
            "fill-opacity": 0.35,
            stroke: c,
            "stroke-width": 0.8,
          }),
          element("line", {
            x1: x0,
            y1: y0,
            x2: x1,
            y2: y1,
            stroke: c,
            "stroke-width": 0.6,
            "stroke-dasharray": "2 2",
          }),
        ]),
      });
    }
  }
  tubes.sort((a, b) => a.depth - b.depth);
  return svgDocument(WIDTH, HEIGHT, [
    heading(
      `Figure 2 — supports of the tubes K_{i,j}(x), M = ${M}`,
      `(2.4): K_{i,j}(x) = χ(M P⊥ x) χ(P x): cylinders of radius 1/M = ${(1 / M).toPrecision(3)} along e_{i,j}·[−1, 1]; ${latticeCount(M)} tubes`,
    ),
    element("g", { "stroke-dasharray": "5 4" }, [sphereSilhouette(scene, 1, false, "#999")]),
    axis(scene, [0, 0, 1], 1.25, "z"),
    ...tubes.map((t) => t.svg),
  ]);
}
