import { existsSync } from "node:fs";
import { closureScenarios, measuredBootstrap } from "../claims/bootstrap-measured.ts";
import {
  assembleEntries,
  DEFAULT_WINDOW_FRACTIONS,
  type JobRecord,
  type TableParameters,
} from "../claims/error-table/error-table.ts";
import {
  ERROR_TERMS,
  G_ERR_TERMS,
  type TableTermId,
  Z_PARTS,
  type ZPart,
} from "../claims/error-table/error-term.ts";
import { findTableMeasure } from "../claims/error-table/table-measures.ts";
import { stationaryCoreZNorm } from "../claims/second-solution.ts";
import { approximateSolutionZNorm } from "../claims/z-norms-4-4-to-4-19.ts";
import { DEFAULT_P } from "../construction/parameters/parameters.ts";
import type { Variant } from "../construction/parameters/variant.ts";
import { readJobFile } from "../parallel/job-file.ts";
import type { BootstrapSection, ErrorTableSection, Sections35Data } from "./sections-3-5.ts";

export interface BuildSections35Options {
  readonly s: number;
  readonly s0: number;
  readonly cutoffs: readonly string[];
  readonly variants: readonly Variant[];
  /** Error-table JSON Lines files (`boltzlab errors --out`); missing files are noted, not fatal. */
  readonly errorFiles: readonly string[];
  /** The constant of Proposition 3.1 in (5.7) (default 1). */
  readonly constant?: number;
  /** Final bound on ‖f_c‖_Z that counts as closed (default 0.1). */
  readonly target?: number;
}

/**
 * The data of the Sections 3–5 chapter: for every cutoff × variant that has error-table records
 * with these s, s0 (default window grid), the entries over the M present, and Proposition 5.1
 * with the measured Z_a (Lemma 4.2) and E at those M (M ≥ 3); where the files hold G_err records
 * (`boltzlab errors --solution g`), the G_err table (5.12) and the g_c bootstrap (5.4) with
 * Z_a = ‖e^{⟨v⟩²}f_r(0)‖_Z (5.11), each after its f counterpart.
 */
export async function buildSections35(o: BuildSections35Options): Promise<Sections35Data> {
  const notes: string[] = [];
  const records: JobRecord[] = [];
  const used: string[] = [];
  for (const f of o.errorFiles) {
    if (!existsSync(f)) {
      notes.push(
        `No error-table file at ${f}: run \`boltzlab errors --out ${f}\` (resumable) and rebuild the report to fill this chapter.`,
      );
      continue;
    }
    records.push(
      ...(await readJobFile(f, "error-table files must be boltzlab errors JSONL files")).records,
    );
    used.push(f);
  }
  const errorTables: ErrorTableSection[] = [];
  const bootstrap: BootstrapSection[] = [];
  const constant = o.constant ?? 1;
  const target = o.target ?? 0.1;
  for (const cutoff of o.cutoffs) {
    for (const variant of o.variants) {
      const params: TableParameters = {
        s: o.s,
        s0: o.s0,
        p: DEFAULT_P,
        cutoff,
        variant,
        grid: DEFAULT_WINDOW_FRACTIONS,
      };
      const mine = records.filter(
        (r) =>
          r.s === o.s &&
          r.s0 === o.s0 &&
          r.p === DEFAULT_P &&
          r.cutoff === cutoff &&
          r.variant === variant,
      );
      const has = (t: TableTermId, z: ZPart) => findTableMeasure(t, z) !== undefined;
      const ctx = { s: o.s, s0: o.s0, cutoff, variant };
      for (const solution of ["f", "g"] as const) {
        const recs = mine.filter((r) => (r.solution ?? "f") === solution);
        const Ms = [...new Set(recs.map((r) => r.M))].sort((a, b) => a - b);
        if (Ms.length === 0) continue;
        if (Ms.length < 3) {
          notes.push(
            `${solution === "g" ? "G_err" : "Error"} table, ${cutoff}, ${variant}: records for M = ${Ms.join(", ")} only; a verdict needs a fit over at least 3 values of M, so every entry is inconclusive. Add M = 16, 32 with \`boltzlab errors --M 16,32 --solution both --cutoff ${cutoff} --variant ${variant} --workers 2\` (≈ 14 min on two cores for bump, as-in-proof) and rebuild the report.`,
          );
        }
        const entries =
          solution === "g"
            ? assembleEntries(recs, G_ERR_TERMS, Z_PARTS, Ms, params, has)
            : assembleEntries(recs, ERROR_TERMS, Z_PARTS, Ms, params, has);
        errorTables.push({
          ...(solution === "g" ? { solution } : {}),
          cutoff,
          variant,
          Ms,
          entries,
          files: used,
        });
        const rows = measuredBootstrap({
          Ms,
          s: o.s,
          s0: o.s0,
          cutoff,
          variant,
          constant,
          entries,
          solution,
          zNormFa: (M) =>
            solution === "g"
              ? stationaryCoreZNorm(ctx, M).total
              : approximateSolutionZNorm(ctx, M).z.total,
        });
        const closure = closureScenarios(rows, entries, o.s, target).map((c) => ({
          name: c.name,
          search: c.search,
        }));
        bootstrap.push({
          ...(solution === "g" ? { solution } : {}),
          cutoff,
          variant,
          constant,
          target,
          rows,
          closure,
        });
      }
    }
  }
  if (used.length > 0 && errorTables.length === 0) {
    notes.push(
      `The error-table files (${used.join(", ")}) hold no records for s = ${o.s}, s0 = ${o.s0} and the cutoffs and variants of this report.`,
    );
  }
  return { errorTables, bootstrap, notes };
}
