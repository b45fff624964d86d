/**
 * Cost of the quantitative Theorem 1.1 tools (docs/quantitative.md), as ratios to a reference
 * measured in the same run: one Theorem 1.1 row at M = 10^6 (claims/theorem-1-1.ts, cold caches).
 * Then: one criterion point (thresholds.ts, fast tube cut-off 20), one weak threshold with the map's
 * settings, an n × n (s, s0) map (both criteria), and optionally `design --criterion weak`.
 *
 *   nice -n 10 npx tsx bench/thresholds.ts            (map 3 × 3)
 *   nice -n 10 npx tsx bench/thresholds.ts 4 design   (map 4 × 4 and the weak design search)
 */
import { design } from "../src/claims/design.ts";
import { theoremRow } from "../src/claims/theorem-1-1.ts";
import { MAP_SEARCH, thresholdMap } from "../src/claims/threshold-map.ts";
import { criterionPoint, threshold } from "../src/claims/thresholds.ts";

const n = Number(process.argv[2] ?? 3);
const withDesign = process.argv[3] === "design";
const o = { s: 0.8, s0: 0.5, cutoff: "bump", variant: "as-in-proof" } as const;

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const r = f();
  return [(performance.now() - t0) / 1000, r];
}

const cpu0 = process.cpuUsage();
const [ref] = time(() => theoremRow(1e6, o));
const rows: [string, number][] = [["reference: one Theorem 1.1 row, M = 10^6", ref]];
rows.push([
  "criterion point, M = 10^7 + 1 (tube cut-off 20)",
  time(() => criterionPoint(1e7 + 1, o, 20))[0],
]);
rows.push([
  `weak threshold, map settings (${JSON.stringify(MAP_SEARCH)})`,
  time(() => threshold("weak", { ...o, s: 0.81 }, MAP_SEARCH))[0],
]);
const [tMap, cells] = time(() => thresholdMap({ n, cutoff: "bump", variant: "as-in-proof" }));
rows.push([`(s, s0) map ${n} × ${n} (${cells.length} cell-criteria)`, tMap]);
if (withDesign)
  rows.push(["design --criterion weak", time(() => design({ criterion: "weak", ...o }))[0]]);
const cpu = process.cpuUsage(cpu0);
for (const [what, sec] of rows)
  process.stdout.write(
    `${what.padEnd(72)} ${sec.toFixed(2).padStart(8)} s  ×${(sec / ref).toFixed(1)}\n`,
  );
process.stdout.write(
  `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (one thread; wall times above include waiting for the shared cores)\n`,
);
