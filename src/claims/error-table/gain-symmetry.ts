import type { Beam } from "../../construction/beam/beam.ts";
import type { DuhamelWindow, ErrorTermMeasure, TermMeasurement } from "./error-term.ts";

/**
 * For hard spheres with ω over the whole sphere Q⁺(f, g) = Q⁺(g, f), so the entries Q⁺(f_r,f_b) and
 * Q⁺(f_b,f_r) of F_err (4.1) are one quantity. The table keeps both ids (the paper lists both
 * terms); this makes them share one computation: the measurement of a (part, window) is kept per
 * beam, and the second id returns the first one's result (the same numbers, not recomputed).
 */
/**
 * The id whose computation a term shares: Q⁺(f_r,f_b) → Q⁺(f_b,f_r), every other id itself. Jobs
 * with the same shared id, part and M are one computation (the `--workers` queue keeps them in one
 * process so that the second is free).
 */
export function sharedTermId(term: string): string {
  return term === "Q+(fr,fb)" ? "Q+(fb,fr)" : term;
}

const shared = new WeakMap<Beam, Map<string, TermMeasurement>>();

function sharedMeasurement(
  beam: Beam,
  key: string,
  compute: () => TermMeasurement,
): TermMeasurement {
  let byKey = shared.get(beam);
  if (!byKey) {
    byKey = new Map();
    shared.set(beam, byKey);
  }
  let hit = byKey.get(key);
  if (!hit) {
    hit = compute();
    byKey.set(key, hit);
  }
  return hit;
}

/** The measure with its results shared between Q⁺(f_b,f_r) and Q⁺(f_r,f_b) (by part and window). */
export function symmetricGain(m: ErrorTermMeasure): ErrorTermMeasure {
  return {
    ...m,
    measure: (beam: Beam, w: DuhamelWindow, o) =>
      sharedMeasurement(beam, `${m.part}|${w.t0}|${w.t}|${JSON.stringify(o ?? {})}`, () =>
        m.measure(beam, w, o),
      ),
  };
}
