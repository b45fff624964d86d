/**
 * Shared by source-l2-beam-terms.test.ts and source-l2-core-terms.test.ts (tests only): the M = 4
 * construction (bump, as-in-proof), the error table's L² entries from the fixture, and the
 * comparison of a one-function projection (solvers/particles/duhamel-overlap.ts) with a reference.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { bump } from "../../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import type { SelfProjection } from "../../../src/solvers/particles/duhamel-overlap.ts";
import type { SourceTerm } from "../../../src/solvers/particles/paper-backgrounds/termed-source.ts";

export const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
export const { M, s0, Tstar: T } = beam.params;
export const PRE = M ** s0;
export const R = 8;

/** The table entry (window (0, T*)) of a term's L² (or ∇L²) part from the M = 4 fixture. */
export function tableEntry(
  term: string,
  solution: "f" | "g",
  part: "L2" | "gradL2" = "L2",
): { value: number; error: number } {
  const file = join(import.meta.dirname, "../../report/fixtures/errors-m4.jsonl");
  for (const line of readFileSync(file, "utf8").trim().split("\n")) {
    const r = JSON.parse(line);
    if ((r.solution ?? "f") === solution && r.term === term && r.part === part) {
      assert.equal(r.full.t0, 0);
      assert.ok(Math.abs(r.full.t - T) < 1e-12 * T);
      return r.full.value;
    }
  }
  throw new Error(`no fixture record for ${term}`);
}

export function termOf(terms: readonly SourceTerm[], name: string): SourceTerm {
  const q = terms.find((s) => s.name === name);
  assert.ok(q, name);
  return q;
}

/**
 * The comparison of every term: the mean overlap against ‖ωψ‖² and U^{1/4} against ‖ωψ‖ (norm =
 * the table's entry / its prefactor (M^{s0} for L², M^{s0−1} for ∇L²) or an independent
 * quadrature), within 3 standard errors + the reference's own error; the statistical error below
 * `maxRel` of the value. Printed values are × the prefactor `pre`.
 */
export function assertAgrees(
  label: string,
  p: SelfProjection,
  norm: { value: number; error: number },
  maxRel: number,
  diag: (s: string) => void,
  pre = PRE,
): void {
  const root = Math.sqrt(p.overlap.value);
  const rootErr = p.overlap.error / (2 * root);
  diag(
    `${label}: √mean L = ${(pre * root).toExponential(4)} ± ${(pre * rootErr).toExponential(2)}, ` +
      `U^{1/4} = ${(pre * p.norm.value).toExponential(4)} ± ${(pre * p.norm.error).toExponential(2)} ` +
      `(× prefactor); reference ${(pre * norm.value).toExponential(4)} ± ${(pre * norm.error).toExponential(2)}`,
  );
  assert.ok(p.norm.error < maxRel * p.norm.value, `${label}: U^{1/4} error ${p.norm.error}`);
  assert.ok(rootErr < maxRel * root, `${label}: overlap error ${rootErr}`);
  assert.ok(
    Math.abs(p.norm.value - norm.value) < 3 * p.norm.error + norm.error,
    `${label}: U^{1/4} ${p.norm.value} ± ${p.norm.error} vs ${norm.value} ± ${norm.error}`,
  );
  assert.ok(
    Math.abs(root - norm.value) < 3 * rootErr + norm.error,
    `${label}: √mean L ${root} ± ${rootErr} vs ${norm.value} ± ${norm.error}`,
  );
}
