import type { ClaimResult } from "../claims/claim-result.ts";
import { exactFigures } from "./exact-solutions.ts";
import { bumpsFigure } from "./figures/bumps-figure.ts";
import { deflationFigure } from "./figures/deflation-figure.ts";
import { latticeFigure } from "./figures/lattice-figure.ts";
import { scalingFigure } from "./figures/scaling-figure.ts";
import { theoremFigure } from "./figures/theorem-figure.ts";
import { tubesFigure } from "./figures/tubes-figure.ts";
import { kernelsReportFigure } from "./kernels.ts";
import type { ReportFigure } from "./report-block.ts";
import type { ReportData } from "./report-data.ts";
import { sections35Figures } from "./sections-3-5.ts";

/** The report's figures, by section. `scaling[k]` belongs to `data.claims[k]` (null: no plot). */
export interface ReportFigures {
  readonly objects: readonly ReportFigure[];
  readonly scaling: readonly (ReportFigure | null)[];
  readonly theorem: ReportFigure | null;
  readonly deflation: ReportFigure | null;
  /** The error-table plots of the Sections 3–5 chapter. */
  readonly sections35: readonly ReportFigure[];
  /** The figure of the chapter "Kernels (Remark 1.5)" (kernels.ts), when computed. */
  readonly kernels: ReportFigure | null;
  /** The figures of the chapter "Exact solutions" (empty without `--exact`). */
  readonly exact: readonly ReportFigure[];
}

/** An asymptotic claim (≲, ∼, → 0): one with a paper exponent or a fit, and measurements to plot. */
export function isAsymptotic(claim: ClaimResult): boolean {
  return (
    (claim.paperExponent !== undefined || claim.fit !== undefined) && claim.measurements.length > 0
  );
}

/** A file-name-safe slug: "2.11/k=1" → "2.11-k-1". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The three Section 2 figures with the paper's parameters (M = 50, 5, 30), both readings of Figure 3. */
function objectFigures(): ReportFigure[] {
  return [
    {
      name: "figure-1-lattice",
      caption: "Figure 1: the lattice points e_{i,j} of (2.3) for M = 50.",
      svg: latticeFigure({ M: 50 }),
    },
    {
      name: "figure-2-tubes",
      caption: "Figure 2: supports of the tubes K_{i,j} of (2.4) for M = 5.",
      svg: tubesFigure({ M: 5 }),
    },
    {
      name: "figure-3-bumps-as-written",
      caption: "Figure 3 (as written): supports of I_{i,j} of (2.4) for M = 30, radius 1/M.",
      svg: bumpsFigure({ M: 30, variant: "as-written" }),
    },
    {
      name: "figure-3-bumps-as-in-proof",
      caption:
        "Figure 3 (as in proof): supports of I_{i,j} for M = 30 with radius 1/(10M), as used in (2.21).",
      svg: bumpsFigure({ M: 30, variant: "as-in-proof" }),
    },
  ];
}

/** Render every figure of the report from its data. */
export function reportFigures(data: ReportData): ReportFigures {
  const used = new Set<string>();
  const scaling = data.claims.map((c) => {
    if (!isAsymptotic(c)) return null;
    const base = `scaling-${slug(`${c.id}-${c.cutoff}-${c.variant}`)}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}-${k}`;
    used.add(name);
    return {
      name,
      caption: `Scaling of (${c.id}) ${c.title} [${c.cutoff}, ${c.variant}]: ${c.verdict}.`,
      svg: scalingFigure(c),
    };
  });
  return {
    objects: objectFigures(),
    scaling,
    theorem: data.theorem.length
      ? {
          name: "theorem-1-1",
          caption: "Theorem 1.1 quantities against M.",
          svg: theoremFigure(data.theorem),
        }
      : null,
    deflation: data.deflation.length
      ? {
          name: "deflation",
          caption:
            "Norm deflation (1.14)–(1.16): f_r (solid) and f_b (dashed) against t ∈ [0, T*].",
          svg: deflationFigure(data.deflation),
        }
      : null,
    sections35: data.sections35 ? sections35Figures(data.sections35) : [],
    kernels: data.kernels ? kernelsReportFigure(data.kernels) : null,
    exact: data.exactSolutions ? exactFigures(data.exactSolutions) : [],
  };
}

/** All figures in document order. */
export function allFigures(f: ReportFigures): ReportFigure[] {
  return [
    ...f.objects,
    ...f.scaling.filter((x): x is ReportFigure => x !== null),
    ...(f.theorem ? [f.theorem] : []),
    ...(f.deflation ? [f.deflation] : []),
    ...f.sections35,
    ...(f.kernels ? [f.kernels] : []),
    ...f.exact,
  ];
}
