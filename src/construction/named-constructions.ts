import type { ConstructionConstants } from "./parameters.ts";
import type { Variant } from "./variant.ts";

/**
 * Reusable construction parameter sets (`--construction NAME` on the command line). Each set
 * records where it came from; values not given fall back to the command's own options and then to
 * the paper's.
 */
export interface NamedConstruction {
  readonly name: string;
  readonly constants: Partial<ConstructionConstants>;
  readonly s?: number;
  readonly s0?: number;
  readonly cutoff?: string;
  readonly variant?: Variant;
  /** How the set was obtained (command, date, result). */
  readonly provenance?: string;
}

export const NAMED_CONSTRUCTIONS: Readonly<Record<string, NamedConstruction>> = {};
