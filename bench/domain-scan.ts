/**
 * Benchmark (not a test): the issue-17 accuracy measures of one Q on boxes given by hand, to see
 * how each depends on L and R (docs/spectral.md, "The domain rule"). Exact values as in
 * bench/spectral-accuracy.ts. For BKW the line also gives the signed fourth-moment rate error of
 * the raw Q and of the time stepper's operators (bench/spectral-measures.ts): "P" the uniform
 * projection, "P+eq" P[Q(f) − Q(M[f])], "stepper" the one `relax` uses, P_ν[Q(f) − Q(M[f])].
 *
 *   npx tsx bench/domain-scan.ts n datum L:R[:K[:P]] (K steps of the staircase, 1 = separated; P Lebedev degree) ...     datum: maxwellian|bkw|two-beam
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import { maxwellian, twoBeam } from "../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { RELAX_DEFAULTS } from "../src/solvers/spectral/relaxation.ts";
import { parseTruncation, SEPARATED } from "../src/solvers/spectral/truncation.ts";
import {
  anisotropy,
  bkwMeasures,
  evaluateOperator,
  maxwellianResidual,
  moment,
  twoBeamExact,
} from "./spectral-measures.ts";

const [nArg, datum, ...boxes] = process.argv.slice(2);
const n = Number(nArg);
const exact = twoBeamExact().dAdt;
for (const box of boxes) {
  const [Ls, Rs, ts, as] = box.split(":");
  const trunc = ts
    ? parseTruncation(Number(ts) === 1 ? "separated" : `staircase:${ts}`)
    : SEPARATED;
  const angles = as ? Number(as) : RELAX_DEFAULTS.angles;
  const grid = makeGrid(n, Number(Ls), Number(Rs));
  const Q = new Float64Array(n ** 3);
  const loss = new Float64Array(n ** 3);
  const kernel = datum === "bkw" ? "constant" : "hard-sphere";
  const op = new MouhotPareschi(grid, kernel, { sphere: "lebedev", angles, truncation: trunc });
  let line = `n=${n} ${datum} L=${Ls} R=${Rs} K=${ts ?? 1} P=${angles}: `;
  if (datum === "maxwellian") {
    const f = maxwellian(grid, 1, [0, 0, 0], 1);
    op.evaluate(f, Q, undefined, loss);
    line += `Q(M,M) ${maxwellianResidual(f, Q, loss).toExponential(2)}`;
  } else if (datum === "bkw") {
    const bkw = new Bkw({ K0: 0.7 });
    const f = bkw.sample(grid, 0, new Float64Array(n ** 3));
    op.evaluate(f, Q);
    const m = bkwMeasures({ grid, f, Q }, bkw);
    const opts = { sphere: "lebedev" as const, angles, truncation: trunc };
    line += `rate ${m.rateError.toExponential(2)} residual ${m.residual.toExponential(2)}; signed rate`;
    for (const op of ["raw", "P", "P+eq", "Pnu+eq"] as const) {
      const q = op === "raw" ? Q : evaluateOperator(grid, kernel, opts, f, op).Q;
      const err = bkwMeasures({ grid, f, Q: q }, bkw).signedRateError;
      line += ` ${op === "Pnu+eq" ? "stepper" : op} ${err.toExponential(2)}`;
    }
  } else {
    const f = twoBeam(grid, 1, 0.5);
    op.evaluate(f, Q);
    const r = moment(grid, Q, anisotropy) / exact - 1;
    line += `rate ${r.toExponential(2)}`;
  }
  console.log(line);
}
