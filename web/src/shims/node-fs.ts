/**
 * Browser stand-in for `node:fs` (issue 10: remove once src/solvers/spectral/initial-data.ts no
 * longer imports it). The explorer never reads grid files; calling this is an error.
 */
export function readFileSync(path: string): never {
  throw new Error(`files cannot be read in the browser explorer (${path})`);
}
