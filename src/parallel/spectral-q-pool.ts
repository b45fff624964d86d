import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { RuleError } from "../math/errors.ts";
import type { VelocityGrid } from "../solvers/spectral/grid.ts";
import {
  type CollisionOperator,
  combineGain,
  GAIN_BLOCKS,
  MouhotPareschi,
  type SpectralKernel,
  type SpectralOptions,
} from "../solvers/spectral/mouhot-pareschi.ts";
import { doneSlot, GENERATION, type SpectralQWorkerData, stateSlot } from "./spectral-q-worker.ts";
import { workerModule } from "./worker-runtime.ts";

/** The grid size from which `relax` evaluates Q on a pool (below it a thread costs more than it saves). */
export const POOL_MIN_N = 32;

/**
 * The thread's entry (an eval'd script, which Node 20 runs without the `--import` hooks of
 * `execArgv`): from source it registers tsx's require hook in the thread and `require`s the .ts
 * worker module; compiled, it `require`s the .js module, or `import()`s it when it is an ES module. A failed load
 * marks the thread failed at once instead of leaving the main thread waiting.
 */
function bootstrap(href: string, slot: number): string {
  const tsx = href.endsWith(".ts")
    ? `require(${JSON.stringify(createRequire(import.meta.url).resolve("tsx/cjs/api"))}).register();`
    : "";
  return `const { workerData } = require("node:worker_threads");
const fail = (e) => {
  const c = new Int32Array(workerData.control);
  Atomics.store(c, ${slot}, -1);
  Atomics.notify(c, ${slot});
  throw e;
};
try {
  ${tsx}
  require(require("node:url").fileURLToPath(${JSON.stringify(href)}));
} catch (e) {
  if (e && e.code === "ERR_REQUIRE_ESM") import(${JSON.stringify(href)}).catch(fail);
  else fail(e);
}`;
}

/** How long the main thread waits for a worker to start or to finish one evaluation (ms). */
const WAIT_MS = 120_000;

/**
 * Q(f,f) of {@link MouhotPareschi} with its independent directions on worker threads (up to
 * {@link GAIN_BLOCKS}). The main thread transforms f into a SharedArrayBuffer, starts the workers
 * (each sums its fixed gain blocks of directions into its own shared buffer), computes the loss
 * term meanwhile, waits, and adds the blocks in block order — the order
 * {@link MouhotPareschi.evaluate} uses, so the result is the same bits as the serial one.
 * `evaluate` is synchronous (the main thread blocks in `Atomics.wait`), so the time stepper is
 * unchanged. Call {@link SpectralQPool.close} when done (the threads are unref'd, so a forgotten
 * pool does not keep the process alive). The worker module and its loader come from the one parallel
 * runtime (worker-runtime.ts `workerModule`); the Atomics protocol is this pool's own, since Q is
 * evaluated synchronously inside a time step.
 *
 * @example
 * ```ts
 * import { makeGrid, MouhotPareschi } from "boltzlab/solvers";
 * import { SpectralQPool } from "boltzlab/parallel";
 * const grid = makeGrid(8, 6);
 * const f = new Float64Array(8 ** 3).map((_, i) => Math.exp(-(i % 8) / 3));
 * const pooled = new Float64Array(8 ** 3);
 * const serial = new Float64Array(8 ** 3);
 * const pool = SpectralQPool.open(grid, "hard-sphere", { angles: 2 }, 2);
 * pool.evaluate(f, pooled);
 * await pool.close();
 * new MouhotPareschi(grid, "hard-sphere", { angles: 2 }).evaluate(f, serial);
 * if (!pooled.every((q, i) => Object.is(q, serial[i]))) throw new Error("pooled Q differs from serial Q");
 * ```
 *
 * @category Parallel
 */
export class SpectralQPool implements CollisionOperator {
  readonly grid: VelocityGrid;
  readonly workers: number;
  private readonly op: MouhotPareschi;
  private readonly threads: Worker[];
  private readonly ctrl: Int32Array;
  private readonly spec: Float64Array;
  private readonly parts: Float64Array;
  private readonly sum: Float64Array;
  private generation = 0;
  private closed = false;

  private constructor(
    grid: VelocityGrid,
    kernel: SpectralKernel,
    opts: SpectralOptions,
    workers: number,
  ) {
    this.grid = grid;
    this.op = new MouhotPareschi(grid, kernel, opts);
    const n3 = grid.n ** 3;
    this.workers = Math.min(workers, GAIN_BLOCKS);
    const W = this.workers;
    const control = new SharedArrayBuffer(4 * (1 + 2 * W));
    const spectrum = new SharedArrayBuffer(8 * 2 * n3);
    const partials = new SharedArrayBuffer(8 * GAIN_BLOCKS * n3);
    this.ctrl = new Int32Array(control);
    this.spec = new Float64Array(spectrum);
    this.parts = new Float64Array(partials);
    this.sum = new Float64Array(n3);
    const { url, execArgv } = workerModule("spectral-q-worker");
    this.threads = [];
    for (let w = 0; w < W; w++) {
      const data: SpectralQWorkerData = {
        grid,
        kernel,
        sphere: opts.sphere ?? "product",
        angles: this.op.rule.M,
        cacheBytes: opts.cacheBytes,
        truncationSteps: this.op.truncation.steps,
        control,
        spectrum,
        partials,
        blocks: [Math.floor((w * GAIN_BLOCKS) / W), Math.floor(((w + 1) * GAIN_BLOCKS) / W)],
        index: w,
      };
      const t = new Worker(bootstrap(url.href, stateSlot(w)), {
        eval: true,
        workerData: data,
        execArgv,
      });
      t.unref();
      this.threads.push(t);
    }
    for (let w = 0; w < W; w++) this.await(stateSlot(w), 0, "start");
  }

  /**
   * A pool of `workers` threads (at most {@link GAIN_BLOCKS}) for the operator of `grid`, `kernel`
   * and `opts`, or an in-process {@link MouhotPareschi} when `workers` ≤ 1.
   */
  static open(
    grid: VelocityGrid,
    kernel: SpectralKernel,
    opts: SpectralOptions,
    workers: number,
  ): CollisionOperator & { close(): Promise<void> } {
    if (workers <= 1) {
      const op = new MouhotPareschi(grid, kernel, opts);
      return Object.assign(op, { close: async () => {} });
    }
    return new SpectralQPool(grid, kernel, opts, workers);
  }

  /** Number of directions e of the angular rule. */
  get directions(): number {
    return this.op.directions;
  }

  /** Block until slot ≠ `from` (or time out), then fail if any thread reported a failure. */
  private await(slot: number, from: number, what: string): void {
    const t0 = Date.now();
    while (Atomics.load(this.ctrl, slot) === from) {
      if (Atomics.wait(this.ctrl, slot, from, WAIT_MS) === "timed-out" || Date.now() - t0 > WAIT_MS)
        throw new Error(`spectral Q pool: no answer from a worker thread (${what})`);
    }
    for (let w = 0; w < this.workers; w++)
      if (Atomics.load(this.ctrl, stateSlot(w)) < 0)
        throw new RuleError(`spectral Q pool: worker ${w} failed (${what})`);
  }

  /** Q(f,f) into `out` (same contract and same bits as {@link MouhotPareschi.evaluate}). */
  evaluate(f: Float64Array, out: Float64Array, gain?: Float64Array, lossFreq?: Float64Array): void {
    if (this.closed) throw new Error("spectral Q pool is closed");
    const n3 = this.grid.n ** 3;
    if (f.length !== n3 || out.length !== n3)
      throw new RangeError(`arrays must have length n^3 = ${n3}`);
    this.op.transform(f, this.spec);
    const gen = ++this.generation;
    Atomics.store(this.ctrl, GENERATION, gen);
    Atomics.notify(this.ctrl, GENERATION);
    const L = lossFreq ?? out;
    this.op.lossFrequency(this.spec, L);
    for (let i = 0; i < n3; i++) out[i] = -f[i] * L[i];
    for (let w = 0; w < this.workers; w++) this.await(doneSlot(w), gen - 1, "evaluate");
    const sum = this.sum;
    const parts = this.parts;
    sum.fill(0);
    for (let c = 0; c < GAIN_BLOCKS; c++) {
      const o = c * n3;
      for (let i = 0; i < n3; i++) sum[i] += parts[o + i];
    }
    combineGain(out, sum, gain ?? null);
  }

  /** Stop the threads and wait until they have exited. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.ctrl, GENERATION, -1);
    Atomics.notify(this.ctrl, GENERATION);
    await Promise.all(this.threads.map((t) => t.terminate()));
  }
}
