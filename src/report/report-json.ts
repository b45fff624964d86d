import type { ReportData } from "./report-data.ts";

/** Marker for numbers JSON cannot hold (NaN, ±Infinity), e.g. an unfitted exponent or an unbounded ratio. */
interface EncodedNumber {
  readonly $number: "NaN" | "Infinity" | "-Infinity";
}

function isEncodedNumber(x: unknown): x is EncodedNumber {
  return typeof x === "object" && x !== null && Object.keys(x).length === 1 && "$number" in x;
}

/**
 * report.json: the {@link ReportData} as given (Estimates stay `{value, error, kind, method}`),
 * pretty-printed, with non-finite numbers written as `{"$number": "NaN"}` so that they round-trip.
 */
export function reportToJson(data: ReportData): string {
  return `${JSON.stringify(
    data,
    (_key, value) =>
      typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value,
    2,
  )}\n`;
}

/** Read report.json back ({@link reportToJson}), restoring non-finite numbers. */
export function reportFromJson(text: string): ReportData {
  return JSON.parse(text, (_key, value) =>
    isEncodedNumber(value) ? Number(value.$number) : value,
  );
}
