/**
 * Jobs for the compute worker and a small runner: one worker per slot (a view's computation);
 * starting a new job in a slot terminates the worker of the previous one, so a slider move never
 * waits for stale work. Progress goes to a labelled <progress> element.
 */
import type { ConstructionConstants } from "../../src/construction/parameters/parameters.ts";
import type { Variant } from "../../src/construction/parameters/variant.ts";

export interface ConstructionInput {
  M: number;
  s: number;
  s0: number;
  p: number;
  cutoff: string;
  variant: Variant;
  constants: Partial<ConstructionConstants>;
  /** The kernel of A[f_b] by name (`hard-sphere`, `constant`, `vhs:γ`; docs/kernels.md). */
  kernel: string;
}

/**
 * The explorer's threshold search settings, cheaper than `boltzlab threshold`'s defaults: the tube's
 * H^{s0} quadrature cut off at 20 (relative error ~10⁻³, carried in each margin's error, as the
 * (s, s0) map does) and bisection to relative width 10⁻² instead of 10⁻³.
 */
export const EXPLORER_THRESHOLD_SEARCH = { tubeCutoff: 20, relTol: 1e-2 } as const;

export type Job =
  | {
      kind: "heatmap";
      construction: ConstructionInput;
      plane: "x" | "v";
      fixed: [number, number, number];
      t: number;
      L: number;
      levels: number[];
      relTol: number;
    }
  | { kind: "lambda"; construction: ConstructionInput }
  | { kind: "theorem"; construction: ConstructionInput }
  | { kind: "thresholds"; construction: ConstructionInput }
  | { kind: "relax"; n: number; tEnd: number; U: number; Tb: number }
  | {
      kind: "dsmc";
      particles: number;
      replicas: number;
      dt: number;
      seed: number;
      times: number[];
      U: number;
      Tb: number;
    };

export type JobMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "result"; data: unknown }
  | { type: "done" }
  | { type: "error"; message: string };

const running = new Map<string, Worker>();

export interface JobHandlers {
  onResult: (data: unknown) => void;
  onDone?: () => void;
  onError?: (message: string) => void;
  progress?: HTMLProgressElement | null;
}

/** Run `job` in a fresh worker under `slot`, cancelling what ran there before. */
export function runJob(slot: string, job: Job, h: JobHandlers): void {
  cancelJob(slot);
  const worker = new Worker(new URL("./compute.worker.ts", import.meta.url), { type: "module" });
  running.set(slot, worker);
  if (h.progress) {
    h.progress.value = 0;
    h.progress.max = 1;
    h.progress.hidden = false;
  }
  worker.onmessage = (ev: MessageEvent<JobMessage>) => {
    const m = ev.data;
    if (running.get(slot) !== worker) return;
    if (m.type === "progress" && h.progress) {
      h.progress.max = m.total;
      h.progress.value = m.done;
    } else if (m.type === "result") {
      h.onResult(m.data);
    } else if (m.type === "done") {
      if (h.progress) h.progress.hidden = true;
      running.delete(slot);
      worker.terminate();
      h.onDone?.();
    } else if (m.type === "error") {
      if (h.progress) h.progress.hidden = true;
      running.delete(slot);
      worker.terminate();
      h.onError?.(m.message);
    }
  };
  worker.postMessage(job);
}

export function cancelJob(slot: string): void {
  const w = running.get(slot);
  if (w) {
    w.terminate();
    running.delete(slot);
  }
}

/** Slots with a job still running (the tests wait until this is empty). */
export function runningSlots(): string[] {
  return [...running.keys()];
}
