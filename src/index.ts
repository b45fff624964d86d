/**
 * boltzlab: the public API.
 *
 * A laboratory for the hard-sphere Boltzmann equation
 *   ∂t f + v·∇x f = Q(f, f),   B(u − v, ω) = |(u − v)·ω|,
 * built around Chen, Shen & Zhang, "Sharp H^s_x ill-posedness of the hard-sphere Boltzmann
 * equation". Every computed number is an {@link Estimate} (value, error, provenance).
 *
 * Layers (docs/design.md), re-exported here from the bottom up:
 * - math: {@link Estimate}, Gauss–Legendre rules, power-law fits, 3-D FFT, {@link RuleError};
 * - kinetic: kernels, the collision operator Q⁺/Q⁻ and the collision frequency
 *   A[g] = 2π∫|u − v| g du, Maxwellians with their closed forms, free transport, the Z-norm (3.3);
 * - construction: parameters (2.7)–(2.9), cutoffs χ, the lattice (2.3), tubes K and bumps I (2.4),
 *   the beam f_b (2.4), its collision frequency A[f_b] (2.6), the core f_r (2.5) and their norms;
 * - claims: every Section 2 statement, Proposition 3.1 and Lemma 4.2 as checkable claims with
 *   verdicts; Theorem 1.1; the Section 4 error table (error-table/); Proposition 5.1;
 * - solvers: the homogeneous spectral solver (Mouhot–Pareschi).
 *
 * Each layer is also its own entry point (`boltzlab/math`, `boltzlab/kinetic`,
 * `boltzlab/construction`, `boltzlab/claims`, `boltzlab/solvers`). Everything here is
 * browser-safe (no Node built-in). The Node-only edges are separate entry points:
 * `boltzlab/parallel` (worker pools, error-table job files) and `boltzlab/report` (the report).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { beamCollisionFrequency, beamValue, cutoffByName, latticePoint, makeBeam, makeParameters } from "boltzlab";
 * const M = 16;
 * const beam = makeBeam(makeParameters({ M, s: 0.8, s0: 0.5 }), cutoffByName("bump"), "as-in-proof");
 * const e = new Float64Array(3);
 * latticePoint(e, 0, 1, 1, M); // the lattice direction e_{1,1} of (2.3)
 * // at t = 0, x = 0 on its own direction the beam is its amplitude: K(0) = I(e) = 1
 * assert.ok(Math.abs(beamValue(beam, 0, [0, 0, 0], e) - M ** (1 - 0.8)) < 1e-12);
 * // off the lattice directions (v = (0, 0, 1) is not one) every bump vanishes
 * assert.equal(beamValue(beam, 0, [0, 0, 0], [0, 0, 1]), 0);
 * const A = beamCollisionFrequency(beam, 0.1, [0, 0, 0], [0, 0, 0]); // A[f_b] (2.6), an Estimate
 * console.log(`A[f_b](0.1, 0, 0) = ${A.value} ± ${A.error}`);
 * ```
 *
 * @module boltzlab
 */

export * from "./claims/index.ts";
export * from "./construction/index.ts";
export * from "./kinetic/index.ts";
export * from "./math/index.ts";
export * from "./solvers/index.ts";
