import type { Estimate } from "../../math/estimate.ts";

/** A point ready for a log axis: value and error-bar ends, all > 0. */
export interface LogPoint {
  /** Index of the estimate in the input. */
  readonly index: number;
  readonly x: number;
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  readonly lowerBound: boolean;
}

/** Points for a log y axis, with what had to be dropped or clipped, for the figure's notes. */
export interface LogPoints {
  readonly points: LogPoint[];
  /** x of values that are ≤ 0 or not finite (not drawable on a log axis). */
  readonly skipped: number[];
  /** x of points whose error bar reaches ≤ 0 (lower end clipped to value/10). */
  readonly clipped: number[];
}

/** Split estimates at abscissae `xs` into drawable log-axis points and notes. */
export function logPoints(xs: readonly number[], ys: readonly Estimate[]): LogPoints {
  const points: LogPoint[] = [];
  const skipped: number[] = [];
  const clipped: number[] = [];
  xs.forEach((x, k) => {
    const y = ys[k];
    if (!(y.value > 0) || !Number.isFinite(y.value)) {
      skipped.push(x);
      return;
    }
    const err = Number.isFinite(y.error) ? y.error : y.value;
    const lo = y.value - err;
    if (!(lo > 0)) clipped.push(x);
    points.push({
      index: k,
      x,
      value: y.value,
      lo: lo > 0 ? lo : y.value / 10,
      hi: y.value + err,
      lowerBound: y.lowerBound === true,
    });
  });
  return { points, skipped, clipped };
}

/** Notes for a figure: "<what>: n values ≤ 0 skipped (x = …)" and the clipped error bars. */
export function logNotes(what: string, xName: string, p: LogPoints): string[] {
  const num = (x: number) => String(Number(x.toPrecision(4)));
  const list = (xs: number[]) =>
    xs.length <= 6
      ? xs.map(num).join(", ")
      : `${xs.slice(0, 3).map(num).join(", ")}, …, ${num(xs[xs.length - 1])}`;
  const notes: string[] = [];
  if (p.skipped.length) {
    notes.push(
      `${what}: ${p.skipped.length} value(s) ≤ 0 or non-finite not drawn (${xName} = ${list(p.skipped)})`,
    );
  }
  if (p.clipped.length) {
    notes.push(
      `${what}: error bar reaches ≤ 0, lower end clipped at value/10 (${xName} = ${list(p.clipped)})`,
    );
  }
  return notes;
}
