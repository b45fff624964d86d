import { RuleError } from "../math/errors.ts";

// The velocity weights w(v) of the Z-norm (3.3) as used by Lemma 4.2 and Proposition 3.1 (znorm.ts).

/** A velocity weight w(v) = ⟨v⟩^k e^{c⟨v⟩²} (c ≥ 0, k ≥ 0), non-decreasing in |v|. */
export interface ZWeight {
  readonly name: string;
  /** c: the factor of ⟨v⟩² in the exponent. */
  readonly gaussianFactor: number;
  /** k: the power of ⟨v⟩. */
  readonly vPower: number;
}

/** e^{⟨v⟩²} (Lemma 4.2, the left sides of (3.5)–(3.6)). */
export const GAUSSIAN_WEIGHT: ZWeight = { name: "e^{⟨v⟩²}", gaussianFactor: 1, vPower: 0 };
/** ⟨v⟩e^{⟨v⟩²} (the right sides of (3.5)–(3.6)). */
export const V_GAUSSIAN_WEIGHT: ZWeight = { name: "⟨v⟩e^{⟨v⟩²}", gaussianFactor: 1, vPower: 1 };
/** w = 1 (plain norms). */
export const NO_WEIGHT: ZWeight = { name: "1", gaussianFactor: 0, vPower: 0 };

/** e^{(1−κt)⟨v⟩²} of (3.4); requires 0 ≤ κt ≤ 1 (Proposition 3.1: t ≤ 1/κ). */
export function kappaWeight(kappa: number, t: number): ZWeight {
  if (
    !Number.isFinite(kappa) ||
    !Number.isFinite(t) ||
    !(kappa > 0) ||
    !(t >= 0) ||
    kappa * t > 1 + 1e-12
  ) {
    throw new RuleError(
      "the weight e^{(1−κt)⟨v⟩²} needs κ > 0 and 0 ≤ t ≤ 1/κ",
      `got κ=${kappa}, t=${t}`,
    );
  }
  const c = Math.max(0, 1 - kappa * t);
  return { name: `e^{(1−κt)⟨v⟩²} (1−κt=${c.toPrecision(6)})`, gaussianFactor: c, vPower: 0 };
}

/** w(v) at |v|² = v2. */
export function weightAt(w: ZWeight, v2: number): number {
  const b = 1 + v2;
  return (w.vPower === 0 ? 1 : b ** (0.5 * w.vPower)) * Math.exp(w.gaussianFactor * b);
}

/** ⟨v⟩ w(v) at |v|² = v2 (the integrand weight of the L^{p,1}_v norms). */
export function normWeightAt(w: ZWeight, v2: number): number {
  return Math.sqrt(1 + v2) * weightAt(w, v2);
}

/** The product weight w₁w₂ (e.g. ⟨v⟩·e^{⟨v⟩²}). */
export function productWeight(a: ZWeight, b: ZWeight): ZWeight {
  return {
    name: `${a.name}·${b.name}`,
    gaussianFactor: a.gaussianFactor + b.gaussianFactor,
    vPower: a.vPower + b.vPower,
  };
}
