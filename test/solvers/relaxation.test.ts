import assert from "node:assert/strict";
import { test } from "node:test";
import { Bkw } from "../../src/solvers/spectral/bkw.ts";
import { enforcePositivity, rawMoments } from "../../src/solvers/spectral/conservation.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { maxwellian, twoBeam } from "../../src/solvers/spectral/initial-data.ts";
import { moments } from "../../src/solvers/spectral/moments.ts";
import { HomogeneousSolver } from "../../src/solvers/spectral/time-step.ts";

function relChange(a: number, b: number, scale: number): number {
  return Math.abs(a - b) / scale;
}

for (const projection of ["uniform", "maxwellian", "loss-frequency"] as const)
  test(`conservation (${projection} projection): mass, momentum, energy to round-off with only 8 directions; energy lost without correction`, () => {
    const g = makeGrid(16, 7);
    const f0 = twoBeam(g, 1, 0.5);
    // shift the beams off-centre so the momentum is not zero by symmetry
    const f = f0.map((v, i) => v * (1 + 0.3 * Math.sin(i)) ** 2);
    const m0 = moments(g, f);
    const solver = new HomogeneousSolver(g, "hard-sphere", {
      angles: 2,
      scheme: "rk2",
      positivity: "off",
      projection,
    });
    const raw = new HomogeneousSolver(g, "hard-sphere", {
      angles: 2,
      scheme: "rk2",
      positivity: "off",
      conservative: false,
      equilibriumPreserving: false,
    });
    const fr = f.slice();
    for (let s = 0; s < 10; s++) {
      solver.step(f, 0.02);
      raw.step(fr, 0.02);
    }
    const m1 = moments(g, f);
    const p0 = Math.hypot(...m0.momentum) + m0.mass;
    assert.ok(relChange(m1.mass, m0.mass, m0.mass) < 1e-13, `mass ${m1.mass} vs ${m0.mass}`);
    for (let a = 0; a < 3; a++) assert.ok(relChange(m1.momentum[a], m0.momentum[a], p0) < 1e-13);
    assert.ok(
      relChange(m1.energy, m0.energy, m0.energy) < 1e-13,
      `energy ${m1.energy} vs ${m0.energy}`,
    );
    // the raw Mouhot–Pareschi scheme conserves mass (β(l,−l) = β(−l,−l)) but not energy
    const mr = moments(g, fr);
    assert.ok(
      relChange(mr.energy, m0.energy, m0.energy) > 1e-6,
      `uncorrected energy change ${mr.energy - m0.energy}`,
    );
  });

test("Maxwellians are fixed points to round-off after correction (hard spheres and constant kernel, every projection weight)", () => {
  const g = makeGrid(16, 7);
  for (const [kernel, projection] of [
    ["hard-sphere", "uniform"],
    ["constant", "uniform"],
    ["hard-sphere", "maxwellian"],
    ["constant", "maxwellian"],
    ["hard-sphere", "loss-frequency"],
    ["constant", "loss-frequency"],
  ] as const) {
    const M = maxwellian(g, 1.3, [0.4, -0.2, 0.1], 0.9);
    const solver = new HomogeneousSolver(g, kernel, {
      angles: 3,
      scheme: "rk2",
      positivity: "off",
      projection,
    });
    const q = new Float64Array(M.length);
    solver.rhs(M, q);
    const raw = new Float64Array(M.length);
    solver.operator.evaluate(M, raw);
    let qmax = 0;
    let rawMax = 0;
    let mmax = 0;
    for (let i = 0; i < M.length; i++) {
      qmax = Math.max(qmax, Math.abs(q[i]));
      rawMax = Math.max(rawMax, Math.abs(raw[i]));
      mmax = Math.max(mmax, M[i]);
    }
    assert.ok(qmax < 1e-13 * mmax, `${kernel}: corrected Q(M) = ${qmax}`);
    assert.ok(
      rawMax > 1e3 * qmax,
      `${kernel}: uncorrected Q(M) = ${rawMax} is not the round-off level`,
    );
    const f = M.slice();
    for (let s = 0; s < 5; s++) solver.step(f, 0.05);
    let d = 0;
    for (let i = 0; i < M.length; i++) d = Math.max(d, Math.abs(f[i] - M[i]));
    assert.ok(d < 1e-13 * mmax, `${kernel}: M drifted by ${d}`);
  }
});

test("entropy H = ∫ f ln f never increases along a two-beam hard-sphere relaxation (n = 32, 8 directions)", () => {
  const g = makeGrid(32, 7.8);
  const f = twoBeam(g, 1, 0.5);
  const solver = new HomogeneousSolver(g, "hard-sphere", {
    angles: 2,
    scheme: "rk2",
    positivity: "enforce",
  });
  let H = moments(g, f).entropy;
  const H0 = H;
  let t = 0;
  let dt = 0.01;
  while (t < 1) {
    const rep = solver.adaptiveStep(f, dt, 1e-3);
    assert.ok(rep.positivity === undefined || rep.positivity.ok, "positivity correction failed");
    t += rep.dt;
    dt = rep.dtNext;
    const H1 = moments(g, f).entropy;
    assert.ok(H1 <= H + 1e-13 * Math.abs(H), `H increased at t=${t}: ${H} → ${H1}`);
    H = H1;
  }
  // the equilibrium value −(3/2)(1 + ln 2πT), T = 0.5 + 1/3, is approached from above
  const Heq = -1.5 * (1 + Math.log(2 * Math.PI * (0.5 + 1 / 3)));
  assert.ok(
    H < H0 - 0.05 && H > Heq - 1e-3 && H - Heq < 0.1 * (H0 - Heq),
    `H0=${H0} H=${H} Heq=${Heq}`,
  );
  const T = moments(g, f).temperatureTensor;
  // anisotropy Txx − (Tyy + Tzz)/2 starts at U² = 1 and has decayed by more than 10×
  assert.ok(Math.abs(T[0] - 0.5 * (T[1] + T[2])) < 0.1, `anisotropy left: ${T}`);
});

test("BKW relaxation (constant kernel, SSP-RK3): max-norm error against the exact solution falls with n", () => {
  const bkw = new Bkw({ K0: 0.7 });
  const errs: number[] = [];
  for (const n of [8, 16, 32]) {
    const g = makeGrid(n, 8);
    const f = bkw.sample(g, 0, new Float64Array(n ** 3));
    const solver = new HomogeneousSolver(g, "constant", {
      angles: 4,
      scheme: "rk3",
      positivity: "off",
    });
    const dt = 0.05;
    for (let s = 0; s < 10; s++) solver.step(f, dt);
    const ex = bkw.sample(g, 0.5, new Float64Array(n ** 3));
    let e = 0;
    for (let i = 0; i < f.length; i++) e = Math.max(e, Math.abs(f[i] - ex[i]));
    errs.push(e);
  }
  assert.ok(
    errs[1] < errs[0] / 4 && errs[2] < errs[1] / 20,
    `errors ${errs.map((e) => e.toExponential(2))}`,
  );
  assert.ok(errs[2] < 2e-5, `n=32 error ${errs[2]}`);
});

test("positivity correction: clips, restores the five moments, and reports a failure it cannot fix", () => {
  const g = makeGrid(8, 5);
  const f = maxwellian(g, 1, [0, 0, 0], 1);
  const target = rawMoments(g, f);
  f[10] = -1e-4;
  f[200] = -2e-5;
  const r = enforcePositivity(g, f, target);
  assert.equal(r.clipped, 2);
  assert.ok(r.ok);
  for (const v of f) assert.ok(v >= 0);
  const m = rawMoments(g, f);
  for (let a = 0; a < 5; a++)
    assert.ok(Math.abs(m[a] - target[a]) < 1e-12 * (Math.abs(target[a]) + target[0]));
  // an impossible request: restore far more energy than the clipped data can carry smoothly
  const f2 = maxwellian(g, 1, [0, 0, 0], 1);
  const t2 = rawMoments(g, f2);
  t2[4] *= 0.2;
  f2[0] = -1e-9;
  const r2 = enforcePositivity(g, f2, t2);
  assert.equal(r2.ok, false);
  assert.ok(r2.failure && r2.failure.factor < 0);
});
