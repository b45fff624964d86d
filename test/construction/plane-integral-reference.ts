import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";

/**
 * Brute-force reference for the plane integrals of the beam–core gain (tests only):
 * ∫ f(p) dA(p) over the disk of radius 1.2 about `centre` in the plane through it with unit normal
 * `normal`, in polar coordinates about the centre (Gauss–Legendre with `nr` nodes in the radius,
 * `nTheta` equal steps in the angle). Independent of the code under test's plane-section rules.
 */
export function planeDiskIntegral(
  centre: readonly number[],
  normal: readonly number[],
  f: (p: number[]) => number,
  nr: number,
  nTheta: number,
): number {
  const e1 = [normal[1], -normal[0], 0].map((x) => x / Math.hypot(normal[0], normal[1]));
  const e2 = [
    normal[1] * e1[2] - normal[2] * e1[1],
    normal[2] * e1[0] - normal[0] * e1[2],
    normal[0] * e1[1] - normal[1] * e1[0],
  ];
  const g = gaussLegendre(nr);
  let P = 0;
  const p = [0, 0, 0];
  for (let i = 0; i < nr; i++) {
    const r = 0.6 * (1 + g.nodes[i]);
    for (let k = 0; k < nTheta; k++) {
      const th = (2 * Math.PI * k) / nTheta;
      for (let d = 0; d < 3; d++)
        p[d] = centre[d] + r * (Math.cos(th) * e1[d] + Math.sin(th) * e2[d]);
      P += 0.6 * g.weights[i] * r * ((2 * Math.PI) / nTheta) * f(p);
    }
  }
  return P;
}
