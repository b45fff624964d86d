/**
 * Issue 17: accuracy of one evaluation of the spectral Q on the domain chosen by `domain.ts`, with
 * the default angular resolution, at n = 16 and 32 (errors must fall, and meet the bounds at 32).
 * Exact values come from closed forms or an independent quadrature (bench/two_beam_rate.py).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { Bkw } from "../../src/solvers/spectral/bkw.ts";
import {
  chooseDomain,
  chooseDomainForMoments,
  type DataScales,
} from "../../src/solvers/spectral/domain.ts";
import { makeGrid, type VelocityGrid } from "../../src/solvers/spectral/grid.ts";
import {
  bkwScales,
  maxwellian,
  maxwellianScales,
  twoBeam,
  twoBeamScales,
} from "../../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi, type SpectralKernel } from "../../src/solvers/spectral/mouhot-pareschi.ts";
import { RELAX_DEFAULTS } from "../../src/solvers/spectral/relaxation.ts";

/**
 * kipack's errors on the same four measures (an external reference, not computed here): mazhengcn/kipack
 * at commit adb3f8c run unmodified on CPU by `python3 bench/kipack_compare.py /tmp/kipack 16 32`,
 * 2026-12-06 08:08–08:24 UTC, its convention L = (3+√2)S/2, R = 2S, nr = n/2, 32-point design
 * (table "Side by side with kipack" in docs/spectral.md).
 */
const KIPACK = {
  16: { qmm: 1.6e-3, bkwRate: 1.5e-1, bkwResidual: 2.5e-2, twoBeam: 9.4e-3 },
  32: { qmm: 2.2e-7, bkwRate: 3.6e-5, bkwResidual: 5.1e-5, twoBeam: 2.9e-6 },
} as const;

function evaluate(
  scales: DataScales,
  n: number,
  kernel: SpectralKernel,
  datum: (g: VelocityGrid) => Float64Array,
  rule: typeof chooseDomain = chooseDomain,
) {
  const d = rule(scales, n);
  const grid = makeGrid(n, d.L, d.R);
  const f = datum(grid);
  const n3 = n ** 3;
  const Q = new Float64Array(n3);
  const gain = new Float64Array(n3);
  const loss = new Float64Array(n3);
  new MouhotPareschi(grid, kernel, {
    sphere: RELAX_DEFAULTS.sphere,
    angles: RELAX_DEFAULTS.angles,
  }).evaluate(f, Q, gain, loss);
  return { grid, f, Q, loss };
}

/** ∫ w(v) Q(v) dv on the grid (trapezoidal rule). */
function moment(
  grid: VelocityGrid,
  Q: Float64Array,
  w: (x: number, y: number, z: number) => number,
) {
  let s = 0;
  let idx = 0;
  for (const x of grid.axis)
    for (const y of grid.axis) for (const z of grid.axis) s += w(x, y, z) * Q[idx++];
  return s * grid.dv;
}

test("hard spheres: max|Q(M,M)| / max(M·A) <= 1e-6 at n = 32 and falling from n = 16", () => {
  const rel: number[] = [];
  for (const n of [16, 32]) {
    const { f, Q, loss } = evaluate(maxwellianScales(1), n, "hard-sphere", (g) =>
      maxwellian(g, 1, [0, 0, 0], 1),
    );
    let q = 0;
    let s = 0;
    for (let i = 0; i < Q.length; i++) {
      q = Math.max(q, Math.abs(Q[i]));
      s = Math.max(s, f[i] * loss[i]);
    }
    rel.push(q / s);
  }
  assert.ok(rel[1] <= 1e-6, `n=32: ${rel[1]}`);
  assert.ok(rel[1] < rel[0] / 10, `not falling: ${rel}`);
  assert.ok(rel[0] <= KIPACK[16].qmm && rel[1] <= KIPACK[32].qmm, `kipack: ${rel}`);
});

test("BKW, constant kernel: the fourth-moment rate λ = −(dM₄/dt)/(2ρ(M₄ − 15ρT²)) equals 8π/15 to 1e-4", () => {
  // dM₄/dt = −2λρ(M₄ − 15ρT²) with λ = 8π/15 (derivation in src/solvers/spectral/bkw.ts; the
  // closed form of ∂t f_BKW checks it independently in spectral-q.test.ts)
  const exact = (8 * Math.PI) / 15;
  const errs: number[] = [];
  for (const n of [16, 32]) {
    const bkw = new Bkw({ K0: 0.7 });
    const { grid, f, Q } = evaluate(bkwScales(1, 0.7), n, "constant", (g) =>
      bkw.sample(g, 0, new Float64Array(g.n ** 3)),
    );
    const r4 = (x: number, y: number, z: number) => (x * x + y * y + z * z) ** 2;
    const rho = moment(grid, f, () => 1);
    const T = moment(grid, f, (x, y, z) => x * x + y * y + z * z) / (3 * rho);
    const lambda = -moment(grid, Q, r4) / (2 * rho * (moment(grid, f, r4) - 15 * rho * T * T));
    errs.push(Math.abs(lambda / exact - 1));
  }
  assert.ok(errs[1] <= 1e-4, `n=32: ${errs[1]}`);
  assert.ok(errs[1] < errs[0] / 10, `not falling: ${errs}`);
  assert.ok(errs[0] <= KIPACK[16].bkwRate && errs[1] <= KIPACK[32].bkwRate, `kipack: ${errs}`);
});

test("BKW: max-norm residual Q(f) − ∂t f relative to max|∂t f| falls from n = 16 to 32", () => {
  const errs: number[] = [];
  for (const n of [16, 32]) {
    const bkw = new Bkw({ K0: 0.7 });
    const { grid, Q } = evaluate(bkwScales(1, 0.7), n, "constant", (g) =>
      bkw.sample(g, 0, new Float64Array(g.n ** 3)),
    );
    let e = 0;
    let s = 0;
    let idx = 0;
    for (const x of grid.axis)
      for (const y of grid.axis)
        for (const z of grid.axis) {
          const ex = bkw.timeDerivative(0, x * x + y * y + z * z);
          e = Math.max(e, Math.abs(Q[idx++] - ex));
          s = Math.max(s, Math.abs(ex));
        }
    errs.push(e / s);
  }
  assert.ok(errs[1] < 1e-4, `n=32: ${errs[1]}`);
  assert.ok(errs[1] < errs[0] / 10, `not falling: ${errs}`);
  assert.ok(
    errs[0] <= KIPACK[16].bkwResidual && errs[1] <= KIPACK[32].bkwResidual,
    `kipack: ${errs}`,
  );
});

test("two-beam, hard spheres: initial anisotropy rate (dA/dt)/A₀ to 1e-4 against an independent quadrature; its error is the truncation's", () => {
  const script = join(import.meta.dirname, "../../bench/two_beam_rate.py");
  const radii = [16, 32].map((n) => chooseDomain(twoBeamScales(1, 0.5), n).R);
  const ref = JSON.parse(
    execFileSync("python3", [script, "1", "0.5", "--truncation", radii.join(",")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  assert.ok(Math.abs(ref.dAdt + 10.0971) < 1e-3, `quadrature: ${ref.dAdt}`);
  const errs: number[] = [];
  [16, 32].forEach((n, i) => {
    const { grid, Q } = evaluate(twoBeamScales(1, 0.5), n, "hard-sphere", (g) =>
      twoBeam(g, 1, 0.5),
    );
    const dA = moment(grid, Q, (x, y, z) => x * x - 0.5 * (y * y + z * z));
    errs.push(Math.abs(dA / ref.dAdt - 1)); // A₀ = U² = 1 exactly
    // the rate of the kernel truncated to |x|, |y| <= R (same quadrature) explains most of the
    // error: what is left after it (grid, aliasing, angles) is at most a fifth of it
    // (docs/spectral.md; measured 1/9.7 at n = 16, 1/19 at n = 32)
    const truncated = ref.truncated[i].separated;
    const truncationError = Math.abs(truncated / ref.dAdt - 1);
    const rest = Math.abs(dA / truncated - 1);
    assert.ok(rest < truncationError / 5, `n=${n}: rest ${rest}, truncation ${truncationError}`);
  });
  assert.ok(errs[1] <= 1e-4, `n=32: ${errs[1]}`);
  assert.ok(errs[1] < errs[0] / 10, `not falling: ${errs}`);
  // kipack's figure is met at n = 16; at n = 32 it is not (1.3e-5 against 2.9e-6: the rule
  // balances the truncation against the pointwise resolution error, docs/spectral.md; the
  // two-objective option gives 4.4e-6, next test)
  assert.ok(errs[0] <= KIPACK[16].twoBeam, `n=16 against kipack: ${errs[0]}`);
});

test("default angular rule: the two-beam Q at n = 16 is near a converged rule (max norm), the product rule of the same cost is not", () => {
  // Lebedev degree 41 (295 directions) as the converged reference on the same grid and truncation;
  // the n = 16 box of the measurement in docs/spectral.md ("The angular rule"), fixed so that the
  // test is about the angular rule (on the current rule's box, L = 6.28, R = 4.83, Lebedev 19 is
  // 9.8e-4 from the reference and 4.5 times closer than the product rule)
  const grid = makeGrid(16, 5.76, 4.35);
  const f = twoBeam(grid, 1, 0.5);
  const Q = (sphere: "lebedev" | "product", angles: number) => {
    const out = new Float64Array(16 ** 3);
    const op = new MouhotPareschi(grid, "hard-sphere", { sphere, angles });
    op.evaluate(f, out);
    return { out, directions: op.directions };
  };
  const ref = Q("lebedev", 41).out;
  const scale = ref.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const dist = (q: Float64Array) =>
    q.reduce((m, v, i) => Math.max(m, Math.abs(v - ref[i])), 0) / scale;
  const lebedev = Q(RELAX_DEFAULTS.sphere, RELAX_DEFAULTS.angles);
  const product = Q("product", RELAX_DEFAULTS.productAngles);
  assert.ok(Math.abs(lebedev.directions - product.directions) <= 1, "same cost");
  const eL = dist(lebedev.out);
  const eP = dist(product.out);
  assert.ok(eL < 1e-3, `default rule: ${eL}`);
  assert.ok(eL < eP / 5, `default ${eL} vs product ${eP}`);
});

test("two-objective rule (option, chooseDomainForMoments): the two-beam anisotropy rate at n = 32 is at least 2x closer than on the pointwise rule's box", () => {
  const script = join(import.meta.dirname, "../../bench/two_beam_rate.py");
  const ref = JSON.parse(
    execFileSync("python3", [script, "1", "0.5"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  const rateError = (rule: typeof chooseDomain) => {
    const { grid, Q } = evaluate(
      twoBeamScales(1, 0.5),
      32,
      "hard-sphere",
      (g) => twoBeam(g, 1, 0.5),
      rule,
    );
    const dA = moment(grid, Q, (x, y, z) => x * x - 0.5 * (y * y + z * z));
    return Math.abs(dA / ref.dAdt - 1);
  };
  const pointwise = rateError(chooseDomain);
  const moments = rateError((s, n) => chooseDomainForMoments(s, n));
  // measured 1.30e-5 and 4.4e-6 (docs/spectral.md, "A second objective for moments"); kipack's
  // 2.9e-6 is still not met
  assert.ok(moments < pointwise / 2, `moments ${moments}, pointwise ${pointwise}`);
});
