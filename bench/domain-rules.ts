/**
 * Benchmark (not a test): the issue-17 scorecard of a domain rule at one n — the figures compared
 * with kipack (docs/spectral.md, "The rule against kipack on the solver's own operator") for the
 * pointwise rule (`chooseDomain`, slack 1) and the second-moment rule with slack s
 * (`chooseDomainForMoments`), under one truncation and one Lebedev degree:
 *
 *   Q(M,M)   hard spheres, raw Q: max|Q(M,M)| / max(M·loss) (exact 0; on the stepper's operator
 *            it is zero by construction, so only the raw figure means anything);
 *   BKW λ    signed relative error of the fourth-moment rate (constant kernel, K₀ = 0.7), of the
 *            raw Q and of the operator `relax` steps with (P_ν[Q(f) − Q(M[f])], "stepper");
 *   BKW res  max|Q − ∂t f_BKW| / max|∂t f_BKW| (raw; the stepper's differs by < 1 %);
 *   2-beam   signed relative error of dA/dt, hard spheres (exact: bench/two_beam_rate.py; the
 *            stepper's operator gives the same digits at n ≥ 32).
 *
 *   npx tsx bench/domain-rules.ts n [--truncation separated|staircase:K] [--degree P] s ...
 *   (s = 1: the pointwise rule, the default of `relax`; default s list: 1 2 3)
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import {
  chooseDomain,
  chooseDomainForMoments,
  type DataScales,
  type DomainChoice,
} from "../src/solvers/spectral/domain.ts";
import { makeGrid } from "../src/solvers/spectral/grid.ts";
import {
  bkwScales,
  maxwellian,
  maxwellianScales,
  twoBeam,
  twoBeamScales,
} from "../src/solvers/spectral/initial-data.ts";
import { lebedevDegreeFor } from "../src/solvers/spectral/relaxation.ts";
import { parseTruncation, truncationName } from "../src/solvers/spectral/truncation.ts";
import { takeOption } from "./bench-args.ts";
import {
  anisotropy,
  bkwMeasures,
  evaluateOperator,
  maxwellianResidual,
  moment,
  twoBeamExact,
} from "./spectral-measures.ts";

const argv = process.argv.slice(2);
const flag = (name: string) => takeOption(argv, name);
const truncation = parseTruncation(flag("--truncation") ?? "separated");
const degreeArg = flag("--degree");
const n = Number(argv[0]);
const slacks = argv.length > 1 ? argv.slice(1).map(Number) : [1, 2, 3];
const degree = degreeArg ? Number(degreeArg) : lebedevDegreeFor(n);
const opts = { sphere: "lebedev" as const, angles: degree, truncation };
const twoBeamRate = twoBeamExact().dAdt;

const rule = (s: DataScales, slack: number): DomainChoice =>
  slack === 1
    ? chooseDomain(s, n, {}, truncation)
    : chooseDomainForMoments(s, n, slack, truncation);
const box = (d: DomainChoice) => `(${d.L}, ${d.R})`;

for (const slack of slacks) {
  const dm = rule(maxwellianScales(1), slack);
  const gm = makeGrid(n, dm.L, dm.R);
  const fm = maxwellian(gm, 1, [0, 0, 0], 1);
  const m = evaluateOperator(gm, "hard-sphere", opts, fm, "raw");

  const db = rule(bkwScales(1, 0.7), slack);
  const gb = makeGrid(n, db.L, db.R);
  const bkw = new Bkw({ K0: 0.7 });
  const fb = bkw.sample(gb, 0, new Float64Array(n ** 3));
  const raw = bkwMeasures(
    { grid: gb, f: fb, Q: evaluateOperator(gb, "constant", opts, fb, "raw").Q },
    bkw,
  );
  const stepper = bkwMeasures(
    { grid: gb, f: fb, Q: evaluateOperator(gb, "constant", opts, fb, "Pnu+eq").Q },
    bkw,
  );

  const dt = rule(twoBeamScales(1, 0.5), slack);
  const gt = makeGrid(n, dt.L, dt.R);
  const ft = twoBeam(gt, 1, 0.5);
  const Qt = evaluateOperator(gt, "hard-sphere", opts, ft, "raw").Q;
  const beam = moment(gt, Qt, anisotropy) / twoBeamRate - 1;

  const e = (x: number) => x.toExponential(2);
  console.log(
    `n=${n} ${truncationName(truncation)} Lebedev ${degree} slack ${slack} | ` +
      `Q(M,M) ${e(maxwellianResidual(fm, m.Q, m.loss))} ${box(dm)} | ` +
      `BKW λ raw ${e(raw.signedRateError)} stepper ${e(stepper.signedRateError)} ` +
      `res ${e(raw.residual)} ${box(db)} | 2-beam ${e(beam)} ${box(dt)}`,
  );
}
