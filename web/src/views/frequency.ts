/**
 * View 4: the collision frequency A[f_b](t, x, v) of (2.6) on a plane — x = (a, 0, b) with v fixed,
 * or v = (a, 0, b) with x fixed — computed in a worker by the library's beamCollisionFrequency
 * (the function `boltzlab eval A` calls), refined progressively (16², 32², 64² for the x-plane;
 * 8², 16², 24² for the v-plane, whose points cost ~100× more), each value with its quadrature
 * error. Below: Λ(t, 0, 0) = ∫_0^t A[f_b](τ, 0, 0) dτ and A(t, 0, 0) along [0, T*] by the
 * single-tube identity (centreFrequency), on 5, 9, 17, 33 points.
 */
import * as Plot from "@observablehq/plot";
import { type ConstructionInput, cancelJob, runJob } from "../jobs.ts";
import {
  CONSTANT_KEYS,
  constantsOf,
  namedConstantsOf,
  parametersOf,
  type ViewState,
} from "../state.ts";
import { drawField, el, fmt, legend, pm } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

/** Per-tube relative tolerance of the heat map (the page shows each value's error). */
export const HEATMAP_REL_TOL = 1e-5;

interface Level {
  n: number;
  values: Float64Array;
  errors: Float64Array;
  unconverged: number;
}
interface LambdaRow {
  t: number;
  Lambda: number;
  LambdaError: number;
  A: number;
  AError: number;
}

/** The constants as a caption names them: the set's name, or every value when custom. */
export function constantsLabel(st: ViewState): string {
  const name = namedConstantsOf(st);
  if (name !== "custom") return name;
  return CONSTANT_KEYS.map(
    ([key, , sym]) => `${sym} = ${key === "cperp" && st.cperp === 0 ? "variant's" : st[key]}`,
  ).join(", ");
}

export function construction(st: ViewState): ConstructionInput {
  return {
    M: st.M,
    s: st.s,
    s0: st.s0,
    p: st.p,
    cutoff: st.cutoff,
    variant: st.variant,
    constants: constantsOf(st),
    kernel: st.kernel,
  };
}

/** The state keys a construction depends on: M, s, s0, p, cutoff, variant, kernel and the constants. */
export function constructionKeys(): (keyof ViewState)[] {
  return ["M", "s", "s0", "p", "cutoff", "variant", "kernel", ...CONSTANT_KEYS.map(([key]) => key)];
}

export function create(ctx: ViewContext): View {
  const canvas = el("canvas", {
    class: "heat",
    id: "heatmap",
    tabindex: "0",
    role: "img",
    "aria-label": "Heat map of A[f_b]; arrow keys move the probe",
  });
  const planeSel = el("select", { id: "freq-plane" });
  planeSel.append(
    el("option", { value: "x" }, "x = (a, 0, b), v fixed"),
    el("option", { value: "v" }, "v = (a, 0, b), x fixed"),
  );
  const fixedInput = el("input", { id: "freq-fixed", size: "14" });
  const LInput = el("input", {
    id: "freq-L",
    type: "number",
    step: "0.1",
    min: "0.05",
    style: "width:5rem",
  });
  const showError = el("input", { id: "freq-error", type: "checkbox" });
  const progress = el("progress", { id: "freq-progress", "aria-label": "heat map progress" });
  const lambdaProgress = el("progress", { id: "lambda-progress", "aria-label": "Λ progress" });
  const probe = el(
    "p",
    { id: "probe", "aria-live": "polite" },
    "Hover the map (or focus it and use the arrow keys) to read A[f_b] ± error at a point.",
  );
  const caption = el("p", { class: "hint", id: "heatmap-caption" });
  const legendBox = el("div");
  const lambdaBox = el("div", { class: "plot", id: "lambda-plot" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Collision frequency A[f_b](t, x, v) (2.6) and Λ(t, 0, 0)"),
    el(
      "div",
      { class: "stage" },
      el(
        "div",
        { class: "row" },
        el("label", { for: "freq-plane" }, "plane"),
        planeSel,
        el("label", { for: "freq-fixed" }, "fixed vector"),
        fixedInput,
        el("label", { for: "freq-L" }, "half-width"),
        LInput,
        showError,
        el("label", { for: "freq-error" }, "show the error map"),
      ),
      canvas,
      legendBox,
      caption,
      progress,
    ),
    el(
      "div",
      { class: "info" },
      probe,
      el("h3", {}, "Λ(t, 0, 0) and A[f_b](t, 0, 0) on [0, T*]"),
      lambdaProgress,
      lambdaBox,
    ),
  );
  let level: Level | null = null;
  let st: ViewState | null = null;
  let probeCell: [number, number] | null = null;

  showError.addEventListener("change", () => level && drawLevel(level));
  planeSel.addEventListener("change", () => ctx.set({ plane: planeSel.value as "x" | "v" }));
  fixedInput.addEventListener("change", () => {
    const parts = fixedInput.value.split(",").map(Number);
    if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) {
      ctx.message("fixed vector must be three comma-separated finite numbers a,b,c");
      return;
    }
    ctx.set({ fixed: [parts[0], parts[1], parts[2]] });
  });
  LInput.addEventListener("change", () => {
    const L = Number(LInput.value);
    if (!(L > 0)) {
      ctx.message("half-width must be > 0");
      return;
    }
    ctx.set({ L });
  });

  function showProbe(row: number, col: number): void {
    if (!level || !st) return;
    const { n } = level;
    probeCell = [row, col];
    const a = -st.L + ((col + 0.5) * 2 * st.L) / n;
    const b = st.L - ((row + 0.5) * 2 * st.L) / n;
    const moving: [number, number, number] = [a, 0, b];
    const x = st.plane === "x" ? moving : st.fixed;
    const v = st.plane === "x" ? st.fixed : moving;
    const value = level.values[row * n + col];
    const error = level.errors[row * n + col];
    probe.dataset.t = String(st.t);
    probe.dataset.x = x.join(",");
    probe.dataset.v = v.join(",");
    probe.dataset.value = String(value);
    probe.dataset.error = String(error);
    probe.dataset.n = String(n);
    probe.textContent = `A[f_b](t = ${fmt(st.t)}, x = (${x.map((c) => fmt(c)).join(", ")}), v = (${v.map((c) => fmt(c)).join(", ")})) = ${pm(value, error)}  (grid ${n}², cell ${row},${col})`;
  }

  canvas.addEventListener("pointermove", (ev) => {
    if (!level) return;
    const r = canvas.getBoundingClientRect();
    const col = Math.min(
      level.n - 1,
      Math.max(0, Math.floor(((ev.clientX - r.left) / r.width) * level.n)),
    );
    const row = Math.min(
      level.n - 1,
      Math.max(0, Math.floor(((ev.clientY - r.top) / r.height) * level.n)),
    );
    showProbe(row, col);
  });
  canvas.addEventListener("keydown", (ev) => {
    if (!level || !ev.key.startsWith("Arrow")) return;
    ev.preventDefault();
    const [r, c] = probeCell ?? [level.n >> 1, level.n >> 1];
    const dr = ev.key === "ArrowDown" ? 1 : ev.key === "ArrowUp" ? -1 : 0;
    const dc = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
    showProbe(
      Math.min(level.n - 1, Math.max(0, r + dr)),
      Math.min(level.n - 1, Math.max(0, c + dc)),
    );
  });

  function drawLevel(l: Level): void {
    if (!st) return;
    level = l;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let maxErr = 0;
    for (let i = 0; i < l.values.length; i++) {
      lo = Math.min(lo, l.values[i]);
      hi = Math.max(hi, l.values[i]);
      maxErr = Math.max(maxErr, l.errors[i]);
    }
    if (showError.checked) {
      drawField(canvas, l.n, l.errors, 0, maxErr);
      legendBox.replaceChildren(legend(0, maxErr, "quadrature error of A[f_b]"));
    } else {
      drawField(canvas, l.n, l.values, lo, hi);
      legendBox.replaceChildren(legend(lo, hi, "A[f_b]"));
    }
    const axes =
      st.plane === "x" ? "x₁ (right) and x₃ (up), x₂ = 0" : "v₁ (right) and v₃ (up), v₂ = 0";
    caption.textContent = `Grid ${l.n}² on [−${st.L}, ${st.L}]², axes ${axes}; ${st.plane === "x" ? "v" : "x"} = (${st.fixed.join(", ")}), t = ${fmt(st.t)}; M = ${st.M}, s = ${st.s}, cutoff ${st.cutoff}, ${st.variant}, constants ${constantsLabel(st)}. Largest quadrature error ${fmt(maxErr, 2)}${l.unconverged ? `; ${l.unconverged} points did not meet the tolerance` : ""}.`;
    canvas.dataset.n = String(l.n);
    if (probeCell) {
      const f = l.n / (Number(canvas.dataset.prevN) || l.n);
      showProbe(
        Math.min(l.n - 1, Math.floor(probeCell[0] * f)),
        Math.min(l.n - 1, Math.floor(probeCell[1] * f)),
      );
    }
    canvas.dataset.prevN = String(l.n);
  }

  /** Run after the heat map's first level so that the two jobs do not share the CPU at first. */
  let afterFirstLevel: (() => void) | null = null;

  function startHeatmap(s: ViewState): void {
    level = null;
    probeCell = null;
    canvas.dataset.complete = "false";
    runJob(
      "heatmap",
      {
        kind: "heatmap",
        construction: construction(s),
        plane: s.plane,
        fixed: s.fixed,
        t: s.t,
        L: s.L,
        levels: s.plane === "x" ? [16, 32, 64] : [8, 16, 24],
        relTol: HEATMAP_REL_TOL,
      },
      {
        progress,
        onResult: (d) => {
          drawLevel(d as Level);
          afterFirstLevel?.();
          afterFirstLevel = null;
        },
        onDone: () => {
          canvas.dataset.complete = "true";
        },
        onError: (m) => ctx.message(m),
      },
    );
  }

  function startLambda(s: ViewState): void {
    lambdaBox.dataset.complete = "false";
    runJob(
      "lambda",
      { kind: "lambda", construction: construction(s) },
      {
        progress: lambdaProgress,
        onResult: (d) => {
          const { rows, Tstar } = d as { rows: LambdaRow[]; Tstar: number };
          const band = (key: "Lambda" | "A") =>
            rows.map((r) => ({
              t: r.t,
              lo: r[key] - r[`${key}Error`],
              hi: r[key] + r[`${key}Error`],
              y: r[key],
              what: key === "Lambda" ? "Λ(t,0,0)" : "A[f_b](t,0,0)",
            }));
          const data = [...band("Lambda"), ...band("A")];
          lambdaBox.replaceChildren(
            Plot.plot({
              width: 520,
              height: 300,
              marginLeft: 60,
              x: { label: "t", domain: [0, Tstar] },
              y: { label: "value", grid: true },
              color: {
                legend: true,
                domain: ["Λ(t,0,0)", "A[f_b](t,0,0)"],
                range: ["#0b4f9c", "#c0392b"],
              },
              marks: [
                Plot.areaY(data, { x: "t", y1: "lo", y2: "hi", fill: "what", fillOpacity: 0.25 }),
                Plot.line(data, { x: "t", y: "y", stroke: "what", marker: "dot" }),
                Plot.ruleX([st?.t ?? 0], { stroke: "#555", strokeDasharray: "4 3" }),
              ],
              caption: `${rows.length} points on [0, T*], T* = ${fmt(Tstar)}; bands: ± quadrature error. Λ(T*,0,0) = ${pm(rows[rows.length - 1].Lambda, rows[rows.length - 1].LambdaError)}`,
            }),
          );
          lambdaBox.dataset.points = String(rows.length);
        },
        onDone: () => {
          lambdaBox.dataset.complete = "true";
        },
        onError: (m) => ctx.message(m),
      },
    );
  }

  const keys = constructionKeys();
  return {
    root,
    update(s, changed) {
      st = s;
      planeSel.value = s.plane;
      fixedInput.value = s.fixed.join(",");
      LInput.value = String(s.L);
      parametersOf(s);
      const heat =
        keys.some((k) => changed.has(k)) ||
        ["t", "plane", "fixed", "L"].some((k) => changed.has(k as keyof ViewState));
      if (heat) startHeatmap(s);
      if (keys.some((k) => changed.has(k))) {
        cancelJob("lambda");
        if (heat) afterFirstLevel = () => startLambda(s);
        else startLambda(s);
      }
    },
    hide() {
      afterFirstLevel = null;
      cancelJob("heatmap");
      cancelJob("lambda");
    },
  };
}
