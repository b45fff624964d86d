import { RuleError } from "../../math/errors.ts";

/**
 * Where particles live and how they are grouped for collisions.
 * - `homogeneous`: no x; one collision cell of unit volume (weights sum to the density ρ).
 * - `free`: x ∈ R³, collision cells of side `cellSize` on the lattice cellSize·Z³ (only occupied
 *   cells matter; there is no boundary).
 * - `periodic`: the box [0, L)³ with periodic wrap, `cells`³ collision cells of side L/cells; with
 *   `slabs`, `cells` slabs [iL/cells, (i+1)L/cells) × [0, L)² instead (for flows that vary in x
 *   only, e.g. shear and heat waves: the cell size that matters there, the partners' separation
 *   along the gradient, is then L/cells with `cells` cells instead of `cells`³; Bird, Molecular
 *   Gas Dynamics (1994), one-dimensional flows).
 */
export type Domain =
  | { readonly kind: "homogeneous" }
  | { readonly kind: "free"; readonly cellSize: number }
  | {
      readonly kind: "periodic";
      readonly L: number;
      readonly cells: number;
      readonly slabs?: boolean;
    };

export function checkDomain(d: Domain): Domain {
  if (d.kind === "homogeneous") return d;
  if (d.kind === "free") {
    if (!(d.cellSize > 0) || !Number.isFinite(d.cellSize))
      throw new RuleError("free-space cell size must be a finite number > 0", `got ${d.cellSize}`);
    return d;
  }
  if (d.kind === "periodic") {
    if (!(d.L > 0) || !Number.isFinite(d.L))
      throw new RuleError("periodic box length L must be a finite number > 0", `got ${d.L}`);
    if (!Number.isInteger(d.cells) || d.cells < 1 || d.cells > 1024)
      throw new RuleError("cells per axis must be an integer in [1, 1024]", `got ${d.cells}`);
    return d;
  }
  throw new RuleError("domain must be homogeneous, free or periodic");
}

/** Volume of one collision cell. */
export function cellVolume(d: Domain): number {
  if (d.kind === "homogeneous") return 1;
  if (d.kind === "free") return d.cellSize ** 3;
  return d.slabs === true ? (d.L / d.cells) * d.L * d.L : (d.L / d.cells) ** 3;
}

/** Wrap a coordinate into [0, L). */
export function wrap(x: number, L: number): number {
  const y = x - L * Math.floor(x / L);
  return y >= L ? 0 : y;
}
