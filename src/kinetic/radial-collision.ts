import { RuleError } from "../math/errors.ts";
import { gaussLegendre } from "../math/quadrature/gauss-legendre.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import { type PhaseSpaceFunction, velocityFunction } from "./phase-space.ts";

/**
 * Radial reductions of the collision operator for velocity profiles radial about a centre on the
 * z-axis (truncated Maxwellians and bumps): A[G] ({@link radialFrequency}) and Q⁺(F, G)
 * ({@link radialGain}) by the Carleman representation of collision.ts with the plane integral in
 * closed form, and Q^±(F, G) of one pair on two axial node sets ({@link computePair}), as used by
 * the Proposition 3.1 checks (claims/proposition-3-1.ts, which describes the node sets and errors).
 */

export type VelocityProfile =
  | { readonly kind: "maxwellian"; readonly c: number; readonly T: number }
  | { readonly kind: "bump"; readonly c: number; readonly r: number };

export interface ProfileFn {
  readonly p: VelocityProfile;
  readonly h: (rho: number) => number;
  readonly R: number;
  readonly phase: PhaseSpaceFunction;
  readonly label: string;
}

function bumpPhi(x: number): number {
  return x < 1 ? Math.exp(1 - 1 / (1 - x * x)) : 0;
}

export function profileFn(p: VelocityProfile): ProfileFn {
  if (!(p.c >= 0) || !Number.isFinite(p.c))
    throw new RuleError("a profile centre c must be finite and >= 0", `got ${p.c}`);
  let h: (rho: number) => number;
  let R: number;
  let label: string;
  if (p.kind === "maxwellian") {
    if (!(p.T > 0 && p.T < 0.5))
      throw new RuleError(
        "e^{⟨v⟩²}-weighted norms of a Maxwellian need 0 < T < 1/2",
        `got T=${p.T}`,
      );
    const beta = 1 / (2 * p.T) - 1;
    R = Math.max(10 * Math.sqrt(p.T), (p.c * 2 * p.T) / (1 - 2 * p.T) + Math.sqrt(40 / beta));
    const k = (2 * Math.PI * p.T) ** -1.5;
    const rr = R;
    h = (rho) => (rho <= rr ? k * Math.exp((-rho * rho) / (2 * p.T)) : 0);
    label = `M(c=${p.c.toPrecision(3)},T=${p.T.toPrecision(3)})`;
  } else {
    if (!(p.r > 0) || !Number.isFinite(p.r))
      throw new RuleError("a bump profile needs a radius r > 0", `got ${p.r}`);
    R = p.r;
    const r = p.r;
    h = (rho) => bumpPhi(rho / r);
    label = `bump(c=${p.c.toPrecision(3)},r=${p.r.toPrecision(3)})`;
  }
  const c = p.c;
  const phase = velocityFunction(label, (v) => h(Math.hypot(v[0], v[1], v[2] - c)), [
    { kind: "ball", center: [0, 0, c], radius: R },
  ]);
  return { p, h, R, phase, label };
}

/** Quadrature nodes (|v| = r, cos θ = μ, weight) for a ball centred at (0,0,hc), hc ≥ 0, radius R. */
export interface Nodes {
  readonly r: Float64Array;
  readonly mu: Float64Array;
  readonly w: Float64Array;
}

function axialNodes(hc: number, R: number, nr: number, nmu: number): Nodes {
  const r: number[] = [];
  const mu: number[] = [];
  const w: number[] = [];
  const gr = gaussLegendre(nr);
  if (hc === 0) {
    for (let i = 0; i < nr; i++) {
      const x = 0.5 * R * (1 + gr.nodes[i]);
      r.push(x);
      mu.push(0);
      w.push(0.5 * R * gr.weights[i] * 4 * Math.PI * x * x);
    }
    return { r: Float64Array.from(r), mu: Float64Array.from(mu), w: Float64Array.from(w) };
  }
  const gm = gaussLegendre(nmu);
  const lo = Math.max(0, hc - R);
  const hi = hc + R;
  const breaks = [lo, ...(R > hc ? [R - hc] : []), hi];
  for (let b = 0; b + 1 < breaks.length; b++) {
    const a0 = breaks[b];
    const a1 = breaks[b + 1];
    for (let i = 0; i < nr; i++) {
      const x = 0.5 * (a0 + a1) + 0.5 * (a1 - a0) * gr.nodes[i];
      const wr = 0.5 * (a1 - a0) * gr.weights[i] * 2 * Math.PI * x * x;
      const mlo = Math.max(-1, Math.min(1, (x * x + hc * hc - R * R) / (2 * x * hc)));
      for (let j = 0; j < nmu; j++) {
        r.push(x);
        mu.push(0.5 * (1 + mlo) + 0.5 * (1 - mlo) * gm.nodes[j]);
        w.push(wr * 0.5 * (1 - mlo) * gm.weights[j]);
      }
    }
  }
  return { r: Float64Array.from(r), mu: Float64Array.from(mu), w: Float64Array.from(w) };
}

/** Q^± of one velocity pair on two node sets: values and pointwise errors. */
export interface QLevel {
  readonly nodes: Nodes;
  readonly q: Float64Array;
  readonly err: Float64Array;
}
export interface PairData {
  readonly F: ProfileFn;
  readonly G: ProfileFn;
  readonly plus: readonly [QLevel, QLevel];
  readonly minus: readonly [QLevel, QLevel];
}

/**
 * Φ_F(d) = ∫_d^∞ h(s) s ds: 2π Φ_F(d) is the integral of F over a plane at distance d from its
 * centre. Truncated Maxwellian: kT(e^{−d²/2T} − e^{−R²/2T}) (d < R); bump: r²∫_{d/r}^1 φ(t) t dt
 * (Gauss–Legendre 24; the integrand is smooth).
 */
function planeFactor(F: ProfileFn): (d: number) => number {
  const p = F.p;
  if (p.kind === "maxwellian") {
    const k = (2 * Math.PI * p.T) ** -1.5 * p.T;
    const tail = Math.exp((-F.R * F.R) / (2 * p.T));
    return (d) => (d >= F.R ? 0 : k * (Math.exp((-d * d) / (2 * p.T)) - tail));
  }
  const { nodes, weights } = gaussLegendre(24);
  const r = p.r;
  return (d) => {
    const a = d / r;
    if (a >= 1) return 0;
    let s = 0;
    for (let i = 0; i < 24; i++) {
      const t = a + 0.5 * (1 - a) * (1 + nodes[i]);
      s += 0.5 * (1 - a) * weights[i] * bumpPhi(t) * t;
    }
    return r * r * s;
  };
}

/**
 * Q⁺(F,G)(v) for F radial about (0,0,c_F) and G radial about 0, by the Carleman representation of
 * collision.ts with the plane integral done in closed form: for hard spheres
 *   Q⁺(F,G)(v) = 2∫ dw |w|⁻¹ G(v + w) ∫_{w⊥} F(v + y) dA(y) = 4π ∫_{S²} dΩ(ŵ) Φ_F(|(v − c_F)·ŵ|) ∫_0^∞ q G(|v + qŵ|) dq
 * (the plane through v with normal ŵ lies at distance |(v − c_F)·ŵ| from F's centre). Directions ŵ
 * in spherical coordinates about a = v (cos θ restricted to the cone of rays that meet G's ball,
 * split at cos θ = 0 where |v·ŵ| has its kink in the centred case; azimuth by the trapezoid rule,
 * dropped when c_F = 0 since the integrand is then axially symmetric about v), q between the exact
 * entry and exit of G's ball; Gauss–Legendre with n nodes per dimension. Checked against
 * collision.ts gainTerm in the tests.
 */
export function radialGain(
  F: ProfileFn,
  G: ProfileFn,
  v: ArrayLike<number>,
  n: number,
  phiF = planeFactor(F),
): number {
  const cF = F.p.c;
  const ax = v[0];
  const ay = v[1];
  const az = v[2];
  const A = Math.hypot(ax, ay, az);
  const RG = G.R;
  // frame about a = v
  const e3 = A > 0 ? [ax / A, ay / A, az / A] : [0, 0, 1];
  const e1 = new Float64Array(3);
  const e2 = new Float64Array(3);
  orthonormalFrame(e1, e2, e3);
  const cLo = -1;
  const cHi = A > RG ? -Math.sqrt(Math.max(0, 1 - (RG * RG) / (A * A))) : 1;
  const pieces: [number, number][] =
    cHi > 0 && cF === 0
      ? [
          [cLo, 0],
          [0, cHi],
        ]
      : [[cLo, cHi]];
  const { nodes, weights } = gaussLegendre(n);
  const nPsi = cF === 0 ? 1 : 2 * n;
  let total = 0;
  const dx = ax;
  const dy = ay;
  const dz = az - cF;
  for (const [c0, c1] of pieces) {
    const hc = 0.5 * (c1 - c0);
    const mc = 0.5 * (c1 + c0);
    for (let i = 0; i < n; i++) {
      const c = mc + hc * nodes[i];
      const sn = Math.sqrt(Math.max(0, 1 - c * c));
      const b = A * c;
      const disc = RG * RG - A * A + b * b;
      if (disc <= 0) continue;
      const sq = Math.sqrt(disc);
      const q0 = Math.max(0, -b - sq);
      const q1 = -b + sq;
      if (q1 <= q0) continue;
      // inner q integral (depends on c only: G is centred at 0)
      let inner = 0;
      const hq = 0.5 * (q1 - q0);
      const mq = 0.5 * (q1 + q0);
      for (let k = 0; k < n; k++) {
        const q = mq + hq * nodes[k];
        inner += hq * weights[k] * q * G.h(Math.sqrt(Math.max(0, A * A + q * q + 2 * q * b)));
      }
      if (inner === 0) continue;
      let outer = 0;
      for (let j = 0; j < nPsi; j++) {
        const psi = (2 * Math.PI * (j + 0.5)) / nPsi;
        const cs = Math.cos(psi);
        const ss = Math.sin(psi);
        const wx = c * e3[0] + sn * (cs * e1[0] + ss * e2[0]);
        const wy = c * e3[1] + sn * (cs * e1[1] + ss * e2[1]);
        const wz = c * e3[2] + sn * (cs * e1[2] + ss * e2[2]);
        outer += phiF(Math.abs(dx * wx + dy * wy + dz * wz));
      }
      total += hc * weights[i] * ((2 * Math.PI) / nPsi) * outer * inner;
    }
  }
  return 4 * Math.PI * total;
}

/**
 * A[G](r) = 2π∫|u − v|G(|u|)du for G radial about 0, |v| = r: the spherical mean of |ρû − v| is
 * ((ρ + r)³ − |ρ − r|³)/(6ρr), so A = 8π²∫_0^R ρ² G(ρ)((ρ+r)³ − |ρ−r|³)/(6ρr) dρ (split at ρ = r).
 */
export function radialFrequency(G: ProfileFn, r: number, n: number): number {
  const R = G.R;
  const { nodes, weights } = gaussLegendre(n);
  const cuts = r > 0 && r < R ? [0, r, R] : [0, R];
  let s = 0;
  for (let p = 0; p + 1 < cuts.length; p++) {
    const h = 0.5 * (cuts[p + 1] - cuts[p]);
    const mm = 0.5 * (cuts[p + 1] + cuts[p]);
    for (let i = 0; i < n; i++) {
      const rho = mm + h * nodes[i];
      const mean = r > 0 ? ((rho + r) ** 3 - Math.abs(rho - r) ** 3) / (6 * rho * r) : rho;
      s += h * weights[i] * rho * rho * G.h(rho) * mean;
    }
  }
  return 8 * Math.PI * Math.PI * s;
}

/** Q⁺ at v with an error: orders n and 1.5n (difference). */
function gainEstimate(
  F: ProfileFn,
  G: ProfileFn,
  v: ArrayLike<number>,
  phiF: (d: number) => number,
): [number, number] {
  const a = radialGain(F, G, v, 24, phiF);
  const b = radialGain(F, G, v, 36, phiF);
  return [b, Math.abs(b - a)];
}

export function computePair(Fp: VelocityProfile, Gp: VelocityProfile): PairData {
  if (Gp.c !== 0)
    throw new RuleError("G must be centred at 0 (axial symmetry of Q±(F,G))", `got c=${Gp.c}`);
  const F = profileFn(Fp);
  const G = profileFn(Gp);
  const radial = Fp.c === 0;
  const levels: [number, number][] = radial
    ? [
        [24, 1],
        [36, 1],
      ]
    : [
        [16, 12],
        [24, 16],
      ];
  const zmin = Math.min(Fp.c - F.R, -G.R);
  const zmax = Math.max(Fp.c + F.R, G.R);
  const hHull = radial ? 0 : Math.max(0, 0.5 * (zmin + zmax));
  const RHull = radial
    ? Math.max(F.R, G.R)
    : Math.max(Math.abs(Fp.c - hHull) + F.R, Math.abs(hHull) + G.R);
  const phiF = planeFactor(F);
  const Acache = new Map<number, [number, number]>();
  const A = (r: number): [number, number] => {
    let a = Acache.get(r);
    if (!a) {
      const x = radialFrequency(G, r, 48);
      const y = radialFrequency(G, r, 72);
      a = [y, Math.abs(y - x)];
      Acache.set(r, a);
    }
    return a;
  };
  const v = new Float64Array(3);
  const at = (n: Nodes, plus: boolean): QLevel => {
    const q = new Float64Array(n.w.length);
    const err = new Float64Array(n.w.length);
    for (let i = 0; i < n.w.length; i++) {
      const s = Math.sqrt(Math.max(0, 1 - n.mu[i] * n.mu[i]));
      v[0] = n.r[i] * s;
      v[1] = 0;
      v[2] = n.r[i] * n.mu[i];
      if (plus) {
        const [val, e] = gainEstimate(F, G, v, phiF);
        q[i] = val;
        err[i] = e;
      } else {
        const f = F.h(Math.hypot(v[0], v[1], v[2] - Fp.c));
        if (f === 0) continue;
        const [a, e] = A(n.r[i]);
        q[i] = f * a;
        err[i] = f * e;
      }
    }
    return { nodes: n, q, err };
  };
  const minusNodes = levels.map(([nr, nm]) => axialNodes(Fp.c, F.R, nr, nm));
  const plusNodes = levels.map(([nr, nm]) => axialNodes(hHull, RHull, nr, nm));
  return {
    F,
    G,
    minus: [at(minusNodes[0], false), at(minusNodes[1], false)],
    plus: [at(plusNodes[0], true), at(plusNodes[1], true)],
  };
}
