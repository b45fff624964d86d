import { existsSync, renameSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { JobRecord } from "../../claims/error-table/error-table.ts";
import type { CriterionPoint, ThresholdResult } from "../../claims/thresholds.ts";
import { makeParameters } from "../../construction/parameters/parameters.ts";
import { RuleError } from "../../math/errors.ts";
import { DEFAULT_ERRORS_FILE, readJobFile } from "../../parallel/job-file.ts";
import {
  addKernelOption,
  addParameterOptions,
  fmt,
  formatTable,
  kernelEcho,
  parseCutoff,
  parseFinite,
  parseKernel,
  parseVariant,
  printJson,
  validateParameters,
} from "../common-options.ts";
import {
  addConstructionOptions,
  type ConstructionCliOptions,
  parseConstruction,
} from "../construction-options.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

const ERRORS_RULE =
  "--errors must be a comma-separated list of readable boltzlab errors JSONL files (run `boltzlab errors` first)";

interface ThresholdCliOptions extends ConstructionCliOptions {
  s?: string;
  s0?: string;
  p?: string;
  cutoff?: string;
  variant?: string;
  criterion: string;
  gridStep: string;
  json?: boolean;
  csv?: string;
  map?: string;
  svg?: string;
  errors?: string;
  constant: string;
  scenario: string;
  kernel?: string;
  workers?: string;
}

function point(p: CriterionPoint | undefined) {
  if (!p) return null;
  const ve = (e: { value: number; error: number }) => ({ value: e.value, error: e.error });
  return {
    M: p.M,
    Tstar: p.Tstar,
    initial: ve(p.initial),
    final: ve(p.final),
    size: ve(p.size),
    margin: { weak: ve(p.margin.weak), strong: ve(p.margin.strong) },
    status: p.status,
  };
}

function flat(r: ThresholdResult) {
  return {
    criterion: r.criterion,
    Mfail: r.Mfail,
    Mlo: r.Mlo,
    Mhi: r.Mhi,
    log10M: r.log10M,
    log10MError: r.log10MError,
    ...(r.log10Log10M !== undefined ? { log10Log10M: r.log10Log10M } : {}),
    method: r.method,
    relapses: r.relapses,
    below: point(r.below),
    above: point(r.above),
  };
}

/**
 * `boltzlab threshold [--s --s0 --p --cutoff --variant] [constants] [--criterion weak|strong|both]
 * [--json] [--csv FILE]`: the smallest M at which the approximate solutions of Theorem 1.1 separate
 * (claims/thresholds.ts), with the bracket and the evaluations on both sides of it.
 */
export function register(program: Command): void {
  const cmd = addConstructionOptions(
    addParameterOptions(
      program
        .command("threshold")
        .description(
          "smallest M at which f_a, g_a separate: weak (final > initial) and strong (final ≥ 10·initial, ≥ ½‖f_a(0)‖)",
        ),
    )
      .option("--p <number>", "N = M^p (p >= 1, default 10)")
      .option(
        "--cutoff <name>",
        "cutoff profile: bump | plateau (default bump, or the construction's)",
      )
      .option(
        "--variant <name>",
        "reading of I_{i,j}: as-written | as-in-proof (default as-in-proof, or the construction's)",
      ),
  )
    .option("--criterion <name>", "weak | strong | both", "both")
    .option("--grid-step <decades>", "bracketing grid step in log10 M", "1")
    .option("--json", "machine-readable output on stdout")
    .option("--csv <file>", "also write the thresholds (or the map) as CSV")
    .option(
      "--map <n>",
      "instead: the (s, s0) map on an n × n grid of the allowed triangle (fast settings)",
    )
    .option("--svg <file>", "with --map: write the map as an SVG heatmap")
    .option(
      "--errors <files>",
      `error-table records (boltzlab errors --solution both, same construction) for the exact-solution thresholds (default ${DEFAULT_ERRORS_FILE} when it exists)`,
    )
    .option(
      "--constant <C>",
      "C of Proposition 3.1 in the bootstrap (5.7): a number, or measured (the largest measured (3.4) ratio)",
      "measured",
    )
    .option(
      "--scenario <name>",
      "continuation of the error-table entries beyond the measured M: paper (the paper's exponents) | fitted",
      "paper",
    );
  addKernelOption(cmd);
  addWorkersOption(cmd, "with --map: worker threads for the map's rows (same numbers as 1)");
  cmd.action(async (o: ThresholdCliOptions) => {
    const set = parseConstruction(o);
    const merged = {
      s: o.s ?? (set.s !== undefined ? String(set.s) : undefined),
      s0: o.s0 ?? (set.s0 !== undefined ? String(set.s0) : undefined),
      p: o.p,
    };
    const { s, s0, p } = validateParameters([3], merged);
    const cutoff = parseCutoff(o.cutoff ?? set.cutoff ?? "bump");
    const variant = parseVariant(o.variant ?? set.variant ?? "as-in-proof");
    const criteria = o.criterion === "both" ? (["weak", "strong"] as const) : [o.criterion];
    for (const c of criteria) {
      if (c !== "weak" && c !== "strong")
        throw new RuleError("--criterion must be weak, strong or both", `got "${o.criterion}"`);
    }
    const gridStep = parseFinite("grid-step", o.gridStep);
    if (!(gridStep > 0 && gridStep <= 10))
      throw new RuleError("--grid-step must lie in (0, 10]", `got ${gridStep}`);
    const constants = makeParameters({ M: 3, s, s0, p, constants: set.constants }).constants;
    if (o.scenario !== "paper" && o.scenario !== "fitted")
      throw new RuleError("--scenario must be paper or fitted", `got "${o.scenario}"`);
    const scenario = o.scenario === "paper" ? "paper exponents" : "fitted exponents";
    const errorFiles =
      o.errors !== undefined
        ? o.errors.split(",").map((f) => f.trim())
        : existsSync(DEFAULT_ERRORS_FILE)
          ? [DEFAULT_ERRORS_FILE]
          : [];
    const records: JobRecord[] = [];
    for (const f of errorFiles) records.push(...(await readJobFile(f, ERRORS_RULE)).records);
    let constantValue: { value: number; source: string } | null = null;
    if (o.constant !== "measured") {
      const c = parseFinite("constant", o.constant);
      if (!(c > 0))
        throw new RuleError("--constant must be a number > 0 or measured", `got ${o.constant}`);
      constantValue = { value: c, source: "given with --constant" };
    }
    const kernel = parseKernel(o.kernel);
    if (o.svg !== undefined && o.map === undefined) throw new RuleError("--svg needs --map");
    if (o.map !== undefined) {
      const n = parseFinite("map", o.map);
      if (!(Number.isInteger(n) && n >= 2 && n <= 64))
        throw new RuleError("--map must be an integer in [2, 64]", `got ${o.map}`);
      const workers = parseWorkers(o.workers);
      const { mapCsv } = await import("../../claims/threshold-map.ts");
      const { thresholdMapParallel } = await import("../../parallel/threshold-map-pool.ts");
      const bar = progressBar("map");
      let cells: Awaited<ReturnType<typeof thresholdMapParallel>>;
      try {
        cells = await thresholdMapParallel(
          {
            n,
            cutoff,
            variant,
            constants: set.constants,
            kernel,
            criteria: criteria as ("weak" | "strong")[],
            onCell: (d, t) => bar.update(d, t),
          },
          workers,
        );
      } finally {
        bar.stop();
      }
      const write = (file: string, text: string) => {
        const tmp = `${file}.tmp-${process.pid}`;
        writeFileSync(tmp, text);
        renameSync(tmp, file);
      };
      if (o.csv) write(o.csv, mapCsv(cells));
      if (o.svg) {
        const { thresholdMapSvg } = await import("../../report/figures/threshold-map-figure.ts");
        write(o.svg, thresholdMapSvg(cells, `${cutoff}, ${variant}, construction ${set.name}`));
      }
      const mapEcho = {
        grid: n,
        cutoff,
        variant,
        construction: set.name,
        constants,
        ...kernelEcho(kernel),
      };
      if (o.json) printJson({ ...mapEcho, cells });
      else
        process.stdout.write(
          `${mapCsv(cells)}\ngrid = ${n}; cutoff = ${cutoff}; variant = ${variant}; construction = ${set.name}; kernel ${kernel} (${kernelEcho(kernel).kernelNormalization})\n`,
        );
      return;
    }
    const { threshold } = await import("../../claims/thresholds.ts");
    const opts = { s, s0, p, cutoff, variant, constants: set.constants, kernel };
    const results = criteria.map((c) => threshold(c as "weak" | "strong", opts, { gridStep }));
    // the exact solutions, bounded through the corrections (claims/exact-thresholds.ts)
    const ex = await import("../../claims/exact-thresholds.ts");
    const constant = constantValue ?? ex.measuredProposition31Constant(s, s0);
    const model = ex.correctionModel(records, opts, constant.value, constant.source, scenario);
    const exact = model
      ? criteria.map((c) =>
          threshold(c as "weak" | "strong", opts, {
            gridStep,
            correction: (M) => ex.correctionBound(model, M).bound,
          }),
        )
      : null;
    const exactLine = model
      ? ex.describeCorrectionModel(model)
      : `exact solutions: no complete error-table records for this construction in ${errorFiles.join(", ") || "(no file)"} (run boltzlab errors --construction … --solution both, then pass --errors FILE)`;
    // the proof's hypotheses at each threshold M (claims/construction-constraints.ts)
    const { constructionConstraints } = await import("../../claims/construction-constraints.ts");
    const constraintsAt = results.map((r) =>
      r.Mhi !== null ? constructionConstraints(r.Mhi, opts, r.above, model) : null,
    );
    const echo = {
      s,
      s0,
      ...(p !== undefined ? { p } : {}),
      cutoff,
      variant,
      construction: set.name,
      constants,
      ...kernelEcho(kernel),
    };
    if (o.csv) {
      const head =
        "criterion,Mfail,Mlo,Mhi,log10M,log10MError,log10Log10M,s,s0,cutoff,variant,construction,constants,kernel";
      const lines = results.map((r) =>
        [
          r.criterion,
          r.Mfail ?? "",
          r.Mlo ?? "",
          r.Mhi ?? "",
          r.log10M ?? "",
          r.log10MError ?? "",
          r.log10Log10M ?? "",
          s,
          s0,
          cutoff,
          variant,
          set.name,
          `"${JSON.stringify(constants).replaceAll('"', '""')}"`,
          kernel,
        ].join(","),
      );
      const tmp = `${o.csv}.tmp-${process.pid}`;
      writeFileSync(tmp, `${[head, ...lines].join("\n")}\n`);
      renameSync(tmp, o.csv);
    }
    if (o.json) {
      printJson({
        ...echo,
        exactSolutions: model
          ? {
              assumptions: exactLine,
              constant: model.constant,
              constantSource: model.constantSource,
              scenario: model.scenario,
              measuredMs: model.measuredMs,
              thresholds: exact?.map((r) => flat(r)) ?? null,
            }
          : { assumptions: exactLine, thresholds: null },
        thresholds: results.map((r, i) => ({
          ...flat(r),
          constraintsAtThreshold:
            constraintsAt[i]?.map((k) => ({
              id: k.id,
              status: k.status,
              margin: Number.isFinite(k.margin) ? k.margin : null,
              detail: k.detail,
            })) ?? null,
        })),
      });
      return;
    }
    const rows = results.map((r) => [
      r.criterion,
      r.log10M !== null
        ? `${r.log10M.toFixed(4)} ± ${(r.log10MError ?? 0).toExponential(1)}`
        : r.log10Log10M !== undefined
          ? `10^${r.log10Log10M.toFixed(3)} (log10 log10 M)`
          : "not found",
      r.Mhi !== null ? `[${r.Mfail ?? "-"}, ${r.Mlo ?? "-"}, ${r.Mhi}]` : "",
      r.below
        ? `${fmt(r.below.margin[r.criterion].value)} ± ${fmt(r.below.margin[r.criterion].error)} (${r.below.status[r.criterion]})`
        : "",
      r.above
        ? `${fmt(r.above.margin[r.criterion].value)} ± ${fmt(r.above.margin[r.criterion].error)} (${r.above.status[r.criterion]})`
        : "",
    ]);
    process.stdout.write(
      `${formatTable(["criterion", "log10 M*", "[fails, M-, M+ holds]", "margin at M-", "margin at M+"], rows)}\n\n`,
    );
    results.forEach((r, i) => {
      process.stdout.write(
        `${r.criterion}: ${r.method}${r.relapses.length ? `; fails again at M = ${r.relapses.join(", ")}` : ""}\n`,
      );
      const at = constraintsAt[i];
      if (at) {
        const failed = at.filter((k) => k.status === "fails").map((k) => `${k.id} (${k.detail})`);
        const open = at.filter((k) => k.status === "inconclusive").map((k) => k.id);
        process.stdout.write(
          `  constraints at M = ${r.Mhi}: ${failed.length ? `FAIL ${failed.join("; ")}` : "every decidable one holds"}; not decided here: ${open.join(", ")}\n`,
        );
      }
    });
    if (exact) {
      const exRows = exact.map((r) => [
        `${r.criterion} (exact)`,
        r.log10M !== null
          ? `${r.log10M.toFixed(4)} ± ${(r.log10MError ?? 0).toExponential(1)}`
          : "not found",
        r.Mhi !== null ? `[${r.Mfail ?? "-"}, ${r.Mlo ?? "-"}, ${r.Mhi}]` : "",
        r.above?.correction !== undefined
          ? fmt(r.above.correction)
          : r.below?.correction !== undefined
            ? fmt(r.below.correction)
            : "",
      ]);
      process.stdout.write(
        `\n${formatTable(["criterion", "log10 M*", "[fails, M-, M+ holds]", "‖f_c(T*)‖ + ‖g_c(T*)‖ bound"], exRows)}\n`,
      );
      for (const r of exact)
        if (r.log10M === null) process.stdout.write(`${r.criterion} (exact): ${r.method}\n`);
    }
    process.stdout.write(`${exactLine}\n`);
    const cs = Object.entries(constants)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", ");
    process.stdout.write(
      `\ns = ${s}; s0 = ${s0}; cutoff = ${cutoff}; variant = ${variant}; construction = ${set.name}; ${cs}; kernel ${kernel} (${kernelEcho(kernel).kernelNormalization})\n`,
    );
  });
}
