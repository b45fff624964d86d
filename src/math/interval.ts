import { type Estimate, estimate } from "./estimate.ts";

/**
 * Interval arithmetic on closed intervals [lo, hi] of nonnegative numbers (the enclosures of the
 * claims' bounds): endpoints added and multiplied (valid for nonnegative intervals), no outward
 * rounding (the enclosed quantities carry errors far above one ulp).
 */
export type Interval = readonly [number, number];

/**
 * [max(0, value − error), value + error] of an estimate of a nonnegative quantity.
 *
 * @example
 * ```ts
 * import { estimate, intervalMul, intervalOf } from "boltzlab";
 * const [lo, hi] = intervalMul(intervalOf(estimate(2, 0.5, "derived", "x")), [1, 3]);
 * if (!(lo === 1.5 && hi === 7.5)) throw new Error("example check failed");
 * ```
 */
export function intervalOf(e: Estimate): Interval {
  return [Math.max(0, e.value - e.error), e.value + e.error];
}

/** [a₀ + b₀, a₁ + b₁]. */
export function intervalAdd(a: Interval, b: Interval): Interval {
  return [a[0] + b[0], a[1] + b[1]];
}

/** [a₀b₀, a₁b₁] (nonnegative intervals). */
export function intervalMul(a: Interval, b: Interval): Interval {
  return [a[0] * b[0], a[1] * b[1]];
}

/** The midpoint estimate of an interval: value (lo + hi)/2, error (hi − lo)/2, kind "derived". */
export function intervalMidpoint(a: Interval, method: string): Estimate {
  return estimate(0.5 * (a[0] + a[1]), 0.5 * (a[1] - a[0]), "derived", method);
}
