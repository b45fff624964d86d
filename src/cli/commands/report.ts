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
    .option("--kernel <name>", KERNEL_HELP);
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
    // the error-table files first: one that does not parse stops the run before the long part
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
      await writeReport(out, { ...data, sections35 });
    } finally {
      progress.stop();
    }
    process.stderr.write(
      `report written to ${out}/ (index.html, report.md, report.json, figures/)\n`,
    );
  });
}
