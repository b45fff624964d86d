import { makeLattice } from "../../construction/geometry/lattice.ts";
import { orthographicView } from "../orthographic.ts";
import { ringColors } from "../palette.ts";
import { coord, element, svgDocument } from "../svg-element.ts";
import {
  axis,
  heading,
  latitudeCircle,
  pixel,
  ringColorBar,
  type Scene,
  sphereSilhouette,
} from "./scene.ts";

/** Options of {@link latticeFigure}. */
export interface LatticeFigureOptions {
  /** Lattice parameter; Figure 1 of the paper uses M = 50. */
  readonly M?: number;
  readonly azimuthDeg?: number;
  readonly elevationDeg?: number;
}

/** Class of the circle drawn for each lattice point e_{i,j} (one per point). */
export const LATTICE_POINT_CLASS = "lattice-point";

const WIDTH = 640;
const HEIGHT = 520;

/**
 * Figure 1: the points e_{i,j} of (2.3) on the upper unit hemisphere, seen from above the equator
 * in an orthographic projection, coloured by ring j. Points on the far side of the dome are drawn
 * faded; every one of the M(M+1)/2 points is one `<circle class="lattice-point">`.
 */
export function latticeFigure(options: LatticeFigureOptions = {}): string {
  const M = options.M ?? 50;
  const lat = makeLattice(M);
  const scene: Scene = {
    view: orthographicView(options.azimuthDeg ?? -60, options.elevationDeg ?? 28),
    cx: WIDTH / 2,
    cy: 340,
    scale: 250,
  };
  const color = ringColors(M);
  const points: { depth: number; svg: string }[] = [];
  for (let k = 0; k < lat.count; k++) {
    const [x, y, z] = [lat.e[3 * k], lat.e[3 * k + 1], lat.e[3 * k + 2]];
    const [px, py] = pixel(scene, x, y, z);
    const depth =
      x * scene.view.toViewer[0] + y * scene.view.toViewer[1] + z * scene.view.toViewer[2];
    const front = depth >= 0;
    points.push({
      depth,
      svg: element("circle", {
        class: LATTICE_POINT_CLASS,
        cx: coord(px),
        cy: coord(py),
        r: front ? 2.4 : 1.8,
        fill: color(lat.ring[k]),
        "fill-opacity": front ? 1 : 0.35,
        "data-i": lat.azimuth[k],
        "data-j": lat.ring[k],
      }),
    });
  }
  points.sort((a, b) => a.depth - b.depth);
  return svgDocument(WIDTH, HEIGHT, [
    heading(
      `Figure 1 — lattice points e_{i,j} on the upper hemisphere, M = ${M}`,
      `(2.3): e_{i,j} = (sin θ_j cos(2πi/j), sin θ_j sin(2πi/j), cos θ_j), 1 ≤ i ≤ j ≤ M; ${lat.count} points; far side faded`,
    ),
    sphereSilhouette(scene, 1, true),
    latitudeCircle(scene, 0, 1),
    axis(scene, [0, 0, 1], 1.15, "z"),
    ...points.map((p) => p.svg),
    ringColorBar(M, 16, HEIGHT - 24),
  ]);
}
