"""kipack (mazhengcn/kipack, the peer Python fast-spectral solver) and boltzlab side by side, run
in the same process tree on CPU, on the accuracy tests of issue 17 and the time per Q evaluation.

Usage:
  python3 bench/kipack_compare.py KIPACK_CHECKOUT [n ...] [--nsphr P] [--nr R] [--skip-boltzlab]
    (default n = 16 32 64; a missing checkout path prints a message and exits 0: skipped)
  python3 bench/kipack_compare.py KIPACK_CHECKOUT --evolve [n ...] [--box L[:R]] [--dt DT]
      [--units kipack|boltzlab] [--times t1,t2,...] [--nsphr P] [--nr R]
    (default n = 16; evolution of the BKW datum with kipack's own time stepper, below)

--evolve: kipack's BKW evolution (γ = 0, K0 = 0.7, ρ = T = 1) with its own time integrator,
pykinetic.BoltzmannSolver0D (kn = 1, no heat bath) with time_integrator = "RK" and the classical
RK4 Butcher table of kipack's examples/boltzmann/rbm_0d.py (`rkcoeff["RK4"]`; those examples step
with a fixed dt = 0.01 or 0.001, Euler by default, RK3/RK4 as options, one `evolve_to_time(sol)`
per step, as here). kipack has no 3-D evolution example (its 3-D notebook fsm-3d.ipynb checks one
Q of BKW only). `--units kipack` (default) reports at kipack's times t (BKW rate λ = 1/6);
`--units boltzlab` at boltzlab's times t (λ = 8π/15, i.e. kipack's time (16π/5)·t: the same K(t),
the same solution), stepping dt·16π/5 in kipack's time. Default box: the issue's L = 7.95 with
kipack's R = 2S = 4L/(3+√2); `--box L:R` takes another box (R given: kipack's mesh radius _R and
its radial Gauss–Legendre nodes are replaced after the mesh is built, the only change to kipack).
Each JSON line: t (in the stated units), K, errorAbs = max|f − f_BKW| over the grid (boltzlab's
`errorMax` in `relax --json` is this absolute figure), errorRel = errorAbs / max f_BKW(t), and the
fourth-moment excess M4 − 15ρT² of both.

kipack runs unmodified from its checkout (src/ on sys.path) with the stand-ins of
bench/kipack-shims/ for the packages a CPU run does not need or this machine lacks: cupy
(kipack imports it at module level and copies kernels to a GPU), pyfftw (FFTW plans → numpy.fft,
pocketfft, one thread), ml_collections (ConfigDict → an attribute dict) and absl.logging (info
messages dropped); `np.float` (removed in numpy 1.24, used by kipack's sphere-rule loader) is set
to `float`. boltzlab's figures come from `npx tsx bench/kipack-boltzlab.ts n` (same tests, same
data, its default domain and 72 directions), started from here.

Normalizations differ and every figure below is free of them: kipack's VHS kernel with γ = 1 is
B_σ = |g|/(4π) (loss frequency ∫|v−v*| f*), boltzlab's hard spheres B = |g·ω| over ω ∈ S² is 2π
times that; kipack's γ = 0 is B_σ = 1/(4π) (BKW rate λ = 1/6), boltzlab's constant kernel B_ω = 1
(λ = 8π/15). Each code is compared with its own exact values.

Tests (each code on its own grid; kipack's domain is its convention L = (3+√2)S/2, R = 2S with
the L of the issue's table: 7.95 for the Maxwellian and BKW, 8.86 for two-beam):
  qmm     max|Q(M,M)| / max(f·L) for the unit Maxwellian, hard spheres (exact 0);
  bkwRate relative error of λ = −∫|v|⁴Q / (2ρ(M₄ − 15ρT²)) for BKW at K = 0.7 (one Q);
  bkwQ    max|Q − ∂t f_exact| / max|∂t f_exact| for the same BKW datum (one Q; NOT the evolved
          solution's error at t = 2, which needs a time loop in each code);
  beam    relative error of dA/dt, A = Txx − (Tyy+Tzz)/2, two beams ±e_x with T_b = 1/2
          (exact: bench/two_beam_rate.py), and (dA/dt)/(ν̄A₀) with ν̄ = ∫ f L / ρ from the code's
          own loss term;
  seconds wall seconds of one Q evaluation (two-beam datum, hard spheres; minimum of 3);
          cpuSeconds its process CPU time (less disturbed by other load; both codes single-threaded).
"""
import json
import math
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
L_MAXWELL = 7.95
L_BEAM = 8.86


def args():
    a = sys.argv[1:]
    opts = {"nsphr": 32, "nr": None, "skip_boltzlab": False, "evolve": False, "box": None, "dt": None,
            "units": "kipack", "times": None}
    rest = []
    i = 0
    while i < len(a):
        if a[i] == "--nsphr":
            opts["nsphr"] = int(a[i + 1]); i += 2
        elif a[i] == "--nr":
            opts["nr"] = int(a[i + 1]); i += 2
        elif a[i] == "--skip-boltzlab":
            opts["skip_boltzlab"] = True; i += 1
        elif a[i] == "--evolve":
            opts["evolve"] = True; i += 1
        elif a[i] == "--box":
            parts = [float(x) for x in a[i + 1].split(":")]
            opts["box"] = (parts[0], parts[1] if len(parts) > 1 else None); i += 2
        elif a[i] == "--dt":
            opts["dt"] = float(a[i + 1]); i += 2
        elif a[i] == "--units":
            opts["units"] = a[i + 1]; i += 2
        elif a[i] == "--times":
            opts["times"] = [float(x) for x in a[i + 1].split(",")]; i += 2
        else:
            rest.append(a[i]); i += 1
    return rest, opts


def load_kipack(path):
    sys.path.insert(0, os.path.join(HERE, "kipack-shims"))
    sys.path.insert(0, os.path.join(path, "src"))
    np.float = float  # removed in numpy 1.24; kipack's spherical_design loader still uses it
    from kipack import collision  # noqa: E402

    return collision


def kipack_operator(collision, n, L, gamma, nr, nsphr, R=None):
    cfg = collision.get_base_config()
    cfg.update({
        "collision_model": {"dim": 3, "e": 1.0, "gamma": gamma},
        "velocity_mesh": {"nv": n, "s": 2 * L / (3 + math.sqrt(2)), "nr": nr, "nsphr": nsphr},
    })
    vm = collision.SpectralMesh(cfg)
    if R is not None:  # another truncation radius than kipack's R = 2S (its radial nodes follow)
        vm._R = R
        vm._load_radial_quadrature()
    return vm, collision.FSInelasticVHSCollision(cfg, vm)


def kipack_loss(op, f):
    """f·L by kipack's own loss line of FSInelasticVHSCollision.collide (after one call built it)."""
    loss = op.iffts[1](op.kernels["sp"] * op.ffts[0](f))
    return (loss * op.kernels["loss"] * f).sum(axis=0).real


def bkw(v2, K, rate_dKdt):
    g = (2 * math.pi * K) ** -1.5 * np.exp(-v2 / (2 * K))
    P = (5 * K - 3) / (2 * K) + (1 - K) * v2 / (2 * K * K)
    dP = 3 / (2 * K * K) - v2 * (2 - K) / (2 * K ** 3)
    dlog = -3 / (2 * K) + v2 / (2 * K * K)
    return g * P, g * (P * dlog + dP) * rate_dKdt


def kipack_row(collision, n, nr, nsphr, beam_exact):
    out = {"code": "kipack", "n": n, "nr": nr, "nsphr": nsphr}
    # Maxwellian, hard spheres
    vm, op = kipack_operator(collision, n, L_MAXWELL, 1.0, nr, nsphr)
    x, y, z = vm.centers
    v2 = x * x + y * y + z * z
    dv = vm.delta ** 3
    M = (2 * math.pi) ** -1.5 * np.exp(-v2 / 2)
    Q = op(M)
    out["qmm"] = float(np.abs(Q).max() / kipack_loss(op, M).max())
    out["L_maxwell"] = vm.L
    # BKW, γ = 0: uniform b_σ = 1/(4π), λ = 1/6
    vm, op = kipack_operator(collision, n, L_MAXWELL, 0.0, nr, nsphr)
    x, y, z = vm.centers
    v2 = x * x + y * y + z * z
    K = 0.7
    lam = 1 / 6
    f, dfdt = bkw(v2, K, lam * (1 - K))
    Q = op(f)
    rho = f.sum() * dv
    T = (v2 * f).sum() * dv / (3 * rho)
    m4 = (v2 * v2 * f).sum() * dv
    lam_num = -(v2 * v2 * Q).sum() * dv / (2 * rho * (m4 - 15 * rho * T * T))
    out["bkwRate"] = float(abs(lam_num / lam - 1))
    out["bkwQ"] = float(np.abs(Q - dfdt).max() / np.abs(dfdt).max())
    # two beams ±e_x, T_b = 1/2, hard spheres
    vm, op = kipack_operator(collision, n, L_BEAM, 1.0, nr, nsphr)
    x, y, z = vm.centers
    dv = vm.delta ** 3
    Tb = 0.5
    f = 0.5 * (2 * math.pi * Tb) ** -1.5 * (
        np.exp(-((x - 1) ** 2 + y * y + z * z) / (2 * Tb)) + np.exp(-((x + 1) ** 2 + y * y + z * z) / (2 * Tb))
    )
    Q = op(f)
    ts = []
    cpu = []
    for _ in range(3):
        c0 = time.process_time()
        t0 = time.perf_counter()
        op(f)
        ts.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    aniso = x * x - 0.5 * (y * y + z * z)
    dA = (aniso * Q).sum() * dv
    A0 = (aniso * f).sum() * dv
    rho = f.sum() * dv
    nu = kipack_loss(op, f).sum() * dv / rho
    exact = beam_exact["dAdt"] / (2 * math.pi)  # kipack's hard spheres are boltzlab's / 2π
    out["beam"] = float(abs(dA / exact - 1))
    out["beamNormalized"] = float(dA / (nu * A0))
    out["nuBar"] = float(nu)
    out["dAdt"] = float(dA)
    out["L_beam"] = vm.L
    out["seconds"] = min(ts)
    out["cpuSeconds"] = min(cpu)
    return out


# kipack's examples/boltzmann/rbm_0d.py, rkcoeff["RK4"] (classical RK4)
RK4 = {
    "a": np.array([[0.0, 0.0, 0.0, 0.0], [0.5, 0.0, 0.0, 0.0], [0.0, 0.5, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]),
    "b": np.array([1 / 6, 1 / 3, 1 / 3, 1 / 6]),
    "c": np.array([0.0, 0.5, 0.5, 1.0]),
}
KIPACK_TIME_PER_BOLTZLAB_TIME = (8 * math.pi / 15) / (1 / 6)  # BKW rates: boltzlab 8π/15, kipack 1/6


def kipack_evolve(collision, n, nr, nsphr, box, dt, units, times):
    """BKW evolved by kipack's own BoltzmannSolver0D (RK4 of its examples); one JSON line per time."""
    from kipack import pykinetic

    L, R = box if box else (L_MAXWELL, None)
    vm, op = kipack_operator(collision, n, L, 0.0, nr, nsphr, R)
    x, y, z = vm.centers
    v2 = x * x + y * y + z * z
    dv = vm.delta ** 3
    K0, lam = 0.7, 1 / 6
    scale = KIPACK_TIME_PER_BOLTZLAB_TIME if units == "boltzlab" else 1.0

    def K_at(tk):
        return 1 - (1 - K0) * math.exp(-lam * tk)

    solver = pykinetic.BoltzmannSolver0D(collision_operator=op, kn=1.0, device="cpu")
    solver.time_integrator = "RK"
    solver.a, solver.b, solver.c = RK4["a"], RK4["b"], RK4["c"]
    dt_k = dt * scale
    solver.dt = dt_k
    state = pykinetic.State(pykinetic.Domain([]), vm, 1)
    state.q[0] = bkw(v2, K0, 0.0)[0]
    sol = pykinetic.Solution(state, pykinetic.Domain([]))
    steps_at = {int(round(t / dt)): t for t in times}
    for t in times:
        if abs(round(t / dt) * dt - t) > 1e-9 * max(1, t):
            raise SystemExit(f"--dt {dt} does not divide t = {t}")
    c0 = time.process_time()
    last = max(steps_at)
    for step in range(1, last + 1):
        solver.evolve_to_time(sol)
        if step in steps_at:
            t = steps_at[step]
            K = K_at(t * scale)
            f = sol.q[0]
            exact = bkw(v2, K, 0.0)[0]
            err = float(np.abs(f - exact).max())
            m4 = float((v2 * v2 * f).sum() * dv)
            rho = float(f.sum() * dv)
            T = float((v2 * f).sum() * dv / (3 * rho))
            print(json.dumps({
                "code": "kipack", "evolve": True, "n": n, "L": vm.L, "R": vm._R, "nr": nr, "nsphr": nsphr,
                "scheme": "RK4 (kipack examples rkcoeff)", "units": units, "t": t, "tKipack": sol.t,
                "dt": dt, "dtKipack": dt_k, "steps": step, "K": K, "errorAbs": err,
                "errorRel": err / float(exact.max()), "fMax": float(exact.max()),
                "m4Excess": m4 - 15 * rho * T * T, "m4ExcessExact": 15 * (1 - (1 - K) ** 2) - 15,
                "cpuSeconds": time.process_time() - c0,
            }), flush=True)


def main():
    rest, opts = args()
    if not rest or not os.path.isdir(os.path.join(rest[0], "src", "kipack")):
        print(f"kipack checkout not found ({rest[0] if rest else 'no path given'}): skipped. "
              "Give the path of a kipack checkout (github.com/mazhengcn/kipack) as the first argument.")
        return
    collision = load_kipack(rest[0])
    if opts["evolve"]:
        for n in [int(s) for s in rest[1:]] or [16]:
            units = opts["units"]
            times = opts["times"] or [0.5, 1.0, 2.0]
            dt = opts["dt"] or (0.1 if units == "kipack" else 0.02)
            kipack_evolve(collision, n, opts["nr"] or n // 2, opts["nsphr"], opts["box"], dt, units, times)
        return
    sizes = [int(s) for s in rest[1:]] or [16, 32, 64]
    beam_exact = json.loads(subprocess.check_output([sys.executable, os.path.join(HERE, "two_beam_rate.py")]))
    for n in sizes:
        nr = opts["nr"] or n // 2
        print(json.dumps(kipack_row(collision, n, nr, opts["nsphr"], beam_exact)), flush=True)
        if not opts["skip_boltzlab"]:
            r = subprocess.run(
                ["npx", "tsx", os.path.join(HERE, "kipack-boltzlab.ts"), str(n)],
                check=True, capture_output=True, text=True, cwd=os.path.dirname(HERE),
            )
            print(r.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
