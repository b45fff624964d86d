import erf from "@stdlib/math-base-special-erf";
import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate, exact } from "../math/estimate.ts";
import { compositeGaussSum } from "../math/quadrature/composite.ts";
import { constantKernel, hardSphere, type Kernel } from "./kernel.ts";
import type { PhaseSpaceFunction, VelocityPiece } from "./phase-space.ts";

/**
 * Maxwellians M(v) = ρ (2πT)^{−3/2} exp(−|v − u0|²/(2T)) (density ρ, mean velocity u0,
 * temperature T), as phase-space functions of v alone, with the closed forms used by the accuracy
 * gates of the collision operator.
 */
export interface MaxwellianParams {
  readonly rho: number;
  readonly u: readonly [number, number, number];
  readonly T: number;
}

/**
 * Truncation radius in units of √T. The mass outside is
 * P(|Z| > 10) = erfc(10/√2) + √(2/π)·10·e^{−50} < 2·10⁻²¹ of ρ (Z standard normal in R³).
 */
export const MAXWELLIAN_CUT = 10;

/** ∫_{|Z|>R} ⟨Z⟩ dP for Z standard normal in R³ (bound used as the `tail` of the piece). */
function tailBound(R: number): number {
  // ∫_R^∞ (1+r) r² e^{−r²/2} dr √(2/π) ≤ √(2/π) e^{−R²/2}(R³ + 3R + 2 + R² + 2) / R-ish; crude:
  return Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * R * R) * (R ** 3 + 2 * R * R + 3 * R + 4);
}

/**
 * Validate Maxwellian parameters: ρ > 0, T > 0, u three finite numbers; otherwise a
 * {@link RuleError} naming the rule. Returns its argument.
 */
export function checkMaxwellian(p: MaxwellianParams): MaxwellianParams {
  if (!Number.isFinite(p.rho) || !(p.rho > 0))
    throw new RuleError("Maxwellian density rho must be > 0", `got ${p.rho}`);
  if (!Number.isFinite(p.T) || !(p.T > 0))
    throw new RuleError("Maxwellian temperature T must be > 0", `got ${p.T}`);
  if (p.u.length !== 3 || !p.u.every(Number.isFinite)) {
    throw new RuleError("Maxwellian mean velocity u must be three finite numbers");
  }
  return p;
}

/** The Maxwellian as a {@link PhaseSpaceFunction} (one ball piece of radius 10√T, tail bounded). */
export function maxwellian(params: MaxwellianParams): PhaseSpaceFunction {
  const { rho, u, T } = checkMaxwellian(params);
  const c = rho * (2 * Math.PI * T) ** -1.5;
  const inv2T = 1 / (2 * T);
  const [ux, uy, uz] = u;
  const h = (v: ArrayLike<number>) => {
    const dx = v[0] - ux;
    const dy = v[1] - uy;
    const dz = v[2] - uz;
    return c * Math.exp(-(dx * dx + dy * dy + dz * dz) * inv2T);
  };
  const sT = Math.sqrt(T);
  const piece: VelocityPiece = {
    region: { kind: "ball", center: Float64Array.from(u), radius: MAXWELLIAN_CUT * sT },
    part: (_t, _x, v) => h(v),
    tail: rho * Math.max(1, sT) * tailBound(MAXWELLIAN_CUT),
  };
  const pieces = [piece];
  return {
    name: `maxwellian(rho=${rho},u=${u.join(";")},T=${T})`,
    value: (_t, _x, v) => h(v),
    velocitySupport: () => pieces,
    velocitySupportAllX: () => pieces,
  };
}

/**
 * E|Z − a ê| for Z standard normal in R³ and |ê| = 1:
 *   √(2/π) e^{−a²/2} + (a + 1/a) erf(a/√2)   (→ 2√(2/π) as a → 0).
 * Derivation: in spherical coordinates about 0, ∫_{−1}^{1} √(r² + a² − 2arc) dc =
 * ((r + a)³ − |r − a|³)/(3ar); the remaining radial Gaussian integrals are elementary.
 */
export function meanDistanceStdNormal(a: number): number {
  if (a < 1e-4) {
    // series: 2√(2/π) (1 + a²/6 − a⁴/120 + …)
    return 2 * Math.sqrt(2 / Math.PI) * (1 + (a * a) / 6 - (a * a * a * a) / 120);
  }
  return Math.sqrt(2 / Math.PI) * Math.exp(-0.5 * a * a) + (a + 1 / a) * erf(a / Math.SQRT2);
}

/**
 * E|Z − a ê|^γ for Z standard normal in R³ (−3 < γ), by the 1-D reduction
 *   (2π)^{−1/2} ∫_0^∞ r² e^{−r²/2} ((r + a)^{γ+2} − |r − a|^{γ+2}) / ((γ + 2) a r) dr
 * with Gauss–Legendre on [0, a] and [a, a + 14] (the integrand is smooth on each; for γ < −1 the
 * kink at r = a is integrable and split there). Returns an Estimate (two orders compared).
 */
export function meanDistancePowerStdNormal(a: number, gamma: number): Estimate {
  if (gamma === 1) return exact(meanDistanceStdNormal(a), "closed form E|Z − a|");
  if (gamma === 0) return exact(1, "E|Z − a|⁰ = 1");
  const g2 = gamma + 2;
  const aa = Math.max(a, 1e-8);
  const F = (r: number) =>
    (r * r * Math.exp(-0.5 * r * r) * ((r + aa) ** g2 - Math.abs(r - aa) ** g2)) / (g2 * aa * r);
  const run = (n: number) => compositeGaussSum(F, [0, aa, aa + 14], n) / Math.sqrt(2 * Math.PI);
  const a1 = run(96);
  const a2 = run(192);
  return estimate(
    a2,
    Math.abs(a2 - a1) + 1e-15 * Math.abs(a2),
    "quadrature",
    "1-D Gauss–Legendre 96/192 on [0,a],[a,a+14]",
  );
}

/**
 * The collision frequency of a Maxwellian M at v, A_B[M] = ∫∫ M(u) B(u − v, ω) dω du (closed form):
 * - hard sphere: 2π ρ √T · E|Z − a ê|, a = |v − u0|/√T,
 *   i.e. 2π ρ √(2T/π) [e^{−a²/2} + (a + 1/a) √(π/2) erf(a/√2)];
 * - constant kernel: 4π ρ;
 * - vhs:γ: 2π ρ T^{γ/2} E|Z − a ê|^γ (1-D quadrature, see {@link meanDistancePowerStdNormal}).
 */
export function maxwellianCollisionFrequency(
  params: MaxwellianParams,
  v: ArrayLike<number>,
  kernel: Kernel = hardSphere,
): Estimate {
  const { rho, u, T } = checkMaxwellian(params);
  if (kernel === constantKernel || kernel.name === "constant")
    return exact(4 * Math.PI * rho, "4πρ (constant kernel)");
  const a = Math.hypot(v[0] - u[0], v[1] - u[1], v[2] - u[2]) / Math.sqrt(T);
  if (kernel === hardSphere || kernel.name === "hard-sphere") {
    return exact(
      2 * Math.PI * rho * Math.sqrt(T) * meanDistanceStdNormal(a),
      "closed form 2πρ√T E|Z − a|",
    );
  }
  const m = meanDistancePowerStdNormal(a, kernel.gamma);
  const c = kernel.angularIntegral * rho * T ** (kernel.gamma / 2);
  return estimate(
    m.value * c,
    m.error * c,
    m.kind,
    `${kernel.angularIntegral}ρT^{γ/2}·${m.method}`,
  );
}
