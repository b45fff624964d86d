/**
 * Deviational (signed-weight, δf) Monte Carlo around a global Maxwellian M: f = M + f_δ with
 *   ∂t f_δ + v·∇x f_δ = L f_δ + Q(f_δ, f_δ),   L h = Q(M, h) + Q(h, M)
 * (Q(M, M) = 0 and M is transported unchanged). Every particle carries a weight ±ε (one quantum).
 * Schemes: the linear part as in Wagner's deviational particle Monte Carlo (W. Wagner, Monte Carlo
 * Methods Appl. 14 (2008) 191–268) and LVDSMC (Homolle & Hadjiconstantinou, J. Comput. Phys. 226
 * (2007) 2341–2358), the quadratic part and cancellation as in Baker & Hadjiconstantinou (Phys.
 * Fluids 17 (2005) 051703), here in boltzlab's normalization and with exact event clocks:
 *
 * 1. Linear events (no splitting error in time). Writing L h = Q⁺(M,h) + Q⁺(h,M) − h A[M] − M A[h],
 *    a particle (x, v, w) undergoes events at rate ν(v) = A[M](v) (exponential clocks, thinned
 *    against the bound ν̄(v) of {@link rateBound}, exact because v is constant along a free flight);
 *    at an event at time τ a partner u ∝ M(u)σ(|u−v|) and a direction give (v', u'), and the particle
 *    is replaced by (v', w), (u', w), (u, −w) at its current position. Each event conserves signed
 *    mass w, momentum w v and energy ½w|v|² exactly (v' + u' − u = v, |v'|² + |u'|² − |u|² = |v|²).
 *    Children run their own clocks from τ to the end of the step.
 * 2. Quadratic term Q(f_δ, f_δ): SIMULATED by signed pairs in the collision cells of the domain:
 *    a pair {i, j} collides at rate ε σ(g_ij)/V (NTC with the exact per-cell majorant of
 *    {@link dsmcStep}); the event adds s ε(δ_{v_i'} + δ_{v_j'} − δ_{v_i} − δ_{v_j}),
 *    s = sign(w_i)sign(w_j), realized by moving, removing or duplicating particles (this has mean
 *    w_i w_j σ/V per pair, i.e. Q(f_δ, f_δ); it conserves exactly). It is split from step 1 by
 *    first-order splitting (error O(Δt)); `quadratic: "omit"` drops it (the linearized equation),
 *    and {@link DeviationalState.quadraticEvents} measures its size.
 * 3. Cancellation (particle-number control; without it the number of particles grows like e^{2ν̄t}).
 *    In each (collision cell × velocity cube of side δv), pairs of opposite sign are deleted. This
 *    changes momentum and energy by O(ε δv) per pair; both are restored EXACTLY afterwards: the
 *    same-sign survivors of the cube (k ≥ 2 of them) get v ← m + Δm + a(v − m) with Δm and a
 *    chosen to give back the cube's lost momentum and energy; a cube with fewer than 2 survivors (or
 *    where a² ∉ (1/4, 4)) carries its deficit to the next cube, and what is left at the end goes to
 *    all particles of the more numerous sign ({@link DeviationalState.unrestored} reports any
 *    remainder; 0 in every run so far). Its bias is a smoothing of f_δ on the scale
 *    δv (measured in the tests by the agreement with exact solutions); the carry moves O(ε δv)
 *    momentum and energy between neighbouring cubes — with `restoration: "cell"` never out of the
 *    collision cell (a real-space wave needs it: {@link DeviationalOptions.restoration}). In key
 *    order the "next" cube is often far away in velocity (a row's end): most cubes cannot take
 *    their own deficit (after pairing one sign survives, often < 2 particles), and a carry travels
 *    ≈ 3–6 cube sides on average (docs/particles.md, "the cancellation's restoration").
 *    `cancellationMoments: "covariance"` restores all second moments Σ w v vᵀ of each cube's
 *    deleted pairs (an affine map of k ≥ 4 survivors) and `cancellationCarry: "neighbours"` gives
 *    a deficit only to the 3³ (then 5³) neighbouring cubes; together they remove the O(δv²) bias of
 *    the wave method's transport coefficients (measured there).
 */
import { RuleError } from "../../math/errors.ts";
import { type Normal, normalSampler } from "../../math/sampling/normal-sampler.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import type { Background } from "./background.ts";
import { type CellIndex, makeCellIndex, sortIntoCells } from "./cell-index.ts";
import { cellVolume, checkDomain, type Domain, wrap } from "./domain.ts";
import { type GlobalMaxwellian, proposePartner, rateBound } from "./global-maxwellian.ts";
import { cellMajorant, collidePair } from "./particle-kernel.ts";
import { type ParticleSet, pushParticle, reserve } from "./particle-set.ts";

export interface DeviationalOptions {
  /**
   * The background: a global Maxwellian (fast path, R ≡ 0, no x-dependence) or any
   * {@link Background} (clocks thinned against its bound along each flight, its residual source
   * injected as signed particles). A general background lives in absolute coordinates: use it in
   * the free domain.
   */
  readonly background: GlobalMaxwellian | Background;
  readonly domain: Domain;
  readonly dt: number;
  /** Weight quantum ε > 0 (every particle has w = ±ε). */
  readonly epsilon: number;
  /** Side δv of the velocity cubes for cancellation. */
  readonly cancellationBin: number;
  /** Simulate Q(f_δ, f_δ) ("simulate", default) or drop it ("omit": the linearized equation). */
  readonly quadratic?: "simulate" | "omit";
  /**
   * Where a cancellation deficit that no velocity cube could take goes. "global" (default, the
   * published runs): it is carried to the next cube in key order — across collision cells — and
   * what is left at the end to every particle of the more numerous sign. "cell": the carry stops
   * at the end of each collision cell and is given to that cell's particles of its more numerous
   * sign (momentum and energy stay in the cell; only if that fails does it move on), as a
   * real-space run needs: a deficit carried across cells moves momentum a distance of many cells
   * and damps a wave (docs/particles.md, the real-space deviational shear wave). With one cell
   * (homogeneous domain) the two are the same.
   */
  readonly restoration?: "global" | "cell";
  /**
   * Which moments of each velocity cube's deleted pairs the cancellation gives back to the cube.
   * "energy" (default, the published runs): count, momentum and energy (5 moments) by the
   * isotropic map v ← m + Δm + a(v − m) of the cube's survivors (k ≥ 2). "covariance": count,
   * momentum and the full second-moment tensor Σ w v vᵀ (10 moments; energy is its half trace) by
   * the affine map v ← m′ + A(v − m), A = L′L⁻¹ with S = LLᵀ the survivors' scatter matrix and
   * S′ = L′L′ᵀ the target one (Cholesky; k ≥ 4, S′ positive definite, A within (½, 2) on the
   * diagonal and |A_ij| < 1 off it). For a smooth test function ψ the pairs' net effect is then
   * the Taylor remainder beyond degree 2 (docs/particles.md, "the cancellation's restoration").
   */
  readonly cancellationMoments?: "energy" | "covariance";
  /**
   * Where a cube's deficit goes when its own survivors cannot take it. "key-order" (default, the
   * published runs): carried to the next cube in key order (in the homogeneous domain the next
   * cube along v_z, but across a row's end a cube far away in velocity). "neighbours": to the
   * survivors of the majority sign among the cube's 3³ neighbours (then 5³), so a deficit moves at
   * most 2δv per axis in velocity; only if that fails too does it join the "key-order" carry.
   */
  readonly cancellationCarry?: "key-order" | "neighbours";
}

/**
 * Counters of the cancellation's restoration (summed over the calls of {@link cancel}): how many
 * cubes had a deficit, where it was given back, and how far in velocity a carried deficit
 * travelled (in cube sides, Euclidean distance between cube indices).
 */
export interface CancellationStats {
  /** Cubes that deleted pairs (a deficit to restore). */
  deficitCubes: number;
  /** Deficits restored by the cube's own survivors. */
  inCube: number;
  /** Deficits restored in the 3³ neighbourhood (`cancellationCarry: "neighbours"`). */
  inNeighbours: number;
  /** Deficits restored in the 5³ neighbourhood (the 3³ one could not take them). */
  inNeighbours2: number;
  /** Of the neighbourhood restorations, those with energy only (no neighbourhood took the covariance). */
  energyOnlyFallback: number;
  /** Deficits that joined the key-order carry (could not be restored where they arose). */
  carried: number;
  /** Key-order carries absorbed by a later cube. */
  absorbed: number;
  /** Summed distance (cube sides) from the first cube of each absorbed carry to the cube that took it. */
  distanceSum: number;
  /** Absorbed carries that went beyond a neighbouring cube (Chebyshev distance > 1). */
  beyondNeighbour: number;
  /** Absorbed carries that went beyond 3 cubes (Chebyshev distance > 3). */
  beyondThree: number;
  /** Largest distance travelled by an absorbed carry. */
  maxDistance: number;
  /** Carries that reached the end of the pass (taken by the cell's or all particles). */
  toEnd: number;
}

/** A zeroed {@link CancellationStats}. */
export function emptyCancellationStats(): CancellationStats {
  return {
    deficitCubes: 0,
    inCube: 0,
    inNeighbours: 0,
    inNeighbours2: 0,
    energyOnlyFallback: 0,
    carried: 0,
    absorbed: 0,
    distanceSum: 0,
    beyondNeighbour: 0,
    beyondThree: 0,
    maxDistance: 0,
    toEnd: 0,
  };
}

export interface DeviationalState {
  readonly particles: ParticleSet;
  readonly options: DeviationalOptions;
  readonly rand: Uniform;
  readonly normal: Normal;
  readonly cells: CellIndex;
  t: number;
  linearEvents: number;
  linearProposals: number;
  quadraticEvents: number;
  /** Signed particles injected by the background's residual source −R (general backgrounds). */
  sourceParticles: number;
  cancelledPairs: number;
  /** Momentum/energy deficit still carried after the last cancellation (0 when fully restored). */
  unrestored: number;
  rem: Float64Array;
  key: Float64Array;
  ord: Int32Array;
  /** Scratch: the particles that take a cell's leftover deficit (`restoration: "cell"`). */
  pick: Int32Array;
  /** Where the cancellation's deficits went ({@link CancellationStats}). */
  cancellation: CancellationStats;
}

export function makeDeviational(
  particles: ParticleSet,
  options: DeviationalOptions,
  rand: Uniform,
): DeviationalState {
  checkDomain(options.domain);
  if (!(options.dt > 0) || !Number.isFinite(options.dt))
    throw new RuleError("dt must be a finite number > 0", `got ${options.dt}`);
  if (!(options.epsilon > 0)) throw new RuleError("weight quantum epsilon must be > 0");
  if (!(options.cancellationBin > 0))
    throw new RuleError("cancellation bin width must be > 0", `got ${options.cancellationBin}`);
  const cm = options.cancellationMoments ?? "energy";
  if (cm !== "energy" && cm !== "covariance")
    throw new RuleError("cancellation moments must be energy or covariance", `got ${cm}`);
  const cc = options.cancellationCarry ?? "key-order";
  if (cc !== "key-order" && cc !== "neighbours")
    throw new RuleError("cancellation carry must be key-order or neighbours", `got ${cc}`);
  for (let i = 0; i < particles.count; i++) {
    if (Math.abs(particles.w[i]) !== options.epsilon)
      throw new RuleError("deviational particles must carry weights ±epsilon");
  }
  return {
    particles,
    options,
    rand,
    normal: normalSampler(rand),
    cells: makeCellIndex(),
    t: 0,
    linearEvents: 0,
    linearProposals: 0,
    quadraticEvents: 0,
    sourceParticles: 0,
    cancelledPairs: 0,
    unrestored: 0,
    rem: new Float64Array(particles.w.length),
    key: new Float64Array(particles.w.length),
    ord: new Int32Array(particles.w.length),
    pick: new Int32Array(16),
    cancellation: emptyCancellationStats(),
  };
}

const partner = new Float64Array(3);
const pre = new Float64Array(6);

function flight(p: ParticleSet, i: number, tau: number, d: Domain): void {
  if (d.kind === "homogeneous") return;
  for (let a = 0; a < 3; a++) {
    let y = p.x[3 * i + a] + p.v[3 * i + a] * tau;
    if (d.kind === "periodic" && (y < 0 || y >= d.L)) y = wrap(y, d.L);
    p.x[3 * i + a] = y;
  }
}

function isGeneral(b: GlobalMaxwellian | Background): b is Background {
  return "frequencyBound" in b;
}

/** Step 1: the linear events with exact clocks, free flight in between, over a time h. */
export function linearPhase(s: DeviationalState, h: number): void {
  const b0 = s.options.background;
  if (isGeneral(b0)) {
    generalLinearPhase(s, b0, h);
    return;
  }
  const p = s.particles;
  const { domain } = s.options;
  const b = b0;
  const { rand, normal } = s;
  if (s.rem.length < p.w.length) s.rem = new Float64Array(p.w.length);
  s.rem.fill(h, 0, p.count);
  for (let i = 0; i < p.count; i++) {
    let left = s.rem[i];
    for (;;) {
      const v0 = p.v[3 * i];
      const v1 = p.v[3 * i + 1];
      const v2 = p.v[3 * i + 2];
      const nu = rateBound(b, Math.sqrt(v0 * v0 + v1 * v1 + v2 * v2));
      const tau = -Math.log(1 - rand()) / nu;
      if (tau >= left) {
        flight(p, i, left, domain);
        break;
      }
      flight(p, i, tau, domain);
      left -= tau;
      s.linearProposals++;
      if (!proposePartner(b, v0, v1, v2, rand, normal, partner)) continue;
      s.linearEvents++;
      const w = p.w[i];
      const u0 = partner[0];
      const u1 = partner[1];
      const u2 = partner[2];
      reserve(p, 2);
      if (s.rem.length < p.w.length) {
        const r = new Float64Array(p.w.length);
        r.set(s.rem);
        s.rem = r;
      }
      // (u, −w) first, then (u', w) from the collision of (v, u)
      const xi0 = p.x[3 * i];
      const xi1 = p.x[3 * i + 1];
      const xi2 = p.x[3 * i + 2];
      s.rem[p.count] = left;
      pushParticle(p, xi0, xi1, xi2, u0, u1, u2, -w);
      s.rem[p.count] = left;
      pushParticle(p, xi0, xi1, xi2, u0, u1, u2, w);
      collidePair(b.kernel, rand, p.v, 3 * i, p.v, 3 * (p.count - 1));
    }
  }
}

const xs = new Float64Array(3);
const vs = new Float64Array(3);
const ev = new Float64Array(7);

function growRem(s: DeviationalState): void {
  if (s.rem.length < s.particles.w.length) {
    const r = new Float64Array(s.particles.w.length);
    r.set(s.rem);
    s.rem = r;
  }
}

/**
 * Step 1 for a general background over [t, t + h]: first the residual source −R is injected as ±ε
 * particles at its event times (a Poisson number of proposals at the source's bound, thinned by
 * `sample`), then every particle (old and injected) runs exponential clocks from its own start time
 * to t + h, with the bound of A[f_ref] recomputed for the rest of the flight after each proposal
 * (a predictable piecewise-constant majorant: exact thinning), accepted with probability A/bound,
 * and the partner u ∝ f_ref(τ, x, u)σ(|u − v|) drawn from the background.
 */
function generalLinearPhase(s: DeviationalState, b: Background, h: number): void {
  const p = s.particles;
  const { domain, epsilon: eps } = s.options;
  const { rand, normal } = s;
  growRem(s);
  s.rem.fill(h, 0, p.count);
  const t1 = s.t + h;
  if (b.source !== undefined) {
    const mu = (b.source.bound(s.t, t1) * h) / eps;
    // Poisson(μ) proposals by unit-rate exponential gaps on [0, μ]
    let acc = -Math.log(1 - rand());
    while (acc < mu) {
      acc -= Math.log(1 - rand());
      const sign = b.source.sample(s.t, t1, rand, normal, ev);
      if (sign === 0) continue;
      reserve(p, 1);
      growRem(s);
      s.rem[p.count] = t1 - ev[0];
      pushParticle(p, ev[1], ev[2], ev[3], ev[4], ev[5], ev[6], sign * eps);
      s.sourceParticles++;
    }
  }
  for (let i = 0; i < p.count; i++) {
    let left = s.rem[i];
    for (;;) {
      for (let d = 0; d < 3; d++) {
        xs[d] = p.x[3 * i + d];
        vs[d] = p.v[3 * i + d];
      }
      const now = t1 - left;
      const bound = b.frequencyBound(now, xs, vs, left);
      const tau = bound > 0 ? -Math.log(1 - rand()) / bound : Number.POSITIVE_INFINITY;
      if (tau >= left) {
        flight(p, i, left, domain);
        break;
      }
      flight(p, i, tau, domain);
      left -= tau;
      s.linearProposals++;
      for (let d = 0; d < 3; d++) xs[d] = p.x[3 * i + d];
      const at = t1 - left;
      if (rand() * bound >= b.collisionFrequency(at, xs, vs)) continue;
      s.linearEvents++;
      b.samplePartner(at, xs, vs, rand, normal, partner);
      const w = p.w[i];
      reserve(p, 2);
      growRem(s);
      s.rem[p.count] = left;
      pushParticle(p, xs[0], xs[1], xs[2], partner[0], partner[1], partner[2], -w);
      s.rem[p.count] = left;
      pushParticle(p, xs[0], xs[1], xs[2], partner[0], partner[1], partner[2], w);
      collidePair(b.kernel, rand, p.v, 3 * i, p.v, 3 * (p.count - 1));
    }
  }
}

/** Step 2: Q(f_δ, f_δ) by signed pairs in cells over a time h. */
export function quadraticPhase(s: DeviationalState, h: number): void {
  const p = s.particles;
  const { domain, epsilon: eps, background: b } = s.options;
  const k = b.kernel;
  const rand = s.rand;
  sortIntoCells(s.cells, p, domain);
  const factor = (0.5 * eps * h) / cellVolume(domain);
  const { start, order, cellCount } = s.cells;
  for (let c = 0; c < cellCount; c++) {
    const a = start[c];
    const n = start[c + 1] - a;
    if (n < 2) continue;
    const sigmaMax = cellMajorant(k, p.v, order, a, n);
    if (sigmaMax === 0) continue;
    const mean = factor * n * (n - 1) * sigmaMax;
    let cand = Math.floor(mean);
    if (rand() < mean - cand) cand++;
    for (let q = 0; q < cand; q++) {
      const ri = Math.floor(rand() * n);
      let rj = Math.floor(rand() * (n - 1));
      if (rj >= ri) rj++;
      const i = order[a + ri];
      const j = order[a + rj];
      const wi = p.w[i];
      const wj = p.w[j];
      if (wi === 0 || wj === 0) continue; // removed earlier in this step
      if (k.constantRate === 0) {
        const g = Math.sqrt(
          (p.v[3 * i] - p.v[3 * j]) ** 2 +
            (p.v[3 * i + 1] - p.v[3 * j + 1]) ** 2 +
            (p.v[3 * i + 2] - p.v[3 * j + 2]) ** 2,
        );
        if (rand() * sigmaMax >= k.totalRate(g)) continue;
      }
      s.quadraticEvents++;
      for (let d = 0; d < 3; d++) {
        pre[d] = p.v[3 * i + d];
        pre[3 + d] = p.v[3 * j + d];
      }
      reserve(p, 4);
      if (wi > 0 && wj > 0) {
        collidePair(k, rand, p.v, 3 * i, p.v, 3 * j); // s = +: an ordinary collision
        continue;
      }
      // post-collisional velocities into two new slots
      const sgn = Math.sign(wi) * Math.sign(wj);
      const xi = 3 * i;
      pushParticle(p, p.x[xi], p.x[xi + 1], p.x[xi + 2], pre[0], pre[1], pre[2], sgn * eps);
      pushParticle(p, p.x[xi], p.x[xi + 1], p.x[xi + 2], pre[3], pre[4], pre[5], sgn * eps);
      collidePair(k, rand, p.v, 3 * (p.count - 2), p.v, 3 * (p.count - 1));
      // −s ε at v_i: cancels i when w_i = s ε (i.e. w_j > 0), else duplicates i; same for j
      for (const [m, wm, other] of [
        [i, wi, wj],
        [j, wj, wi],
      ] as const) {
        if (other > 0) p.w[m] = 0;
        else {
          const o = 3 * m;
          pushParticle(p, p.x[o], p.x[o + 1], p.x[o + 2], p.v[o], p.v[o + 1], p.v[o + 2], wm);
        }
      }
    }
  }
  compact(p);
}

/** Remove particles with w = 0 (order not preserved). */
function compact(p: ParticleSet): void {
  let j = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.w[i] === 0) continue;
    if (j !== i) {
      for (let a = 0; a < 3; a++) {
        p.x[3 * j + a] = p.x[3 * i + a];
        p.v[3 * j + a] = p.v[3 * i + a];
      }
      p.w[j] = p.w[i];
    }
    j++;
  }
  p.count = j;
}

/** Cube indices (a, b, e) of a cancellation key (the collision cell dropped). */
function cubeDistance(k1: number, k2: number): [number, number] {
  let sq = 0;
  let cheb = 0;
  for (let d = 0, x = k1, y = k2; d < 3; d++) {
    const dd = Math.abs((x % 1024) - (y % 1024));
    sq += dd * dd;
    cheb = Math.max(cheb, dd);
    x = Math.floor(x / 1024);
    y = Math.floor(y / 1024);
  }
  return [Math.sqrt(sq), cheb];
}

const Qd = new Float64Array(6);
const Qp = new Float64Array(6);

/**
 * Step 3: cancellation of opposite signs per (cell × velocity cube), then exact restoration of the
 * cube's moments ({@link DeviationalOptions.cancellationMoments}, carried as
 * {@link DeviationalOptions.cancellationCarry} says when the cube cannot take them).
 */
export function cancel(s: DeviationalState): void {
  const p = s.particles;
  const n = p.count;
  const { domain, cancellationBin: dv } = s.options;
  const cov = s.options.cancellationMoments === "covariance";
  const local = s.options.cancellationCarry === "neighbours";
  const st = s.cancellation;
  if (s.key.length < n) {
    s.key = new Float64Array(2 * n);
    s.ord = new Int32Array(2 * n);
  }
  const { key, ord } = s;
  sortIntoCells(s.cells, p, domain);
  const { start, order, cellCount } = s.cells;
  // velocity cube (a, b, e) ∈ [0, 1024)³ around v = 0 (the outermost cubes extend to infinity);
  // key = ((c·1024 + a)·1024 + b)·1024 + e is exact below 2⁵³ for fewer than 2²³ cells
  const cube = (x: number): number => Math.min(1023, Math.max(0, Math.floor(x / dv) + 512));
  for (let c = 0; c < cellCount; c++) {
    for (let r = start[c]; r < start[c + 1]; r++) {
      const i = order[r];
      const a = cube(p.v[3 * i]);
      const b = cube(p.v[3 * i + 1]);
      const e = cube(p.v[3 * i + 2]);
      key[i] = ((c * 1024 + a) * 1024 + b) * 1024 + e;
    }
  }
  for (let i = 0; i < n; i++) ord[i] = i;
  const o = ord.subarray(0, n);
  o.sort((x, y) => key[x] - key[y]);
  let carryP0 = 0;
  let carryP1 = 0;
  let carryP2 = 0;
  let carryE = 0;
  Qd.fill(0);
  let carryFrom = -1;
  const perCell = s.options.restoration === "cell";
  const CELL = 1024 * 1024 * 1024;
  // "neighbours": cube key → its range [g, end[g]) in o, and the deficits left for the neighbourhood
  const cubes = local ? new Map<number, number>() : undefined;
  const end = local ? new Int32Array(n) : undefined;
  const pending: number[] = [];
  let cellBegin = 0;
  let g = 0;
  while (g < n) {
    let h = g + 1;
    while (h < n && key[o[h]] === key[o[g]]) h++;
    if (cubes !== undefined && end !== undefined) {
      cubes.set(key[o[g]], g);
      end[g] = h;
    }
    // pair positives with negatives in [g, h)
    let pi = g;
    let ni = g;
    let pairs = 0;
    for (;;) {
      while (pi < h && !(p.w[o[pi]] > 0)) pi++;
      while (ni < h && !(p.w[o[ni]] < 0)) ni++;
      if (pi >= h || ni >= h) break;
      const ip = o[pi];
      const im = o[ni];
      const eps = p.w[ip];
      for (let d = 0; d < 3; d++) {
        const diff = eps * (p.v[3 * ip + d] - p.v[3 * im + d]);
        if (d === 0) carryP0 += diff;
        else if (d === 1) carryP1 += diff;
        else carryP2 += diff;
      }
      carryE +=
        0.5 *
        eps *
        (p.v[3 * ip] ** 2 +
          p.v[3 * ip + 1] ** 2 +
          p.v[3 * ip + 2] ** 2 -
          p.v[3 * im] ** 2 -
          p.v[3 * im + 1] ** 2 -
          p.v[3 * im + 2] ** 2);
      if (cov) {
        let q = 0;
        for (let x = 0; x < 3; x++)
          for (let y = x; y < 3; y++)
            Qd[q++] +=
              eps * (p.v[3 * ip + x] * p.v[3 * ip + y] - p.v[3 * im + x] * p.v[3 * im + y]);
      }
      p.w[ip] = 0;
      p.w[im] = 0;
      s.cancelledPairs++;
      pairs++;
      pi++;
      ni++;
    }
    if (pairs > 0) st.deficitCubes++;
    if (carryP0 !== 0 || carryP1 !== 0 || carryP2 !== 0 || carryE !== 0) {
      const ok = cov
        ? restoreCovariance(p, o, g, h, carryP0, carryP1, carryP2, Qd)
        : restore(p, o, g, h, carryP0, carryP1, carryP2, carryE);
      const here = key[o[g]];
      if (ok) {
        if (carryFrom >= 0 && carryFrom !== here) {
          const [dist, cheb] = cubeDistance(carryFrom, here);
          st.absorbed++;
          st.distanceSum += dist;
          if (cheb > 1) st.beyondNeighbour++;
          if (cheb > 3) st.beyondThree++;
          if (dist > st.maxDistance) st.maxDistance = dist;
        } else st.inCube++;
        carryFrom = -1;
        carryP0 = 0;
        carryP1 = 0;
        carryP2 = 0;
        carryE = 0;
        Qd.fill(0);
      } else if (local) {
        // leave it to the neighbourhood, after every cube of this cell is sorted and cancelled
        pending.push(
          here,
          carryP0,
          carryP1,
          carryP2,
          carryE,
          Qd[0],
          Qd[1],
          Qd[2],
          Qd[3],
          Qd[4],
          Qd[5],
        );
        carryP0 = 0;
        carryP1 = 0;
        carryP2 = 0;
        carryE = 0;
        Qd.fill(0);
      } else if (pairs > 0) {
        st.carried++;
        if (carryFrom < 0) carryFrom = here;
      }
    }
    const cellEnds = h >= n || Math.floor(key[o[h]] / CELL) !== Math.floor(key[o[g]] / CELL);
    if (cellEnds && pending.length > 0 && cubes !== undefined && end !== undefined) {
      for (let q = 0; q < pending.length; q += 11) {
        for (let x = 0; x < 6; x++) Qp[x] = pending[q + 5 + x];
        if (restoreNeighbourhood(s, o, cubes, end, pending[q], pending, q + 1, Qp, cov)) continue;
        // no neighbourhood could take it: it joins the key-order carry (energy and momentum)
        st.carried++;
        carryP0 += pending[q + 1];
        carryP1 += pending[q + 2];
        carryP2 += pending[q + 3];
        carryE += pending[q + 4];
        if (carryFrom < 0) carryFrom = pending[q];
      }
      pending.length = 0;
    }
    if (perCell && cellEnds && (carryP0 !== 0 || carryP1 !== 0 || carryP2 !== 0 || carryE !== 0)) {
      // end of a collision cell: its leftover goes to the cell's particles of the more numerous sign
      if (restoreMajority(p, o, cellBegin, h, s, carryP0, carryP1, carryP2, carryE)) {
        st.toEnd++;
        carryFrom = -1;
        carryP0 = 0;
        carryP1 = 0;
        carryP2 = 0;
        carryE = 0;
        Qd.fill(0);
      }
    }
    if (cellEnds) cellBegin = h;
    g = h;
  }
  compact(p);
  if (carryP0 !== 0 || carryP1 !== 0 || carryP2 !== 0 || carryE !== 0) {
    // last resort: all particles of the more numerous sign take the remaining deficit
    st.toEnd++;
    let pos = 0;
    for (let i = 0; i < p.count; i++) if (p.w[i] > 0) pos++;
    const sign = 2 * pos >= p.count ? 1 : -1;
    let k = 0;
    for (let i = 0; i < p.count; i++) if (Math.sign(p.w[i]) === sign) o[k++] = i;
    if (restore(p, o, 0, k, carryP0, carryP1, carryP2, carryE)) {
      carryP0 = 0;
      carryP1 = 0;
      carryP2 = 0;
      carryE = 0;
    }
  }
  s.unrestored = Math.abs(carryP0) + Math.abs(carryP1) + Math.abs(carryP2) + Math.abs(carryE);
}

/**
 * Give the deficit (P = d[q..q+3), E = d[q+3], Q) of cube `here` to the survivors of the majority
 * sign among its 3³ neighbour cubes, then its 5³ (covariance first, energy as the last try).
 */
function restoreNeighbourhood(
  s: DeviationalState,
  o: Int32Array,
  cubes: Map<number, number>,
  end: Int32Array,
  here: number,
  d: number[],
  q: number,
  Q: Float64Array,
  cov: boolean,
): boolean {
  const p = s.particles;
  const st = s.cancellation;
  const e0 = here % 1024;
  const b0 = Math.floor(here / 1024) % 1024;
  const a0 = Math.floor(here / 1048576) % 1024;
  for (let R = 1; R <= 2; R++) {
    let k = 0;
    let pos = 0;
    for (let da = -R; da <= R; da++) {
      if (a0 + da < 0 || a0 + da > 1023) continue;
      for (let db = -R; db <= R; db++) {
        if (b0 + db < 0 || b0 + db > 1023) continue;
        for (let de = -R; de <= R; de++) {
          if (e0 + de < 0 || e0 + de > 1023) continue;
          const g = cubes.get(here + (da * 1024 + db) * 1024 + de);
          if (g === undefined) continue;
          for (let r = g; r < end[g]; r++) {
            const i = o[r];
            if (p.w[i] === 0) continue;
            if (s.pick.length <= k) {
              const grown = new Int32Array(2 * s.pick.length + 16);
              grown.set(s.pick);
              s.pick = grown;
            }
            s.pick[k++] = i;
            if (p.w[i] > 0) pos++;
          }
        }
      }
    }
    const sign = 2 * pos >= k ? 1 : -1;
    let m = 0;
    for (let r = 0; r < k; r++) if (Math.sign(p.w[s.pick[r]]) === sign) s.pick[m++] = s.pick[r];
    const tryEnergy = !cov || R === 2;
    if (cov && restoreCovariance(p, s.pick, 0, m, d[q], d[q + 1], d[q + 2], Q)) {
      if (R === 1) st.inNeighbours++;
      else st.inNeighbours2++;
      return true;
    }
    if (tryEnergy && restore(p, s.pick, 0, m, d[q], d[q + 1], d[q + 2], d[q + 3])) {
      if (cov) st.energyOnlyFallback++;
      if (R === 1) st.inNeighbours++;
      else st.inNeighbours2++;
      return true;
    }
  }
  return false;
}

const S6 = new Float64Array(6);
const MO = new Float64Array(3);
const MN = new Float64Array(3);
/** Scratch of {@link survivorMean}: count k, weight w (of the last survivor), mean velocity. */
const MEAN = new Float64Array(5);

/** The survivors (w ≠ 0) of o[g..h): their count, their (common) weight and mean velocity, into MEAN. */
function survivorMean(p: ParticleSet, o: Int32Array, g: number, h: number): void {
  let k = 0;
  let w = 0;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let r = g; r < h; r++) {
    const i = o[r];
    if (p.w[i] === 0) continue;
    w = p.w[i];
    k++;
    m0 += p.v[3 * i];
    m1 += p.v[3 * i + 1];
    m2 += p.v[3 * i + 2];
  }
  MEAN[0] = k;
  MEAN[1] = w;
  MEAN[2] = m0 / k;
  MEAN[3] = m1 / k;
  MEAN[4] = m2 / k;
}
const T6 = new Float64Array(6);
const L = new Float64Array(9);
const Lp = new Float64Array(9);
const Li = new Float64Array(9);
const A9 = new Float64Array(9);

/** Cholesky factor (row-major lower triangle into out) of the symmetric 3×3 (xx, xy, xz, yy, yz, zz); false unless positive definite. */
function cholesky3(m: Float64Array, out: Float64Array): boolean {
  const l00 = m[0];
  if (!(l00 > 0)) return false;
  const a = Math.sqrt(l00);
  const b = m[1] / a;
  const c = m[2] / a;
  const d2 = m[3] - b * b;
  if (!(d2 > 0)) return false;
  const d = Math.sqrt(d2);
  const e = (m[4] - b * c) / d;
  const f2 = m[5] - c * c - e * e;
  if (!(f2 > 0)) return false;
  out.fill(0);
  out[0] = a;
  out[3] = b;
  out[4] = d;
  out[6] = c;
  out[7] = e;
  out[8] = Math.sqrt(f2);
  return true;
}

/**
 * Give the survivors o[g..h) (all of one sign, weight w each, k ≥ 4) the momentum P and the
 * second moments Q (xx, xy, xz, yy, yz, zz): v ← m′ + A(v − m), m′ = m + P/(k w), A = L′L⁻¹ with
 * S = LLᵀ the scatter of the survivors and S′ = S + k(m mᵀ − m′m′ᵀ) + Q/w = L′L′ᵀ, so that
 * A S Aᵀ = S′. Returns false (nothing changed) when impossible or too distorting.
 */
function restoreCovariance(
  p: ParticleSet,
  o: Int32Array,
  g: number,
  h: number,
  P0: number,
  P1: number,
  P2: number,
  Q: Float64Array,
): boolean {
  survivorMean(p, o, g, h);
  const k = MEAN[0];
  const w = MEAN[1];
  if (k < 4) return false;
  const m0 = MEAN[2];
  const m1 = MEAN[3];
  const m2 = MEAN[4];
  S6.fill(0);
  for (let r = g; r < h; r++) {
    const i = o[r];
    if (p.w[i] === 0) continue;
    const x = p.v[3 * i] - m0;
    const y = p.v[3 * i + 1] - m1;
    const z = p.v[3 * i + 2] - m2;
    S6[0] += x * x;
    S6[1] += x * y;
    S6[2] += x * z;
    S6[3] += y * y;
    S6[4] += y * z;
    S6[5] += z * z;
  }
  const n0 = m0 + P0 / (k * w);
  const n1 = m1 + P1 / (k * w);
  const n2 = m2 + P2 / (k * w);
  MO[0] = m0;
  MO[1] = m1;
  MO[2] = m2;
  MN[0] = n0;
  MN[1] = n1;
  MN[2] = n2;
  let q = 0;
  for (let x = 0; x < 3; x++)
    for (let y = x; y < 3; y++) {
      T6[q] = S6[q] + k * (MO[x] * MO[y] - MN[x] * MN[y]) + Q[q] / w;
      q++;
    }
  if (!cholesky3(S6, L) || !cholesky3(T6, Lp)) return false;
  // L⁻¹ (lower triangular), A = L′L⁻¹
  Li.fill(0);
  Li[0] = 1 / L[0];
  Li[4] = 1 / L[4];
  Li[8] = 1 / L[8];
  Li[3] = -L[3] * Li[0] * Li[4];
  Li[7] = -L[7] * Li[4] * Li[8];
  Li[6] = -(L[6] * Li[0] + L[7] * Li[3]) * Li[8];
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let j = 0; j < 3; j++) acc += Lp[3 * r + j] * Li[3 * j + c];
      A9[3 * r + c] = acc;
    }
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) {
      const a = A9[3 * r + c];
      if (r === c ? !(a > 0.5 && a < 2) : !(Math.abs(a) < 1)) return false;
    }
  for (let r = g; r < h; r++) {
    const i = o[r];
    if (p.w[i] === 0) continue;
    const x = p.v[3 * i] - m0;
    const y = p.v[3 * i + 1] - m1;
    const z = p.v[3 * i + 2] - m2;
    p.v[3 * i] = n0 + A9[0] * x + A9[1] * y + A9[2] * z;
    p.v[3 * i + 1] = n1 + A9[3] * x + A9[4] * y + A9[5] * z;
    p.v[3 * i + 2] = n2 + A9[6] * x + A9[7] * y + A9[8] * z;
  }
  return true;
}

/** The surviving particles of o[g..h) of their more numerous sign take (P, E); false when impossible. */
function restoreMajority(
  p: ParticleSet,
  o: Int32Array,
  g: number,
  h: number,
  s: DeviationalState,
  P0: number,
  P1: number,
  P2: number,
  E: number,
): boolean {
  let pos = 0;
  let neg = 0;
  for (let r = g; r < h; r++) {
    const w = p.w[o[r]];
    if (w > 0) pos++;
    else if (w < 0) neg++;
  }
  const sign = pos >= neg ? 1 : -1;
  if (s.pick.length < h - g) s.pick = new Int32Array(2 * (h - g));
  let k = 0;
  for (let r = g; r < h; r++) if (Math.sign(p.w[o[r]]) === sign) s.pick[k++] = o[r];
  return restore(p, s.pick, 0, k, P0, P1, P2, E);
}

/**
 * Give the survivors o[g..h) (all of one sign, weight w each, k ≥ 2) the momentum P and energy E:
 * v ← m + P/(k w) + a (v − m). Returns false (nothing changed) when impossible.
 */
function restore(
  p: ParticleSet,
  o: Int32Array,
  g: number,
  h: number,
  P0: number,
  P1: number,
  P2: number,
  E: number,
): boolean {
  survivorMean(p, o, g, h);
  const k = MEAN[0];
  const w = MEAN[1];
  if (k < 2) return false;
  const m0 = MEAN[2];
  const m1 = MEAN[3];
  const m2 = MEAN[4];
  let spread = 0;
  for (let r = g; r < h; r++) {
    const i = o[r];
    if (p.w[i] === 0) continue;
    spread += (p.v[3 * i] - m0) ** 2 + (p.v[3 * i + 1] - m1) ** 2 + (p.v[3 * i + 2] - m2) ** 2;
  }
  if (!(spread > 0)) return false;
  const n0 = m0 + P0 / (k * w);
  const n1 = m1 + P1 / (k * w);
  const n2 = m2 + P2 / (k * w);
  // energy: ½ w [k|n|² + a² spread] = ½ w [k|m|² + spread] + E
  const a2 =
    (k * (m0 * m0 + m1 * m1 + m2 * m2 - n0 * n0 - n1 * n1 - n2 * n2) + spread + (2 * E) / w) /
    spread;
  if (!(a2 > 0.25 && a2 < 4)) return false;
  const a = Math.sqrt(a2);
  for (let r = g; r < h; r++) {
    const i = o[r];
    if (p.w[i] === 0) continue;
    p.v[3 * i] = n0 + a * (p.v[3 * i] - m0);
    p.v[3 * i + 1] = n1 + a * (p.v[3 * i + 1] - m1);
    p.v[3 * i + 2] = n2 + a * (p.v[3 * i + 2] - m2);
  }
  return true;
}

/** One step: linear events (exact clocks), then Q(f_δ, f_δ) (unless omitted), then cancellation. */
export function deviationalStep(s: DeviationalState, h = s.options.dt): void {
  linearPhase(s, h);
  if ((s.options.quadratic ?? "simulate") === "simulate") quadraticPhase(s, h);
  cancel(s);
  s.t += h;
}

export function deviationalAdvance(s: DeviationalState, tEnd: number): void {
  const dt = s.options.dt;
  while (s.t < tEnd - 1e-12 * Math.max(1, tEnd)) {
    if (tEnd - s.t < dt) {
      deviationalStep(s, tEnd - s.t);
      s.t = tEnd;
    } else deviationalStep(s);
  }
}
