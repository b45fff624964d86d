import type { Beam } from "../../construction/beam.ts";
import { centreFrequency, coreLogAmplitude } from "../../construction/core.ts";
import { bumpMoments } from "../../construction/core-norm.ts";
import type { Cutoff } from "../../construction/cutoff.ts";
import { requireHardSphere, requirePaperConstants } from "../../construction/parameters.ts";
import { profileConstants } from "../../construction/profile-constants.ts";
import { estimate } from "../../math/estimate.ts";
import { gaussLegendre } from "../../math/gauss-legendre.ts";
import type {
  DuhamelWindow,
  ErrorTermMeasure,
  PaperBound,
  TermMeasurement,
  ZPart,
} from "./error-term.ts";
import { zPartPrefactor } from "./error-term.ts";

/**
 * The transport term v·∇x f_r of (4.1) in the four Z-norm parts (Lemma 4.3), measured, and the
 * reduction of the core f_r (2.5) shared with the bilinear terms of Lemma 4.4
 * (core-bilinear-terms.ts).
 *
 * Reduction of f_r. On its support (|y| ≤ 1/(100M), |u| ≤ 1/N)
 *   f_r(τ, y, u) = Amp · e^{−Λ(τ,y,u)} χ(100M y) χ(N u),   Amp = M^{3/2−s0} N^{3/2},
 * and Λ(τ,y,u) is replaced by Λ₀(τ) = Λ(τ,0,0) = ∫_0^τ A₀, A₀(τ) = A[f_b](τ,0,0) by the single-tube
 * identity ({@link centreFrequency}), interpolated in τ by Chebyshev series (32 and 64 Lobatto points;
 * the difference is the error). With the bounds of core-norm.ts (n = M(M+1)/2 tubes,
 * W = ∫|u|I, V = ∫I, d1 = ‖φ'‖∞, H = Hessian bound of φ(|·|)):
 *   |Λ − Λ₀| ≤ Δ(τ) = τ[G/(100M) + 2πM^{1−s} n V/N] + err(Λ₀),
 *   |∇yΛ| ≤ D(τ) = τ G,   G = 2πM^{1−s} n (W + V/N)(M H/100 + d1),
 *   |∇²yΛ| ≤ HΛ(τ) = τ · 2πM^{1−s} n (W + V/N) √3 (M²H + H + M d1²)   (Frobenius; ∇²K of one tube
 *   has operator norm ≤ M²H + H + M d1²),
 * so e^{−Λ} ∈ E(τ)[e^{−Δ}, e^{Δ}] with E = e^{−Λ₀}, and every derivative of e^{−Λ} differs from
 * that of E by explicit multiples of D, HΛ. These enter the error of every value below; they are
 * ≤ 0.6 % (as-written) and ≤ 0.006 % (as-in-proof) of the values for M ≤ 64.
 *
 * Transport term. With X = 100M x, V = N v the Duhamel integrand evaluated along the characteristic,
 * (v·∇x f_r)(τ, x − (t−τ)v, v), is Amp (100M/N) χ(V) e^{−Λ}[V·∇Φ(Y) − Φ(Y) V·∇Λ/(100M)],
 * Φ = φ(|·|), Y = X − s(τ)V, s(τ) = 100M(t−τ)/N ≤ ε = 100M T* / N. Main part
 *   Amp (100M/N) χ(V) (V·∇Φ(X)) ∫_{t0}^{t} E(τ) dτ,
 * and the shift Y − X (at most ε|V|) is bounded with the Lipschitz constants H (for ∇Φ) and T3 (for
 * ∇²Φ). The norms of the main part are separable radial integrals:
 *   L²:      ‖χ(V) V·∇Φ(X)‖ = (⅓ ∫χ²|V|² · ∫φ'(|X|)²)^{1/2}
 *   ∇ L²:    ‖χ(V) ∇²Φ(X)V‖ = (⅓ ∫χ²|V|² · ∫(φ''² + 2(φ'/r)²))^{1/2}
 *   L^∞_x:   sup_X |V·∇Φ(X)| = |V| max|φ'|   (attained with X̂ ∥ V at the maximizer of |φ'|)
 *   ∇ L^∞_x: sup_X |∇²Φ(X)V| = |V| max_r max(|φ''|, |φ'/r|)   (X̂ ∥ V or X̂ ⊥ V)
 * so the sups over x are exact (not sampled). The weight ⟨v⟩e^{⟨v⟩²} lies in [e, e(1 + 2N⁻²)] on
 * |v| ≤ 1/N. The Duhamel integral in τ is a Gauss–Legendre quadrature of E (16 and 32 nodes).
 */

// ─── the reduction of f_r, shared with core-bilinear-terms.ts ────────────────────────────────────

/** Λ₀(τ), E(τ) = e^{−Λ₀}, the reduction bounds Δ, D, HΛ, and window integrals, for one beam. */
export interface CoreDecay {
  readonly beam: Beam;
  readonly Tstar: number;
  /** Λ₀(τ) = ∫_0^τ A[f_b](σ, 0, 0) dσ for τ ∈ [0, T*]. */
  lambda0(tau: number): number;
  /** Absolute error bound of {@link lambda0} on [0, T*]. */
  readonly lambda0Error: number;
  /** Bound Δ(τ) ≥ |Λ(τ,y,u) − Λ₀(τ)| on the core (includes the error of Λ₀). */
  delta(tau: number): number;
  /** Bound D(τ) ≥ |∇yΛ(τ,y,u)| on the core. */
  gradBound(tau: number): number;
  /** Bound HΛ(τ) ≥ |∇²yΛ(τ,y,u)| (Frobenius) on the core. */
  hessBound(tau: number): number;
  /** ∫_{t0}^{t} g(τ, E(τ)) dτ by Gauss–Legendre (16 vs 32 nodes; error = difference). */
  integrate(
    t0: number,
    t: number,
    g: (tau: number, E: number) => number,
  ): { value: number; error: number };
}

const decayCache = new WeakMap<Beam, CoreDecay>();

/** The reduction of f_r for `beam` (cached per beam). */
export function coreDecay(beam: Beam): CoreDecay {
  requireHardSphere(beam.params, "the error table's transport term");
  requirePaperConstants(beam.params, "coreDecay");
  const hit = decayCache.get(beam);
  if (hit) return hit;
  const { M, s, lnN, Tstar: T } = beam.params;
  const a0Err = { max: 0 };
  const sampleA0 = (tau: number) => {
    const a = centreFrequency(beam, tau);
    a0Err.max = Math.max(a0Err.max, a.error);
    return a.value;
  };
  const fine = chebyshevAntiderivative(sampleA0, 64, T);
  const coarse = chebyshevAntiderivative(sampleA0, 32, T);
  let diff = 0;
  for (let i = 0; i <= 200; i++) {
    const tau = (T * i) / 200;
    diff = Math.max(diff, Math.abs(fine(tau) - coarse(tau)));
  }
  const lambda0Error = diff + a0Err.max * T + 1e-14;
  const { W, V } = bumpMoments(beam);
  const { dphiMax: d1, hessianMax: H } = profileConstants(beam.cutoff);
  const n = (M * (M + 1)) / 2;
  const invN = Math.exp(-lnN);
  const amp = 2 * Math.PI * M ** (1 - s) * n;
  const G = amp * (W + V * invN) * ((M * H) / 100 + d1);
  const deltaRate = G / (100 * M) + amp * V * invN;
  const hessRate = amp * (W + V * invN) * Math.sqrt(3) * (M * M * H + H + M * d1 * d1);
  const decay: CoreDecay = {
    beam,
    Tstar: T,
    lambda0: fine,
    lambda0Error,
    delta: (tau) => tau * deltaRate + lambda0Error,
    gradBound: (tau) => tau * G,
    hessBound: (tau) => tau * hessRate,
    integrate(t0, t, g) {
      const q = (nn: number) => {
        const { nodes, weights } = gaussLegendre(nn);
        let sum = 0;
        const h = 0.5 * (t - t0);
        for (let i = 0; i < nn; i++) {
          const tau = t0 + h * (1 + nodes[i]);
          sum += h * weights[i] * g(tau, Math.exp(-fine(tau)));
        }
        return sum;
      };
      const a = q(32);
      return { value: a, error: Math.abs(a - q(16)) + Math.abs(a) * 1e-15 };
    },
  };
  decayCache.set(beam, decay);
  return decay;
}

/**
 * τ ↦ ∫_0^τ f on [0, T]: f sampled at the n + 1 Chebyshev–Lobatto points, Chebyshev coefficients,
 * term-wise antiderivative, Clenshaw evaluation.
 */
function chebyshevAntiderivative(
  f: (tau: number) => number,
  n: number,
  T: number,
): (tau: number) => number {
  const vals = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) vals[j] = f(0.5 * T * (1 + Math.cos((Math.PI * j) / n)));
  const c = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    let sum = 0;
    for (let j = 0; j <= n; j++) {
      const w = j === 0 || j === n ? 0.5 : 1;
      sum += w * vals[j] * Math.cos((Math.PI * j * k) / n);
    }
    c[k] = (2 / n) * sum;
  }
  // f = Σ_{k=0}^{n} c_k T_k with the end coefficients halved
  c[0] *= 0.5;
  c[n] *= 0.5;
  // antiderivative in x ∈ [−1, 1]: C_k = (c_{k−1} − c_{k+1}) / (2k), then fix C_0 so that F(−1) = 0
  const C = new Float64Array(n + 2);
  for (let k = 1; k <= n + 1; k++) {
    const cm = c[k - 1] * (k - 1 === 0 ? 2 : 1);
    const cp = k + 1 <= n ? c[k + 1] : 0;
    C[k] = (cm - cp) / (2 * k);
  }
  // the recurrence uses 2c_0 for k = 1 (∫T_0 = T_1)
  let atMinus1 = 0;
  for (let k = 1; k <= n + 1; k++) atMinus1 += C[k] * (k % 2 === 0 ? 1 : -1);
  C[0] = -atMinus1;
  const scale = 0.5 * T;
  return (tau: number) => {
    const x = (2 * tau) / T - 1;
    // Clenshaw for Σ_k C_k T_k(x)
    let b1 = 0;
    let b2 = 0;
    for (let k = n + 1; k >= 1; k--) {
      const b0 = 2 * x * b1 - b2 + C[k];
      b2 = b1;
      b1 = b0;
    }
    return scale * (x * b1 - b2 + C[0]);
  };
}

// ─── radial constants of a cutoff ────────────────────────────────────────────────────────────────

/** 4π ∫_0^1 f(r) r² dr (the integral over R³ of a radial function on the unit ball), GL 100 vs 200. */
export function radialIntegral(f: (r: number) => number): { value: number; error: number } {
  const q = (n: number) => {
    const { nodes, weights } = gaussLegendre(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = 0.5 * (1 + nodes[i]);
      s += 0.5 * weights[i] * f(r) * r * r;
    }
    return 4 * Math.PI * s;
  };
  const a = q(200);
  return { value: a, error: Math.abs(a - q(100)) + Math.abs(a) * 1e-14 };
}

/** max_{r ∈ [0,1]} g(r) for a smooth g: grid of 20 001 points, then golden-section refinement. */
export function maximize1d(g: (r: number) => number): number {
  const n = 20_000;
  let best = 0;
  let bestV = g(0);
  for (let i = 1; i <= n; i++) {
    const v = g(i / n);
    if (v > bestV) {
      bestV = v;
      best = i / n;
    }
  }
  let a = Math.max(0, best - 1 / n);
  let b = Math.min(1, best + 1 / n);
  const gr = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const c = b - gr * (b - a);
    const d = a + gr * (b - a);
    if (g(c) > g(d)) b = d;
    else a = c;
  }
  return Math.max(bestV, g(0.5 * (a + b)));
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

const constCache = new Map<Cutoff, TransportConstants>();

export function transportConstants(cutoff: Cutoff): TransportConstants {
  const hit = constCache.get(cutoff);
  if (hit) return hit;
  const { phi, dphi, d2phi } = cutoff;
  const items = [
    radialIntegral((r) => phi(r) ** 2 * r * r),
    radialIntegral((r) => phi(r) ** 2 * r ** 4),
    radialIntegral((r) => phi(r) * r),
    radialIntegral((r) => phi(r) * r * r),
    radialIntegral((r) => phi(r) ** 2),
    radialIntegral((r) => dphi(r) ** 2),
    radialIntegral((r) => d2phi(r) ** 2 + 2 * (r > 0 ? (dphi(r) / r) ** 2 : d2phi(0) ** 2)),
  ];
  const relErr = Math.max(...items.map((x) => x.error / Math.abs(x.value)));
  const d1 = maximize1d((r) => Math.abs(dphi(r)));
  const H = maximize1d((r) =>
    Math.max(Math.abs(d2phi(r)), r > 1e-9 ? Math.abs(dphi(r) / r) : Math.abs(d2phi(0))),
  );
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
  const out: TransportConstants = {
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
  constCache.set(cutoff, out);
  return out;
}

/** Relative spread of the weight ⟨v⟩e^{⟨v⟩²} over |v| ≤ 1/N: it lies in [e, e(1 + w)]. */
export function coreWeightSpread(lnN: number): number {
  const q = Math.exp(-2 * lnN);
  return Math.expm1(0.5 * Math.log1p(q) + q);
}

// ─── the transport term ──────────────────────────────────────────────────────────────────────────

/** What the measure of one part needs from one window: main value and absolute error, in units of `unit`. */
interface Reduced {
  readonly main: number;
  readonly error: number;
}

/**
 * The transport quantity for one part and window, as (main, error) in units of
 * prefactor × e × Amp (100M/N) × (part scaling); see the module comment for each line.
 */
function transportReduced(
  beam: Beam,
  part: ZPart,
  w: DuhamelWindow,
): Reduced & { logUnit: number; IE: number } {
  const { M, s0, lnN } = beam.params;
  const dec = coreDecay(beam);
  const c = transportConstants(beam.cutoff);
  const lnM = Math.log(M);
  const ln100M = Math.log(100 * M);
  const eps = Math.exp(ln100M + Math.log(dec.Tstar) - lnN);
  const IE = dec.integrate(w.t0, w.t, (_t, E) => E);
  const IEd = dec.integrate(w.t0, w.t, (t, E) => E * Math.expm1(dec.delta(t)));
  const IED = dec.integrate(w.t0, w.t, (t, E) => E * Math.exp(dec.delta(t)) * dec.gradBound(t));
  const IEH = dec.integrate(w.t0, w.t, (t, E) => {
    const D = dec.gradBound(t);
    return E * Math.exp(dec.delta(t)) * (dec.hessBound(t) + D * D);
  });
  const inv = 1 / (100 * M);
  const volShift = Math.sqrt((4 / 3) * Math.PI * (1 + eps) ** 3);
  // log of e · Amp · 100M / N
  const logBase = 1 + coreLogAmplitude(beam) + ln100M - lnN;
  let main: number;
  let err: number;
  let logUnit: number;
  switch (part) {
    case "L2": {
      main = IE.value * Math.sqrt((c.chi2v2 * c.P1) / 3);
      err =
        IE.error * Math.sqrt((c.chi2v2 * c.P1) / 3) +
        IE.value * c.H * eps * Math.sqrt(c.chi2v4) * volShift +
        Math.sqrt(c.chi2v2) * (IEd.value * Math.sqrt(c.P1) + IED.value * inv * Math.sqrt(c.P0));
      logUnit = s0 * lnM + logBase - 1.5 * ln100M - 1.5 * lnN;
      break;
    }
    case "gradL2": {
      main = IE.value * Math.sqrt((c.chi2v2 * c.P2) / 3);
      err =
        IE.error * Math.sqrt((c.chi2v2 * c.P2) / 3) +
        IE.value * Math.sqrt(3) * c.T3 * eps * Math.sqrt(c.chi2v4) * volShift +
        Math.sqrt(c.chi2v2) *
          (IEd.value * Math.sqrt(c.P2) +
            2 * IED.value * inv * Math.sqrt(c.P1) +
            IEH.value * inv * inv * Math.sqrt(c.P0));
      logUnit = (s0 - 1) * lnM + logBase + ln100M - 1.5 * ln100M - 1.5 * lnN;
      break;
    }
    case "Linf": {
      main = IE.value * c.d1 * c.chiv1;
      err =
        IE.error * c.d1 * c.chiv1 +
        IE.value * c.H * eps * c.chiv2 +
        c.chiv1 * (IEd.value * c.d1 + IED.value * inv);
      logUnit = logBase - 3 * lnN;
      break;
    }
    case "gradLinf": {
      main = IE.value * c.H * c.chiv1;
      err =
        IE.error * c.H * c.chiv1 +
        IE.value * c.T3 * eps * c.chiv2 +
        c.chiv1 * (IEd.value * c.H + 2 * IED.value * c.d1 * inv + IEH.value * inv * inv);
      logUnit = -lnM + logBase + ln100M - 3 * lnN;
      break;
    }
  }
  const wRel = coreWeightSpread(lnN);
  const error = err + main * (wRel + 4 * c.relErr) + IEd.error + IED.error + IEH.error;
  return { main, error, logUnit, IE: IE.value };
}

/**
 * The paper's bound for v·∇x f_r in one part (Lemma 4.3). L² parts: (4.12) gives
 * ‖∇x(v·∇x f_r)‖ ≲ N⁻¹M^{2−s0}, times T* and the part's prefactor M^{s0−1}: T*·M·N⁻¹ = M^{s−p} ln ln M
 * (the L² part "analogously" from (2.41): M^{s0}·T*·N⁻¹M^{1−s0}, the same power); the lemma states
 * ≲ N^{−1/2} = M^{−p/2}. L^∞ parts: the chain before (4.15) gives ‖∇x(v·∇x f_r)‖ ≲ N^{−5/2}M^{7/2−s0},
 * times T* and the part's prefactor M⁻¹: M^{s+3/2−s0−5p/2} ln ln M (the L^∞ part "in a similar way":
 * T*·N^{−5/2}M^{5/2−s0}, the same power). (4.15) as printed, T*N^{−5/2}M^{7/2−s0}, drops the M⁻¹
 * (exponent s + 5/2 − s0 − 5p/2); the lemma states ≲ N⁻¹ = M^{−p}.
 */
export function transportPaperBound(part: ZPart, s: number, s0: number, p: number): PaperBound {
  if (part === "L2" || part === "gradL2") {
    return {
      exponent: s - p,
      logFactor: "lnlnM",
      text: `T*·M·N⁻¹ = M^{s−p} ln ln M (proof's chain with the part's prefactor); Lemma 4.3 states ≲ N^{−1/2} = M^{${(-p / 2).toString()}} (and M^{−δ})`,
      source:
        part === "gradL2"
          ? "Lemma 4.3, (4.12) and the display after it"
          : "Lemma 4.3, (4.12) 'analogously' with (2.41)",
    };
  }
  return {
    exponent: s + 1.5 - s0 - 2.5 * p,
    logFactor: "lnlnM",
    text: `T*·N^{−5/2}M^{5/2−s0} = M^{s+3/2−s0−5p/2} ln ln M (chain before (4.15) with the part's prefactor; (4.15) as printed drops the M⁻¹: M^{s+5/2−s0−5p/2}); Lemma 4.3 states ≲ N⁻¹ = M^{${-p}} (and M^{−δ})`,
    source: part === "gradLinf" ? "Lemma 4.3, (4.15)" : "Lemma 4.3, (4.15) 'in a similar way'",
  };
}

function transportMeasure(part: ZPart): ErrorTermMeasure {
  return {
    term: "v.grad(fr)",
    part,
    paper: (s, s0, p) => transportPaperBound(part, s, s0, p),
    measure(beam: Beam, window: DuhamelWindow): TermMeasurement {
      const r = transportReduced(beam, part, window);
      const unit = Math.exp(r.logUnit);
      const value = estimate(
        r.main * unit,
        r.error * unit,
        "derived",
        `reduction of f_r to Λ(τ,0,0) with explicit bounds (Δ, |∇Λ|, |∇²Λ|, shift ε = 100M T* / N); separable radial integrals; Duhamel τ-integral of e^{−Λ₀} by Gauss–Legendre 32 (vs 16)`,
      );
      return {
        value,
        window,
        where: {
          reduction: "f_r ≈ Amp e^{−Λ(τ,0,0)} χ(100Mx) χ(Nv)",
          integralOfDecay: r.IE,
          sup:
            part === "Linf" || part === "gradLinf"
              ? "exact: X̂ ∥ V at the maximizer of the profile factor"
              : undefined,
          prefactor: zPartPrefactor(part, beam.params.M, beam.params.s0),
        },
      };
    },
  };
}

/** v·∇x f_r in the four parts. */
export const TRANSPORT_MEASURES: readonly ErrorTermMeasure[] = (
  ["L2", "gradL2", "Linf", "gradLinf"] as const
).map(transportMeasure);
