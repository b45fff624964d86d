import * as Plot from "@observablehq/plot";

/** Categorical colours (Tableau 10) for series: M values, quantities, fit and reference lines. */
export const CATEGORICAL = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ab",
] as const;

/** The k-th categorical colour, cycling. */
export function seriesColor(k: number): string {
  return CATEGORICAL[k % CATEGORICAL.length];
}

/** Colours of the lattice rings j ∈ [1, M] (2.3) on the viridis scale, as a function of j. */
export function ringColors(M: number): (j: number) => string {
  const scale = Plot.scale({ color: { type: "linear", scheme: "viridis", domain: [1, M] } });
  return (j) => String(scale.apply(j));
}
