// @ts-check
/**
 * Check statements of the paper and read their verdicts programmatically: the separation of the
 * lattice (2.10) (an explicit constant: `holds` or `violated` with the counterexample) and the
 * time hypothesis T* ≤ 1/4 of Lemmas 2.2–2.4 (violated at small M: T* = M^{s−1} ln ln M exceeds 1/4
 * at M = 8 for s = 0.8, and the result says from which M on it holds). Writes the results as JSON for other tools (see load-outputs.py).
 *
 *   node examples/check-claim.mjs [outDir]          (M = 4, 8, 16, 32)
 *   BOLTZLAB_EXAMPLE_SIZE=small node examples/check-claim.mjs [outDir]   (M = 4, 8)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runClaims } from "boltzlab";

const small = process.env.BOLTZLAB_EXAMPLE_SIZE === "small";
const outDir = process.argv[2] ?? "boltzlab-examples-out";
const Ms = small ? [4, 8] : [4, 8, 16, 32];
const claims = await runClaims({
  ids: ["2.10", "T*<=1/4"],
  Ms,
  s: 0.8,
  s0: 0.5,
  cutoffs: ["bump"],
  variants: ["as-in-proof"],
});
for (const c of claims) {
  console.log(`(${c.id}) ${c.title}: ${c.verdict}`);
  console.log(`    ${c.reason}`);
  for (const m of c.measurements) {
    console.log(
      `    M = ${m.M}: ${m.value.value} ± ${m.value.error}${m.prediction === null ? "" : ` (prediction ${m.prediction})`}`,
    );
  }
  if (c.counterexample) console.log("    counterexample:", c.counterexample);
}
mkdirSync(outDir, { recursive: true });
const file = join(outDir, "claims.json");
writeFileSync(file, `${JSON.stringify({ Ms, claims }, null, 2)}\n`);
console.log(`wrote ${file}`);
// a script can act on the verdicts, e.g. count them or stop on a violation
/** @type {Record<string, number>} */
const counts = {};
for (const c of claims) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
console.log("verdicts:", counts);
