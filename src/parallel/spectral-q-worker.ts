/**
 * The thread of {@link SpectralQPool}: builds the same {@link MouhotPareschi} as the main thread
 * (same grid, kernel and angular rule, so the same multipliers bit for bit) and, each time the
 * generation counter moves, evaluates its gain blocks from the shared f̂ into the shared partial
 * sums. Synchronisation is by `Atomics.wait`/`Atomics.notify` on a shared Int32Array (layout in
 * `spectral-q-pool.ts`); the thread never returns to its event loop until it is told to stop.
 */
import { workerData } from "node:worker_threads";
import type { SphereRuleName } from "../solvers/spectral/directions.ts";
import type { VelocityGrid } from "../solvers/spectral/grid.ts";
import {
  gainBlock,
  MouhotPareschi,
  type SpectralKernel,
} from "../solvers/spectral/mouhot-pareschi.ts";

/** What the pool hands each thread (structured-cloned; the buffers are shared). */
export interface SpectralQWorkerData {
  readonly grid: VelocityGrid;
  readonly kernel: SpectralKernel;
  readonly sphere: SphereRuleName;
  readonly angles: number;
  readonly cacheBytes: number | undefined;
  /** Staircase steps K of the truncation (1: separated). */
  readonly truncationSteps: number;
  readonly control: SharedArrayBuffer;
  readonly spectrum: SharedArrayBuffer;
  readonly partials: SharedArrayBuffer;
  /** Gain blocks [first, last) this thread evaluates. */
  readonly blocks: readonly [number, number];
  /** Index of this thread (its done/ready slots in the control array). */
  readonly index: number;
}

/** Control array slots: 0 the generation (−1 = stop); 1 + 2w done generation of thread w; 2 + 2w its state (1 ready, −1 failed). */
export const GENERATION = 0;
export const doneSlot = (w: number): number => 1 + 2 * w;
export const stateSlot = (w: number): number => 2 + 2 * w;

function main(data: SpectralQWorkerData): void {
  const ctrl = new Int32Array(data.control);
  const n3 = data.grid.n ** 3;
  let op: MouhotPareschi;
  try {
    op = new MouhotPareschi(data.grid, data.kernel, {
      sphere: data.sphere,
      angles: data.angles,
      cacheBytes: data.cacheBytes,
      truncation: { steps: data.truncationSteps },
    });
  } catch {
    Atomics.store(ctrl, stateSlot(data.index), -1);
    Atomics.notify(ctrl, stateSlot(data.index));
    return;
  }
  const spec = new Float64Array(data.spectrum);
  const parts = new Float64Array(data.partials);
  Atomics.store(ctrl, stateSlot(data.index), 1);
  Atomics.notify(ctrl, stateSlot(data.index));
  let seen = 0;
  for (;;) {
    Atomics.wait(ctrl, GENERATION, seen);
    const gen = Atomics.load(ctrl, GENERATION);
    if (gen < 0) return;
    if (gen === seen) continue;
    seen = gen;
    try {
      for (let c = data.blocks[0]; c < data.blocks[1]; c++) {
        const [from, to] = gainBlock(c, op.directions);
        op.gainOverDirections(spec, from, to, parts.subarray(c * n3, (c + 1) * n3));
      }
    } catch {
      Atomics.store(ctrl, stateSlot(data.index), -1);
    }
    Atomics.store(ctrl, doneSlot(data.index), gen);
    Atomics.notify(ctrl, doneSlot(data.index));
  }
}

if (workerData) main(workerData as SpectralQWorkerData);
