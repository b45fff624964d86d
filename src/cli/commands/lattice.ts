import type { Command } from "commander";
import { fmt, parseM, printJson } from "../common-options.ts";

/**
 * `boltzlab lattice --M 50 [--json] [--pair-sum]`: the lattice (2.3), its size M(M+1)/2 and its
 * minimum separation against (2.10) |e − e'| ≥ 1/M, overall and on one ring
 * ({@link latticeSeparation}); `--pair-sum` adds Σ 1/|e − e'| of (4.47)–(4.49).
 */
export function register(program: Command): void {
  program
    .command("lattice")
    .description("lattice (2.3): size, minimum separation (2.10), optional pair sum (4.47)-(4.49)")
    .requiredOption("--M <n>", "lattice parameter M (integer >= 2)")
    .option("--pair-sum", "add the pair sum of (4.47)-(4.49)")
    .option("--json", "machine-readable output on stdout")
    .action(async (o: { M: string; pairSum?: boolean; json?: boolean }) => {
      const M = parseM(o.M);
      const { latticeSeparation } = await import("../../construction/lattice-separation.ts");
      const sep = latticeSeparation(M);
      let pairSum: Record<string, unknown> | undefined;
      if (o.pairSum) {
        const { latticePairSum } = await import("../../construction/lattice-pair-sum.ts");
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
      const out = {
        M,
        count: sep.count,
        minSeparation: sep.minSeparation,
        minSeparationTimesM: sep.minSeparation * M,
        minSameRingSeparation: sep.minSameRingSeparation,
        minSameRingSeparationTimesM: sep.minSameRingSeparation * M,
        argmin: { pair: sep.argmin },
        sameRingArgmin: { pair: sep.sameRingArgmin },
        ...(pairSum ? { pairSum } : {}),
      };
      if (o.json) {
        printJson(out);
        return;
      }
      const pair = (p: typeof sep.argmin) => p.map(([i, j]) => `e_{${i},${j}}`).join(", ");
      const lines = [
        `lattice (2.3), M = ${M}: ${sep.count} points`,
        `min |e - e'|            = ${fmt(out.minSeparation)}  (x M = ${fmt(out.minSeparationTimesM)}; (2.10) needs >= 1) at ${pair(sep.argmin)}`,
        `min |e - e'|, same ring = ${fmt(out.minSameRingSeparation)}  (x M = ${fmt(out.minSameRingSeparationTimesM)}) at ${pair(sep.sameRingArgmin)}`,
      ];
      if (pairSum) {
        lines.push(
          `pair sum (4.47)         = ${fmt(pairSum.value as number)} ± ${fmt(pairSum.error as number)}  (/ M^4 ln M = ${fmt(pairSum.ratioM4lnM as number)})`,
        );
      }
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
