/**
 * A[f_b](t, x, v) = 2π M^{1−s} Σ_{i,j} ∫ |u − v| K_{i,j}(x − ut) I_{i,j}(u) du ((2.6)):
 * `beamCollisionFrequency` (src/construction/beam/beam-collision-frequency.ts: only the tubes that can
 * touch x, a double cone around ±x/|x|) against a naive evaluation written here that applies the
 * same per-tube rule to all M(M+1)/2 tubes, measured in the same run.
 *
 *   npx tsx bench/collision-frequency.ts           (M = 8, 16, 32, 64)
 *   npx tsx bench/collision-frequency.ts 16,32
 *
 * The rule (both sides): per tube, in the tube frame u = a e + ρ r ω̂(ψ), Gauss–Legendre in a and r,
 * trapezoid in ψ, orders 8, 12, 16, 24, 32, 48, 64 until two successive values agree to
 * relTol · max(value, tube scale); for |v| ≤ 10⁻⁶ the speed |u − (v·e)e| (ψ-integral once per
 * r-node) plus the bound |P⊥v| ∫K I added to the error; the same per-tube shortcuts (transverse
 * factor tabulated per ψ, constant in ψ at t = 0), so the ratio measures the tube selection alone.
 * Order 0 (A itself); cutoff bump, variant as-written; relTol 1e-7 (the library default).
 */

import type { Beam } from "../src/construction/beam/beam.ts";
import { makeBeam } from "../src/construction/beam/beam.ts";
import {
  beamCollisionFrequency,
  SEPARABLE_SPEED,
} from "../src/construction/beam/beam-collision-frequency.ts";
import { bump } from "../src/construction/geometry/cutoff.ts";
import { bumpRadius } from "../src/construction/geometry/velocity-bumps.ts";
import { makeParameters } from "../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../src/math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../src/math/vec3.ts";

const Ms = (process.argv[2] ?? "8,16,32,64").split(",").map(Number);
const ORDERS = [8, 12, 16, 24, 32, 48, 64];
const REL_TOL = 1e-7;

const e = new Float64Array(3);
const e1 = new Float64Array(3);
const e2 = new Float64Array(3);

/**
 * One tube at n nodes per direction: [∫|u − v| K(x − ut) I(u) du / ρ², separable bound / ρ²].
 * The same per-tube work as the library: the transverse factor φ(M|q − tρr ω̂(ψ)|) is summed over ψ
 * once per r-node (separable speed) or tabulated per ψ and reused for every a; at t = 0 it is
 * constant in ψ.
 */
function tube(
  beam: Beam,
  rho: number,
  t: number,
  x: number[],
  v: number[],
  n: number,
): [number, number] {
  const { M } = beam.params;
  const { phi } = beam.cutoff;
  const gl = gaussLegendre(n);
  const q1 = x[0] * e1[0] + x[1] * e1[1] + x[2] * e1[2];
  const q2 = x[0] * e2[0] + x[1] * e2[1] + x[2] * e2[2];
  const eta = x[0] * e[0] + x[1] * e[1] + x[2] * e[2];
  const v1 = v[0] * e1[0] + v[1] * e1[1] + v[2] * e1[2];
  const v2 = v[0] * e2[0] + v[1] * e2[1] + v[2] * e2[2];
  const ve = v[0] * e[0] + v[1] * e[1] + v[2] * e[2];
  const separable = Math.hypot(v[0], v[1], v[2]) <= SEPARABLE_SPEED;
  const dpsi = (2 * Math.PI) / n;
  for (let ip = 0; ip < n; ip++) {
    cosT[ip] = Math.cos((ip * 2 * Math.PI) / n);
    sinT[ip] = Math.sin((ip * 2 * Math.PI) / n);
  }
  let total = 0;
  let mass = 0;
  for (let ir = 0; ir < n; ir++) {
    const r = 0.5 * (1 + gl.nodes[ir]);
    const wr = 0.5 * gl.weights[ir] * r * phi(r);
    if (wr === 0) continue;
    const pr = rho * r;
    let S = 0;
    for (let ip = 0; ip < n; ip++) {
      const y1 = q1 - t * pr * cosT[ip];
      const y2 = q2 - t * pr * sinT[ip];
      transT[ip] = phi(M * Math.sqrt(y1 * y1 + y2 * y2));
      S += dpsi * transT[ip];
      if (t === 0) {
        S = 2 * Math.PI * transT[0];
        break;
      }
    }
    for (let ia = 0; ia < n; ia++) {
      const a = 1 + 0.1 * gl.nodes[ia];
      const wa = 0.1 * gl.weights[ia] * phi(10 * Math.abs(a - 1));
      if (wa === 0) continue;
      const fa = phi(Math.abs(eta - a * t));
      if (separable) {
        total += wa * wr * Math.sqrt((a - ve) ** 2 + pr * pr) * S * fa;
        mass += wa * wr * S * fa;
        continue;
      }
      for (let ip = 0; ip < n; ip++) {
        const du1 = pr * cosT[ip] - v1;
        const du2 = pr * sinT[ip] - v2;
        total +=
          wa *
          wr *
          dpsi *
          Math.sqrt((a - ve) ** 2 + du1 * du1 + du2 * du2) *
          transT[t === 0 ? 0 : ip] *
          fa;
      }
    }
  }
  return [total, separable ? Math.hypot(v1, v2) * mass : 0];
}

const cosT = new Float64Array(ORDERS[ORDERS.length - 1]);
const sinT = new Float64Array(ORDERS[ORDERS.length - 1]);
const transT = new Float64Array(ORDERS[ORDERS.length - 1]);

/** The naive A[f_b]: every tube, refined as in the library. */
function naive(beam: Beam, t: number, x: number[], v: number[]): { value: number; error: number } {
  const { M } = beam.params;
  const rho = bumpRadius(beam.bump);
  const tubeScale = rho * rho * 2 * Math.PI * 0.2 * (1.1 + Math.hypot(v[0], v[1], v[2])) * 0.01;
  let acc = 0;
  let err = 0;
  for (let k = 0; k < beam.lattice.count; k++) {
    e[0] = beam.lattice.e[3 * k];
    e[1] = beam.lattice.e[3 * k + 1];
    e[2] = beam.lattice.e[3 * k + 2];
    orthonormalFrame(e1, e2, e);
    let prev = 0;
    for (let level = 0; level < ORDERS.length; level++) {
      const [raw, bound] = tube(beam, rho, t, x, v, ORDERS[level]);
      const cur = raw * rho * rho;
      const d = Math.abs(cur - prev);
      if (
        level > 0 &&
        (d <= REL_TOL * Math.max(Math.abs(cur), tubeScale) || level === ORDERS.length - 1)
      ) {
        acc += cur;
        err += d + bound * rho * rho;
        break;
      }
      prev = cur;
    }
  }
  const pref = 2 * Math.PI * beam.amplitude * (M > 0 ? 1 : 0);
  return { value: pref * acc, error: pref * err };
}

function rate(f: () => unknown): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    f();
    n++;
    t = performance.now();
  } while (t - t0 < 500 || n < 2);
  return (n * 1000) / (t - t0);
}

console.log(`node ${process.version}; cutoff bump, variant as-written, s = 0.8; evaluations/s`);
console.log(
  ["M", "t", "point", "v", "A", "± error", "structured", "naive", "ratio", "|Δ|/error"]
    .map((h, i) => (i < 4 ? h.padEnd(i === 2 ? 18 : 6) : h.padStart(11)))
    .join(" "),
);
for (const M of Ms) {
  const beam = makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), bump, "as-written");
  const k = Math.floor(beam.lattice.count / 2);
  const ek = [beam.lattice.e[3 * k], beam.lattice.e[3 * k + 1], beam.lattice.e[3 * k + 2]];
  orthonormalFrame(e1, e2, ek);
  const points: [string, number[]][] = [
    ["x = 0", [0, 0, 0]],
    ["tube edge", ek.map((c, i) => 0.5 * c + (0.98 / M) * e1[i])],
    ["|x| = 0.7 random", [0.7 * 0.48, 0.7 * -0.6, 0.7 * 0.64]],
    ["far out |x| = 1.2", [0, 0.72, 0.96]],
  ];
  const vs: [string, number[]][] = [
    ["0", [0, 0, 0]],
    ["e_k", ek],
  ];
  for (const t of [0, 0.125]) {
    for (const [pname, x] of points) {
      for (const [vname, v] of vs) {
        const fast = beamCollisionFrequency(beam, t, x, v);
        const slow = naive(beam, t, x, v);
        const rf = rate(() => beamCollisionFrequency(beam, t, x, v));
        const rn = rate(() => naive(beam, t, x, v));
        const diff = Math.abs(fast.value - slow.value);
        console.log(
          [
            String(M).padEnd(6),
            String(t).padEnd(6),
            pname.padEnd(18),
            vname.padEnd(6),
            fast.value.toExponential(6).padStart(11),
            fast.error.toExponential(1).padStart(11),
            rf.toPrecision(3).padStart(11),
            rn.toPrecision(3).padStart(11),
            (rf / rn).toFixed(1).padStart(11),
            (fast.error > 0
              ? (diff / fast.error).toExponential(1)
              : diff.toExponential(1)
            ).padStart(11),
          ].join(" "),
        );
      }
    }
  }
}
