/**
 * Plain DSMC for ∂t f + v·∇x f = Q(f,f) with equal positive weights W (each particle carries mass W).
 *
 * Scheme (G. A. Bird, "Molecular Gas Dynamics and the Direct Simulation of Gas Flows", Oxford 1994,
 * §11.1, the no-time-counter (NTC) scheme), in boltzlab's normalization: in a cell of volume V with
 * n particles, each unordered pair {i, j} collides at rate W σ(g_ij)/V, σ(g) = ∫_{S²} B dω
 * ({@link ParticleKernel}). Over a step Δt the cell draws
 *     N_cand = ½ n(n−1) W σ_max Δt / V
 * candidate pairs (uniform among the n(n−1)/2 pairs; the fractional part by an unbiased coin instead
 * of Bird's carried remainder) and accepts each with probability σ(g)/σ_max. Where Bird keeps a
 * running estimate of (σg)_max, which biases the rate when it is exceeded, here σ_max is an exact
 * majorant recomputed per cell and step: hard spheres σ_max = 2π·2 max_i |v_i − v̄_c| ≥ 2π g_ij for
 * every pair (triangle inequality); constant kernel σ_max = 4π (every candidate collides).
 * Transport is exact free flight x ← x + vΔt (periodic wrap in a box) before the collisions of the
 * step (first-order splitting, error O(Δt)); in the homogeneous domain there is no transport and
 * the only time-step effect is that the number of collision candidates in a step is not Poisson.
 * Cell size enters through the pairing of particles at different x within a cell (error O(h²) for
 * smooth data); both are parameters so their errors can be measured.
 */
import { RuleError } from "../../math/errors.ts";
import type { Uniform } from "../../math/sampling/uniform-stream.ts";
import { type CellIndex, makeCellIndex, sortIntoCells } from "./cell-index.ts";
import { cellVolume, checkDomain, type Domain, wrap } from "./domain.ts";
import { cellMajorant, collidePair, type ParticleKernel } from "./particle-kernel.ts";
import type { ParticleSet } from "./particle-set.ts";

export interface DsmcOptions {
  readonly kernel: ParticleKernel;
  readonly domain: Domain;
  /** Time step Δt > 0. */
  readonly dt: number;
}

export interface DsmcState {
  readonly particles: ParticleSet;
  readonly options: DsmcOptions;
  readonly rand: Uniform;
  readonly cells: CellIndex;
  t: number;
  /** Accepted collisions so far. */
  collisions: number;
  /** Candidate pairs drawn so far. */
  candidates: number;
}

export function makeDsmc(particles: ParticleSet, options: DsmcOptions, rand: Uniform): DsmcState {
  checkDomain(options.domain);
  if (!(options.dt > 0) || !Number.isFinite(options.dt))
    throw new RuleError("dt must be a finite number > 0", `got ${options.dt}`);
  if (particles.count < 2) throw new RuleError("DSMC needs at least 2 particles");
  const W = particles.w[0];
  for (let i = 0; i < particles.count; i++) {
    if (particles.w[i] !== W || !(W > 0))
      throw new RuleError("plain DSMC needs equal positive particle weights");
  }
  return { particles, options, rand, cells: makeCellIndex(), t: 0, collisions: 0, candidates: 0 };
}

/** Free flight over dt (exact), with periodic wrap in a box. */
export function freeFlight(p: ParticleSet, d: Domain, dt: number): void {
  if (d.kind === "homogeneous") return;
  const n3 = 3 * p.count;
  const { x, v } = p;
  for (let k = 0; k < n3; k++) x[k] += v[k] * dt;
  if (d.kind === "periodic") {
    const L = d.L;
    for (let k = 0; k < n3; k++) {
      const y = x[k];
      if (y < 0 || y >= L) x[k] = wrap(y, L);
    }
  }
}

/** One step of size dt (default the configured Δt): free flight, then NTC collisions per cell. */
export function dsmcStep(s: DsmcState, dt = s.options.dt): void {
  const { particles: p, options: o, rand } = s;
  freeFlight(p, o.domain, dt);
  sortIntoCells(s.cells, p, o.domain);
  const W = p.w[0];
  const factor = (0.5 * W * dt) / cellVolume(o.domain);
  const { start, order, cellCount } = s.cells;
  const v = p.v;
  const k = o.kernel;
  for (let c = 0; c < cellCount; c++) {
    const a = start[c];
    const n = start[c + 1] - a;
    if (n < 2) continue;
    const sigmaMax = cellMajorant(k, v, order, a, n);
    if (sigmaMax === 0) continue;
    const mean = factor * n * (n - 1) * sigmaMax;
    let cand = Math.floor(mean);
    if (rand() < mean - cand) cand++;
    s.candidates += cand;
    for (let q = 0; q < cand; q++) {
      const ri = Math.floor(rand() * n);
      let rj = Math.floor(rand() * (n - 1));
      if (rj >= ri) rj++;
      const i = 3 * order[a + ri];
      const j = 3 * order[a + rj];
      if (k.constantRate === 0) {
        const g0 = v[i] - v[j];
        const g1 = v[i + 1] - v[j + 1];
        const g2 = v[i + 2] - v[j + 2];
        const g = Math.sqrt(g0 * g0 + g1 * g1 + g2 * g2);
        if (rand() * sigmaMax >= k.totalRate(g)) continue;
      }
      collidePair(k, rand, v, i, v, j);
      s.collisions++;
    }
  }
  s.t += dt;
}

/** Advance to time tEnd in steps of Δt (the last one shortened to land on tEnd). */
export function dsmcAdvance(s: DsmcState, tEnd: number): void {
  const dt = s.options.dt;
  while (s.t < tEnd - 1e-12 * Math.max(1, tEnd)) {
    if (tEnd - s.t < dt) {
      dsmcStep(s, tEnd - s.t);
      s.t = tEnd;
    } else dsmcStep(s);
  }
}
