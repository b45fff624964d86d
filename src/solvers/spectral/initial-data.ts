/**
 * Initial data for the homogeneous solver: named families and grid files.
 *
 * Families (ρ density, T temperature, v ∈ R³):
 * - `maxwellian`: ρ (2πT)^{−3/2} e^{−|v|²/(2T)};
 * - `two-beam`:   ½ M_{U e_x, T_b} + ½ M_{−U e_x, T_b} (two Maxwellians of density ½ each at
 *                 ±U e_x with temperature T_b); equilibrium temperature T_b + U²/3;
 * - `bkw`:        the BKW solution at t = 0 (`bkw.ts`), exact for the constant kernel.
 *
 * Grid file (`--init FILE`), JSON:
 *   { "format": "boltzlab-grid-v1", "n": 32, "L": 8, "values": [ n³ numbers ] }
 * values[(i·n + j)·n + k] = f(−L + i h, −L + j h, −L + k h), h = 2L/n; every value finite and ≥ 0,
 * n a power of two, L > 0. The relax command writes its final state in this format.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { RuleError } from "../../math/errors.ts";
import { Bkw } from "./bkw.ts";
import { makeGrid, type VelocityGrid } from "./grid.ts";

export const GRID_FILE_FORMAT = "boltzlab-grid-v1";

/** Two Maxwellians of density ρ/2 at ±U e_x with temperature T (sampled on the grid). */
export function twoBeam(grid: VelocityGrid, U: number, T: number, rho = 1): Float64Array {
  const { n, axis } = grid;
  const out = new Float64Array(n ** 3);
  const c = 0.5 * rho * (2 * Math.PI * T) ** -1.5;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        const p = axis[j] ** 2 + axis[k] ** 2;
        out[idx] =
          c *
          (Math.exp(-((axis[i] - U) ** 2 + p) / (2 * T)) +
            Math.exp(-((axis[i] + U) ** 2 + p) / (2 * T)));
      }
  return out;
}

/** ρ (2πT)^{−3/2} exp(−|v − u|²/(2T)) on the grid. */
export function maxwellian(
  grid: VelocityGrid,
  rho: number,
  u: readonly [number, number, number],
  T: number,
): Float64Array {
  const { n, axis } = grid;
  const out = new Float64Array(n ** 3);
  const c = rho * (2 * Math.PI * T) ** -1.5;
  let idx = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++, idx++) {
        out[idx] =
          c *
          Math.exp(
            -((axis[i] - u[0]) ** 2 + (axis[j] - u[1]) ** 2 + (axis[k] - u[2]) ** 2) / (2 * T),
          );
      }
  return out;
}

/**
 * Default box half-width for data whose mass lies in B_S with S = max(|U| + 3.6√T_b, 3.6√T_eq)
 * (Gaussian tails below ~1.5e-3 of the peak at |v| = S): L = (3 + √2) S / 2, so R = 2S.
 */
export function defaultHalfWidth(
  speed: number,
  temperature: number,
  eqTemperature: number,
): number {
  const S = Math.max(
    Math.abs(speed) + 3.6 * Math.sqrt(temperature),
    3.6 * Math.sqrt(eqTemperature),
  );
  return Math.round(((3 + Math.SQRT2) / 2) * S * 100) / 100;
}

export function requirePositive(name: string, x: number): number {
  if (!Number.isFinite(x) || x <= 0)
    throw new RuleError(`${name} must be a finite number > 0`, `got ${x}`);
  return x;
}

/** Check a grid function: finite and ≥ 0 everywhere, with positive mass. */
export function validateGridValues(values: ArrayLike<number>, n: number, where: string): void {
  if (values.length !== n ** 3) {
    throw new RuleError(
      `${where}: values must hold n^3 = ${n ** 3} numbers`,
      `got ${values.length}`,
    );
  }
  let mass = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RuleError(
        `${where}: every value of f must be a finite number`,
        `index ${i}: ${String(v)}`,
      );
    }
    if (v < 0) throw new RuleError(`${where}: f must be >= 0 (a density)`, `index ${i}: ${v}`);
    mass += v;
  }
  if (!(mass > 0)) throw new RuleError(`${where}: f must have positive mass`);
}

const fileSchema = z.object({
  format: z.literal(GRID_FILE_FORMAT),
  n: z.number().int(),
  L: z.number(),
  values: z.array(z.unknown()),
});

/** Read and validate a grid file; throws RuleError naming the broken rule. */
export function readGridFile(path: string): { grid: VelocityGrid; values: Float64Array } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new RuleError(
      `--init FILE must be a readable file or one of two-beam, bkw, maxwellian`,
      `${path}: ${(e as Error).message}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RuleError(
      `grid file must be JSON {"format":"${GRID_FILE_FORMAT}","n","L","values"}`,
      `${path}: not valid JSON`,
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleError(
      `grid file must be JSON {"format":"${GRID_FILE_FORMAT}","n","L","values"}`,
      `${path}: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  const { n, L, values } = parsed.data;
  const grid = makeGrid(n, L);
  validateGridValues(values as number[], n, path);
  return { grid, values: Float64Array.from(values as number[]) };
}

/** Serialize a grid function in the grid-file format. */
export function gridFileJson(grid: VelocityGrid, f: Float64Array): string {
  return `{"format":"${GRID_FILE_FORMAT}","n":${grid.n},"L":${grid.L},"values":[${Array.from(f).join(",")}]}\n`;
}

export { Bkw };
