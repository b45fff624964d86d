/**
 * A Duhamel window 0 ≤ t0 ≤ t ≤ T*: the time interval of the integrals ∫_{t0}^{t} e^{−(t−τ)v·∇x} F(τ) dτ
 * of Section 4. The construction's beam–core and core–core kernels take it; the error table
 * (claims/error-table/error-term.ts) re-exports it under the same name.
 */
export interface DuhamelWindow {
  readonly t0: number;
  readonly t: number;
}
