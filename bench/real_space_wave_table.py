"""Table of the real-space wave runs of bench/deviational-shear-wave.ts (its stderr rows, one JSON
line per slab count): per (kind, δv, slabs) the replicas of every seed pooled (per-replica values
concatenated: mean ± SE over all replicas), the flux/gradient ratio μ(k) resp. λ(k) and the decay
rate; then per (kind, δv) the weighted fits of the ratio in the slab width h (a + b h) and per
(kind, slabs) the fits in δv (a + c δv², a + c δv). Literature μ = 0.0895681, λ = 0.3389164.

    python3 bench/real_space_wave_table.py /work/runs/s8-13-heatwave/*.rows /work/runs/s8-13-heatwave/*.json

(.rows: the bench's stderr rows; .json: its stdout summaries, whose one-mode wave-method values are
pooled per (kind, δv) by inverse variance.)
"""

import json
import sys
from collections import defaultdict

import numpy as np

LIT = {"shear": 0.0895681, "heat": 0.3389164}
rows = defaultdict(lambda: {"values": [], "rates": [], "particles": [], "events": [], "seeds": []})
mode = defaultdict(list)
for path in sys.argv[1:]:
    if path.endswith(".json"):
        # the bench's summary: the one-mode wave method at the same k, δv and window
        text = open(path).read().strip()
        if not text:
            continue  # a run still going
        r = json.loads(text)
        w = r["waveMethod"]
        kind = "shear" if "shear" in r["benchmark"] else "heat"
        mode[(kind, r["cancellationBin"])].append((w["value"], w["valueError"]))
        continue
    for line in open(path):
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        key = (r["kind"], r["dv"], r["slabs"])
        d = rows[key]
        d["values"] += r["values"]
        # per-replica rates are not in the row: weight the mean by the replicas
        d["rates"].append((r["rate"], r["rateError"], r["replicas"]))
        d["particles"].append(r["finalParticles"])
        d["events"].append(r["eventsPerReplica"])
        d["seeds"].append(f'{r["seed"]}×{r["replicas"]}')
        d["h"] = r["h"]


def mean_se(x):
    x = np.asarray(x)
    return x.mean(), x.std(ddof=1) / np.sqrt(len(x))


def wfit(x, y, e):
    """Weighted least squares y = a + b x: a, SE(a), b, SE(b), χ²."""
    x, y, w = np.asarray(x), np.asarray(y), 1 / np.asarray(e) ** 2
    A = np.stack([np.ones_like(x), x], 1)
    C = np.linalg.inv(A.T @ (w[:, None] * A))
    p = C @ A.T @ (w * y)
    chi2 = float(np.sum(w * (y - A @ p) ** 2))
    return p[0], np.sqrt(C[0, 0]), p[1], np.sqrt(C[1, 1]), chi2


print("| wave | δv | slabs | h | replicas (seed×R) | μ(k) resp. λ(k) | vs literature | decay rate | particles at t = 2 | events/replica |")
print("|---|---|---|---|---|---|---|---|---|---|")
summary = {}
for key in sorted(rows):
    kind, dv, slabs = key
    d = rows[key]
    m, se = mean_se(d["values"])
    summary[key] = (d["h"], m, se, len(d["values"]))
    rw = np.array([r[2] for r in d["rates"]], float)
    rate = sum(r[0] * r[2] for r in d["rates"]) / rw.sum()
    rate_se = np.sqrt(sum((r[1] * r[2]) ** 2 for r in d["rates"])) / rw.sum()
    lit = LIT[kind]
    print(
        f"| {kind} | {dv} | {slabs} | {d['h']:.3f} | {', '.join(d['seeds'])} | {m:.4f} ± {se:.4f} | "
        f"{100 * (m / lit - 1):+.1f} % (SE {100 * se / lit:.1f} %) | {rate:.4f} ± {rate_se:.4f} | "
        f"{np.mean(d['particles']) / 1000:.1f} k | {np.mean(d['events']) / 1e6:.2f} M |"
    )

print()
for (kind, dv), vs in sorted(mode.items()):
    w = np.array([1 / e**2 for _, e in vs])
    m = sum(v * wi for (v, _), wi in zip(vs, w)) / w.sum()
    se = 1 / np.sqrt(w.sum())
    print(
        f"{kind} δv = {dv}: one-mode wave method (4000 particles, same window), inverse-variance mean of "
        f"{len(vs)} runs: {m:.4f} ± {se:.4f} ({100 * (m / LIT[kind] - 1):+.1f} %); runs: "
        + ", ".join(f"{v:.4f} ± {e:.4f}" for v, e in vs)
    )
print()
for kind in ("shear", "heat"):
    for dv in sorted({k[1] for k in summary if k[0] == kind}):
        pts = [summary[k] for k in sorted(summary) if k[0] == kind and k[1] == dv]
        if len(pts) < 2:
            continue
        h, y, e, _ = zip(*pts)
        a, sa, b, sb, chi2 = wfit(h, y, e)
        print(
            f"{kind} δv = {dv}: ratio = a + b h over {len(pts)} slab counts: a = {a:.4f} ± {sa:.4f} "
            f"({100 * (a / LIT[kind] - 1):+.1f} %), b/a = {b / a:+.3f} ± {sb / a:.3f} per unit h, χ² = {chi2:.1f} ({len(pts) - 2} dof)"
        )
    for slabs in sorted({k[2] for k in summary if k[0] == kind}):
        pts = [(k[1], *summary[k]) for k in sorted(summary) if k[0] == kind and k[2] == slabs]
        if len(pts) < 2:
            continue
        dv, h, y, e, _ = zip(*pts)
        for p in (2, 1):
            a, sa, c, sc, chi2 = wfit(np.asarray(dv) ** p, y, e)
            print(
                f"{kind} {slabs} slabs: ratio = a + c δv^{p} over δv = {', '.join(map(str, dv))}: a = {a:.4f} ± {sa:.4f} "
                f"({100 * (a / LIT[kind] - 1):+.1f} %, {abs(a - LIT[kind]) / sa:.1f} SE), c = {c:+.4f} ± {sc:.4f}, χ² = {chi2:.1f} ({len(pts) - 2} dof)"
            )
