/**
 * Benchmark (not a test): the accuracy targets of issue 17 for one evaluation of the spectral Q,
 * on the domain chosen by src/solvers/spectral/domain.ts with the default angular rule (Lebedev
 * degree 19, 73 directions: "after"), on the same domain with the previous default rule (product
 * rule M = 6, 72 directions: "prod72"), and on the domain used before issue 17 (L = (3+√2)S/2 with
 * S = 3.6√T-type tails, R = 2S, product rule with 32 directions: "before"), at each n given. Exact values: Q(M, M) = 0; BKW ∂t f in closed form
 * and λ = 8π/15; the two-beam dA/dt by the quadrature of bench/two_beam_rate.py.
 *
 * With `--truncation staircase:K` (src/solvers/spectral/truncation.ts) a fourth row per n uses
 * that truncation, on the domain the rule chooses for it, with the default angular rule. With
 * `--pointwise-slack s` a row "moment" uses the two-objective rule `chooseDomainForMoments` (slack s,
 * separated truncation, default angular rule).
 *
 * With `--corrected` three more rows per n evaluate, on the "after" domain, the operator the time
 * stepper uses (`HomogeneousSolver.rhs`, `time-step.ts`) instead of the raw Q: "P" the uniform
 * conservative projection alone, P Q(f); "P+eq" P[Q(f) − Q(M[f])] with M[f] the discrete
 * Maxwellian with the moments of f (Filbet–Pareschi–Rey); "Pnu+eq" the same with the projection
 * weighted by the loss frequency ν[M[f]] (`--projection loss-frequency`). On the "+eq" rows the
 * Q(M,M) column is zero by construction (it shows the round-off), not an accuracy figure.
 *
 *   npx tsx bench/spectral-accuracy.ts [n ...] [--truncation T] [--pointwise-slack s] [--corrected]
 *   (default 16 32)
 */
import { Bkw } from "../src/solvers/spectral/bkw.ts";
import type { SphereRuleName } from "../src/solvers/spectral/directions.ts";
import {
  chooseDomain,
  chooseDomainForMoments,
  type DataScales,
} from "../src/solvers/spectral/domain.ts";
import { makeGrid, type VelocityGrid } from "../src/solvers/spectral/grid.ts";
import {
  bkwScales,
  maxwellian,
  maxwellianScales,
  twoBeam,
  twoBeamScales,
} from "../src/solvers/spectral/initial-data.ts";
import type { SpectralKernel } from "../src/solvers/spectral/mouhot-pareschi.ts";
import { lebedevDegreeFor, RELAX_DEFAULTS } from "../src/solvers/spectral/relaxation.ts";
import {
  parseTruncation,
  SEPARATED,
  type Truncation,
  truncationName,
} from "../src/solvers/spectral/truncation.ts";
import {
  anisotropy,
  bkwMeasures,
  evaluateOperator,
  maxwellianResidual,
  moment,
  type OperatorName,
  twoBeamExact,
} from "./spectral-measures.ts";

/** The box half-width boltzlab used before issue 17 (R = 2S, S = 2L/(3+√2) then implied). */
function previousHalfWidth(speed: number, T: number, Teq: number): number {
  const S = Math.max(Math.abs(speed) + 3.6 * Math.sqrt(T), 3.6 * Math.sqrt(Teq));
  return Math.round(((3 + Math.SQRT2) / 2) * S * 100) / 100;
}

type Domain = {
  L: number;
  R?: number;
  sphere: SphereRuleName;
  angles: number;
  truncation?: Truncation;
  /** Which operator: the raw Q, P Q, or P[Q(f) − Q(M[f])] (`--corrected`). */
  operator?: OperatorName;
};
function evaluate(
  d: Domain,
  n: number,
  kernel: SpectralKernel,
  datum: (g: VelocityGrid) => Float64Array,
) {
  const grid = makeGrid(n, d.L, d.R);
  const f = datum(grid);
  const opts = { sphere: d.sphere, angles: d.angles, truncation: d.truncation };
  return { grid, f, ...evaluateOperator(grid, kernel, opts, f, d.operator ?? "raw") };
}
const ref = twoBeamExact();
const args = process.argv.slice(2);
const ti = args.indexOf("--truncation");
const variant = ti >= 0 ? parseTruncation(args[ti + 1]) : null;
const si = args.indexOf("--pointwise-slack");
const slack = si >= 0 ? Number(args[si + 1]) : null;
const ci = args.indexOf("--corrected");
const flagged = [ti, si].filter((k) => k >= 0).flatMap((k) => [k, k + 1]);
if (ci >= 0) flagged.push(ci);
const sizes = args.filter((_, i) => !flagged.includes(i)).map(Number);
type Label = "before" | "prod72" | "after" | "variant" | "moment" | "P" | "P+eq" | "Pnu+eq";
const after = (s: DataScales, n: number, label: Exclude<Label, "before">): Domain => {
  const trunc = label === "variant" && variant ? variant : SEPARATED;
  return {
    ...(label === "moment" && slack !== null
      ? chooseDomainForMoments(s, n, slack)
      : chooseDomain(s, n, {}, trunc)),
    ...(label === "prod72"
      ? { sphere: "product" as const, angles: RELAX_DEFAULTS.productAngles }
      : { sphere: RELAX_DEFAULTS.sphere, angles: lebedevDegreeFor(n) }),
    truncation: trunc,
    operator: label === "P" || label === "P+eq" || label === "Pnu+eq" ? label : "raw",
  };
};
const labels: Label[] = [
  "before",
  "prod72",
  "after",
  ...(variant ? (["variant"] as const) : []),
  ...(slack !== null ? (["moment"] as const) : []),
  ...(ci >= 0 ? (["P", "P+eq", "Pnu+eq"] as const) : []),
];
const before = (L: number): Domain => ({ L, sphere: "product", angles: 4 });
for (const n of sizes.length ? sizes : [16, 32]) {
  for (const label of labels) {
    const dm =
      label === "before"
        ? before(previousHalfWidth(0, 1, 1))
        : after(maxwellianScales(1), n, label);
    const a = evaluate(dm, n, "hard-sphere", (g) => maxwellian(g, 1, [0, 0, 0], 1));
    const db =
      label === "before" ? before(previousHalfWidth(0, 1, 1)) : after(bkwScales(1, 0.7), n, label);
    const bkw = new Bkw({ K0: 0.7 });
    const b = evaluate(db, n, "constant", (g) => bkw.sample(g, 0, new Float64Array(g.n ** 3)));
    const bkwM = bkwMeasures(b, bkw);
    const dt =
      label === "before"
        ? before(previousHalfWidth(1, 0.5, 0.5 + 1 / 3))
        : after(twoBeamScales(1, 0.5), n, label);
    const c = evaluate(dt, n, "hard-sphere", (g) => twoBeam(g, 1, 0.5));
    const dA = moment(c.grid, c.Q, anisotropy);
    const fmt = (d: Domain, g: VelocityGrid) => `L=${d.L} R=${g.R.toPrecision(3)}`;
    const name = label === "variant" && variant ? truncationName(variant) : label;
    console.log(
      `n=${n} ${name.padEnd(6)} | Q(M,M) ${maxwellianResidual(a.f, a.Q, a.loss).toExponential(2)} (${fmt(dm, a.grid)}, ${dm.sphere} ${dm.angles}) | BKW lambda rel.err ${bkwM.rateError.toExponential(2)}, residual ${bkwM.residual.toExponential(2)} (${fmt(db, b.grid)}) | two-beam dA/dt rel.err ${Math.abs(dA / ref.dAdt - 1).toExponential(2)} (${fmt(dt, c.grid)})`,
    );
  }
}
