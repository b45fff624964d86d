// @ts-check
/**
 * Q⁺(f, g), Q⁻(f, g) and A[g] of your own functions, with error bars. A function is given with
 * the velocity regions that cover its support (balls or cylinders), so that the quadrature
 * integrates only there.
 *
 * Checks printed alongside: Q⁺(M, M) = Q⁻(M, M) for a Maxwellian M (equilibrium), and
 * Q⁻(f, g)(v) = f(v) A[g](v) (the loss term is local in f).
 *
 *   node examples/collision-user-functions.mjs
 *   BOLTZLAB_EXAMPLE_SIZE=small node examples/collision-user-functions.mjs  (looser tolerance)
 */
import {
  collisionFrequency,
  formatEstimate,
  gainTerm,
  lossTerm,
  maxwellian,
  velocityFunction,
} from "boltzlab";

const small = process.env.BOLTZLAB_EXAMPLE_SIZE === "small";
const tol = small ? 1e-4 : 1e-7;
const t = 0;
const x = [0, 0, 0];

// a compactly supported bump of radius 1 centred at c, and a Maxwellian
const c = [0.5, 0, 0];
const bump = velocityFunction(
  "bump at (0.5, 0, 0)",
  (v) => {
    const r2 = (v[0] - c[0]) ** 2 + (v[1] - c[1]) ** 2 + (v[2] - c[2]) ** 2;
    return r2 < 1 ? Math.exp(1 - 1 / (1 - r2)) : 0;
  },
  [{ kind: "ball", center: c, radius: 1 }],
);
const M = maxwellian({ rho: 1, u: [0, 0, 0], T: 1 });

for (const v of [
  [0, 0, 0],
  [1, 0.5, 0],
]) {
  const gain = gainTerm(bump, M, t, x, v, { tol });
  const loss = lossTerm(bump, M, t, x, v, { tol });
  const A = collisionFrequency(M, t, x, v, { tol });
  const fv = bump.value(t, x, v);
  console.log(`v = (${v.join(", ")}):`);
  console.log(`  Q⁺(f, M) = ${formatEstimate(gain)}`);
  console.log(
    `  Q⁻(f, M) = ${formatEstimate(loss)}   f(v) A[M](v) = ${fv * A.value} ± ${fv * A.error}`,
  );
}

const v = [0.3, -0.2, 0.1];
const gMM = gainTerm(M, M, t, x, v, { tol });
const lMM = lossTerm(M, M, t, x, v, { tol });
console.log(
  `Maxwellian at v = (${v.join(", ")}): Q⁺(M, M) = ${formatEstimate(gMM)}, Q⁻(M, M) = ${formatEstimate(lMM)}`,
);
console.log(
  `  difference ${(gMM.value - lMM.value).toExponential(2)} within the combined error ${(gMM.error + lMM.error).toExponential(2)}: ${Math.abs(gMM.value - lMM.value) <= gMM.error + lMM.error}`,
);
