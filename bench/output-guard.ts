/**
 * Output guard for behaviour-preserving refactors (issue 11): records the numbers the project
 * publishes from the current tree, and compares a later tree against that record.
 *
 *   nice -n 10 npx tsx bench/output-guard.ts record /work/guard-baseline
 *   nice -n 10 npx tsx bench/output-guard.ts compare /work/guard-baseline
 *   nice -n 10 npx tsx bench/output-guard.ts record DIR --quick    (leaves out errors at M = 8)
 *
 * What it records (each through the `boltzlab` command of this checkout, `--workers 1`, s = 0.8,
 * s0 = 0.5):
 * - `errors --json` at M = 4 and at M = 8 (F_err table, cutoff bump, variant as-in-proof);
 * - `report` with `--M 4,8 --cutoff bump --variant as-in-proof --no-how-large-m`, its Sections 3–5
 *   chapter read from the M = 4 error-table file just computed: report.json (claims, Theorem 1.1
 *   table, error table);
 * - `claims --json --M 4,8` (both cutoffs, both variants);
 * - `theorem --json --M 4,8` and `threshold --json` (defaults);
 * - the value columns (not the timings) of `bench/tube-sums.ts 16` and
 *   `bench/collision-frequency.ts 8`.
 * Run-dependent fields are left out of the comparison: the report's `runInfo.date`,
 * `runInfo.durationSeconds`, `runInfo.commandLine` and its error-table file names, and the errors
 * output's `jobs.out` (scratch paths).
 *
 * `compare DIR` computes everything again into a scratch folder and lists every difference: a
 * number that differs (with its relative difference), a string or key that differs. Numbers that
 * differ by at most 1e-12 relative are listed as "within 1e-12" (a changed order of operations);
 * anything else is a failure (exit code 1). Identical outputs print "identical".
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = join(ROOT, "bin", "boltzlab.mjs");
const REL_TOL = 1e-12;
const COMMON = ["--s", "0.8", "--s0", "0.5"];

/** Run a command in the repository root; its stdout, or a thrown error with its stderr. */
function run(args: string[]): string {
  process.stderr.write(`output-guard: ${args.join(" ")}\n`);
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) {
    throw new Error(`"${args.join(" ")}" exited with ${r.status}:\n${r.stderr}`);
  }
  return r.stdout;
}

function cli(args: string[]): string {
  return run([CLI, ...args]);
}

/** A bench's printed table as rows of its value columns (the timing columns dropped). */
function benchValues(script: string, args: string[], width: number, drop: number[]): string[][] {
  const out = run(["--import", "tsx", join(ROOT, "bench", script), ...args]);
  const rows: string[][] = [];
  for (const line of out.split("\n")) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== width || line.startsWith("node ")) continue;
    rows.push(cells.filter((_, i) => !drop.includes(i)));
  }
  return rows;
}

/** Compute every guarded output into `dir` (one JSON file per output). */
function record(dir: string, quick: boolean): void {
  mkdirSync(dir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), "output-guard-"));
  try {
    const put = (name: string, value: unknown) =>
      writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
    const errorsAt = (M: number) => {
      const file = join(scratch, `errors-${M}.jsonl`);
      const json = cli([
        "errors",
        ...COMMON,
        "--M",
        String(M),
        "--workers",
        "1",
        "--out",
        file,
        "--json",
      ]);
      put(`errors-M${M}`, JSON.parse(json));
      return file;
    };
    const errors4 = errorsAt(4);
    if (!quick) errorsAt(8);
    const reportDir = join(scratch, "report");
    cli([
      "report",
      ...COMMON,
      "--out",
      reportDir,
      "--M",
      "4,8",
      "--cutoff",
      "bump",
      "--variant",
      "as-in-proof",
      "--no-how-large-m",
      "--errors",
      errors4,
      "--workers",
      "1",
    ]);
    copyFileSync(join(reportDir, "report.json"), join(dir, "report.json"));
    put("claims", JSON.parse(cli(["claims", ...COMMON, "--M", "4,8", "--workers", "1", "--json"])));
    put("theorem", JSON.parse(cli(["theorem", ...COMMON, "--M", "4,8", "--json"])));
    put("threshold", JSON.parse(cli(["threshold", ...COMMON, "--json"])));
    put("bench-tube-sums", benchValues("tube-sums.ts", ["16"], 7, [2, 3, 4]));
    put("bench-collision-frequency", benchValues("collision-frequency.ts", ["8"], 10, [6, 7, 8]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Paths whose values depend on the run, not on the code. */
const IGNORED = [
  /^runInfo\.date$/,
  /^runInfo\.durationSeconds$/,
  /^runInfo\.commandLine$/,
  /^jobs\.out$/,
  /^sections35\.errorTables\[\d+\]\.files\[\d+\]$/,
];

interface Difference {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly rel?: number;
}

/** Every difference between two JSON values (numbers with their relative difference). */
function diff(a: unknown, b: unknown, path: string, out: Difference[]): void {
  if (IGNORED.some((r) => r.test(path))) return;
  if (typeof a === "number" && typeof b === "number") {
    if (Object.is(a, b) || a === b) return;
    const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    out.push({ path, before: a, after: b, rel: Number.isNaN(rel) ? Infinity : rel });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length)
      out.push({ path: `${path}.length`, before: a.length, after: b.length });
    for (let i = 0; i < Math.min(a.length, b.length); i++) diff(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (
    a &&
    b &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of new Set([...ka, ...kb])) {
      const p = path === "" ? k : `${path}.${k}`;
      if (!(k in a) || !(k in b)) {
        if (!IGNORED.some((r) => r.test(p))) {
          out.push({
            path: p,
            before: (a as Record<string, unknown>)[k],
            after: (b as Record<string, unknown>)[k],
          });
        }
        continue;
      }
      diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], p, out);
    }
    return;
  }
  // bench cells are strings: compare numerically where both parse as numbers
  if (typeof a === "string" && typeof b === "string" && a !== b) {
    const x = Number(a);
    const y = Number(b);
    if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y)) {
      diff(x, y, path, out);
      return;
    }
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a, after: b });
}

function compare(dir: string): number {
  const names = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (names.length === 0) throw new Error(`no recorded outputs in ${dir}`);
  const quick = !names.includes("errors-M8.json");
  const fresh = mkdtempSync(join(tmpdir(), "output-guard-now-"));
  let failures = 0;
  let within = 0;
  try {
    record(fresh, quick);
    for (const name of names.sort()) {
      const before = JSON.parse(readFileSync(join(dir, name), "utf8"));
      const afterPath = join(fresh, name);
      if (!existsSync(afterPath)) {
        console.log(`${name}: missing in the current tree`);
        failures++;
        continue;
      }
      const after = JSON.parse(readFileSync(afterPath, "utf8"));
      const out: Difference[] = [];
      diff(before, after, "", out);
      if (out.length === 0) {
        console.log(`${name}: identical`);
        continue;
      }
      console.log(`${name}: ${out.length} difference(s)`);
      for (const d of out) {
        const ok = d.rel !== undefined && d.rel <= REL_TOL;
        if (ok) within++;
        else failures++;
        const tag = ok ? "within 1e-12" : "DIFFERS";
        const rel = d.rel !== undefined ? ` (rel ${d.rel.toExponential(2)})` : "";
        console.log(
          `  ${tag} ${d.path}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}${rel}`,
        );
      }
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
  console.log(
    failures === 0
      ? `output guard: clean (${within} number(s) within ${REL_TOL} relative, the rest identical)`
      : `output guard: ${failures} difference(s) beyond ${REL_TOL} relative or in structure/text`,
  );
  return failures === 0 ? 0 : 1;
}

const [mode, dirArg, flag] = process.argv.slice(2);
if ((mode !== "record" && mode !== "compare") || !dirArg) {
  process.stderr.write("usage: tsx bench/output-guard.ts record|compare DIR [--quick]\n");
  process.exit(2);
}
const dir = resolve(dirArg);
if (mode === "record") {
  record(dir, flag === "--quick");
  process.stderr.write(`output-guard: recorded into ${dir}\n`);
} else {
  process.exit(compare(dir));
}
