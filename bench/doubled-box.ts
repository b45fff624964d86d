/**
 * Benchmark (not a test): what the domain rule calls aliasing, seen directly. A datum — the two-beam
 * one (hard spheres, U = 1, T_b = 1/2) or BKW (constant kernel, K₀ = 0.7) — is evaluated twice with
 * the same n, R, h and angular rule:
 * - on its periodic box [−L, L)³ ("periodic", what `relax` does);
 * - on the doubled box [−2L, 2L)³ with 2n points, the datum zero-padded ("doubled"). Here no
 *   collision partner of a node of the inner box wraps around.
 * It prints the relative error of the datum's rate — the anisotropy rate dA/dt, or BKW's
 * fourth-moment rate d/dt ∫|v|⁴f against −(8π/15)·2ρ(M₄ − 15ρT²) — for:
 * - "periodic": the periodic box;
 * - "doubled, inner": the doubled box summed over the inner box;
 * - "doubled, all": the doubled box summed over all of it.
 * Then periodic − doubled for the gain term Q⁺ and the loss term f·ν, shell by shell in |v| and
 * weighted as in the rate (v_x² − (v_y² + v_z²)/2, or |v|⁴). Last come the inner-box node where the gain
 * differs most, and the two directions e of the angular rule that carry most of that difference
 * (docs/spectral.md, "The rule against kipack on the solver's own operator").
 *
 *   npx tsx bench/doubled-box.ts n two-beam|bkw L:R[:K] ...   (K > 1: staircase:K; Lebedev 19)
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { makeGrid, type VelocityGrid } from "../src/solvers/spectral/grid.ts";
import { twoBeam } from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { anisotropy, moment, twoBeamExact } from "./spectral-measures.ts";

const twoBeamRate = twoBeamExact().dAdt;
const [nArg, datum, ...boxes] = process.argv.slice(2);
if (datum !== "two-beam" && datum !== "bkw") throw new Error("datum must be two-beam or bkw");
const kernel = datum === "bkw" ? "constant" : "hard-sphere";
const n = Number(nArg);
const m = 2 * n;
const o = n / 2;
const SHELLS = [0, 2, 4, 6, 7, 8, 9, 10, 12];
const weight =
  datum === "bkw" ? (x: number, y: number, z: number) => (x * x + y * y + z * z) ** 2 : anisotropy;
/** The exact rate of the weight's moment for the datum sampled on g. */
function exactRate(g: VelocityGrid, f: Float64Array): number {
  if (datum === "two-beam") return twoBeamRate;
  const rho = moment(g, f, () => 1);
  const T = moment(g, f, (x, y, z) => x * x + y * y + z * z) / (3 * rho);
  return -((8 * Math.PI) / 15) * 2 * rho * (moment(g, f, weight) - 15 * rho * T * T);
}
/** Index in the doubled grid of inner node (i, j, k). */
const inner = (i: number, j: number, k: number) => ((i + o) * m + j + o) * m + k + o;

function terms(op: MouhotPareschi, g: VelocityGrid, f: Float64Array) {
  const N = g.n ** 3;
  const Q = new Float64Array(N);
  const gain = new Float64Array(N);
  const loss = new Float64Array(N);
  op.evaluate(f, Q, gain, loss);
  const spec = new Float64Array(2 * N);
  op.transform(f, spec);
  return { Q, gain, loss, spec };
}

for (const box of boxes) {
  const [L, R, K] = box.split(":").map(Number);
  const opts = { sphere: "lebedev" as const, angles: 19, truncation: { steps: K || 1 } };
  const g = makeGrid(n, L, R);
  const g2 = makeGrid(m, 2 * L, R);
  const f =
    datum === "bkw"
      ? new Bkw({ K0: 0.7 }).sample(g, 0, new Float64Array(n ** 3))
      : twoBeam(g, 1, 0.5);
  const exact = exactRate(g, f);
  const f2 = new Float64Array(m ** 3);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) f2[inner(i, j, k)] = f[(i * n + j) * n + k];
  const opP = new MouhotPareschi(g, kernel, opts);
  const opD = new MouhotPareschi(g2, kernel, opts);
  const P = terms(opP, g, f);
  const D = terms(opD, g2, f2);
  const Qin = new Float64Array(n ** 3);
  const gainShell = new Float64Array(SHELLS.length);
  const lossShell = new Float64Array(SHELLS.length);
  let worst = { d: 0, i: 0, j: 0, k: 0 };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const a = (i * n + j) * n + k;
        const b = inner(i, j, k);
        Qin[a] = D.Q[b];
        const [x, y, z] = [g.axis[i], g.axis[j], g.axis[k]];
        const w = (weight(x, y, z) * g.dv) / exact;
        const r = Math.hypot(x, y, z);
        let s = 0;
        while (s + 1 < SHELLS.length && r >= SHELLS[s + 1]) s++;
        const dg = w * (P.gain[a] - D.gain[b]);
        gainShell[s] += dg;
        lossShell[s] -= w * f[a] * (P.loss[a] - D.loss[b]);
        if (Math.abs(dg) > Math.abs(worst.d)) worst = { d: dg, i, j, k };
      }
  const e = (v: number) => v.toExponential(2);
  console.log(
    `n=${n} L=${L} R=${R} K=${K || 1}: rate error periodic ${e(moment(g, P.Q, weight) / exact - 1)}` +
      ` | doubled, inner ${e(moment(g, Qin, weight) / exact - 1)}` +
      ` | doubled, all ${e(moment(g2, D.Q, weight) / exact - 1)}`,
  );
  for (let s = 0; s < SHELLS.length; s++)
    console.log(
      `  |v| in [${SHELLS[s]}, ${SHELLS[s + 1] ?? "∞"}): periodic − doubled, gain ${e(gainShell[s])} loss ${e(lossShell[s])}`,
    );
  const { i, j, k } = worst;
  const a = (i * n + j) * n + k;
  const b = inner(i, j, k);
  const vs = [g.axis[i], g.axis[j], g.axis[k]].map((q) => q.toFixed(2)).join(", ");
  console.log(
    `  largest gain difference at v = (${vs}): periodic ${e(P.gain[a])}, doubled ${e(D.gain[b])}`,
  );
  const one = new Float64Array(n ** 3);
  const two = new Float64Array(m ** 3);
  const byDir: { diff: number; dir: string }[] = [];
  for (let d = 0; d < opP.directions; d++) {
    opP.gainOverDirections(P.spec, d, d + 1, one);
    opD.gainOverDirections(D.spec, d, d + 1, two);
    const dir = [0, 1, 2].map((c) => opP.rule.dirs[3 * d + c].toFixed(3)).join(", ");
    byDir.push({ diff: one[a] - two[b], dir });
  }
  byDir.sort((p, q) => Math.abs(q.diff) - Math.abs(p.diff));
  for (const { diff, dir } of byDir.slice(0, 2))
    console.log(`    direction e = (${dir}): periodic − doubled ${e(diff)}`);
}
