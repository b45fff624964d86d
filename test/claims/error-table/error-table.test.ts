import assert from "node:assert/strict";
import { test } from "node:test";
import {
  assembleEntries,
  beamForTable,
  errorJobs,
  type GridAwareMeasure,
  type JobRecord,
  jobKey,
  runErrorJob,
  shardJobs,
  type TableParameters,
  validateWindowFractions,
  windowsFor,
} from "../../../src/claims/error-table/error-table.ts";
import { ERROR_TERMS, Z_PARTS } from "../../../src/claims/error-table/error-term.ts";
import { ERROR_TERM_MEASURES, findMeasure } from "../../../src/claims/error-table/measures.ts";
import { RuleError } from "../../../src/math/errors.ts";
import { estimate } from "../../../src/math/estimate.ts";

const params: TableParameters = {
  s: 0.8,
  s0: 0.5,
  p: 10,
  cutoff: "bump",
  variant: "as-in-proof",
  grid: [0, 0.25, 0.5, 0.75, 1],
};

test("window grid: every t0 < t of the grid once, (0, T*) first; bad grids refused", () => {
  const w = windowsFor([0, 0.25, 0.5, 0.75, 1], 2);
  assert.equal(w.length, 10);
  assert.deepEqual(w[0], { t0: 0, t: 2 });
  const keys = new Set(w.map((x) => `${x.t0},${x.t}`));
  assert.equal(keys.size, 10);
  for (const x of w) assert.ok(x.t0 < x.t && x.t0 >= 0 && x.t <= 2);
  assert.deepEqual(windowsFor([0, 1], 3), [{ t0: 0, t: 3 }]);
  for (const bad of [[0.25, 1], [0, 0.5], [0, 1.5, 1], [0]]) {
    assert.throws(() => validateWindowFractions(bad), RuleError);
  }
  assert.deepEqual(validateWindowFractions([1, 0, 0.5, 0.5]), [0, 0.5, 1]);
});

test("shards partition the jobs (k/n for k = 1..n: disjoint, union = all)", () => {
  const jobs = errorJobs(ERROR_TERMS, Z_PARTS, [4, 8, 16]);
  assert.equal(jobs.length, 8 * 4 * 3);
  for (const n of [1, 2, 3, 7]) {
    const seen = new Set<number>();
    for (let k = 1; k <= n; k++) {
      for (const j of shardJobs(jobs, k, n)) {
        assert.ok(!seen.has(j.index), `job ${j.index} in two shards`);
        assert.equal(j.index % n, k - 1);
        seen.add(j.index);
      }
    }
    assert.equal(seen.size, jobs.length);
  }
});

test("T* must be positive: M = 2 is refused by the table (ln ln 2 < 0)", () => {
  assert.throws(() => beamForTable(2, params), /M must be >= 3/);
});

/** A fake measure whose value is c·M^α·(ln ln M)^β at every window, scaled by (t − t0)/T*. */
function fake(
  alpha: number,
  opts: { lower?: boolean; upperAlpha?: number; grid?: number[] } = {},
): GridAwareMeasure {
  return {
    term: "Q-(fb,fb)",
    part: "L2",
    ...(opts.grid ? { windowFractions: opts.grid } : {}),
    paper: () => ({ exponent: -1, logFactor: "lnlnM", text: "M^{-1} ln ln M", source: "test" }),
    measure(beam, window) {
      const M = beam.params.M;
      const f = (window.t - window.t0) / beam.params.Tstar;
      const v = 3 * M ** alpha * Math.log(Math.log(M)) * f;
      const value = estimate(v, v * 1e-6, opts.lower ? "sampled-sup" : "quadrature", "fake", {
        lowerBound: opts.lower,
      });
      const upper =
        opts.upperAlpha === undefined
          ? undefined
          : estimate(
              5 * M ** opts.upperAlpha * Math.log(Math.log(M)) * f,
              0,
              "derived",
              "fake majorant",
            );
      return { value, window, ...(upper ? { upperBound: upper } : {}) };
    },
  };
}

function records(m: GridAwareMeasure, Ms: number[]): JobRecord[] {
  return Ms.map((M, i) =>
    runErrorJob({ index: i, term: m.term, part: m.part, M }, m, beamForTable(M, params), params),
  );
}

function entryOf(m: GridAwareMeasure, Ms = [4, 8, 16, 32]) {
  const [e] = assembleEntries(records(m, Ms), [m.term], [m.part], Ms, params, () => true);
  return e;
}

test("job record: sup over windows is the largest window (here (0, T*)), a declared grid is used and recorded", () => {
  const [r] = records(fake(-2), [8]);
  assert.equal(r.windows.length, 10);
  assert.equal(r.sup.t0, 0);
  assert.equal(r.sup.t, r.Tstar);
  assert.deepEqual(r.gridUsed, params.grid);
  const [c] = records(fake(-2, { grid: [0, 0.5, 1] }), [8]);
  assert.equal(c.windows.length, 3);
  assert.deepEqual(c.gridUsed, [0, 0.5, 1]);
  assert.deepEqual(c.grid, params.grid, "the requested grid stays the job's identity");
  assert.equal(jobKey(r), jobKey(c));
});

test("job record: a declared grid is intersected with the requested one (grid 0, 1 → the window (0, T*) alone)", () => {
  const only = { ...params, grid: [0, 1] };
  const m = fake(-2, { grid: [0, 0.5, 1] });
  const c = runErrorJob(
    { index: 0, term: m.term, part: m.part, M: 8 },
    m,
    beamForTable(8, only),
    only,
  );
  assert.equal(c.windows.length, 1);
  assert.deepEqual(c.gridUsed, [0, 1]);
  assert.equal(c.full.t0, 0);
  assert.equal(c.full.t, c.Tstar);
  assert.deepEqual(c.sup, c.full);
  const [d] = records(fake(-2, { grid: [0, 0.5, 1] }), [8]);
  assert.deepEqual(c.full.value, d.full.value, "the window (0, T*) is the same with either grid");
  const odd = { ...params, grid: [0, 0.25, 1] };
  const e = runErrorJob(
    { index: 0, term: m.term, part: m.part, M: 8 },
    m,
    beamForTable(8, odd),
    odd,
  );
  assert.deepEqual(e.gridUsed, [0, 1], "never a fraction the measure did not declare");
});

test("verdicts: rigorous values consistent / inconsistent; the log factor is divided out before fitting", () => {
  const good = entryOf(fake(-1));
  assert.equal(good.verdict, "consistent");
  assert.ok(good.fittedExponent);
  assert.ok(
    Math.abs(good.fittedExponent.value + 1) < 1e-9,
    `ln ln M divided out: ${good.fittedExponent.value}`,
  );
  assert.equal(good.fittedExponent.logFactorDividedOut, "lnlnM");
  assert.equal(entryOf(fake(-3)).verdict, "consistent");
  const bad = entryOf(fake(0.5));
  assert.equal(bad.verdict, "inconsistent");
  assert.equal(bad.values.length, 4);
  assert.equal(bad.paperExponent, -1);
});

test("verdicts: sampled lower bounds need a rigorous upper bound to be consistent", () => {
  const noUpper = entryOf(fake(-2, { lower: true }));
  assert.equal(noUpper.verdict, "inconclusive");
  assert.match(noUpper.reason, /without a rigorous upper bound/);
  const withUpper = entryOf(fake(-2, { lower: true, upperAlpha: -1.5 }));
  assert.equal(withUpper.verdict, "consistent");
  assert.ok(
    withUpper.upperBoundExponent && Math.abs(withUpper.upperBoundExponent.value + 1.5) < 1e-9,
  );
  assert.equal(withUpper.values[0].sup.lowerBound, true);
  assert.ok((withUpper.values[0].sup.upperBound ?? 0) > withUpper.values[0].sup.value);
  const looseUpper = entryOf(fake(-2, { lower: true, upperAlpha: 1 }));
  assert.equal(looseUpper.verdict, "inconclusive");
  const growing = entryOf(fake(1, { lower: true, upperAlpha: 2 }));
  assert.equal(
    growing.verdict,
    "inconsistent",
    "even the lower bounds grow faster than the paper allows",
  );
});

test("entries: a term × part without a measure or without results reads `not measured`, never skipped", () => {
  const Ms = [4, 8];
  const es = assembleEntries(
    [],
    ["Q-(fb,fb)", "v.grad(fr)"],
    ["L2", "Linf"],
    Ms,
    params,
    (t) => t === "v.grad(fr)",
  );
  assert.equal(es.length, 4);
  for (const e of es) assert.equal(e.verdict, "not measured");
  assert.match(es[0].reason, /no measure/);
  assert.match(es[2].reason, /no results yet/);
  // a record with other parameters is not mixed in
  const rec = records(fake(-1), [4]);
  const other = assembleEntries(
    rec,
    ["Q-(fb,fb)"],
    ["L2"],
    [4],
    { ...params, s0: 0.4 },
    () => true,
  );
  assert.equal(other[0].verdict, "not measured");
});

test("the measures list: one measure per term × part at most, and the f_r terms of this file family present", () => {
  const seen = new Set<string>();
  for (const m of ERROR_TERM_MEASURES) {
    const k = `${m.term}|${m.part}`;
    assert.ok(!seen.has(k), `duplicate measure ${k}`);
    seen.add(k);
  }
  for (const term of ["v.grad(fr)", "Q-(fr,fr)", "Q+(fr,fr)"] as const) {
    for (const part of Z_PARTS) assert.ok(findMeasure(term, part), `${term} ${part}`);
  }
});
