import type { ClaimResult } from "../claims/claim-result.ts";
import {
  exponentText,
  formatCounterexample,
  reasonHasCounterexample,
  shortenNumbers,
  tidyReason,
} from "./claim-evidence.ts";
import { anchorSlug, configurationLabel } from "./configuration.ts";
import type { ReportData } from "./report-data.ts";
import { numberCell } from "./table.ts";

/**
 * "Where the text and the numbers disagree": each violated or inconsistent statement once, with
 * the configurations it occurs in and its evidence (counterexamples as points and numbers, or the
 * fit), instead of one line per configuration.
 */
export interface Disagreement {
  /** Anchor of the evidence (the claim's entry in the claims section), when there is one. */
  readonly href?: string;
  readonly text: string;
}

/** Claims grouped by id and verdict (violated, inconsistent), in order of first appearance. */
function groups(claims: readonly ClaimResult[]): ClaimResult[][] {
  const out = new Map<string, ClaimResult[]>();
  for (const c of claims) {
    if (c.verdict !== "violated" && c.verdict !== "inconsistent") continue;
    const key = `${c.id}\u0000${c.verdict}`;
    const g = out.get(key) ?? [];
    g.push(c);
    out.set(key, g);
  }
  return [...out.values()];
}

/** The distinct values of `f` over the group, each with the configurations that share it. */
function byValue(
  group: readonly ClaimResult[],
  f: (c: ClaimResult) => string,
): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const c of group) {
    const v = f(c);
    m.set(v, [...(m.get(v) ?? []), configurationLabel(c)]);
  }
  return [...m.entries()];
}

/** "x" when all configurations share it, else "x (a; b), y (c)". */
function shared(values: [string, string[]][]): string {
  if (values.length === 1) return values[0][0];
  return values.map(([v, cs]) => `${cs.join("; ")}: ${v}`).join(" — ");
}

/** One entry per violated or inconsistent claim id, with its configurations and evidence. */
export function claimDisagreements(claims: readonly ClaimResult[]): Disagreement[] {
  return groups(claims).map((g) => {
    const c = g[0];
    const where = g.map(configurationLabel).join("; ");
    const reason = shared(byValue(g, tidyReason));
    const inReason = g.every((x) => !x.counterexample || reasonHasCounterexample(x.reason));
    const evidence =
      c.verdict === "violated" && inReason
        ? ""
        : c.verdict === "violated"
          ? shared(
              byValue(g, (x) =>
                x.counterexample
                  ? formatCounterexample(x.counterexample)
                  : "no counterexample recorded",
              ),
            )
          : shared(
              byValue(
                g,
                (x) =>
                  `fitted exponent ${exponentText(x)} against the paper's ${numberCell(x.paperExponent)}`,
              ),
            );
    return {
      href: `#claim-${anchorSlug(c.id)}`,
      text: `(${c.id}) ${c.title} — ${c.verdict} in ${g.length === 1 ? "" : `${g.length} configurations: `}${where}. Statement: ${c.statement}. Why: ${reason}.${evidence ? ` ${c.verdict === "violated" ? "Counterexample" : "Fit"}: ${evidence}.` : ""}`,
    };
  });
}

/** Error-table entries inconsistent with the paper's exponent, one per term × part. */
export function errorTableDisagreements(data: ReportData): Disagreement[] {
  const m = new Map<
    string,
    { label: string; where: string[]; fits: string[]; paper: string; reason: string }
  >();
  for (const t of data.sections35?.errorTables ?? []) {
    for (const e of t.entries) {
      if (e.verdict !== "inconsistent") continue;
      const key = `${t.solution ?? "f"} ${e.term} ${e.norm}`;
      const f = e.fittedExponent;
      const entry = m.get(key) ?? {
        label: `${t.solution === "g" ? "G_err" : "F_err"} term ${e.term}, ${e.normLabel}`,
        where: [],
        fits: [],
        paper: `${e.paperText ?? "—"}${e.paperSource ? ` (${e.paperSource})` : ""}`,
        reason: shortenNumbers(e.reason),
      };
      entry.where.push(configurationLabel(t));
      entry.fits.push(f ? `${f.value.toFixed(3)} ± ${f.error.toFixed(3)}` : "—");
      m.set(key, entry);
    }
  }
  return [...m.values()].map((e) => ({
    text: `${e.label} — inconsistent in ${e.where.join("; ")}: fitted exponent ${e.fits.join("; ")} against the paper's ${e.paper}. ${e.reason}`,
  }));
}
