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

/**
 * Construction constants with a name (selectable on the command line), each documented with how it
 * was obtained and what was checked for it.
 */
export const NAMED_CONSTRUCTIONS: Readonly<Record<string, NamedConstruction>> = {
  /**
   * The weak-criterion optimum of `boltzlab design` for bump, s = 0.8, s0 = 0.5 (as-in-proof label;
   * c is its own): threshold log10 M* = 4.03 against 10.18 with the paper's constants, for the
   * approximate solutions. It was tuned before the bootstrap's constraints could be evaluated for
   * other constants; they now can, and it FAILS them at M* = 10728: C c Z_a = 1.016 (f_c), 0.799
   * (g_c) > 1/2 (Z_a ≈ 22 with c_r ≈ 29; C = 0.3596 the largest measured Proposition 3.1 ratio),
   * and (5.7) does not close there. The exact solutions, bounded through the corrections, separate
   * only from 10^64.06 (paper exponents, error table M = 4, 8; docs/quantitative.md §7). Kept as
   * the approximate-solution optimum it is, not as an admissible construction.
   */
  tuned: {
    name: "tuned",
    constants: {
      beamAmplitude: 1,
      coreAmplitude: 28.90983208021451,
      coreRadius: 100,
      bumpAxial: 4.2,
      timeFactor: 0.7178690624300129,
      bumpTransverse: 2.75625,
    },
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    provenance:
      "boltzlab design --criterion weak --s 0.8 --s0 0.5 --cutoff bump (2026-12-06, commit after 0220877): log10 M* = 4.031, paper 10.184",
  },
  /**
   * The weak-criterion optimum of `boltzlab design --criterion weak` with the bootstrap's
   * absorption (5.7) active (C c Z_a < 1/2, Z_a measured at the threshold, C = 0.3596 the largest
   * measured Proposition 3.1 ratio; design scales c_r down where it fails): log10 M* = 5.367 with the
   * design's fast settings, against 10.184 for the paper's constants; every candidate of that run
   * was admissible once c_r was 10–18 instead of ≈ 29. The smallness of E (5.10) FAILS at M*
   * (error table at M = 4, paper exponents: ‖f_c(T*)‖ + ‖g_c(T*)‖ ≤ 1.57 against F = 0.012); the
   * exact solutions separate from 10^29.69 (docs/quantitative.md §7).
   */
  "tuned-absorbing": {
    name: "tuned-absorbing",
    constants: {
      beamAmplitude: 1,
      coreAmplitude: 18.218349392744276,
      coreRadius: 100,
      bumpAxial: 10,
      timeFactor: 0.88034156933255,
      bumpTransverse: 4.444444444444445,
    },
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    provenance:
      "boltzlab design --criterion weak --s 0.8 --s0 0.5 --cutoff bump with the absorption constraint (2026-12-06, issue-12-bootstrap): log10 M* = 5.367, paper 10.184; 83 s CPU, 14 min wall at load 20–26",
  },
  /**
   * The strong-criterion optimum of `boltzlab design --criterion strong` for bump, s = 0.8,
   * s0 = 0.5: log10 M* = 6.72 (the paper's constants need M ≈ 10^(10^62.2)), for the approximate
   * solutions. Same caveat as `tuned`: with c_r ≈ 29 the bootstrap's absorption (5.7) is not
   * expected to hold at M*, and it is not an admissible construction until that is checked
   * (error table for it at M = 4: results of `boltzlab errors --construction tuned-strong`).
   */
  "tuned-strong": {
    name: "tuned-strong",
    constants: {
      beamAmplitude: 3,
      coreAmplitude: 28.97924813062644,
      coreRadius: 100,
      bumpAxial: 10,
      timeFactor: 1.8776428957101834,
      bumpTransverse: 2.3333333333333335,
    },
    s: 0.8,
    s0: 0.5,
    cutoff: "bump",
    variant: "as-in-proof",
    provenance:
      "boltzlab design --criterion strong --s 0.8 --s0 0.5 --cutoff bump (2026-12-06): log10 M* = 6.719, paper 10^(10^62.25)",
  },
};
