import cliProgress from "cli-progress";

/** A progress sink for long work: `update(done, total)` as work finishes, `stop()` at the end. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Delay after which a progress bar is shown even when stderr is not a terminal. */
export const PROGRESS_DELAY_MS = 2000;

/**
 * A cli-progress bar on stderr (DESIGN.md, "Interfaces people use"), shown from the start when
 * stderr is a TTY, otherwise only once the work has run longer than {@link PROGRESS_DELAY_MS}
 * (then in cli-progress's non-TTY mode, one line every 2 s). Each line shows the percentage, the
 * steps done, the time elapsed and an ETA from the recent rate (cli-progress's `eta_formatted`,
 * over the last 20 updates). Nothing goes to stdout.
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
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed | ETA {eta_formatted}`,
        etaBuffer: 20,
        etaAsynchronousUpdate: true,
        noTTYOutput: !tty,
        notTTYSchedule: 2000,
        hideCursor: tty,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, done);
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
        bar.update(d);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (bar) bar.stop();
    },
  };
}
