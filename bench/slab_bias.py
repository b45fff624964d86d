"""The slab bias of the real-space flux/gradient estimators, to leading order (docs/particles.md,
"The real-space heat wave and the flux/gradient estimators in space").

Model: the cancellation of ± pairs at different x of one slab acts on f_δ as an x-diffusion with
a velocity-dependent coefficient D(v) (the upwind-like hopping, D ≤ |v_x| h/2), i.e. on each Fourier
mode as the damping γ(v) = k² D(v), the same for the sine and the cosine component. The mode
equations ∂t g_s = L g_s + k v_x g_c − γ g_s, ∂t g_c = L g_c − k v_x g_s − γ g_c, expanded in k with
γ = O(k²) and L replaced by the relaxation-time operator −(1 − Π)/τ (Π the projection on the
collision invariants; τ_μ = μ/(ρT) for the stress, τ_λ = 2λ/(5ρT) for the heat flux, so that the
operator reproduces μ resp. λ), give the O(k²) change of the flux/gradient ratio:

  shear:  δμ/μ = −2 τ_μ k² (⟨D⟩_xy − D̄_u),
          ⟨D⟩_xy = E[D v_x² v_y²]/E[v_x² v_y²],   D̄_u = E[D v_y²]/E[v_y²]  (the rate bias of u_s);
  heat:   δλ/λ = −(2/5) τ_λ k² ( E[(D − D̄_T) v_x² φ²] + E[v_x² φ (1 − Π)(D φ)] ),
          φ = |v|²/2 − 5/2,   D̄_T = E[D ((2/3)|v|²/2 − 1) φ]    (the rate bias of δT_s),

E over the standard Maxwellian (ρ = T = 1). A v-independent D cancels exactly (it damps the
whole solution: the ratio does not see it); only the part of D that varies with v enters, and
then only through τ k² D: the ratio's slab bias is second order in the smallness of τ k² D,
against first order (k² D̄ itself) for the decay rate. This script evaluates the moments exactly
(sympy, D = |v_x|): for D = c |v_x| h,

  δμ/μ = −2 τ_μ √(2/π) c h k² = −0.1430 c h k²,   with the decay-rate bias k² D̄_u = √(2/π) c h k²,
  δλ/λ = −(2/5) τ_λ C_T c h k²,

and prints C_T and the coefficients at the literature μ = 0.0895681, λ = 0.3389164.

    python3 bench/slab_bias.py
"""

import sympy as sp

vx, vy, vz, ax = sp.symbols("vx vy vz ax", real=True)


def gauss_moment(n):
    """E[X^n], X ~ N(0, 1)."""
    return sp.Integer(0) if n % 2 else sp.factorial2(n - 1) if n > 0 else sp.Integer(1)


def abs_moment(n):
    """E[|X|^n] = 2^(n/2) Γ((n+1)/2)/√π, X ~ N(0, 1)."""
    return 2 ** sp.Rational(n, 2) * sp.gamma(sp.Rational(n + 1, 2)) / sp.sqrt(sp.pi)


def E(expr):
    """Expectation of a polynomial in vx, |vx| (= ax), vy, vz under the standard Maxwellian."""
    p = sp.Poly(sp.expand(expr), vx, ax, vy, vz)
    total = sp.Integer(0)
    for (i, j, k, l), c in p.terms():
        if i % 2:
            continue
        # vx^i |vx|^j = |vx|^(i+j) for even i
        total += c * abs_moment(i + j) * gauss_moment(k) * gauss_moment(l)
    return sp.nsimplify(sp.simplify(total))


s = (vx**2 + vy**2 + vz**2) / 2
D = ax
phi = s - sp.Rational(5, 2)

# sanity: E|X| = sqrt(2/pi), E|X|^3 = 2 sqrt(2/pi)
assert sp.simplify(E(ax) - sp.sqrt(2 / sp.pi)) == 0
assert sp.simplify(E(ax**3) - 2 * sp.sqrt(2 / sp.pi)) == 0
assert E(vx**2 * phi**2) == sp.Rational(5, 2)

Dxy = E(D * vx**2 * vy**2) / E(vx**2 * vy**2)
Du = E(D * vy**2) / E(vy**2)
shear = sp.simplify(2 * (Dxy - Du))  # δμ/μ = −τ_μ · shear · c h k²

DT = E(D * (sp.Rational(2, 3) * s - 1) * phi) / E((sp.Rational(2, 3) * s - 1) * phi)
basis = [sp.Integer(1), vx, vy, vz, s]
G = sp.Matrix(5, 5, lambda i, j: E(basis[i] * basis[j]))
rhs = sp.Matrix(5, 1, lambda i, _: E(basis[i] * D * phi))
coef = G.LUsolve(rhs)
proj = sum(coef[i] * basis[i] for i in range(5))
t1 = E((D - DT) * vx**2 * phi**2)
t2 = E(vx**2 * phi * (D * phi - proj))
CT = sp.simplify(t1 + t2)

MU, LAM = 0.0895681, 0.3389164
tau_mu, tau_lam = MU, 2 * LAM / 5
print(f"D = |v_x|: <D>_xy = {sp.nsimplify(Dxy)} = {float(Dxy):.6f}, D_u = {sp.nsimplify(Du)} = {float(Du):.6f}")
print(f"  shear: delta mu/mu = -2 tau_mu (<D>_xy - D_u) c h k^2 = -{float(shear) * tau_mu:.5f} c h k^2 (tau_mu = {tau_mu})")
print(f"  heat:  D_T = {sp.nsimplify(DT)} = {float(DT):.6f}; terms {float(t1):.6f} + {float(t2):.6f} = C_T = {float(CT):.6f}")
print(f"         delta lambda/lambda = -(2/5) tau_lam C_T c h k^2 = -{0.4 * float(CT) * tau_lam:.5f} c h k^2 (tau_lam = {tau_lam:.5f})")
print(f"  ratio of the estimators' slab bias to the decay rate's (same c): shear {float(shear) * tau_mu / float(Du):.4f} relative / absolute rate")
print(f"  upwind bound c <= 1/2: |delta mu/mu| <= {float(shear) * tau_mu / 2:.5f} h k^2, |delta lambda/lambda| <= {0.2 * float(CT) * tau_lam:.5f} h k^2")
