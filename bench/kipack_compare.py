"""kipack (mazhengcn/kipack, the peer Python fast-spectral solver) and boltzlab side by side, run
in the same process tree on CPU, on the accuracy tests of issue 17 and the time per Q evaluation.

Usage:
  python3 bench/kipack_compare.py KIPACK_CHECKOUT [n ...] [--nsphr P] [--nr R] [--skip-boltzlab]
    (default n = 16 32 64; a missing checkout path prints a message and exits 0: skipped)

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
    opts = {"nsphr": 32, "nr": None, "skip_boltzlab": False}
    rest = []
    i = 0
    while i < len(a):
        if a[i] == "--nsphr":
            opts["nsphr"] = int(a[i + 1]); i += 2
        elif a[i] == "--nr":
            opts["nr"] = int(a[i + 1]); i += 2
        elif a[i] == "--skip-boltzlab":
            opts["skip_boltzlab"] = True; i += 1
        else:
            rest.append(a[i]); i += 1
    return rest, opts


def load_kipack(path):
    sys.path.insert(0, os.path.join(HERE, "kipack-shims"))
    sys.path.insert(0, os.path.join(path, "src"))
    np.float = float  # removed in numpy 1.24; kipack's spherical_design loader still uses it
    from kipack import collision  # noqa: E402

    return collision


def kipack_operator(collision, n, L, gamma, nr, nsphr):
    cfg = collision.get_base_config()
    cfg.update({
        "collision_model": {"dim": 3, "e": 1.0, "gamma": gamma},
        "velocity_mesh": {"nv": n, "s": 2 * L / (3 + math.sqrt(2)), "nr": nr, "nsphr": nsphr},
    })
    vm = collision.SpectralMesh(cfg)
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


def main():
    rest, opts = args()
    if not rest or not os.path.isdir(os.path.join(rest[0], "src", "kipack")):
        print(f"kipack checkout not found ({rest[0] if rest else 'no path given'}): skipped. "
              "Give the path of a kipack checkout (github.com/mazhengcn/kipack) as the first argument.")
        return
    sizes = [int(s) for s in rest[1:]] or [16, 32, 64]
    collision = load_kipack(rest[0])
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
