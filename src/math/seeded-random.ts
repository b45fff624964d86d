/**
 * Moved to `src/math/sampling/uniform-stream.ts` (issue 11, one numerics layer). This re-export keeps the imports of
 * construction/ and claims/ working until they import the new path; delete it then.
 *
 * @deprecated import from `./sampling/uniform-stream.ts`.
 */
export * from "./sampling/uniform-stream.ts";
