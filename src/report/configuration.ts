import type { Variant } from "../claims/claim-result.ts";
import type { ReportData } from "./report-data.ts";

/**
 * A configuration of the construction: the cutoff profile χ and the reading (variant) of I_{i,j}
 * in (2.4). Every table, figure series and verdict of the report belongs to one.
 */
export interface Configuration {
  readonly cutoff: string;
  readonly variant: Variant | string;
}

/** "bump, as-in-proof". */
export function configurationLabel(c: Configuration): string {
  return `${c.cutoff}, ${c.variant}`;
}

/** A key for maps and anchors: "bump/as-in-proof". */
export function configurationKey(c: Configuration): string {
  return `${c.cutoff}/${c.variant}`;
}

/** A lower-case anchor-safe slug: "(2.11) k = 1" → "2-11-k-1". */
export function anchorSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The configurations of a report, in the order cutoffs × variants of its parameters, followed by
 * any other found in its claims or Theorem 1.1 rows (rows without a label count as "unlabelled").
 */
export function reportConfigurations(data: ReportData): Configuration[] {
  const out = new Map<string, Configuration>();
  const add = (c: Configuration) => {
    const key = configurationKey(c);
    if (!out.has(key)) out.set(key, { cutoff: c.cutoff, variant: c.variant });
  };
  for (const cutoff of data.parameters.cutoffs) {
    for (const variant of data.parameters.variants) add({ cutoff, variant });
  }
  for (const c of data.claims) add(c);
  for (const r of data.theorem) add(rowConfiguration(r));
  return [...out.values()];
}

/** The configuration of a Theorem 1.1 row (older data without labels: "unlabelled"). */
export function rowConfiguration(r: { cutoff?: string; variant?: string }): Configuration {
  return { cutoff: r.cutoff ?? "unlabelled", variant: r.variant ?? "unlabelled" };
}

/** Items grouped by configuration, in first-appearance order, each group in input order. */
export function groupByConfiguration<T>(
  items: readonly T[],
  configurationOf: (item: T) => Configuration,
): { configuration: Configuration; items: T[] }[] {
  const groups = new Map<string, { configuration: Configuration; items: T[] }>();
  for (const item of items) {
    const c = configurationOf(item);
    const key = configurationKey(c);
    let g = groups.get(key);
    if (!g) {
      g = { configuration: c, items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
  }
  return [...groups.values()];
}
