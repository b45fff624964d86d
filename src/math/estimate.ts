/**
 * Every computed number in boltzlab is an {@link Estimate}: a value, an error, and how it was
 * obtained (docs/design.md, "Numbers are estimates").
 *
 * - `error` is an absolute error bound for quadrature and closed forms, and one standard error for
 *   Monte Carlo (`kind: "monte-carlo"`).
 * - `lowerBound: true` marks a supremum found by sampling: the true sup is at least `value`.
 */
export type EstimateKind = "closed-form" | "quadrature" | "monte-carlo" | "sampled-sup" | "derived";

/**
 * A computed number with its error and provenance: `value`, `error` (an absolute bound for
 * quadrature and closed forms, one standard error for Monte Carlo), `kind` and `method`.
 * Results that missed their tolerance carry `unconverged`; sampled suprema carry `lowerBound`.
 */
export interface Estimate {
  readonly value: number;
  readonly error: number;
  readonly kind: EstimateKind;
  /** Human-readable provenance: rule, refinement, samples and seed, reductions used. */
  readonly method: string;
  /** True when a requested tolerance could not be reached; the error is then the last difference. */
  readonly unconverged?: boolean;
  /** True when the value is only a lower bound of the quantity (a sampled supremum). */
  readonly lowerBound?: boolean;
}

/**
 * An exact value (a closed form): its error is 4 ulp of the value (the rounding of the formula).
 * @param method - the formula, for the provenance (default "closed form").
 */
export function exact(value: number, method = "closed form"): Estimate {
  return { value, error: Math.abs(value) * Number.EPSILON * 4, kind: "closed-form", method };
}

/**
 * Make an {@link Estimate}; the error is stored as its absolute value.
 * @param error - absolute error bound (quadrature, closed form) or standard error (Monte Carlo).
 * @param method - how the value was obtained: rule and refinement, samples and seed, reductions.
 * @param extra - `unconverged` (tolerance not reached) and `lowerBound` (a sampled supremum).
 */
export function estimate(
  value: number,
  error: number,
  kind: EstimateKind,
  method: string,
  extra: { unconverged?: boolean; lowerBound?: boolean } = {},
): Estimate {
  const e: Estimate = { value, error: Math.abs(error), kind, method };
  return extra.unconverged || extra.lowerBound ? { ...e, ...extra } : e;
}

/** Linear propagation for a product of independent estimates: |Δ(ab)| ≤ |a||Δb| + |b||Δa| + |ΔaΔb|. */
export function times(a: Estimate, b: Estimate, method?: string): Estimate {
  return derived(
    a.value * b.value,
    Math.abs(a.value) * b.error + Math.abs(b.value) * a.error + a.error * b.error,
    method ?? `(${a.method}) × (${b.method})`,
    [a, b],
  );
}

/** Scale an estimate by an exact number. */
export function scale(a: Estimate, c: number): Estimate {
  return { ...a, value: a.value * c, error: a.error * Math.abs(c) };
}

/** Sum of estimates with errors added (worst case, bounds) — valid for bounds and conservative for SEs. */
export function sum(terms: readonly Estimate[], method = "sum"): Estimate {
  let v = 0;
  let e = 0;
  for (const t of terms) {
    v += t.value;
    e += t.error;
  }
  return derived(v, e, method, terms);
}

/** sqrt of a non-negative estimate, error by the mean-value theorem over the bracket. */
export function sqrtEstimate(a: Estimate, method?: string): Estimate {
  const lo = Math.sqrt(Math.max(0, a.value - a.error));
  const hi = Math.sqrt(a.value + a.error);
  const v = Math.sqrt(Math.max(0, a.value));
  return derived(v, Math.max(hi - v, v - lo), method ?? `sqrt(${a.method})`, [a]);
}

/** Ratio a/b with the bracket error; b must be bounded away from zero. */
export function ratio(a: Estimate, b: Estimate, method?: string): Estimate {
  const v = a.value / b.value;
  const bl = Math.abs(b.value) - b.error;
  const err =
    bl > 0
      ? (Math.abs(a.value) * b.error + Math.abs(b.value) * a.error) / (Math.abs(b.value) * bl)
      : Number.POSITIVE_INFINITY;
  return derived(v, err, method ?? `(${a.method}) / (${b.method})`, [a, b]);
}

function derived(
  value: number,
  error: number,
  method: string,
  parts: readonly Estimate[],
): Estimate {
  const unconverged = parts.some((p) => p.unconverged);
  const lowerBound = parts.some((p) => p.lowerBound);
  return estimate(value, error, "derived", method, { unconverged, lowerBound });
}

/** Interval [value − error, value + error]. */
export function bracket(a: Estimate): [number, number] {
  return [a.value - a.error, a.value + a.error];
}

/** Do two estimates agree within k combined errors (plus a tiny absolute floor)? */
export function agree(a: Estimate, b: Estimate, k = 1, floor = 0): boolean {
  return Math.abs(a.value - b.value) <= k * (a.error + b.error) + floor;
}

/** Compact "1.234(5)e-3"-style rendering: value ± error with sensible digits. */
export function formatEstimate(a: Estimate, digits = 4): string {
  if (!Number.isFinite(a.value)) return String(a.value);
  const v = a.value.toPrecision(digits);
  if (a.error === 0) return v;
  return `${v} ± ${a.error.toPrecision(2)}${a.lowerBound ? " (lower bound)" : ""}${a.unconverged ? " (unconverged)" : ""}`;
}
