"""Whole-process FFT timing, the numpy side of a pair with bench/fft3d-loop.ts (same arguments):
REPS numpy.fft.fftn (c2c) or rfftn (r2c) of an N³ float64 array after one warm-up.

Usage: python3 bench/fft3d_numpy_loop.py N c2c|r2c REPS
"""
import sys

import numpy as np

n, kind, reps = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
i = np.arange(n ** 3, dtype=float)
if kind == "c2c":
    x = (np.sin(2 * i * 0.37) + 1j * np.sin((2 * i + 1) * 0.37)).reshape(n, n, n)
    fn = np.fft.fftn
else:
    x = np.sin(i * 0.71).reshape(n, n, n)
    fn = np.fft.rfftn
if reps > 0:
    y = fn(x)
for _ in range(reps):
    y = fn(x)
print(y.flat[1] if reps > 0 else 0)
