import { type Estimate, estimate } from "../math/estimate.ts";
import { equalPanelRule } from "../math/quadrature/composite.ts";
import { gaussLegendre, mappedRule } from "../math/quadrature/gauss-legendre.ts";

/**
 * H^s norms of radial and axially separable profiles, with the docs/design.md Fourier convention
 * f̂(ξ) = (2π)^{-3/2} ∫ f(x) e^{-ix·ξ} dx and ‖f‖²_{H^s} = ∫ (1+|ξ|²)^s |f̂(ξ)|² dξ.
 *
 * For a radial profile φ supported in [0, 1]:
 *   3D: φ̂(k) = √(2/π) ∫_0^1 φ(r) r sin(kr)/k dr,
 *   2D (unitary, (2π)^{-1}): Φ₂(p) = ∫_0^1 φ(r) J₀(pr) r dr,
 *   1D (unitary, even): Φ₁(k) = √(2/π) ∫_0^1 φ(z) cos(kz) dz.
 * All r-integrals use Gauss–Legendre with enough nodes to resolve the oscillation; the outer
 * k-integrals use composite Gauss–Legendre panels on [0, K]. Each norm is computed at two
 * resolutions (nodes and K doubled); the difference is the reported error.
 */
export type Profile = (r: number) => number;

/** 3D radial transform φ̂(k) with n nodes. */
export function radialTransform3(phi: Profile, k: number, n: number): number {
  const { nodes, weights } = mappedRule(n, 0, 1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = nodes[i];
    const kr = k * r;
    const sinc = Math.abs(kr) < 1e-8 ? 1 - (kr * kr) / 6 : Math.sin(kr) / kr;
    s += weights[i] * phi(r) * r * r * sinc;
  }
  return s * Math.sqrt(2 / Math.PI);
}

/** 1D even transform Φ₁(k) with n nodes. */
export function cosineTransform1(phi: Profile, k: number, n: number): number {
  const { nodes, weights } = mappedRule(n, 0, 1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = nodes[i];
    s += weights[i] * phi(z) * Math.cos(k * z);
  }
  return s * Math.sqrt(2 / Math.PI);
}

/** J₀ by its integral representation J₀(x) = (1/π)∫_0^π cos(x sin θ) dθ is slow; use series/asymptotics. */
import besselj0 from "@stdlib/math-base-special-besselj0";

/** 2D radial transform Φ₂(p) with n nodes. */
export function radialTransform2(phi: Profile, p: number, n: number): number {
  const { nodes, weights } = mappedRule(n, 0, 1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = nodes[i];
    s += weights[i] * phi(r) * besselj0(p * r) * r;
  }
  return s;
}

/**
 * ‖φ(λ|·|)‖²_{H^s(R³)} = λ^{-3} · 4π ∫_0^∞ (1 + λ²k²)^s φ̂(k)² k² dk for a radial profile φ on [0,1].
 * `K` is the frequency cut-off of the first resolution (default 160); the second doubles K and the
 * nodes. Returns the squared norm.
 */
export function radialSobolevNormSquared(phi: Profile, s: number, lambda = 1, K = 160): Estimate {
  const at = (Kc: number, rNodes: number) => {
    // the k-nodes and weights of equalPanelGaussSum (same order, same arithmetic), with
    // φ̂(k) — independent of s and λ — cached per profile and resolution
    const { k, f } = radialTable(phi, Kc, rNodes);
    const n = 16;
    const { weights } = gaussLegendre(n);
    const H = Kc / Math.ceil(Kc / 2);
    let sum = 0;
    for (let m = 0; m < k.length; m++) {
      // (1 + λ²k²)^s λ^{-3}, written to avoid overflow for huge λ
      sum +=
        weights[m % n] *
        (Math.exp(s * Math.log1p(lambda * lambda * k[m] * k[m]) - 3 * Math.log(lambda)) *
          f[m] *
          f[m] *
          k[m] *
          k[m]);
    }
    return 4 * Math.PI * (0.5 * H * sum);
  };
  const coarse = at(K, Math.ceil(K / 2) + 64);
  const fine = at(2 * K, K + 128);
  return estimate(
    fine,
    Math.abs(fine - coarse),
    "quadrature",
    `radial Fourier quadrature, K = ${2 * K} (vs ${K})`,
  );
}

/**
 * The profile's transforms at the k-nodes of one resolution depend on neither s nor λ (nor M):
 * computed once per profile and resolution, shared by every (s, s0, M) of a threshold map.
 */
const transformTables = new WeakMap<Profile, Map<string, Float64Array[]>>();

function cachedTables(phi: Profile, key: string, make: () => Float64Array[]): Float64Array[] {
  let byKey = transformTables.get(phi);
  if (!byKey) {
    byKey = new Map();
    transformTables.set(phi, byKey);
  }
  let t = byKey.get(key);
  if (!t) {
    t = make();
    byKey.set(key, t);
  }
  return t;
}

/** The nodes k of equalPanelGaussSum on [0, Kc] (Kc/2 panels, 16 nodes) and φ̂(k) there. */
function radialTable(
  phi: Profile,
  Kc: number,
  rNodes: number,
): { k: Float64Array; f: Float64Array } {
  const [k, f] = cachedTables(phi, `3 ${Kc} ${rNodes}`, () => {
    const n = 16;
    const panels = Math.ceil(Kc / 2);
    const { nodes } = gaussLegendre(n);
    const H = Kc / panels;
    const kk = new Float64Array(panels * n);
    const vals = new Float64Array(panels * n);
    let m = 0;
    for (let p = 0; p < panels; p++) {
      const c = 0 + (p + 0.5) * H;
      for (let i = 0; i < n; i++, m++) {
        const x = c + 0.5 * H * nodes[i];
        kk[m] = x;
        vals[m] = radialTransform3(phi, x, rNodes);
      }
    }
    return [kk, vals];
  });
  return { k, f };
}

/**
 * ‖K‖²_{H^s} for the tube K(x) = φ(M|P⊥x|) φ(|e·x|) of (2.4) (any unit e):
 *   K̂(ξ) = M^{-2} Φ₂(|ξ⊥|/M) Φ₁(ξ∥), so with ξ⊥ = M p,
 *   ‖K‖²_{H^s} = M^{-2} ∫_R dξ∥ ∫_0^∞ 2π p dp (1 + ξ∥² + M²p²)^s Φ₂(p)² Φ₁(ξ∥)².
 */
export function tubeSobolevNormSquared(phi: Profile, s: number, M: number, K = 120): Estimate {
  const at = (Kc: number, rNodes: number) => {
    const m = 16;
    const panels = Math.ceil(Kc / 2);
    const kk = new Float64Array(m * panels);
    const ww = new Float64Array(m * panels);
    equalPanelRule(0, Kc, panels, m, kk, ww);
    const [phi1, phi2] = cachedTables(phi, `tube ${Kc} ${rNodes}`, () => [
      kk.map((k) => cosineTransform1(phi, k, rNodes) ** 2),
      kk.map((k) => radialTransform2(phi, k, rNodes) ** 2),
    ]);
    let total = 0;
    for (let a = 0; a < kk.length; a++) {
      if (phi1[a] === 0) continue;
      let inner = 0;
      for (let b = 0; b < kk.length; b++) {
        const p = kk[b];
        inner += ww[b] * 2 * Math.PI * p * (1 + kk[a] * kk[a] + M * M * p * p) ** s * phi2[b];
      }
      total += 2 * ww[a] * phi1[a] * inner; // ξ∥ over R: even integrand
    }
    return total / (M * M);
  };
  const coarse = at(K, Math.ceil(K / 2) + 48);
  const fine = at(2 * K, K + 96);
  return estimate(
    fine,
    Math.abs(fine - coarse),
    "quadrature",
    `tube Fourier quadrature (ξ∥, |ξ⊥|), K = ${2 * K} (vs ${K})`,
  );
}
