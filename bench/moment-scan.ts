/**
 * Benchmark (not a test): signed moment errors of one Q on boxes given by hand, next to the
 * predictions of the moment models of src/solvers/spectral/domain.ts (docs/spectral.md, "The
 * fourth moment at the box faces"). For BKW (constant kernel, K0 = 0.7): the fourth-moment rate
 * λ against 8π/15 (signed: λ/λ_exact − 1) and the max-norm residual against the exact ∂t f. For the
 * two-beam datum (hard spheres, U = 1, T_b = 1/2): the anisotropy rate against the quadrature of
 * bench/two_beam_rate.py, and the fourth moments of Q against a reference Q (default n = 64,
 * L = 10.6, R = 8.65, Lebedev 23: the default n = 64 domain), all signed: M4 is the error of
 * ∫|v|⁴Q divided by ∫|v|⁴|Q_ref| (∫|v|⁴Q_ref itself nearly vanishes for this datum), X4 the
 * relative error of ∫v_x⁴Q.
 *
 * With `--grid-part n2` it prints instead, for each box, the change of the fourth moments of Q
 * from n2 to n points on the same box (the grid's part of their error: truncation and aliasing are
 * the same at both n), relative to ∫|v|⁴|Q| at n2; `--kernel hard-sphere|constant` overrides the
 * datum's kernel (BKW is exact for the constant kernel only, so use it with --grid-part).
 *
 *   npx tsx bench/moment-scan.ts n bkw|two-beam L:R[:K] ... [--ref nref:Lref:Rref:degree]
 *     [--grid-part n2] [--kernel hard-sphere|constant]
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { errorExponents, momentErrorTerms, tailExponent } from "../src/solvers/spectral/domain.ts";
import { makeGrid, type VelocityGrid } from "../src/solvers/spectral/grid.ts";
import { bkwScales, twoBeam, twoBeamScales } from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { lebedevDegreeFor } from "../src/solvers/spectral/relaxation.ts";
import { parseTruncation, SEPARATED, type Truncation } from "../src/solvers/spectral/truncation.ts";
import { anisotropy, bkwMeasures, moment, twoBeamExact } from "./spectral-measures.ts";

const argv = process.argv.slice(2);
const iref = argv.indexOf("--ref");
const refSpec = iref >= 0 ? argv.splice(iref, 2)[1] : "64:10.6:8.65:23";
const igp = argv.indexOf("--grid-part");
const gridPart = igp >= 0 ? Number(argv.splice(igp, 2)[1]) : 0;
const iker = argv.indexOf("--kernel");
const kernelArg = iker >= 0 ? argv.splice(iker, 2)[1] : null;
const [nArg, datum, ...boxes] = argv;
const n = Number(nArg);
const r4 = (x: number, y: number, z: number) => (x * x + y * y + z * z) ** 2;
const x4 = (x: number) => x ** 4;

function evaluate(g: VelocityGrid, f: Float64Array, angles: number, t: Truncation): Float64Array {
  const Q = new Float64Array(g.n ** 3);
  const kernel =
    kernelArg === "constant" || kernelArg === "hard-sphere"
      ? kernelArg
      : datum === "bkw"
        ? "constant"
        : "hard-sphere";
  new MouhotPareschi(g, kernel, { sphere: "lebedev", angles, truncation: t }).evaluate(f, Q);
  return Q;
}
const e = (x: number) => x.toExponential(2);

const scales = datum === "bkw" ? bkwScales(1, 0.7) : twoBeamScales(1, 0.5);
let exactRate = 0;
let refM4 = 0;
let refX4 = 0;
let refAbs4 = 0;
const sample = (g: VelocityGrid) =>
  datum === "bkw"
    ? new Bkw({ K0: 0.7 }).sample(g, 0, new Float64Array(g.n ** 3))
    : twoBeam(g, 1, 0.5);
if (gridPart) {
  for (const box of boxes) {
    const [Ls, Rs, Ks] = box.split(":");
    const K = Ks ? Number(Ks) : 1;
    const t = K === 1 ? SEPARATED : parseTruncation(`staircase:${K}`);
    const m: number[][] = [];
    for (const nn of [n, gridPart]) {
      const g = makeGrid(nn, Number(Ls), Number(Rs));
      const Q = evaluate(g, sample(g), lebedevDegreeFor(n), t);
      m.push([
        moment(g, Q, r4),
        moment(g, Q, x4),
        moment(g, Q.map(Math.abs), r4),
        moment(g, Q, anisotropy),
      ]);
    }
    const [a, b] = m;
    const p = momentErrorTerms(scales, n, Number(Ls), Number(Rs), t);
    const ex = errorExponents(scales, n, Number(Ls), Number(Rs), t);
    console.log(
      `${datum} kernel ${kernelArg ?? "default"} L=${Ls} R=${Rs} K=${K}: n=${n} minus n=${gridPart}, relative to ∫|v|⁴|Q|: |v|⁴ ${e((a[0] - b[0]) / b[2])} v_x⁴ ${e((a[1] - b[1]) / b[2])}; relative to |∫|v|⁴Q|: ${e((a[0] - b[0]) / Math.abs(b[0]))}; anisotropy rate ${e((a[3] - b[3]) / Math.abs(b[3]))} (v_x⁴ share of the |v|⁴ part ${((a[1] - b[1]) / (a[0] - b[0])).toFixed(2)}) | model at n=${n}: face ${e(p.face)} (x, y, z faces ${p.faceByAxis.map(e).join(", ")}; x share ${(p.faceByAxis[0] / (3 * p.face)).toFixed(2)}; radial ${e(Math.exp(3 - ex.resolution - 2 * tailExponent(scales, Math.max(0, Number(Ls) - Number(Rs)))))}) res² ${e(p.resolutionSquared)} e^-E_r ${e(Math.exp(-ex.resolution))}`,
    );
  }
  process.exit(0);
}
if (datum === "two-beam") {
  exactRate = twoBeamExact().dAdt;
  const [nr, Lr, Rr, Pr] = refSpec.split(":").map(Number);
  const gr = makeGrid(nr, Lr, Rr);
  const Qr = evaluate(gr, twoBeam(gr, 1, 0.5), Pr, SEPARATED);
  refM4 = moment(gr, Qr, r4);
  refX4 = moment(gr, Qr, x4);
  refAbs4 = moment(gr, Qr.map(Math.abs), r4);
  console.log(
    `reference n=${nr} L=${Lr} R=${Rr} lebedev ${Pr}: ∫|v|⁴Q = ${refM4.toPrecision(10)} ∫v_x⁴Q = ${refX4.toPrecision(10)} ∫|v|⁴|Q| = ${refAbs4.toPrecision(6)}, rate error ${e(moment(gr, Qr, anisotropy) / exactRate - 1)}`,
  );
}
for (const box of boxes) {
  const [Ls, Rs, Ks] = box.split(":");
  const L = Number(Ls);
  const R = Number(Rs);
  const K = Ks ? Number(Ks) : 1;
  const t = K === 1 ? SEPARATED : parseTruncation(`staircase:${K}`);
  const g = makeGrid(n, L, R);
  const angles = lebedevDegreeFor(n);
  const p = momentErrorTerms(scales, n, L, R, t);
  const ex = errorExponents(scales, n, L, R, t);
  const model = `model: trunc ${e(p.truncation)} res² ${e(p.resolutionSquared)} alias ${e(p.aliasing)} face ${e(p.face)} (x, y, z ${p.faceByAxis.map(e).join(", ")}) | pointwise e^-E ${e(Math.exp(-ex.overall))}`;
  let line = `n=${n} ${datum} L=${L} R=${R} K=${K}: `;
  if (datum === "bkw") {
    const bkw = new Bkw({ K0: 0.7 });
    const f = bkw.sample(g, 0, new Float64Array(n ** 3));
    const Q = evaluate(g, f, angles, t);
    const m = bkwMeasures({ grid: g, f, Q }, bkw);
    line += `rate ${e(m.signedRateError)} residual ${e(m.residual)}`;
  } else {
    const Q = evaluate(g, twoBeam(g, 1, 0.5), angles, t);
    line += `rate ${e(moment(g, Q, anisotropy) / exactRate - 1)} M4 ${e((moment(g, Q, r4) - refM4) / refAbs4)} X4 ${e(moment(g, Q, x4) / refX4 - 1)}`;
  }
  console.log(`${line} | ${model}`);
}
