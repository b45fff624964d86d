/**
 * Agreement of the spectral Q±(f,f) (src/solvers/spectral, Mouhot–Pareschi on a periodized,
 * truncated domain) with the pointwise collision operator of src/kinetic/collision.ts (Carleman
 * quadrature with refinement error bars) for a two-beam hard-sphere gas, at a few grid points.
 *
 * The spectral value is itself an approximation: its error bar is measured by refinement, as
 * |Q(n=32, M=8) − Q(n=16, M=8)| + |Q(n=32, M=8) − Q(n=32, M=5)| (grid and angular refinement;
 * conservative for a spectrally convergent method). The test requires
 * |Q_spectral − Q_pointwise| ≤ err_pointwise + err_spectral, and the spectral error bar to be
 * below 2% of Q⁺(0) (n = 16 is coarse: h ≈ 1.4σ of a beam, so the bar is wide but honest), so that agreement is not bought with a wide bar.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { gainTerm, lossTerm } from "../../src/kinetic/collision.ts";
import { hardSphere } from "../../src/kinetic/kernel.ts";
import { maxwellian as maxwellianFunction } from "../../src/kinetic/maxwellian.ts";
import { sumOf } from "../../src/kinetic/phase-space.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { twoBeam } from "../../src/solvers/spectral/initial-data.ts";
import { MouhotPareschi } from "../../src/solvers/spectral/mouhot-pareschi.ts";

const L = 7.84;
const points: [number, number, number][] = [
  [0, 0, 0],
  [0.98, 0.98, 0],
  [-1.96, 0, 0.98],
];

function spectral(
  n: number,
  M: number,
): { gain: Float64Array; loss: Float64Array; f: Float64Array; n: number } {
  const g = makeGrid(n, L);
  const f = twoBeam(g, 1, 0.5);
  const n3 = n ** 3;
  const gain = new Float64Array(n3);
  const lossFreq = new Float64Array(n3);
  new MouhotPareschi(g, "hard-sphere", { angles: M }).evaluate(
    f,
    new Float64Array(n3),
    gain,
    lossFreq,
  );
  const loss = lossFreq.map((x, i) => x * f[i]);
  return { gain, loss, f, n };
}

function at(s: { gain: Float64Array; loss: Float64Array; n: number }, v: [number, number, number]) {
  const h = (2 * L) / s.n;
  const [i, j, k] = v.map((c) => Math.round((c + L) / h));
  const idx = (i * s.n + j) * s.n + k;
  return { gain: s.gain[idx], loss: s.loss[idx] };
}

test("spectral Q± agree with the pointwise Q± (kinetic/collision.ts) within the combined error bars", () => {
  const fine = spectral(32, 8);
  const coarseN = spectral(16, 8);
  const coarseM = spectral(32, 5);
  const f = sumOf("two-beam", [
    maxwellianFunction({ rho: 0.5, u: [1, 0, 0], T: 0.5 }),
    maxwellianFunction({ rho: 0.5, u: [-1, 0, 0], T: 0.5 }),
  ]);
  const scale = at(fine, [0, 0, 0]).gain; // Q⁺ at the centre, the largest value sampled
  for (const v of points) {
    const pg = gainTerm(f, f, 0, [0, 0, 0], v, { kernel: hardSphere, tol: 1e-6 });
    const pl = lossTerm(f, f, 0, [0, 0, 0], v, { kernel: hardSphere, tol: 1e-6 });
    assert.ok(!pg.unconverged && !pl.unconverged, "pointwise quadrature did not converge");
    const a = at(fine, v);
    const b = at(coarseN, v);
    const c = at(coarseM, v);
    const errGain = Math.abs(a.gain - b.gain) + Math.abs(a.gain - c.gain);
    const errLoss = Math.abs(a.loss - b.loss) + Math.abs(a.loss - c.loss);
    assert.ok(
      errGain < 0.02 * scale && errLoss < 0.02 * scale,
      `spectral error bar too wide at ${v}`,
    );
    assert.ok(
      Math.abs(a.gain - pg.value) <= pg.error + errGain,
      `Q+ at ${v}: spectral ${a.gain} ± ${errGain}, pointwise ${pg.value} ± ${pg.error}`,
    );
    assert.ok(
      Math.abs(a.loss - pl.value) <= pl.error + errLoss,
      `Q- at ${v}: spectral ${a.loss} ± ${errLoss}, pointwise ${pl.value} ± ${pl.error}`,
    );
  }
});
