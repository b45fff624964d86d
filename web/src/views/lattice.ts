/**
 * View 1 (Figure 1): the lattice e_{i,j} of (2.3) on the upper hemisphere. Hover (or arrow keys
 * with Shift on the focused canvas) selects a point; the panel shows (i, j), its nearest
 * neighbours, the minimum separation against (2.10) |e − e'| ≥ 1/M and the same-ring separation
 * against the bound 8/M written in (2.19). All numbers come from src/construction/lattice*.ts.
 */
import * as THREE from "three";
import { latticeIndex, makeLattice } from "../../../src/construction/geometry/lattice.ts";
import {
  latticeDistance,
  latticeSeparation,
} from "../../../src/construction/geometry/lattice-separation.ts";
import { MAX_VIEW_M, type ViewState } from "../state.ts";
import { hemisphereGuide, makeStage } from "../three-stage.ts";
import { el, fmt } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

const NEIGHBOURS = 4;

/** The NEIGHBOURS nearest lattice points to k, by the library's distance (⋆). */
function nearest(M: number, k: number): { k: number; i: number; j: number; d: number }[] {
  const lat = makeLattice(M);
  const i0 = lat.azimuth[k];
  const j0 = lat.ring[k];
  const out: { k: number; i: number; j: number; d: number }[] = [];
  for (let q = 0; q < lat.count; q++) {
    if (q === k) continue;
    const d = latticeDistance(i0, j0, lat.azimuth[q], lat.ring[q], M);
    out.push({ k: q, i: lat.azimuth[q], j: lat.ring[q], d });
  }
  out.sort((a, b) => a.d - b.d);
  return out.slice(0, NEIGHBOURS);
}

export function create(ctx: ViewContext): View {
  const stage = makeStage(
    "Lattice e_{i,j} on the unit hemisphere; drag or arrow keys to rotate, Shift+arrows to select a point",
  );
  stage.scene.add(hemisphereGuide());
  const info = el("div", { class: "info", "aria-live": "polite" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Lattice e_{i,j} (2.3) on the hemisphere — Figure 1"),
    el(
      "div",
      { class: "stage" },
      stage.canvas,
      el(
        "p",
        { class: "hint" },
        "Colour: ring j (polar angle πj/2M). Selected point orange, nearest neighbours red. Axes: x red, y green, z blue.",
      ),
    ),
    info,
  );
  let M = 0;
  let selected = -1;
  const base = new THREE.Color();
  const ray = new THREE.Raycaster();

  // One mesh, material and geometry for every M (capacity for the largest lattice): a slider move
  // only rewrites instance matrices, so no shader is recompiled.
  const capacity = (MAX_VIEW_M * (MAX_VIEW_M + 1)) / 2;
  const mesh = new THREE.InstancedMesh(
    new THREE.SphereGeometry(1, 10, 8),
    new THREE.MeshLambertMaterial(),
    capacity,
  );
  mesh.setColorAt(0, base);
  stage.scene.add(mesh);
  const scratch = new THREE.Matrix4();

  function build(st: ViewState): void {
    M = st.M;
    const lat = makeLattice(M);
    const r = Math.min(0.03, 0.35 / M);
    for (let k = 0; k < lat.count; k++) {
      scratch.makeScale(r, r, r).setPosition(lat.e[3 * k], lat.e[3 * k + 1], lat.e[3 * k + 2]);
      mesh.setMatrixAt(k, scratch);
    }
    mesh.count = lat.count;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }

  function colour(): void {
    const lat = makeLattice(M);
    const near = selected >= 0 ? new Set(nearest(M, selected).map((n) => n.k)) : new Set<number>();
    for (let k = 0; k < lat.count; k++) {
      if (k === selected) base.setRGB(1, 0.5, 0);
      else if (near.has(k)) base.setRGB(0.8, 0, 0);
      else base.setHSL(0.6 - (0.5 * lat.ring[k]) / M, 0.7, 0.38);
      mesh.setColorAt(k, base);
    }
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    stage.render();
  }

  function panel(): void {
    const sep = latticeSeparation(M);
    const holds210 = sep.minSeparation >= 1 / M;
    const bound219 = 8 / M;
    const holds219 = sep.minSameRingSeparation >= bound219;
    const pair = (p: typeof sep.argmin) => p.map(([i, j]) => `e_{${i},${j}}`).join(", ");
    const dl = el("dl");
    const row = (k: string, v: Node | string, id?: string, data?: number) => {
      const dd = el("dd", id ? { id, "data-value": String(data) } : {}, v);
      dl.append(el("dt", {}, k), dd);
    };
    row("M", String(M));
    row("points M(M+1)/2", String(sep.count), "lattice-count", sep.count);
    row(
      "min |e − e'|",
      `${fmt(sep.minSeparation, 6)} at ${pair(sep.argmin)}`,
      "lattice-min-sep",
      sep.minSeparation,
    );
    row(
      "(2.10): ≥ 1/M",
      el(
        "span",
        { class: holds210 ? "ok" : "bad" },
        `${holds210 ? "holds" : "violated"}: M·min = ${fmt(sep.minSeparation * M, 6)} ${holds210 ? "≥" : "<"} 1`,
      ),
      "lattice-210",
      sep.minSeparation * M,
    );
    row(
      "min, same ring",
      `${fmt(sep.minSameRingSeparation, 6)} at ${pair(sep.sameRingArgmin)}`,
      "lattice-min-ring-sep",
      sep.minSameRingSeparation,
    );
    row(
      "(2.19): ≥ 8/M",
      el(
        "span",
        { class: holds219 ? "ok" : "bad" },
        `${holds219 ? "holds" : "violated"}: M·min = ${fmt(sep.minSameRingSeparation * M, 6)} ${holds219 ? "≥" : "<"} 8`,
      ),
      "lattice-219",
      sep.minSameRingSeparation * M,
    );
    const sel = el("div", { id: "lattice-selection" });
    if (selected >= 0) {
      const lat = makeLattice(M);
      const i = lat.azimuth[selected];
      const j = lat.ring[selected];
      const e = [0, 1, 2].map((c) => fmt(lat.e[3 * selected + c], 5)).join(", ");
      const list = el("ul");
      for (const n of nearest(M, selected)) {
        list.append(
          el("li", {}, `e_{${n.i},${n.j}}: |e − e'| = ${fmt(n.d, 6)} (×M = ${fmt(n.d * M, 4)})`),
        );
      }
      sel.append(
        el("p", {}, el("strong", {}, `selected e_{${i},${j}}`), ` = (${e}), k = ${selected}`),
        el("p", {}, `nearest ${NEIGHBOURS} neighbours:`),
        list,
      );
    } else {
      sel.append(
        el(
          "p",
          {},
          "Hover a point (or focus the canvas and press Shift+arrows) to see (i, j) and its nearest neighbours.",
        ),
      );
    }
    info.replaceChildren(dl, sel);
  }

  function select(k: number): void {
    if (k === selected) return;
    selected = k;
    colour();
    panel();
    ctx.set({ k });
  }

  stage.canvas.addEventListener("pointermove", (ev) => {
    if (ev.buttons) return;
    const rect = stage.canvas.getBoundingClientRect();
    const p = new THREE.Vector2(
      ((ev.clientX - rect.left) / rect.width) * 2 - 1,
      -((ev.clientY - rect.top) / rect.height) * 2 + 1,
    );
    ray.setFromCamera(p, stage.camera);
    const hit = ray.intersectObject(mesh)[0];
    if (hit?.instanceId !== undefined) select(hit.instanceId);
  });
  stage.onKey = (e) => {
    if (!e.shiftKey || !e.key.startsWith("Arrow")) return false;
    const lat = makeLattice(M);
    let i = selected >= 0 ? lat.azimuth[selected] : 1;
    let j = selected >= 0 ? lat.ring[selected] : 1;
    if (e.key === "ArrowRight") i = (i % j) + 1;
    if (e.key === "ArrowLeft") i = ((i + j - 2) % j) + 1;
    if (e.key === "ArrowUp") j = Math.min(M, j + 1);
    if (e.key === "ArrowDown") j = Math.max(1, j - 1);
    select(latticeIndex(Math.min(i, j), j));
    return true;
  };

  return {
    root,
    update(st, changed) {
      if (changed.has("M") || M === 0) build(st);
      if (changed.has("M") || changed.has("k") || selected !== st.k) selected = st.k;
      colour();
      panel();
    },
  };
}
