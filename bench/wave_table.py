"""Pool the replicas of `transport --method wave --out DIR` runs (DIR/wave-replicas.jsonl, any number
of replicas per wave number and seed) and print the per-k estimates and the weighted least-squares fit
a + b k² to k → 0 — the formula of src/solvers/particles/wave-transport.ts (weights 1/SE², the
standard error of a from the fit), applied to unequal replica counts, which the command's own combine
(equal counts per k) does not allow. Replicas are grouped by their settings key minus the seed (seeds
are independent streams and pool).

Usage: python3 bench/wave_table.py DIR [DIR ...] → one JSON line per group of settings, then the fit
per coefficient over the groups that differ only in k.
"""
import json
import sys

import numpy as np

LIT = {"viscosity": 0.0895681, "heat-conductivity": 0.3389164}


def main():
    groups = {}
    for d in sys.argv[1:]:
        for line in open(f"{d}/wave-replicas.jsonl"):
            if not line.strip():
                continue
            rec = json.loads(line)
            key = json.loads(rec["key"])
            seed = key.pop("seed")
            g = groups.setdefault(json.dumps(key, sort_keys=True), {"key": key, "reps": {}})
            g["reps"][(seed, rec["result"]["replica"])] = rec["result"]
    rows = []
    for g in groups.values():
        reps = list(g["reps"].values())
        v = np.array([r["value"] for r in reps])
        ev = np.mean([r["linearEvents"] for r in reps])
        n = len(v)
        se = v.std(ddof=1) / np.sqrt(n)
        rel_sd = v.std(ddof=1) / v.mean()
        lit = LIT[g["key"]["coefficient"]]
        rows.append(
            {
                **g["key"],
                "replicas": n,
                "value": v.mean(),
                "error": se,
                "deviation": (v.mean() - lit) / lit,
                "seRelative": se / v.mean(),
                "decayRate": float(np.mean([r["decayRate"] for r in reps])),
                "decayRateError": float(np.std([r["decayRate"] for r in reps], ddof=1) / np.sqrt(n)),
                "eventsPerReplica": ev,
                "eventsFor1Percent": ev * (rel_sd / 0.01) ** 2,
                "finalParticles": float(np.mean([r["finalParticles"] for r in reps])),
            }
        )
    for r in rows:
        print(json.dumps(r))
    # fits over k: same settings except k
    fam = {}
    for r in rows:
        base = {a: b for a, b in r.items() if a in ("coefficient", "particles", "dt", "tStart", "tEnd", "cancellationBin", "quantumRatio", "representation", "T", "rho")}
        fam.setdefault(json.dumps(base, sort_keys=True), []).append(r)
    for base, rs in fam.items():
        ks = sorted({r["k"] for r in rs})
        if len(ks) < 2:
            continue
        x = np.array([r["k"] ** 2 for r in rs])
        y = np.array([r["value"] for r in rs])
        w = 1 / np.array([r["error"] for r in rs]) ** 2
        S, Sx, Sy, Sxx, Sxy = w.sum(), (w * x).sum(), (w * y).sum(), (w * x * x).sum(), (w * x * y).sum()
        D = S * Sxx - Sx * Sx
        a = (Sxx * Sy - Sx * Sxy) / D
        b = (S * Sxy - Sx * Sy) / D
        ea = np.sqrt(Sxx / D)
        eb = np.sqrt(S / D)
        chi2 = float((w * (y - a - b * x) ** 2).sum())
        lit = LIT[rs[0]["coefficient"]]
        print(
            json.dumps(
                {
                    "fit": json.loads(base),
                    "k": ks,
                    "replicas": [r["replicas"] for r in rs],
                    "value": a,
                    "error": ea,
                    "slope": b,
                    "slopeError": eb,
                    "chi2": chi2,
                    "dof": len(rs) - 2,
                    "deviation": (a - lit) / lit,
                    "seRelative": ea / a,
                    "deviationPlus2SE": abs(a - lit) / lit + 2 * ea / a,
                }
            )
        )


if __name__ == "__main__":
    main()
