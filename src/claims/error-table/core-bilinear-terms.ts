import type { ErrorTermMeasure } from "./error-term.ts";

export const CORE_BILINEAR_MEASURES: readonly ErrorTermMeasure[] = [];
