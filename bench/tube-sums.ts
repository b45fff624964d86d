/**
 * Tube and bump sums: the structure-exploiting sums of src/construction/geometry/tubes.ts and
 * velocity-bumps.ts (only the lattice directions in a cone around ±x/|x| or v/|v| are visited,
 * src/construction/geometry/lattice-cone.ts) against the naive sums over all M(M+1)/2 directions, measured
 * in the same run on the same points.
 *
 *   npx tsx bench/tube-sums.ts            (M = 16, 64, 256, 1024)
 *   npx tsx bench/tube-sums.ts 16,64      (other M)
 *
 * Σ_{i,j} K_{i,j}(x) and Σ|∇K_{i,j}(x)| (left sides of (2.11)) at x uniform in the unit ball;
 * Σ I_{i,j}(v) (left side of (2.12)) at v uniform in the ball of radius 1.2 (which contains every
 * bump) and, separately, in the shell 0.9 < |v| < 1.1 of the upper half space where the bumps live.
 * Cutoff `bump`, variant `as-written` (the wider bumps: more candidates per point).
 * Prints evaluations per second each way, the ratio, and the largest relative difference.
 */
import { bump } from "../src/construction/geometry/cutoff.ts";
import { makeLattice } from "../src/construction/geometry/lattice.ts";
import { type TubeShape, tubeSum, tubeSumNaive } from "../src/construction/geometry/tubes.ts";
import {
  type BumpShape,
  bumpSum,
  bumpSumNaive,
} from "../src/construction/geometry/velocity-bumps.ts";
import { uniformInShell } from "../src/math/sampling/regions.ts";
import { uniformStream } from "../src/math/sampling/uniform-stream.ts";

const Ms = (process.argv[2] ?? "16,64,256,1024").split(",").map(Number);

/** n points uniform in the shell r0 < |p| < r1 (z ≥ 0 when upper), flat array of 3n (Park–Miller stream). */
function points(n: number, r0: number, r1: number, upper: boolean, seed: number): Float64Array {
  const rnd = uniformStream(seed, { algorithm: "park-miller" });
  const out = new Float64Array(3 * n);
  const p = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    uniformInShell(p, rnd, r0, r1, upper);
    out.set(p, 3 * i);
  }
  return out;
}

/** Evaluations per second of f over the points (repeated until ≥ 0.3 s), and the values. */
function measure(
  pts: Float64Array,
  f: (p: Float64Array) => number,
): { rate: number; values: Float64Array } {
  const n = pts.length / 3;
  const values = new Float64Array(n);
  const p = new Float64Array(3);
  let evals = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    for (let i = 0; i < n; i++) {
      p[0] = pts[3 * i];
      p[1] = pts[3 * i + 1];
      p[2] = pts[3 * i + 2];
      values[i] = f(p);
    }
    evals += n;
    t = performance.now();
  } while (t - t0 < 300);
  return { rate: (evals * 1000) / (t - t0), values };
}

function maxRelDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (scale > 0) d = Math.max(d, Math.abs(a[i] - b[i]) / scale);
  }
  return d;
}

function row(
  label: string,
  M: number,
  fast: ReturnType<typeof measure>,
  naive: ReturnType<typeof measure>,
): string {
  const nz = fast.values.filter((v) => v !== 0).length;
  return [
    label.padEnd(26),
    String(M).padStart(5),
    fast.rate.toExponential(2).padStart(10),
    naive.rate.toExponential(2).padStart(10),
    (fast.rate / naive.rate).toFixed(1).padStart(9),
    maxRelDiff(fast.values, naive.values).toExponential(1).padStart(9),
    `${nz}/${fast.values.length}`.padStart(9),
  ].join("  ");
}

console.log(`node ${process.version}; cutoff bump, variant as-written; rates in evaluations/s`);
console.log(
  [
    "sum".padEnd(26),
    "M".padStart(5),
    "structured".padStart(10),
    "naive".padStart(10),
    "ratio".padStart(9),
    "max rel Δ".padStart(9),
    "non-zero".padStart(9),
  ].join("  "),
);
for (const M of Ms) {
  const lattice = makeLattice(M);
  const tube: TubeShape = { M, cutoff: bump, scale: 1 };
  const bumpShape: BumpShape = { M, cutoff: bump, variant: "as-written" };
  // enough points that the naive pass does ~10^6 tube evaluations
  const n = Math.max(16, Math.min(4000, Math.round(1e6 / lattice.count)));
  const xs = points(n, 0, 1, false, 1000 + M);
  for (const k of [0, 1] as const) {
    const fast = measure(xs, (x) => tubeSum(tube, lattice, x, k));
    const naive = measure(xs, (x) => tubeSumNaive(tube, lattice, x, k));
    console.log(row(k === 0 ? "Σ K(x), |x| < 1" : "Σ |∇K(x)|, |x| < 1", M, fast, naive));
  }
  const vBall = points(n, 0, 1.2, false, 2000 + M);
  const vShell = points(n, 0.9, 1.1, true, 3000 + M);
  for (const [label, vs] of [
    ["Σ I(v), |v| < 1.2", vBall],
    ["Σ I(v), 0.9<|v|<1.1, z>0", vShell],
  ] as const) {
    const fast = measure(vs, (v) => bumpSum(bumpShape, lattice, v));
    const naive = measure(vs, (v) => bumpSumNaive(bumpShape, lattice, v));
    console.log(row(label, M, fast, naive));
  }
}
