"""Reference timings for bench/fft3d.ts: numpy.fft.fftn / ifftn / rfftn / irfftn on n³ float64 arrays.

Usage: python3 bench/fft3d_numpy.py N [REPEATS]  → one JSON line {"n", "numpy", "fftn_ms", …}
Each figure is the minimum over repeats (single-threaded, as numpy's pocketfft is), of numpy's
default call (a new output array per call) and, under "<name>_out_ms", of the same call writing
into a preallocated array with out= (numpy ≥ 2.0), which saves the page faults of a new array.
"""
import json
import sys
import time

import numpy as np


def min_ms(fn, repeats):
    fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1e3)
    return min(ts)


n = int(sys.argv[1])
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
rng = np.random.default_rng(1)
x = rng.standard_normal((n, n, n)) + 1j * rng.standard_normal((n, n, n))
r = rng.standard_normal((n, n, n))
rh = np.fft.rfftn(r)
cx = np.empty_like(x)
ch = np.empty_like(rh)
rr = np.empty_like(r)
print(json.dumps({
    "n": n,
    "numpy": np.__version__,
    "fftn_ms": min_ms(lambda: np.fft.fftn(x), repeats),
    "ifftn_ms": min_ms(lambda: np.fft.ifftn(x), repeats),
    "rfftn_ms": min_ms(lambda: np.fft.rfftn(r), repeats),
    "irfftn_ms": min_ms(lambda: np.fft.irfftn(rh, s=(n, n, n), axes=(0, 1, 2)), repeats),
    "fftn_out_ms": min_ms(lambda: np.fft.fftn(x, out=cx), repeats),
    "ifftn_out_ms": min_ms(lambda: np.fft.ifftn(x, out=cx), repeats),
    "rfftn_out_ms": min_ms(lambda: np.fft.rfftn(r, out=ch), repeats),
    "irfftn_out_ms": min_ms(lambda: np.fft.irfftn(rh, s=(n, n, n), axes=(0, 1, 2), out=rr), repeats),
}))
