import assert from "node:assert/strict";
import { test } from "node:test";
import { coreCoreConstants, gainRadial, meanSpeed } from "../../src/claims/error-table/core-bilinear-terms.ts";
import { coreDecay, transportConstants } from "../../src/claims/error-table/transport-term.ts";
import { makeBeam } from "../../src/construction/beam.ts";
import { cutoffByName } from "../../src/construction/cutoff.ts";
import { coreExponent, coreLogAmplitude, coreValue } from "../../src/construction/core.ts";
import { makeParameters } from "../../src/construction/parameters.ts";
import { collisionFrequency, gainTerm } from "../../src/kinetic/collision.ts";
import type { PhaseSpaceFunction } from "../../src/kinetic/phase-space.ts";
import { gaussLegendre } from "../../src/math/gauss-legendre.ts";

/**
 * The reductions behind the f_r terms of the error table, each checked against an independent
 * method: Λ₀ against the general per-tube A[f_b]; the bound Δ against Λ at core points; the
 * transport integrand against finite differences of the general f_r; a(r) and Q⁺(χ,χ) against
 * collision.ts; Q⁻(f_r,f_r) against collision.ts on the general f_r; mass conservation ∫Q⁺ = ∫Q⁻.
 */

const bump = cutoffByName("bump");
const beam4 = makeBeam(makeParameters({ M: 4 }), bump, "as-written");

test("Λ₀(τ) (Chebyshev antiderivative of the single-tube A(τ,0,0)) equals the general Λ(τ,0,0)", () => {
  const dec = coreDecay(beam4);
  const T = beam4.params.Tstar;
  for (const tau of [0.3 * T, T]) {
    const general = coreExponent(beam4, tau, [0, 0, 0], [0, 0, 0]);
    assert.ok(
      Math.abs(dec.lambda0(tau) - general.value) <= general.error + dec.lambda0Error + 1e-7 * general.value,
      `τ=${tau}: ${dec.lambda0(tau)} vs ${general.value} ± ${general.error}`,
    );
  }
});

test("|Λ(τ,y,u) − Λ₀(τ)| ≤ Δ(τ) at core points (general per-tube Λ); Δ is small", () => {
  const dec = coreDecay(beam4);
  const { M, lnN, Tstar: T } = beam4.params;
  const r = 0.99 / (100 * M);
  const u = 0.9 * Math.exp(-lnN);
  for (const y of [
    [r, 0, 0],
    [0, 0, r],
    [0, 0, -r],
    [0.6 * r, -0.6 * r, 0.5 * r],
  ]) {
    const L = coreExponent(beam4, T, y, [0, u, 0]);
    const d = Math.abs(L.value - dec.lambda0(T));
    assert.ok(d <= dec.delta(T) + L.error, `y=${y}: |Λ − Λ₀| = ${d} > Δ = ${dec.delta(T)}`);
  }
  assert.ok(dec.delta(T) < 0.01);
});

test("transport integrand: v·∇x f_r by finite differences of the general f_r is within the reduction's bound", () => {
  const dec = coreDecay(beam4);
  const { M, lnN, Tstar: T } = beam4.params;
  const N = Math.exp(lnN);
  const lam = 100 * M;
  const amp = Math.exp(coreLogAmplitude(beam4));
  const c = transportConstants(bump);
  const tau = 0.7 * T;
  const v = [0.3 / N, -0.4 / N, 0.5 / N];
  const vn = Math.hypot(v[0], v[1], v[2]);
  const chiV = bump.phi(N * vn);
  for (const yr of [0.35, 0.6, 0.8]) {
    const dir = [0.48, 0.6, 0.64];
    const y = dir.map((d) => (d * yr) / lam);
    // Richardson-extrapolated central difference along v of the general f_r
    const along = (h: number) => {
      const p = y.map((yi, i) => yi + (h * v[i]) / vn);
      const m = y.map((yi, i) => yi - (h * v[i]) / vn);
      return (coreValue(beam4, tau, p, v).value - coreValue(beam4, tau, m, v).value) / (2 * h);
    };
    const h = 0.01 / lam;
    const fd = vn * ((4 * along(h / 2) - along(h)) / 3);
    const E = Math.exp(-dec.lambda0(tau));
    const cosA = (dir[0] * v[0] + dir[1] * v[1] + dir[2] * v[2]) / vn;
    const main = amp * chiV * E * lam * bump.dphi(yr) * cosA * vn;
    const delta = dec.delta(tau);
    const bound =
      amp * chiV * vn * E * (Math.expm1(delta) * lam * Math.abs(bump.dphi(yr)) + Math.exp(delta) * dec.gradBound(tau) * bump.phi(yr));
    assert.ok(Math.abs(fd - main) <= bound + 1e-5 * Math.abs(main), `|y|·100M=${yr}: fd ${fd}, main ${main}, bound ${bound}`);
    assert.ok(bound < 0.01 * Math.abs(main), "the bound is a small fraction of the value");
  }
  // the constants of the separable norms: ∫χ²|V|², ∫φ'(|X|)² against tensor Gauss–Legendre on the cube
  const n = 24;
  const { nodes, weights } = gaussLegendre(n);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const rr = Math.hypot(nodes[i], nodes[j], nodes[k]);
        const w = weights[i] * weights[j] * weights[k];
        a += w * bump.phi(rr) ** 2 * rr * rr;
        b += w * bump.dphi(rr) ** 2;
      }
  assert.ok(Math.abs(a / c.chi2v2 - 1) < 1e-3, `∫χ²|V|²: ${a} vs ${c.chi2v2}`);
  assert.ok(Math.abs(b / c.P1 - 1) < 1e-3, `∫φ'²: ${b} vs ${c.P1}`);
  // sup_X |∇²Φ(X) V| = |V| max(|φ''|, |φ'/r|): a scan over X never exceeds it and comes close
  let best = 0;
  for (let i = 1; i <= 400; i++) {
    const r = i / 400;
    for (const cth of [1, 0]) {
      // X̂·V̂ = cth, |V| = 1: |∇²Φ V|² = φ''² cth² + (φ'/r)² (1 − cth²)
      best = Math.max(best, Math.sqrt(bump.d2phi(r) ** 2 * cth * cth + (bump.dphi(r) / r) ** 2 * (1 - cth * cth)));
    }
  }
  assert.ok(best <= c.H * (1 + 1e-12) && best > 0.999 * c.H, `scan ${best} vs H ${c.H}`);
});

const ballPiece = { region: { kind: "ball" as const, center: new Float64Array(3), radius: 1 } };
const chi: PhaseSpaceFunction = {
  name: "χ",
  value: (_t, _x, v) => bump.phi(Math.hypot(v[0], v[1], v[2])),
  velocitySupport: () => [ballPiece],
  velocitySupportAllX: () => [ballPiece],
};

test("a(r) = ∫|W−V|χ(W)dW and q(r) = Q⁺(χ,χ) against collision.ts; ∫Q⁺(χ,χ) = ∫Q⁻(χ,χ)", () => {
  for (const r of [0.4, 1.5]) {
    const A = collisionFrequency(chi, 0, [0, 0, 0], [r, 0, 0], { tol: 1e-9, maxLevel: 8 });
    const a = 2 * Math.PI * meanSpeed(bump, r);
    assert.ok(Math.abs(a - A.value) <= A.error + 1e-8 * A.value, `r=${r}: ${a} vs ${A.value} ± ${A.error}`);
  }
  const r = 0.5;
  const Q = gainTerm(chi, chi, 0, [0, 0, 0], [0, r, 0], { tol: 1e-6, maxLevel: 6 });
  const q = gainRadial(bump, r);
  assert.ok(Math.abs(q.value - Q.value) <= 2 * Q.error + 1e-6 * Q.value, `q(${r}) ${q.value} vs ${Q.value} ± ${Q.error}`);
  const plus = coreCoreConstants(bump, "+");
  const minus = coreCoreConstants(bump, "-");
  assert.ok(Math.abs(plus.C1 - minus.C1) <= (plus.relErr + minus.relErr) * plus.C1 + 1e-9 * plus.C1, `${plus.C1} vs ${minus.C1}`);
});

test("Q⁻(f_r,f_r) at a point: collision.ts on the general f_r is within e^{±2Δ} of the reduction", () => {
  const dec = coreDecay(beam4);
  const { M, lnN, Tstar: T } = beam4.params;
  const N = Math.exp(lnN);
  const tau = 0.6 * T;
  const y = [0.3 / (100 * M), 0, 0.2 / (100 * M)];
  const V = [0.2, 0.3, -0.1];
  const v = V.map((x) => x / N);
  const logAmp = coreLogAmplitude(beam4);
  // f_r(τ,y,·) with the general Λ(τ,y,0) (per-tube A[f_b]); its variation over |u| ≤ 1/N is
  // ≤ τ·2πM^{1−s}nV/N ~ 1e-6 relative (core-norm.ts), far below what is tested here
  const Ly = coreExponent(beam4, tau, y, [0, 0, 0]).value;
  const piece = { region: { kind: "ball" as const, center: new Float64Array(3), radius: 1 / N } };
  const scale = Math.exp(logAmp - 1.5 * lnN);
  const fry: PhaseSpaceFunction = {
    name: "fr(τ,y,·)",
    value: (_t, x, u) => scale * Math.exp(-Ly) * bump.phi(100 * M * Math.hypot(x[0], x[1], x[2])) * bump.phi(N * Math.hypot(u[0], u[1], u[2])),
    velocitySupport: () => [piece],
    velocitySupportAllX: () => [piece],
  };
  const A = collisionFrequency(fry, tau, y, v, { tol: 1e-9, maxLevel: 8 });
  const frv = coreValue(beam4, tau, y, v);
  // both sides times N^{−3/2} (the amplitude of fry carries it)
  const general = frv.value * A.value;
  const E = Math.exp(-dec.lambda0(tau));
  const Vn = Math.hypot(V[0], V[1], V[2]);
  const reduced =
    Math.exp(2 * logAmp - 5.5 * lnN) * E * E * bump.phi(Math.hypot(y[0], y[1], y[2]) * 100 * M) ** 2 * 2 * Math.PI * bump.phi(Vn) * meanSpeed(bump, Vn);
  const rel = Math.abs(general / reduced - 1);
  const qErr = A.error / A.value + frv.error / frv.value;
  assert.ok(rel <= Math.expm1(2 * dec.delta(tau)) + qErr, `rel ${rel} vs bound ${Math.expm1(2 * dec.delta(tau))}`);
  assert.ok(rel > 10 * qErr, `the general f_r differs measurably from the reduced one (${rel})`);
});

test("Q⁺(f_r,f_r) at a point: collision.ts on Amp E χ(100Mx) χ(Nv) at scale 1/N equals Amp²E²χ²N⁻⁴ q(N|v|)", () => {
  const dec = coreDecay(beam4);
  const { M, lnN, Tstar: T } = beam4.params;
  const N = Math.exp(lnN);
  const tau = 0.5 * T;
  const E = Math.exp(-dec.lambda0(tau));
  const logAmp = coreLogAmplitude(beam4);
  const piece = { region: { kind: "ball" as const, center: new Float64Array(3), radius: 1 / N } };
  // amplitude scaled by N^{-3/2} to keep the numbers moderate; the scaling is checked through N⁻⁴
  const scale = Math.exp(logAmp - 1.5 * lnN);
  const F0: PhaseSpaceFunction = {
    name: "F0",
    value: (_t, x, u) => scale * E * bump.phi(100 * M * Math.hypot(x[0], x[1], x[2])) * bump.phi(N * Math.hypot(u[0], u[1], u[2])),
    velocitySupport: () => [piece],
    velocitySupportAllX: () => [piece],
  };
  const y = [0, 0.4 / (100 * M), 0];
  const V = 0.6;
  const Q = gainTerm(F0, F0, tau, y, [V / N, 0, 0], { tol: 1e-6, maxLevel: 6 });
  const expected = scale * scale * E * E * bump.phi(0.4) ** 2 * N ** -4 * gainRadial(bump, V).value;
  assert.ok(Math.abs(Q.value / expected - 1) <= 2 * Q.error / Q.value + 1e-6, `${Q.value} vs ${expected}`);
});
