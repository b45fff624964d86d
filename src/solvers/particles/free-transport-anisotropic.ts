/**
 * A background that is NOT a solution, with its residual as a source: the free transport
 *   f_ref(t, x, v) = f₀(x − vt, v),   f₀ = c π^{3/2} e^{−|x|²} M_{0, diag(T)}(v)
 * of the anisotropic blob, for the CONSTANT kernel (B ≡ 1, σ = 4π). Per axis i, completing the
 * square in v with a_i(t) = t² + 1/(2T_i):
 *   f_ref(t, x, ·) = C Π_i √(π/a_i) e^{−x_i²/(2T_i a_i)} · N(m_i, θ_i)(v_i),
 *   m_i = t x_i/a_i,  θ_i = 1/(2a_i),  C = c π^{3/2} (2π)^{−3/2} (T₁T₂T₃)^{−1/2},
 * an anisotropic Gaussian in v, so Q(f_ref, f_ref) ≠ 0 unless T₁ = T₂ = T₃ and R = −Q(f_ref, f_ref).
 * Constant kernel: A[f_ref] = 4π n(t, x) (n the product above), the partner u ~ N(m, diag θ) exactly,
 * and the flight bound uses that √(π/a_i) and 1/a_i decrease in t:
 *   n ≤ C Π √(π/a_i(t)) · e^{−k d²},  k = min_i 1/(2T_i a_i(t+τ)),  d = distance of the segment from 0.
 * Source −R = Q(f_ref, f_ref) = Q⁺ − Q⁻: Q⁻ and Q⁺ each have mass rate 4π∫n² dx, with
 *   ∫ n² dx = C² Π_i (π/a_i) √(π T_i a_i)  (decreasing in t).
 * A proposal (rate 2·4π∫n²(t₀) per unit time, the bound on [t₀, t₁]) draws t uniform in [t₀, t₁],
 * keeps it with probability ∫n²(t)/∫n²(t₀), draws x ~ n², v, u ~ N(m, diag θ) independently, collides
 * them with the constant kernel, and returns ONE of the four points uniformly: (v', +), (u', +),
 * (v, −), (u, −). The density of the returned + points is then Q⁺ and of − points Q⁻.
 */
import { RuleError } from "../../math/errors.ts";
import type { Background, ResidualSource } from "./background.ts";
import { CONSTANT, collidePair, type ParticleKernel } from "./particle-kernel.ts";

const pair = new Float64Array(6);

/** The anisotropic free-transport background of this file (constant kernel), with its residual −R = Q(f_ref, f_ref) as a source of signed particles. */
export function freeTransportAnisotropic(
  kernel: ParticleKernel,
  c: number,
  T: readonly number[],
): Background {
  if (kernel.constantRate === 0)
    throw new RuleError(
      "the anisotropic free-transport background supports the constant kernel only",
    );
  if (!(c > 0) || !Number.isFinite(c)) throw new RuleError("background scale c must be > 0");
  if (T.length !== 3 || !T.every((q) => q > 0 && Number.isFinite(q)))
    throw new RuleError("axis temperatures must be three finite numbers > 0");
  const C = (c * Math.PI ** 1.5) / Math.sqrt((2 * Math.PI) ** 3 * T[0] * T[1] * T[2]);
  const a = (t: number, i: number) => t * t + 1 / (2 * T[i]);
  const density = (t: number, x: ArrayLike<number>): number => {
    let n = C;
    for (let i = 0; i < 3; i++) {
      const ai = a(t, i);
      n *= Math.sqrt(Math.PI / ai) * Math.exp(-(x[i] * x[i]) / (2 * T[i] * ai));
    }
    return n;
  };
  const squareIntegral = (t: number): number => {
    let s = C * C;
    for (let i = 0; i < 3; i++) {
      const ai = a(t, i);
      s *= (Math.PI / ai) * Math.sqrt(Math.PI * T[i] * ai);
    }
    return s;
  };
  const rate = kernel.constantRate;
  const source: ResidualSource = {
    bound: (t0) => 2 * rate * squareIntegral(t0),
    sample(t0, t1, rand, normal, out) {
      const t = t0 + (t1 - t0) * rand();
      if (rand() * squareIntegral(t0) >= squareIntegral(t)) return 0;
      out[0] = t;
      for (let i = 0; i < 3; i++) {
        const ai = a(t, i);
        const x = Math.sqrt((T[i] * ai) / 2) * normal();
        out[1 + i] = x;
        const m = (t * x) / ai;
        const s = Math.sqrt(1 / (2 * ai));
        pair[i] = m + s * normal();
        pair[3 + i] = m + s * normal();
      }
      const k = Math.floor(4 * rand());
      if (k >= 2) {
        for (let i = 0; i < 3; i++) out[4 + i] = pair[3 * (k - 2) + i];
        return -1;
      }
      collidePair(CONSTANT, rand, pair, 0, pair, 3);
      for (let i = 0; i < 3; i++) out[4 + i] = pair[3 * k + i];
      return 1;
    },
  };
  return {
    kernel,
    value(t, x, v) {
      let e = 0;
      for (let i = 0; i < 3; i++) e += (x[i] - v[i] * t) ** 2 + (v[i] * v[i]) / (2 * T[i]);
      return C * Math.exp(-e);
    },
    collisionFrequency: (t, x) => rate * density(t, x),
    frequencyBound(t, x, v, tau) {
      let pre = C;
      let k = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        pre *= Math.sqrt(Math.PI / a(t, i));
        k = Math.min(k, 1 / (2 * T[i] * a(t + tau, i)));
      }
      const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
      const xv = x[0] * v[0] + x[1] * v[1] + x[2] * v[2];
      const x2 = x[0] * x[0] + x[1] * x[1] + x[2] * x[2];
      const s = v2 > 0 ? Math.min(tau, Math.max(0, -xv / v2)) : 0;
      const d2 = Math.max(0, x2 + 2 * s * xv + s * s * v2);
      return rate * pre * Math.exp(-k * d2);
    },
    samplePartner(t, x, _v, _rand, normal, out) {
      for (let i = 0; i < 3; i++) {
        const ai = a(t, i);
        out[i] = (t * x[i]) / ai + Math.sqrt(1 / (2 * ai)) * normal();
      }
    },
    source,
  };
}
