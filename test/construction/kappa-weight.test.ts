import assert from "node:assert/strict";
import { test } from "node:test";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import {
  beamSobolevNorm,
  kappaVelocityWeight,
  singleBumpPowerIntegral,
} from "../../src/construction/beam/beam-norm.ts";
import { coreNorm } from "../../src/construction/core/core-norm.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { bumpRadius, bumpValue } from "../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";

const params = makeParameters({ M: 8, s: 0.8, s0: 0.5 });
const beam = makeBeam(params, cutoffByName("bump"), "as-in-proof");

test("e^{(1−κt)⟨v⟩²}: κt ∈ [0, 1] only; at t = 0 it is e^{⟨v⟩²}, at t = T* no weight", () => {
  assert.throws(() => kappaVelocityWeight(params.kappa, 1.01 * params.Tstar), /0 ≤ κt ≤ 1/);
  assert.throws(() => kappaVelocityWeight(params.kappa, -1), /0 ≤ κt ≤ 1/);
  const at0 = beamSobolevNorm(beam, 0.5, kappaVelocityWeight(params.kappa, 0));
  const gauss = beamSobolevNorm(beam, 0.5, "gaussian");
  assert.equal(at0.value, gauss.value);
  const atT = beamSobolevNorm(beam, 0.5, kappaVelocityWeight(params.kappa, params.Tstar));
  const none = beamSobolevNorm(beam, 0.5, "none");
  assert.ok(Math.abs(atT.value - none.value) <= 1e-14 * none.value);
  const mid = beamSobolevNorm(beam, 0.5, kappaVelocityWeight(params.kappa, params.Tstar / 2));
  assert.ok(none.value < mid.value && mid.value < gauss.value);
});

test("one bump's ∫ e^{2c⟨v⟩²} I² dv against a Cartesian Gauss–Legendre rule in the bump's box", () => {
  const c = 0.5;
  const lib = singleBumpPowerIntegral(beam, { gaussianFactor: c }, 2);
  // bump along e = (0, 0, 1): v = (x, y, a), a ∈ [0.9, 1.1], |x|, |y| ≤ ρ
  const e = [0, 0, 1];
  const rho = bumpRadius(beam.bump);
  const n = 48;
  const { nodes, weights } = gaussLegendre(n);
  const v = [0, 0, 0];
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++) {
        v[0] = rho * nodes[i];
        v[1] = rho * nodes[j];
        v[2] = 1 + 0.1 * nodes[k];
        const I = bumpValue(beam.bump, e, v);
        if (I === 0) continue;
        const w = Math.exp(c * (1 + v[0] ** 2 + v[1] ** 2 + v[2] ** 2));
        total += weights[i] * weights[j] * weights[k] * (w * I) ** 2;
      }
    }
  }
  total *= rho * rho * 0.1;
  assert.ok(Math.abs(lib - total) <= 2e-4 * total, `${lib} vs ${total}`);
});

test("core norm: the weight e^{c⟨v⟩²} on |v| ≤ 1/N multiplies the unweighted norm by e^c", () => {
  const t = params.Tstar / 3;
  const plain = coreNorm(beam, t, { weighted: false, subtract: 0 }).norm;
  for (const c of [0, 0.25, 1]) {
    const w = coreNorm(beam, t, { weighted: true, gaussianFactor: c, subtract: 0 }).norm;
    assert.ok(Math.abs(w.value / plain.value - Math.exp(c)) <= 1e-12 * Math.exp(c), `c = ${c}`);
  }
  assert.throws(
    () => coreNorm(beam, t, { weighted: true, gaussianFactor: 1.5, subtract: 0 }),
    /gaussianFactor must lie in \[0, 1\]/,
  );
});
