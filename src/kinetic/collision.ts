import { RuleError } from "../math/errors.ts";
import { type Estimate, estimate, exact, times } from "../math/estimate.ts";
import { mappedRule } from "../math/quadrature/gauss-legendre.ts";
import { refineUntil } from "../math/quadrature/refine.ts";
import { orthonormalFrame } from "../math/vec3.ts";
import { hardSphere, type Kernel } from "./kernel.ts";
import { boundingBall, type PhaseSpaceFunction, type VelocityPiece } from "./phase-space.ts";
import { visitPlane, visitVolume } from "./support-quadrature.ts";

/**
 * The collision operator of the paper (Section 1), for phase-space functions given with their
 * velocity supports (phase-space.ts), at one point (t, x, v):
 *
 *   Q⁺(f,g)(v) = ∫_{R³}∫_{S²} f(v*) g(u*) B(u − v, ω) dω du,   Q⁻(f,g)(v) = f(v) A_B[g](v),
 *   A_B[g](v)  = ∫_{R³}∫_{S²} g(u) B(u − v, ω) dω du = (∫_{S²} b) ∫ Φ(|u − v|) g(u) du,
 *
 * v* = v − ((v − u)·ω)ω, u* = u + ((v − u)·ω)ω, ω over the whole sphere (kernel.ts). For hard
 * spheres A[g] = 2π ∫ |u − v| g(u) du exactly (docs/design.md).
 *
 * Representation of the gain term (Carleman). Fix ω and write u − v = rω + w with w ⊥ ω, so that
 * v* = v + rω and u* = v + w, du = dr dA(w). Since (ω, r) and (−ω, −r) give the same y = rω,
 * ∫_{S²}dω ∫_R dr = 2 ∫_{R³} dy/|y|², and
 *
 *   Q⁺(f,g)(v) = 2 ∫_{R³} dy |y|⁻² f(v + y) ∫_{y⊥} g(v + w) Φ(|z|) b(|y|/|z|) dA(w),  |z|² = |y|² + |w|²
 *             = 2 ∫∫_{R³×R³} δ(y·w) f(v + y) g(v + w) Φ(|z|) b(|y|/|z|) |y|⁻¹ dy dw
 *             = 2 ∫_{R³} dw |w|⁻¹ g(v + w) ∫_{w⊥} f(v + y) Φ(|z|) b(|y|/|z|) |y|⁻¹ dA(y).
 *
 * (T. Carleman, "Sur la théorie de l'équation intégrodifférentielle de Boltzmann", Acta Math. 60
 * (1933); e.g. C. Villani, "A review of mathematical topics in collisional kinetic theory", 2002,
 * §I.4.6.) For hard spheres Φ(|z|)b(|y|/|z|) = |y| and the inner plane integral depends only on the
 * direction of the outer variable; it is computed once per ray of the outer rule.
 *
 * Localization: for each pair (piece of f, piece of g) the outer 3-D integral runs over the piece
 * that subtends the smaller solid angle seen from v, the inner 2-D integral over the plane through v
 * cut by the other piece (exact disc / cylinder-section limits, support-quadrature.ts). Pairs whose
 * bounding cones from v cannot contain two orthogonal directions are skipped (they contribute 0
 * exactly). For the constant kernel only the first form (outer f) is used: the second one has a
 * |y|⁻¹ singularity in the plane.
 *
 * Accuracy: every rule is a Gauss–Legendre product with n nodes per dimension, n running through
 * {@link ORDER_SCHEDULE}; refinement stops when two successive values agree to the tolerance
 * (src/math/quadrature/refine.ts) and the last difference is the error estimate, flagged `unconverged`
 * otherwise. Truncation tails of non-compact pieces (Maxwellians at 10√T) are added to the error
 * of A and Q⁻.
 */

/** Gauss–Legendre orders per dimension, by refinement level. */
export const ORDER_SCHEDULE = [4, 6, 8, 12, 16, 24, 32, 48, 64] as const;

/**
 * Options of the collision operator's quadrature ({@link gainTerm}, {@link lossTerm},
 * {@link collisionFrequency}, …): the kernel and the tolerances of the refinement, which raises the
 * Gauss–Legendre orders through {@link ORDER_SCHEDULE} until two successive levels differ by at most
 * max(absTol, tol·|value|) ({@link refineUntil}); that difference is the reported error.
 */
export interface CollisionOptions {
  /** Collision kernel (default hard sphere). */
  readonly kernel?: Kernel;
  /** Relative tolerance of the refinement (default 1e-6). */
  readonly tol?: number;
  /** Absolute tolerance (default 0). */
  readonly absTol?: number;
  /** Highest refinement level, index into {@link ORDER_SCHEDULE} (default 6, n = 32). */
  readonly maxLevel?: number;
  /** Lowest level at which convergence may be declared (default 2). */
  readonly minLevel?: number;
}

interface Resolved {
  kernel: Kernel;
  tol: number;
  absTol: number;
  maxLevel: number;
  minLevel: number;
}

function resolve(o: CollisionOptions = {}): Resolved {
  const tol = o.tol ?? 1e-6;
  if (!(tol > 0) || !Number.isFinite(tol))
    throw new RuleError("tol must be a finite number > 0", `got ${tol}`);
  const absTol = o.absTol ?? 0;
  if (!(absTol >= 0)) throw new RuleError("absTol must be >= 0", `got ${absTol}`);
  const maxLevel = o.maxLevel ?? 6;
  if (!Number.isInteger(maxLevel) || maxLevel < 1 || maxLevel >= ORDER_SCHEDULE.length) {
    throw new RuleError(
      `maxLevel must be an integer in [1, ${ORDER_SCHEDULE.length - 1}]`,
      `got ${maxLevel}`,
    );
  }
  const minLevel = Math.min(o.minLevel ?? 2, maxLevel);
  return { kernel: o.kernel ?? hardSphere, tol, absTol, maxLevel, minLevel };
}

function checkPoint(t: number, x: ArrayLike<number>, v: ArrayLike<number>): void {
  if (!Number.isFinite(t)) throw new RuleError("t must be a finite number", `got ${t}`);
  for (const [name, a] of [
    ["x", x],
    ["v", v],
  ] as const) {
    if (
      !(
        a[0] !== undefined &&
        Number.isFinite(a[0]) &&
        Number.isFinite(a[1]) &&
        Number.isFinite(a[2])
      )
    ) {
      throw new RuleError(`${name} must be three finite numbers`);
    }
  }
}

// module-level scratch (no allocation per node)
const scratchU = new Float64Array(3);
const scratchP = new Float64Array(3);
const bbA = new Float64Array(4);
const bbB = new Float64Array(4);

function evaluator(fn: PhaseSpaceFunction, piece: VelocityPiece, t: number, x: ArrayLike<number>) {
  const part = piece.part;
  return part
    ? (u: ArrayLike<number>) => part(t, x, u)
    : (u: ArrayLike<number>) => fn.value(t, x, u);
}

/** Angular radius of the bounding ball of a piece seen from v (π when v is inside it). */
function angularRadius(piece: VelocityPiece, v: ArrayLike<number>): number {
  const b = boundingBall(bbA, piece.region);
  const d = Math.hypot(b[0] - v[0], b[1] - v[1], b[2] - v[2]);
  return d <= b[3] ? Math.PI : Math.asin(b[3] / d);
}

/** Can some y ∈ piece a − v and w ∈ piece b − v be orthogonal? (bounding-cone test) */
function mayBeOrthogonal(a: VelocityPiece, b: VelocityPiece, v: ArrayLike<number>): boolean {
  const A = boundingBall(bbA, a.region);
  const B = boundingBall(bbB, b.region);
  const ax = A[0] - v[0];
  const ay = A[1] - v[1];
  const az = A[2] - v[2];
  const bx = B[0] - v[0];
  const by = B[1] - v[1];
  const bz = B[2] - v[2];
  const da = Math.hypot(ax, ay, az);
  const db = Math.hypot(bx, by, bz);
  if (da <= A[3] || db <= B[3]) return true;
  const c = Math.max(-1, Math.min(1, (ax * bx + ay * by + az * bz) / (da * db)));
  const th = Math.acos(c);
  return Math.abs(th - 0.5 * Math.PI) <= Math.asin(A[3] / da) + Math.asin(B[3] / db) + 1e-12;
}

type KernelMode = "hard-sphere" | "constant" | "vhs" | "generic";

function kernelMode(k: Kernel): KernelMode {
  if (k.name === "hard-sphere") return "hard-sphere";
  if (k.name === "constant") return "constant";
  if (k.name.startsWith("vhs:")) return "vhs";
  return "generic";
}

/** ∫_{region of piece} Φ(|u − v|) g(u) du at order n (Φ(r) = r^γ). */
function frequencySum(
  g: PhaseSpaceFunction,
  piece: VelocityPiece,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  gamma: number,
  n: number,
): number {
  const gv = evaluator(g, piece, t, x);
  let s = 0;
  visitVolume(piece.region, v, gamma, n, (ux, uy, uz, w) => {
    scratchU[0] = ux;
    scratchU[1] = uy;
    scratchU[2] = uz;
    s += w * gv(scratchU);
  });
  return s;
}

/**
 * The collision frequency A_B[g](t, x, v) = ∫∫ g(t, x, u) B(u − v, ω) dω du, with an error estimate.
 * For hard spheres, A[g] = 2π ∫ |u − v| g du.
 */
export function collisionFrequency(
  g: PhaseSpaceFunction,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options?: CollisionOptions,
): Estimate {
  checkPoint(t, x, v);
  const o = resolve(options);
  const pieces = g.velocitySupport(t, x);
  const c = o.kernel.angularIntegral;
  const gamma = o.kernel.gamma;
  let tail = 0;
  for (const p of pieces) {
    if (p.tail) {
      const b = boundingBall(bbA, p.region);
      const dv = Math.hypot(b[0] - v[0], b[1] - v[1], b[2] - v[2]);
      tail += c * p.tail * Math.hypot(1, dv) ** Math.max(0, gamma);
    }
  }
  const est = refineUntil(
    (level) => {
      const n = ORDER_SCHEDULE[level];
      let s = 0;
      for (const p of pieces) s += frequencySum(g, p, t, x, v, gamma, n);
      return c * s;
    },
    {
      relTol: o.tol,
      absTol: o.absTol,
      maxLevel: o.maxLevel,
      minLevel: o.minLevel,
      label: `A[${g.name}] (${o.kernel.name}), Gauss–Legendre over ${pieces.length} support piece(s)`,
    },
  );
  return tail > 0
    ? {
        ...est,
        error: est.error + tail,
        method: `${est.method}; + truncation tail ${tail.toExponential(1)}`,
      }
    : est;
}

/** Q⁻(f,g)(t, x, v) = f(t, x, v) · A_B[g](t, x, v). */
export function lossTerm(
  f: PhaseSpaceFunction,
  g: PhaseSpaceFunction,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options?: CollisionOptions,
): Estimate {
  checkPoint(t, x, v);
  const fv = f.value(t, x, v);
  if (fv === 0) return exact(0, "f(v) = 0");
  return times(
    exact(fv, "f(t,x,v)"),
    collisionFrequency(g, t, x, v, options),
    `f(v)·A[${g.name}](v)`,
  );
}

/** One (f-piece, g-piece) contribution to Q⁺/2 at order n. */
function gainPair(
  f: PhaseSpaceFunction,
  pf: VelocityPiece,
  g: PhaseSpaceFunction,
  pg: VelocityPiece,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  kernel: Kernel,
  mode: KernelMode,
  n: number,
): number {
  if (!mayBeOrthogonal(pf, pg, v)) return 0;
  const outerIsF =
    mode === "constant" || mode === "generic" || angularRadius(pf, v) <= angularRadius(pg, v);
  const outer = outerIsF ? pf : pg;
  const inner = outerIsF ? pg : pf;
  const outerVal = outerIsF ? evaluator(f, pf, t, x) : evaluator(g, pg, t, x);
  const innerVal = outerIsF ? evaluator(g, pg, t, x) : evaluator(f, pf, t, x);
  const gamma = kernel.gamma;
  let lastKey = -1;
  let lastInner = 0;
  let total = 0;
  // plane integral ∫_{plane ⊥ o through v} h dA (direction-only kernels)
  const planeOnly = (ox: number, oy: number, oz: number) => {
    let s = 0;
    visitPlane(inner.region, v, ox, oy, oz, n, (px, py, pz, w) => {
      scratchP[0] = px;
      scratchP[1] = py;
      scratchP[2] = pz;
      s += w * innerVal(scratchP);
    });
    return s;
  };
  // outer weight: |y|^{-2} (outer f, then ×Φb) or |w|^{-1} (outer g, |cos|-type kernels)
  const k = outerIsF ? -2 : -1;
  visitVolume(outer.region, v, k, n, (ux, uy, uz, w, rho, ox, oy, oz, key) => {
    scratchU[0] = ux;
    scratchU[1] = uy;
    scratchU[2] = uz;
    const ov = outerVal(scratchU);
    if (ov === 0) return;
    if (mode === "hard-sphere" || mode === "constant") {
      if (key !== lastKey) {
        lastKey = key;
        lastInner = planeOnly(ox, oy, oz);
      }
      // outer f: Φb = |y| (hard sphere) or 1 (constant); outer g (hard sphere): weight 1
      total += w * ov * lastInner * (mode === "hard-sphere" && outerIsF ? rho : 1);
      return;
    }
    // vhs:γ or generic: the inner weight depends on |w| (or |y|) as well
    const r2 = rho * rho;
    let s = 0;
    visitPlane(inner.region, v, ox, oy, oz, n, (px, py, pz, wp) => {
      scratchP[0] = px;
      scratchP[1] = py;
      scratchP[2] = pz;
      const iv = innerVal(scratchP);
      if (iv === 0) return;
      const qx = px - v[0];
      const qy = py - v[1];
      const qz = pz - v[2];
      const q2 = qx * qx + qy * qy + qz * qz;
      const z = Math.sqrt(r2 + q2);
      let B: number;
      if (mode === "vhs") {
        // Φb = |z|^γ |y|/|z|; outer f: times 1 (|y| = rho); outer g: divided by |y| → |z|^{γ−1}
        B = z ** (gamma - 1) * (outerIsF ? rho : 1);
      } else {
        B = kernel.speed(z) * kernel.angular(rho / z);
      }
      s += wp * iv * B;
    });
    total += w * ov * s;
  });
  return total;
}

/**
 * The gain term Q⁺(f,g)(t, x, v) (Carleman representation, see the module comment), with an error
 * estimate from successive Gauss–Legendre orders.
 */
export function gainTerm(
  f: PhaseSpaceFunction,
  g: PhaseSpaceFunction,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options?: CollisionOptions,
): Estimate {
  checkPoint(t, x, v);
  const o = resolve(options);
  const mode = kernelMode(o.kernel);
  const pf = f.velocitySupport(t, x);
  const pg = g.velocitySupport(t, x);
  return refineUntil(
    (level) => {
      const n = ORDER_SCHEDULE[level];
      let s = 0;
      for (const a of pf) for (const b of pg) s += gainPair(f, a, g, b, t, x, v, o.kernel, mode, n);
      return 2 * s;
    },
    {
      relTol: o.tol,
      absTol: o.absTol,
      maxLevel: o.maxLevel,
      minLevel: o.minLevel,
      label: `Q⁺(${f.name}, ${g.name}) (${o.kernel.name}), Carleman representation over ${pf.length}×${pg.length} support pieces`,
    },
  );
}

/** Q(f,g) = Q⁺(f,g) − Q⁻(f,g) at (t, x, v), errors added. */
export function collisionOperator(
  f: PhaseSpaceFunction,
  g: PhaseSpaceFunction,
  t: number,
  x: ArrayLike<number>,
  v: ArrayLike<number>,
  options?: CollisionOptions,
): Estimate {
  const gp = gainTerm(f, g, t, x, v, options);
  const lm = lossTerm(f, g, t, x, v, options);
  return estimate(
    gp.value - lm.value,
    gp.error + lm.error,
    "derived",
    `Q⁺ − Q⁻: (${gp.method}) − (${lm.method})`,
    {
      unconverged: gp.unconverged || lm.unconverged,
    },
  );
}

/**
 * The weak form ∫ Q(f,g)(t, x, v) φ(v) dv
 *   = ∫∫ f(v) g(u) ∫_{S²} [φ(v*) − φ(v)] B(u − v, ω) dω du dv,   v* = v + ((u − v)·ω) ω
 * (pre/post-collisional change of variables, unit Jacobian). The outer v-integral runs over the
 * pieces of f, the u-integral over the pieces of g in v-centred coordinates, the ω-integral over the
 * hemisphere about u − v (ω and −ω give the same v*): Gauss–Legendre in cos θ ∈ [0, 1] and the
 * trapezoid rule in azimuth. Cost ∝ n⁸: the default maxLevel is 3 (n = 12).
 */
export function weakForm(
  f: PhaseSpaceFunction,
  g: PhaseSpaceFunction,
  phi: (v: ArrayLike<number>) => number,
  t: number,
  x: ArrayLike<number>,
  options?: CollisionOptions,
): Estimate {
  const o = resolve({ maxLevel: 3, ...options });
  checkPoint(t, x, x);
  const pf = f.velocitySupport(t, x);
  const pg = g.velocitySupport(t, x);
  const kernel = o.kernel;
  const vv = new Float64Array(3);
  const vs = new Float64Array(3);
  const far = new Float64Array(3);
  const a1 = new Float64Array(3);
  const a2 = new Float64Array(3);
  const a3 = new Float64Array(3);
  const bb = new Float64Array(4);
  return refineUntil(
    (level) => {
      const n = ORDER_SCHEDULE[level];
      const gl = mappedRule(n, 0, 1);
      const nch = 2 * n;
      const dch = (2 * Math.PI) / nch;
      let total = 0;
      for (const a of pf) {
        const fv = evaluator(f, a, t, x);
        // plain region-centred rule: reference point far away, k = 0
        boundingBall(bb, a.region);
        far[0] = bb[0] + 1e6 * (bb[3] + 1);
        far[1] = bb[1];
        far[2] = bb[2];
        visitVolume(a.region, far, 0, n, (vx, vy, vz, wv) => {
          vv[0] = vx;
          vv[1] = vy;
          vv[2] = vz;
          const fval = fv(vv);
          if (fval === 0) return;
          const phiV = phi(vv);
          let inner = 0;
          for (const b of pg) {
            const gv = evaluator(g, b, t, x);
            visitVolume(b.region, vv, 0, n, (ux, uy, uz, wu, rho, ox, oy, oz) => {
              scratchU[0] = ux;
              scratchU[1] = uy;
              scratchU[2] = uz;
              const gval = gv(scratchU);
              if (gval === 0) return;
              a3[0] = ox;
              a3[1] = oy;
              a3[2] = oz;
              orthonormalFrame(a1, a2, a3);
              const sp = kernel.speed(rho);
              let s = 0;
              for (let i = 0; i < n; i++) {
                const c = gl.nodes[i];
                const sn = Math.sqrt(1 - c * c);
                const wi = gl.weights[i] * kernel.angular(c) * dch;
                for (let j = 0; j < nch; j++) {
                  const ch = (j + 0.5) * dch;
                  const cc = Math.cos(ch) * sn;
                  const ss = Math.sin(ch) * sn;
                  // v* = v + ρ c ω, ω = c o + sn (cos χ a1 + sin χ a2)
                  const m = rho * c;
                  vs[0] = vx + m * (c * ox + cc * a1[0] + ss * a2[0]);
                  vs[1] = vy + m * (c * oy + cc * a1[1] + ss * a2[1]);
                  vs[2] = vz + m * (c * oz + cc * a1[2] + ss * a2[2]);
                  s += wi * (phi(vs) - phiV);
                }
              }
              // hemisphere ×2
              inner += wu * gval * 2 * sp * s;
            });
          }
          total += wv * fval * inner;
        });
      }
      return total;
    },
    {
      relTol: o.tol,
      absTol: o.absTol,
      maxLevel: o.maxLevel,
      minLevel: Math.min(o.minLevel, o.maxLevel),
      label: `∫Q(${f.name}, ${g.name})φ dv (${kernel.name}), weak form`,
    },
  );
}
