import assert from "node:assert/strict";
import { test } from "node:test";
import { beamValue, makeBeam } from "../../src/construction/beam/beam.ts";
import {
  beamZNorm,
  tubeGradientSup,
  tubeL2Squared,
} from "../../src/construction/beam/beam-znorm.ts";
import { coreSupProbe, coreZNorm } from "../../src/construction/core/core-znorm.ts";
import { bump, plateau } from "../../src/construction/geometry/cutoff.ts";
import { bumpValue } from "../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import {
  radialSobolevNormSquared,
  tubeSobolevNormSquared,
} from "../../src/kinetic/radial-sobolev.ts";
import { steeredSup } from "../../src/kinetic/sup-search.ts";
import { radialVelocityNorms } from "../../src/kinetic/velocity-norms.ts";
import { radialXNorms } from "../../src/kinetic/x-norms.ts";
import { GAUSSIAN_WEIGHT } from "../../src/kinetic/z-weight.ts";
import { separableZNorm } from "../../src/kinetic/znorm.ts";
import { gaussLegendre } from "../../src/math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../../src/math/vec3.ts";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

test("tube norms: ‖K‖² and ‖K‖² + ‖∇K‖² agree with the Fourier H⁰ and H¹ norms of radial-sobolev.ts", () => {
  for (const c of [bump, plateau]) {
    for (const M of [4, 16]) {
      const { K2, gradK2 } = tubeL2Squared(c, M);
      const h0 = tubeSobolevNormSquared(c.phi, 0, M);
      const h1 = tubeSobolevNormSquared(c.phi, 1, M);
      assert.ok(rel(K2.value, h0.value) < 1e-5, `${c.name} M=${M}: ${K2.value} vs ${h0.value}`);
      assert.ok(
        rel(K2.value + gradK2.value, h1.value) < 1e-4,
        `${c.name} M=${M}: ${K2.value + gradK2.value} vs ${h1.value}`,
      );
    }
  }
});

/** ‖f_b(t, ·, v)‖²_{L²_x} by quadrature in the frame of tube k: a cylinder of radius 3/M about e_k, |a| ≤ 1.01. */
function beamXL2(beam: ReturnType<typeof makeBeam>, t: number, v: number[], ek: number[]): number {
  const M = beam.params.M;
  const e1 = new Float64Array(3);
  const e2 = new Float64Array(3);
  orthonormalFrame(e1, e2, ek);
  const na = gaussLegendre(64);
  const nr = gaussLegendre(48);
  const nPsi = 64;
  const R = 3 / M;
  const x = [0, 0, 0];
  let s = 0;
  for (let i = 0; i < 64; i++) {
    const a = 1.01 * na.nodes[i];
    for (let j = 0; j < 48; j++) {
      const r = 0.5 * R * (1 + nr.nodes[j]);
      for (let k = 0; k < nPsi; k++) {
        const psi = (2 * Math.PI * (k + 0.5)) / nPsi;
        for (let d = 0; d < 3; d++)
          x[d] = v[d] * t + a * ek[d] + r * (Math.cos(psi) * e1[d] + Math.sin(psi) * e2[d]);
        s +=
          1.01 *
          na.weights[i] *
          0.5 *
          R *
          nr.weights[j] *
          r *
          ((2 * Math.PI) / nPsi) *
          beamValue(beam, t, x, v) ** 2;
      }
    }
  }
  return s;
}

test("beam: the x-norm at fixed v is independent of t and equals M^{2−2s}I_k(v)²‖K‖² (as-in-proof); overlaps stay in the bracket (as-written)", () => {
  const M = 4;
  const p = makeParameters({ M });
  for (const variant of ["as-in-proof", "as-written"] as const) {
    const beam = makeBeam(p, bump, variant);
    const k = 5;
    const ek = [beam.lattice.e[3 * k], beam.lattice.e[3 * k + 1], beam.lattice.e[3 * k + 2]];
    const e1 = new Float64Array(3);
    const e2 = new Float64Array(3);
    orthonormalFrame(e1, e2, ek);
    // a velocity inside bump k, off its axis by 0.3 of its radius
    const rho = variant === "as-in-proof" ? 1 / (10 * M) : 1 / M;
    const v = ek.map((c, d) => 1.02 * c + 0.3 * rho * e1[d]);
    const I = bumpValue(beam.bump, ek, v);
    const n0 = beamXL2(beam, 0, v, ek);
    const nT = beamXL2(beam, p.Tstar, v, ek);
    assert.ok(rel(nT, n0) < 1e-6, `translation invariance ${nT} vs ${n0}`);
    const { K2 } = tubeL2Squared(bump, M);
    const diag = beam.amplitude ** 2 * I * I * K2.value;
    if (variant === "as-in-proof") assert.ok(rel(n0, diag) < 1e-4, `${n0} vs ${diag}`);
    else assert.ok(n0 >= diag * (1 - 1e-4), `as-written: ${n0} ≥ ${diag}`);
  }
});

test("beam: sup_x|∇x f_b(0, x, v)| found by search lies in the bracket [M‖φ'‖, (M²+1)^{1/2}‖φ'‖]·M^{1−s}I(v) (disjoint bumps)", () => {
  const M = 4;
  const beam = makeBeam(makeParameters({ M }), bump, "as-in-proof");
  const k = 3;
  const ek = [beam.lattice.e[3 * k], beam.lattice.e[3 * k + 1], beam.lattice.e[3 * k + 2]];
  const v = ek.map((c) => 1.01 * c);
  const I = bumpValue(beam.bump, ek, v);
  const h = 1e-6;
  const y = new Float64Array(3);
  const gradNorm = (x: Float64Array) => {
    let s = 0;
    for (let d = 0; d < 3; d++) {
      y.set(x);
      y[d] += h;
      const a = beamValue(beam, 0, y, v);
      y[d] -= 2 * h;
      const b = beamValue(beam, 0, y, v);
      s += ((a - b) / (2 * h)) ** 2;
    }
    return Math.sqrt(s);
  };
  const starts: number[] = [];
  for (let i = 0; i < 400; i++)
    starts.push(
      ...ek.map(
        (c, d) =>
          ((i % 20) / 40) * c +
          (((i * 7) % 13) / 13 - 0.5) * (2 / M) * (d === 0 ? 1 : d === 1 ? -0.5 : 0.3),
      ),
    );
  const found = steeredSup(gradNorm, { center: [0, 0, 0], radius: 1.1 }, Float64Array.from(starts));
  const g = tubeGradientSup(bump, M);
  const scale = beam.amplitude * I;
  assert.ok(
    found <= scale * (g.value + g.error) * (1 + 1e-6),
    `${found} ≤ ${scale * (g.value + g.error)}`,
  );
  assert.ok(
    found >= scale * (g.value - g.error) * (1 - 1e-3),
    `${found} ≥ ${scale * (g.value - g.error)}`,
  );
});

test("beam Z-norm: exact L^∞ part equals M^{1−s}·n∫⟨v⟩e^{⟨v⟩²}I; as-in-proof has no overlap; brackets are tight", () => {
  for (const variant of ["as-in-proof", "as-written"] as const) {
    const beam = makeBeam(makeParameters({ M: 8 }), bump, variant);
    const b = beamZNorm(beam, GAUSSIAN_WEIGHT);
    if (variant === "as-in-proof") assert.ok(Math.abs(b.overlap.value) <= 1e-12 * b.diagonal.value);
    else assert.ok(b.overlap.value > 0, "as-written bumps overlap (2.20 violated)");
    for (const p of ["L2", "gradL2", "Linf", "gradLinf"] as const) {
      assert.ok(
        b.z.parts[p].error < 0.05 * b.z.parts[p].value,
        `${variant} ${p}: ${b.z.parts[p].value} ± ${b.z.parts[p].error}`,
      );
    }
    // the L^∞ part is M^{1−s}∫⟨v⟩e^{⟨v⟩²}ΣI: between ⟨0.9⟩e^{1.81} and ⟨1.1⟩e^{2.21+} times M^{1−s}∫ΣI
    const rho = variant === "as-in-proof" ? 1 / 80 : 1 / 8;
    let vol = 0;
    const g = gaussLegendre(64);
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 64; j++) {
        const a = 0.1 * g.nodes[i];
        const r = 0.5 * (1 + g.nodes[j]);
        vol +=
          0.1 *
          g.weights[i] *
          0.5 *
          g.weights[j] *
          2 *
          Math.PI *
          r *
          bump.phi(10 * Math.abs(a)) *
          bump.phi(r);
      }
    const mass = beam.amplitude * 36 * rho * rho * vol;
    const lo = mass * Math.sqrt(1 + 0.81) * Math.exp(1.81);
    const hi =
      mass * Math.sqrt(1 + 1.1 ** 2 * (1 + rho * rho)) * Math.exp(1 + 1.1 ** 2 * (1 + rho * rho));
    assert.ok(
      b.z.parts.Linf.value > lo && b.z.parts.Linf.value < hi,
      `${lo} < ${b.z.parts.Linf.value} < ${hi}`,
    );
  }
});

test("core Z-norm at t = 0 equals the separable evaluator (a) on χ(100Mx)·A_rχ(Nv)", () => {
  const M = 4;
  const p = makeParameters({ M });
  for (const c of [bump, plateau]) {
    const beam = makeBeam(p, c, "as-written");
    const z = coreZNorm(beam, 0, GAUSSIAN_WEIGHT).z;
    const N = Math.exp(p.lnN);
    const Ar = M ** (1.5 - p.s0) * N ** 1.5;
    const a = separableZNorm(
      radialXNorms(c.phi, c.dphi, 100 * M),
      radialVelocityNorms((r) => Ar * c.phi(N * r), 1 / N, GAUSSIAN_WEIGHT),
      M,
      p.s0,
    );
    for (const part of ["L2", "gradL2", "Linf", "gradLinf"] as const) {
      assert.ok(
        rel(z.parts[part].value, a.parts[part].value) < 1e-6,
        `${c.name} ${part}: ${z.parts[part].value} vs ${a.parts[part].value}`,
      );
    }
    // and the L²_x H⁰ norm of χ(100M·) from the Fourier side
    const h0 = radialSobolevNormSquared(c.phi, 0, 100 * M);
    assert.ok(
      rel(
        Math.sqrt(h0.value) *
          M ** (1.5 - p.s0) *
          Math.sqrt(h0.value * (100 * M) ** 3) *
          Math.E *
          M ** p.s0,
        z.parts.L2.value,
      ) < 1e-5,
    );
  }
});

test("core at T*: Λ(T*, x, 0) from the per-tube evaluation stays within the reduction bound Δ at 13 probes (M = 4)", () => {
  const p = makeParameters({ M: 4 });
  const beam = makeBeam(p, bump, "as-written");
  const t = p.Tstar;
  const cz = coreZNorm(beam, t, GAUSSIAN_WEIGHT);
  const probe = coreSupProbe(beam, t);
  const e0 = Math.exp(-cz.lambda0.value);
  assert.ok(
    Math.abs(probe.centre - e0) <= e0 * Math.expm1(cz.delta),
    `centre ${probe.centre} vs e^{−Λ₀} = ${e0}`,
  );
  assert.ok(
    probe.best <= e0 * Math.exp(cz.delta) * cz.supFactor,
    "the sup over the probes respects the upper bracket",
  );
});
