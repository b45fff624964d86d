/**
 * Where the real-space heat wave's cancellation bias comes from (docs/particles.md, "The real-space
 * flux/gradient estimators"): the budget of the heat flux's cosine coefficient Q_c over the
 * cancellation steps, split into the pair deletions and the momentum/energy restoration of the
 * survivors (cube by cube, the carry to the next cube of the cell, the cell's majority sign).
 * Per step Δt the solver's own phases are called in the solver's order (linearPhase, cancel; the
 * linearized equation, as `deviationalStep` with quadratic "omit"); around `cancel` the particles
 * are matched by their positions (a survivor keeps its x; its velocity changes only by the
 * restoration), so ΔQ_c = ΔQ_deletion + ΔQ_restoration exactly. The rates S per unit time over the
 * window, against the window mean Q̄_c, give the steady relative shift of the flux that a source S
 * produces under a flux relaxation time τ: δQ/Q ≈ τ S/Q̄ (τ_λ = 2λ/(5ρT) = 0.1356, relaxation-time
 * approximation; an order of magnitude, not a correction). The deletions are split further into a
 * velocity part (ψ of the deleted particles at their slab's centre: the ± of a pair share a slab
 * and a velocity cube, so this is the smoothing on the scale δv) and a position part (the rest:
 * the pair's different x inside the slab). Nothing in deviational.ts is changed.
 *
 *   nice -n 10 npx tsx bench/real-space-cancellation-budget.ts [dv=1] [slabs=32] [particles=10000]
 *       [replicas=2] [seed=7] [kind=heat]
 */
import { seededUniform } from "../src/math/sampling/uniform-stream.ts";
import { cancel, linearPhase, makeDeviational } from "../src/solvers/particles/deviational.ts";
import { fluxGradientRatio } from "../src/solvers/particles/flux-gradient-ratio.ts";
import { globalMaxwellian } from "../src/solvers/particles/global-maxwellian.ts";
import { HARD_SPHERE } from "../src/solvers/particles/particle-kernel.ts";
import type { ParticleSet } from "../src/solvers/particles/particle-set.ts";
import { meanError, replicaSeed } from "../src/solvers/particles/replica-statistics.ts";
import {
  sampleWaveDeviation,
  waveAmplitudes,
} from "../src/solvers/particles/wave-initial-particles.ts";

const dv = Number(process.argv[2] ?? 1);
const slabs = Number(process.argv[3] ?? 32);
const N = Number(process.argv[4] ?? 10000);
const R = Number(process.argv[5] ?? 2);
const seed = Number(process.argv[6] ?? 7);
const kind = (process.argv[7] ?? "heat") as "heat" | "shear";
const k = 1;
const L = 2 * Math.PI;
const dt = 0.01;
const [t1, t2] = kind === "heat" ? [0.8, 2] : [0.5, 2];
const datum = { kind, k, amplitude: 0.1, rho: 1, T: 1 };
const TAU = kind === "heat" ? (2 * 0.3389164) / 5 : 0.0895681;

/** The flux integrand ψ(v) of the cosine coefficient (heat flux resp. stress). */
function psi(v0: number, v1: number, v2: number): number {
  return kind === "heat" ? v0 * (0.5 * (v0 * v0 + v1 * v1 + v2 * v2) - 2.5) : v0 * v1;
}

function snapshot(p: ParticleSet) {
  const at = new Map<string, number>();
  for (let i = 0; i < p.count; i++) at.set(`${p.x[3 * i]},${p.x[3 * i + 1]},${p.x[3 * i + 2]}`, i);
  return {
    at,
    x: p.x.slice(0, 3 * p.count),
    v: p.v.slice(0, 3 * p.count),
    w: p.w.slice(0, p.count),
  };
}

const out: Record<string, number[]> = {
  value: [],
  qBar: [],
  sDeletion: [],
  sRestoration: [],
  shiftDeletion: [],
  shiftRestoration: [],
  shiftDeletionVelocity: [],
  shiftDeletionPosition: [],
};
for (let r = 0; r < R; r++) {
  const { particles: p, epsilon } = sampleWaveDeviation(
    datum,
    N,
    seededUniform(replicaSeed(seed, 2 * r)),
  );
  const s = makeDeviational(
    p,
    {
      background: globalMaxwellian(1, 1, HARD_SPHERE),
      domain: { kind: "periodic", L, cells: slabs, slabs: true },
      dt,
      epsilon,
      cancellationBin: dv,
      quadratic: "omit",
      restoration: "cell",
    },
    seededUniform(replicaSeed(seed, 2 * r + 1)),
  );
  const ts: number[] = [];
  const amp: number[] = [];
  const flux: number[] = [];
  let del = 0;
  let rest = 0;
  let delV = 0;
  const steps = Math.round(t2 / dt);
  for (let j = 1; j <= steps; j++) {
    linearPhase(s, dt);
    const before = waveAmplitudes(datum, p).flux;
    const snap = snapshot(p);
    cancel(s);
    s.t += dt;
    const after = waveAmplitudes(datum, p);
    // restoration: survivors' velocity changes at their (unchanged) positions
    let dRest = 0;
    const survived = new Uint8Array(snap.w.length);
    for (let i = 0; i < p.count; i++) {
      const q = snap.at.get(`${p.x[3 * i]},${p.x[3 * i + 1]},${p.x[3 * i + 2]}`);
      if (q === undefined) throw new Error("a survivor moved");
      survived[q] = 1;
      const c = Math.cos(k * p.x[3 * i]);
      dRest +=
        p.w[i] *
        c *
        (psi(p.v[3 * i], p.v[3 * i + 1], p.v[3 * i + 2]) -
          psi(snap.v[3 * q], snap.v[3 * q + 1], snap.v[3 * q + 2]));
    }
    dRest *= 2 / L ** 3;
    // the deletions split: ψ of the deleted particles at their slab's centre (the velocity part:
    // the ± of a pair share a slab and a cube) and the rest (the position part, within the slab)
    const hs = L / slabs;
    let dVel = 0;
    for (let q = 0; q < snap.w.length; q++) {
      if (survived[q]) continue;
      const xc = (Math.floor(snap.x[3 * q] / hs) + 0.5) * hs;
      dVel -=
        snap.w[q] * Math.cos(k * xc) * psi(snap.v[3 * q], snap.v[3 * q + 1], snap.v[3 * q + 2]);
    }
    dVel *= 2 / L ** 3;
    const t = j * dt;
    if (t >= t1 - 1e-9) {
      rest += dRest;
      del += after.flux - before - dRest;
      delV += dVel;
    }
    ts.push(t);
    amp.push(after.amplitude);
    flux.push(after.flux);
  }
  const value = fluxGradientRatio(ts, amp, flux, k, t1, t2);
  let qBar = 0;
  let n = 0;
  for (let j = 0; j < ts.length; j++)
    if (ts[j] >= t1 - 1e-9) {
      qBar += flux[j];
      n++;
    }
  qBar /= n;
  const span = t2 - t1 + dt;
  out.value.push(value);
  out.qBar.push(qBar);
  out.sDeletion.push(del / span);
  out.sRestoration.push(rest / span);
  out.shiftDeletion.push((TAU * del) / span / qBar);
  out.shiftRestoration.push((TAU * rest) / span / qBar);
  out.shiftDeletionVelocity.push((TAU * delV) / span / qBar);
  out.shiftDeletionPosition.push((TAU * (del - delV)) / span / qBar);
  console.error(JSON.stringify({ replica: r, value, qBar, del: del / span, rest: rest / span }));
}
const summary: Record<string, { mean: number; error: number }> = {};
for (const [key, ys] of Object.entries(out)) summary[key] = meanError(ys);
console.log(
  JSON.stringify({
    benchmark: `real-space ${kind} wave: cancellation budget of the flux's cosine coefficient`,
    dv,
    slabs,
    particles: N,
    replicas: R,
    seed,
    window: [t1, t2],
    tau: TAU,
    summary,
  }),
);
