"""Reference timings for bench/fft3d.ts: numpy.fft.fftn / rfftn on n³ float64 arrays.

Usage: python3 bench/fft3d_numpy.py N [REPEATS]  → one JSON line {"n", "fftn_ms", "ifftn_ms", "rfftn_ms", "irfftn_ms"}
(minimum over repeats, single-threaded as numpy's pocketfft is).
"""
import json
import sys
import time

import numpy as np


def median_ms(fn, repeats):
    fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    ts.sort()
    return ts[0]


n = int(sys.argv[1])
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
rng = np.random.default_rng(1)
x = rng.standard_normal((n, n, n)) + 1j * rng.standard_normal((n, n, n))
r = rng.standard_normal((n, n, n))
rh = np.fft.rfftn(r)
print(json.dumps({
    "n": n,
    "numpy": np.__version__,
    "fftn_ms": median_ms(lambda: np.fft.fftn(x), repeats),
    "ifftn_ms": median_ms(lambda: np.fft.ifftn(x), repeats),
    "rfftn_ms": median_ms(lambda: np.fft.rfftn(r), repeats),
    "irfftn_ms": median_ms(lambda: np.fft.irfftn(rh, s=(n, n, n), axes=(0, 1, 2)), repeats),
}))
