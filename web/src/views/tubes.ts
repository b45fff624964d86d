/**
 * View 2 (Figure 2): the tubes K_{i,j} of (2.4) in x-space, transported: K_{i,j}(x − v t) for the
 * bump's central velocity v = e_{i,j}, i.e. the support {|P⊥(x − t e)| < 1/M, |e·(x − t e)| < 1}
 * moved by t e. The core ball of radius 1/(R M) (the support of χ(R M x) in (2.5), R = 100 in the
 * paper, the state's constant R here) sits at the
 * origin. Radii and values come from src/construction/geometry/tubes.ts and lattice.ts.
 */
import * as THREE from "three";
import { cutoffByName } from "../../../src/construction/geometry/cutoff.ts";
import { makeLattice } from "../../../src/construction/geometry/lattice.ts";
import { tubeRadius, tubeValue } from "../../../src/construction/geometry/tubes.ts";
import { MAX_VIEW_M, parametersOf, type ViewState } from "../state.ts";
import { hemisphereGuide, makeStage, orientAlong } from "../three-stage.ts";
import { el, fmt } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

export function create(_ctx: ViewContext): View {
  const stage = makeStage(
    "Tubes K_{i,j} transported to time t, and the core ball; drag or arrow keys to rotate",
    new THREE.Vector3(0, 0, 0.3),
  );
  stage.scene.add(hemisphereGuide());
  const ringInput = el("input", {
    type: "number",
    id: "tubes-ring",
    min: "0",
    value: "0",
    style: "width:5rem",
  });
  const info = el("div", { class: "info", "aria-live": "polite" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Tubes K_{i,j}(x − v t), v = e_{i,j} — Figure 2"),
    el(
      "div",
      { class: "stage" },
      stage.canvas,
      el(
        "p",
        { class: "hint" },
        "Cylinders: supports of K_{i,j}(x − t e_{i,j}) (radius 1/M, half-length 1). Red: the core ball |x| < 1/(R M) (R = 100 in the paper) at true size, with a ×10 wire sphere around it to find it.",
      ),
    ),
    el(
      "div",
      {},
      el(
        "div",
        { class: "row" },
        el("label", { for: "tubes-ring" }, "show ring j (0 = all rings)"),
        ringInput,
      ),
      info,
    ),
  );
  // One instanced mesh (capacity for the largest lattice), one material: a move of t or M only
  // rewrites instance matrices, so no shader is recompiled.
  const capacity = (MAX_VIEW_M * (MAX_VIEW_M + 1)) / 2;
  const mesh = new THREE.InstancedMesh(
    new THREE.CylinderGeometry(1, 1, 1, 16, 1, false),
    new THREE.MeshLambertMaterial({ color: 0x2a6fc9, transparent: true, opacity: 0.55 }),
    capacity,
  );
  const core = new THREE.Mesh(
    new THREE.SphereGeometry(1, 16, 12),
    new THREE.MeshBasicMaterial({ color: 0xcc0000 }),
  );
  const coreGuide = new THREE.Mesh(
    new THREE.SphereGeometry(1, 16, 12),
    new THREE.MeshBasicMaterial({ color: 0xcc0000, wireframe: true }),
  );
  stage.scene.add(mesh, core, coreGuide);
  const m = new THREE.Matrix4();
  const c = new THREE.Vector3();
  let last: ViewState | null = null;

  function draw(st: ViewState): void {
    const lat = makeLattice(st.M);
    const shape = { M: st.M, cutoff: cutoffByName(st.cutoff), scale: 1 };
    const R = tubeRadius(shape);
    const ring = Math.min(st.M, Math.max(0, Math.trunc(Number(ringInput.value) || 0)));
    let n = 0;
    for (let k = 0; k < lat.count; k++) {
      if (ring !== 0 && lat.ring[k] !== ring) continue;
      const e = lat.e.subarray(3 * k, 3 * k + 3);
      c.set(st.t * e[0], st.t * e[1], st.t * e[2]);
      mesh.setMatrixAt(n++, orientAlong(m, e, c, R, 2));
    }
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    // the core's support χ(R M x): radius 1/(R M), R = 100 in the paper (parameters.ts)
    const rc = 1 / (parametersOf(st).constants.coreRadius * st.M);
    core.scale.setScalar(rc);
    coreGuide.scale.setScalar(10 * rc);
    stage.render();

    // K_{i,j}(0 − t e_{i,j}) at the centre of the core, by the library (the same for every tube)
    const e0 = lat.e.subarray(0, 3);
    const x = new Float64Array([-st.t * e0[0], -st.t * e0[1], -st.t * e0[2]]);
    const Kc = tubeValue(shape, e0, x);
    info.replaceChildren(
      el(
        "dl",
        {},
        el("dt", {}, "tubes shown"),
        el("dd", { id: "tubes-count" }, `${n} of ${lat.count}`),
        el("dt", {}, "tube radius 1/M"),
        el("dd", {}, fmt(R)),
        el("dt", {}, `core radius 1/(R M), R = ${fmt(st.R)}`),
        el("dd", { id: "tubes-core-radius", "data-value": String(rc) }, fmt(rc)),
        el("dt", {}, "t, T*"),
        el("dd", {}, `${fmt(st.t)}, ${fmt(parametersOf(st).Tstar)}`),
        el("dt", {}, "K_{i,j}(0 − t e_{i,j})"),
        el(
          "dd",
          { id: "tubes-centre", "data-value": String(Kc) },
          `${fmt(Kc, 6)} (= χ(t e): the tubes ${Kc > 0 ? "still cover" : "have left"} the core)`,
        ),
      ),
    );
  }

  ringInput.addEventListener("change", () => last && draw(last));
  return {
    root,
    update(st) {
      last = st;
      draw(st);
    },
  };
}
