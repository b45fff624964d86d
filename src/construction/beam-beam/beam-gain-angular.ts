import { RuleError } from "../../math/errors.ts";
import { seededUniform } from "../../math/sampling/uniform-stream.ts";
import type { Beam } from "../beam/beam.ts";
import { beamBumpPieces } from "./beam-gain.ts";

/**
 * Diagnostic of the angular step (4.40)–(4.44) of Lemma 4.6 (Case 1): for off-diagonal pairs
 * (k1, k2), v ∈ I_{k1}, u ∈ I_{k2} (the pre-collisional velocities after the change of variables of
 * (4.32)), the angular integral of
 *   E_{k1}(ω) = sup_x ∫_0^{T*} χ(M P⊥_{e_{k1}}(x − v*t − P_ω(v − u)τ)) dτ = (2/σ)Φ(σ·T* / 2),
 *   σ = M|P⊥_{e_{k1}} P_ω(v − u)|,  Φ(r) = ∫_0^{min(r,1)} φ
 * (exact: the line through the axis, centred in the window), against the right side of (4.44)
 * without its constant, M^{−1/2}/|e_{k1} − e_{k2}|. The ratio R = ∫_{S²}E dω · M^{1/2}|e_{k1} − e_{k2}|
 * is the implied constant of (4.44) on that configuration: if the step is sharp, R stays bounded away
 * from 0 as M grows. Also reported: R' = ∫_{S²}E dω · M|e_{k1} − e_{k2}|/ln M (the size without the
 * Cauchy–Schwarz-type split 1/(sin φ cos θ) ≤ 1/sin²φ + 1/cos²θ of (4.41)).
 * Monte Carlo: pairs uniform among ordered off-diagonal pairs, v, u uniform in the bump cylinders
 * weighted by I, ω uniform on S²; seeded; standard errors over samples. The ratios are averaged with
 * weight I_{k1}(v) I_{k2}(u) (the weight in (4.44)).
 */
export interface AngularDiagnostic {
  readonly M: number;
  /** Weighted mean of R = ∫E dω · M^{1/2}|e1 − e2|. */
  readonly ratioToPaper: { value: number; se: number };
  /** Weighted mean of ∫E dω · M|e1 − e2| / ln M. */
  readonly ratioToLnM: { value: number; se: number };
  readonly samples: number;
  readonly seed: number;
}

export function angularDiagnostic(beam: Beam, samples = 20000, seed = 1): AngularDiagnostic {
  if (!(Number.isInteger(samples) && samples >= 2))
    throw new RuleError("samples must be an integer >= 2", `got ${samples}`);
  const rnd = seededUniform(seed);
  const pieces = beamBumpPieces(beam);
  const n = pieces.length;
  const e = beam.lattice.e;
  const M = beam.params.M;
  const T = beam.params.Tstar;
  const phi = beam.cutoff.phi;
  // Φ by Simpson on 2048 panels
  const P = new Float64Array(2049);
  for (let i = 1; i <= 2048; i++) {
    const a = (i - 1) / 2048;
    const h = 1 / 2048;
    P[i] = P[i - 1] + (h / 6) * (phi(a) + 4 * phi(a + h / 2) + phi(a + h));
  }
  const Phi = (r: number) => {
    if (r >= 1) return P[2048];
    const x = r * 2048;
    const i = Math.floor(x);
    return P[i] + (x - i) * (P[i + 1] - P[i]);
  };
  const v = new Float64Array(3);
  const u = new Float64Array(3);
  let sw = 0;
  let s1 = 0;
  let s1q = 0;
  let s2 = 0;
  let s2q = 0;
  const lnM = Math.log(M);
  for (let it = 0; it < samples; it++) {
    const k1 = Math.floor(rnd() * n);
    let k2 = Math.floor(rnd() * (n - 1));
    if (k2 >= k1) k2++;
    const p1 = pieces[k1];
    const p2 = pieces[k2];
    sampleCylinder(v, p1, rnd);
    sampleCylinder(u, p2, rnd);
    const w = p1.profile(v) * p2.profile(u);
    if (w === 0) continue;
    // ω uniform on S²
    const cz = 2 * rnd() - 1;
    const ph = 2 * Math.PI * rnd();
    const sz = Math.sqrt(1 - cz * cz);
    const ox = sz * Math.cos(ph);
    const oy = sz * Math.sin(ph);
    const dx = v[0] - u[0];
    const dy = v[1] - u[1];
    const dz = v[2] - u[2];
    const c = ox * dx + oy * dy + cz * dz;
    // P_ω(v − u) = c ω; its part ⊥ e1
    const ex = e[3 * k1];
    const ey = e[3 * k1 + 1];
    const ez = e[3 * k1 + 2];
    const a = c * (ox * ex + oy * ey + cz * ez);
    const qx = c * ox - a * ex;
    const qy = c * oy - a * ey;
    const qz = c * cz - a * ez;
    const sigma = M * Math.hypot(qx, qy, qz);
    const E = sigma > 0 ? Math.min(T, (2 / sigma) * Phi(0.5 * sigma * T)) : T;
    const de = Math.hypot(ex - e[3 * k2], ey - e[3 * k2 + 1], ez - e[3 * k2 + 2]);
    const ang = 4 * Math.PI * E; // one-sample estimate of ∫_{S²} E dω
    const r1 = ang * Math.sqrt(M) * de;
    const r2 = (ang * M * de) / lnM;
    sw += w;
    s1 += w * r1;
    s1q += w * r1 * r1;
    s2 += w * r2;
    s2q += w * r2 * r2;
  }
  const stat = (s: number, sq: number) => {
    const m = s / sw;
    // weighted mean: variance of the ratio estimator, conservative (effective n = samples)
    const varw = Math.max(0, sq / sw - m * m);
    return { value: m, se: Math.sqrt(varw / samples) };
  };
  return { M, ratioToPaper: stat(s1, s1q), ratioToLnM: stat(s2, s2q), samples, seed };
}

function sampleCylinder(
  out: Float64Array,
  p: ReturnType<typeof beamBumpPieces>[number],
  rnd: () => number,
): void {
  const r = p.region;
  if (r.kind !== "cylinder") throw new RuleError("bump pieces are cylinders");
  const a = r.a0 + (r.a1 - r.a0) * rnd();
  const q = r.radius * Math.sqrt(rnd());
  const ph = 2 * Math.PI * rnd();
  for (let i = 0; i < 3; i++)
    out[i] = r.center[i] + a * r.axis[i] + q * (Math.cos(ph) * p.f1[i] + Math.sin(ph) * p.f2[i]);
}
