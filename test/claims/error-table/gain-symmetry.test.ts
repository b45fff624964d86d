import assert from "node:assert/strict";
import { test } from "node:test";
import {
  beamForTable,
  DEFAULT_WINDOW_FRACTIONS,
} from "../../../src/claims/error-table/error-table.ts";
import type {
  ErrorTermMeasure,
  TermMeasurement,
} from "../../../src/claims/error-table/error-term.ts";
import { symmetricGain } from "../../../src/claims/error-table/gain-symmetry.ts";
import { findMeasure } from "../../../src/claims/error-table/measures.ts";

/**
 * Q⁺(f_r,f_b) and Q⁺(f_b,f_r) are one quantity for hard spheres: their table measures share one
 * computation per beam, part and window, and a different window or beam is computed afresh.
 */

const params = {
  s: 0.8,
  s0: 0.5,
  p: 10,
  cutoff: "bump",
  variant: "as-in-proof" as const,
  grid: DEFAULT_WINDOW_FRACTIONS,
};

test("symmetricGain computes once per (beam, part, window) and shares the result", () => {
  let calls = 0;
  const fake: ErrorTermMeasure = {
    term: "Q+(fb,fr)",
    part: "Linf",
    paper: () => ({ exponent: 0, logFactor: "none", text: "", source: "" }),
    measure: (_b, w) => {
      calls++;
      return {
        value: { value: w.t, error: 0, kind: "closed-form", method: "fake" },
        window: w,
      } as TermMeasurement;
    },
  };
  const a = symmetricGain(fake);
  const b = symmetricGain({ ...fake, term: "Q+(fr,fb)" });
  const beam4 = beamForTable(4, params);
  const beam8 = beamForTable(8, params);
  const w = { t0: 0, t: 0.1 };
  const first = a.measure(beam4, w);
  assert.equal(b.measure(beam4, w), first);
  assert.equal(calls, 1);
  b.measure(beam4, { t0: 0, t: 0.2 });
  a.measure(beam8, w);
  assert.equal(calls, 3);
});

test("the table's Q⁺(f_b,f_r) and Q⁺(f_r,f_b) L^∞ measures return the same measurement", () => {
  const beam = beamForTable(4, params);
  const w = { t0: 0, t: beam.params.Tstar };
  const x = findMeasure("Q+(fb,fr)", "Linf");
  const y = findMeasure("Q+(fr,fb)", "Linf");
  assert.ok(x && y);
  const mx = x.measure(beam, w);
  assert.equal(y.measure(beam, w), mx);
  assert.ok(mx.value.value > 0 && Number.isFinite(mx.value.error));
});
