/**
 * Benchmark (not a test): the two-beam hard-sphere Q (U = 1, T_b = 1/2) on given boxes and angular
 * rules, against a reference Q computed on a finer, larger box and interpolated trigonometrically
 * to each box's points (max-norm error relative to max|Q_ref|), and its anisotropy rate dA/dt
 * against the quadrature of bench/two_beam_rate.py. Separates what the box (L, R) and the angular
 * rule cost pointwise from what they cost the rate (docs/spectral.md, "The two-beam rate").
 *
 *   npx tsx bench/two-beam-boxes.ts n L:R[:sphere:angles] ... [--ref nref:Lref:Rref:degree]
 *     [--truncation separated|staircase:K]   (the boxes' truncation; the reference is separated)
 *     (default reference 64:10.4:8.49:23, the chosen n = 64 domain with Lebedev degree 23;
 *      sphere lebedev|product, default lebedev 19)
 */
import type { SphereRuleName } from "../src/solvers/spectral/directions.ts";
import { makeGrid, type VelocityGrid } from "../src/solvers/spectral/grid.ts";
import { twoBeam } from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";
import {
  parseTruncation,
  SEPARATED,
  type Truncation,
  truncationName,
} from "../src/solvers/spectral/truncation.ts";
import { anisotropy, moment, twoBeamExact } from "./spectral-measures.ts";

const exact = twoBeamExact().dAdt;
const argv = process.argv.slice(2);
const iref = argv.indexOf("--ref");
const refSpec = iref >= 0 ? argv.splice(iref, 2)[1] : "64:10.4:8.49:23";
const itr = argv.indexOf("--truncation");
const trunc = itr >= 0 ? parseTruncation(argv.splice(itr, 2)[1]) : SEPARATED;
const [n, ...boxes] = argv;

function evaluate(
  g: VelocityGrid,
  sphere: SphereRuleName,
  angles: number,
  truncation: Truncation = SEPARATED,
): Float64Array {
  const Q = new Float64Array(g.n ** 3);
  new MouhotPareschi(g, "hard-sphere", { sphere, angles, truncation }).evaluate(
    twoBeam(g, 1, 0.5),
    Q,
  );
  return Q;
}
const rateError = (g: VelocityGrid, Q: Float64Array) => moment(g, Q, anisotropy) / exact - 1;

const [nr, Lr, Rr, Pr] = refSpec.split(":").map(Number);
const gr = makeGrid(nr, Lr, Rr);
const Qr = evaluate(gr, "lebedev", Pr);
const N = gr.n;
const qmax = Qr.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
console.log(
  `reference n=${N} L=${Lr} R=${Rr} lebedev ${Pr}: rate error ${rateError(gr, Qr).toExponential(2)}`,
);

/** Weights of the trigonometric interpolant of the reference's samples at the points t. */
function interpolationWeights(t: Float64Array): Float64Array {
  const W = new Float64Array(t.length * N);
  for (let i = 0; i < t.length; i++)
    for (let j = 0; j < N; j++) {
      const d = (Math.PI / gr.L) * (t[i] - gr.axis[j]);
      let s = 1 + Math.cos((N / 2) * d); // the Nyquist mode split evenly
      for (let k = 1; k < N / 2; k++) s += 2 * Math.cos(k * d);
      W[i * N + j] = s / N;
    }
  return W;
}

for (const box of boxes) {
  const [L, R, sphere = "lebedev", angles = "19"] = box.split(":");
  const g = makeGrid(Number(n), Number(L), Number(R));
  const m = g.n;
  const Q = evaluate(g, sphere as SphereRuleName, Number(angles), trunc);
  const W = interpolationWeights(g.axis);
  // Q_ref at the box's points, one axis at a time: (a,b,c) → (i,b,c) → (i,j,c) → (i,j,k)
  const A = new Float64Array(m * N * N);
  const B = new Float64Array(m * m * N);
  for (let i = 0; i < m; i++)
    for (let a = 0; a < N; a++) {
      const w = W[i * N + a];
      for (let r = 0; r < N * N; r++) A[i * N * N + r] += w * Qr[a * N * N + r];
    }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++)
      for (let b = 0; b < N; b++) {
        const w = W[j * N + b];
        for (let c = 0; c < N; c++) B[(i * m + j) * N + c] += w * A[(i * N + b) * N + c];
      }
  let e = 0;
  for (let ij = 0; ij < m * m; ij++)
    for (let k = 0; k < m; k++) {
      let s = 0;
      for (let c = 0; c < N; c++) s += W[k * N + c] * B[ij * N + c];
      e = Math.max(e, Math.abs(s - Q[ij * m + k]));
    }
  console.log(
    `n=${m} L=${L} R=${R} ${truncationName(trunc)} ${sphere} ${angles}: max|Q - Q_ref|/max|Q_ref| = ${(e / qmax).toExponential(2)}, rate error ${rateError(g, Q).toExponential(2)}`,
  );
}
