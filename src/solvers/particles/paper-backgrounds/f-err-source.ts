/**
 * −F_err and −G_err as sources of signed particles, term by term (paper (4.1), (5.1), (5.2)).
 *
 * With ∂t f_b + v·∇f_b = 0 and ∂t f_r = −Q⁻(f_r, f_b) = −f_r A[f_b] ((2.1), (2.2)), F_err of (3.1)/(4.1) is
 *   −F_err = −v·∇_x f_r + Q⁺(f_a, f_a) − Q⁻(f_b, f_b) − Q⁻(f_b, f_r) − Q⁻(f_r, f_r)
 * (Q⁻(f_r, f_b) cancels against ∂t f_r), and for g_a ≡ f_r(0) ((5.2))
 *   −G_err = −v·∇_x g_a + Q⁺(g_a, g_a) − Q⁻(g_a, g_a).
 * Hard spheres: Q⁻(f, g) = f A[g], A[g] = 2π∫|u − v| g du; a pair (v ~ f, u ~ g) at rate 2π|u − v|
 * collides into (v', u') by {@link collidePair}, and the post-collisional velocities have densities
 * Q⁺(f, g), Q⁺(g, f), the pre-collisional ones Q⁻(f, g), Q⁻(g, f).
 *
 * Terms (each an exact rejection sampler from a uniform envelope on the supports, see
 * paper-envelope.ts for the constants; t uniform in [t0, t1]). Λ and ∇_xΛ are costly (per-tube
 * quadratures) and enter only through e^{−Λ} ∈ [e^{−Λ̄(t)}, 1] and |v·∇Λ| ≤ |v|·t·G, Λ̄(t) = t·sup A[f_b]
 * ≤ t·2π c_bM^{1−s}(u_max + 1/N) n‖I‖₁: a squeeze accepts below the lower end and rejects above the
 * upper end without them (exact; at M = 4 it avoids them in all but ≈ Λ̄ ≈ 1 % of the proposals):
 * - transport: x uniform in |x| < 1/(RM), v uniform in |v| < 1/N; the density
 *     −v·∇_x f_r = −c_r M^{3/2−s0}N^{3/2} φ(N|v|) e^{−Λ}[RM φ'(RM|x|)(v·x̂) − φ(RM|x|) v·∇_xΛ]
 *   against the envelope c_r M^{3/2−s0}N^{3/2} N^{−1}(RM max|φ'| + t₁ G), G ≥ |∇_x A[f_b]|
 *   (|∇K| ≤ max|φ'|√(M²+1)); ∇_xΛ = ∫₀ᵗ∇_x A[f_b] by 8-point Gauss–Legendre in τ of the
 *   construction's per-tube ∇A (g_a: Λ ≡ 0).
 * - Q(f_b, f_b): tubes k, l uniform, v ∈ C_k, u ∈ C_l uniform, x = y + vt with y uniform in the
 *   support cylinder of K_k; accepted with probability I_kK_k(x − vt)·I_lK_l(x − ut)|u − v|/(2u_max);
 *   proposal rate 2·n²|C|²|K|(c_bM^{1−s})²·2π·2u_max; one of (v', +), (u', +), (v, −), (u, −)
 *   uniformly: + points have density Q⁺(f_b,f_b), − points Q⁻(f_b,f_b).
 * - Q(f_b, f_r): k uniform, v ∈ C_k, x in the core ball, u in the core's velocity ball; accepted with
 *   probability I_kK_k(x − vt)·e^{−Λ(t,x,u)}φ(RM|x|)φ(N|u|)|u − v|/(u_max + 1/N) (Λ only computed
 *   when the cheap factors pass); one of (v', +), (u', +), (v, −): + points Q⁺(f_b,f_r) + Q⁺(f_r,f_b),
 *   − points Q⁻(f_b,f_r) (Q⁻(f_r,f_b) is not in F_err).
 * - Q(f_r, f_r): x, v, u in the core balls; accepted with probability
 *   φ(RM|x|)²φ(N|v|)φ(N|u|)e^{−Λ(x,v)−Λ(x,u)}|u − v|/(2/N); four points as for Q(f_b, f_b).
 */
import { beamCollisionFrequency } from "../../../construction/beam/beam-collision-frequency.ts";
import { coreExponent } from "../../../construction/core/core.ts";
import { gaussLegendre } from "../../../math/quadrature/gauss-legendre.ts";
import { collidePair, HARD_SPHERE } from "../particle-kernel.ts";
import {
  ballVolume,
  type PaperEnvelope,
  proposeBumpVelocity,
  proposeTubePoint,
  tubeTerm,
  uniformBall,
} from "./paper-envelope.ts";
import { type SourceTerm, type TermedSource, termedSource } from "./termed-source.ts";

/** How the core enters a source: f_r(t) with its exponent Λ, or the frozen g_a = f_r(0). */
interface CoreProfile {
  /** Λ(t, x, u) (0 for g_a). */
  exponent(t: number, x: ArrayLike<number>, u: ArrayLike<number>, uOff: number): number;
  /** v·∇_x Λ(t, x, v) (0 for g_a). */
  drift(t: number, x: ArrayLike<number>, v: ArrayLike<number>): number;
  /** A bound of |∇_x Λ(t)| on the core (nondecreasing in t). */
  gradientBound(t: number): number;
  /** A bound of Λ(t, x, u) on the core (nondecreasing in t): e^{−Λ} ≥ e^{−exponentBound(t)}. */
  exponentBound(t: number): number;
  /** Label of the core in term names: "fr" or "ga". */
  readonly name: string;
}

const uu = new Float64Array(3);
const grad = new Float64Array(3);

function coreProfile(env: PaperEnvelope, relTol: number): CoreProfile {
  const { beam } = env;
  const { M } = beam.params;
  // A[f_b](τ, x, u) = 2π c_bM^{1−s} Σ_k ∫|w − u| I_k(w)K_k(x − wτ) dw ≤ 2π c_bM^{1−s}(u_max + 1/N) n ‖I‖₁
  // (I_kK_k ≤ 1), and |∇K| ≤ max|φ'|√(M² + 1) for its gradient
  const maxA = 2 * Math.PI * beam.amplitude * (env.uMax + env.coreV) * env.n * env.bumpL1;
  const gradA = maxA * env.slope * Math.sqrt(M * M + 1);
  const { nodes, weights } = gaussLegendre(8);
  return {
    name: "fr",
    exponent(t, x, u, uOff) {
      if (t === 0) return 0;
      uu[0] = u[uOff];
      uu[1] = u[uOff + 1];
      uu[2] = u[uOff + 2];
      return coreExponent(beam, t, x, uu).value;
    },
    drift(t, x, v) {
      if (t === 0) return 0;
      let s = 0;
      for (let i = 0; i < nodes.length; i++) {
        const tau = 0.5 * t * (1 + nodes[i]);
        beamCollisionFrequency(beam, tau, x, v, { order: 1, relTol, gradient: grad });
        s += 0.5 * t * weights[i] * (v[0] * grad[0] + v[1] * grad[1] + v[2] * grad[2]);
      }
      return s;
    },
    gradientBound: (t) => t * gradA,
    exponentBound: (t) => t * maxA,
    // relTol is that of the drift's ∇A; the exponent uses coreExponent's own refinement
  };
}

const frozenCore: CoreProfile = {
  name: "ga",
  exponent: () => 0,
  drift: () => 0,
  gradientBound: () => 0,
  exponentBound: () => 0,
};

const pt = new Float64Array(3);
const pair = new Float64Array(6);
const pre = new Float64Array(6);

function writePoint(
  out: Float64Array,
  t: number,
  x: ArrayLike<number>,
  v: Float64Array,
  off: number,
) {
  out[0] = t;
  out[1] = x[0];
  out[2] = x[1];
  out[3] = x[2];
  out[4] = v[off];
  out[5] = v[off + 1];
  out[6] = v[off + 2];
}

/** The transport term −v·∇_x f_r (or −v·∇_x g_a). */
function transportTerm(env: PaperEnvelope, core: CoreProfile): SourceTerm {
  const RM = 1 / env.coreX;
  const phi = env.beam.cutoff.phi;
  const dphi = env.beam.cutoff.dphi;
  // c_r M^{3/2−s0}N^{3/2} · |core velocity ball|
  const ampV = Math.exp(env.logCoreAmplitude - 3 * env.beam.params.lnN) * (4 / 3) * Math.PI;
  const envelope = (t1: number) => env.coreV * (RM * env.slope + core.gradientBound(t1));
  const v = new Float64Array(3);
  return {
    name: `-v.grad(${core.name})`,
    labels: [`v.grad(${core.name})`],
    rate: (_t0, t1) => ampV * ballVolume(env.coreX) * envelope(t1),
    propose(t0, t1, rand, _normal, out) {
      const t = t0 + (t1 - t0) * rand();
      uniformBall(env.coreX, rand, pt);
      uniformBall(env.coreV, rand, v);
      const r = Math.hypot(pt[0], pt[1], pt[2]);
      const cv = phi(Math.hypot(v[0], v[1], v[2]) / env.coreV);
      const speed = Math.hypot(v[0], v[1], v[2]);
      const cx = phi(r * RM);
      const slope = RM * Math.abs(dphi(r * RM));
      const U = rand() * envelope(t1);
      // cheap bound first: |value|/amp ≤ φ(N|v|)|v|(RM|φ'| + φ G), e^{−Λ} ≤ 1
      if (U >= cv * speed * (slope + cx * core.gradientBound(t))) return 0;
      const vx = r > 0 ? (v[0] * pt[0] + v[1] * pt[1] + v[2] * pt[2]) / r : 0;
      // squeeze (exact): with a = RM φ'(RM|x|)(v·x̂), |v·∇Λ| ≤ |v|G(t) and e^{−Λ} ∈ [e^{−Λ̄(t)}, 1],
      // |value| ∈ [φ(N|v|)e^{−Λ̄}(|a| − φ|v|G), φ(N|v|)(|a| + φ|v|G)]; inside the lower end the sign
      // is that of −a and Λ, ∇Λ are not needed (they decide only a band of relative width ≈ Λ̄)
      const a = RM * dphi(r * RM) * vx;
      const spread = cx * speed * core.gradientBound(t);
      if (U >= cv * (Math.abs(a) + spread)) return 0;
      if (U < cv * Math.exp(-core.exponentBound(t)) * (Math.abs(a) - spread)) {
        writePoint(out, t, pt, v, 0);
        return a < 0 ? 1 : -1;
      }
      const lam = core.exponent(t, pt, v, 0);
      const drift = cx === 0 ? 0 : core.drift(t, pt, v);
      const value = -cv * Math.exp(-lam) * (a - cx * drift);
      if (U >= Math.abs(value)) return 0;
      writePoint(out, t, pt, v, 0);
      return value > 0 ? 1 : -1;
    },
  };
}

/** Q⁺(f_b, f_b) − Q⁻(f_b, f_b) by pair events. */
function beamBeamTerm(env: PaperEnvelope): SourceTerm {
  const n = env.n;
  const amp = env.beam.amplitude;
  const rate =
    2 * n * n * env.bumpCylinder ** 2 * env.tubeCylinder * amp * amp * 2 * Math.PI * 2 * env.uMax;
  return {
    name: "Q(fb,fb)",
    labels: ["Q+(fb,fb)", "Q-(fb,fb)"],
    rate: () => rate,
    propose(t0, t1, rand, _normal, out) {
      const t = t0 + (t1 - t0) * rand();
      const k = Math.floor(rand() * n);
      const l = Math.floor(rand() * n);
      proposeBumpVelocity(env, k, rand, pair, 0);
      proposeBumpVelocity(env, l, rand, pair, 3);
      proposeTubePoint(env, k, rand, pt);
      for (let d = 0; d < 3; d++) pt[d] += pair[d] * t;
      const g = Math.hypot(pair[3] - pair[0], pair[4] - pair[1], pair[5] - pair[2]);
      const U = rand() * 2 * env.uMax;
      const a = tubeTerm(env, k, t, pt, pair, 0);
      if (a === 0 || U >= a * g) return 0;
      if (U >= a * tubeTerm(env, l, t, pt, pair, 3) * g) return 0;
      return fourPoints(rand, t, out);
    },
  };
}

/** One of (v', +), (u', +), (v, −), (u, −) uniformly, from the pair in `pair`; label 1 = Q⁺, 2 = Q⁻. */
function fourPoints(rand: () => number, t: number, out: Float64Array): number {
  pre.set(pair);
  const which = Math.floor(4 * rand());
  if (which >= 2) {
    writePoint(out, t, pt, pre, 3 * (which - 2));
    return -2;
  }
  collidePair(HARD_SPHERE, rand, pair, 0, pair, 3);
  writePoint(out, t, pt, pair, 3 * which);
  return 1;
}

/** Q⁺(f_b, f_r) + Q⁺(f_r, f_b) − Q⁻(f_b, f_r) by pair events (v from f_b, u from f_r). */
function beamCoreTerm(env: PaperEnvelope, core: CoreProfile): SourceTerm {
  const n = env.n;
  const RM = 1 / env.coreX;
  const phi = env.beam.cutoff.phi;
  const ampV = Math.exp(env.logCoreAmplitude - 3 * env.beam.params.lnN) * (4 / 3) * Math.PI;
  const cap = env.uMax + env.coreV;
  const rate =
    3 *
    n *
    env.bumpCylinder *
    ballVolume(env.coreX) *
    ampV *
    env.beam.amplitude *
    2 *
    Math.PI *
    cap;
  const c = core.name;
  return {
    name: `Q(fb,${c})`,
    labels: [`Q+(fb,${c})+Q+(${c},fb)`, `Q-(fb,${c})`],
    rate: () => rate,
    propose(t0, t1, rand, _normal, out) {
      const t = t0 + (t1 - t0) * rand();
      const k = Math.floor(rand() * n);
      proposeBumpVelocity(env, k, rand, pair, 0);
      uniformBall(env.coreV, rand, pair, 3);
      uniformBall(env.coreX, rand, pt);
      const g = Math.hypot(pair[3] - pair[0], pair[4] - pair[1], pair[5] - pair[2]);
      const cheap =
        tubeTerm(env, k, t, pt, pair, 0) *
        phi(RM * Math.hypot(pt[0], pt[1], pt[2])) *
        phi(Math.hypot(pair[3], pair[4], pair[5]) / env.coreV) *
        g;
      const U = rand() * cap;
      if (U >= cheap) return 0;
      // squeeze (exact): e^{−Λ} ≥ e^{−Λ̄(t)}, so below that Λ is not needed
      if (
        U >= cheap * Math.exp(-core.exponentBound(t)) &&
        U >= cheap * Math.exp(-core.exponent(t, pt, pair, 3))
      )
        return 0;
      pre.set(pair);
      const which = Math.floor(3 * rand());
      if (which === 2) {
        writePoint(out, t, pt, pre, 0);
        return -2;
      }
      collidePair(HARD_SPHERE, rand, pair, 0, pair, 3);
      writePoint(out, t, pt, pair, 3 * which);
      return 1;
    },
  };
}

/** Q⁺(f_r, f_r) − Q⁻(f_r, f_r) by pair events. */
function coreCoreTerm(env: PaperEnvelope, core: CoreProfile): SourceTerm {
  const RM = 1 / env.coreX;
  const phi = env.beam.cutoff.phi;
  const ampV = Math.exp(env.logCoreAmplitude - 3 * env.beam.params.lnN) * (4 / 3) * Math.PI;
  const cap = 2 * env.coreV;
  const rate = 2 * ampV * ampV * ballVolume(env.coreX) * 2 * Math.PI * cap;
  const c = core.name;
  return {
    name: `Q(${c},${c})`,
    labels: [`Q+(${c},${c})`, `Q-(${c},${c})`],
    rate: () => rate,
    propose(t0, t1, rand, _normal, out) {
      const t = t0 + (t1 - t0) * rand();
      uniformBall(env.coreX, rand, pt);
      uniformBall(env.coreV, rand, pair, 0);
      uniformBall(env.coreV, rand, pair, 3);
      const g = Math.hypot(pair[3] - pair[0], pair[4] - pair[1], pair[5] - pair[2]);
      const cx = phi(RM * Math.hypot(pt[0], pt[1], pt[2]));
      const cheap =
        cx *
        cx *
        phi(Math.hypot(pair[0], pair[1], pair[2]) / env.coreV) *
        phi(Math.hypot(pair[3], pair[4], pair[5]) / env.coreV) *
        g;
      const U = rand() * cap;
      if (U >= cheap) return 0;
      // squeeze (exact), as in beamCoreTerm with both exponents
      if (U >= cheap * Math.exp(-2 * core.exponentBound(t))) {
        const lam = core.exponent(t, pt, pair, 0) + core.exponent(t, pt, pair, 3);
        if (U >= cheap * Math.exp(-lam)) return 0;
      }
      return fourPoints(rand, t, out);
    },
  };
}

/** Options of {@link fErrSource}. */
export interface ErrSourceOptions {
  /** Relative tolerance of the per-tube ∇A[f_b] in the transport term (default 1e-6). */
  readonly relTol?: number;
}

/**
 * −F_err of the construction as signed particles: the transport term −v·∇f_r and the pair terms
 * Q(f_b, f_b), Q(f_b, f_r), Q(f_r, f_r) (see the file comment).
 */
export function fErrSource(env: PaperEnvelope, options: ErrSourceOptions = {}): TermedSource {
  const core = coreProfile(env, options.relTol ?? 1e-6);
  return termedSource([
    transportTerm(env, core),
    beamBeamTerm(env),
    beamCoreTerm(env, core),
    coreCoreTerm(env, core),
  ]);
}

/** −G_err = −v·∇g_a + Q(g_a, g_a) with g_a ≡ f_r(0) ((5.2)) as signed particles. */
export function gErrSource(env: PaperEnvelope): TermedSource {
  return termedSource([transportTerm(env, frozenCore), coreCoreTerm(env, frozenCore)]);
}
