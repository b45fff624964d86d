/**
 * View 7: a small spatially homogeneous relaxation ∂t f = Q(f, f), hard spheres, by the spectral
 * solver of src/solvers/spectral (Mouhot–Pareschi, adaptive SSP-RK2, tolerance 10⁻³) in a worker,
 * from two Maxwellian beams at ±U e₁. Animated: the slice f(v₁, v₂, 0) and the anisotropy
 * T₁₁ / ((T₂₂ + T₃₃)/2) − 1, which relaxes to 0.
 */
import * as Plot from "@observablehq/plot";
import { cancelJob, runJob } from "../jobs.ts";
import { drawField, el, fmt, legend } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

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
  const start = el("button", { type: "button", id: "relax-start" }, "run");
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
    el("h2", {}, "Relaxation of two beams (spectral solver, hard spheres)"),
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
        start,
      ),
      canvas,
      legendBox,
      caption,
      progress,
    ),
    plotBox,
  );
  const frames: Frame[] = [];

  function drawFrame(f: Frame): void {
    let hi = 0;
    for (const x of f.slice) hi = Math.max(hi, x);
    drawField(canvas, f.n, f.slice, 0, hi);
    legendBox.replaceChildren(legend(0, hi, "f(v₁, v₂, 0)"));
    caption.textContent = `t = ${fmt(f.t)}; slice v₃ = 0 on [−${fmt(f.L)}, ${fmt(f.L)})², v₁ right, v₂ up; temperatures (${f.temperature.map((x) => fmt(x)).join(", ")}), mass ${fmt(f.mass, 8)}, energy ${fmt(f.energy, 8)}, entropy ${fmt(f.entropy, 6)}`;
    plotBox.replaceChildren(
      Plot.plot({
        width: 480,
        height: 260,
        marginLeft: 60,
        x: { label: "t" },
        y: { label: "anisotropy T₁₁/((T₂₂+T₃₃)/2) − 1", grid: true },
        marks: [
          Plot.line(frames, { x: "t", y: "anisotropy", stroke: "#0b4f9c", marker: "dot" }),
          Plot.ruleY([0]),
        ],
      }),
    );
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
      started = false;
    },
  };
}
