/**
 * Browser stand-in for src/claims/claim-pool.ts (issue 10: remove once the claims layer keeps its
 * piscina pool out of theorem-1-1.ts). The explorer runs its own Web Workers; a pool is never made.
 */
export function createClaimPool(): never {
  throw new Error("the piscina claim pool is not available in the browser explorer");
}
