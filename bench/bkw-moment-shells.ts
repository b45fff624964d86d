/**
 * Benchmark (not a test): where the BKW fourth-moment rate error of one Q comes from. For each box
 * L:R[:K] (K staircase steps, 1 = separated) at n, the contribution of Q − ∂t f (exact BKW, K0 = 0.7)
 * to the |v|⁴ moment, binned by |v| in shells of width 2 and by the grid's sup-norm ‖v‖∞ (the box
 * faces: ‖v‖∞ > L − 2), each divided by ∫|v|⁴ ∂t f (so the shells sum to the signed rate error).
 * docs/spectral.md ("The staircase and the BKW fourth moment").
 *
 *   npx tsx bench/bkw-moment-shells.ts n L:R[:K] ...
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { RELAX_DEFAULTS } from "../src/solvers/spectral/relaxation.ts";
import { parseTruncation } from "../src/solvers/spectral/truncation.ts";

const [nArg, ...boxes] = process.argv.slice(2);
const n = Number(nArg);
for (const box of boxes) {
  const [Ls, Rs, ks] = box.split(":");
  const L = Number(Ls);
  const K = ks ? Number(ks) : 1;
  const grid = makeGrid(n, L, Number(Rs));
  const op = new MouhotPareschi(grid, "constant", {
    sphere: "lebedev",
    angles: RELAX_DEFAULTS.angles,
    truncation: parseTruncation(K === 1 ? "separated" : `staircase:${K}`),
  });
  const bkw = new Bkw({ K0: 0.7 });
  const f = bkw.sample(grid, 0, new Float64Array(n ** 3));
  const Q = new Float64Array(n ** 3);
  op.evaluate(f, Q);
  const shells = new Float64Array(Math.ceil((Math.sqrt(3) * L) / 2) + 1);
  let faces = 0;
  let exact = 0;
  let i = 0;
  for (const x of grid.axis)
    for (const y of grid.axis)
      for (const z of grid.axis) {
        const v2 = x * x + y * y + z * z;
        const d = bkw.timeDerivative(0, v2);
        const w = v2 * v2;
        exact += w * d;
        const e = w * (Q[i++] - d);
        shells[Math.floor(Math.sqrt(v2) / 2)] += e;
        if (Math.max(Math.abs(x), Math.abs(y), Math.abs(z)) > L - 2) faces += e;
      }
  const norm = -exact;
  const total = shells.reduce((s, e) => s + e, 0);
  const parts = Array.from(
    shells,
    (e, k) => `[${2 * k},${2 * k + 2}) ${(-e / norm).toExponential(1)}`,
  );
  console.log(
    `n=${n} L=${L} R=${Rs} K=${K}: total ${(-total / norm).toExponential(2)} faces(‖v‖∞>L−2) ${(-faces / norm).toExponential(2)} | ${parts.join(" ")}`,
  );
}
