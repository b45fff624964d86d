/**
 * The explorer's compute worker: every heavy computation of the site runs here, off the page's
 * thread, with boltzlab's own functions (the same ones the CLI calls). A job is one message; the
 * worker answers with `progress` messages, partial `result`s (progressive refinement) and `done`.
 * The page starts one worker per running job and terminates it when the inputs change.
 */
import { computedDeflation } from "../../src/claims/deflation-law.ts";
import { deflationCurve, largeMGrid, theoremRow } from "../../src/claims/theorem-1-1.ts";
import { CRITERIA, threshold } from "../../src/claims/thresholds.ts";
import { makeBeam } from "../../src/construction/beam/beam.ts";
import { beamCollisionFrequency } from "../../src/construction/beam/beam-collision-frequency.ts";
import { centreFrequency } from "../../src/construction/core/core.ts";
import { coreSelfFrequency } from "../../src/construction/core/core-self-frequency.ts";
import { deflationExponentLimit, lawConstants } from "../../src/construction/core/deflation-law.ts";
import { cutoffByName } from "../../src/construction/geometry/cutoff.ts";
import { kernelNormalization } from "../../src/construction/parameters/kernel-normalization.ts";
import { makeParameters } from "../../src/construction/parameters/parameters.ts";
import { checkRunConfig, runReplica } from "../../src/solvers/particles/particle-run.ts";
import { meanError } from "../../src/solvers/particles/replica-statistics.ts";
import { chooseDomain } from "../../src/solvers/spectral/domain.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { twoBeam, twoBeamScales } from "../../src/solvers/spectral/initial-data.ts";
import { moments } from "../../src/solvers/spectral/moments.ts";
import { HomogeneousSolver } from "../../src/solvers/spectral/time-step.ts";
import {
  type ConstructionInput,
  EXPLORER_THRESHOLD_SEARCH,
  type Job,
  type JobMessage,
} from "./jobs.ts";

const post = (m: JobMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

function beamOf(c: ConstructionInput) {
  return makeBeam(
    makeParameters({ M: c.M, s: c.s, s0: c.s0, p: c.p, constants: c.constants, kernel: c.kernel }),
    cutoffByName(c.cutoff),
    c.variant,
  );
}

/** A[f_b](t,·,·) on an n×n grid of the plane (a, 0, b), refined n = levels[0], levels[1], … */
function heatmap(job: Extract<Job, { kind: "heatmap" }>): void {
  const beam = beamOf(job.construction);
  const x = new Float64Array(3);
  const v = new Float64Array(3);
  const levels = job.levels;
  let done = 0;
  const total = levels.reduce((a, n) => a + n * n, 0);
  for (const n of levels) {
    const values = new Float64Array(n * n);
    const errors = new Float64Array(n * n);
    let unconverged = 0;
    for (let row = 0; row < n; row++) {
      // row 0 is the top of the image: b = +L
      const b = job.L - ((row + 0.5) * 2 * job.L) / n;
      for (let col = 0; col < n; col++) {
        const a = -job.L + ((col + 0.5) * 2 * job.L) / n;
        const moving = job.plane === "x" ? x : v;
        const fixed = job.plane === "x" ? v : x;
        moving[0] = a;
        moving[1] = 0;
        moving[2] = b;
        fixed[0] = job.fixed[0];
        fixed[1] = job.fixed[1];
        fixed[2] = job.fixed[2];
        const e = beamCollisionFrequency(beam, job.t, x, v, { relTol: job.relTol });
        values[row * n + col] = e.value;
        errors[row * n + col] = e.error;
        if (e.unconverged) unconverged++;
      }
      done += n;
      post({ type: "progress", done, total });
    }
    post({ type: "result", data: { n, values, errors, unconverged } }, [
      values.buffer,
      errors.buffer,
    ]);
  }
}

/** Λ(t, 0, 0) and A[f_b](t, 0, 0) on [0, T*] by the single-tube identity, on finer and finer grids. */
function lambda(job: Extract<Job, { kind: "lambda" }>): void {
  const beam = beamOf(job.construction);
  const T = beam.params.Tstar;
  const levels = [5, 9, 17, 33];
  const total = levels.reduce((a, b) => a + b, 0);
  let done = 0;
  for (const n of levels) {
    const rows = [];
    for (let i = 0; i < n; i++) {
      const t = (T * i) / (n - 1);
      const L = t === 0 ? { value: 0, error: 0 } : centreFrequency(beam, 0, t);
      const A = centreFrequency(beam, t);
      rows.push({ t, Lambda: L.value, LambdaError: L.error, A: A.value, AError: A.error });
      post({ type: "progress", done: ++done, total });
    }
    post({ type: "result", data: { n, rows, Tstar: T } });
  }
}

function optionsOf(c: ConstructionInput) {
  return {
    s: c.s,
    s0: c.s0,
    p: c.p,
    cutoff: c.cutoff,
    variant: c.variant,
    constants: c.constants,
    kernel: c.kernel,
  };
}

/** The weak and strong thresholds of the construction ({@link EXPLORER_THRESHOLD_SEARCH}). */
function thresholds(job: Extract<Job, { kind: "thresholds" }>): void {
  const opts = optionsOf(job.construction);
  CRITERIA.forEach((criterion, i) => {
    const result = threshold(criterion, opts, EXPLORER_THRESHOLD_SEARCH);
    post({ type: "result", data: { part: "threshold", result } });
    post({ type: "progress", done: i + 1, total: CRITERIA.length });
  });
}

/**
 * The deflation curve at this M; the computed exponent γ(M) beside the closed-form law's γ∞; then
 * the Theorem 1.1 rows over the large-M grid, row by row (a row that cannot be computed, e.g.
 * overlapping bumps beyond M = 256, ends the rows with its rule).
 */
function theorem(job: Extract<Job, { kind: "theorem" }>): void {
  const c = job.construction;
  const opts = optionsOf(c);
  const Ms = largeMGrid(c.variant);
  const total = Ms.length + 2;
  let done = 0;
  const step = () => post({ type: "progress", done: ++done, total });
  const curve = deflationCurve(c.M, opts, 17);
  post({ type: "result", data: { part: "curve", curve } });
  step();
  const beam = beamOf(c);
  const limit = deflationExponentLimit(
    cutoffByName(c.cutoff),
    lawConstants(beam.params.constants, c.variant),
    beam.params.kernel,
  );
  // Remark 1.5: the hard-sphere limit beside it, and the core's own collision frequency (soft potentials)
  const hardSphereLimit = deflationExponentLimit(
    cutoffByName(c.cutoff),
    lawConstants(beam.params.constants, c.variant),
  );
  const self = coreSelfFrequency(beam);
  // γ(M) = −ln(deflation)/ln ln M needs ln ln M > 0, i.e. M ≥ 3
  const point = c.M >= 3 ? computedDeflation(c.M, opts) : null;
  post({
    type: "result",
    data: {
      part: "law",
      M: c.M,
      limit,
      point,
      kernel: beam.params.kernel.name,
      normalization: kernelNormalization(beam.params.kernel),
      hardSphereLimit,
      log10SelfExponent: self.lnSelfExponent.value / Math.LN10,
      selfExponentInM: self.ratioExponent,
      criticalGamma: self.criticalGamma,
    },
  });
  step();
  for (let i = 0; i < Ms.length; i++) {
    try {
      const row = theoremRow(Ms[i], opts);
      post({ type: "result", data: { part: "row", row } });
    } catch (err) {
      post({
        type: "result",
        data: { part: "row-error", M: Ms[i], message: (err as Error).message },
      });
      break;
    }
    step();
  }
}

/**
 * Two-beam relaxation by plain DSMC (src/solvers/particles, `runReplica`: hard spheres, homogeneous),
 * replica by replica; after each replica the anisotropy T₁₁/((T₂₂ + T₃₃)/2) − 1 per output time as
 * the mean over the replicas so far with its standard error.
 */
function dsmc(job: Extract<Job, { kind: "dsmc" }>): void {
  const config = checkRunConfig({
    method: "dsmc",
    kernel: "hard-sphere",
    init: "two-beam",
    particles: job.particles,
    tEnd: job.times[job.times.length - 1],
    dt: job.dt,
    domain: { kind: "homogeneous" },
    times: job.times,
    seed: job.seed,
    beamSpeed: job.U,
    beamTemperature: job.Tb,
    density: 1,
    temperature: 1,
    bkwK0: 0.9,
    cancellationBin: 0.1,
  });
  const samples = job.times.map(() => [] as number[]);
  for (let r = 0; r < job.replicas; r++) {
    const rec = runReplica(config, r);
    rec.points.forEach((pt, k) => {
      const [a, b, c] = pt.temperature;
      samples[k].push(a / ((b + c) / 2) - 1);
    });
    const points = job.times.map((t, k) => {
      const me = meanError(samples[k]);
      return { t, anisotropy: me.mean, error: me.error };
    });
    post({ type: "result", data: { replicas: r + 1, points } });
    post({ type: "progress", done: r + 1, total: job.replicas });
  }
}

/** Two-beam relaxation by the spectral solver; moments every step, a slice f(v1, v2, 0) per frame. */
function relax(job: Extract<Job, { kind: "relax" }>): void {
  const { n, tEnd, U, Tb } = job;
  // the domain rule of the relax command (issue 17)
  const domain = chooseDomain(twoBeamScales(U, Tb), n);
  const grid = makeGrid(n, domain.L, domain.R);
  const f = twoBeam(grid, U, Tb);
  const solver = new HomogeneousSolver(grid, "hard-sphere", { angles: 4 });
  let t = 0;
  let dt = 0.05;
  const mid = n / 2;
  const frame = () => {
    const m = moments(grid, f);
    const slice = new Float64Array(n * n);
    // f is stored with index ((i·n + j)·n + k) for (v1, v2, v3) = (axis[i], axis[j], axis[k])
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) slice[j * n + i] = f[(i * n + j) * n + mid];
    const [Txx, Tyy, Tzz] = m.temperatureTensor;
    post({
      type: "result",
      data: {
        t,
        slice,
        n,
        L: grid.L,
        temperature: m.temperatureTensor,
        anisotropy: Txx / ((Tyy + Tzz) / 2) - 1,
        mass: m.mass,
        energy: m.energy,
        entropy: m.entropy,
      },
    });
  };
  frame();
  while (t < tEnd - 1e-12) {
    const rep = solver.adaptiveStep(f, Math.min(dt, tEnd - t), 1e-3, tEnd - t);
    t += rep.dt;
    dt = rep.dtNext;
    frame();
    post({ type: "progress", done: t, total: tEnd });
  }
}

self.onmessage = (ev: MessageEvent<Job>) => {
  const job = ev.data;
  try {
    if (job.kind === "heatmap") heatmap(job);
    else if (job.kind === "lambda") lambda(job);
    else if (job.kind === "theorem") theorem(job);
    else if (job.kind === "thresholds") thresholds(job);
    else if (job.kind === "dsmc") dsmc(job);
    else relax(job);
    post({ type: "done" });
  } catch (err) {
    post({ type: "error", message: (err as Error).message });
  }
};
