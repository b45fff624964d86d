import { deflationLaw } from "../claims/theorem-1-1.ts";
import type { TheoremRow } from "../claims/theorem-row.ts";
import {
  type Configuration,
  configurationLabel,
  groupByConfiguration,
  rowConfiguration,
} from "./configuration.ts";
import { formatM, formatMList, formatNumber } from "./number-format.ts";

/**
 * Theorem 1.1 for one configuration, in the numbers that decide it:
 * - the deflation ‖f_r(T*)‖/‖f_r(0)‖ measured (at the largest M, and its law (ln M)^{−γ}) against
 *   what the proof needs, ‖e^{⟨v⟩²} f_r(T*)‖ ≲ 1/ln M in (6.1) (γ ≥ 1);
 * - the sizes of ‖e^{⟨v⟩²} f_r(0)‖ (the theorem needs ∼ 1) and ‖e^{⟨v⟩²} f_b(0)‖ (the initial
 *   distance, ≲ 1/ln M);
 * - the criterion used here, distance at T* > distance at 0 beyond both error bars (the row's
 *   `separated`), where it is first met on the grid, or that it is not.
 */
export interface TheoremSummary {
  readonly configuration: Configuration;
  readonly Ms: readonly number[];
  /** The row at the largest M. */
  readonly last: TheoremRow;
  /** γ of ‖f_r(T*)‖/‖f_r(0)‖ ≈ C (ln M)^{−γ}, with its uncertainty; absent with fewer than 2 rows. */
  readonly gamma?: { readonly value: number; readonly error: number };
  /** The first row (smallest M) at which the criterion is met, if any. */
  readonly firstSeparated?: TheoremRow;
  /** The answer in a few words, e.g. "only a weak separation, from M = 10¹¹". */
  readonly headline: string;
  /** Two or three plain sentences (unicode: M = 10¹¹). */
  readonly sentences: readonly string[];
  /** One line for a terminal (plain numbers: M = 1e11). */
  readonly line: string;
}

/**
 * A distance at T* at least this large counts as "of order 1" (Theorem 1.1: ∼ 1); below it, a
 * final distance beyond the initial one is reported as a weak separation only.
 */
export const ORDER_ONE = 0.1;

/** One {@link TheoremSummary} per configuration present in `rows`, rows sorted by M. */
export function theoremSummaries(rows: readonly TheoremRow[]): TheoremSummary[] {
  return groupByConfiguration(rows, rowConfiguration).map(({ configuration, items }) =>
    theoremSummary(configuration, items),
  );
}

/** {@link TheoremSummary} of one configuration's rows (at least one). */
export function theoremSummary(
  configuration: Configuration,
  rowsIn: readonly TheoremRow[],
): TheoremSummary {
  const rows = [...rowsIn].sort((a, b) => a.M - b.M);
  const Ms = rows.map((r) => r.M);
  const last = rows[rows.length - 1];
  const law = rows.length >= 2 ? deflationLaw(rows) : undefined;
  const gamma =
    law && Number.isFinite(law.gamma) ? { value: law.gamma, error: law.gammaError } : undefined;
  const firstSeparated = rows.find((r) => r.separated === true);
  const orderOne = rows.some((r) => r.separated === true && r.finalDistance.value >= ORDER_ONE);
  const n = (x: number | undefined) => (x === undefined ? "—" : formatNumber(x, 3));
  const invLn = 1 / Math.log(last.M);
  const gammaText = gamma
    ? `falls like (ln M)^{−γ} with γ = ${formatNumber(gamma.value, 2)} ± ${formatNumber(gamma.error, 2)}`
    : "has no law fitted (one M only)";
  const deflation = (style: "unicode" | "plain") =>
    `The deflation ‖f_r(T*)‖/‖f_r(0)‖ is ${n(last.deflation.value)} at M = ${formatM(last.M, style)} and ${gammaText}; the proof needs ‖e^{⟨v⟩²}f_r(T*)‖ ≲ 1/ln M (6.1), i.e. γ ≥ 1, a ratio near ${n(invLn)} there.`;
  const sizes = (style: "unicode" | "plain") => {
    const core = rows.flatMap((r) => (r.weightedCoreInitial ? [r.weightedCoreInitial.value] : []));
    const lo = Math.min(...core);
    const hi = Math.max(...core);
    const coreText = !core.length
      ? "‖e^{⟨v⟩²}f_r(0)‖ was not recorded"
      : Math.abs(hi - lo) <= 1e-3 * Math.abs(hi)
        ? `‖e^{⟨v⟩²}f_r(0)‖ = ${n(hi)} at every M (the theorem needs ∼ 1)`
        : `‖e^{⟨v⟩²}f_r(0)‖ lies in [${n(lo)}, ${n(hi)}] (the theorem needs ∼ 1)`;
    const first = rows[0];
    return `${coreText}; with this deflation the distance at T* is ${n(last.finalDistance.value)} at M = ${formatM(last.M, style)}, while the distance at 0, ‖e^{⟨v⟩²}f_b(0)‖, falls from ${n(first.initialDistance.value)} at M = ${formatM(first.M, style)} to ${n(last.initialDistance.value)}.`;
  };
  const criterion = (style: "unicode" | "plain") => {
    const grid = `M = ${formatMList(Ms, style)}`;
    const rule = "The criterion used here, distance at T* > distance at 0 beyond both error bars,";
    if (!firstSeparated) {
      return `${rule} is not met on the grid ${grid}. The separation of Theorem 1.1 is not seen.`;
    }
    const r = firstSeparated;
    const met = `${rule} is first met at M = ${formatM(r.M, style)} (distance at T* ${n(r.finalDistance.value)} against ${n(r.initialDistance.value)} at 0, deflation ratio ${n(r.deflation.value)}; grid ${grid})`;
    return orderOne
      ? `${met}; at M = ${formatM(last.M, style)} the distance at T* is ${n(last.finalDistance.value)}, of order 1 as Theorem 1.1 states.`
      : `${met}: a weak separation only. The separation of order 1 that Theorem 1.1 states is not seen: the distance at T* stays below ${ORDER_ONE} at every M.`;
  };
  const where = firstSeparated
    ? `final > initial distance first at M = ${formatM(firstSeparated.M, "plain")} (final distance ${n(firstSeparated.finalDistance.value)}, weak)`
    : `final > initial distance nowhere on M = ${formatMList([Ms[0], last.M], "plain").replace(", ", "…")}`;
  const line = `Theorem 1.1 [${configurationLabel(configuration)}]: deflation ${n(last.deflation.value)} at M = ${formatM(last.M, "plain")} (proof needs ≈ ${n(invLn)}${gamma ? `; γ = ${formatNumber(gamma.value, 2)} vs ≥ 1` : ""}); ‖e^{⟨v⟩²}f_r(0)‖ = ${n(last.weightedCoreInitial?.value)}; ${where}; separation of order 1 ${orderOne ? "seen" : "not seen"}`;
  return {
    configuration,
    Ms,
    last,
    ...(gamma ? { gamma } : {}),
    ...(firstSeparated ? { firstSeparated } : {}),
    headline: !firstSeparated
      ? `separation not seen on M = ${formatM(Ms[0])} to ${formatM(last.M)}`
      : orderOne
        ? `separation of order 1 seen (criterion met from M = ${formatM(firstSeparated.M)})`
        : `separation of order 1 not seen; only a weak one from M = ${formatM(firstSeparated.M)}`,
    sentences: [deflation("unicode"), sizes("unicode"), criterion("unicode")],
    line,
  };
}
