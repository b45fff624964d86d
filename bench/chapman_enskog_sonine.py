"""Chapman–Enskog (Sonine-polynomial) approximations of the hard-sphere viscosity and heat
conductivity from the collision brackets, by exact quadrature: an independent check of the factors
boltzlab quotes (μ/μ₁ = 1.016034, λ/λ₁ = 1.025218; Pekeris & Alterman, PNAS 43 (1957) 998). Uses
numpy/scipy only, nothing of boltzlab.

Normalization (boltzlab's, docs/particles.md): m = k_B = 1, T = ρ = 1, M(v) = (2π)^{-3/2}e^{−|v|²/2},
hard-sphere kernel B = |g·ω| with ω over all of S² (total rate 2π|g|), i.e. in the σ-representation
(g' = |g|σ) the kernel |g|/2 with σ uniform on S².

Formulas (Chapman & Cowling, The Mathematical Theory of Non-Uniform Gases, 3rd ed., ch. 7 and
§§ 7.51–7.52, 9.7; Ferziger & Kaper, Mathematical Theory of Transport Processes in Gases, ch. 5):
with f = M(1 + φ) the first-order Chapman–Enskog equation is L(Mφ) = M[(c∘c):∇u + (|c|²/2 − 5/2)c·∇T]
(T = 1), L h = Q(M,h) + Q(h,M), and in weak form
    −∫ ψ L(Mφ) dv = [ψ, φ] = ¼ ∫∫ M M_* ∫_{S²} (|g|/2) Δψ Δφ dσ dv dv_*,
    Δφ = φ(v') + φ(v'_*) − φ(v) − φ(v_*)            (the bracket, C&C eq. 4.4,7 up to normalization).
Hence  μ = ⟨s_μ M, (−L)^{-1} s_μ M⟩,  s_μ = c_x c_y;   λ = ⟨s_λ M, (−L)^{-1} s_λ M⟩,  s_λ = (|c|²/2 − 5/2)c_x.
The n-th Chapman–Enskog (Sonine) approximation is the Ritz–Galerkin value b·A⁻¹b on the span of
    viscosity:     S^{(p)}_{5/2}(|c|²/2) c_x c_y,  p = 0 … n−1,
    conductivity:  S^{(p)}_{3/2}(|c|²/2) c_x,      p = 1 … n        (p = 0 is momentum, excluded),
A_pq = [φ_p, φ_q], b_p = ∫ s φ_p M (S^{(p)}_α = generalized Laguerre L_p^{(α)}, C&C § 7.5). It
increases with n (a variational lower bound) to the exact value.

Quadrature (all exact for the polynomial degrees involved, so the only error is round-off). With
G = (v + v_*)/2, g = v − v_*: M M_* dv dv_* = (2π)^{-3} e^{−|G|²−|g|²/4} dG dg. Summing the tensor
(vector) components makes the integrand invariant under O(3), so g = r e_z, σ = (sin χ, 0, cos χ):
    ∫dg∫dσ h = 4π · 2π ∫_0^∞ r² dr ∫_{-1}^{1} d(cos χ) h(r, cos χ);
G by Gauss–Hermite (weight e^{−x²}) per axis, cos χ by Gauss–Legendre, and r by generalized
Gauss–Laguerre in s = r²/4 (r³ dr e^{−r²/4} = 8 s e^{−s} ds, α = 1; the integrand is even in g).
The xy component of the summed bracket is 1/10 of the sum over the 9 tensor components
(the 5-dimensional irreducible space, ‖sym-traceless E_xy‖² = 1/2), resp. 1/3 for the vector.

Checks printed: the first approximations μ₁ = (5/32)/√π, λ₁ = (75/128)/√π (C&C eq. 10.21,1–2
converted to d² = 2), the second-approximation factors 1 + 3/202 and 1 + 1/44 (C&C § 10.21), and the
sequence n = 1 … N converging to the quoted 1.016034 and 1.025218.

Usage: python3 bench/chapman_enskog_sonine.py [N=8] → one JSON line:
  {"viscosity": [μ_1, …, μ_N], "heatConductivity": [λ_1, …, λ_N], "mu1", "lambda1", "ratiosMu",
   "ratiosLambda", "quadrature": {...}}.
"""
import json
import sys

import numpy as np
from scipy.special import eval_genlaguerre, roots_genlaguerre, roots_hermite, roots_legendre


def basis(kind, n):
    """Viscosity: (α, p-range) = (5/2, 0..n−1); conductivity: (3/2, 1..n)."""
    return (2.5, range(0, n)) if kind == "viscosity" else (1.5, range(1, n + 1))


def components(kind, w, alpha, ps):
    """φ_p components at velocities w (..., 3): array (P, ..., C), C = 9 (tensor) or 3 (vector)."""
    w2 = np.sum(w * w, axis=-1)
    lag = np.stack([eval_genlaguerre(p, alpha, 0.5 * w2) for p in ps])  # (P, ...)
    if kind == "viscosity":
        t = w[..., :, None] * w[..., None, :] - np.eye(3) * (w2[..., None, None] / 3.0)
        t = t.reshape(w.shape[:-1] + (9,))
    else:
        t = w
    return lag[..., None] * t[None]


def source(kind, w):
    """s components: sym-traceless c∘c (9) resp. (|c|²/2 − 5/2)c (3)."""
    w2 = np.sum(w * w, axis=-1)
    if kind == "viscosity":
        t = w[..., :, None] * w[..., None, :] - np.eye(3) * (w2[..., None, None] / 3.0)
        return t.reshape(w.shape[:-1] + (9,))
    return (0.5 * w2 - 2.5)[..., None] * w


def brackets(kind, n_max):
    """(A, b, scale, quadrature): the brackets A_pq = [φ_p, φ_q] and b_p = ∫ s φ_p M, both summed over the
    tensor (vector) components — divide by `scale` for the xy (x) component."""
    alpha, ps = basis(kind, n_max)
    ps = list(ps)
    deg = 2 * n_max + (0 if kind == "viscosity" else 1)  # max degree of φ_p in velocity
    ng = deg + 1  # Gauss–Hermite exact to 2 ng − 1 ≥ 2 deg
    nr = deg // 2 + 2  # Laguerre in s, integrand degree ≤ deg in s = r²/4
    nc = deg + 1  # Legendre in cos χ, degree ≤ 2 deg
    xg, wg = roots_hermite(ng)
    G = np.stack(np.meshgrid(xg, xg, xg, indexing="ij"), axis=-1).reshape(-1, 3)
    WG = (wg[:, None, None] * wg[None, :, None] * wg[None, None, :]).reshape(-1)
    sr, wr = roots_genlaguerre(nr, 1.0)
    cx, wc = roots_legendre(nc)
    P = len(ps)
    A = np.zeros((P, P))
    for s, ws in zip(sr, wr):
        r = 2.0 * np.sqrt(s)
        g = np.array([0.0, 0.0, r])
        before = components(kind, G + 0.5 * g, alpha, ps) + components(kind, G - 0.5 * g, alpha, ps)
        for c, wcc in zip(cx, wc):
            gp = r * np.array([np.sqrt(max(0.0, 1.0 - c * c)), 0.0, c])
            after = components(kind, G + 0.5 * gp, alpha, ps) + components(kind, G - 0.5 * gp, alpha, ps)
            d = after - before  # (P, NG, C)
            A += ws * wcc * np.einsum("pgc,qgc,g->pq", d, d, WG, optimize=True)
    # ¼ (2π)^{-3} · 4π · 2π · ½ (kernel |g|/2) · 8 (r³ dr e^{−r²/4} = 8 s e^{−s} ds)
    A *= 0.25 * (2 * np.pi) ** -3 * 4 * np.pi * 2 * np.pi * 0.5 * 8
    # b_p = ∫ s·φ_p M dv, v = √2 x, M dv = π^{-3/2} e^{−|x|²} dx
    nb = deg + 2
    xb, wb = roots_hermite(nb)
    X = np.sqrt(2.0) * np.stack(np.meshgrid(xb, xb, xb, indexing="ij"), axis=-1).reshape(-1, 3)
    WB = (wb[:, None, None] * wb[None, :, None] * wb[None, None, :]).reshape(-1) * np.pi**-1.5
    phi = components(kind, X, alpha, ps)
    b = np.einsum("pgc,gc,g->p", phi, source(kind, X), WB)
    scale = 10.0 if kind == "viscosity" else 3.0  # xy (x) component = summed / 10 (/ 3)
    return A, b, scale, {"hermite": ng, "laguerre": nr, "legendre": nc}


def sonine_sequence(kind, n_max):
    """[value_1, …, value_{n_max}] for the coefficient (T = ρ = 1)."""
    A, b, scale, quadrature = brackets(kind, n_max)
    P = len(b)
    out = []
    for n in range(1, P + 1):
        An = A[:n, :n] / scale
        bn = b[:n] / scale
        out.append(float(bn @ np.linalg.solve(An, bn)))
    return out, quadrature


def main():
    n_max = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    mu, qm = sonine_sequence("viscosity", n_max)
    lam, ql = sonine_sequence("heat-conductivity", n_max)
    mu1 = 5 / 32 / np.sqrt(np.pi)
    lam1 = 75 / 128 / np.sqrt(np.pi)
    print(
        json.dumps(
            {
                "viscosity": mu,
                "heatConductivity": lam,
                "mu1ClosedForm": mu1,
                "lambda1ClosedForm": lam1,
                "ratiosMu": [x / mu[0] for x in mu],
                "ratiosLambda": [x / lam[0] for x in lam],
                "secondApproximation": {"mu": 1 + 3 / 202, "lambda": 1 + 1 / 44},
                "quoted": {"mu": 1.016034, "lambda": 1.025218},
                "quadrature": {"viscosity": qm, "heatConductivity": ql},
            }
        )
    )


if __name__ == "__main__":
    main()
