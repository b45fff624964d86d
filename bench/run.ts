/**
 * `npm run bench -- <name> [<name> …]`: run benchmarks from bench/ one after another (each in its
 * own process, as `tsx bench/<name>.ts`); `npm run bench` with no name lists them with the first
 * line of their description. Benchmarks print ratios against a reference timed in the same run;
 * they are not tests and some take minutes (run them on an otherwise idle machine).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();

function summary(name: string): string {
  const text = readFileSync(join(dir, `${name}.ts`), "utf8");
  const m = /\/\*\*\s*\n\s*\*\s*(.+)/.exec(text);
  return m ? m[1].trim() : "";
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.log("usage: npm run bench -- <name> [<name> …]\n");
  for (const n of available) console.log(`  ${n.padEnd(22)} ${summary(n)}`);
  process.exit(0);
}
for (const n of names) {
  if (!available.includes(n)) {
    process.stderr.write(
      `bench: error: benchmark name must be one of ${available.join(", ")} (got "${n}")\n`,
    );
    process.exit(2);
  }
}
for (const n of names) {
  console.log(`── bench/${n}.ts`);
  const r = spawnSync(process.execPath, ["--import", "tsx", join(dir, `${n}.ts`)], {
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
