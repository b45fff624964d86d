#!/usr/bin/env python3
"""Load the outputs of the other examples with the standard library, and plot them when
matplotlib is installed.

    python3 examples/load-outputs.py [outDir]    (default: boltzlab-examples-out)

Reads theorem.csv (theorem-table-csv.mjs), claims.json (check-claim.mjs) and relaxation.json
(spectral-relaxation.mjs), whichever exist, and prints a summary of each.
"""
import csv
import json
import os
import sys

out_dir = sys.argv[1] if len(sys.argv) > 1 else "boltzlab-examples-out"

def path(name):
    return os.path.join(out_dir, name)

found = 0
if os.path.exists(path("theorem.csv")):
    found += 1
    with open(path("theorem.csv"), newline="") as fh:
        rows = list(csv.DictReader(fh))
    print(f"theorem.csv: {len(rows)} rows")
    for r in rows:
        print(f"  s = {float(r['s']):.3f}  M = {int(r['M']):4d}  T* = {float(r['Tstar']):.4g}  "
              f"deflation = {float(r['deflation']):.4g} ± {float(r['deflation_error']):.1g}")
if os.path.exists(path("claims.json")):
    found += 1
    with open(path("claims.json")) as fh:
        data = json.load(fh)
    print(f"claims.json: M = {data['Ms']}")
    for c in data["claims"]:
        print(f"  ({c['id']}) {c['title']}: {c['verdict']}")
if os.path.exists(path("relaxation.json")):
    found += 1
    with open(path("relaxation.json")) as fh:
        relax = json.load(fh)
    h = relax["history"]
    print(f"relaxation.json: n = {relax['n']}, {len(h)} times, anisotropy "
          f"{h[0]['anisotropy']:.4g} -> {h[-1]['anisotropy']:.4g}, "
          f"mass drift {abs(h[-1]['mass'] - h[0]['mass']):.2g}")
if found == 0:
    sys.exit(f"no outputs in {out_dir}: run the other examples first")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib not installed: no plots")
    sys.exit(0)

if os.path.exists(path("theorem.csv")):
    fig, ax = plt.subplots()
    by_s = {}
    for r in rows:
        by_s.setdefault(r["s"], []).append((int(r["M"]), float(r["deflation"])))
    for s, pts in sorted(by_s.items()):
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=f"s = {s}")
    ax.set_xscale("log")
    ax.set_xlabel("M")
    ax.set_ylabel("‖f_r(T*)‖ / ‖f_r(0)‖")
    ax.set_title("Deflation of the core at T* (Theorem 1.1)")
    ax.legend()
    fig.savefig(path("deflation.png"), dpi=120)
    print(f"wrote {path('deflation.png')}")
if os.path.exists(path("relaxation.json")):
    fig, ax = plt.subplots()
    ax.semilogy([r["t"] for r in h], [abs(r["anisotropy"]) for r in h], marker=".")
    ax.set_xlabel("t")
    ax.set_ylabel("|T_xx − (T_yy + T_zz)/2|")
    ax.set_title(f"Relaxation, hard spheres, n = {relax['n']}")
    fig.savefig(path("relaxation.png"), dpi=120)
    print(f"wrote {path('relaxation.png')}")
