/**
 * A background that is not a solution: free transport of the anisotropic blob
 * f₀ = cπ^{3/2}e^{−|x|²}M_{0,diag(T)} with the constant kernel, whose residual −R = Q(f_ref, f_ref) is
 * injected as signed particles. Deviational mode starting from f_δ = 0 (f₀ = f_ref(0) exactly, so
 * everything f_δ carries comes from the source and the linear events) must match plain DSMC of f₀.
 * Functionals with closed forms on the background (free transport keeps velocity moments, and
 * ∫∫x_i² f_ref = cπ³(½ + T_i t²)):
 *   Θ_v = ∫∫(v_x² − (v_y²+v_z²)/2) f,  Θ_v[f_ref] = cπ³(T_x − T_y);
 *   Θ_x = ∫∫(x_x² − (x_y²+x_z²)/2) f,  Θ_x[f_ref] = cπ³ t²(T_x − T_y).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { seededUniform } from "../../../src/math/sampling/uniform-stream.ts";
import { deviationalAdvance, makeDeviational } from "../../../src/solvers/particles/deviational.ts";
import { dsmcAdvance, makeDsmc } from "../../../src/solvers/particles/dsmc.ts";
import { freeTransportAnisotropic } from "../../../src/solvers/particles/free-transport-anisotropic.ts";
import { sampleAnisotropicBlob } from "../../../src/solvers/particles/initial-particles.ts";
import { CONSTANT } from "../../../src/solvers/particles/particle-kernel.ts";
import { makeParticleSet, type ParticleSet } from "../../../src/solvers/particles/particle-set.ts";
import { meanError, replicaSeed } from "../../../src/solvers/particles/replica-statistics.ts";

const C = 0.1;
const T = [0.7, 0.4, 0.4];
const T_END = 0.25;
const R = 8;
const N = 30000;
const bg = freeTransportAnisotropic(CONSTANT, C, T);

function anisotropy(p: ParticleSet, arr: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.count; i++)
    s += p.w[i] * (arr[3 * i] ** 2 - 0.5 * (arr[3 * i + 1] ** 2 + arr[3 * i + 2] ** 2));
  return s;
}

test("anisotropic free transport: A = 4π∫f_ref du against a quadrature of `value`", () => {
  const [t, x, v] = [0.3, [0.4, -0.2, 0.1], [0.5, 0.1, -0.3]];
  const n = 80;
  const L = 4;
  const h = (2 * L) / n;
  const u = [0, 0, 0];
  let s = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        u[0] = -L + (i + 0.5) * h;
        u[1] = -L + (j + 0.5) * h;
        u[2] = -L + (k + 0.5) * h;
        s += bg.value(t, x, u);
      }
  const ref = 4 * Math.PI * s * h ** 3;
  const A = bg.collisionFrequency(t, x, v);
  assert.ok(Math.abs(A - ref) < 1e-6 * ref, `${A} vs ${ref}`);
  assert.ok(bg.frequencyBound(t, x, v, 0.2) >= A);
});

test("residual source: deviational from f_δ = 0 around a non-solution matches DSMC", () => {
  const dv = new Float64Array(R);
  const dx = new Float64Array(R);
  const mv = new Float64Array(R);
  const mx = new Float64Array(R);
  let injected = 0;
  for (let r = 0; r < R; r++) {
    const p = sampleAnisotropicBlob(N, seededUniform(replicaSeed(41, 2 * r)), T, C);
    const s = makeDsmc(
      p,
      { kernel: CONSTANT, domain: { kind: "free", cellSize: 0.2 }, dt: 0.01 },
      seededUniform(replicaSeed(41, 2 * r + 1)),
    );
    dsmcAdvance(s, T_END);
    dv[r] = anisotropy(p, p.v);
    dx[r] = anisotropy(p, p.x);
    const q = makeParticleSet(1024);
    const d = makeDeviational(
      q,
      {
        background: bg,
        domain: { kind: "free", cellSize: 0.5 },
        dt: 0.02,
        epsilon: (C * Math.PI ** 3) / N,
        cancellationBin: 0.5,
      },
      seededUniform(replicaSeed(42, r)),
    );
    deviationalAdvance(d, T_END);
    injected += d.sourceParticles;
    const base = C * Math.PI ** 3 * (T[0] - T[1]);
    mv[r] = base + anisotropy(q, q.v);
    mx[r] = base * T_END ** 2 + anisotropy(q, q.x);
  }
  const a = meanError(dv);
  const b = meanError(mv);
  const ax = meanError(dx);
  const bx = meanError(mx);
  const base = C * Math.PI ** 3 * (T[0] - T[1]);
  const info = JSON.stringify({ dsmc: [a, ax], deviational: [b, bx], injected, base });
  // the source matters: Θ_v has moved away from the background's value by far more than its SE
  assert.ok(base - b.mean > 8 * b.error, info);
  assert.ok(Math.abs(a.mean - b.mean) < 4 * Math.hypot(a.error, b.error), info);
  assert.ok(Math.abs(ax.mean - bx.mean) < 4 * Math.hypot(ax.error, bx.error), info);
});
