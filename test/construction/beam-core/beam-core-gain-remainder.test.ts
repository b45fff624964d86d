import assert from "node:assert/strict";
import { test } from "node:test";
import { beamValue, makeBeam } from "../../../src/construction/beam/beam.ts";
import {
  fbVelocityLipschitz,
  gainRemainderGeometry,
  planeBumpCount,
  remainderGradientFactors,
} from "../../../src/construction/beam-core/beam-core-gain-remainder.ts";
import {
  cellKernel,
  lineKernel,
  SMALL_CELL,
  SMALL_CELL_REL,
} from "../../../src/construction/beam-core/line-kernels.ts";
import { coreLogAmplitude } from "../../../src/construction/core/core.ts";
import { coreDecay } from "../../../src/construction/core/core-decay.ts";
import { cutoffByName } from "../../../src/construction/geometry/cutoff.ts";
import { profileConstants } from "../../../src/construction/geometry/cutoff-constants.ts";
import { makeLattice } from "../../../src/construction/geometry/lattice.ts";
import { maxBandCount } from "../../../src/construction/geometry/lattice-band-count.ts";
import { bumpRadius, bumpValue } from "../../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { beamPhaseSpace } from "../../../src/construction/phase-space-functions.ts";
import { gainTerm } from "../../../src/kinetic/collision.ts";
import type { PhaseSpaceFunction } from "../../../src/kinetic/phase-space.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";
import { radialIntegralEstimate } from "../../../src/math/quadrature/radial.ts";
import { planeDiskIntegral } from "../plane-integral-reference.ts";

/**
 * The remainders of the plane reduction of Q⁺(f_b, f_r) (beam-core-gain-remainder.ts), each against
 * an independent computation: the band count against enumeration of every arrangement vertex and
 * against random directions; the plane count against the exact plane–cylinder test per bump and
 * against sampling bumpValue on the plane; the Lipschitz constants against finite differences of
 * beamValue; the pointwise bounds against collision.ts gainTerm.
 */

const bump = cutoffByName("bump");

/** Park–Miller LCG, seeded (reproducible directions). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

function randomUnit(rand: () => number): [number, number, number] {
  const z = 2 * rand() - 1;
  const ph = 2 * Math.PI * rand();
  const r = Math.sqrt(1 - z * z);
  return [r * Math.cos(ph), r * Math.sin(ph), z];
}

function countIn(
  e: Float64Array,
  n: number,
  u: ArrayLike<number>,
  lo: number,
  hi: number,
  tol: number,
) {
  let c = 0;
  for (let k = 0; k < n; k++) {
    const d = e[3 * k] * u[0] + e[3 * k + 1] * u[1] + e[3 * k + 2] * u[2];
    if (d >= lo - tol && d <= hi + tol) c++;
  }
  return c;
}

/** Exact maximum by enumerating every vertex e_k·û = γ_k, e_l·û = γ_l of the band arrangement. */
function vertexMax(e: Float64Array, n: number, lo: number, hi: number): number {
  let best = 0;
  for (let k = 0; k < n; k++) {
    for (let l = k + 1; l < n; l++) {
      const a = [e[3 * k], e[3 * k + 1], e[3 * k + 2]];
      const b = [e[3 * l], e[3 * l + 1], e[3 * l + 2]];
      const ab = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
      const det = 1 - ab * ab;
      if (det < 1e-14) continue;
      const cx = [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
      for (const gk of [lo, hi]) {
        for (const gl of [lo, hi]) {
          const A = (gk - ab * gl) / det;
          const B = (gl - ab * gk) / det;
          const p = [0, 1, 2].map((d) => A * a[d] + B * b[d]);
          const c2 = (1 - (p[0] ** 2 + p[1] ** 2 + p[2] ** 2)) / det;
          if (c2 < -1e-12) continue;
          const C = Math.sqrt(Math.max(0, c2));
          for (const sg of [-1, 1]) {
            const u = [0, 1, 2].map((d) => p[d] + sg * C * cx[d]);
            best = Math.max(best, countIn(e, n, u, lo, hi, 1e-11));
          }
        }
      }
    }
  }
  return best;
}

test("lattice band count: the circle sweep equals the vertex enumeration, is attained, and no random direction beats it", () => {
  const rand = lcg(7);
  for (const M of [4, 6, 8]) {
    const lat = makeLattice(M);
    for (const [lo, hi] of [
      [-0.11 / M, 0.11 / M],
      [-0.03, 0.05],
      [0.2, 0.3],
      [0.5, 0.62],
      [0.85, 1],
      [-0.4, 0.4],
    ]) {
      const got = maxBandCount(lat.e, lat.count, lo, hi);
      const exact = vertexMax(lat.e, lat.count, lo, hi);
      assert.equal(got.count, exact, `M = ${M}, band [${lo}, ${hi}]`);
      assert.equal(countIn(lat.e, lat.count, got.direction, lo, hi, 1e-9), got.count);
      for (let i = 0; i < 3000; i++) {
        assert.ok(countIn(lat.e, lat.count, randomUnit(rand), lo, hi, 0) <= got.count);
      }
    }
  }
  // the great-circle band of the as-in-proof plane through v ≈ 0 holds far fewer than n points
  const lat16 = makeLattice(16);
  const m = maxBandCount(lat16.e, lat16.count, -0.125 / 16, 0.125 / 16).count;
  assert.ok(m >= 16 && m < lat16.count / 3, `m = ${m}`);
});

test("plane bump count ≥ the bumps one plane meets (exact plane–cylinder test per bump; bumpValue sampled on the plane)", () => {
  const rand = lcg(11);
  for (const [M, variant] of [
    [4, "as-in-proof"],
    [8, "as-in-proof"],
    [4, "as-written"],
  ] as const) {
    const beam = makeBeam(makeParameters({ M }), bump, variant);
    const g = gainRemainderGeometry(beam);
    const e = beam.lattice.e;
    for (let i = 0; i < 400; i++) {
      const u = randomUnit(rand);
      const r = g.v1 * (1.1 / g.v1) ** rand();
      let met = 0;
      for (let k = 0; k < beam.lattice.count; k++) {
        const c = e[3 * k] * u[0] + e[3 * k + 1] * u[1] + e[3 * k + 2] * u[2];
        const s = Math.sqrt(Math.max(0, 1 - c * c));
        const lo = Math.min(0.9 * c, 1.1 * c) - g.rho * s;
        const hi = Math.max(0.9 * c, 1.1 * c) + g.rho * s;
        if (lo < r && r < hi) met++;
      }
      assert.ok(met <= planeBumpCount(beam, r, r, g.rho, 0.9, 1.1), `M = ${M} r = ${r}: ${met}`);
    }
    // sampling: the bumps with bumpValue > 0 somewhere on the plane p·û = r (polar grid about r û)
    for (const r of [g.v1, 0.05, 0.6]) {
      const u = randomUnit(rand);
      const a1 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
      const d = a1[0] * u[0] + a1[1] * u[1] + a1[2] * u[2];
      const w1 = [0, 1, 2].map((i) => a1[i] - d * u[i]);
      const n1 = Math.hypot(w1[0], w1[1], w1[2]);
      const e1 = w1.map((x) => x / n1);
      const e2 = [
        u[1] * e1[2] - u[2] * e1[1],
        u[2] * e1[0] - u[0] * e1[2],
        u[0] * e1[1] - u[1] * e1[0],
      ];
      const seen = new Set<number>();
      const p = [0, 0, 0];
      const ek = [0, 0, 0];
      for (let ir = 0; ir < 200; ir++) {
        const rho = (1.2 * (ir + 0.5)) / 200;
        for (let it = 0; it < 1200; it++) {
          const th = (2 * Math.PI * it) / 1200;
          for (let q = 0; q < 3; q++)
            p[q] = r * u[q] + rho * (Math.cos(th) * e1[q] + Math.sin(th) * e2[q]);
          for (let k = 0; k < beam.lattice.count; k++) {
            if (seen.has(k)) continue;
            ek[0] = e[3 * k];
            ek[1] = e[3 * k + 1];
            ek[2] = e[3 * k + 2];
            if (bumpValue(beam.bump, ek, p) > 0) seen.add(k);
          }
        }
      }
      assert.ok(seen.size <= planeBumpCount(beam, r, r, g.rho, 0.9, 1.1), `sampled ${seen.size}`);
    }
  }
});

test("Lipschitz constants in p of f_b and of ∇_y f_b bound finite differences of beamValue", () => {
  const rand = lcg(5);
  for (const variant of ["as-in-proof", "as-written"] as const) {
    const beam = makeBeam(makeParameters({ M: 4 }), bump, variant);
    const { M, s, Tstar: T } = beam.params;
    const amp = M ** (1 - s);
    const rho = bumpRadius(beam.bump);
    const e = beam.lattice.e;
    let worst = 0;
    let worstGrad = 0;
    for (let i = 0; i < 300; i++) {
      const tau = T * rand();
      const { Lb, Lgrad } = fbVelocityLipschitz(beam, tau);
      const k = Math.floor(rand() * beam.lattice.count);
      const dir = randomUnit(rand);
      // p in bump k: p = a e_k + q, a ∈ [0.9, 1.1], q ⊥ e_k, |q| ≤ 0.8ρ
      const de = dir[0] * e[3 * k] + dir[1] * e[3 * k + 1] + dir[2] * e[3 * k + 2];
      const a = 0.9 + 0.2 * rand();
      const p = [0, 1, 2].map((q) => a * e[3 * k + q] + 0.8 * rho * (dir[q] - de * e[3 * k + q]));
      const y = randomUnit(rand).map((x) => (x * rand()) / (100 * M));
      const d = randomUnit(rand);
      const h = 1e-6;
      const pp = p.map((x, q) => x + h * d[q]);
      const pm = p.map((x, q) => x - h * d[q]);
      const slope = Math.abs(beamValue(beam, tau, y, pp) - beamValue(beam, tau, y, pm)) / (2 * h);
      worst = Math.max(worst, slope / (amp * Lb));
      // ∇_y f_b by central differences in y, at p ± h d
      const gy = (pv: number[]) =>
        [0, 1, 2].map((q) => {
          const hy = 1e-7;
          const a = y.slice();
          const b = y.slice();
          a[q] += hy;
          b[q] -= hy;
          return (beamValue(beam, tau, a, pv) - beamValue(beam, tau, b, pv)) / (2 * hy);
        });
      const hp = 1e-4;
      const g1 = gy(p.map((x, q) => x + hp * d[q]));
      const g0 = gy(p.map((x, q) => x - hp * d[q]));
      const dg = Math.hypot(g1[0] - g0[0], g1[1] - g0[1], g1[2] - g0[2]) / (2 * hp);
      worstGrad = Math.max(worstGrad, dg / (amp * Lgrad));
    }
    assert.ok(worst <= 1.001, `${variant}: |∇_p f_b| / (M^{1−s} L_b) reaches ${worst}`);
    assert.ok(worstGrad <= 1.01, `${variant}: |∇_p∇_y f_b| / (M^{1−s} L_∇b) reaches ${worstGrad}`);
    assert.ok(
      worst > 0.05 && worstGrad > 0.02,
      `the bounds are not vacuous (${worst}, ${worstGrad})`,
    );
  }
});

test("gradient multipliers: the L^∞ slab factor is the former (100M + M + 1)‖φ'‖ up to D; the L² ones use ‖∇χ‖₂/‖χ‖₂", () => {
  const beam = makeBeam(makeParameters({ M: 8 }), bump, "as-in-proof");
  const dec = coreDecay(beam);
  const { M, Tstar: T } = beam.params;
  const D = dec.gradBound(T);
  const f = remainderGradientFactors(beam, T, D);
  const { dphiMax: d1 } = profileConstants(bump);
  const asserted = (100 * M + M + 1) * d1;
  assert.ok(f.slabLinf <= asserted + D && f.slabLinf >= 100 * M * d1);
  const ratio = Math.sqrt(
    radialIntegralEstimate((r) => bump.dphi(r) ** 2).value /
      radialIntegralEstimate((r) => bump.phi(r) ** 2).value,
  );
  assert.ok(Math.abs(f.slabL2 - f.slabLinf - 100 * M * (ratio - d1)) < 1e-6 * f.slabL2);
  // the band factor L_∇b/L_b at τ = T* is the velocity Lipschitz of ∇_y f_b relative to f_b's
  const { Lb, Lgrad } = fbVelocityLipschitz(beam, T);
  assert.ok(Math.abs(f.bandLinf - (100 * M * d1 + D + Lgrad / Lb)) < 1e-9 * f.bandLinf);
});

test("pointwise: gainTerm(f_b, F) is within the band-rotation bound of the plane formula at |v| ≥ v₁, and below the slab bound at |v| < v₁", () => {
  const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
  const { M, s, lnN, Tstar: T } = beam.params;
  const N = Math.exp(lnN);
  const tau = 0.5 * T;
  const E = Math.exp(-coreDecay(beam).lambda0(tau));
  const scale = Math.exp(coreLogAmplitude(beam) - 1.5 * lnN);
  const piece = { region: { kind: "ball" as const, center: new Float64Array(3), radius: 1 / N } };
  const F0: PhaseSpaceFunction = {
    name: "F0",
    value: (_t, x, u) =>
      scale *
      E *
      bump.phi(100 * M * Math.hypot(x[0], x[1], x[2])) *
      bump.phi(N * Math.hypot(u[0], u[1], u[2])),
    velocitySupport: () => [piece],
    velocitySupportAllX: () => [piece],
  };
  const fb = beamPhaseSpace(beam);
  const y = [0.2 / (100 * M), 0, 0];
  const chi = bump.phi(0.2);
  const c1 = radialIntegralEstimate((q) => bump.phi(q)).value;
  const g = gainRemainderGeometry(beam);
  const e = beam.lattice.e;
  const k = 3;
  const w0 = [e[3 * k + 1], -e[3 * k], 0];
  const wn = Math.hypot(w0[0], w0[1], w0[2]);
  const w = w0.map((x) => x / wn); // ⊥ e_k: the plane through v ⊥ v meets bump k
  const U = 2 * c1 * scale * M ** (1 - s) * N ** -3 * E * chi;
  // |v| = 0.003 ≥ v₁: plane integral by brute force (polar grid about v)
  {
    const r = 0.003;
    const v = w.map((x) => x * r);
    const a = gainTerm(fb, F0, tau, y, v, { tol: 1e-5, maxLevel: 8 });
    const P = planeDiskIntegral(v, w, (p) => beamValue(beam, tau, y, p), 300, 1440);
    const main = ((2 * scale * E * chi * N ** -3 * c1) / r) * P;
    const m = planeBumpCount(beam, r, r, g.rho + g.eps, 0.9 - g.eps, 1.1 + g.eps);
    const { Lb } = fbVelocityLipschitz(beam, tau);
    const bound = (U / r) * Math.asin(1 / (N * r)) * g.rhoPrimeMax * Lb * m * g.AmaxEps;
    assert.ok(a.value > 0 && main > 0);
    assert.ok(
      Math.abs(a.value - main) <= bound + 3 * a.error + 1e-3 * main,
      `|Q⁺ − main| = ${Math.abs(a.value - main)} vs bound ${bound}`,
    );
    assert.ok(bound < main, "the bound is informative at this |v|");
  }
  // |v| = v₁/2 < v₁: the slab bound with m_h counted
  {
    const r = 0.5 * g.v1;
    const v = w.map((x) => x * r);
    const a = gainTerm(fb, F0, tau, y, v, { tol: 1e-5, maxLevel: 8 });
    const h = (g.P0 + g.v1) / (N * r);
    const m = planeBumpCount(beam, r - h, r + h, g.rho, 0.9, 1.1);
    const gl = gaussLegendre(64);
    let P0 = 0;
    for (let i = 0; i < 64; i++) {
      const q = 0.5 * (1 + gl.nodes[i]);
      P0 += 0.5 * gl.weights[i] * 2 * Math.PI * bump.phi(q) * q;
    }
    const slab = ((U * N * P0) / (c1 * (0.9 - g.v1))) * m * Math.min(2 * h * g.Amax, g.Vcyl);
    assert.ok(a.value > 0 && a.value <= slab, `Q⁺ ${a.value} vs slab bound ${slab}`);
  }
});

test("cell kernel at small cells: the Taylor form meets the second difference of S at the switch within SMALL_CELL_REL, and stays finite for tiny u", () => {
  for (const kind of ["plain", "grad", "abs"] as const) {
    const K = lineKernel(bump, kind);
    for (const d of [0, 1, 5, 30, 63]) {
      const u = (1.05 * SMALL_CELL) / (d + 1);
      const cheb = K.S(Math.abs(1 - d) * u) - 2 * K.S(d * u) + K.S((d + 1) * u);
      const tay = K.psi0 * u * u + (K.psi2 * (12 * d * d + 2) * u ** 4) / 24;
      assert.ok(Math.abs(cheb / tay - 1) < SMALL_CELL_REL, `${kind} d = ${d}: ${cheb} vs ${tay}`);
      const tiny = cellKernel(K, 1e-12, d);
      assert.ok(Number.isFinite(tiny) && Math.abs(tiny / (K.psi0 * 1e-24) - 1) < 1e-9);
    }
  }
});
