import type { Command } from "commander";
import { VARIANTS, type Variant } from "../../construction/parameters/variant.ts";
import { RuleError } from "../../math/errors.ts";
import { parseCutoff, parseM, parseVariants } from "../common-options.ts";
import { parseOutDir } from "./report.ts";

/** Default output directory: inside the git-ignored /out/ (the report command owns /report/). */
export const DEFAULT_FIGURES_DIR = "out/figures";

/** The paper's M for Figures 1, 2 and 3 (lattice, tubes, bumps). */
export const PAPER_FIGURE_M = { lattice: 50, tubes: 5, bumps: 30 } as const;

/** Largest M a figure draws: each draws M(M+1)/2 supports or points. */
export const MAX_FIGURE_M = 200;

/** The figures `boltzlab figures` writes with the default variants: Figures 1–3 of Section 2. */
export const FIGURE_NAMES = [
  "figure-1-lattice",
  "figure-2-tubes",
  "figure-3-bumps-as-written",
  "figure-3-bumps-as-in-proof",
] as const;

interface FiguresOptions {
  out: string;
  M?: string;
  cutoff: string;
  variant: string;
}

/** One figure to write, with the parameters it is drawn with (echoed on stderr). */
interface FigurePlan {
  readonly name: string;
  readonly used: string;
  readonly draw: () => string;
}

/**
 * `boltzlab figures [--out out/figures] [--M m] [--cutoff bump] [--variant as-written,as-in-proof]`:
 * Figure 1 (lattice (2.3)), Figure 2 (tubes K_{i,j} (2.4)) and Figure 3 (bumps I_{i,j} (2.4), one
 * per variant) as SVG and PNG, written atomically (temporary sibling directory, then rename).
 * Without --M each figure uses the paper's M (50, 5, 30). The figures draw supports, which are the
 * same for every cutoff profile (supp χ is the unit ball); --cutoff is validated and echoed.
 * The parameters used are printed on stderr.
 */
export function register(program: Command): void {
  program
    .command("figures")
    .description(
      "write Figures 1-3 (lattice, tubes, bumps per variant) as SVG+PNG; paper's M = 50, 5, 30 unless --M",
    )
    .option("--out <dir>", "output directory (replaced atomically)", DEFAULT_FIGURES_DIR)
    .option(
      "--M <m>",
      `one M for all three figures, integer 2..${MAX_FIGURE_M} (default: the paper's 50, 5, 30)`,
    )
    .option(
      "--cutoff <name>",
      "cutoff profile bump|plateau (supports, hence the figures, are the same for both; echoed)",
      "bump",
    )
    .option(
      "--variant <list>",
      `readings of I_{i,j} for Figure 3: ${VARIANTS.join(",")}`,
      VARIANTS.join(","),
    )
    .action(async (o: FiguresOptions) => {
      const out = parseOutDir(o.out);
      const M = o.M === undefined ? undefined : parseM(o.M);
      if (M !== undefined && M > MAX_FIGURE_M) {
        throw new RuleError(
          `figures --M must be at most ${MAX_FIGURE_M} (each figure draws M(M+1)/2 supports)`,
          `got ${M}`,
        );
      }
      const cutoff = parseCutoff(o.cutoff);
      const variants: Variant[] = parseVariants(o.variant);
      const [{ latticeFigure }, { tubesFigure }, { bumpsFigure }, { writeFigure }, atomic] =
        await Promise.all([
          import("../../report/figures/lattice-figure.ts"),
          import("../../report/figures/tubes-figure.ts"),
          import("../../report/figures/bumps-figure.ts"),
          import("../../report/write-figure.ts"),
          import("../../report/atomic-directory.ts"),
        ]);
      const mLattice = M ?? PAPER_FIGURE_M.lattice;
      const mTubes = M ?? PAPER_FIGURE_M.tubes;
      const mBumps = M ?? PAPER_FIGURE_M.bumps;
      const plans: FigurePlan[] = [
        {
          name: "figure-1-lattice",
          used: `M = ${mLattice}`,
          draw: () => latticeFigure({ M: mLattice }),
        },
        { name: "figure-2-tubes", used: `M = ${mTubes}`, draw: () => tubesFigure({ M: mTubes }) },
        ...variants.map((variant) => ({
          name: `figure-3-bumps-${variant}`,
          used: `M = ${mBumps}, ${variant}`,
          draw: () => bumpsFigure({ M: mBumps, variant }),
        })),
      ];
      await atomic.writeDirectoryAtomically(out, async (tmp) => {
        for (const f of plans) await writeFigure(tmp, f.name, f.draw());
      });
      process.stderr.write(
        `figures written to ${out}/ (SVG + PNG): ${plans.map((f) => `${f.name} (${f.used})`).join("; ")}; cutoff ${cutoff} (the supports drawn are the same for every cutoff)${M === undefined ? "; M as in the paper's figures" : ""}\n`,
      );
    });
}
