/**
 * Numbers as a reader wants them: M = 10¹¹ rather than 100000000000, a norm as 3.21e-5, a ratio
 * to 3–4 significant digits, and values at round-off level said to be so.
 */

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "-": "⁻",
};

/** "10¹¹" (`unicode`) or "1e11" (`plain`) for 10^k. */
export function powerOfTen(k: number, style: "unicode" | "plain" = "unicode"): string {
  return style === "plain"
    ? `1e${k}`
    : `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join("")}`;
}

/**
 * A value of M: as written below 10⁴, an exact power of ten as 10^k (10¹¹, or 1e11 in `plain`
 * style), anything else large in exponent notation with 3 significant digits.
 */
export function formatM(M: number, style: "unicode" | "plain" = "unicode"): string {
  if (!Number.isFinite(M) || Math.abs(M) < 1e4) return String(M);
  const k = Math.round(Math.log10(M));
  if (10 ** k === M) return powerOfTen(k, style);
  return formatNumber(M, 3);
}

/** A list of M values, e.g. "4, 8, 16, 10³, …, 10¹²". */
export function formatMList(Ms: readonly number[], style: "unicode" | "plain" = "unicode"): string {
  return Ms.map((M) => formatM(M, style)).join(", ");
}

/**
 * A number to `digits` significant digits: plain between 10⁻³ and 10⁵ ("0.985", "1234"), exponent
 * notation outside ("3.21e-5", "1.5e8"); "—" when not finite.
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "—";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split("e");
  return `${String(Number(mantissa))}e${Number(exponent)}`;
}

/** Below this magnitude a double that should be 0 (a difference, a residual) is round-off. */
export const ROUND_OFF_LEVEL = 1e-13;

/** {@link formatNumber}, with "(round-off level)" after values of magnitude below {@link ROUND_OFF_LEVEL}. */
export function formatMeasured(x: number, digits = 3): string {
  const text = formatNumber(x, digits);
  return x !== 0 && Math.abs(x) < ROUND_OFF_LEVEL ? `${text} (round-off level)` : text;
}
