/**
 * DSMC in a periodic box: a uniform Maxwellian is an equilibrium (Q = 0, no gradients). After many
 * collision times the cell occupation stays multinomial-uniform (χ² over the cells), particles stay
 * in [0, L)³, and mass, momentum and energy are conserved to round-off through wrap and collisions.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { dsmcAdvance, makeDsmc } from "../../../src/solvers/particles/dsmc.ts";
import {
  sampleMaxwellian,
  uniformInBox,
} from "../../../src/solvers/particles/initial-particles.ts";
import { HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";
import { particleMoments } from "../../../src/solvers/particles/particle-moments.ts";

test("periodic box: a uniform Maxwellian stays uniform and Maxwellian; conservation to round-off", () => {
  const L = 2;
  const cells = 4;
  const N = 40000;
  const p = uniformInBox(sampleMaxwellian(N, seededUniform(21), 1), L, seededUniform(22));
  for (let i = 0; i < N; i++) p.w[i] *= L ** 3; // density 1 in the box
  const m0 = particleMoments(p);
  const s = makeDsmc(
    p,
    { kernel: HARD_SPHERE, domain: { kind: "periodic", L, cells }, dt: 0.02 },
    seededUniform(23),
  );
  dsmcAdvance(s, 1);
  // ≈ 11 collisions per particle (ν ≈ 2π·E|u−v| ≈ 10 at ρ = T = 1)
  assert.ok(s.collisions > 4 * N, `${s.collisions}`);
  const m = particleMoments(p);
  assert.ok(Math.abs(m.mass - m0.mass) < 1e-12 * m0.mass);
  for (let a = 0; a < 3; a++) assert.ok(Math.abs(m.momentum[a] - m0.momentum[a]) < 1e-10);
  assert.ok(Math.abs(m.energy - m0.energy) < 1e-12 * m0.energy);
  const counts = new Float64Array(cells ** 3);
  for (let i = 0; i < N; i++) {
    const c = [0, 1, 2].map((a) => {
      const x = p.x[3 * i + a];
      assert.ok(x >= 0 && x < L, `x = ${x}`);
      return Math.floor((x * cells) / L);
    });
    counts[(c[0] * cells + c[1]) * cells + c[2]]++;
  }
  // χ² with 63 degrees of freedom: mean 63, sd √126 ≈ 11.2; 4 sd → 108
  const e = N / cells ** 3;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - e) ** 2 / e;
  assert.ok(chi2 < 63 + 4 * Math.sqrt(126), `chi2 = ${chi2}`);
  // the temperature tensor stays isotropic at T = 1 (SE ≈ √(2/N) ≈ 0.007)
  for (const T of m.temperature)
    assert.ok(Math.abs(T - m0.temperature[0]) < 0.04, `${m.temperature}`);
});
