// @ts-check
/**
 * The construction at points: the beam f_b (2.4), the core f_r (2.5) and the collision frequency
 * A[f_b] = 2π∫|u − v| f_b(t, x, u) du (2.6), each with its error.
 *
 *   node examples/beam-values.mjs            (M = 16)
 *   BOLTZLAB_EXAMPLE_SIZE=small node examples/beam-values.mjs   (M = 8, for the tests)
 */
import {
  beamCollisionFrequency,
  beamValue,
  centreFrequency,
  coreValue,
  cutoffByName,
  formatEstimate,
  latticePoint,
  makeBeam,
  makeParameters,
} from "boltzlab";

const small = process.env.BOLTZLAB_EXAMPLE_SIZE === "small";
const M = small ? 8 : 16;
const s = 0.8;
const s0 = 0.5;
const params = makeParameters({ M, s, s0 });
const beam = makeBeam(params, cutoffByName("bump"), "as-in-proof");
console.log(
  `M = ${M}, s = ${s}, s0 = ${s0}, p = ${params.p}, cutoff bump, variant as-in-proof, T* = ${params.Tstar.toPrecision(6)}`,
);

// f_b on a lattice direction e_{i,j} (2.3): at t = 0, x = 0 it is its amplitude M^{1−s} (K(0) = I(e) = 1);
// free transport carries it to x = v t.
const e = new Float64Array(3);
latticePoint(e, 0, 2, 3, M);
const t = 0.5 * params.Tstar;
const x = [t * e[0], t * e[1], t * e[2]];
console.log(
  `f_b(0, 0, e_{2,3})      = ${beamValue(beam, 0, [0, 0, 0], e)}   (M^{1−s} = ${M ** (1 - s)})`,
);
console.log(`f_b(t, e_{2,3} t, e_{2,3}) = ${beamValue(beam, t, x, e)}   (transported, t = T*/2)`);
console.log(
  `f_b(0, 0, (0, 0, 1))    = ${beamValue(beam, 0, [0, 0, 0], [0, 0, 1])}   ((0, 0, 1) is not a lattice direction)`,
);

// A[f_b] at the centre, by the general per-tube quadrature and by the closed single-tube form
for (const tau of [0, 0.5 * params.Tstar, params.Tstar]) {
  const A = beamCollisionFrequency(beam, tau, [0, 0, 0], [0, 0, 0]);
  const closed = centreFrequency(beam, tau);
  console.log(
    `A[f_b](${tau.toPrecision(4)}, 0, 0) = ${formatEstimate(A)}   (single-tube form ${formatEstimate(closed)})`,
  );
}

// the core f_r(t, 0, 0) = M^{3/2−s0} N^{3/2} exp(−Λ(t, 0, 0)): deflated by the beam
for (const tau of [0, params.Tstar]) {
  const fr = coreValue(beam, tau, [0, 0, 0], [0, 0, 0]);
  console.log(`f_r(${tau.toPrecision(4)}, 0, 0) = ${formatEstimate(fr)}`);
}
