/**
 * Moved to `src/math/sampling/profile-sampler.ts` (issue 11, one numerics layer). This re-export keeps the imports of
 * construction/ and claims/ working until they import the new path; delete it then.
 *
 * @deprecated import from `./sampling/profile-sampler.ts`.
 */
export * from "./sampling/profile-sampler.ts";
