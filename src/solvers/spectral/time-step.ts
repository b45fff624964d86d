/**
 * Time integration of the spatially homogeneous equation ∂t f = Q̃(f) with Q̃ the corrected spectral
 * operator (`conservation.ts`): explicit strong-stability-preserving Runge–Kutta schemes
 * (Shu & Osher, J. Comput. Phys. 77 (1988) 439–471; Gottlieb, Shu & Tadmor, SIAM Rev. 43 (2001)):
 *
 * - `rk2`: SSP-RK2 (Heun), with the embedded forward Euler step as error estimate;
 * - `rk3`: SSP-RK3 (Shu–Osher), with the embedded Heun step as error estimate.
 *
 * Fixed step (`step`) or adaptive (`adaptiveStep`: max-norm error per step relative to max f,
 * standard controller dt ← dt·min(2, max(0.2, 0.9 (tol/err)^{1/(q+1)}))).
 *
 * Positivity. SSP schemes are convex combinations of forward Euler steps f + dt(Q⁺ − L f), which
 * keep f ≥ 0 when Q⁺ ≥ 0 and dt·max L ≤ 1. The spectral Q⁺ and the corrections can be slightly
 * negative, so `positivity` chooses: `off`; `report` (count, minimum and its velocity after each
 * step); `enforce` (dt capped by 1/max L, then the conservative multiplicative correction of
 * `conservation.ts` after each step, with its failures reported).
 */
import { RuleError } from "../../math/errors.ts";
import {
  ConservativeProjection,
  discreteMaxwellian,
  enforcePositivity,
  type PositivityResult,
  rawMoments,
} from "./conservation.ts";
import type { VelocityGrid } from "./grid.ts";
import {
  type CollisionOperator,
  MouhotPareschi,
  type SpectralKernel,
  type SpectralOptions,
} from "./mouhot-pareschi.ts";

/** The time integrator: SSP-RK2 (Heun) or SSP-RK3 (Shu–Osher). */
export type Scheme = "rk2" | "rk3";
/** What to do about negative values after a step: nothing, report them, or enforce f ≥ 0. */
export type PositivityMode = "off" | "report" | "enforce";
/**
 * The weight of the conservative projection (`conservation.ts`, item 1b): `uniform`, the ℓ²
 * projection of Gamba–Tharkabhushanam; `loss-frequency`, weighted by max(ν, 0), ν the discrete
 * loss frequency of M[f] (it comes with Q(M[f]); one extra Q evaluation only with
 * `equilibriumPreserving` off): no correction where the truncated operator has no collision
 * partners (the box corners), where it could never relax; `maxwellian`, weighted by M[f] (the
 * orthogonal projection of L²(M⁻¹)). Measured on BKW in docs/spectral.md ("Equilibrium
 * preservation and the evolved BKW error").
 */
export type ProjectionWeight = "uniform" | "maxwellian" | "loss-frequency";

/** Options of {@link HomogeneousSolver}: the operator's, the scheme, positivity and corrections. */
export interface SolverOptions extends SpectralOptions {
  readonly scheme?: Scheme;
  readonly positivity?: PositivityMode;
  /** Apply the conservative projection (default true). */
  readonly conservative?: boolean;
  /** Its weight (default `loss-frequency`; `ProjectionWeight`). */
  readonly projection?: ProjectionWeight;
  /** Subtract Q(M[f]) so that Maxwellians are exact fixed points (default true). */
  readonly equilibriumPreserving?: boolean;
  /**
   * The operator to use instead of an in-process {@link MouhotPareschi} (e.g. the worker pool of
   * `boltzlab/parallel`, which returns the same bits); it must be built on the same grid.
   */
  readonly operator?: CollisionOperator;
}

/** What one step did: its size, Q evaluations, negative values and the largest loss frequency. */
export interface StepReport {
  readonly dt: number;
  /** Q evaluations used (including rejected attempts). */
  readonly evaluations: number;
  /** Negative grid values after the step (before any positivity correction). */
  readonly negativeCount: number;
  readonly min: number;
  /** Velocity of the smallest value (when it is negative). */
  readonly minAt?: [number, number, number];
  readonly positivity?: PositivityResult;
  /** Largest loss frequency max L seen at the first stage. */
  readonly maxLossFrequency: number;
}

/** What one adaptive step did: a {@link StepReport} plus the next step size, rejections and error. */
export interface AdaptiveReport extends StepReport {
  /** Suggested next step. */
  readonly dtNext: number;
  readonly rejected: number;
  /** Estimated local error (max norm relative to max f). */
  readonly error: number;
}

/**
 * The spatially homogeneous Boltzmann equation ∂t f = Q(f, f) on a velocity grid: the spectral
 * operator of Mouhot–Pareschi made conservative and equilibrium-preserving, advanced by SSP
 * Runge–Kutta steps in place (`step`, `adaptiveStep`; see the module comment). Mass, momentum and
 * energy are conserved to round-off.
 */
export class HomogeneousSolver {
  readonly grid: VelocityGrid;
  readonly operator: CollisionOperator;
  readonly scheme: Scheme;
  readonly positivity: PositivityMode;
  readonly conservative: boolean;
  readonly equilibriumPreserving: boolean;
  readonly projectionWeight: ProjectionWeight;
  private readonly projection: ConservativeProjection;
  private readonly n3: number;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly stage: Float64Array;
  private readonly trial: Float64Array;
  private readonly loss: Float64Array;
  private readonly mom = new Float64Array(5);
  private eqMoments: Float64Array | null = null;
  private eqMaxwellian: Float64Array | null = null;
  private eqQ: Float64Array | null = null;
  private eqLoss: Float64Array | null = null;
  private eqProjection: ConservativeProjection | null = null;
  /** Total Q evaluations so far. */
  evaluations = 0;

  constructor(grid: VelocityGrid, kernel: SpectralKernel, opts: SolverOptions = {}) {
    this.grid = grid;
    const og = opts.operator?.grid;
    if (og && (og.n !== grid.n || og.L !== grid.L || og.R !== grid.R))
      throw new RuleError("the collision operator must be built on the solver's grid");
    this.operator = opts.operator ?? new MouhotPareschi(grid, kernel, opts);
    this.scheme = opts.scheme ?? "rk2";
    if (this.scheme !== "rk2" && this.scheme !== "rk3") {
      throw new RuleError("scheme must be rk2 or rk3", `got "${this.scheme}"`);
    }
    this.positivity = opts.positivity ?? "report";
    this.conservative = opts.conservative ?? true;
    this.equilibriumPreserving = opts.equilibriumPreserving ?? true;
    this.projectionWeight = opts.projection ?? "loss-frequency";
    if (!["uniform", "maxwellian", "loss-frequency"].includes(this.projectionWeight))
      throw new RuleError(
        "projection must be uniform, maxwellian or loss-frequency",
        `got "${this.projectionWeight}"`,
      );
    this.projection = new ConservativeProjection(grid);
    this.n3 = grid.n ** 3;
    this.k1 = new Float64Array(this.n3);
    this.k2 = new Float64Array(this.n3);
    this.k3 = new Float64Array(this.n3);
    this.stage = new Float64Array(this.n3);
    this.trial = new Float64Array(this.n3);
    this.loss = new Float64Array(this.n3);
  }

  /** The corrected operator Q̃(f) into `out`; `loss` receives the loss frequency if given. */
  rhs(f: Float64Array, out: Float64Array, loss?: Float64Array): void {
    this.operator.evaluate(f, out, undefined, loss);
    this.evaluations++;
    const weighted = this.conservative && this.projectionWeight !== "uniform";
    if (this.equilibriumPreserving || weighted) this.equilibrium(f);
    if (this.equilibriumPreserving) {
      const eq = this.equilibriumQ();
      for (let i = 0; i < this.n3; i++) out[i] -= eq[i];
    }
    if (weighted) this.weightedProjection().apply(out);
    else if (this.conservative) this.projection.apply(out);
  }

  /**
   * The discrete Maxwellian M[f] with the moments of f, cached while they do not change (relative
   * 1e-10); a new one drops Q(M[f]) and the weighted projection built on the previous one.
   */
  private equilibrium(f: Float64Array): Float64Array {
    const m = rawMoments(this.grid, f, this.mom);
    const c = this.eqMoments;
    let same = c !== null && this.eqMaxwellian !== null;
    if (c) {
      for (let a = 0; a < 5 && same; a++) {
        if (Math.abs(m[a] - c[a]) > 1e-10 * (Math.abs(c[a]) + Math.abs(c[0]) + Math.abs(c[4])))
          same = false;
      }
    }
    if (!same || !this.eqMaxwellian) {
      this.eqMaxwellian = discreteMaxwellian(this.grid, m, new Float64Array(this.n3));
      this.eqMoments = m.slice();
      this.eqQ = null;
      this.eqLoss = null;
      this.eqProjection = null;
    }
    return this.eqMaxwellian;
  }

  /**
   * Q(M[f]) and the loss frequency ν[M[f]] for the cached M[f] (one Q evaluation per Maxwellian,
   * on first use of either).
   */
  private equilibriumQ(): Float64Array {
    if (!this.eqMaxwellian) throw new Error("unreachable: equilibrium() first");
    if (!this.eqQ || !this.eqLoss) {
      const q = new Float64Array(this.n3);
      const loss = new Float64Array(this.n3);
      this.operator.evaluate(this.eqMaxwellian, q, undefined, loss);
      this.evaluations++;
      this.eqQ = q;
      this.eqLoss = loss;
    }
    return this.eqQ;
  }

  /**
   * The conservative projection weighted by the cached M[f] or by its loss frequency (built once
   * per Maxwellian; the loss frequency comes with Q(M[f]), so the weight costs no extra Q when the
   * Q(M[f]) subtraction is on).
   */
  private weightedProjection(): ConservativeProjection {
    const M = this.eqMaxwellian;
    if (!M) throw new Error("unreachable: equilibrium() first");
    if (!this.eqProjection) {
      let w = M;
      if (this.projectionWeight === "loss-frequency") {
        this.equilibriumQ();
        const loss = this.eqLoss;
        if (!loss) throw new Error("unreachable: equilibriumQ() sets it");
        w = new Float64Array(this.n3);
        for (let i = 0; i < this.n3; i++) w[i] = Math.max(loss[i], 0);
      }
      this.eqProjection = new ConservativeProjection(this.grid, w);
    }
    return this.eqProjection;
  }

  /** One step of size dt (in place; with `positivity: "enforce"`, in sub-steps of size ≤ 1/max L). */
  step(f: Float64Array, dt: number): StepReport {
    if (!(dt > 0) || !Number.isFinite(dt))
      throw new RuleError("dt must be a finite number > 0", `got ${dt}`);
    const before = this.evaluations;
    const target = this.positivity === "enforce" ? rawMoments(this.grid, f) : null;
    this.rhs(f, this.k1, this.loss);
    const maxL = maxAbs(this.loss);
    // positivity: sub-steps of size ≤ 1/max L (the SSP condition for the forward Euler stages)
    const sub = this.positivity === "enforce" ? Math.max(1, Math.ceil(dt * maxL)) : 1;
    let rep: StepReport | null = null;
    for (let s = 0; s < sub; s++) {
      if (s > 0) this.rhs(f, this.k1);
      this.advance(f, dt / sub, this.trial);
      f.set(this.trial);
      const r = this.finish(f, dt / sub, 0, maxL, target);
      rep = rep === null || r.negativeCount >= rep.negativeCount ? r : rep;
    }
    if (!rep) throw new Error("unreachable");
    return { ...rep, dt, evaluations: this.evaluations - before };
  }

  /**
   * One adaptive step: tries `dt`, halves on rejection. `tol` is the accepted local error (max norm
   * of the difference to the embedded lower-order step, relative to max f). In place.
   */
  adaptiveStep(
    f: Float64Array,
    dt: number,
    tol: number,
    dtMax = Number.POSITIVE_INFINITY,
  ): AdaptiveReport {
    const before = this.evaluations;
    const target = this.positivity === "enforce" ? rawMoments(this.grid, f) : null;
    this.rhs(f, this.k1, this.loss);
    const maxL = maxAbs(this.loss);
    const fmax = maxAbs(f);
    const q = this.scheme === "rk2" ? 1 : 2;
    let h = Math.min(dt, dtMax);
    if (this.positivity === "enforce" && maxL > 0) h = Math.min(h, 1 / maxL);
    let rejected = 0;
    for (;;) {
      const err = this.advance(f, h, this.trial) / fmax;
      const factor = Math.min(
        2,
        Math.max(0.2, 0.9 * (tol / Math.max(err, 1e-300)) ** (1 / (q + 1))),
      );
      if (err <= tol || h < 1e-12) {
        f.set(this.trial);
        const rep = this.finish(f, h, this.evaluations - before, maxL, target);
        let next = Math.min(h * factor, dtMax);
        if (this.positivity === "enforce" && maxL > 0) next = Math.min(next, 1 / maxL);
        return { ...rep, dtNext: next, rejected, error: err };
      }
      rejected++;
      h *= Math.max(0.2, factor);
    }
  }

  /**
   * From f and k1 = Q̃(f), one RK step of size dt into `out`. Returns the max-norm difference to
   * the embedded lower-order solution.
   */
  private advance(f: Float64Array, dt: number, out: Float64Array): number {
    const { k1, k2, k3, stage } = this;
    const n3 = this.n3;
    for (let i = 0; i < n3; i++) stage[i] = f[i] + dt * k1[i];
    this.rhs(stage, k2);
    if (this.scheme === "rk2") {
      let e = 0;
      for (let i = 0; i < n3; i++) {
        out[i] = f[i] + 0.5 * dt * (k1[i] + k2[i]);
        e = Math.max(e, Math.abs(0.5 * dt * (k2[i] - k1[i])));
      }
      return e;
    }
    for (let i = 0; i < n3; i++) stage[i] = f[i] + 0.25 * dt * (k1[i] + k2[i]);
    this.rhs(stage, k3);
    let e = 0;
    for (let i = 0; i < n3; i++) {
      out[i] = f[i] + (dt / 6) * (k1[i] + k2[i] + 4 * k3[i]);
      e = Math.max(e, Math.abs((dt / 6) * (4 * k3[i] - 2 * (k1[i] + k2[i]))));
    }
    return e;
  }

  private finish(
    f: Float64Array,
    dt: number,
    evals: number,
    maxL: number,
    target: Float64Array | null,
  ): StepReport {
    let neg = 0;
    let min = Number.POSITIVE_INFINITY;
    let at = -1;
    for (let i = 0; i < this.n3; i++) {
      const v = f[i];
      if (!Number.isFinite(v))
        throw new Error(`non-finite value in f after a step (dt=${dt}); the step is too large`);
      if (v < 0) neg++;
      if (v < min) {
        min = v;
        at = i;
      }
    }
    const { n, axis } = this.grid;
    const minAt: [number, number, number] | undefined =
      min < 0
        ? [axis[Math.floor(at / (n * n))], axis[Math.floor(at / n) % n], axis[at % n]]
        : undefined;
    const positivity = target && neg > 0 ? enforcePositivity(this.grid, f, target) : undefined;
    return {
      dt,
      evaluations: evals,
      negativeCount: neg,
      min,
      minAt,
      positivity,
      maxLossFrequency: maxL,
    };
  }
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m) m = v;
  }
  return m;
}

/** Library entry point: one evaluation of the (uncorrected) spectral Q(f,f) on a grid. */
export function collisionOperatorOnGrid(
  grid: VelocityGrid,
  kernel: SpectralKernel,
  f: Float64Array,
  opts: SpectralOptions = {},
): { Q: Float64Array; gain: Float64Array; lossFrequency: Float64Array; directions: number } {
  const op = new MouhotPareschi(grid, kernel, opts);
  const n3 = grid.n ** 3;
  const Q = new Float64Array(n3);
  const gain = new Float64Array(n3);
  const lossFrequency = new Float64Array(n3);
  op.evaluate(f, Q, gain, lossFrequency);
  return { Q, gain, lossFrequency, directions: op.directions };
}
