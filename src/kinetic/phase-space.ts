import { RuleError } from "../math/errors.ts";

/**
 * Phase-space functions f(t, x, v) given together with their velocity supports.
 *
 * The collision operator (collision.ts) never integrates over a global velocity grid: it asks
 * `velocitySupport(t, x)` for a short list of simple regions and integrates over those, in
 * coordinates adapted to each region (docs/design.md, "Speed"). This is what keeps Q±, A accurate when
 * f and g live on very different scales (a ball of radius N⁻¹ = M⁻¹⁰ against tubes at |u| ∼ 1).
 */

/** A ball {v : |v − center| ≤ radius}. */
export interface BallRegion {
  readonly kind: "ball";
  readonly center: ArrayLike<number>;
  readonly radius: number;
}

/**
 * A solid cylinder {center + s·axis + q : a0 ≤ s ≤ a1, q ⊥ axis, |q| ≤ radius}, `axis` a unit
 * vector (the velocity tubes I_{i,j} of (2.4) are of this form, radius 1/M, axial range ±1/10).
 */
export interface CylinderRegion {
  readonly kind: "cylinder";
  readonly center: ArrayLike<number>;
  readonly axis: ArrayLike<number>;
  readonly a0: number;
  readonly a1: number;
  readonly radius: number;
}

/** A region of velocity space that the quadrature integrates over: a ball or a solid cylinder. */
export type VelocityRegion = BallRegion | CylinderRegion;

/**
 * One piece of the velocity decomposition of f(t, x, ·).
 *
 * Either `part` is given, and then f(t, x, ·) = Σ_pieces part (each part vanishing outside its
 * region), or no piece carries `part`, and then the regions are pairwise disjoint up to null sets,
 * their union contains supp f(t, x, ·), and f itself is integrated over each region.
 */
export interface VelocityPiece {
  readonly region: VelocityRegion;
  /** The component of f carried by this piece, as a function of (t, x, v) (optional, see above). */
  readonly part?: (t: number, x: ArrayLike<number>, v: ArrayLike<number>) => number;
  /**
   * Bound on ∫_{outside region} ⟨u − center⟩ |f| du when the region truncates a function that is
   * not compactly supported (Maxwellians); 0 or absent for exact supports.
   */
  readonly tail?: number;
}

/**
 * A function f(t, x, v) on phase space together with the velocity regions that cover its support,
 * so that the collision operator integrates only there (see the module comment). Build one with
 * {@link velocityFunction}, {@link maxwellian}, {@link sumOf} or {@link freeTransport}, or write
 * the three members yourself.
 */
export interface PhaseSpaceFunction {
  readonly name: string;
  /** f(t, x, v). */
  value(t: number, x: ArrayLike<number>, v: ArrayLike<number>): number;
  /** Pieces whose regions cover supp f(t, x, ·) (see {@link VelocityPiece}). */
  velocitySupport(t: number, x: ArrayLike<number>): readonly VelocityPiece[];
  /**
   * Optional: pieces covering ∪_x supp f(t, x, ·) for every x (the velocity support does not depend
   * on x). Free transport (free-transport.ts) needs it, since e^{−t v·∇x} moves x but not v.
   */
  velocitySupportAllX?(t: number): readonly VelocityPiece[];
}

/** Bounding ball (center, radius) of a region, written into out = [cx, cy, cz, R]. */
export function boundingBall(out: Float64Array, r: VelocityRegion): Float64Array {
  if (r.kind === "ball") {
    out[0] = r.center[0];
    out[1] = r.center[1];
    out[2] = r.center[2];
    out[3] = r.radius;
    return out;
  }
  const m = 0.5 * (r.a0 + r.a1);
  const h = 0.5 * (r.a1 - r.a0);
  out[0] = r.center[0] + m * r.axis[0];
  out[1] = r.center[1] + m * r.axis[1];
  out[2] = r.center[2] + m * r.axis[2];
  out[3] = Math.hypot(h, r.radius);
  return out;
}

/** Validate a region (finite numbers, positive radius, unit axis, a0 < a1); throws RuleError. */
export function checkRegion(r: VelocityRegion): VelocityRegion {
  const c = r.center;
  if (![c[0], c[1], c[2], r.radius].every(Number.isFinite) || !(r.radius > 0)) {
    throw new RuleError("a velocity region needs a finite center and a radius > 0");
  }
  if (r.kind === "cylinder") {
    if (!(r.a1 > r.a0) || !Number.isFinite(r.a0) || !Number.isFinite(r.a1)) {
      throw new RuleError("a cylinder region needs finite a0 < a1");
    }
    if (Math.abs(Math.hypot(r.axis[0], r.axis[1], r.axis[2]) - 1) > 1e-12)
      throw new RuleError("a cylinder axis must be a unit vector");
  }
  return r;
}

/**
 * A function of v alone, f(t, x, v) = h(v), supported (or truncated, with `tail`) in `regions`.
 * The regions must be pairwise disjoint (or give a single region).
 */
export function velocityFunction(
  name: string,
  h: (v: ArrayLike<number>) => number,
  regions: readonly VelocityRegion[],
  tail = 0,
): PhaseSpaceFunction {
  const pieces: VelocityPiece[] = regions.map((region) => ({ region: checkRegion(region), tail }));
  return {
    name,
    value: (_t, _x, v) => h(v),
    velocitySupport: () => pieces,
    velocitySupportAllX: () => pieces,
  };
}

/** f + g (+ …): pieces are concatenated, each carrying its own part. */
export function sumOf(name: string, terms: readonly PhaseSpaceFunction[]): PhaseSpaceFunction {
  const collect = (get: (fn: PhaseSpaceFunction) => readonly VelocityPiece[]) => {
    const out: VelocityPiece[] = [];
    for (const fn of terms) {
      const ps = get(fn);
      if (ps.length > 1 && ps.some((p) => !p.part)) {
        throw new RuleError(
          `sumOf: term "${fn.name}" has several pieces without parts; give each piece a part`,
        );
      }
      for (const p of ps) out.push(p.part ? p : { ...p, part: (t, x, v) => fn.value(t, x, v) });
    }
    return out;
  };
  const all = terms.every((fn) => fn.velocitySupportAllX);
  return {
    name,
    value: (t, x, v) => {
      let s = 0;
      for (const fn of terms) s += fn.value(t, x, v);
      return s;
    },
    velocitySupport: (t, x) => collect((fn) => fn.velocitySupport(t, x)),
    ...(all
      ? {
          velocitySupportAllX: (t: number) =>
            collect((fn) => (fn.velocitySupportAllX as (t: number) => readonly VelocityPiece[])(t)),
        }
      : {}),
  };
}
