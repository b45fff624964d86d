/**
 * `particles --init FILE`: particles from a CSV or JSON file with the columns x, y, z, vx, vy, vz, w
 * (position, velocity, signed weight = the mass the particle carries).
 * - CSV: a header line naming the seven columns (any order, extra columns ignored), then one
 *   particle per line, comma-separated numbers; blank lines and lines starting with # are skipped.
 * - JSON: an array of objects {"x":…, "y":…, "z":…, "vx":…, "vy":…, "vz":…, "w":…}.
 * Any other content is a RuleError naming the rule and the line (exit 2, nothing written).
 */
import { existsSync, readFileSync } from "node:fs";
import { RuleError } from "../math/errors.ts";
import type { GivenParticles } from "../solvers/particles/particle-run.ts";

const COLUMNS = ["x", "y", "z", "vx", "vy", "vz", "w"] as const;

/** Read particles from a .csv or .json file (see the file comment for the format). */
export function readParticleFile(path: string): GivenParticles {
  const lower = path.toLowerCase();
  if (!lower.endsWith(".csv") && !lower.endsWith(".json"))
    throw new RuleError("--init FILE must be a .csv or .json file", `got "${path}"`);
  if (!existsSync(path)) throw new RuleError("--init FILE does not exist", path);
  const text = readFileSync(path, "utf8");
  const rows: number[][] = [];
  if (lower.endsWith(".json")) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new RuleError("--init FILE: not valid JSON", path);
    }
    if (!Array.isArray(data))
      throw new RuleError(
        "--init FILE (JSON) must be an array of {x,y,z,vx,vy,vz,w} objects",
        path,
      );
    data.forEach((o, i) => {
      if (o === null || typeof o !== "object")
        throw new RuleError("--init FILE (JSON): every entry must be an object", `entry ${i}`);
      rows.push(
        COLUMNS.map((c) => {
          const y = (o as Record<string, unknown>)[c];
          if (typeof y !== "number" || !Number.isFinite(y))
            throw new RuleError(`--init FILE (JSON): "${c}" must be a finite number`, `entry ${i}`);
          return y;
        }),
      );
    });
  } else {
    const lines = text.split(/\r?\n/);
    let header: string[] | null = null;
    let index: number[] = [];
    lines.forEach((raw, ln) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const cells = line.split(",").map((c) => c.trim());
      if (header === null) {
        header = cells;
        index = COLUMNS.map((c) => cells.indexOf(c));
        const missing = COLUMNS.filter((_, j) => index[j] < 0);
        if (missing.length > 0)
          throw new RuleError(
            "--init FILE (CSV) needs a header with the columns x,y,z,vx,vy,vz,w",
            `missing ${missing.join(",")}`,
          );
        return;
      }
      rows.push(
        index.map((j, c) => {
          const y = Number(cells[j]);
          if (cells[j] === undefined || cells[j] === "" || !Number.isFinite(y))
            throw new RuleError(
              `--init FILE (CSV): "${COLUMNS[c]}" must be a finite number`,
              `line ${ln + 1}`,
            );
          return y;
        }),
      );
    });
  }
  if (rows.length < 2) throw new RuleError("--init FILE needs at least 2 particles", path);
  const x: number[] = [];
  const v: number[] = [];
  const w: number[] = [];
  for (const r of rows) {
    x.push(r[0], r[1], r[2]);
    v.push(r[3], r[4], r[5]);
    w.push(r[6]);
  }
  return { x, v, w };
}
