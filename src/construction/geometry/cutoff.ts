import { RuleError } from "../../math/errors.ts";

/**
 * Radial cutoff profiles χ(y) = φ(|y|) with φ(0) = 1, supported in the unit ball (docs/design.md,
 * "Conventions"). Each profile carries its first and second derivatives, needed for ∇K (2.11, k = 1)
 * and ∇^k A[f_b] (2.30, k = 1, 2).
 */
export interface Cutoff {
  readonly name: string;
  /** φ(r) for r ≥ 0. */
  phi(r: number): number;
  /** φ'(r). */
  dphi(r: number): number;
  /** φ''(r). */
  d2phi(r: number): number;
}

/** The named cutoff profiles χ(y) = φ(|y|) of docs/design.md: `bump` and `plateau`. */
export const CUTOFF_NAMES = ["bump", "plateau"] as const;
/** A named cutoff profile: `"bump"` or `"plateau"`. */
export type CutoffName = (typeof CUTOFF_NAMES)[number];

/** `bump`: φ(r) = exp(1 − 1/(1 − r²)) for r < 1, else 0. */
export const bump: Cutoff = {
  name: "bump",
  phi(r) {
    if (r >= 1) return 0;
    return Math.exp(1 - 1 / (1 - r * r));
  },
  dphi(r) {
    if (r >= 1) return 0;
    const q = 1 - r * r;
    return Math.exp(1 - 1 / q) * ((-2 * r) / (q * q));
  },
  d2phi(r) {
    if (r >= 1) return 0;
    const q = 1 - r * r;
    // φ = e^{1−1/q}, q' = −2r; φ' = φ·(−2r/q²); φ'' = φ·[(2r/q²)² − 2/q² − 8r²/q³]
    const a = (-2 * r) / (q * q);
    return Math.exp(1 - 1 / q) * (a * a - 2 / (q * q) - (8 * r * r) / (q * q * q));
  },
};

/** g(s) = e^{−1/s} for s > 0, else 0, with derivatives. */
function g(s: number): number {
  return s > 0 ? Math.exp(-1 / s) : 0;
}
function dg(s: number): number {
  return s > 0 ? Math.exp(-1 / s) / (s * s) : 0;
}
function d2g(s: number): number {
  return s > 0 ? Math.exp(-1 / s) * (1 / s ** 4 - 2 / s ** 3) : 0;
}

/**
 * `plateau`: φ(r) = S((1 − r)/0.5) with S(s) = g(s)/(g(s) + g(1 − s)), g(s) = e^{−1/s} (s > 0);
 * equal to 1 on r ≤ 1/2 and 0 on r ≥ 1.
 */
export const plateau: Cutoff = {
  name: "plateau",
  phi(r) {
    const s = (1 - r) / 0.5;
    if (s <= 0) return 0;
    if (s >= 1) return 1;
    const a = g(s);
    return a / (a + g(1 - s));
  },
  dphi(r) {
    const s = (1 - r) / 0.5;
    if (s <= 0 || s >= 1) return 0;
    const a = g(s);
    const b = g(1 - s);
    const da = dg(s);
    const db = -dg(1 - s);
    const dS = (da * (a + b) - a * (da + db)) / ((a + b) * (a + b));
    return dS * -2;
  },
  d2phi(r) {
    const s = (1 - r) / 0.5;
    if (s <= 0 || s >= 1) return 0;
    const a = g(s);
    const b = g(1 - s);
    const da = dg(s);
    const db = -dg(1 - s);
    const dda = d2g(s);
    const ddb = d2g(1 - s);
    // S = a/D, D = a + b: S'' = (a''D − aD'')/D² − 2 D'(a'D − aD')/D³
    const D = a + b;
    const dD = da + db;
    const ddD = dda + ddb;
    const d2S = (dda * D - a * ddD) / (D * D) - (2 * dD * (da * D - a * dD)) / (D * D * D);
    return d2S * 4;
  },
};

/**
 * A user-supplied radial profile. φ must satisfy φ(0) = 1 and vanish for r ≥ 1 (checked on a grid);
 * missing derivatives are taken by Richardson-extrapolated central differences with step 1e-4.
 */
export function customCutoff(
  name: string,
  phi: (r: number) => number,
  derivatives?: { dphi?: (r: number) => number; d2phi?: (r: number) => number },
): Cutoff {
  if (Math.abs(phi(0) - 1) > 1e-12)
    throw new RuleError("a cutoff profile must satisfy phi(0) = 1", `got phi(0) = ${phi(0)}`);
  for (let k = 0; k <= 64; k++) {
    const r = 1 + k / 16;
    if (phi(r) !== 0)
      throw new RuleError("a cutoff profile must vanish for r >= 1", `phi(${r}) = ${phi(r)}`);
  }
  const h = 1e-4;
  const even = (r: number) => phi(Math.abs(r));
  const d1 = (r: number) => {
    const c = (hh: number) => (even(r + hh) - even(r - hh)) / (2 * hh);
    return (4 * c(h / 2) - c(h)) / 3;
  };
  const d2 = (r: number) => {
    const c = (hh: number) => (even(r + hh) - 2 * even(r) + even(r - hh)) / (hh * hh);
    return (4 * c(h / 2) - c(h)) / 3;
  };
  return {
    name,
    phi: (r) => (r >= 1 ? 0 : phi(r)),
    dphi: derivatives?.dphi ?? ((r) => (r >= 1 ? 0 : d1(r))),
    d2phi: derivatives?.d2phi ?? ((r) => (r >= 1 ? 0 : d2(r))),
  };
}

/**
 * The cutoff profile named `name` (`bump` or `plateau`); any other name is a {@link RuleError}.
 * For a profile of your own use {@link customCutoff}.
 */
export function cutoffByName(name: string): Cutoff {
  if (name === "bump") return bump;
  if (name === "plateau") return plateau;
  throw new RuleError(`cutoff must be one of ${CUTOFF_NAMES.join(", ")}`, `got "${name}"`);
}
