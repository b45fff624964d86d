/**
 * `npm start`: the error table at M = 4, 8 for both solutions (resumable, results/errors.jsonl),
 * the exact solutions at M = 4, 8 (deviational particles for f_c, g_c; resumable,
 * results/exact.jsonl), then the report with its chapter "Exact solutions" (report/), then the
 * headline findings. Each step runs as a `boltzlab` child
 * process with its progress bar (ETA) on stderr; the error table is summarized in one line per
 * group of entries that share a verdict and a reason, and the run ends with Theorem 1.1 per
 * configuration, the verdict counts and where the report is.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { reportFromJson } from "../report/report-json.ts";
import { type EntryVerdict, entryGroupLines, headlineLines } from "../report/run-summary.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const ERRORS_ARGS = ["errors", "--M", "4,8", "--solution", "both", "--workers", "2"];
const EXACT_FILE = "results/exact.jsonl";
const EXACT_ARGS = ["exact", "--M", "4,8", "--workers", "2", "--out", EXACT_FILE];
const REPORT_DIR = "report";

/** One row of `boltzlab exact --json`: Theorem 1.1 on the exact solutions at one M. */
interface ExactRow {
  M: number;
  theorem: {
    initialDistance: { value: number };
    finalLowerBoundConservative: number;
    separation: string;
  };
}

/** Run `boltzlab <args>`; resolves with its stdout (stderr passes through), rejects on a non-zero exit. */
function boltzlab(args: readonly string[], captureStdout: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
      stdio: ["ignore", captureStdout ? "pipe" : "inherit", "inherit"],
    });
    let out = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (d: string) => {
      out += d;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`boltzlab ${args.join(" ")} exited with code ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  process.stdout.write(`1/3 error table: boltzlab ${ERRORS_ARGS.join(" ")}\n`);
  const errors = JSON.parse(await boltzlab([...ERRORS_ARGS, "--json"], true)) as {
    entries: EntryVerdict[];
    parameters: { s: number; s0: number; cutoff: string; variant: string; Ms: number[] };
    jobs: { computed: number; alreadyDone: number; out: string };
  };
  const q = errors.parameters;
  process.stdout.write(
    `    ${errors.entries.length} entries (s = ${q.s}, s0 = ${q.s0}, ${q.cutoff}, ${q.variant}, M = ${q.Ms.join(", ")}); jobs: ${errors.jobs.computed} computed, ${errors.jobs.alreadyDone} already in ${errors.jobs.out}\n`,
  );
  for (const line of entryGroupLines(errors.entries)) process.stdout.write(`    ${line}\n`);
  process.stdout.write(`2/3 exact solutions: boltzlab ${EXACT_ARGS.join(" ")}\n`);
  const exact = JSON.parse(await boltzlab([...EXACT_ARGS, "--json"], true)) as { rows: ExactRow[] };
  for (const r of exact.rows) {
    const th = r.theorem;
    process.stdout.write(
      `    M = ${r.M} (paper construction, norms L²_v H^{s0}_x): ‖f(T*) − g(T*)‖ ≥ ${th.finalLowerBoundConservative.toExponential(3)} against ‖f(0) − g(0)‖ = ${th.initialDistance.value.toExponential(3)}: ${th.separation}\n`,
    );
  }
  process.stdout.write(`3/3 report: boltzlab report --out ${REPORT_DIR} --exact ${EXACT_FILE}\n`);
  await boltzlab(["report", "--out", REPORT_DIR, "--exact", EXACT_FILE], false);
  const data = reportFromJson(await readFile(`${REPORT_DIR}/report.json`, "utf8"));
  process.stdout.write(`\n${headlineLines(data, REPORT_DIR).join("\n")}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
