/**
 * Shared by source-l2-beam-terms.test.ts, source-l2-beam-gradients.test.ts and
 * source-l2-core-terms.test.ts (tests only): the M = 4 construction (bump, as-in-proof), the error
 * table's L² entries from the fixture, the plane reduction of Q⁺(f_b, f_r), and the comparison of a one-function projection (solvers/particles/duhamel-overlap.ts) with a reference.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeBeam } from "../../../src/construction/beam/beam.ts";
import { bump } from "../../../src/construction/geometry/cutoff.ts";
import { makeParameters } from "../../../src/construction/parameters/parameters.ts";
import { gaussLegendre } from "../../../src/math/quadrature/gauss-legendre.ts";
import type { SelfProjection } from "../../../src/solvers/particles/duhamel-overlap.ts";
import {
  type PaperEnvelope,
  tubeTerm,
} from "../../../src/solvers/particles/paper-backgrounds/paper-envelope.ts";
import type { SourceTerm } from "../../../src/solvers/particles/paper-backgrounds/termed-source.ts";

export const beam = makeBeam(makeParameters({ M: 4 }), bump, "as-in-proof");
export const { M, s0, Tstar: T } = beam.params;
export const PRE = M ** s0;
export const R = 8;

/** The table entry (window (0, T*)) of a term's L² (or ∇L²) part from the M = 4 fixture. */
export function tableEntry(
  term: string,
  solution: "f" | "g",
  part: "L2" | "gradL2" = "L2",
): { value: number; error: number } {
  const file = join(import.meta.dirname, "../../report/fixtures/errors-m4.jsonl");
  for (const line of readFileSync(file, "utf8").trim().split("\n")) {
    const r = JSON.parse(line);
    if ((r.solution ?? "f") === solution && r.term === term && r.part === part) {
      assert.equal(r.full.t0, 0);
      assert.ok(Math.abs(r.full.t - T) < 1e-12 * T);
      return r.full.value;
    }
  }
  throw new Error(`no fixture record for ${term}`);
}

export function termOf(terms: readonly SourceTerm[], name: string): SourceTerm {
  const q = terms.find((s) => s.name === name);
  assert.ok(q, name);
  return q;
}

/**
 * The comparison of every term: the mean overlap against ‖ωψ‖² and U^{1/4} against ‖ωψ‖ (norm =
 * the table's entry / its prefactor (M^{s0} for L², M^{s0−1} for ∇L²) or an independent
 * quadrature), within 3 standard errors + the reference's own error; the statistical error below
 * `maxRel` of the value. Printed values are × the prefactor `pre`.
 */
export function assertAgrees(
  label: string,
  p: SelfProjection,
  norm: { value: number; error: number },
  maxRel: number,
  diag: (s: string) => void,
  pre = PRE,
): void {
  const root = Math.sqrt(p.overlap.value);
  const rootErr = p.overlap.error / (2 * root);
  diag(
    `${label}: √mean L = ${(pre * root).toExponential(4)} ± ${(pre * rootErr).toExponential(2)}, ` +
      `U^{1/4} = ${(pre * p.norm.value).toExponential(4)} ± ${(pre * p.norm.error).toExponential(2)} ` +
      `(× prefactor); reference ${(pre * norm.value).toExponential(4)} ± ${(pre * norm.error).toExponential(2)}`,
  );
  assert.ok(p.norm.error < maxRel * p.norm.value, `${label}: U^{1/4} error ${p.norm.error}`);
  assert.ok(rootErr < maxRel * root, `${label}: overlap error ${rootErr}`);
  assert.ok(
    Math.abs(p.norm.value - norm.value) < 3 * p.norm.error + norm.error,
    `${label}: U^{1/4} ${p.norm.value} ± ${p.norm.error} vs ${norm.value} ± ${norm.error}`,
  );
  assert.ok(
    Math.abs(root - norm.value) < 3 * rootErr + norm.error,
    `${label}: √mean L ${root} ± ${rootErr} vs ${norm.value} ± ${norm.error}`,
  );
}

/**
 * P(τ, y, n̂, r) = Σ_k ∫_{p·n̂ = r} I_k(p) K_k(y − τp) dA(p) (f_b(τ, y, ·)/(c_bM^{1−s}) over the plane),
 * per bump in its frame (e = e_k, ê = P⊥n̂/|P⊥n̂|, ê' = e × ê; p = a e + q₁ê + q₂ê', c = n̂·e,
 * s = |P⊥n̂|, the plane a c + q₁ s = r): (q₁, q₂) ∈ [−ρ, ρ]² with dA = dq/c where ρs ≤ hc, else
 * (a, q₂) ∈ [1 − h, 1 + h] × [−ρ, ρ] with dA = da dq₂/s; n-point Gauss–Legendre per axis. Written
 * here, independent of the table's plane-section rules.
 */
export function planeIntegral(
  env: PaperEnvelope,
  tau: number,
  y: ArrayLike<number>,
  nHat: ArrayLike<number>,
  r: number,
  n: number,
): number {
  const { nodes, weights } = gaussLegendre(n);
  const { rho, h } = env;
  const lat = env.beam.lattice.e;
  const p = new Float64Array(3);
  let total = 0;
  for (let k = 0; k < env.n; k++) {
    const e = [lat[3 * k], lat[3 * k + 1], lat[3 * k + 2]];
    const c = nHat[0] * e[0] + nHat[1] * e[1] + nHat[2] * e[2];
    if (Math.abs(c - r) > h + rho) continue;
    const perp = [nHat[0] - c * e[0], nHat[1] - c * e[1], nHat[2] - c * e[2]];
    const s = Math.hypot(perp[0], perp[1], perp[2]);
    let b1: number[];
    if (s > 1e-12) b1 = perp.map((q) => q / s);
    else {
      const t = Math.abs(e[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
      const d = t[0] * e[0] + t[1] * e[1] + t[2] * e[2];
      const u = [t[0] - d * e[0], t[1] - d * e[1], t[2] - d * e[2]];
      const nu = Math.hypot(u[0], u[1], u[2]);
      b1 = u.map((q) => q / nu);
    }
    const b2 = [
      e[1] * b1[2] - e[2] * b1[1],
      e[2] * b1[0] - e[0] * b1[2],
      e[0] * b1[1] - e[1] * b1[0],
    ];
    const disk = c > 0 && rho * s <= h * c;
    if (!disk && s <= 1e-12) continue;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const q2 = rho * nodes[j];
        let a: number;
        let q1: number;
        let w: number;
        if (disk) {
          q1 = rho * nodes[i];
          a = (r - q1 * s) / c;
          w = (rho * rho * weights[i] * weights[j]) / c;
        } else {
          a = 1 + h * nodes[i];
          q1 = (r - a * c) / s;
          w = (h * rho * weights[i] * weights[j]) / s;
        }
        for (let d = 0; d < 3; d++) p[d] = a * e[d] + q1 * b1[d] + q2 * b2[d];
        const f = tubeTerm(env, k, tau, y, p);
        if (f !== 0) total += w * f;
      }
    }
  }
  return total;
}

/**
 * The plane reduction of Q⁺(f_b, f_r)(τ, y, v) (source-l2-beam-terms.test.ts), n-point
 * Gauss–Legendre per axis of the plane ∩ bump ({@link planeIntegral}); the velocity nodes depend
 * on v only, so for fixed v it is a smooth function of y.
 */
export function beamCoreGain(
  ga: { envelope: PaperEnvelope },
  lambda0: (tau: number) => number,
): (tau: number, y: Float64Array, v: ArrayLike<number>, n?: number) => number {
  const env = ga.envelope;
  const { phi } = beam.cutoff;
  const RM = 1 / env.coreX;
  const N = 1 / env.coreV;
  const { nodes, weights } = gaussLegendre(64);
  let j2 = 0;
  for (let i = 0; i < 64; i++) {
    const r = 0.5 * (1 + nodes[i]);
    j2 += 0.5 * weights[i] * r * r * phi(r);
  }
  // ρ_r(τ, y) = ∫ f_r(τ, y, u) du = Amp_r e^{−Λ₀(τ)} φ(RM|y|) 4πN⁻³∫r²φ (Λ reduced to Λ(τ, 0, 0))
  const density = (tau: number, y: ArrayLike<number>) =>
    Math.exp(env.logCoreAmplitude - lambda0(tau)) *
    phi(RM * Math.hypot(y[0], y[1], y[2])) *
    4 *
    Math.PI *
    N ** -3 *
    j2;
  // Q⁺(f_b, f_r)(τ, y, v) = (2/|v|) ρ_r(τ, y) c_bM^{1−s} P(τ, y, v̂, |v|): u ∈ supp f_r(τ, y, ·) has
  // |u| < 1/N, so the Carleman plane through v normal to u − v is the plane p·v̂ = |v| up to an angle
  // 1/(N|v|) (relative error ≲ 1/(N|v|ρ) ≈ 4e-5/|v|; the table's band/slab remainders)
  const nv = new Float64Array(3);
  return (tau: number, y: Float64Array, v: ArrayLike<number>, n = 16) => {
    const sp = Math.hypot(v[0], v[1], v[2]);
    const rhoR = density(tau, y);
    if (rhoR === 0 || sp === 0) return 0;
    for (let d = 0; d < 3; d++) nv[d] = v[d] / sp;
    return (2 / sp) * rhoR * beam.amplitude * planeIntegral(env, tau, y, nv, sp, n);
  };
}
