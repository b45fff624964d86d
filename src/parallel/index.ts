/**
 * boltzlab/parallel — the Node-only edge below report/ and cli/: worker-thread pools for claim
 * work (pass one to `runClaims` of `boltzlab/claims`), the spectral Q on threads, the Theorem 1.1 table and the (s, s0) threshold map on a pool, and reading the error
 * table's JSON Lines job files. Imports `node:os`, `node:fs` and piscina: not for browsers.
 *
 * @module boltzlab/parallel
 */
export { createClaimPool, defaultWorkers, withClaimPool } from "./claim-pool.ts";
export { DEFAULT_ERRORS_FILE, type ParsedFile, readJobFile } from "./job-file.ts";
export { runReplicaTasks } from "./replica-pool.ts";
export type { ReplicaResult, ReplicaTask } from "./replica-worker.ts";
export { POOL_MIN_N, SpectralQPool } from "./spectral-q-pool.ts";
export { theoremTableParallel } from "./theorem-table.ts";
export { thresholdMapParallel } from "./threshold-map-pool.ts";
