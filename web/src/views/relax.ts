/**
 * View 7: a small spatially homogeneous relaxation ∂t f = Q(f, f), hard spheres, by the spectral
 * solver of src/solvers/spectral (Mouhot–Pareschi, adaptive SSP-RK2, tolerance 10⁻³) in a worker,
 * from two Maxwellian beams at ±U e₁. Animated: the slice f(v₁, v₂, 0) and the anisotropy
 * T₁₁ / ((T₂₂ + T₃₃)/2) − 1, which relaxes to 0. As an alternative or beside it: a small plain DSMC
 * run (src/solvers/particles, `runReplica`, hard spheres, same two beams) in a second worker, its
 * anisotropy as the mean over independent replicas ± one standard error.
 */
import * as Plot from "@observablehq/plot";
import { cancelJob, runJob } from "../jobs.ts";
import { drawField, el, fmt, legend } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

/** DSMC settings of the view: small enough to run in a few seconds in a worker. */
const DSMC = { particles: 4000, replicas: 8, dt: 0.01, seed: 1, points: 25 } as const;

interface DsmcSeries {
  replicas: number;
  points: { t: number; anisotropy: number; error: number }[];
}

interface Frame {
  t: number;
  slice: Float64Array;
  n: number;
  L: number;
  temperature: [number, number, number];
  anisotropy: number;
  mass: number;
  energy: number;
  entropy: number;
}

export function create(ctx: ViewContext): View {
  const nSel = el("select", { id: "relax-n" });
  nSel.append(el("option", { value: "16" }, "16³"), el("option", { value: "32" }, "32³ (slower)"));
  const tEnd = el("input", {
    id: "relax-tend",
    type: "number",
    value: "2",
    min: "0.1",
    step: "0.5",
    style: "width:5rem",
  });
  const U = el("input", {
    id: "relax-U",
    type: "number",
    value: "1",
    min: "0",
    step: "0.25",
    style: "width:5rem",
  });
  const solverSel = el("select", { id: "relax-solver" });
  solverSel.append(
    el("option", { value: "spectral" }, "spectral"),
    el("option", { value: "both" }, "spectral + DSMC"),
    el("option", { value: "dsmc" }, "DSMC (particles)"),
  );
  const start = el("button", { type: "button", id: "relax-start" }, "run");
  const dsmcProgress = el("progress", { id: "relax-dsmc-progress", "aria-label": "DSMC progress" });
  dsmcProgress.hidden = true;
  const dsmcCaption = el("p", { class: "hint", id: "relax-dsmc-caption" });
  const progress = el("progress", { id: "relax-progress", "aria-label": "relaxation progress" });
  const canvas = el("canvas", {
    class: "heat",
    id: "relax-slice",
    role: "img",
    "aria-label": "slice f(v1, v2, 0) of the distribution",
  });
  const legendBox = el("div");
  const caption = el("p", { class: "hint" });
  const plotBox = el("div", { class: "plot", id: "relax-plot" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Relaxation of two beams (hard spheres: spectral solver and DSMC)"),
    el(
      "div",
      { class: "stage" },
      el(
        "div",
        { class: "row" },
        el("label", { for: "relax-n" }, "grid"),
        nSel,
        el("label", { for: "relax-tend" }, "t_end"),
        tEnd,
        el("label", { for: "relax-U" }, "beam speed U"),
        U,
        el("label", { for: "relax-solver" }, "solver"),
        solverSel,
        start,
      ),
      canvas,
      legendBox,
      caption,
      progress,
    ),
    plotBox,
    dsmcProgress,
    dsmcCaption,
  );
  const frames: Frame[] = [];
  let dsmc: DsmcSeries | null = null;
  let tEndNow = 2;

  /** The anisotropy plot: the spectral frames (line) and the DSMC means ± standard error (dots, bars). */
  function drawPlot(): void {
    const marks: Plot.Markish[] = [Plot.ruleY([0])];
    const spectral = frames.map((f) => ({ t: f.t, anisotropy: f.anisotropy, solver: "spectral" }));
    if (spectral.length) {
      marks.push(Plot.line(spectral, { x: "t", y: "anisotropy", stroke: "solver", marker: "dot" }));
    }
    if (dsmc) {
      const pts = dsmc.points.map((p) => ({
        ...p,
        solver: `DSMC (${dsmc?.replicas} replicas)`,
        lo: p.anisotropy - (Number.isFinite(p.error) ? p.error : 0),
        hi: p.anisotropy + (Number.isFinite(p.error) ? p.error : 0),
      }));
      marks.push(
        Plot.ruleX(pts, { x: "t", y1: "lo", y2: "hi", stroke: "solver" }),
        Plot.dot(pts, { x: "t", y: "anisotropy", stroke: "solver", r: 2.5 }),
      );
    }
    plotBox.replaceChildren(
      Plot.plot({
        width: 480,
        height: 280,
        marginLeft: 60,
        x: { label: "t", domain: [0, tEndNow] },
        y: { label: "anisotropy T₁₁/((T₂₂+T₃₃)/2) − 1", grid: true },
        color: { legend: true },
        marks,
      }),
    );
  }

  function drawFrame(f: Frame): void {
    let hi = 0;
    for (const x of f.slice) hi = Math.max(hi, x);
    drawField(canvas, f.n, f.slice, 0, hi);
    legendBox.replaceChildren(legend(0, hi, "f(v₁, v₂, 0)"));
    caption.textContent = `t = ${fmt(f.t)}; slice v₃ = 0 on [−${fmt(f.L)}, ${fmt(f.L)})², v₁ right, v₂ up; temperatures (${f.temperature.map((x) => fmt(x)).join(", ")}), mass ${fmt(f.mass, 8)}, energy ${fmt(f.energy, 8)}, entropy ${fmt(f.entropy, 6)}`;
    drawPlot();
    canvas.dataset.frames = String(frames.length);
  }

  function run(): void {
    const n = Number(nSel.value);
    const te = Number(tEnd.value);
    const u = Number(U.value);
    if (!(te > 0) || !(u >= 0)) {
      ctx.message("t_end must be > 0 and U ≥ 0");
      return;
    }
    frames.length = 0;
    dsmc = null;
    tEndNow = te;
    dsmcCaption.textContent = "";
    plotBox.replaceChildren();
    plotBox.dataset.dsmc = "false";
    const solver = solverSel.value;
    // the slice is the spectral solver's (the particles give moments only)
    canvas.style.display = solver === "dsmc" ? "none" : "";
    legendBox.hidden = solver === "dsmc";
    caption.hidden = solver === "dsmc";
    cancelJob("relax");
    cancelJob("relax-dsmc");
    progress.hidden = true;
    if (solver !== "spectral") runDsmc(te, u);
    if (solver === "dsmc") return;
    canvas.dataset.complete = "false";
    runJob(
      "relax",
      { kind: "relax", n, tEnd: te, U: u, Tb: 0.5 },
      {
        progress,
        onResult: (d) => {
          const f = d as Frame;
          frames.push(f);
          requestAnimationFrame(() => drawFrame(f));
        },
        onDone: () => {
          canvas.dataset.complete = "true";
        },
        onError: (m) => ctx.message(m),
      },
    );
  }
  function runDsmc(te: number, u: number): void {
    // output times denser early, where the anisotropy changes fastest: t_k = t_end (k/(n−1))²
    const times = Array.from({ length: DSMC.points }, (_, k) => te * (k / (DSMC.points - 1)) ** 2);
    runJob(
      "relax-dsmc",
      {
        kind: "dsmc",
        particles: DSMC.particles,
        replicas: DSMC.replicas,
        dt: DSMC.dt,
        seed: DSMC.seed,
        times,
        U: u,
        Tb: 0.5,
      },
      {
        progress: dsmcProgress,
        onResult: (d) => {
          dsmc = d as DsmcSeries;
          const last = dsmc.points[dsmc.points.length - 1];
          dsmcCaption.dataset.anisotropy0 = String(dsmc.points[0].anisotropy);
          dsmcCaption.dataset.error0 = String(dsmc.points[0].error);
          dsmcCaption.dataset.replicas = String(dsmc.replicas);
          dsmcCaption.textContent = `DSMC (plain, hard spheres): ${DSMC.particles} particles, Δt = ${DSMC.dt}, ${dsmc.replicas} of ${DSMC.replicas} replicas (seed ${DSMC.seed}); error bars ± one standard error over replicas. Anisotropy at t = ${fmt(last.t)}: ${fmt(last.anisotropy, 3)} ± ${fmt(last.error, 2)}.`;
          requestAnimationFrame(drawPlot);
        },
        onDone: () =>
          requestAnimationFrame(() => {
            drawPlot();
            plotBox.dataset.dsmc = "true";
          }),
        onError: (m) => ctx.message(m),
      },
    );
  }

  start.addEventListener("click", run);

  let started = false;
  return {
    root,
    update() {
      if (!started) {
        started = true;
        run();
      }
    },
    hide() {
      cancelJob("relax");
      cancelJob("relax-dsmc");
      started = false;
    },
  };
}
