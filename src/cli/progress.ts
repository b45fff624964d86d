import cliProgress from "cli-progress";

/** A progress sink for long work: `update(done, total)` as work finishes, `stop()` at the end. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Delay after which a progress bar is shown even when stderr is not a terminal. */
export const PROGRESS_DELAY_MS = 2000;

/** "1m 20s" / "45s" for a duration in milliseconds. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/**
 * Time left at the mean rate so far, (elapsed / done) × (total − done); "estimating…" before the
 * first step is done (no rate yet), "done" at the end.
 */
export function etaText(elapsedMs: number, done: number, total: number): string {
  if (done >= total && total > 0) return "done";
  if (done <= 0 || elapsedMs <= 0) return "estimating…";
  return `≈ ${duration((elapsedMs / done) * (total - done))}`;
}

/**
 * A cli-progress bar on stderr (docs/design.md, "Interfaces people use"), shown from the start when
 * stderr is a TTY, otherwise only once the work has run longer than {@link PROGRESS_DELAY_MS}
 * (then in cli-progress's non-TTY mode, one line every 2 s). Each line shows the percentage, the
 * steps done, the time elapsed and an ETA at the mean rate so far ({@link etaText}).
 * Nothing goes to stdout.
 */
export function progressBar(label: string): Progress {
  const tty = process.stderr.isTTY === true;
  const t0 = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let done = 0;
  let total = 0;
  let stopped = false;
  const start = () => {
    if (bar || stopped || total === 0) return;
    bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed | ETA {remaining}`,
        noTTYOutput: !tty,
        notTTYSchedule: 2000,
        hideCursor: tty,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done, { remaining: etaText(Date.now() - t0, done, total) });
  };
  const timer = setTimeout(start, PROGRESS_DELAY_MS);
  timer.unref();
  return {
    update(d, t) {
      done = d;
      total = t;
      if (!bar && (tty || Date.now() - t0 > PROGRESS_DELAY_MS)) start();
      if (bar) {
        bar.setTotal(t);
        bar.update(d, { remaining: etaText(Date.now() - t0, d, t) });
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (bar) bar.stop();
    },
  };
}
