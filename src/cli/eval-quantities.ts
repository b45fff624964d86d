/**
 * The quantities `boltzlab eval` computes: f_b (2.4), f_r (2.5), A[f_b] (2.6), Σ K_{i,j}(x) and
 * Σ I_{i,j}(v). A module of its own so that the command's registration (eval.ts) and the
 * evaluation (eval-quantity.ts, loaded lazily) share the list without importing each other.
 */
export const QUANTITIES = ["fb", "fr", "A", "Ksum", "Isum"] as const;

/** One of {@link QUANTITIES}. */
export type Quantity = (typeof QUANTITIES)[number];
