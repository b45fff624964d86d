import { cellKernel, type LineKernel } from "./line-kernels.ts";

/**
 * The L²_x norms of Duhamel line integrals through the core as quadratic forms over τ-cells
 * (Lemma 4.4, the beam–core terms): {@link cellForm} Σ h₁h₂ K_d over pairs of cells, the cell
 * kernels of one velocity ({@link fillCellKernels}), and the per-velocity accumulation of the
 * lower/upper (L2) or main/error (gradL2) forms ({@link addCellForms}) from the module-level cell
 * profiles {@link cellProfiles}, which the callers fill before each call (no allocation per node).
 */

/** Σ_{c,c'} h₁(c) h₂(c') K_{|c−c'|} over nc cells (Kd[d] the cell kernel at distance d). */
export function cellForm(h1: Float64Array, h2: Float64Array, nc: number, Kd: Float64Array): number {
  let s = 0;
  for (let c = 0; c < nc; c++) s += h1[c] * h2[c] * Kd[0];
  for (let d = 1; d < Kd.length && d < nc; d++) {
    if (Kd[d] === 0) continue;
    let t = 0;
    for (let c = 0; c + d < nc; c++) t += h1[c] * h2[c + d] + h2[c] * h1[c + d];
    s += t * Kd[d];
  }
  return s;
}

export const NC = 64;
const hLoC = new Float64Array(NC);
const hHiC = new Float64Array(NC);
const hMid = new Float64Array(NC);
const hHw = new Float64Array(NC);
const gC = new Float64Array(NC);
const dC = new Float64Array(NC);

/**
 * The cell profiles read by {@link addCellForms}: per cell the lower and upper brackets of h
 * (`lo`, `hi`), the ∇ of the profile (`grad`) and the ∇Λ term (`dLambda`). Callers write them.
 */
export const cellProfiles: {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly grad: Float64Array;
  readonly dLambda: Float64Array;
} = { lo: hLoC, hi: hHiC, grad: gC, dLambda: dC };

/** Indices of the running sums of {@link addCellForms}. */
export const LO2 = 0;
export const HI2 = 1;
export const MAIN2 = 2;
export const E1 = 3;
export const E2 = 4;
export const E3 = 5;

/**
 * Cell kernels of the plain, gradient and absolute line kernels for cell width u (in units of the
 * profile scale), written into Kp (and Kg, Ka when `withGrad`); cells farther apart than the
 * kernels' support stay 0.
 */
export function fillCellKernels(
  kp: LineKernel,
  kg: LineKernel,
  ka: LineKernel,
  u: number,
  withGrad: boolean,
  Kp: Float64Array,
  Kg: Float64Array,
  Ka: Float64Array,
): void {
  Kp.fill(0);
  Kg.fill(0);
  Ka.fill(0);
  for (let d = 0; d < NC; d++) {
    if (d >= 2 && (d - 1) * u >= 2) break;
    Kp[d] = cellKernel(kp, u, d);
    if (withGrad) {
      Kg[d] = cellKernel(kg, u, d);
      Ka[d] = cellKernel(ka, u, d);
    }
  }
}

/**
 * Add one velocity node's cell forms to `sums` ([lo², hi², main², e1, e2, e3]): for L2 the forms of
 * the lower and upper cell brackets hLoC, hHiC; for gradL2 the main form of their midpoint with the
 * gradient kernel (×(100M)²), the half-width with the absolute kernel, and the forms of gC (∇ of
 * the profile) and dC (the ∇Λ term) with the plain kernel. hMid and hHw are derived here.
 */
export function addCellForms(
  sums: Float64Array,
  part: "L2" | "gradL2",
  scale: number,
  lambda: number,
  Kp: Float64Array,
  Kg: Float64Array,
  Ka: Float64Array,
): void {
  if (part === "L2") {
    sums[LO2] += scale * cellForm(hLoC, hLoC, NC, Kp);
    sums[HI2] += scale * cellForm(hHiC, hHiC, NC, Kp);
    return;
  }
  for (let c = 0; c < NC; c++) {
    hMid[c] = 0.5 * (hHiC[c] + hLoC[c]);
    hHw[c] = 0.5 * (hHiC[c] - hLoC[c]);
  }
  const g2 = lambda ** 2;
  sums[MAIN2] += scale * g2 * Math.max(0, cellForm(hMid, hMid, NC, Kg));
  sums[E1] += scale * g2 * cellForm(hHw, hHw, NC, Ka);
  sums[E2] += scale * cellForm(gC, gC, NC, Kp);
  sums[E3] += scale * cellForm(dC, dC, NC, Kp);
}
