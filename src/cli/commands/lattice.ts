import type { Command } from "commander";
import { fmt, formatTable, parseM, printJson } from "../common-options.ts";
import { addCsvOption, type CsvValue, parseCsvPath, writeCsv } from "../csv.ts";

/**
 * Relative tolerance of the comparison with the closed-form bounds (the minimum separation is one
 * closed form, exact up to the rounding of a few sines).
 */
const BOUND_RTOL = 1e-12;

/** A minimum separation set against a bound c/M: the bound, the ratio, holds / violated. */
export function againstBound(min: number, bound: number) {
  return {
    bound,
    ratio: min / bound,
    verdict: min >= bound * (1 - BOUND_RTOL) ? ("holds" as const) : ("violated" as const),
  };
}

/**
 * `boltzlab lattice --M 50 [--points] [--pair-sum] [--json] [--csv FILE]`: the lattice (2.3), its
 * size M(M+1)/2, its minimum separation against (2.10) |e − e'| ≥ 1/M, and its minimum same-ring
 * separation against the proof's (2.19) |e_{i1,j} − e_{i2,j}| ≥ 8/M ({@link latticeSeparation});
 * `--points` lists every e_{i,j} (i, j, e_x, e_y, e_z); `--pair-sum` adds Σ 1/|e − e'| of
 * (4.47)–(4.49). `--csv` writes the points (with `--points`) or the one summary row.
 */
export function register(program: Command): void {
  const cmd = program
    .command("lattice")
    .description(
      "lattice (2.3): size, minimum separation against (2.10) and (2.19), its points, optional pair sum (4.47)-(4.49)",
    )
    .requiredOption("--M <n>", "lattice parameter M (integer >= 2)")
    .option("--points", "list every lattice point e_{i,j}: i, j, e_x, e_y, e_z")
    .option("--pair-sum", "add the pair sum of (4.47)-(4.49)")
    .option("--json", "machine-readable output on stdout");
  addCsvOption(cmd).action(
    async (o: { M: string; points?: boolean; pairSum?: boolean; json?: boolean; csv?: string }) => {
      const M = parseM(o.M);
      const csv = parseCsvPath(o.csv);
      const { latticeSeparation } = await import(
        "../../construction/geometry/lattice-separation.ts"
      );
      const sep = latticeSeparation(M);
      let points: { i: number; j: number; e_x: number; e_y: number; e_z: number }[] | undefined;
      if (o.points) {
        const { makeLattice } = await import("../../construction/geometry/lattice.ts");
        const lat = makeLattice(M);
        points = [];
        for (let k = 0; k < lat.count; k++) {
          points.push({
            i: lat.azimuth[k],
            j: lat.ring[k],
            e_x: lat.e[3 * k],
            e_y: lat.e[3 * k + 1],
            e_z: lat.e[3 * k + 2],
          });
        }
      }
      let pairSum: Record<string, unknown> | undefined;
      if (o.pairSum) {
        const { latticePairSum } = await import("../../construction/geometry/lattice-pair-sum.ts");
        const ps = latticePairSum(M);
        pairSum = {
          value: ps.pairSum,
          error: ps.error,
          sameRing: ps.sameRing,
          crossRing: ps.crossRing,
          ratioM4lnM: ps.ratioM4lnM,
          method: ps.method,
        };
      }
      const all = againstBound(sep.minSeparation, 1 / M);
      const ring = againstBound(sep.minSameRingSeparation, 8 / M);
      const out = {
        M,
        count: sep.count,
        minSeparation: sep.minSeparation,
        minSeparationTimesM: sep.minSeparation * M,
        separation2_10: all,
        minSameRingSeparation: sep.minSameRingSeparation,
        minSameRingSeparationTimesM: sep.minSameRingSeparation * M,
        sameRing2_19: ring,
        argmin: { pair: sep.argmin },
        sameRingArgmin: { pair: sep.sameRingArgmin },
        ...(pairSum ? { pairSum } : {}),
        ...(points ? { points } : {}),
      };
      if (csv !== undefined) {
        if (points) {
          writeCsv(csv, {
            columns: ["M", "i", "j", "e_x", "e_y", "e_z"],
            rows: points.map((p) => ({ M, ...p })),
          });
        } else {
          const row: Record<string, CsvValue> = {
            M,
            count: sep.count,
            min_separation: sep.minSeparation,
            bound_2_10: all.bound,
            ratio_2_10: all.ratio,
            verdict_2_10: all.verdict,
            argmin: sep.argmin.map(([i, j]) => `${i}/${j}`),
            min_same_ring_separation: sep.minSameRingSeparation,
            bound_2_19: ring.bound,
            ratio_2_19: ring.ratio,
            verdict_2_19: ring.verdict,
            same_ring_argmin: sep.sameRingArgmin.map(([i, j]) => `${i}/${j}`),
            pair_sum: pairSum?.value as number | undefined,
            pair_sum_error: pairSum?.error as number | undefined,
          };
          writeCsv(csv, { columns: Object.keys(row), rows: [row] });
        }
      }
      if (o.json) {
        printJson(out);
        return;
      }
      const pair = (p: typeof sep.argmin) => p.map(([i, j]) => `e_{${i},${j}}`).join(", ");
      const lines = [
        `lattice (2.3), M = ${M}: ${sep.count} points`,
        `min |e - e'|            = ${fmt(out.minSeparation)}  (x M = ${fmt(out.minSeparationTimesM)}); (2.10) states >= 1/M = ${fmt(all.bound)}: ratio ${fmt(all.ratio)}, ${all.verdict}; at ${pair(sep.argmin)}`,
        `min |e - e'|, same ring = ${fmt(out.minSameRingSeparation)}  (x M = ${fmt(out.minSameRingSeparationTimesM)}); (2.19) states >= 8/M = ${fmt(ring.bound)}: ratio ${fmt(ring.ratio)}, ${ring.verdict}; at ${pair(sep.sameRingArgmin)}`,
      ];
      if (pairSum) {
        lines.push(
          `pair sum (4.47)         = ${fmt(pairSum.value as number)} ± ${fmt(pairSum.error as number)}  (/ M^4 ln M = ${fmt(pairSum.ratioM4lnM as number)})`,
        );
      }
      if (points) {
        lines.push(
          "",
          formatTable(
            ["i", "j", "e_x", "e_y", "e_z"],
            points.map((p) => [String(p.i), String(p.j), fmt(p.e_x), fmt(p.e_y), fmt(p.e_z)]),
          ),
        );
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    },
  );
}
