import type { GridAwareMeasure } from "./error-table.ts";
import { isGErrTerm, type TableTermId, type ZPart } from "./error-term.ts";
import { findGErrMeasure } from "./g-err-terms.ts";
import { findMeasure } from "./measures.ts";

/**
 * The measure of a term × part of either table: F_err (4.1) from measures.ts, G_err (5.2) of the
 * second solution g_a ≡ f_r(0) from g-err-terms.ts.
 */
export function findTableMeasure(term: TableTermId, part: ZPart): GridAwareMeasure | undefined {
  return isGErrTerm(term) ? findGErrMeasure(term, part) : findMeasure(term, part);
}
