/**
 * The pointwise quantities of the construction that `evaluatePoint` (point-values.ts) computes:
 * f_b (2.4), f_r (2.5), A[f_b] (2.6), Σ K_{i,j}(x) and Σ I_{i,j}(v). A module of its own, without
 * imports, so that a caller can list and validate them without loading the construction.
 */
export const POINT_QUANTITIES = ["fb", "fr", "A", "Ksum", "Isum"] as const;

/** One of {@link POINT_QUANTITIES}. */
export type PointQuantity = (typeof POINT_QUANTITIES)[number];
