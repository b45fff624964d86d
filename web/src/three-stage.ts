/**
 * A three.js stage: renderer (preserveDrawingBuffer so tests can read pixels), camera, orbit
 * controls (drag to rotate, wheel to zoom) and keyboard rotation (arrow keys on the focused canvas,
 * so the view is usable without a mouse). Renders on demand only.
 */
import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";

export interface Stage {
  readonly canvas: HTMLCanvasElement;
  readonly scene: THREE.Scene;
  readonly camera: THREE.PerspectiveCamera;
  render(): void;
  /** Keys other than the rotation keys are passed here (return true when handled). */
  onKey?: (e: KeyboardEvent) => boolean;
}

export function makeStage(label: string, target = new THREE.Vector3(0, 0, 0.4)): Stage {
  const canvas = document.createElement("canvas");
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  const renderer = new THREE.WebGLRenderer({
    canvas,
    antialias: true,
    preserveDrawingBuffer: true,
  });
  renderer.setClearColor(0xffffff);
  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(40, 1, 0.001, 100);
  camera.up.set(0, 0, 1);
  camera.position.set(2.6, -2.2, 2.0);
  scene.add(new THREE.AmbientLight(0xffffff, 1.2));
  const sun = new THREE.DirectionalLight(0xffffff, 1.6);
  sun.position.set(2, -1, 3);
  scene.add(sun);
  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(target);
  controls.update();
  const stage: Stage = {
    canvas,
    scene,
    camera,
    render() {
      const w = canvas.clientWidth || 560;
      const h = canvas.clientHeight || 560;
      if (
        canvas.width !== Math.round(w * devicePixelRatio) ||
        canvas.height !== Math.round(h * devicePixelRatio)
      ) {
        renderer.setPixelRatio(devicePixelRatio);
        renderer.setSize(w, h, false);
        camera.aspect = w / h;
        camera.updateProjectionMatrix();
      }
      renderer.render(scene, camera);
    },
  };
  controls.addEventListener("change", () => stage.render());
  canvas.addEventListener("keydown", (e) => {
    if (stage.onKey?.(e)) {
      e.preventDefault();
      return;
    }
    const angle = e.key === "ArrowLeft" ? 0.1 : e.key === "ArrowRight" ? -0.1 : 0;
    const tilt = e.key === "ArrowUp" ? 0.1 : e.key === "ArrowDown" ? -0.1 : 0;
    if (!angle && !tilt) return;
    e.preventDefault();
    const offset = camera.position.clone().sub(controls.target);
    offset.applyAxisAngle(new THREE.Vector3(0, 0, 1), angle);
    const side = new THREE.Vector3().crossVectors(camera.up, offset).normalize();
    offset.applyAxisAngle(side, tilt);
    camera.position.copy(controls.target).add(offset);
    controls.update();
    stage.render();
  });
  new ResizeObserver(() => stage.render()).observe(canvas);
  return stage;
}

/** A wireframe unit hemisphere (z ≥ 0) and the three axes, labelled in the legend of each view. */
export function hemisphereGuide(): THREE.Group {
  const g = new THREE.Group();
  const sphere = new THREE.SphereGeometry(1, 36, 9, 0, 2 * Math.PI, 0, Math.PI / 2);
  sphere.rotateX(Math.PI / 2);
  g.add(
    new THREE.LineSegments(
      new THREE.WireframeGeometry(sphere),
      new THREE.LineBasicMaterial({ color: 0xbbbbbb }),
    ),
  );
  g.add(new THREE.AxesHelper(1.3));
  return g;
}

/** Orient a unit-height object built along +y so that its axis is e. */
export function orientAlong(
  m: THREE.Matrix4,
  e: ArrayLike<number>,
  center: THREE.Vector3,
  radius: number,
  length: number,
): THREE.Matrix4 {
  const q = new THREE.Quaternion().setFromUnitVectors(
    new THREE.Vector3(0, 1, 0),
    new THREE.Vector3(e[0], e[1], e[2]),
  );
  return m.compose(center, q, new THREE.Vector3(radius, length, radius));
}
