/**
 * The cancellation's restoration (src/solvers/particles/deviational.ts, `cancel`): the options
 * `cancellationMoments: "covariance"` (count, momentum and all second moments of each cube's
 * deleted pairs restored by an affine map of its survivors) and `cancellationCarry: "neighbours"`
 * (an unrestorable cube's deficit goes to its 3³ then 5³ neighbour cubes, never further).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import {
  cancel,
  type DeviationalOptions,
  makeDeviational,
} from "../../../src/solvers/particles/deviational.ts";
import { globalMaxwellian } from "../../../src/solvers/particles/global-maxwellian.ts";
import { HARD_SPHERE } from "../../../src/solvers/particles/particle-kernel.ts";
import {
  makeParticleSet,
  type ParticleSet,
  pushParticle,
} from "../../../src/solvers/particles/particle-set.ts";

type Moments = DeviationalOptions["cancellationMoments"];
type Carry = DeviationalOptions["cancellationCarry"];

/**
 * Signed particles: every other one +ε from N((0.3, 0, 0), diag(1.21, 0.81, 1)), the others −ε
 * from N(0, I) (a sign-changing, anisotropic f_δ); share > ½ makes the + particles that fraction
 * instead (dense cubes keep survivors). x₀ carries the particle's index (the homogeneous domain never
 * moves x, and the cancellation's compaction copies it), so survivors can be traced to their cube.
 */
function sample(n: number, seed: number, share = 0.5): { p: ParticleSet; eps: number } {
  const rand = seededUniform(seed);
  const g = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const p = makeParticleSet(n);
  const eps = 1 / n;
  for (let i = 0; i < n; i++) {
    if (share === 0.5 ? i % 2 === 0 : rand() < share)
      pushParticle(p, i, 0, 0, 0.3 + 1.1 * g(), 0.9 * g(), g(), eps);
    else pushParticle(p, i, 0, 0, g(), g(), g(), -eps);
  }
  return { p, eps };
}

function state(p: ParticleSet, eps: number, dv: number, m: Moments, c: Carry, seed = 1) {
  return makeDeviational(
    p,
    {
      background: globalMaxwellian(1, 1, HARD_SPHERE),
      domain: { kind: "homogeneous" },
      dt: 0.01,
      epsilon: eps,
      cancellationBin: dv,
      cancellationMoments: m,
      cancellationCarry: c,
    },
    seededUniform(seed),
  );
}

/** Σ w·(1, v_i, v_iv_j) over the particles with `pick(i)` (10 moments). */
function moments10(p: ParticleSet, pick: (i: number) => boolean = () => true): number[] {
  const m = new Array(10).fill(0);
  for (let i = 0; i < p.count; i++) {
    if (!pick(i)) continue;
    const w = p.w[i];
    const v = [p.v[3 * i], p.v[3 * i + 1], p.v[3 * i + 2]];
    m[0] += w;
    for (let a = 0; a < 3; a++) m[1 + a] += w * v[a];
    let q = 4;
    for (let a = 0; a < 3; a++) for (let b = a; b < 3; b++) m[q++] += w * v[a] * v[b];
  }
  return m;
}

test("covariance restoration with neighbour carry: each cancellation conserves mass, momentum, energy and every second moment Σw v_iv_j to round-off (the energy map does not)", () => {
  for (const [m, c] of [
    ["covariance", "neighbours"],
    ["energy", "neighbours"],
    ["energy", "key-order"],
  ] as const) {
    const { p, eps } = sample(6000, 7);
    const s = state(p, eps, 0.5, m, c);
    const before = moments10(p);
    cancel(s);
    const after = moments10(p);
    assert.ok(s.cancelledPairs > 1000, `${m}/${c}: pairs ${s.cancelledPairs}`);
    assert.equal(s.unrestored, 0);
    const d = after.map((x, i) => Math.abs(x - before[i]));
    // mass, momentum, energy (half the trace: indices 4, 7, 9) exact in every variant
    const energy = Math.abs(after[4] + after[7] + after[9] - (before[4] + before[7] + before[9]));
    for (const x of [d[0], d[1], d[2], d[3], energy]) assert.ok(x < 1e-13, `${m}/${c}: ${d}`);
    const second = Math.max(d[4], d[5], d[6], d[7], d[8], d[9]);
    if (m === "covariance") assert.ok(second < 1e-13, `covariance: second moments moved ${second}`);
    else
      assert.ok(second > 1e-4, `${m}/${c}: the energy map leaves the second moments (${second})`);
    if (c === "neighbours") {
      assert.equal(s.cancellation.carried, 0); // nothing left the 5³ neighbourhoods
      assert.equal(s.cancellation.toEnd, 0);
    }
  }
});

test("covariance restoration: every cube whose own survivors take its deficit keeps its 10 moments to round-off; the energy map moves them", () => {
  // 85 % positive particles uniform in [−2, 2)³ (+ with a drift in x), cubes of side 1: every cube
  // keeps ≈ 220 survivors against ≈ 50 deleted pairs, so every deficit is restored in its own cube
  const dv = 1;
  for (const m of ["covariance", "energy"] as const) {
    const rand = seededUniform(11);
    const p = makeParticleSet(20000);
    const eps = 1 / 20000;
    const u = () => 4 * rand() - 2;
    for (let i = 0; i < 20000; i++) {
      const plus = rand() < 0.85;
      const x = plus ? u() + 0.5 * rand() : u();
      pushParticle(p, i, 0, 0, x, u(), u(), plus ? eps : -eps);
    }
    const cubeOf = new Map<number, number>(); // particle index (x₀) → cube key
    const cube = (x: number) => Math.floor(x / dv) + 512;
    for (let i = 0; i < p.count; i++)
      cubeOf.set(
        p.x[3 * i],
        (cube(p.v[3 * i]) * 1024 + cube(p.v[3 * i + 1])) * 1024 + cube(p.v[3 * i + 2]),
      );
    const keys = [...new Set(cubeOf.values())];
    const byCube = (q: ParticleSet) =>
      keys.map((k) => moments10(q, (i) => cubeOf.get(q.x[3 * i]) === k));
    const before = byCube(p);
    const s = state(p, eps, dv, m, "neighbours");
    cancel(s);
    const after = byCube(p);
    const st = s.cancellation;
    assert.ok(st.deficitCubes > 50, `cubes with pairs ${st.deficitCubes}`);
    let worst = 0;
    let worstSecond = 0;
    for (let c = 0; c < keys.length; c++)
      for (let q = 0; q < 10; q++) {
        const err = Math.abs(after[c][q] - before[c][q]);
        worst = Math.max(worst, err);
        if (q >= 4) worstSecond = Math.max(worstSecond, err);
      }
    if (m === "covariance") {
      assert.equal(st.inCube, st.deficitCubes, "every deficit restored in its own cube");
      assert.ok(worst < 1e-14, `per-cube moments moved by ${worst}`);
    } else
      assert.ok(worstSecond > 1e-6, `energy map: per-cube second moments moved ${worstSecond}`);
  }
});

test("coarse cubes (δv = 0.6): the bias of one cancellation on the heat-flux functional ∫v_x|v|² f_δ is smaller with covariance + neighbour carry than with the energy map + key-order carry", () => {
  // mean over seeded samples of the change of ∫ψ f_δ by one cancel call, ± its standard error
  const R = 30;
  const bias = (m: Moments, c: Carry) => {
    let s1 = 0;
    let s2 = 0;
    for (let r = 0; r < R; r++) {
      const { p, eps } = sample(4000, 100 + r);
      const psi = () => {
        let t = 0;
        for (let i = 0; i < p.count; i++) {
          const x = p.v[3 * i];
          const y = p.v[3 * i + 1];
          const z = p.v[3 * i + 2];
          t += p.w[i] * x * (x * x + y * y + z * z);
        }
        return t;
      };
      const a = psi();
      cancel(state(p, eps, 0.6, m, c, 100 + r));
      const d = psi() - a;
      s1 += d;
      s2 += d * d;
    }
    const mean = s1 / R;
    return { mean, se: Math.sqrt((s2 / R - mean * mean) / (R - 1)) };
  };
  const old = bias("energy", "key-order");
  const fresh = bias("covariance", "neighbours");
  // the old bias is resolved (> 4 SE) and the new one is below it with 3 SE on both sides
  assert.ok(Math.abs(old.mean) > 4 * old.se, `old ${old.mean} ± ${old.se}`);
  assert.ok(
    Math.abs(fresh.mean) + 3 * fresh.se < Math.abs(old.mean) - 3 * old.se,
    `new ${fresh.mean} ± ${fresh.se}, old ${old.mean} ± ${old.se}`,
  );
});

test("cancellation options: bad values are refused with a RuleError", () => {
  const { p, eps } = sample(200, 3);
  assert.throws(() => state(p, eps, 0.5, "cubic" as Moments, "neighbours"), /cancellation moments/);
  assert.throws(() => state(p, eps, 0.5, "energy", "far" as Carry), /cancellation carry/);
});
