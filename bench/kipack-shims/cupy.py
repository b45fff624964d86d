"""CPU stand-in for cupy, enough for kipack's collision code (bench/kipack_compare.py): kipack
imports cupy at module level and copies its kernels to the GPU in `perform_precomputation`
(`cp.asarray`); on CPU those copies are never used, so numpy's arrays serve."""
import numpy as np

asarray = np.asarray
fft = np.fft
