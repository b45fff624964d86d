/**
 * The wave method's estimator of a transport coefficient (docs/particles.md, "Shear and heat
 * waves: the wave method"): Newton's resp. Fourier's law read off one Fourier mode as the ratio of
 * the window means of the flux's cosine coefficient and the gradient's sine amplitude,
 *
 *   μ(k) = −ρ P̄_c/(k Ū_s)   (U_s the momentum amplitude; = −P̄_c/(k ū_s) with the velocity amplitude),
 *   λ(k) = −Q̄_c/(k δT̄_s),
 *
 * bars the means over the output times in [t₁, t₂]. Local in x and t: unlike the decay rate of the
 * amplitude, it does not see a damping that acts on the sine and cosine components alike (the
 * acoustic transient of the heat wave's constant-pressure datum, the slab smearing of the
 * real-space runs at its v-independent part). One home for the one-mode solver (wave-mode.ts) and
 * the real-space runs (wave-decay-rate.ts, `particles --init shear-wave|heat-wave`).
 */
import { RuleError } from "../../math/errors.ts";

/**
 * −scale·F̄/(k Ā), F̄ and Ā the means of `flux` and `amplitude` over the times t₁ − 10⁻⁹ ≤ t ≤ t₂ + 10⁻⁹.
 * `scale` is ρ when the amplitude is the momentum amplitude U_s of a shear wave, 1 when it is the
 * velocity amplitude u_s = U_s/ρ or the temperature amplitude δT_s. Throws RuleError when no output
 * time falls in the window.
 */
export function fluxGradientRatio(
  t: readonly number[],
  amplitude: readonly number[],
  flux: readonly number[],
  k: number,
  t1: number,
  t2: number,
  scale = 1,
): number {
  let aBar = 0;
  let fBar = 0;
  let n = 0;
  for (let j = 0; j < t.length; j++) {
    if (t[j] < t1 - 1e-9 || t[j] > t2 + 1e-9) continue;
    aBar += amplitude[j];
    fBar += flux[j];
    n++;
  }
  if (n === 0) throw new RuleError("flux/gradient window holds no output time", `[${t1}, ${t2}]`);
  aBar /= n;
  fBar /= n;
  return (-scale * fBar) / (k * aBar);
}
