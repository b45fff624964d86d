/**
 * The local Maxwellian wave backgrounds (src/solvers/particles/local-maxwellian-wave.ts): their
 * residual source −R, R = v·∇x f_ref, against closed forms of linear functionals (derived by hand
 * from Gaussian moments, not from the code), their collision frequency against a quadrature of
 * `value`, and the flight bound.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalSampler } from "../../../src/math/sampling/normal-sampler.ts";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { localMaxwellianWave } from "../../../src/solvers/particles/local-maxwellian-wave.ts";
import { HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";

/** E Σ w φ per unit time from M proposals: (bound/M) Σ sign·φ, with its standard error. */
function sourceFunctional(
  b: ReturnType<typeof localMaxwellianWave>,
  phi: (x: number, v: number[]) => number,
  M: number,
  seed: number,
): { mean: number; se: number } {
  const rand = seededUniform(seed);
  const normal = normalSampler(rand);
  const out = new Float64Array(7);
  const src = b.source;
  assert.ok(src !== undefined);
  const bound = src.bound(0, 1);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < M; i++) {
    const sign = src.sample(0, 1, rand, normal, out);
    const y = sign === 0 ? 0 : bound * sign * phi(out[1], [out[4], out[5], out[6]]);
    s += y;
    s2 += y * y;
  }
  const mean = s / M;
  return { mean, se: Math.sqrt((s2 / M - mean * mean) / M) };
}

test("shear wave: the source gives ∫∫(−R) v_x v_y cos kx = −a k ρ T L³/2, ∫∫(−R) v_x v_y² sin kx cos kx = −a²kρTL³/4, ∫∫(−R) = 0", () => {
  // R = a k cos(kx) v_x (v_y − u)/T f_ref: ∫ v_x² v_y (v_y − u) ρM_T(v − u e_y)/T dv = ρT for every u,
  // and ∫ cos² kx over the box = L³/2
  for (const [k, a, rho, T] of [
    [1, 0.3, 1, 1],
    [2, 0.8, 1.5, 0.7],
  ]) {
    const b = localMaxwellianWave(HARD_SPHERE, "shear", k, a, rho, T);
    const L = (2 * Math.PI) / k;
    const exact = (-a * k * rho * T * L ** 3) / 2;
    const f = sourceFunctional(b, (x, v) => v[0] * v[1] * Math.cos(k * x), 200000, 11);
    assert.ok(Math.abs(f.mean - exact) < 4 * f.se, `${f.mean} ± ${f.se} vs ${exact}`);
    assert.ok(f.se < 0.02 * Math.abs(exact));
    const m = sourceFunctional(b, () => 1, 200000, 12);
    assert.ok(Math.abs(m.mean) < 4 * m.se, `mass ${m.mean} ± ${m.se}`);
    // the drift u = a sin kx: ∫ v_x² v_y² (v_y − u)/T ρM_T(v − u e_y) dv = 2ρuT, and
    // ∫ cos kx · sin kx · (sin kx cos kx) over the box = L³/8: ∫∫(−R) v_x v_y² sin kx cos kx = −a²kρTL³/4
    const d = sourceFunctional(
      b,
      (x, v) => v[0] * v[1] * v[1] * Math.sin(k * x) * Math.cos(k * x),
      200000,
      15,
    );
    const dExact = (-a * a * k * rho * T * L ** 3) / 4;
    assert.ok(Math.abs(d.mean - dExact) < 4 * d.se, `drift ${d.mean} ± ${d.se} vs ${dExact}`);
    assert.ok(d.se < 0.1 * Math.abs(dExact));
  }
});

test("heat wave at constant pressure: ∫∫(−R) v_x |v|²/2 cos kx = −(5/4) a k ρ₀ T₀² L³ (thinned source)", () => {
  // R = v_x T'(|v|²/(2T²) − 5/(2T)) f_ref; ∫ v_x²(|v|²/2)(|v|²/(2T²) − 5/(2T)) ρM_T dv = (5/2)ρT
  // (Gaussian moments 35T³ρ and 5T²ρ); ρT = ρ₀T₀ and T' = a k T₀ cos kx, ∫cos² = L³/2
  for (const [k, a, rho, T] of [
    [1, 0.3, 1, 1],
    [0.5, 0.6, 0.8, 1.4],
  ]) {
    const b = localMaxwellianWave(HARD_SPHERE, "heat", k, a, rho, T);
    const L = (2 * Math.PI) / k;
    const exact = -1.25 * a * k * rho * T * T * L ** 3;
    const f = sourceFunctional(
      b,
      (x, v) => 0.5 * v[0] * (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) * Math.cos(k * x),
      300000,
      13,
    );
    assert.ok(Math.abs(f.mean - exact) < 4 * f.se, `${f.mean} ± ${f.se} vs ${exact}`);
    assert.ok(f.se < 0.03 * Math.abs(exact));
    // ∫∫(−R) v_x cos kx = 0 (the (5/2)ρT cancels); ∫∫(−R) = 0
    const g = sourceFunctional(b, (x, v) => v[0] * Math.cos(k * x), 300000, 14);
    assert.ok(Math.abs(g.mean) < 4 * g.se, `${g.mean} ± ${g.se}`);
  }
});

test("collision frequency = 2π∫|u − v| f_ref(x, u) du (midpoint quadrature of value) and ≤ the flight bound", () => {
  for (const wave of ["shear", "heat"] as const) {
    const b = localMaxwellianWave(HARD_SPHERE, wave, 1, 0.4, 1.2, 0.9);
    for (const [x0, v] of [
      [0.7, [0.3, -1.1, 0.5]],
      [4.0, [1.5, 0.2, -0.4]],
    ] as const) {
      const x = [x0, 0.2, 0.1];
      const n = 70;
      const R = 7;
      const h = (2 * R) / n;
      let q = 0;
      const u = [0, 0, 0];
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          for (let l = 0; l < n; l++) {
            u[0] = -R + (i + 0.5) * h;
            u[1] = -R + (j + 0.5) * h;
            u[2] = -R + (l + 0.5) * h;
            q += b.value(0, x, u) * Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
          }
      q *= 2 * Math.PI * h ** 3;
      const A = b.collisionFrequency(0, x, v);
      assert.ok(Math.abs(A - q) < 3e-3 * q, `${wave}: A ${A} vs quadrature ${q}`);
      assert.ok(b.frequencyBound(0, x, v, 1) >= A);
    }
  }
  const rand = seededUniform(5);
  for (const wave of ["shear", "heat"] as const) {
    const b = localMaxwellianWave(HARD_SPHERE, wave, 2, -0.5);
    for (let i = 0; i < 2000; i++) {
      const x = [Math.PI * rand(), 0, 0];
      const v = [4 * rand() - 2, 4 * rand() - 2, 4 * rand() - 2];
      assert.ok(b.frequencyBound(0, x, v, 1) >= b.collisionFrequency(0, x, v));
    }
  }
});
