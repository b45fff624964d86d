import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { averagedTube, tabulateProfile } from "../../../src/construction/beam/averaged-tube.ts";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { beamMixedNorm } from "../../../src/construction/beam/beam-mixed-norm.ts";
import { singleBumpPowerIntegral } from "../../../src/construction/beam/beam-norm.ts";
import { cutoffByName } from "../../../src/construction/geometry/cutoff.ts";
import type { Lattice } from "../../../src/construction/geometry/lattice.ts";
import { type SeparableTube, tubeSumL2 } from "../../../src/construction/geometry/tube-sum-l2.ts";
import { tubeSumL2Shells } from "../../../src/construction/geometry/tube-sum-l2-shells.ts";
import { tubeValue } from "../../../src/construction/geometry/tubes.ts";
import { bumpRadius, bumpValue } from "../../../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../../../src/math/vec3.ts";

const beamOf = (M: number, cutoff: string, variant: "as-written" | "as-in-proof") =>
  makeBeam(makeParameters({ M }), cutoffByName(cutoff), variant);

/** A lattice-shaped object holding the given unit vectors (only M, count and e are read). */
function fakeLattice(M: number, dirs: number[][]): Lattice {
  const e = new Float64Array(3 * dirs.length);
  for (const [k, d] of dirs.entries()) e.set(d, 3 * k);
  return {
    M,
    count: dirs.length,
    e,
    ring: new Int32Array(dirs.length),
    azimuth: new Int32Array(dirs.length),
  };
}

/** I_n = ∫_{-1}^{1} (1 − s²)^n ds = 2 (2n)!!/(2n+1)!!. */
function iN(n: number): number {
  let r = 2;
  for (let k = 1; k <= n; k++) r *= (2 * k) / (2 * k + 1);
  return r;
}

describe("velocity-averaged tube G = R(|P⊥x|) A(e·x)", () => {
  it("at t = 0 equals (∫ e^{⟨v⟩²} I dv) K(x), with the bump integral from the independent beam-norm quadrature", () => {
    for (const variant of ["as-written", "as-in-proof"] as const) {
      const beam = beamOf(8, "bump", variant);
      const at = averagedTube(beam, 0, "gaussian", { nSigma: 96, nPsi: 8, nB: 96 });
      const c = singleBumpPowerIntegral(beam, "gaussian", 1);
      const e = [0, 0, 1];
      for (const [r, a] of [
        [0, 0],
        [0.05, 0.3],
        [0.1, -0.7],
      ]) {
        const K = tubeValue(beam.tube, e, [r, 0, a]);
        const G = at.radial(r, 0) * at.axial(a, 0);
        assert.ok(Math.abs(G - c * K) <= 1e-9 * c, `${variant} r=${r} a=${a}: ${G} vs ${c * K}`);
      }
    }
  });

  it("at t = 1/4 the factorization matches a direct 3-D v-quadrature of e^{⟨v⟩²} I(v) K(x − vt)", () => {
    const beam = beamOf(4, "bump", "as-written");
    const t = 0.25;
    const at = averagedTube(beam, t, "gaussian");
    const e = new Float64Array([0.3, -0.4, Math.sqrt(1 - 0.25)]);
    const e1 = new Float64Array(3);
    const e2 = new Float64Array(3);
    orthonormalFrame(e1, e2, e);
    const rho = bumpRadius(beam.bump);
    const g = gaussLegendre(40);
    const nPsi = 64;
    for (const [r, a] of [
      [0.02, 0.25],
      [0.2, 0.9],
      [0.1, -0.5],
    ]) {
      const x = [0, 1, 2].map((d) => a * e[d] + r * e1[d]);
      let direct = 0;
      const v = [0, 0, 0];
      for (let ia = 0; ia < g.n; ia++) {
        const b = 1 + 0.1 * g.nodes[ia];
        for (let ir = 0; ir < g.n; ir++) {
          const s = 0.5 * (1 + g.nodes[ir]);
          for (let ip = 0; ip < nPsi; ip++) {
            const psi = (2 * Math.PI * (ip + 0.5)) / nPsi;
            for (let d = 0; d < 3; d++)
              v[d] = b * e[d] + rho * s * (Math.cos(psi) * e1[d] + Math.sin(psi) * e2[d]);
            const w = Math.exp(1 + v[0] ** 2 + v[1] ** 2 + v[2] ** 2);
            const y = [0, 1, 2].map((d) => x[d] - v[d] * t);
            const jac =
              0.1 * g.weights[ia] * 0.5 * g.weights[ir] * rho * rho * s * ((2 * Math.PI) / nPsi);
            direct += jac * w * bumpValue(beam.bump, e, v) * tubeValue(beam.tube, e, y);
          }
        }
      }
      const G = at.radial(r, 0) * at.axial(a, 0);
      assert.ok(
        Math.abs(G - direct) <= 1e-6 * Math.abs(direct) + 1e-14,
        `r=${r} a=${a}: factorized ${G} vs direct ${direct}`,
      );
    }
  });
});

describe("tubeSumL2: pair sum of separable tubes", () => {
  const h = 0.3;
  const radial = (r: number) => (r < h ? (1 - (r * r) / (h * h)) ** 6 : 0);
  it("one tube: D = 2π ∫R² r dr ∫A² da in closed form", () => {
    const tube: SeparableTube = {
      radial,
      axial: (a) => (Math.abs(a) < 1 ? (1 - a * a) ** 3 : 0),
      rMax: h,
      aMin: -1,
      aMax: 1,
    };
    const r = tubeSumL2(fakeLattice(1001, [[0, 0, 1]]), tube);
    const exactD = 2 * Math.PI * ((h * h) / 26) * iN(6);
    assert.ok(
      Math.abs(r.squared.value - exactD) <= 1e-10 * exactD,
      `${r.squared.value} vs ${exactD}`,
    );
  });

  it("two antiparallel directions give the same line: ‖F + F‖² = 4D (even axial profile)", () => {
    const tube: SeparableTube = {
      radial,
      axial: (a) => (Math.abs(a) < 1 ? (1 - a * a) ** 3 : 0),
      rMax: h,
      aMin: -1,
      aMax: 1,
    };
    const r = tubeSumL2(
      fakeLattice(1002, [
        [1, 0, 0],
        [-1, 0, 0],
      ]),
      tube,
    );
    const exactD = 2 * Math.PI * ((h * h) / 26) * iN(6);
    assert.ok(Math.abs(r.squared.value - 4 * exactD) <= 1e-10 * exactD);
  });

  it("two crossing tubes with a flat axial profile: the pair integral h³ I₆² I₁₃ / sin θ in closed form", () => {
    const L = 5;
    const tube: SeparableTube = { radial, axial: () => 1, rMax: h, aMin: -L, aMax: L };
    for (const theta of [0.7, 1.4, 2.3]) {
      const r = tubeSumL2(
        fakeLattice(1003, [
          [0, 0, 1],
          [Math.sin(theta), 0, Math.cos(theta)],
        ]),
        tube,
      );
      const D = 2 * Math.PI * ((h * h) / 26) * 2 * L;
      const pair = (h ** 3 * iN(6) ** 2 * iN(13)) / Math.sin(theta);
      const want = 2 * D + 2 * pair;
      assert.ok(
        Math.abs(r.squared.value - want) <= 1e-8 * want + r.squared.error,
        `θ=${theta}: ${r.squared.value} vs ${want}`,
      );
      assert.ok(r.squared.error < 1e-6 * want);
    }
  });

  it("agrees with brute-force spherical-shell quadrature of (Σ G_k)² at M = 4 (t = 0 and 1/4) and M = 8 (t = 1/4)", () => {
    const cases: [number, number, string, "as-written" | "as-in-proof", 0 | 1][] = [
      [4, 0, "bump", "as-written", 0],
      [4, 0.25, "bump", "as-written", 0],
      [4, 0.25, "plateau", "as-in-proof", 0],
      [4, 0.25, "bump", "as-in-proof", 1],
      [8, 0.25, "bump", "as-written", 0],
    ];
    for (const [M, t, cutoff, variant, order] of cases) {
      const beam = beamOf(M, cutoff, variant);
      const at = averagedTube(beam, t, "gaussian");
      const tube: SeparableTube = {
        radial: (r) => at.radial(r, order),
        axial: (a) => at.axial(a, 0),
        rMax: at.rMax,
        aMin: at.aMin,
        aMax: at.aMax,
      };
      const pair = tubeSumL2(beam.lattice, tube).squared;
      const tab: SeparableTube = {
        radial: tabulateProfile(tube.radial, 0, at.rMax, 3000),
        axial: tabulateProfile(tube.axial, at.aMin, at.aMax, 6000),
        rMax: at.rMax,
        aMin: at.aMin,
        aMax: at.aMax,
      };
      const shells = tubeSumL2Shells(
        beam.lattice,
        tab,
        M === 4 ? { nR: 16, nTheta: 64, nPhi: 128 } : { nR: 16, nTheta: 96, nPhi: 192 },
      );
      const tol = 2 * (pair.error + shells.error) + 2e-6 * pair.value;
      assert.ok(
        Math.abs(pair.value - shells.value) <= tol,
        `M=${M} t=${t} ${cutoff} ${variant} order ${order}: pair ${pair.value} ± ${pair.error} vs shells ${shells.value} ± ${shells.error}`,
      );
    }
  });
});

describe("beamMixedNorm (2.26)", () => {
  it("is dominated by the crossings near x = 0, and the as-in-proof gradient bracket is ordered", () => {
    const beam = beamOf(16, "bump", "as-in-proof");
    const r = beamMixedNorm(beam, 0, "gaussian");
    assert.ok(r.overlapShare > 0.9 && r.overlapShare < 1);
    const [lo, hi] = r.gradientBracket;
    assert.ok(lo !== null && lo > 0 && lo <= hi && (hi - lo) / hi < 0.05);
  });

  it("the two bump radii differ by the factor 10² in ∫I at t = 0, so the norms differ by 100 up to the weight", () => {
    const a = beamMixedNorm(beamOf(8, "plateau", "as-written"), 0, "none").value.value;
    const b = beamMixedNorm(beamOf(8, "plateau", "as-in-proof"), 0, "none").value.value;
    assert.ok(Math.abs(a / b - 100) < 1e-6 * 100, `${a / b}`);
  });
});
