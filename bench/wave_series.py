"""Analyse the per-replica time series of bench/wave-series.ts: the flux/gradient ratio
−Q_c(t)/(k δT_s(t)) (heat; −ρP_c/(kU_s) shear) as a function of t (mean over replicas of the
per-replica ratio, pointwise, in bins of width 0.1, with standard errors), the window estimates
−Q̄_c/(k δT̄_s) over several windows of the same replicas, and the within-window drift (per-replica
least-squares slope of the ratio over [t₁, t₂]).

Usage: python3 bench/wave_series.py FILE.jsonl [FILE ...]
"""
import json
import sys

import numpy as np

LIT = {"heat": 0.3389164, "shear": 0.0895681}


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def main():
    for path in sys.argv[1:]:
        S = load(path)
        if not S:
            continue
        k = S[0]["k"]
        kind = S[0]["kind"]
        t = np.array(S[0]["t"])
        A = np.array([s["amplitude"] for s in S])
        F = np.array([s["flux"] for s in S])
        R = -F / (k * A)
        n = len(S)
        print(f"## {path}: {kind} k = {k:g} δv = {S[0]['dv']:g} seed {S[0]['seed']}, {n} replicas, t_end {S[0]['tEnd']}")
        print(" t-bin      ratio ± SE        (ratio/lit − 1)    δT_s mean")
        for lo in np.arange(0.2, t[-1] - 1e-9, 0.1):
            m = (t > lo + 1e-9) & (t <= lo + 0.1 + 1e-9)
            v = R[:, m].mean(axis=1)
            print(
                f" ({lo:.1f},{lo + 0.1:.1f}]  {v.mean():.5f} ± {v.std(ddof=1) / np.sqrt(n):.5f}"
                f"  {100 * (v.mean() / LIT[kind] - 1):+6.2f} %   {A[:, m].mean():.5f}"
            )
        base = None
        for t1, t2 in [(0.6, 1.4), (0.8, 1.4), (1.2, 1.8), (1.6, 2.2), (0.8, 2.0), (1.0, 2.0), (1.4, 2.0), (1.2, 1.6)]:
            if t2 > t[-1] + 1e-9:
                continue
            m = (t >= t1 - 1e-9) & (t <= t2 + 1e-9)
            v = -F[:, m].sum(axis=1) / (k * A[:, m].sum(axis=1))
            slope = np.array([np.polyfit(t[m], r[m], 1)[0] for r in R])
            if (t1, t2) == (0.8, 1.4):
                base = v
            # paired difference against the default heat window [0.8, 1.4] on the same replicas
            paired = (
                f"; minus [0.8, 1.4] (paired) {(v - base).mean():+.5f} ± {(v - base).std(ddof=1) / np.sqrt(n):.5f}"
                if base is not None and (t1, t2) != (0.8, 1.4)
                else ""
            )
            print(
                f" window [{t1}, {t2}]: {v.mean():.5f} ± {v.std(ddof=1) / np.sqrt(n):.5f} "
                f"({100 * (v.mean() / LIT[kind] - 1):+.2f} %), per-replica SD {v.std(ddof=1):.4f}; "
                f"drift d(ratio)/dt = {slope.mean():+.4f} ± {slope.std(ddof=1) / np.sqrt(n):.4f}{paired}"
            )


if __name__ == "__main__":
    main()
