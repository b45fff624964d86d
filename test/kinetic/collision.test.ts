import assert from "node:assert/strict";
import { test } from "node:test";
import {
  collisionFrequency,
  collisionOperator,
  gainTerm,
  lossTerm,
  weakForm,
} from "../../src/kinetic/collision.ts";
import { constantKernel, hardSphere, variableHardSpheres } from "../../src/kinetic/kernel.ts";
import {
  type MaxwellianParams,
  maxwellian,
  maxwellianCollisionFrequency,
  meanDistanceStdNormal,
} from "../../src/kinetic/maxwellian.ts";
import { sumOf, velocityFunction } from "../../src/kinetic/phase-space.ts";
import { RuleError } from "../../src/math/errors.ts";
import { compositeGaussSum, compositeRule } from "../../src/math/quadrature/composite.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";
import { radialIntegral } from "../../src/math/quadrature/radial.ts";

const X0 = [0, 0, 0];

/**
 * Independent reduction of E|Z − aê|^γ (Z standard normal in R³): the c-integral in spherical
 * coordinates is elementary, ∫_{-1}^{1} (r² + a² − 2arc)^{γ/2} dc = ((r+a)^{γ+2} − |r−a|^{γ+2})/((γ+2)ar),
 * the radial one is done by composite Gauss–Legendre split at r = a.
 */
function meanDistanceRef(a: number, gamma: number): number {
  const p = gamma + 2;
  const inner = (r: number) =>
    a < 1e-8 ? 2 * r ** gamma : ((r + a) ** p - Math.abs(r - a) ** p) / (p * a * r);
  const cuts = [0, a, a + 2, a + 5, a + 9, a + 14].filter((c, i, arr) => i === 0 || c > arr[i - 1]);
  const s = compositeGaussSum((r) => r * r * Math.exp(-0.5 * r * r) * inner(r), cuts, 64);
  return s / Math.sqrt(2 * Math.PI);
}

test("closed form E|Z − aê| agrees with an independent 2-D quadrature (and its a → 0 series)", () => {
  for (const a of [0, 1e-6, 0.05, 0.3, 1, 2.5, 7]) {
    const ref = meanDistanceRef(a, 1);
    // the reference loses digits to cancellation for small a: 1e-9 there
    assert.ok(
      Math.abs(meanDistanceStdNormal(a) - ref) < (a < 1e-3 ? 1e-9 : 1e-13) * ref,
      `a=${a}: ${meanDistanceStdNormal(a)} vs ${ref}`,
    );
  }
  // continuity across the series switch at a = 1e-4 (the true change over the 2e-9 interval is
  // f'(a)·2e-9 = 2√(2/π)(a/3)·2e-9 ≈ 1.06e-13)
  const jump = meanDistanceStdNormal(1.00001e-4) - meanDistanceStdNormal(0.99999e-4);
  assert.ok(
    Math.abs(jump - 2 * Math.sqrt(2 / Math.PI) * (1e-4 / 3) * 2e-9) < 2e-15,
    `jump ${jump}`,
  );
});

const maxwellians: MaxwellianParams[] = [
  { rho: 1, u: [0, 0, 0], T: 1 },
  { rho: 2.5, u: [0.3, -0.2, 1.1], T: 0.7 },
  { rho: 1e-3, u: [-4, 2, 0.5], T: 25 },
  { rho: 7, u: [0, 1, 0], T: 1e-4 },
];
const points = [
  [0, 0, 0],
  [0.3, -0.2, 1.1],
  [1, 2, -3],
  [0.01, 1.0, 0.0],
];

test("A[M] for Maxwellians of any density, mean and temperature: hard sphere and constant kernel (closed forms)", () => {
  let worst = 0;
  for (const P of maxwellians) {
    const M = maxwellian(P);
    for (const v of points) {
      for (const kernel of [hardSphere, constantKernel]) {
        const a = collisionFrequency(M, 0, X0, v, { kernel, tol: 1e-9, maxLevel: 7 });
        const ref = maxwellianCollisionFrequency(P, v, kernel).value;
        const rel = Math.abs(a.value - ref) / ref;
        worst = Math.max(worst, rel);
        assert.ok(!a.unconverged, `${kernel.name} ${JSON.stringify(P)} v=${v}`);
        assert.ok(rel < 1e-9, `${kernel.name} ${JSON.stringify(P)} v=${v}: ${a.value} vs ${ref}`);
        // the reported error covers the actual error (up to a floor of a few ulp·|A|)
        assert.ok(
          Math.abs(a.value - ref) <= a.error + 1e-13 * ref,
          `error bar ${a.error} too small`,
        );
      }
    }
  }
  process.stdout.write(`# A[M] worst relative error vs closed form: ${worst.toExponential(2)}\n`);
});

test("A[M] for vhs:γ against the independent 1-D reduction", () => {
  for (const gamma of [-0.5, 0.5]) {
    const kernel = variableHardSpheres(gamma);
    const P: MaxwellianParams = { rho: 1.7, u: [0.2, 0.1, -0.4], T: 0.6 };
    for (const v of [
      [0.2, 0.1, -0.4],
      [1, 0, 0],
      [0, 3, 1],
    ]) {
      const a = collisionFrequency(maxwellian(P), 0, X0, v, { kernel, tol: 1e-9, maxLevel: 7 });
      const dist = Math.hypot(v[0] - 0.2, v[1] - 0.1, v[2] + 0.4) / Math.sqrt(0.6);
      const ref = 2 * Math.PI * 1.7 * 0.6 ** (gamma / 2) * meanDistanceRef(dist, gamma);
      assert.ok(Math.abs(a.value - ref) < 1e-6 * ref, `γ=${gamma} v=${v}: ${a.value} vs ${ref}`);
    }
  }
});

test("A at separated scales: v ∼ 1e-20 against g at |u| ∼ 1, and a ball of radius 1e-20 seen from |v| ∼ 1", () => {
  // g at u0 = (1, 0, 0), T = 0.01; v = 1e-20: closed form
  const P: MaxwellianParams = { rho: 3, u: [1, 0, 0], T: 0.01 };
  const v = [1e-20, -2e-20, 0];
  const a = collisionFrequency(maxwellian(P), 0, X0, v, { tol: 1e-11, maxLevel: 8 });
  assert.ok(!a.unconverged);
  const ref = maxwellianCollisionFrequency(P, v).value;
  assert.ok(Math.abs(a.value - ref) < 1e-10 * ref, `${a.value} vs ${ref}`);
  // a Maxwellian of width 1e-20 at 0 seen from (0, 0.6, 0.8): A = 2πρ|v|(1 + T/|v|²·…) = 2πρ to 1e-40
  const tiny: MaxwellianParams = { rho: 5, u: [0, 0, 0], T: 1e-40 };
  const b = collisionFrequency(maxwellian(tiny), 0, X0, [0, 0.6, 0.8], { tol: 1e-12 });
  assert.ok(Math.abs(b.value - 2 * Math.PI * 5) < 1e-11 * 2 * Math.PI * 5, `${b.value}`);
  // and from inside its own scale: v = 1e-20 ê, a = 1 (closed form with T = 1e-40)
  const c = collisionFrequency(maxwellian(tiny), 0, X0, [1e-20, 0, 0], { tol: 1e-10 });
  const cref = maxwellianCollisionFrequency(tiny, [1e-20, 0, 0]).value;
  assert.ok(Math.abs(c.value - cref) < 1e-9 * cref, `${c.value} vs ${cref}`);
  // a compactly supported bump of radius 1e-20 (a scaled f_r-like profile) seen from v = (0,0,1):
  const eps = 1e-20;
  const bumpMass = bumpMassRef();
  const h = (u: ArrayLike<number>) => {
    const r2 = (u[0] * u[0] + u[1] * u[1] + u[2] * u[2]) / (eps * eps);
    return r2 < 1 ? Math.exp(1 - 1 / (1 - r2)) / (eps * eps * eps) : 0;
  };
  const fr = velocityFunction("scaled-bump", h, [{ kind: "ball", center: [0, 0, 0], radius: eps }]);
  const d = collisionFrequency(fr, 0, X0, [0, 0, 1], { tol: 1e-10 });
  assert.ok(
    Math.abs(d.value - 2 * Math.PI * bumpMass) < 1e-8 * d.value,
    `${d.value} vs ${2 * Math.PI * bumpMass}`,
  );
});

/** ∫_{|y|<1} exp(1 − 1/(1 − |y|²)) dy by 1-D radial GL (independent of the collision code). */
function bumpMassRef(): number {
  return radialIntegral((r) => Math.exp(1 - 1 / (1 - r * r)), 200);
}

test("Q⁺(M, M) = Q⁻(M, M) pointwise for Maxwellians (hard sphere, constant kernel)", () => {
  let worst = 0;
  for (const P of maxwellians.slice(0, 3)) {
    const M = maxwellian(P);
    for (const v of points.slice(0, 3)) {
      for (const kernel of [hardSphere, constantKernel]) {
        const gp = gainTerm(M, M, 0, X0, v, { kernel, tol: 1e-6 });
        const lm = lossTerm(M, M, 0, X0, v, { kernel, tol: 1e-10 });
        const rel = Math.abs(gp.value - lm.value) / lm.value;
        worst = Math.max(worst, rel);
        assert.ok(
          rel < 1e-6,
          `${kernel.name} ${JSON.stringify(P)} v=${v}: Q+ ${gp.value} Q- ${lm.value}`,
        );
        assert.ok(Math.abs(gp.value - lm.value) <= gp.error + lm.error + 1e-12 * lm.value);
      }
    }
  }
  process.stdout.write(`# Q+(M,M)/Q-(M,M) − 1 worst: ${worst.toExponential(2)}\n`);
});

test("Q⁺(M, M) = Q⁻(M, M) for vhs:0.5 (slower: the inner plane weight depends on |y|)", () => {
  const P: MaxwellianParams = { rho: 1, u: [0.5, 0, 0], T: 1 };
  const M = maxwellian(P);
  const kernel = variableHardSpheres(0.5);
  const v = [1.5, 1, -0.5];
  const gp = gainTerm(M, M, 0, X0, v, { kernel, tol: 1e-4, maxLevel: 4 });
  const lm = lossTerm(M, M, 0, X0, v, { kernel, tol: 1e-10 });
  assert.ok(Math.abs(gp.value / lm.value - 1) < 1e-4, `Q+ ${gp.value} Q- ${lm.value}`);
});

test("Q⁺(M1, M2) for two different Maxwellians agrees with an independent numpy reference", () => {
  // test/kinetic/fixtures/gain_reference.py: ω-representation, Gauss–Hermite in u (36³),
  // hemisphere rule about u − v (24 × 48); its two resolutions agree to ~2e-6 relative.
  const P1: MaxwellianParams = { rho: 1, u: [0, 0, 0.8], T: 1 };
  const P2: MaxwellianParams = { rho: 0.5, u: [0.3, 0, -1], T: 0.5 };
  for (const [v, ref] of [
    [[0.5, 0, 0.3], 0.2617782503779742],
    [[-1, 1, 0], 0.15125284268425873],
  ] as const) {
    const gp = gainTerm(maxwellian(P1), maxwellian(P2), 0, X0, v, { tol: 1e-7 });
    assert.ok(
      Math.abs(gp.value - ref) < 2e-5 * ref,
      `v=${v}: quadrature ${gp.value} vs numpy ${ref}`,
    );
  }
});

test("∫ Q(f,f)·(1, v_z, |v|²) dv = 0 for a non-Maxwellian f (sum of two Maxwellians)", () => {
  const f = sumOf("two-maxwellians", [
    maxwellian({ rho: 1, u: [0, 0, 0.8], T: 1 }),
    maxwellian({ rho: 0.5, u: [0, 0, -1], T: 0.5 }),
  ]);
  // f is axisymmetric about e_z, so is Q(f,f): ∫ Q φ dv = 2π ∫∫ Q(r, z) φ r dr dz
  const rN = new Float64Array(10);
  const rW = new Float64Array(10);
  const zN = new Float64Array(15);
  const zW = new Float64Array(15);
  compositeRule([0, 2.5, 6], 5, rN, rW);
  compositeRule([-6, -2.2, 1.8, 6], 5, zN, zW);
  const mom = [0, 0, 0, 0];
  const abs = [0, 0, 0, 0];
  const err = [0, 0, 0, 0];
  for (let i = 0; i < rN.length; i++) {
    const r = rN[i];
    const wr = rW[i] * r * 2 * Math.PI;
    for (let j = 0; j < zN.length; j++) {
      const z = zN[j];
      const w = wr * zW[j];
      const v = [r, 0, z];
      // tol 1e-2 stops at n = 12, whose actual error is ~1e-5 (the estimate is the previous level's)
      const gq = gainTerm(f, f, 0, X0, v, { tol: 1e-2 });
      const lq = lossTerm(f, f, 0, X0, v, { tol: 1e-8 });
      const gp = gq.value;
      const lm = lq.value;
      const phis = [1, z, r * r + z * z, Math.exp(-0.5 * (r * r + (z - 0.5) ** 2))];
      for (let k = 0; k < 4; k++) {
        mom[k] += w * (gp - lm) * phis[k];
        abs[k] += w * (gp + lm) * Math.abs(phis[k]);
        err[k] += w * (gq.error + lq.error) * Math.abs(phis[k]);
      }
    }
  }
  for (let k = 0; k < 3; k++) {
    // within the propagated pointwise error bars plus 1e-4 of the scale for the v-grid
    assert.ok(
      Math.abs(mom[k]) < err[k] + 1e-4 * abs[k],
      `moment ${k}: ∫Qφ = ${mom[k]} (scale ${abs[k]}, error bars ${err[k]})`,
    );
  }
  process.stdout.write(
    `# conservation residuals / scale: ${mom
      .slice(0, 3)
      .map((m, k) => (m / abs[k]).toExponential(1))
      .join(", ")}\n`,
  );
});

test("Q± of a compact non-Gaussian bump: ∫Q⁺ = ∫Q⁻, and the weak form against the pointwise route", () => {
  // f = bump of radius 1 at (0,0,0.5): ∫ Q⁺(f,f) dv = ∫ Q⁻(f,f) dv (mass conservation of Q)
  const c = [0, 0, 0.5];
  const h = (u: ArrayLike<number>) => {
    const r2 = (u[0] - c[0]) ** 2 + (u[1] - c[1]) ** 2 + (u[2] - c[2]) ** 2;
    return r2 < 1 ? Math.exp(1 - 1 / (1 - r2)) : 0;
  };
  const f = velocityFunction("bump", h, [{ kind: "ball", center: c, radius: 1 }]);
  // Q⁺(f,f)(v) ≠ 0 only if v lies on a sphere with diameter [v*, u*] ⊂ B(c, 1): |v − c| ≤ √2
  const gl = gaussLegendre(6);
  const rN = new Float64Array(12);
  const rW = new Float64Array(12);
  compositeRule([0, 1, Math.SQRT2], 6, rN, rW);
  const phi = (u: ArrayLike<number>) => Math.exp(-(u[0] * u[0] + u[1] * u[1] + (u[2] - 0.2) ** 2));
  let gain = 0;
  let loss = 0;
  let gainPhi = 0;
  let lossPhi = 0;
  for (let i = 0; i < rN.length; i++) {
    const r = rN[i];
    for (let j = 0; j < 6; j++) {
      const ct = gl.nodes[j];
      // axisymmetric about the line through c along e_z
      const v = [r * Math.sqrt(1 - ct * ct), 0, c[2] + r * ct];
      const w = rW[i] * gl.weights[j] * r * r * 2 * Math.PI;
      const gp = gainTerm(f, f, 0, X0, v, { tol: 1e-3 }).value;
      const lm = r < 1 ? lossTerm(f, f, 0, X0, v, { tol: 1e-8 }).value : 0;
      gain += w * gp;
      loss += w * lm;
      gainPhi += w * gp * phi(v);
      lossPhi += w * lm * phi(v);
    }
  }
  assert.ok(Math.abs(gain / loss - 1) < 2e-3, `∫Q⁺ = ${gain}, ∫Q⁻ = ${loss}`);
  // the weak form (a different integral: f(v) g(u) [φ(v*) − φ(v)] over supp f × supp g × S²)
  const w = weakForm(f, f, phi, 0, X0, { maxLevel: 2, tol: 1e-2 });
  const pointwise = gainPhi - lossPhi;
  process.stdout.write(
    `# weak form ${w.value} ± ${w.error} vs pointwise ${pointwise} (scale ${lossPhi})\n`,
  );
  assert.ok(
    Math.abs(w.value - pointwise) < 2e-2 * lossPhi,
    `weak form ${w.value} vs pointwise ${pointwise}`,
  );
});

test("collisionOperator = Q⁺ − Q⁻ and bad input is refused with a RuleError", () => {
  const M = maxwellian({ rho: 1, u: [0, 0, 0], T: 1 });
  const q = collisionOperator(M, M, 0, X0, [0.2, 0, 0], { tol: 1e-6 });
  assert.ok(Math.abs(q.value) < 1e-6, `Q(M,M) = ${q.value}`);
  assert.throws(() => gainTerm(M, M, 0, X0, [Number.NaN, 0, 0]), RuleError);
  assert.throws(() => collisionFrequency(M, 0, X0, [0, 0, 0], { tol: -1 }), RuleError);
  assert.throws(() => collisionFrequency(M, 0, X0, [0, 0, 0], { maxLevel: 99 }), RuleError);
  assert.throws(() => maxwellian({ rho: -1, u: [0, 0, 0], T: 1 }), RuleError);
  assert.throws(() => maxwellian({ rho: 1, u: [0, 0, 0], T: 0 }), RuleError);
});
