import { existsSync, readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { VARIANTS } from "../../construction/parameters/variant.ts";
import { RuleError } from "../../math/errors.ts";
import { DEFAULT_ERRORS_FILE } from "../../parallel/job-file.ts";
import {
  addParameterOptions,
  DEFAULT_MS,
  KERNEL_HELP,
  parseCutoffs,
  parseKernel,
  parseMList,
  parseVariants,
  validateParameters,
} from "../common-options.ts";
import { progressBar } from "../progress.ts";
import { addWorkersOption, parseWorkers } from "../workers-option.ts";

interface ReportOptions {
  out: string;
  M: string;
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  workers?: string;
  errors: string;
  howLargeM?: boolean;
  kernels?: boolean;
  kernel?: string;
  exact?: string;
  constant: string;
}

const EXACT_RULE =
  "--exact must be a readable boltzlab exact JSON Lines file (run `boltzlab exact` first)";

/**
 * The chapter "Exact solutions" from an `exact` records file, with the bootstrap's upper bounds from
 * the error-table files that exist (C: `constant`, or the measured (3.4) ratio). Throws RuleError on
 * an unreadable or mixed file.
 */
async function exactChapter(file: string, errorFiles: readonly string[], constantArg: string) {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    text = readFileSync(file, "utf8");
  } catch {
    throw new RuleError(EXACT_RULE, `cannot read "${file}"`);
  }
  const [ex, th, { readJobFile }] = await Promise.all([
    import("../../report/exact-result.ts"),
    import("../../claims/exact-thresholds.ts"),
    import("../../parallel/job-file.ts"),
  ]);
  const result = ex.exactResultFromText(text, file);
  const present = errorFiles.filter((f) => existsSync(f));
  const records: import("../../claims/error-table/error-table.ts").JobRecord[] = [];
  for (const f of present)
    records.push(
      ...(await readJobFile(f, "--errors must name boltzlab errors JSONL files")).records,
    );
  const c = result.parameters;
  let constant: { value: number; source: string } | null = null;
  if (records.length > 0) {
    if (constantArg === "measured") constant = th.measuredProposition31Constant(c.s, c.s0);
    else constant = { value: Number(constantArg), source: "given with --constant" };
  }
  const model = constant ? ex.exactCorrectionModel(records, c, constant) : null;
  const why =
    records.length === 0
      ? `no error table (none of ${errorFiles.join(", ")} has records)`
      : `no error table: no complete records for construction ${c.construction} in ${present.join(", ")}`;
  return {
    ...result,
    rows: result.rows.map((r) => ({
      ...r,
      bootstrap: ex.exactBootstrapBound(model, r.M, why),
      transportedSource: {
        f: ex.transportedSourceBound(records, { ...c, solution: "f" }, r.M, r.f),
        g: ex.transportedSourceBound(records, { ...c, solution: "g" }, r.M, r.g),
      },
    })),
  };
}

/** The output directory: a non-empty path. */
export function parseOutDir(raw: string): string {
  if (raw.trim() === "") throw new RuleError("--out must be a non-empty directory path");
  return raw;
}

/**
 * `boltzlab report [--out report] [--M 4,8,16,32,64] [--s 0.8] [--s0 0.5] [--cutoff bump,plateau]
 * [--variant as-written,as-in-proof]`: every claim and the Theorem 1.1 table, written atomically
 * as index.html, report.md, report.json and figures/ (src/report/report.ts).
 */
export function register(program: Command): void {
  const cmd = addParameterOptions(
    program
      .command("report")
      .description("compute every claim and Theorem 1.1 and write the HTML/Markdown/JSON report")
      .option("--out <dir>", "output directory (replaced atomically)", "report")
      .option("--M <list>", "values of M, comma-separated integers >= 2", DEFAULT_MS.join(",")),
  )
    .option("--cutoff <list>", "cutoff profiles: bump,plateau", "bump,plateau")
    .option("--variant <list>", `readings of I_{i,j}: ${VARIANTS.join(",")}`, VARIANTS.join(","))
    .option(
      "--errors <files>",
      "error-table JSON Lines files (boltzlab errors) for the Sections 3–5 chapter; missing files are noted",
      DEFAULT_ERRORS_FILE,
    )
    .option(
      "--no-how-large-m",
      'leave out the chapter "How large must M be" (thresholds of the paper\'s and the tuned construction, ≈ 25 s of CPU)',
    );
  cmd
    .option(
      "--no-kernels",
      'leave out the chapter "Kernels (Remark 1.5)" (hard-sphere, constant, VHS side by side, ≈ 30 s of CPU)',
    )
    .option("--kernel <name>", KERNEL_HELP)
    .option(
      "--exact <file>",
      'add the chapter "Exact solutions" from a boltzlab exact JSON Lines file (with the bootstrap\'s upper bounds from --errors)',
    )
    .option(
      "--constant <C>",
      "with --exact: C of Proposition 3.1 in the bootstrap (5.7), a number or measured",
      "measured",
    );
  addWorkersOption(cmd).action(async (o: ReportOptions) => {
    const out = parseOutDir(o.out);
    const Ms = parseMList(o.M);
    const { s, s0 } = validateParameters(Ms, o);
    const cutoffs = parseCutoffs(o.cutoff);
    const variants = parseVariants(o.variant);
    const workers = parseWorkers(o.workers);
    const kernel = parseKernel(o.kernel);
    const errorFiles = o.errors.split(",").map((f) => f.trim());
    if (errorFiles.some((f) => f === "")) {
      throw new RuleError(
        "--errors must be a comma-separated list of file paths",
        `got "${o.errors}"`,
      );
    }
    const [{ buildReportData }, { writeReport }, { buildSections35 }] = await Promise.all([
      import("../../report/build-report.ts"),
      import("../../report/report.ts"),
      import("../../report/build-sections-3-5.ts"),
    ]);
    if (
      o.constant !== "measured" &&
      !(Number(o.constant) > 0 && Number.isFinite(Number(o.constant)))
    )
      throw new RuleError("--constant must be a number > 0 or measured", `got ${o.constant}`);
    // the error-table files first: one that does not parse stops the run before the long part
    const exactSolutions =
      o.exact !== undefined ? await exactChapter(o.exact, errorFiles, o.constant) : undefined;
    const sections35 = await buildSections35({ s, s0, cutoffs, variants, errorFiles });
    const progress = progressBar("report");
    try {
      const data = await buildReportData({
        Ms,
        s,
        s0,
        cutoffs,
        variants,
        workers,
        howLargeM: o.howLargeM !== false,
        kernels: o.kernels !== false,
        kernel,
        onProgress: (done: number, total: number) => progress.update(done, total),
      });
      progress.stop();
      await writeReport(out, {
        ...data,
        sections35,
        ...(exactSolutions ? { exactSolutions } : {}),
      });
    } finally {
      progress.stop();
    }
    process.stderr.write(
      `report written to ${out}/ (index.html, report.md, report.json, figures/)\n`,
    );
  });
}
