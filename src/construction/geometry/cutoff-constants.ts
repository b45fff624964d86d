import { goldenSectionMax } from "../../math/quadrature/maximize.ts";
import { radialIntegralEstimate } from "../../math/quadrature/radial.ts";
import type { Cutoff } from "./cutoff.ts";

/**
 * The one home of every per-cutoff constant (issue 11): one cache, keyed by the cutoff object and a
 * name that carries the other parameters (`"tube-gradient-sup:8"`), and the definitions of the
 * constants of φ that several layers share — {@link profileConstants}, {@link transportConstants},
 * {@link transportLikeConstants}. Constants that belong to one kernel keep their definition beside
 * it and are cached here through {@link perCutoff}:
 *
 * | key | defined in |
 * |---|---|
 * | `profile` | this file |
 * | `transport` | this file |
 * | `transport-like` | this file (c₁ new; m₄, ‖φ'‖∞, H those of `transport`) |
 * | `line-bounds` | beam/characteristic-frequency-bound.ts (`lineConstants`) |
 * | `tube-gradient-sup:M` | geometry/tube-gradient-sup.ts (`tubeGradientSup`, one entry per M) |
 * | `line-integrals` | core/deflation-law.ts (`cutoffLineIntegrals`) |
 * | `window-primitive` | beam-beam/beam-gain-duhamel.ts (the tabulated ∫_0^r φ) |
 * | `line-kernel:plain`, `:grad`, `:abs` | beam-core/line-kernels.ts (`lineKernel`) |
 * | `line-gradient-sup` | beam-core/line-kernels.ts (`lineGradientSup`) |
 *
 * The cache is a WeakMap on the cutoff object: the named cutoffs are module singletons
 * (`cutoffByName`), so a worker thread that rebuilds a construction from its name hits the same
 * entries; a custom cutoff gets its own entries (two custom cutoffs with the same name no longer
 * share a line kernel or a tube-gradient sup, as they did when those two caches were keyed by name).
 */
const store = new WeakMap<Cutoff, Map<string, unknown>>();

/**
 * The constant `key` of `cutoff`, computed once by `make` and cached for the life of the cutoff.
 * `key` names the constant and any parameter it depends on beside the cutoff (`"name:M"`).
 */
export function perCutoff<T>(cutoff: Cutoff, key: string, make: () => T): T {
  let byKey = store.get(cutoff);
  if (!byKey) {
    byKey = new Map();
    store.set(cutoff, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = make();
  byKey.set(key, value);
  return value;
}

/**
 * Constants of a radial profile φ used by the error bounds of the reductions:
 * ‖φ'‖_∞ and H_φ = max(sup|φ''|, sup_{r>0}|φ'(r)/r|), the operator-norm bound of the Hessian of
 * z ↦ φ(|z|). Taken as the maximum over 20 001 equispaced r in [0, 1], times 1.01 — a sampled
 * sup of a fixed smooth function of one variable (for the bump and the plateau the maxima are
 * interior and the grid spacing is 5·10⁻⁵, so the 1 % margin exceeds the sampling error).
 */
export interface ProfileConstants {
  readonly dphiMax: number;
  readonly hessianMax: number;
}

/** {@link ProfileConstants} of `cutoff` (cached, key `profile`). */
export function profileConstants(cutoff: Cutoff): ProfileConstants {
  return perCutoff(cutoff, "profile", () => {
    let d1 = 0;
    let h = 0;
    const n = 20_000;
    for (let i = 0; i <= n; i++) {
      const r = i / n;
      const dp = cutoff.dphi(r);
      d1 = Math.max(d1, Math.abs(dp));
      h = Math.max(
        h,
        Math.abs(cutoff.d2phi(r)),
        r > 0 ? Math.abs(dp / r) : Math.abs(cutoff.d2phi(0)),
      );
    }
    return { dphiMax: 1.01 * d1, hessianMax: 1.01 * h };
  });
}

/** Constants of Φ = φ(|·|) used by the transport term (cached per cutoff). */
export interface TransportConstants {
  /** ∫ χ(V)² |V|² dV, ∫ χ(V)² |V|⁴ dV, ∫ χ(V)|V| dV, ∫ χ(V)|V|² dV. */
  readonly chi2v2: number;
  readonly chi2v4: number;
  readonly chiv1: number;
  readonly chiv2: number;
  /** ∫ Φ², ∫ |∇Φ|², ∫ |∇²Φ|²_F over R³. */
  readonly P0: number;
  readonly P1: number;
  readonly P2: number;
  /** max|φ'| and max_r max(|φ''|, |φ'/r|) (exact sups of Φ's gradient and Hessian). */
  readonly d1: number;
  readonly H: number;
  /** Bound of the third-derivative tensor of Φ (for the shift of ∇²Φ), from finite differences ×1.1. */
  readonly T3: number;
  /** Relative error of the radial quadratures. */
  readonly relErr: number;
}

/** {@link TransportConstants} of `cutoff` (cached, key `transport`). */
export function transportConstants(cutoff: Cutoff): TransportConstants {
  return perCutoff(cutoff, "transport", () => {
    const { phi, dphi, d2phi } = cutoff;
    const items = [
      radialIntegralEstimate((r) => phi(r) ** 2 * r * r),
      radialIntegralEstimate((r) => phi(r) ** 2 * r ** 4),
      radialIntegralEstimate((r) => phi(r) * r),
      radialIntegralEstimate((r) => phi(r) * r * r),
      radialIntegralEstimate((r) => phi(r) ** 2),
      radialIntegralEstimate((r) => dphi(r) ** 2),
      radialIntegralEstimate(
        (r) => d2phi(r) ** 2 + 2 * (r > 0 ? (dphi(r) / r) ** 2 : d2phi(0) ** 2),
      ),
    ];
    const relErr = Math.max(...items.map((x) => x.error / Math.abs(x.value)));
    const d1 = goldenSectionMax((r) => Math.abs(dphi(r)), 0, 1, {
      gridPoints: 20_000,
      iterations: 60,
      step: "recompute",
    }).value;
    const H = goldenSectionMax(
      (r) => Math.max(Math.abs(d2phi(r)), r > 1e-9 ? Math.abs(dphi(r) / r) : Math.abs(d2phi(0))),
      0,
      1,
      { gridPoints: 20_000, iterations: 60, step: "recompute" },
    ).value;
    // third derivatives: |φ'''| + 6|φ''/r − φ'/r²|, φ''' by central differences of φ''
    const h = 1e-5;
    let T3 = 0;
    for (let i = 1; i <= 20_000; i++) {
      const r = i / 20_000;
      const d3 =
        (d2phi(Math.min(1, r + h)) - d2phi(Math.max(0, r - h))) /
        (Math.min(1, r + h) - Math.max(0, r - h));
      const mixed = r > 1e-3 ? Math.abs(d2phi(r) / r - dphi(r) / (r * r)) : Math.abs(d3);
      T3 = Math.max(T3, Math.abs(d3) + 6 * mixed);
    }
    return {
      chi2v2: items[0].value,
      chi2v4: items[1].value,
      chiv1: items[2].value,
      chiv2: items[3].value,
      P0: items[4].value,
      P1: items[5].value,
      P2: items[6].value,
      d1,
      H,
      T3: 1.1 * T3,
      relErr,
    };
  });
}

/** The constants c₁ = ∫χ, m₄ = ∫χ|X|², ‖φ'‖∞ and sup max(|φ''|, |φ'/r|) of the core–beam terms. */
export interface LikeConstants {
  c1: number;
  m4: number;
  d1: number;
  H: number;
}

/**
 * {@link LikeConstants} of `cutoff` (cached, key `transport-like`). m₄, ‖φ'‖∞ and H are the
 * transport constants `chiv2`, `d1` and `H` (the same integrand and the same maximizer calls, so
 * the same bits); only c₁ is computed here.
 */
export function transportLikeConstants(cutoff: Cutoff): LikeConstants {
  return perCutoff(cutoff, "transport-like", () => {
    const t = transportConstants(cutoff);
    return {
      c1: radialIntegralEstimate((r) => cutoff.phi(r)).value,
      m4: t.chiv2,
      d1: t.d1,
      H: t.H,
    };
  });
}
