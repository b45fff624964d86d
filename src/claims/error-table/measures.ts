import { CORE_BILINEAR_MEASURES } from "./core-bilinear-terms.ts";
import type { GridAwareMeasure } from "./error-table.ts";
import type { ErrorTermId, ZPart } from "./error-term.ts";
import { gainBeamBeamMeasures } from "./gain-beam-beam.ts";
import { lossBeamBeamMeasures } from "./loss-beam-beam.ts";
import { TRANSPORT_MEASURES } from "./transport-measures.ts";

/**
 * Every {@link GridAwareMeasure} of the Section 4 error table, one per term × part that has one.
 * To add a term family: one import line above and one spread line below. A term × part missing
 * from this list is reported as `not measured` by the table, never skipped.
 */
export const ERROR_TERM_MEASURES: readonly GridAwareMeasure[] = [
  ...TRANSPORT_MEASURES,
  ...CORE_BILINEAR_MEASURES,
  ...gainBeamBeamMeasures,
  ...lossBeamBeamMeasures,
];

/** The measure of a term × part, if there is one. */
export function findMeasure(term: ErrorTermId, part: ZPart): GridAwareMeasure | undefined {
  return ERROR_TERM_MEASURES.find((m) => m.term === term && m.part === part);
}
