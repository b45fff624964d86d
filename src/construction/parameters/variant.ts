import { RuleError } from "../../math/errors.ts";

/**
 * The two readings of I_{i,j} in (2.4) (docs/design.md, "variants"):
 * - `as-written`: χ(M P⊥v), the definition;
 * - `as-in-proof`: |P⊥v| ≤ 1/(10M), what the proof of (2.20) uses in (2.21).
 */
export const VARIANTS = ["as-written", "as-in-proof"] as const;
/** A reading of the bumps I_{i,j} of (2.4): `"as-written"` or `"as-in-proof"` (see {@link VARIANTS}). */
export type Variant = (typeof VARIANTS)[number];

/** The variant named `name`; any other name is a {@link RuleError} that lists the two. */
export function variantByName(name: string): Variant {
  if ((VARIANTS as readonly string[]).includes(name)) return name as Variant;
  throw new RuleError(`variant must be one of ${VARIANTS.join(", ")}`, `got "${name}"`);
}
