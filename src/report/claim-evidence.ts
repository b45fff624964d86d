import type { ClaimResult } from "../claims/claim-result.ts";
import { formatNumber } from "./number-format.ts";

/**
 * How a claim's evidence is shown: fitted exponent and implied constant only where a fit means
 * something, counterexamples as points and numbers, long floating-point literals in reasons
 * shortened to 4 significant digits.
 */

/**
 * A fit means something for an asymptotic claim (the paper gives an exponent) whose verdict comes
 * from it: consistent, inconsistent or inconclusive. Not for `holds`/`violated` (explicit constants:
 * the counterexample is the evidence), nor for a non-finite fit.
 */
export function fitIsMeaningful(c: ClaimResult): boolean {
  return (
    c.paperExponent !== undefined &&
    (c.verdict === "consistent" || c.verdict === "inconsistent" || c.verdict === "inconclusive") &&
    c.fit !== undefined &&
    Number.isFinite(c.fit.exponent) &&
    Number.isFinite(c.fit.exponentError)
  );
}

/** "a ± b (n = k)" for a meaningful fit ({@link fitIsMeaningful}), "—" otherwise. */
export function exponentText(c: ClaimResult): string {
  if (!fitIsMeaningful(c) || !c.fit) return "—";
  return `${c.fit.exponent.toFixed(3)} ± ${c.fit.exponentError.toFixed(3)} (n = ${c.fit.n})`;
}

/**
 * "[min, max]" of value/prediction over M, shown where the implied constant is meant to be bounded
 * (consistent or inconclusive asymptotic claims), "—" otherwise.
 */
export function impliedConstantText(c: ClaimResult): string {
  const k = c.impliedConstant;
  if (!k || !fitIsMeaningful(c) || c.verdict === "inconsistent") return "—";
  return `[${formatNumber(k.min, 3)}, ${formatNumber(k.max, 3)}]`;
}

/** Floating-point literals with 6 or more digits after the point (or in exponent form). */
const LONG_FLOAT = /-?\d+\.\d{5,}(?:e[-+]?\d+)?|-?\d+(?:\.\d+)?e[-+]?\d+/g;

/** Text with long floating-point literals shortened (4 significant digits). */
export function shortenNumbers(text: string): string {
  return text.replace(LONG_FLOAT, (m) => formatNumber(Number(m), 4));
}

/** A JSON object embedded in text: `{"` up to its balanced closing brace. */
function embeddedJson(
  text: string,
): { start: number; end: number; value: Record<string, unknown> }[] {
  const out: { start: number; end: number; value: Record<string, unknown> }[] = [];
  for (let i = text.indexOf('{"'); i >= 0; i = text.indexOf('{"', i + 1)) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}" && --depth === 0) {
        try {
          out.push({ start: i, end: j + 1, value: JSON.parse(text.slice(i, j + 1)) });
          i = j;
        } catch {
          // not JSON: leave the text as it is
        }
        break;
      }
    }
  }
  return out;
}

/**
 * A claim's reason as a reader wants it: embedded JSON (a counterexample) written as
 * "M = 4; x = (…)" ({@link formatCounterexample}), long numbers shortened, and for a `violated`
 * claim the fit that the claims layer appends ("fitted exponent …; last local slope …") removed —
 * for explicit statements it means nothing.
 */
export function tidyReason(c: Pick<ClaimResult, "reason" | "verdict">): string {
  let text = c.reason;
  for (const j of embeddedJson(text).reverse()) {
    text = `${text.slice(0, j.start)}${formatCounterexample(j.value)}${text.slice(j.end)}`;
  }
  if (c.verdict === "violated") {
    text = text.replace(/;?\s*fitted exponent [^;]*(;\s*last local slope [^;]*)?/g, "");
  }
  return shortenNumbers(text);
}

/** Whether the reason already carries its counterexample (embedded JSON). */
export function reasonHasCounterexample(reason: string): boolean {
  return embeddedJson(reason).length > 0;
}

/**
 * A counterexample value as text: numbers to 4 digits, number arrays as points (a, b, c); a
 * component of a point below round-off relative to its largest component is labelled so
 * ("-9.131e-17 (round-off level)", a coordinate that is 0 up to rounding).
 */
export function formatEvidenceValue(x: unknown): string {
  if (typeof x === "number") return formatNumber(x, 4);
  if (typeof x === "string") return shortenNumbers(x);
  if (typeof x === "boolean" || x === null || x === undefined) return String(x);
  if (Array.isArray(x)) {
    if (x.every((c) => typeof c === "number")) {
      const scale = Math.max(...x.map((c) => Math.abs(c)));
      return `(${x
        .map((c) =>
          c !== 0 && Math.abs(c) < 1e-12 * scale
            ? `${formatNumber(c, 4)} (round-off level)`
            : formatNumber(c, 4),
        )
        .join(", ")})`;
    }
    return `(${x.map(formatEvidenceValue).join(", ")})`;
  }
  if (typeof x === "object") {
    return Object.entries(x as Record<string, unknown>)
      .map(([k, v]) => `${k} = ${formatEvidenceValue(v)}`)
      .join(", ");
  }
  return String(x);
}

/** A counterexample as "key = value; …" ({@link formatEvidenceValue}). */
export function formatCounterexample(c: Readonly<Record<string, unknown>>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} = ${formatEvidenceValue(v)}`)
    .join("; ");
}
