"""Time per Q of kipack and boltzlab in alternation (two-beam datum, hard spheres): ROUNDS rounds of
kipack's minimum over 3 evaluations (wall and process CPU seconds) followed by one run of
`npx tsx bench/kipack-boltzlab.ts n` (its `seconds` / `cpuSeconds`, minimum of 3). On a shared,
loaded machine single timings scatter by up to 3×; alternating gives each code the same load.

Usage: python3 bench/kipack_ratio.py KIPACK_CHECKOUT n [ROUNDS] [-- boltzlab options]
(a missing checkout path prints a message and exits 0: skipped)
"""
import json
import math
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import kipack_compare as kc  # noqa: E402


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    if len(argv) < 2 or not os.path.isdir(os.path.join(argv[0], "src", "kipack")):
        print("kipack checkout not found: skipped. Usage: python3 bench/kipack_ratio.py KIPACK_CHECKOUT n [ROUNDS]")
        return
    n = int(argv[1])
    rounds = int(argv[2]) if len(argv) > 2 else 3
    collision = kc.load_kipack(argv[0])
    vm, op = kc.kipack_operator(collision, n, kc.L_BEAM, 1.0, n // 2, 32)
    x, y, z = vm.centers
    Tb = 0.5
    f = 0.5 * (2 * math.pi * Tb) ** -1.5 * (
        np.exp(-((x - 1) ** 2 + y * y + z * z) / (2 * Tb)) + np.exp(-((x + 1) ** 2 + y * y + z * z) / (2 * Tb))
    )
    op(f)  # kipack builds its kernels on the first call
    for r in range(rounds):
        wall, cpu = [], []
        for _ in range(3):
            c0 = time.process_time()
            t0 = time.perf_counter()
            op(f)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        out = subprocess.run(
            ["npx", "tsx", os.path.join(HERE, "kipack-boltzlab.ts"), str(n), *extra],
            check=True, capture_output=True, text=True, cwd=os.path.dirname(HERE),
        ).stdout
        b = json.loads(out)
        print(json.dumps({
            "n": n, "round": r, "kipackSeconds": min(wall), "kipackCpuSeconds": min(cpu),
            "boltzlabSeconds": b["seconds"], "boltzlabCpuSeconds": b["cpuSeconds"],
            "directions": b["directions"], "ratioWall": min(wall) / b["seconds"],
            "ratioCpu": min(cpu) / b["cpuSeconds"],
        }), flush=True)


if __name__ == "__main__":
    main()
