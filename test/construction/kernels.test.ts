import assert from "node:assert/strict";
import { test } from "node:test";
import { normBeam } from "../../src/claims/theorem-1-1.ts";
import { beamCollisionFrequency } from "../../src/construction/beam/beam-collision-frequency.ts";
import { centreFrequency } from "../../src/construction/core/core.ts";
import {
  coreSelfFrequency,
  radialSpeedMoment,
} from "../../src/construction/core/core-self-frequency.ts";
import { deflationExponentLimit, lawConstants } from "../../src/construction/core/deflation-law.ts";
import { bump } from "../../src/construction/geometry/cutoff.ts";
import { makeLattice } from "../../src/construction/geometry/lattice.ts";
import { tubeValue } from "../../src/construction/geometry/tubes.ts";
import { constantKernel, hardSphere } from "../../src/kinetic/kernel.ts";

/** Composite Simpson on [a, b] with n (even) panels: an independent rule (the library uses Gauss–Legendre). */
function simpson(f: (x: number) => number, a: number, b: number, n = 4000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

const phi = (r: number) => (r < 1 ? Math.exp(1 - 1 / (1 - r * r)) : 0); // the bump cutoff, written out

test("Ω = ∫_{S²} b dω: 2π for |cos θ| over the whole sphere (π over a hemisphere), 4π for b ≡ 1", () => {
  // ∫_{S²} |cos θ| dω = 2π ∫_0^π |cos θ| sin θ dθ
  const full = 2 * Math.PI * simpson((th) => Math.abs(Math.cos(th)) * Math.sin(th), 0, Math.PI);
  assert.ok(Math.abs(full - hardSphere.angularIntegral) < 1e-9);
  const half = 2 * Math.PI * simpson((th) => Math.cos(th) * Math.sin(th), 0, Math.PI / 2);
  assert.ok(Math.abs(half - Math.PI) < 1e-9);
  assert.equal(constantKernel.angularIntegral, 4 * Math.PI);
});

test("constant kernel: A[f_b](0,0,0) is the lattice sum 4π c_b M^{1−s} Σ_{i,j} K_{i,j}(0) ‖I_{i,j}‖_{L¹}", () => {
  for (const [M, constants] of [
    [5, undefined],
    [8, { beamAmplitude: 2, bumpAxial: 5, bumpTransverse: 3 }],
  ] as const) {
    const beam = normBeam(M, 0.8, 0.5, undefined, "bump", "as-in-proof", constants, "constant");
    const cb = constants?.beamAmplitude ?? 1;
    const alpha = constants?.bumpAxial ?? 10;
    const c = constants?.bumpTransverse ?? 10; // as-in-proof
    // ‖I‖_{L¹} = ∫ φ(α|a − 1|) da · ∫_{R²} φ(cM|y|) dy, by Simpson (independent of the library's rule)
    const axial = simpson((a) => phi(alpha * Math.abs(a - 1)), 1 - 1 / alpha, 1 + 1 / alpha);
    const rho = 1 / (c * M);
    const cross = 2 * Math.PI * simpson((r) => r * phi(r / rho), 0, rho);
    // the lattice, enumerated: each tube's K_{i,j}(0) (1 for every tube: φ(0)² = 1)
    const lat = makeLattice(M);
    let sumK = 0;
    for (let k = 0; k < lat.count; k++)
      sumK += tubeValue(beam.tube, lat.e.subarray(3 * k, 3 * k + 3), [0, 0, 0]);
    assert.equal(lat.count, (M * (M + 1)) / 2);
    const closed = 4 * Math.PI * cb * M ** (1 - 0.8) * sumK * axial * cross;
    const general = beamCollisionFrequency(beam, 0, [0, 0, 0], [0, 0, 0], { relTol: 1e-10 });
    const centre = centreFrequency(beam, 0);
    assert.ok(Math.abs(general.value - closed) <= 1e-8 * closed, `${general.value} vs ${closed}`);
    assert.ok(Math.abs(centre.value - closed) <= 1e-8 * closed, `${centre.value} vs ${closed}`);
  }
});

test("vhs:1 is hard-sphere exactly (same Ω = 2π); vhs:0 is constant/2; vhs:γ → hard-sphere as γ → 1", () => {
  const points: [number, number[], number[]][] = [
    [0, [0, 0, 0], [0, 0, 0]],
    [0.05, [0.002, -0.001, 0.003], [1e-8, 0, 0]],
    [0.1, [0.01, 0.02, 0], [0.2, -0.1, 0.05]], // |v| > 10⁻⁶: the full three-dimensional rule
  ];
  for (const [t, x, v] of points) {
    const at = (k: string) =>
      beamCollisionFrequency(
        normBeam(6, 0.8, 0.5, undefined, "bump", "as-in-proof", undefined, k),
        t,
        x,
        v,
        { relTol: 1e-9 },
      );
    const hs = at("hard-sphere");
    assert.ok(hs.value > 0);
    assert.equal(at("vhs:1").value, hs.value);
    const near = at("vhs:0.9999");
    assert.ok(Math.abs(near.value - hs.value) <= 1e-3 * hs.value, `${near.value} vs ${hs.value}`);
    const c = at("constant").value;
    assert.ok(Math.abs(at("vhs:0").value - c / 2) <= 1e-12 * c);
  }
});

test("the law: γ∞(constant) = 2 γ∞(hard-sphere) exactly; vhs:γ against the computed deflation at M = 10^12", async () => {
  const { computedDeflation } = await import("../../src/claims/deflation-law.ts");
  const beam = (k: string) => normBeam(4, 0.8, 0.5, undefined, "bump", "as-in-proof", undefined, k);
  const law = lawConstants(beam("constant").params.constants, "as-in-proof");
  const g = (k: string) => deflationExponentLimit(bump, law, beam(k).params.kernel);
  assert.ok(Math.abs(g("constant").value / g("hard-sphere").value - 2) < 1e-12);
  assert.ok(Math.abs(g("vhs:0").value - g("hard-sphere").value) <= 1e-12 * g("vhs:0").value);
  for (const k of ["constant", "vhs:0.5", "vhs:-1", "vhs:-2.5"]) {
    const d = computedDeflation(1e12, {
      s: 0.8,
      s0: 0.5,
      cutoff: "bump",
      variant: "as-in-proof",
      kernel: k,
    });
    const lim = g(k);
    const tol = d.expansion.limitError + d.gamma.error + lim.error;
    assert.ok(
      Math.abs(d.gamma.value - lim.value) <= tol,
      `${k}: ${d.gamma.value} vs ${lim.value} ± ${tol}`,
    );
    // the two-term expansion is closer than the limit
    assert.ok(Math.abs(d.gamma.value - d.expansion.twoTerm) < Math.abs(d.gamma.value - lim.value));
  }
  // the soft kernels' μ_γ = (1/2ℓ)∫(1 + y/α)^γ φ(|y|) dy by Simpson
  const ell = simpson(phi, 0, 1);
  for (const gam of [-1, -2.5, 0.5]) {
    const mu =
      simpson((y) => phi(y) * ((1 + y / 10) ** gam + (1 - y / 10) ** gam), 0, 1) / (2 * ell);
    assert.ok(Math.abs(g(`vhs:${gam}`).value / g("hard-sphere").value - mu) < 1e-9);
  }
});

test("soft potentials: the core's own collision frequency against the beam's, and its M-exponent", () => {
  for (const gam of [1, 0, -1, -2]) {
    const k = gam === 1 ? "hard-sphere" : `vhs:${gam}`;
    // m_γ = ∫₀¹ r^{2+γ} φ(r) dr by Simpson on the panels [10^{−j−1}, 10^{−j}], j < 30, + ∫₀^{10^{−30}} r^{2+γ}
    let m = 1e-30 ** (3 + gam) / (3 + gam);
    for (let j = 0; j < 30; j++)
      m += simpson((r) => r ** (2 + gam) * phi(r), 10 ** (-j - 1), 10 ** -j, 400);
    // (Simpson's own error is ~1e-9 relative; scipy's quad gives 0.0527394782576044 for γ = 1)
    assert.ok(Math.abs(radialSpeedMoment(phi, gam).value - m) < 1e-8 * m);
    const at = (M: number) =>
      coreSelfFrequency(normBeam(M, 0.8, 0.5, undefined, "bump", "as-in-proof", undefined, k));
    const a = at(1e6);
    // ln A[f_r(0)](0,0,0) = ln[2π · 4π m_γ · M^{3/2−s0} N^{−3/2−γ}] with N = M^10
    const want =
      Math.log(2 * Math.PI * 4 * Math.PI * m) +
      (1.5 - 0.5) * Math.log(1e6) -
      (1.5 + gam) * 10 * Math.log(1e6);
    assert.ok(Math.abs(a.lnCore.value - want) < 1e-9 * Math.abs(want));
    // the stated exponent of ϱ against the slope measured between M = 10^6 and 10^9
    const b = at(1e9);
    const slope = (b.lnRatio.value - a.lnRatio.value) / Math.log(1e3);
    assert.ok(Math.abs(slope - a.ratioExponent) < 1e-3, `${slope} vs ${a.ratioExponent}`);
    assert.equal(a.criticalGamma, -1.5 + (0.5 - 0.5 + 0.8) / 10);
    assert.equal(a.ratioExponent < 0, gam > a.criticalGamma);
  }
});
