"""numpy stand-in for pyfftw, enough for kipack's CPU path (bench/kipack_compare.py): kipack builds
FFTW plans with `pyfftw.builders.fftn/ifftn(array, axes=...)` and calls them on arrays of the same
shape; here a "plan" is numpy.fft.fftn/ifftn over the same axes (pocketfft, single-threaded), and
`pyfftw.config` only absorbs the settings kipack writes into it."""
import types

import numpy as np

config = types.SimpleNamespace(NUM_THREADS=1, PLANNER_EFFORT="FFTW_ESTIMATE")


def empty_aligned(shape, dtype=complex):
    return np.empty(shape, dtype=dtype)


def _plan(fn, axes):
    return lambda x: fn(x, axes=axes)


builders = types.SimpleNamespace(
    fftn=lambda arr, axes=None, **_: _plan(np.fft.fftn, axes),
    ifftn=lambda arr, axes=None, **_: _plan(np.fft.ifftn, axes),
)
