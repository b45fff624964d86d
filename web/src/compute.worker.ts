/**
 * The explorer's compute worker: every heavy computation of the site runs here, off the page's
 * thread, with boltzlab's own functions (the same ones the CLI calls). A job is one message; the
 * worker answers with `progress` messages, partial `result`s (progressive refinement) and `done`.
 * The page starts one worker per running job and terminates it when the inputs change.
 */
import { deflationCurve, largeMGrid, theoremRow } from "../../src/claims/theorem-1-1.ts";
import { makeBeam } from "../../src/construction/beam.ts";
import { beamCollisionFrequency } from "../../src/construction/beam-collision-frequency.ts";
import { centreFrequency } from "../../src/construction/core.ts";
import { cutoffByName } from "../../src/construction/cutoff.ts";
import { makeParameters } from "../../src/construction/parameters.ts";
import type { Variant } from "../../src/construction/variant.ts";
import { chooseDomain } from "../../src/solvers/spectral/domain.ts";
import { makeGrid } from "../../src/solvers/spectral/grid.ts";
import { twoBeam, twoBeamScales } from "../../src/solvers/spectral/initial-data.ts";
import { moments } from "../../src/solvers/spectral/moments.ts";
import { HomogeneousSolver } from "../../src/solvers/spectral/time-step.ts";
import type { Job, JobMessage } from "./jobs.ts";

const post = (m: JobMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

interface ConstructionInput {
  M: number;
  s: number;
  s0: number;
  p: number;
  cutoff: string;
  variant: Variant;
}

function beamOf(c: ConstructionInput) {
  return makeBeam(
    makeParameters({ M: c.M, s: c.s, s0: c.s0, p: c.p }),
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

/** The deflation curve at this M, then the Theorem 1.1 rows over the large-M grid, row by row. */
function theorem(job: Extract<Job, { kind: "theorem" }>): void {
  const c = job.construction;
  const opts = { s: c.s, s0: c.s0, p: c.p, cutoff: c.cutoff, variant: c.variant };
  const Ms = largeMGrid(c.variant);
  const total = Ms.length + 1;
  const curve = deflationCurve(c.M, opts, 17);
  post({ type: "result", data: { part: "curve", curve } });
  post({ type: "progress", done: 1, total });
  for (let i = 0; i < Ms.length; i++) {
    const row = theoremRow(Ms[i], opts);
    post({ type: "result", data: { part: "row", row } });
    post({ type: "progress", done: i + 2, total });
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
    else relax(job);
    post({ type: "done" });
  } catch (err) {
    post({ type: "error", message: (err as Error).message });
  }
};
