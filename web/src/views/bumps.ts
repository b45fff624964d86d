/**
 * View 3 (Figure 3): the velocity bumps I_{i,j} of (2.4) in v-space in both readings
 * (src/construction/geometry/velocity-bumps.ts): `as-written` χ(M P⊥v) (radius 1/M) and `as-in-proof`
 * χ(10 M P⊥v) (radius 1/(10M), as used in (2.21)); both with e·v ∈ (1 − 1/α, 1 + 1/α), α = 10
 * in the paper. With the construction constants, α is the state's and a transverse factor c_⊥, when
 * set, replaces the as-in-proof reading's 10 (the as-written reading keeps c = 1 for comparison).
 * Overlaps: for every pair of lattice neighbours (same or adjacent ring) the view tests witness
 * points v = a·(e + e')/|e + e'|, a ∈ {1 − 0.95/α, 1 − 0.5/α, 1}, with the library's bumpOverlapCount; a
 * count ≥ 2 is a point where two supports meet (contradicting (2.20)), drawn in red.
 */
import * as THREE from "three";
import { cutoffByName } from "../../../src/construction/geometry/cutoff.ts";
import { makeLattice } from "../../../src/construction/geometry/lattice.ts";
import {
  type BumpShape,
  bumpAxialFactor,
  bumpOverlapCount,
  bumpRadius,
  bumpTransverseFactor,
} from "../../../src/construction/geometry/velocity-bumps.ts";
import type { Variant } from "../../../src/construction/parameters/variant.ts";
import { MAX_VIEW_M, type ViewState } from "../state.ts";
import { hemisphereGuide, makeStage, orientAlong } from "../three-stage.ts";
import { el, fmt } from "../ui.ts";
import type { View, ViewContext } from "../view.ts";

/** Witness radii a along (e + e')/|e + e'|: inside the axial support (1 − 1/α, 1 + 1/α). */
const witnessRadii = (alpha: number) => [1 - 0.95 / alpha, 1 - 0.5 / alpha, 1];

/** The bump shape of one reading under the state's constants (c_⊥ only for as-in-proof). */
function shapeOf(st: ViewState, variant: Variant): BumpShape {
  return {
    M: st.M,
    cutoff: cutoffByName(st.cutoff),
    variant,
    axial: st.alpha,
    ...(variant === "as-in-proof" && st.cperp > 0 ? { transverse: st.cperp } : {}),
  };
}

interface Overlaps {
  pairs: number;
  witnesses: number[];
  example?: string;
}

function overlaps(shape: BumpShape): Overlaps {
  const lat = makeLattice(shape.M);
  const v = new Float64Array(3);
  const witnesses: number[] = [];
  let pairs = 0;
  let example: string | undefined;
  for (let k = 0; k < lat.count; k++) {
    const jk = lat.ring[k];
    for (let q = k + 1; q < lat.count; q++) {
      if (lat.ring[q] > jk + 1) break;
      const mx = lat.e[3 * k] + lat.e[3 * q];
      const my = lat.e[3 * k + 1] + lat.e[3 * q + 1];
      const mz = lat.e[3 * k + 2] + lat.e[3 * q + 2];
      const nm = Math.hypot(mx, my, mz);
      if (nm < 1.9) continue; // directions more than ~36° apart cannot share a thin bump
      for (const a of witnessRadii(bumpAxialFactor(shape))) {
        v[0] = (a * mx) / nm;
        v[1] = (a * my) / nm;
        v[2] = (a * mz) / nm;
        if (bumpOverlapCount(shape, lat, v) >= 2) {
          pairs++;
          witnesses.push(v[0], v[1], v[2]);
          example ??= `e_{${lat.azimuth[k]},${lat.ring[k]}} and e_{${lat.azimuth[q]},${lat.ring[q]}} at v = (${[...v].map((c) => fmt(c, 5)).join(", ")})`;
          break;
        }
      }
    }
  }
  return { pairs, witnesses, example };
}

export function create(_ctx: ViewContext): View {
  const stage = makeStage(
    "Velocity bumps I_{i,j} in both readings; drag or arrow keys to rotate",
    new THREE.Vector3(0, 0, 0.5),
  );
  stage.scene.add(hemisphereGuide());
  const showWritten = el("input", { type: "checkbox", id: "bumps-written", checked: "" });
  const showProof = el("input", { type: "checkbox", id: "bumps-proof", checked: "" });
  const info = el("div", { class: "info", "aria-live": "polite" });
  const root = el(
    "section",
    { class: "view" },
    el("h2", {}, "Velocity bumps I_{i,j}(v) — Figure 3, both readings"),
    el(
      "div",
      { class: "stage" },
      stage.canvas,
      el(
        "p",
        { class: "hint" },
        "Blue (translucent): as-written supports, radius 1/M. Orange: as-in-proof supports, radius 1/(c_⊥M) (c_⊥ = 10 in the paper). Length 2/α along e (α = 10 in the paper). Red dots: witness points where two as-written supports meet.",
      ),
    ),
    el(
      "div",
      {},
      el(
        "div",
        { class: "row" },
        showWritten,
        el("label", { for: "bumps-written" }, "as-written"),
        showProof,
        el("label", { for: "bumps-proof" }, "as-in-proof"),
      ),
      info,
    ),
  );
  // Meshes and materials made once (capacity for the largest lattice); a change of M only
  // rewrites instance matrices and the witness points, so no shader is recompiled.
  const capacity = (MAX_VIEW_M * (MAX_VIEW_M + 1)) / 2;
  const cylinderGeometry = new THREE.CylinderGeometry(1, 1, 1, 14);
  const writtenMesh = new THREE.InstancedMesh(
    cylinderGeometry,
    new THREE.MeshLambertMaterial({ color: 0x2a6fc9, transparent: true, opacity: 0.35 }),
    capacity,
  );
  const proofMesh = new THREE.InstancedMesh(
    cylinderGeometry,
    new THREE.MeshLambertMaterial({ color: 0xe07b00 }),
    capacity,
  );
  const witnessPoints = new THREE.Points(
    new THREE.BufferGeometry(),
    new THREE.PointsMaterial({ color: 0xcc0000, size: 6, sizeAttenuation: false }),
  );
  stage.scene.add(writtenMesh, proofMesh, witnessPoints);
  const m = new THREE.Matrix4();
  const c = new THREE.Vector3();
  let last: ViewState | null = null;

  function cylinders(mesh: THREE.InstancedMesh, st: ViewState, variant: Variant): void {
    const lat = makeLattice(st.M);
    const shape = shapeOf(st, variant);
    const rho = bumpRadius(shape);
    const length = 2 / bumpAxialFactor(shape);
    for (let k = 0; k < lat.count; k++) {
      const e = lat.e.subarray(3 * k, 3 * k + 3);
      c.set(e[0], e[1], e[2]);
      mesh.setMatrixAt(k, orientAlong(m, e, c, rho, length));
    }
    mesh.count = lat.count;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
  }

  function draw(st: ViewState): void {
    cylinders(writtenMesh, st, "as-written");
    cylinders(proofMesh, st, "as-in-proof");
    writtenMesh.visible = showWritten.checked;
    proofMesh.visible = showProof.checked;
    const written = overlaps(shapeOf(st, "as-written"));
    const proofShape = shapeOf(st, "as-in-proof");
    const proof = overlaps(proofShape);
    const cProof = bumpTransverseFactor(proofShape);
    witnessPoints.geometry.dispose();
    witnessPoints.geometry = new THREE.BufferGeometry();
    witnessPoints.geometry.setAttribute(
      "position",
      new THREE.Float32BufferAttribute(written.witnesses, 3),
    );
    stage.render();
    const line = (o: Overlaps, name: string, id: string) =>
      el(
        "p",
        { id, "data-pairs": String(o.pairs) },
        el("strong", {}, `${name}: `),
        el(
          "span",
          { class: o.pairs ? "bad" : "ok" },
          o.pairs ? `${o.pairs} neighbour pairs overlap` : "no overlap found",
        ),
        o.example ? ` — e.g. ${o.example}` : " at the witness points tested",
      );
    info.replaceChildren(
      el(
        "p",
        {},
        `M = ${st.M}: ${makeLattice(st.M).count} bumps; (2.20) asserts the supports are disjoint.`,
      ),
      line(written, "as-written (radius 1/M)", "bumps-written-overlaps"),
      line(
        proof,
        `as-in-proof (radius 1/(${fmt(cProof)}M)${st.cperp > 0 ? ", c_⊥ of the constants" : ""})`,
        "bumps-proof-overlaps",
      ),
      el(
        "p",
        { class: "hint" },
        `Tested: every pair on the same or adjacent rings, at v = a(e + e')/|e + e'| for a = ${witnessRadii(
          st.alpha,
        )
          .map((a) => fmt(a, 4))
          .join(
            ", ",
          )} (bumpOverlapCount ≥ 2; α = ${fmt(st.alpha)}). No overlap found is evidence on these points only.`,
      ),
    );
  }

  showWritten.addEventListener("change", () => last && draw(last));
  showProof.addEventListener("change", () => last && draw(last));
  return {
    root,
    update(st, changed) {
      if (!last || (["M", "cutoff", "alpha", "cperp"] as const).some((k) => changed.has(k))) {
        last = st;
        draw(st);
      }
      last = st;
    },
  };
}
