import { renameSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { DesignCandidate } from "../../claims/design.ts";
import { RuleError } from "../../math/errors.ts";
import {
  addParameterOptions,
  formatTable,
  KERNEL_HELP,
  kernelEcho,
  parseCutoff,
  parseKernel,
  parseVariant,
  printJson,
  validateParameters,
} from "../common-options.ts";
import { progressBar } from "../progress.ts";

interface DesignCliOptions {
  s?: string;
  s0?: string;
  cutoff: string;
  variant: string;
  criterion: string;
  json?: boolean;
  out?: string;
  kernel?: string;
}

function summary(c: DesignCandidate) {
  return {
    constants: c.constants,
    log10M: Number.isFinite(c.log10M) ? c.log10M : null,
    threshold: {
      Mfail: c.threshold.Mfail,
      Mlo: c.threshold.Mlo,
      Mhi: c.threshold.Mhi,
      log10Log10M: c.threshold.log10Log10M ?? null,
      method: c.threshold.method,
    },
    admissible: c.admissible,
    constraints: c.constraints.map((k) => ({
      id: k.id,
      status: k.status,
      margin: Number.isFinite(k.margin) ? k.margin : null,
      detail: k.detail,
    })),
  };
}

const fmtLog = (x: number) =>
  Number.isFinite(x) ? x.toFixed(3) : "beyond 10^100 / not computable";

/**
 * `boltzlab design [--criterion weak|strong] [--s --s0 --cutoff --variant] [--json] [--out FILE]`:
 * search the construction's constants for the smallest threshold M subject to the decidable
 * constraints (claims/design.ts); `--out FILE.json` writes the best as a parameter set that every
 * command taking `--construction` accepts.
 */
export function register(program: Command): void {
  addParameterOptions(
    program
      .command("design")
      .description(
        "tune the construction's constants for the smallest threshold M under the proof's constraints",
      ),
  )
    .option("--criterion <name>", "weak | strong", "weak")
    .option("--cutoff <name>", "cutoff profile: bump | plateau", "bump")
    .option(
      "--variant <name>",
      "reading of I_{i,j} (sets nothing but the label; c is searched)",
      "as-in-proof",
    )
    .option("--json", "machine-readable output on stdout")
    .option("--out <file>", "write the best construction as a --construction JSON file")
    .option("--kernel <name>", KERNEL_HELP)
    .action(async (o: DesignCliOptions) => {
      const { s, s0 } = validateParameters([3], o);
      const cutoff = parseCutoff(o.cutoff);
      const variant = parseVariant(o.variant);
      const kernel = parseKernel(o.kernel);
      if (o.criterion !== "weak" && o.criterion !== "strong")
        throw new RuleError("--criterion must be weak or strong", `got "${o.criterion}"`);
      if (o.out !== undefined && !o.out.endsWith(".json"))
        throw new RuleError("--out must name a .json file", `got "${o.out}"`);
      const { design } = await import("../../claims/design.ts");
      const bar = progressBar("design");
      let result: ReturnType<typeof design>;
      try {
        result = design({
          criterion: o.criterion,
          s,
          s0,
          cutoff,
          variant,
          kernel,
          onCandidate: (_c, d, n) => bar.update(d, n),
        });
      } finally {
        bar.stop();
      }
      const echo = { criterion: o.criterion, s, s0, cutoff, variant, ...kernelEcho(kernel) };
      if (o.out && result.best) {
        const set = {
          name: `tuned-${o.criterion}`,
          constants: result.best.constants,
          s,
          s0,
          cutoff,
          variant,
          provenance: `boltzlab design --criterion ${o.criterion} --kernel ${kernel} --s ${s} --s0 ${s0} --cutoff ${cutoff}: log10 M* = ${result.best.log10M.toFixed(3)} (paper ${fmtLog(result.paper.log10M)})`,
        };
        const tmp = `${o.out}.tmp-${process.pid}`;
        writeFileSync(tmp, `${JSON.stringify(set, null, 2)}\n`);
        renameSync(tmp, o.out);
      }
      if (o.json) {
        printJson({
          ...echo,
          best: result.best ? summary(result.best) : null,
          paper: summary(result.paper),
          binding: result.binding,
          sensitivity: result.sensitivity.map((x) => ({
            ...x,
            log10M: Number.isFinite(x.log10M) ? x.log10M : null,
            delta: Number.isFinite(x.delta) ? x.delta : null,
          })),
          candidates: result.candidates.map(summary),
        });
        return;
      }
      const rows = [...result.candidates, result.paper].map((c, i) => [
        i === result.candidates.length ? "paper" : String(i + 1),
        c.constants.bumpAxial.toPrecision(3),
        (c.constants.bumpTransverse ?? (variant === "as-in-proof" ? 10 : 1)).toPrecision(3),
        c.constants.beamAmplitude.toPrecision(3),
        c.constants.coreAmplitude.toPrecision(4),
        c.constants.timeFactor.toPrecision(4),
        fmtLog(c.log10M),
        c.admissible
          ? "yes"
          : `no (${c.constraints
              .filter((k) => k.status === "fails")
              .map((k) => k.id)
              .join(", ")})`,
      ]);
      process.stdout.write(
        `${formatTable(["#", "α", "c", "c_b", "c_r", "c_T", "log10 M*", "admissible"], rows)}\n\n`,
      );
      if (result.best) {
        process.stdout.write(
          `best: log10 M* = ${result.best.log10M.toFixed(3)} (paper's constants: ${fmtLog(result.paper.log10M)})\nbinding constraints: ${result.binding.join(", ") || "none"}\n`,
        );
        for (const x of result.sensitivity)
          process.stdout.write(
            `  relax ${x.constraint} (${x.relaxed}): log10 M* = ${fmtLog(x.log10M)} (Δ ${Number.isFinite(x.delta) ? x.delta.toFixed(3) : "n/a"})\n`,
          );
        const best = result.best;
        for (const k of best.constraints.filter(
          (c) => c.id.startsWith("bootstrap") || c.id === "error-smallness",
        ))
          process.stdout.write(
            `${k.id} ${k.equation}: ${k.status}${Number.isFinite(k.margin) ? ` (margin ${k.margin.toPrecision(3)})` : ""}: ${k.detail}\n`,
          );
      } else {
        process.stdout.write("no admissible candidate shows the separation on M ≤ 10^100\n");
      }
      process.stdout.write(
        `s = ${s}; s0 = ${s0}; cutoff ${cutoff}; variant ${variant}; kernel ${kernel} (${echo.kernelNormalization})\n`,
      );
      process.stdout.write(
        `\ncriterion = ${o.criterion}; s = ${s}; s0 = ${s0}; cutoff = ${cutoff}; variant label = ${variant}; R = 100 (redundant with c_r under the size bound)\n`,
      );
    });
}
