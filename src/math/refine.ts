/**
 * Moved to `src/math/quadrature/refine.ts` (issue 11, one numerics layer). This re-export keeps the imports of
 * construction/ and claims/ working until they import the new path; delete it then.
 *
 * @deprecated import from `./quadrature/refine.ts`.
 */
export * from "./quadrature/refine.ts";
