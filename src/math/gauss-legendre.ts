/**
 * Moved to `src/math/quadrature/gauss-legendre.ts` (issue 11, one numerics layer). This re-export keeps the imports of
 * construction/ and claims/ working until they import the new path; delete it then.
 *
 * @deprecated import from `./quadrature/gauss-legendre.ts`.
 */
export * from "./quadrature/gauss-legendre.ts";
