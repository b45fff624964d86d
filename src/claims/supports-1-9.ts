import { beamValue } from "../construction/beam/beam.ts";
import { tStar } from "../construction/parameters/parameters.ts";
import { exact } from "../math/estimate.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import { beamFor, type ClaimContext, m } from "./claim-helpers.ts";
import type { ClaimResult, Measurement } from "./claim-result.ts";

/**
 * (1.9): Supp f_r(t) ⊂ B(0,1) and Supp f_b(t) ⊂ B(0,1), read in x for every v and in v for every
 * x; and the hypothesis t ≤ 1/4 of Lemmas 2.2–2.4 against T* = M^{s−1} ln ln M.
 */
export function claim1_9(ctx: ClaimContext): ClaimResult {
  const meas: Measurement[] = [];
  let fail: Record<string, unknown> | undefined;
  for (const M of ctx.Ms) {
    const beam = beamFor(ctx, M);
    const e = Float64Array.from([beam.lattice.e[0], beam.lattice.e[1], beam.lattice.e[2]]);
    const e1 = new Float64Array(3);
    const e2 = new Float64Array(3);
    orthonormalFrame(e1, e2, e);
    // a tube corner at t = 0: axial 0.999, transverse half a tube width (inside supp K), v on the bump axis
    const x = Array.from(e, (c, i) => 0.999 * c + (0.5 / M) * e1[i]);
    const v = Array.from(e);
    const val = beamValue(beam, 0, x, v);
    const nx = Math.hypot(x[0], x[1], x[2]);
    // and the furthest reach in v: |v| up to 1.1 on supp I
    const vv = Array.from(e, (c) => 1.09 * c);
    const val2 = beamValue(beam, 0, [0, 0, 0], vv);
    meas.push(m(M, exact(Math.max(nx, 1.09)), null, { x, v, fb: val, vFar: vv, fbFar: val2 }));
    if (!fail && val > 0 && nx > 1) fail = { M, t: 0, x, v, fb: val, absX: nx };
    else if (!fail && val2 > 0) fail = { M, t: 0, x: [0, 0, 0], v: vv, fb: val2, absV: 1.09 };
  }
  return {
    id: "1.9",
    title: "Uniform compact support",
    statement: "Supp f_r(t) ⊂ B(0,1), Supp f_b(t) ⊂ B(0,1)",
    cutoff: ctx.cutoff,
    variant: ctx.variant,
    verdict: fail ? "violated" : "holds",
    reason: fail
      ? `f_b > 0 outside the unit ball (x at a tube corner has |x| = √(0.999² + 1/(4M²)) > 1, and supp I reaches |v| = 1.1): ${JSON.stringify(fail)}; f_r is inside (|x| < 1/(100M), |v| < 1/N). The support is bounded (|x| ≤ √(1+1/M²) + 1.1t, |v| < 1.1·√(1+1/M²)), which is what the proof uses`
      : "holds on everything tested",
    measurements: meas,
    counterexample: fail,
    method: "exact evaluation of f_b at a tube corner and at the far end of a bump",
  };
}

export function claimTimeHypothesis(ctx: ClaimContext): ClaimResult {
  const meas: Measurement[] = ctx.Ms.map((M) => m(M, exact(tStar(M, ctx.s)), 0.25));
  const bad = meas.filter((x) => x.value.value > 0.25);
  // smallest M beyond which T* ≤ 1/4 stays true (T* is decreasing past its maximum)
  let crossover = 2;
  for (let M = 2; M < 1e30; M = Math.ceil(M * 1.01)) {
    if (tStar(M, ctx.s) > 0.25) crossover = M;
  }
  const nextM = Math.ceil(crossover * 1.01);
  return {
    id: "T*<=1/4",
    title: "Hypothesis t ≤ 1/4 of Lemmas 2.2–2.4 at t = T*",
    statement: "T* = M^{s−1} ln ln M ≤ 1/4 (needed to apply Lemmas 2.2–2.4 up to T*)",
    cutoff: ctx.cutoff,
    variant: ctx.variant,
    verdict: bad.length ? "violated" : "holds",
    reason: bad.length
      ? `T* > 1/4 at M ∈ {${bad.map((x) => x.M).join(", ")}} (e.g. T* = ${bad[bad.length - 1].value.value.toFixed(3)} at M = ${bad[bad.length - 1].M}); for s = ${ctx.s}, T* ≤ 1/4 holds for all M ≥ ${nextM} (scanned to 10^30)`
      : `T* ≤ 1/4 for all tested M; for s = ${ctx.s}, T* ≤ 1/4 for all M ≥ ${nextM}`,
    measurements: meas,
    counterexample: bad.length ? { M: bad[0].M, Tstar: bad[0].value.value } : undefined,
    method: "closed form; crossover found by a geometric scan (ratio 1.01) to 10^30",
  };
}
