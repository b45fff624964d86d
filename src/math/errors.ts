/**
 * A violation of an input rule. The CLI prints `message` on one line and exits with code 2;
 * the library throws it for any value outside its documented domain.
 */
export class RuleError extends Error {
  constructor(
    /** Short name of the violated rule, e.g. "M is an integer >= 2". */
    readonly rule: string,
    detail?: string,
  ) {
    super(detail ? `${rule} (${detail})` : rule);
    this.name = "RuleError";
  }
}

/** Throw a {@link RuleError} unless `x` is a finite number. */
export function requireFinite(name: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new RuleError(`${name} must be a finite number`, `got ${String(x)}`);
  }
  return x;
}
