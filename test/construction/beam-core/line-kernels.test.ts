import assert from "node:assert/strict";
import { test } from "node:test";
import { lineKernel } from "../../../src/construction/beam-core/line-kernels.ts";
import { cutoffByName } from "../../../src/construction/geometry/cutoff.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";

/**
 * The line-autocorrelation kernels of construction/beam-core/line-kernels.ts (used by the
 * beam–core gain terms of the error table), checked against a direct quadrature.
 */

const bump = cutoffByName("bump");

test("line-autocorrelation cell kernel: Σ over cells of a constant h equals ∫dX (∫_0^L Φ(X − λsê) ds)² by direct quadrature", () => {
  const K = lineKernel(bump, "plain");
  for (const lamL of [0.7, 1.6, 5]) {
    // kernel form: ∫_0^L∫_0^L ψ(λ|s − s'|) = λ⁻² · 2S(λL); compare λ² × both sides
    const viaKernel = 2 * K.S(lamL);
    // direct: ∫ d²Z ∫ dS (C(S,Z) − C(S − λL, Z))², C(a,Z) = ∫_{−∞}^{a} φ(√(s² + Z²)) ds
    const q = gaussLegendre(64);
    const C = (a: number, Z: number) => {
      const half = Math.sqrt(Math.max(0, 1 - Z * Z));
      const hi = Math.min(a, half);
      if (hi <= -half) return 0;
      let s = 0;
      const h = 0.5 * (hi + half);
      for (let i = 0; i < 64; i++) {
        const x = -half + h * (1 + q.nodes[i]);
        s += h * q.weights[i] * bump.phi(Math.sqrt(x * x + Z * Z));
      }
      return s;
    };
    let direct = 0;
    for (let iz = 0; iz < 64; iz++) {
      const Z = 0.5 * (1 + q.nodes[iz]);
      const wz = 0.5 * q.weights[iz] * 2 * Math.PI * Z;
      const S0 = -1;
      const S1 = lamL + 1;
      for (let is = 0; is < 64; is++) {
        const S = S0 + 0.5 * (S1 - S0) * (1 + q.nodes[is]);
        const x = C(S, Z) - C(S - lamL, Z);
        direct += wz * 0.5 * (S1 - S0) * q.weights[is] * x * x;
      }
    }
    assert.ok(Math.abs(viaKernel / direct - 1) < 1e-3, `λL=${lamL}: ${viaKernel} vs ${direct}`);
  }
});
