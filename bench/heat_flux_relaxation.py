"""The initial layer of the heat wave from the Sonine brackets (numpy/scipy only, nothing of boltzlab):
how much of the flux relaxation a window [t₁, t₂] of the wave method still contains.

The heat wave starts from a local-equilibrium deviation sin(kx)(|v|²/2 − 5/2)M (no heat flux), so to
leading order in k the flux is the running Green–Kubo integral,
    Q_c(t) ≈ −k δT_s(t) ∫_0^t C(s) ds,   C(s) = ⟨s_λ M, e^{sL} s_λ M⟩,  s_λ = (|c|²/2 − 5/2)c_x,
and the flux/gradient ratio lacks the fraction D(t) = ∫_t^∞ C / λ of λ = ∫_0^∞ C (T = ρ = 1). On the
Ritz–Galerkin space of the Chapman–Enskog approximations (S^{(p)}_{3/2}(|c|²/2)c_x, p = 1 … n;
brackets A and Gram matrix Γ from bench/chapman_enskog_sonine.py) the generalized eigenproblem
A x = r Γ x gives C(s) = Σ β_n² e^{−r_n s} and D(t) = Σ (β_n²/r_n) e^{−r_n t} / λ. The smallest r_n
is the slowest non-hydrodynamic relaxation of the heat flux (a discrete eigenvalue of −L below the
continuum, which starts at ν(0) = 2π√(8/π) = 10.03 here). The window mean of D over [t₁, t₂] is the
initial-layer bias of the window estimator (δT_s nearly constant over the window at k ≤ 0.5).
The memory of the flux response to the slow decay of δT_s (an O(k²) term) and the cancellation's
change of the relaxation are not in this: it is the exact linearized gas, no particles.

Usage: python3 bench/heat_flux_relaxation.py [n=8] → the rates, weights and D(t) at a few t and
window means, as one JSON line.
"""
import json
import sys

import numpy as np
from scipy.linalg import eigh
from scipy.special import eval_genlaguerre, roots_hermite

from chapman_enskog_sonine import basis, brackets, components


def gram(n):
    """Γ_pq = ∫ φ_p · φ_q M dv (vector components summed), exact Gauss–Hermite."""
    alpha, ps = basis("heat-conductivity", n)
    deg = 2 * n + 1
    xb, wb = roots_hermite(deg + 2)
    X = np.sqrt(2.0) * np.stack(np.meshgrid(xb, xb, xb, indexing="ij"), axis=-1).reshape(-1, 3)
    WB = (wb[:, None, None] * wb[None, :, None] * wb[None, None, :]).reshape(-1) * np.pi**-1.5
    phi = components("heat-conductivity", X, alpha, list(ps))
    return np.einsum("pgc,qgc,g->pq", phi, phi, WB)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    A, b, scale, _ = brackets("heat-conductivity", n)
    G = gram(n)
    r, V = eigh(A / scale, G / scale)  # V^T Γ V = I
    beta2 = (V.T @ (b / scale)) ** 2
    lam = float(np.sum(beta2 / r))
    D = lambda t: float(np.sum(beta2 / r * np.exp(-r * t)) / lam)  # noqa: E731
    windows = [(0.6, 1.2), (0.8, 1.4), (1.0, 1.6), (1.2, 1.8), (1.6, 2.2), (0.8, 2.0), (1.2, 2.2)]
    out = {
        "n": n,
        "lambda": lam,
        "rates": r.tolist(),
        "weights": (beta2 / r / lam).tolist(),
        "deficit": {f"{t:g}": D(t) for t in (0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6)},
        "windowDeficit": {
            f"[{a:g}, {c:g}]": float(np.mean([D(t) for t in np.arange(a, c + 1e-9, 0.01)])) for a, c in windows
        },
        "nu0": 2 * np.pi * np.sqrt(8 / np.pi),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
