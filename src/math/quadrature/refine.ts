import { type Estimate, estimate } from "../estimate.ts";

/**
 * Refine a quadrature `rule(level)` (level = 0, 1, 2, … with increasing resolution) until two
 * successive values differ by at most max(absTol, relTol·|value|). The error reported is that last
 * difference (a standard a-posteriori estimate for rules that converge faster than linearly).
 * If the tolerance is not met by `maxLevel`, the estimate is flagged `unconverged`.
 */
export function refineUntil(
  rule: (level: number) => number,
  opts: { absTol?: number; relTol?: number; maxLevel?: number; minLevel?: number; label: string },
): Estimate {
  const absTol = opts.absTol ?? 0;
  const relTol = opts.relTol ?? 1e-8;
  const maxLevel = opts.maxLevel ?? 8;
  const minLevel = opts.minLevel ?? 1;
  let prev = rule(0);
  let diff = Number.POSITIVE_INFINITY;
  for (let level = 1; level <= maxLevel; level++) {
    const cur = rule(level);
    diff = Math.abs(cur - prev);
    prev = cur;
    if (level >= minLevel && diff <= Math.max(absTol, relTol * Math.abs(cur))) {
      return estimate(cur, diff, "quadrature", `${opts.label}, refined to level ${level}`);
    }
  }
  return estimate(
    prev,
    diff,
    "quadrature",
    `${opts.label}, level ${maxLevel} (tolerance not met)`,
    {
      unconverged: true,
    },
  );
}
