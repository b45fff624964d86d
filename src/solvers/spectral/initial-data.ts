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
 * values[(i·n + j)·n + k] = f(−L + i h, −L + j h, −L + k h), h = 2L/n; every value finite and
 * ≥ −1e-6·max f (see {@link NEGATIVE_TOLERANCE}), n a power of two, L > 0; an optional "R" gives
 * the truncation radius. The relax command writes its final state in this format.
 */
import { z } from "zod";
import { RuleError } from "../../math/errors.ts";
import { Bkw } from "./bkw.ts";
import type { DataScales } from "./domain.ts";
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

export function requirePositive(name: string, x: number): number {
  if (!Number.isFinite(x) || x <= 0)
    throw new RuleError(`${name} must be a finite number > 0`, `got ${x}`);
  return x;
}

/**
 * Negative values a grid file may hold, relative to max f: a spectral solution carries small
 * negative values where f is tiny (the tails; e.g. −2e-10 with max f ≈ 0.06 after a default
 * `relax`), which are part of its discretization error, not of the data. They are accepted up to
 * this tolerance; anything more negative is refused as not a density.
 */
export const NEGATIVE_TOLERANCE = 1e-6;

/**
 * Check a grid function: finite everywhere, positive mass, and f ≥ −{@link NEGATIVE_TOLERANCE}·max f.
 * Returns the number of (tolerated) negative values.
 */
export function validateGridValues(values: ArrayLike<number>, n: number, where: string): number {
  if (values.length !== n ** 3) {
    throw new RuleError(
      `${where}: values must hold n^3 = ${n ** 3} numbers`,
      `got ${values.length}`,
    );
  }
  let mass = 0;
  let max = 0;
  let min = 0;
  let minAt = -1;
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RuleError(
        `${where}: every value of f must be a finite number`,
        `index ${i}: ${String(v)}`,
      );
    }
    if (v > max) max = v;
    if (v < 0) {
      negatives++;
      if (v < min) {
        min = v;
        minAt = i;
      }
    }
    mass += v;
  }
  if (!(mass > 0) || !(max > 0)) throw new RuleError(`${where}: f must have positive mass`);
  if (min < -NEGATIVE_TOLERANCE * max) {
    throw new RuleError(
      `${where}: f must be >= -1e-6·max f (a density, up to discretization error)`,
      `index ${minAt}: ${min} with max f = ${max}`,
    );
  }
  return negatives;
}

const fileSchema = z.object({
  format: z.literal(GRID_FILE_FORMAT),
  n: z.number().int(),
  L: z.number(),
  R: z.number().optional(),
  values: z.array(z.unknown()),
});

/**
 * Parse and validate the text of a grid file (`where` names it in errors); throws RuleError
 * naming the broken rule. Reading the file is the caller's business (cli/).
 */
export function parseGridFile(
  text: string,
  where: string,
): { grid: VelocityGrid; values: Float64Array; R: number | undefined } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RuleError(
      `grid file must be JSON {"format":"${GRID_FILE_FORMAT}","n","L","values"}`,
      `${where}: not valid JSON`,
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleError(
      `grid file must be JSON {"format":"${GRID_FILE_FORMAT}","n","L","values"}`,
      `${where}: ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
  }
  const { n, L, R, values } = parsed.data;
  const grid = makeGrid(n, L, R);
  validateGridValues(values as number[], n, where);
  return { grid, values: Float64Array.from(values as number[]), R };
}

/** Serialize a grid function in the grid-file format (with the truncation radius R it ran with). */
export function gridFileJson(grid: VelocityGrid, f: Float64Array): string {
  return `{"format":"${GRID_FILE_FORMAT}","n":${grid.n},"L":${grid.L},"R":${grid.R},"values":[${Array.from(f).join(",")}]}\n`;
}

/**
 * Scales of the two-beam datum for the domain rule (`domain.ts`): its beams (offset |U| along e_x,
 * temperature T) and its equilibrium (temperature T + U²/3).
 */
export function twoBeamScales(U: number, T: number): DataScales {
  return {
    components: [
      { offset: Math.abs(U), temperature: T, axis: 0 },
      { offset: 0, temperature: T + (U * U) / 3 },
    ],
    spectrum: [
      { temperature: T, quadratic: 0 },
      { temperature: T + (U * U) / 3, quadratic: 0 },
    ],
  };
}

/** Scales of a Maxwellian of temperature T centred at 0. */
export function maxwellianScales(T: number): DataScales {
  return {
    components: [{ offset: 0, temperature: T }],
    spectrum: [{ temperature: T, quadratic: 0 }],
  };
}

/** Number of steps in K ∈ [K0, 1] at which {@link bkwScales} bounds the BKW spectrum. */
const BKW_PATH_SAMPLES = 12;

/**
 * Scales of the BKW family: its Gaussian factor has temperature K T ≤ T (K from K0 to 1), its
 * equilibrium temperature T. Its Fourier transform is exactly
 * f̂(ξ)/ρ = e^{−KT|ξ|²/2} (1 − (1 − K) T |ξ|²/2), so the spectrum bounds carry the polynomial
 * factor (at the Nyquist number of a typical grid it is ≈ 3–4.5: the BKW datum needs a finer grid
 * than its Gaussian envelope); they are given at K = K0, …, 1 in 12 steps.
 */
export function bkwScales(T: number, K0: number): DataScales {
  return {
    components: [
      { offset: 0, temperature: T },
      { offset: 0, temperature: K0 * T },
    ],
    spectrum: Array.from({ length: BKW_PATH_SAMPLES + 1 }, (_, i) => {
      const K = K0 + ((1 - K0) * i) / BKW_PATH_SAMPLES;
      return { temperature: K * T, quadratic: ((1 - K) * T) / 2 };
    }),
  };
}

export { Bkw };
