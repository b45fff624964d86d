import assert from "node:assert/strict";
import { test } from "node:test";
import { runClaims } from "../../src/claims/registry.ts";
import { clearTheoremRowCache } from "../../src/claims/theorem-1-1.ts";
import { RuleError } from "../../src/math/errors.ts";
import { withClaimPool } from "../../src/parallel/claim-pool.ts";
import { theoremTableParallel } from "../../src/parallel/theorem-table.ts";
import { buildReportData } from "../../src/report/build-report.ts";

/**
 * The worker pool changes where the work runs, never a number: pooled and in-process runs must
 * give identical (deep-equal) results. Each pair starts from an empty row cache so that both
 * sides compute their Theorem 1.1 rows themselves.
 */

const small = {
  Ms: [4, 8],
  s: 0.8,
  s0: 0.5,
  cutoffs: ["bump"],
  variants: ["as-written", "as-in-proof"] as const,
};

test("runClaims: 2 workers give the same results, in the same order, as in-process", async () => {
  const ids = ["2.10", "2.24", "2.30", "T*<=1/4"];
  clearTheoremRowCache();
  const inProcess = await runClaims({ ...small, variants: [...small.variants], ids });
  clearTheoremRowCache();
  const seen: number[] = [];
  let totals = new Set<number>();
  const pooled = await withClaimPool(2, (pool) =>
    runClaims({
      ...small,
      variants: [...small.variants],
      ids,
      pool,
      onProgress: (d, t) => {
        seen.push(d);
        totals.add(t);
      },
    }),
  );
  assert.ok(inProcess.length >= 2 * ids.length);
  assert.deepEqual(pooled, inProcess);
  // a steady total and one step per task
  assert.deepEqual([...totals], [2 * 4]);
  assert.deepEqual(
    seen,
    Array.from({ length: 8 }, (_, i) => i + 1),
  );
  totals = new Set();
});

test("Theorem 1.1 rows: pooled equals in-process (small and huge M)", async () => {
  const opts = {
    Ms: [4, 16, 1e6],
    s: 0.8,
    s0: 0.5,
    cutoff: "plateau",
    variant: "as-in-proof" as const,
  };
  clearTheoremRowCache();
  const a = await theoremTableParallel(opts, 1);
  clearTheoremRowCache();
  const b = await theoremTableParallel(opts, 2);
  assert.deepEqual(b, a);
  assert.deepEqual(
    b.map((r) => r.M),
    opts.Ms,
  );
});

test("report data: pooled equals in-process (everything but the run time)", async () => {
  const o = {
    Ms: [4],
    s: 0.8,
    s0: 0.5,
    cutoffs: ["bump"],
    variants: ["as-in-proof" as const],
    largeM: false,
    kernels: false,
  };
  clearTheoremRowCache();
  const a = await buildReportData({ ...o, workers: 1 });
  clearTheoremRowCache();
  const b = await buildReportData({ ...o, workers: 2 });
  const strip = ({ runInfo: _, ...rest }: typeof a) => rest;
  assert.deepEqual(strip(b), strip(a));
  assert.ok(a.claims.length > 10 && a.theorem.length >= 1 && a.deflation.length === 1);
});

test("runClaims: a bad-input error raised inside a worker reaches the caller as a RuleError", async () => {
  const run = withClaimPool(2, (pool) =>
    runClaims({ ...small, Ms: [16384], variants: ["as-in-proof"], ids: ["1.9"], pool }),
  );
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof RuleError, `expected a RuleError, got ${String(err)}`);
    assert.match((err as Error).message, /materialized only for M <= 10000/);
    return true;
  });
});
