"""Exact initial anisotropy rate of the two-beam datum for hard spheres, by quadrature (independent
of boltzlab's spectral solver; used by test/solvers/spectral-accuracy.test.ts and docs/spectral.md).

Datum f = ½ M_{U e_x, T_b} + ½ M_{−U e_x, T_b} (ρ = 1), anisotropy A = Txx − (Tyy + Tzz)/2 = U².
Weak form with ω over all of S² and B = |g·ω|, φ(v) = vᵀPv, P = diag(1, −½, −½):
  ∫ φ Q(f,f) = ½ ∫∫ f f* ∫_{S²} |g·ω| (φ' + φ*' − φ − φ*) dω,
  φ' + φ*' − φ − φ* = 2 (g·ω) [(g·ω) ωᵀPω − ωᵀPg],
and ∫_{S²} |g·ω| 2(g·ω)[(g·ω)ωᵀPω − ωᵀPg] dω = −π |g| gᵀPg (isotropic tensor integrals; checked
below by a direct 2-D quadrature at one g). Pairs from the same beam give 0 (g isotropic, P
traceless); pairs from different beams (probability ½) have g ~ N(±2U e_x, 2T_b I). Hence
  dA/dt = −(π/2) · ½ · E[|g| gᵀPg],   g ~ N(2U e_x, 2T_b I),
a 2-D integral in cylindrical coordinates. Also printed: the mean collision frequency
ν̄ = ∫ f A[f] / ρ = 2π E|v − v*| under f ⊗ f, and the ratio (dA/dt)/(ν̄ A₀).

Truncated kernels (`--truncation R1,R2,...`): the same rate with B restricted to the collisions the
spectral methods keep, to separate their truncation error from the rest. With y = (g·ω)ω,
x = g − y, |y| = |g| cos θ, |x| = |g| sin θ (θ the angle of ω to g) the ω-integral above becomes
−12π |g| gᵀPg ∫ c³(1 − c²) dc over the c = |cos θ| kept (the full range [0, 1] gives 1/12):
  separated (boltzlab, Carleman form truncated to |x|, |y| ≤ R): c ∈ [√(1 − R²/|g|²)₊, min(1, R/|g|)];
  ball (kipack, |g| ≤ R): all c when |g| ≤ R, none otherwise;
  staircase:K (`--staircase K`, src/solvers/spectral/truncation.ts): the union over i = 1..K of
  c ∈ [√(1 − b_i²/|g|²)₊, min(1, a_i/|g|)], a_i = R√(i/K), b_i = R√((K − i + 1)/K).
Each R adds {"R", "separated", "ball"} (dA/dt) and their relative errors to "truncated", and
"staircase", "staircaseRelErr" with --staircase.

Usage: python3 bench/two_beam_rate.py [U] [T_b] [--truncation R1,R2,...] [--staircase K] → one JSON line.
"""
import json
import sys

import numpy as np
from scipy import integrate

argv = sys.argv[1:]
radii = []
if "--truncation" in argv:
    i = argv.index("--truncation")
    radii = [float(r) for r in argv[i + 1].split(",")]
    del argv[i:i + 2]
steps = 0
if "--staircase" in argv:
    i = argv.index("--staircase")
    steps = int(argv[i + 1])
    del argv[i:i + 2]
U = float(argv[0]) if len(argv) > 0 else 1.0
Tb = float(argv[1]) if len(argv) > 1 else 0.5


def expect(fun, mean, var):
    """E[fun(gx, r)] for g ~ N(mean e_x, var I) in cylindrical coordinates (gx, r = |g_perp|)."""
    c = (2 * np.pi * var) ** -1.5
    s = np.sqrt(var)
    val, err = integrate.dblquad(
        lambda r, gx: c * np.exp(-((gx - mean) ** 2 + r * r) / (2 * var)) * 2 * np.pi * r * fun(gx, r),
        mean - 14 * s, mean + 14 * s, 0, 14 * s, epsabs=1e-13, epsrel=1e-12,
    )
    return val, err


# the ω-integral identity at one g, by direct quadrature
g = np.array([0.3, -1.1, 0.7])
P = np.diag([1.0, -0.5, -0.5])


def omega_integrand(th, ph):
    w = np.array([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)])
    gw = g @ w
    return abs(gw) * 2 * gw * (gw * (w @ P @ w) - w @ P @ g) * np.sin(th)


direct, _ = integrate.dblquad(omega_integrand, 0, 2 * np.pi, 0, np.pi, epsabs=1e-12)
closed = -np.pi * np.linalg.norm(g) * (g @ P @ g)
assert abs(direct - closed) < 1e-8 * abs(closed), (direct, closed)

gPg = lambda gx, r: np.sqrt(gx * gx + r * r) * (gx * gx - 0.5 * r * r)
absg = lambda gx, r: np.sqrt(gx * gx + r * r)
e, e_err = expect(gPg, 2 * U, 2 * Tb)
dA = -(np.pi / 2) * 0.5 * e
A0 = U * U
same, _ = expect(absg, 0.0, 2 * Tb)
diff, _ = expect(absg, 2 * U, 2 * Tb)
nu = 2 * np.pi * (0.5 * same + 0.5 * diff)


def kept(s, R, mode):
    """∫ c³(1 − c²) dc over the c = |cos θ| a truncation keeps at |g| = s (1/12 for all)."""
    if mode == "ball":
        return 1 / 12 if s <= R else 0.0
    F = lambda c: c ** 4 / 4 - c ** 6 / 6
    if mode == "staircase":
        # intervals with increasing ends; merge as they come
        tot, hi_prev = 0.0, 0.0
        for i in range(1, steps + 1):
            a_i, b_i = R * np.sqrt(i / steps), R * np.sqrt((steps - i + 1) / steps)
            lo = max(np.sqrt(max(0.0, 1 - b_i * b_i / (s * s))), hi_prev)
            hi = min(1.0, a_i / s)
            if lo < hi:
                tot += F(hi) - F(lo)
            hi_prev = max(hi_prev, hi)
        return tot
    a = np.sqrt(max(0.0, 1 - R * R / (s * s)))
    b = min(1.0, R / s)
    return F(b) - F(a) if a < b else 0.0


def truncated_rate(R, mode):
    # −(π/2)·½·E[|g| gᵀPg] with the ω-integral −π|g|gᵀPg replaced by −12π|g|gᵀPg·kept(|g|)
    fun = lambda gx, r: 12 * kept(np.hypot(gx, r), R, mode) * gPg(gx, r)
    # the integrand has kinks at |g| = R and √2R, where scipy may warn; R = 100 reproduces
    # dA/dt to round-off, and the values are quoted to ≥ 1e-8 relative only
    val, _ = expect(fun, 2 * U, 2 * Tb)
    return -(np.pi / 2) * 0.5 * val


truncated = []
for R in radii:
    sep = truncated_rate(R, "separated")
    ball = truncated_rate(R, "ball")
    row = {"R": R, "separated": sep, "ball": ball,
           "separatedRelErr": sep / dA - 1, "ballRelErr": ball / dA - 1}
    if steps:
        st = truncated_rate(R, "staircase")
        row.update({"staircase": st, "staircaseRelErr": st / dA - 1})
    truncated.append(row)

out = {
    "U": U, "Tb": Tb, "dAdt": dA, "dAdt_quadrature_error": (np.pi / 4) * e_err, "A0": A0,
    "rate": dA / A0, "meanCollisionFrequency": nu, "normalizedRate": dA / (nu * A0),
}
if radii:
    out["truncated"] = truncated
print(json.dumps(out))
