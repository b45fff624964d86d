import { kernelComparison } from "../claims/kernel-comparison.ts";
import type { ClaimPool, PoolTask, RowOptions } from "../claims/pool-task.ts";
import { claimTaskCount, runClaims } from "../claims/registry.ts";
import {
  deflationCurve,
  deflationLaw,
  hasTheoremRow,
  largeMGrid,
  seedTheoremRows,
  theoremTable,
} from "../claims/theorem-1-1.ts";
import type { DeflationCurve, TheoremRow } from "../claims/theorem-row.ts";
import { kernelNormalization } from "../construction/parameters/kernel-normalization.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { kernelByName } from "../kinetic/kernel.ts";
import { createClaimPool } from "../parallel/claim-pool.ts";
import { howLargeMData } from "./how-large-m.ts";
import { formatM, formatMList, formatNumber } from "./number-format.ts";
import { packageVersion } from "./package-version.ts";
import type { ReportData } from "./report-data.ts";

/**
 * Compute everything the main report shows: every Section 2 claim for each cutoff and variant over
 * `Ms`, the Theorem 1.1 table (over `Ms`, and for the as-in-proof variant on the large-M grid up to
 * 10^12), the deflation law, and the deflation curves.
 *
 * Independent parts run on one worker pool (`workers` > 1): the claim checks, the deflation curves
 * and the Theorem 1.1 rows the claims did not already compute. The data is identical to an
 * in-process run (`workers` = 1). Progress: one step per claim task, per deflation curve and per
 * Theorem 1.1 section (cutoff × variant); the total is fixed from the start.
 */
export interface BuildReportOptions {
  readonly Ms: readonly number[];
  readonly s: number;
  readonly s0: number;
  readonly cutoffs: readonly string[];
  readonly variants: readonly Variant[];
  readonly largeM?: boolean;
  /**
   * The chapter "How large must M be" (how-large-m.ts) for one configuration: the first cutoff with
   * the as-in-proof variant when it is in the report, else the first variant (default true; about
   * 25 s of CPU, computed in the main thread while the pool works on the claims).
   */
  readonly howLargeM?: boolean;
  /**
   * The chapter "Kernels (Remark 1.5)" (kernels.ts): the construction under the hard-sphere,
   * constant and VHS kernels side by side, with thresholds for hard-sphere and constant (default
   * true; about 30 s of CPU in the main thread).
   */
  readonly kernels?: boolean;
  /**
   * The kernel of A[f_b] for the claims and the Theorem 1.1 sections (absent: `hard-sphere`;
   * docs/kernels.md).
   */
  readonly kernel?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Worker threads (default 1: in-process). */
  readonly workers?: number;
}

/** The report's title. */
export const REPORT_TITLE =
  "boltzlab — Chen–Shen–Zhang, “Sharp H^s_x ill-posedness of the hard-sphere Boltzmann equation”, measured";

/** Points on [0, T*] of each deflation curve. */
const CURVE_POINTS = 9;

interface Section {
  readonly cutoff: string;
  readonly variant: Variant;
  readonly Ms: number[];
}

/**
 * Compute the report's data — the claims, the Theorem 1.1 tables (for `as-in-proof` also on the
 * large-M grid unless `largeM` is false), the deflation laws and curves — on one worker pool of
 * `workers` threads (1: in-process); {@link writeReport} writes it.
 */
export async function buildReportData(opts: BuildReportOptions): Promise<ReportData> {
  const started = Date.now();
  const kernelName = opts.kernel ?? "hard-sphere";
  const rowOpts = (cutoff: string, variant: Variant): RowOptions => ({
    s: opts.s,
    s0: opts.s0,
    cutoff,
    variant,
    ...(opts.kernel !== undefined && opts.kernel !== "hard-sphere" ? { kernel: opts.kernel } : {}),
  });
  const sections: Section[] = [];
  const curves: { M: number; opts: RowOptions }[] = [];
  for (const cutoff of opts.cutoffs) {
    for (const variant of opts.variants) {
      const Ms =
        opts.largeM !== false && variant === "as-in-proof"
          ? [...new Set([...opts.Ms, ...largeMGrid(variant).filter((M) => M > 256)])]
          : [...opts.Ms];
      sections.push({ cutoff, variant, Ms });
      if (cutoff === opts.cutoffs[0]) {
        for (const M of opts.Ms.filter((_, i) => i % 2 === 0))
          curves.push({ M, opts: rowOpts(cutoff, variant) });
      }
    }
  }
  const withHowLargeM = opts.howLargeM !== false;
  const withKernels = opts.kernels !== false;
  const total =
    claimTaskCount(opts) +
    curves.length +
    sections.length +
    (withHowLargeM ? 1 : 0) +
    (withKernels ? 1 : 0);
  let done = 0;
  const step = () => opts.onProgress?.(++done, total);

  const pool = createClaimPool(opts.workers ?? 1);
  try {
    // the report asks for the large-M grid (as its Theorem 1.1 sections do) unless largeM is false
    const claimsP = runClaims({ ...opts, largeM: opts.largeM !== false, pool, onProgress: step });
    const curvesP = Promise.all(curves.map((c) => curve(pool, c.M, c.opts).finally(step)));
    let howLargeM: ReportData["howLargeM"];
    if (withHowLargeM) {
      // let the pool take its first tasks before the main thread computes
      await new Promise((r) => setImmediate(r));
      const variant: Variant = opts.variants.includes("as-in-proof")
        ? "as-in-proof"
        : opts.variants[0];
      // the exact-solution thresholds need error-table records (any construction; the model
      // keeps those of its own constants); absent: the chapter says so
      const { existsSync } = await import("node:fs");
      const { DEFAULT_ERRORS_FILE, readJobFile } = await import("../parallel/job-file.ts");
      const records = existsSync(DEFAULT_ERRORS_FILE)
        ? (
            await readJobFile(
              DEFAULT_ERRORS_FILE,
              "error-table files must be boltzlab errors JSONL files",
            )
          ).records
        : [];
      howLargeM = howLargeMData({
        s: opts.s,
        s0: opts.s0,
        cutoff: opts.cutoffs[0],
        variant,
        errorRecords: { paper: records, tuned: records },
      });
      step();
    }
    let kernels: ReportData["kernels"];
    if (withKernels) {
      await new Promise((r) => setImmediate(r));
      const variant: Variant = opts.variants.includes("as-in-proof")
        ? "as-in-proof"
        : opts.variants[0];
      kernels = kernelComparison({
        s: opts.s,
        s0: opts.s0,
        cutoff: opts.cutoffs[0],
        variant,
        thresholdKernels: ["hard-sphere", "constant"],
      });
      step();
    }
    const claims = await claimsP;
    // rows the claims did not compute (other M, or ids without the deflation claims), in parallel
    const missing: PoolTask[] = [];
    for (const sec of sections) {
      for (const M of sec.Ms) {
        const o = rowOpts(sec.cutoff, sec.variant);
        if (!hasTheoremRow(M, o)) missing.push({ kind: "theorem-row", M, opts: o });
      }
    }
    if (pool) {
      await Promise.all(
        missing.map(async (task) => {
          const res = await pool.run(task);
          seedTheoremRows(res.rows);
        }),
      );
    }
    const theorem: TheoremRow[] = [];
    const laws: Record<string, string> = {};
    for (const { cutoff, variant, Ms } of sections) {
      const rows = theoremTable({ Ms, ...rowOpts(cutoff, variant) });
      theorem.push(...rows);
      const law = deflationLaw(rows);
      laws[`deflation law ${cutoff}/${variant}`] =
        `‖f_r(T*)‖/‖f_r(0)‖ ≈ C (ln M)^{−γ}, γ = ${law.gamma.toFixed(4)} ± ${law.gammaError.toFixed(4)} (paper needs γ ≥ 1)`;
      const sep = rows.find((r) => r.separated);
      laws[`criterion final > initial distance ${cutoff}/${variant}`] = sep
        ? `first met at M = ${formatM(sep.M)} (distance at T* ${formatNumber(sep.finalDistance.value, 3)}, deflation ${formatNumber(sep.deflation.value, 3)}) on the grid ${formatMList(Ms)}`
        : `not met on the grid ${formatMList(Ms)}`;
      step();
      await new Promise((r) => setImmediate(r));
    }
    const deflation: DeflationCurve[] = await curvesP;
    return {
      title: REPORT_TITLE,
      parameters: {
        s: opts.s,
        s0: opts.s0,
        p: 10,
        Ms: opts.Ms,
        cutoffs: opts.cutoffs,
        variants: opts.variants,
        extra: {
          ...laws,
          kernel: `${kernelName} (${kernelNormalization(kernelByName(kernelName))})`,
        },
      },
      claims,
      theorem,
      deflation,
      ...(howLargeM ? { howLargeM } : {}),
      ...(kernels ? { kernels } : {}),
      runInfo: {
        date: new Date(started).toISOString(),
        durationSeconds: (Date.now() - started) / 1000,
        commandLine: process.argv.slice(1).join(" "),
        versions: { boltzlab: packageVersion(), node: process.version },
      },
    };
  } finally {
    await pool?.destroy();
  }
}

/** One deflation curve, on the pool when there is one. */
async function curve(pool: ClaimPool | null, M: number, o: RowOptions): Promise<DeflationCurve> {
  const labelled = (c: DeflationCurve): DeflationCurve => ({
    ...c,
    cutoff: o.cutoff,
    variant: o.variant,
  });
  if (!pool) {
    await new Promise((r) => setImmediate(r));
    return labelled(deflationCurve(M, o, CURVE_POINTS));
  }
  const res = await pool.run({ kind: "deflation-curve", M, opts: o, points: CURVE_POINTS });
  if (res.kind !== "deflation-curve") throw new Error("claim pool: unexpected result kind");
  return labelled(res.curve);
}
