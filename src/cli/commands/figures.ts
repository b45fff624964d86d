import type { Command } from "commander";
import { parseOutDir } from "./report.ts";

/** The figures `boltzlab figures` writes: Figures 1–3 of Section 2 with the paper's parameters. */
export const FIGURE_NAMES = [
  "figure-1-lattice",
  "figure-2-tubes",
  "figure-3-bumps-as-written",
  "figure-3-bumps-as-in-proof",
] as const;

/**
 * `boltzlab figures [--out DIR]`: Figure 1 (lattice (2.3), M = 50), Figure 2 (tubes K_{i,j}, M = 5)
 * and Figure 3 (bumps I_{i,j}, M = 30, both variants) as SVG and PNG, written atomically
 * (temporary sibling directory, then rename).
 */
export function register(program: Command): void {
  program
    .command("figures")
    .description(
      "write Figures 1-3 (lattice M=50, tubes M=5, bumps M=30 in both variants) as SVG+PNG",
    )
    .option("--out <dir>", "output directory (replaced atomically)", "figures")
    .action(async (o: { out: string }) => {
      const out = parseOutDir(o.out);
      const [{ latticeFigure }, { tubesFigure }, { bumpsFigure }, { writeFigure }, atomic] =
        await Promise.all([
          import("../../report/figures/lattice-figure.ts"),
          import("../../report/figures/tubes-figure.ts"),
          import("../../report/figures/bumps-figure.ts"),
          import("../../report/write-figure.ts"),
          import("../../report/atomic-directory.ts"),
        ]);
      const figures: Record<(typeof FIGURE_NAMES)[number], () => string> = {
        "figure-1-lattice": () => latticeFigure({ M: 50 }),
        "figure-2-tubes": () => tubesFigure({ M: 5 }),
        "figure-3-bumps-as-written": () => bumpsFigure({ M: 30, variant: "as-written" }),
        "figure-3-bumps-as-in-proof": () => bumpsFigure({ M: 30, variant: "as-in-proof" }),
      };
      await atomic.writeDirectoryAtomically(out, async (tmp) => {
        for (const name of FIGURE_NAMES) await writeFigure(tmp, name, figures[name]());
      });
      process.stderr.write(
        `figures written to ${out}/ (${FIGURE_NAMES.map((n) => `${n}.svg/.png`).join(", ")})\n`,
      );
    });
}
