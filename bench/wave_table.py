"""Pool the replicas of `transport --method wave --out DIR` runs (DIR/wave-replicas.jsonl, any number
of replicas per wave number and seed) and print the per-k estimates and the weighted least-squares fit
a + b k² to k → 0 — the formula of src/solvers/particles/wave-transport.ts (weights 1/SE², the
standard error of a from the fit), applied to unequal replica counts, which the command's own combine
(equal counts per k) does not allow. Replicas are grouped by their settings key minus the seed (seeds
are independent streams and pool).

Usage: python3 bench/wave_table.py [--markdown] DIR [DIR ...] [series:FILE ...] → one JSON line per
group of settings, then the fit per coefficient over the groups that differ only in k (with
--markdown: the rows of the wave table of docs/particles.md instead, each with the command that made
it). `series:FILE` adds the replicas of a bench/wave-series.ts file (independent seed streams, window
value recomputed over the group's [t₁, t₂] from the series) to the value and standard error of the
group with the same k and δv (events, decay rate and particle counts stay those of the DIR replicas).
"""
import json
import os
import sys

import numpy as np

LIT = {"viscosity": 0.0895681, "heat-conductivity": 0.3389164}
BASE_N = 20000  # the initial particle number of the δv scans (the fits in δv alone use these rows only)


def restored(r):
    """Rows run with a non-default cancellation restoration (docs/particles.md, the covariance restoration)."""
    return (r["cancellationMoments"], r["cancellationCarry"]) != ("energy", "key-order")


def label(r):
    short = {"covariance": "cov", "energy": "en", "neighbours": "nb", "key-order": "key"}
    return "" if not restored(r) else f" ({short[r['cancellationMoments']]} + {short[r['cancellationCarry']]})"


def command(r, dirs):
    """The transport command that appends this group's replicas (seeds as run, DIR as given)."""
    dv = "" if r["cancellationBin"] == 0.2 else f" --cancellation-bin {r['cancellationBin']}"
    n = "" if r["particles"] == 20000 else f" --particles {r['particles']}"
    seeds = sorted(r["seeds"])
    seed = "" if seeds == [1] else " --seed S"
    tail = "" if seeds == [1] else f" (S = {', '.join(str(x) for x in seeds)} → DIR = {', '.join(dirs)})"
    out = dirs[0] if seeds == [1] else "DIR"
    # the CLI default is covariance + neighbours since 2026-12-06: the other restorations are named
    default = (r["cancellationMoments"], r["cancellationCarry"]) == ("covariance", "neighbours")
    new = "" if default else f" --cancellation-moments {r['cancellationMoments']} --cancellation-carry {r['cancellationCarry']}"
    return (
        f"`transport --coefficient {r['coefficient']} --wave-numbers {r['k']:g}{dv}{n}{new}{seed}"
        f" --replicas R --workers 1 --out {out}`{tail}"
    )


def joint_fit(rows, power, interaction=False):
    """Weighted least squares value = a + b k² + c δv^power (+ d k²δv^power) over all rows of one coefficient."""
    X = np.array(
        [
            [1.0, r["k"] ** 2, r["cancellationBin"] ** power]
            + ([r["k"] ** 2 * r["cancellationBin"] ** power] if interaction else [])
            for r in rows
        ]
    )
    y = np.array([r["value"] for r in rows])
    w = 1 / np.array([r["error"] for r in rows]) ** 2
    F = X.T @ (w[:, None] * X)
    cov = np.linalg.inv(F)
    beta = cov @ (X.T @ (w * y))
    pulls = (y - X @ beta) * np.sqrt(w)
    return beta, np.sqrt(np.diag(cov)), float((pulls**2).sum()), pulls


def design_fit(rows, columns):
    """Weighted least squares value = Σ β_j columns[j](row) over the rows (weights 1/SE²): β, their
    standard errors, χ² and the pulls."""
    X = np.array([[f(r) for f in columns] for r in rows])
    y = np.array([r["value"] for r in rows])
    w = 1 / np.array([r["error"] for r in rows]) ** 2
    cov = np.linalg.inv(X.T @ (w[:, None] * X))
    beta = cov @ (X.T @ (w * y))
    pulls = (y - X @ beta) * np.sqrt(w)
    return beta, np.sqrt(np.diag(cov)), float((pulls**2).sum()), pulls


def occupancy(r):
    """Particles per velocity cube up to a constant: the population at t₂ times the cube volume δv³,
    in thousands (P δv³ / 1000)."""
    return r["finalParticles"] * r["cancellationBin"] ** 3 / 1000


# the occupancy models (rows at several initial particle numbers N): the cancellation bias as
# δv² (c + e/n) — the O(δv²) smoothing of a cube with a correction from the finite number n of
# particles it pairs and restores — or as c δv² + e/n (a finite-n bias of its own)
OCCUPANCY_MODELS = {
    "a + b k² + c δv²": [lambda r: 1.0, lambda r: r["k"] ** 2, lambda r: r["cancellationBin"] ** 2],
    "a + b k² + c δv² + e δv²/n": [
        lambda r: 1.0,
        lambda r: r["k"] ** 2,
        lambda r: r["cancellationBin"] ** 2,
        lambda r: r["cancellationBin"] ** 2 / occupancy(r),
    ],
    "a + b k² + c δv² + e/n": [
        lambda r: 1.0,
        lambda r: r["k"] ** 2,
        lambda r: r["cancellationBin"] ** 2,
        lambda r: 1 / occupancy(r),
    ],
}


def profile_fit(rows, powers=np.arange(0.5, 4.0001, 0.01)):
    """a + b k² + c δv^p with the power p free: the profile χ²(p) of the linear fits on a grid of p, the
    best p, and the intervals of a (and of p) where χ²(a, p) ≤ χ²_min + 1 resp. + 4 (a and p jointly
    free, i.e. the error of a includes the uncertainty of the δv law)."""
    fits = [(p, *joint_fit(rows, p)[:3]) for p in powers]
    chi_min = min(f[3] for f in fits)
    best = min(fits, key=lambda f: f[3])
    out = {"p": best[0], "value": best[1][0], "chi2": chi_min, "dof": len(rows) - 4}
    for level, tag in ((1.0, "1"), (4.0, "2")):
        lo, hi, ps = np.inf, -np.inf, []
        for p, beta, se, chi2 in fits:
            room = level - (chi2 - chi_min)
            if room < 0:
                continue
            ps.append(p)
            lo, hi = min(lo, beta[0] - se[0] * np.sqrt(room)), max(hi, beta[0] + se[0] * np.sqrt(room))
        out[f"interval{tag}"] = [lo, hi]
        out[f"pInterval{tag}"] = [min(ps), max(ps)]
    return out


def markdown(rows, fits):
    name = {"viscosity": "μ", "heat-conductivity": "λ"}
    cp = {"viscosity": 1.0, "heat-conductivity": 2.5}
    for r in sorted(rows, key=lambda r: (restored(r), r["coefficient"] != "viscosity", r["cancellationBin"], r["k"], r["particles"], label(r))):
        one = r["replicas"] < 2
        value = f"{r['value']:.5f} (one replica)" if one else f"{r['value']:.5f} ± {r['error']:.5f}"
        dev = f"{100 * r['deviation']:+.2f} %" + ("" if one else f" (SE {100 * r['seRelative']:.2f} %)")
        rate = f"{r['decayRate']:.4f}" + ("" if one else f" ± {r['decayRateError']:.4f}")
        work = f"{r['eventsPerReplica'] / 1e6:.2f} M" + ("" if one else f", {r['eventsFor1Percent'] / 1e6:.1f} M")
        print(
            f"| {name[r['coefficient']]}{label(r)} | {r['k']:g} | {r['cancellationBin']:g} | {r['particles']} × {r['replicas']} "
            f"| {value} | {dev} "
            f"| {rate} ({r['value'] * r['k'] ** 2 / cp[r['coefficient']]:.4f}) "
            f"| {work} | {r['finalParticles'] / 1e3:.0f} k "
            f"| {command(r, r['dirs'])} |"
        )
    for f in fits:
        print(
            f"| {name[f['fit']['coefficient']]} | k → 0, a + b k² over k = {', '.join(f'{k:g}' for k in f['k'])} "
            f"| {f['fit']['cancellationBin']:g} | {f['fit']['particles']} × ({', '.join(str(n) for n in f['replicas'])}) "
            f"| **{f['value']:.5f} ± {f['error']:.5f}** | **{100 * f['deviation']:+.2f} %** (SE {100 * f['seRelative']:.2f} %; "
            f"\|dev\| + 2 SE = {100 * f['deviationPlus2SE']:.2f} %) | b = {f['slope']:+.5f} ± {f['slopeError']:.5f}, "
            f"χ² = {f['chi2']:.1f} ({f['dof']} dof) | | | `python3 bench/wave_table.py` on the rows' DIRs |"
        )


def main():
    md = "--markdown" in sys.argv
    groups = {}
    series = [a[7:] for a in sys.argv[1:] if a.startswith("series:")]
    for d in [a for a in sys.argv[1:] if a != "--markdown" and not a.startswith("series:")]:
        if not os.path.exists(f"{d}/wave-replicas.jsonl"):
            print(f"no {d}/wave-replicas.jsonl", file=sys.stderr)
            continue
        for line in open(f"{d}/wave-replicas.jsonl"):
            if not line.strip():
                continue
            rec = json.loads(line)
            key = json.loads(rec["key"])
            key.setdefault("cancellationMoments", "energy")
            key.setdefault("cancellationCarry", "key-order")
            seed = key.pop("seed")
            g = groups.setdefault(
                json.dumps(key, sort_keys=True), {"key": key, "reps": {}, "seeds": set(), "dirs": []}
            )
            g["reps"][(seed, rec["result"]["replica"])] = rec["result"]
            g["seeds"].add(seed)
            if d not in g["dirs"]:
                g["dirs"].append(d)
    coef = {"heat": "heat-conductivity", "shear": "viscosity"}
    for path in series:
        for line in open(path):
            if not line.strip():
                continue
            s = json.loads(line)
            for g in groups.values():
                key = g["key"]
                if (key["coefficient"], key["k"], key["cancellationBin"], key["particles"]) != (
                    coef[s["kind"]], s["k"], s["dv"], 20000
                ):
                    continue
                t = np.array(s["t"])
                m = (t >= key["tStart"] - 1e-9) & (t <= key["tEnd"] + 1e-9)
                a, f = np.sum(np.array(s["amplitude"])[m]), np.sum(np.array(s["flux"])[m])
                g.setdefault("extra", []).append(-key["rho"] * f / (s["k"] * a) if s["kind"] == "shear" else -f / (s["k"] * a))
    rows = []
    for g in groups.values():
        reps = list(g["reps"].values())
        v = np.array([r["value"] for r in reps] + g.get("extra", []))
        ev = np.mean([r["linearEvents"] for r in reps])
        n = len(v)
        se = v.std(ddof=1) / np.sqrt(n) if n > 1 else float("nan")
        rel_sd = v.std(ddof=1) / v.mean() if n > 1 else float("nan")
        lit = LIT[g["key"]["coefficient"]]
        rows.append(
            {
                **g["key"],
                "replicas": n,
                "seriesReplicas": len(g.get("extra", [])),
                "value": v.mean(),
                "error": se,
                "deviation": (v.mean() - lit) / lit,
                "seRelative": se / v.mean(),
                "decayRate": float(np.mean([r["decayRate"] for r in reps])),
                "decayRateError": float(np.std([r["decayRate"] for r in reps], ddof=1) / np.sqrt(n)) if n > 1 else float("nan"),
                "eventsPerReplica": ev,
                "eventsFor1Percent": ev * (rel_sd / 0.01) ** 2,
                "finalParticles": float(np.mean([r["finalParticles"] for r in reps])),
                "seeds": sorted(g["seeds"]),
                "dirs": g["dirs"],
            }
        )
    if not md:
        for r in rows:
            print(json.dumps(r))
    fits = []
    # fits over k: same settings except k
    fam = {}
    # the fits (k → 0, δv → 0) are of the original restoration's rows; a new restoration's rows are
    # compared with those at the same (k, δv, N) instead (stderr)
    for r in sorted([r for r in rows if restored(r)], key=lambda r: (r["coefficient"], label(r), r["k"], r["cancellationBin"], r["particles"])):
        old = [o for o in rows if not restored(o) and all(o[a] == r[a] for a in ("coefficient", "k", "cancellationBin", "particles", "dt", "tStart", "tEnd", "quantumRatio", "representation"))]
        lit = LIT[r["coefficient"]]
        line = (
            f"restoration{label(r)} {r['coefficient']} k={r['k']:g} dv={r['cancellationBin']:g} N={r['particles']}: "
            f"{r['value']:.5f} ± {r['error']:.5f} ({100 * r['deviation']:+.2f} %, {r['deviation'] / r['seRelative']:+.1f} SE, "
            f"|dev| + 2 SE = {100 * (abs(r['deviation']) + 2 * r['seRelative']):.2f} %; {r['replicas']} replicas, {r['finalParticles'] / 1e3:.0f} k particles at t2)"
        )
        for o in old:
            d = r["value"] - o["value"]
            e = float(np.hypot(r["error"], o["error"]))
            line += f"; old {o['value']:.5f} ± {o['error']:.5f} ({100 * o['deviation']:+.2f} %), new − old {d:+.5f} ± {e:.5f} ({d / e:+.1f} SE)"
        print(line, file=sys.stderr)
    # a new restoration's δv dependence at one (coefficient, k, N): a + c δv² (and the mean, c = 0)
    fam_new = {}
    for r in rows:
        if restored(r) and r["replicas"] >= 2:
            fam_new.setdefault((r["coefficient"], label(r), r["k"], r["particles"]), []).append(r)
    for (coef, lab, k, n_init), family in sorted(fam_new.items()):
        lit = LIT[coef]
        # every δv, and (as in the old table's range) δv ≤ 0.56
        subsets = [family] + ([[r for r in family if r["cancellationBin"] <= 0.56]] if max(r["cancellationBin"] for r in family) > 0.56 else [])
        for rs in subsets:
            if len({r["cancellationBin"] for r in rs}) < 2:
                continue
            bins = ", ".join(f"{r['cancellationBin']:g}" for r in sorted(rs, key=lambda r: r["cancellationBin"]))
            for cols, name in [([lambda r: 1.0], "a (no δv dependence)"), ([lambda r: 1.0, lambda r: r["cancellationBin"] ** 2], "a + c δv²")]:
                if len(rs) <= len(cols):
                    continue
                beta, se, chi2, _ = design_fit(rs, cols)
                extra = f", c = {beta[1]:+.5f} ± {se[1]:.5f}" if len(beta) > 1 else ""
                print(
                    f"restoration{lab} {coef} k={k:g} N={n_init}, δv = {bins}: "
                    f"{name}: {beta[0]:.5f} ± {se[0]:.5f} ({100 * (beta[0] - lit) / lit:+.2f} %, |dev| + 2 SE = {100 * (abs(beta[0] - lit) + 2 * se[0]) / lit:.2f} %){extra}, "
                    f"χ² = {chi2:.1f} ({len(rs) - len(beta)} dof)",
                    file=sys.stderr,
                )
    fitted = [r for r in rows if r["replicas"] >= 2 and not restored(r)]
    for r in fitted:
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
        fits.append(
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
    # joint extrapolation k → 0 and δv → 0 over all rows of one coefficient (same N, window, κ)
    joint = []
    # the δv extrapolations are at one initial particle number N each (the bias may depend on N too):
    # every model at BASE_N, and at any other N with enough rows the additive ones below one acoustic time
    for coef, n_init in [(c, n) for c in ("viscosity", "heat-conductivity") for n in sorted({r["particles"] for r in fitted})]:
        every = [r for r in fitted if r["coefficient"] == coef and r["particles"] == n_init]
        bins = sorted({r["cancellationBin"] for r in every})
        if not bins:
            continue
        # all rows, and (leading order δv² is a small-δv statement) the rows with δv ≤ 0.4; for the
        # heat wave also only the k whose window ends before one acoustic time, c_s k t₂ < 1
        # (c_s = √(5T/3)): the O(k²) term of λ(k) depends on the phase c_s k t of the compressible
        # transient, so a + b k² (one b for all k) holds only while that phase is small
        subsets = [(top, False) for top in [bins[-1]] + ([0.4] if bins[-1] > 0.4 else [])]
        if coef == "heat-conductivity":
            # and the short extrapolation δv ≤ 0.28 (where δv ≤ 0.14 rows exist), below one acoustic time
            subsets += [(top, True) for top, _ in subsets] + ([(0.28, True)] if bins[0] < 0.2 else [])
        if n_init != BASE_N:
            subsets = [(top, acoustic) for top, acoustic in subsets if acoustic or coef == "viscosity"][:1]
        for top, acoustic in subsets:
            rs = [
                r
                for r in every
                if r["cancellationBin"] <= top
                and (not acoustic or np.sqrt(5 * r["T"] / 3) * r["k"] * r["tEnd"] < 1)
            ]
            if len({r["cancellationBin"] for r in rs}) < 2 or len({r["k"] for r in rs}) < 2 or len(rs) < 4:
                continue
            lit = LIT[coef]
            if acoustic and len(rs) >= 5 and n_init == BASE_N:
                prof = profile_fit(rs)
                lo2, hi2 = prof["interval2"]
                joint.append(
                    {
                        "joint": coef,
                        "model": "a + b k² + c δv^p, p free",
                        "profile": prof,
                        "maxBin": top,
                        "acousticLimit": acoustic,
                        "rows": len(rs),
                        "value": prof["value"],
                        "chi2": prof["chi2"],
                        "dof": prof["dof"],
                        "deviation": (prof["value"] - lit) / lit,
                        # the largest |deviation| inside the Δχ² ≤ 4 region (a and p jointly)
                        "deviationPlus2SE": max(abs(lo2 - lit), abs(hi2 - lit)) / lit,
                    }
                )
            for power, inter in ((2, False), (1, False), (2, True)):
                if inter and (len(rs) < 6 or n_init != BASE_N):
                    continue
                beta, se, chi2, pulls = joint_fit(rs, power, inter)
                joint.append(
                    {
                        "joint": coef,
                        "model": f"a + b k² + c δv^{power}" + (f" + d k²δv^{power}" if inter else ""),
                        "d": beta[3] if inter else None,
                        "dError": se[3] if inter else None,
                        "pulls": [
                            {"k": r["k"], "dv": r["cancellationBin"], "pull": round(float(x), 2)}
                            for r, x in zip(rs, pulls)
                        ],
                        "maxBin": top,
                        "acousticLimit": acoustic,
                        "particles": n_init,
                        "rows": len(rs),
                        "value": beta[0],
                        "error": se[0],
                        "b": beta[1],
                        "bError": se[1],
                        "c": beta[2],
                        "cError": se[2],
                        "chi2": chi2,
                        "dof": len(rs) - len(beta),
                        "deviation": (beta[0] - lit) / lit,
                        "seRelative": se[0] / beta[0],
                        "deviationPlus2SE": abs(beta[0] - lit) / lit + 2 * se[0] / beta[0],
                    }
                )
    # N scans: rows that differ only in the initial particle number N, value = A + s/P (P the population
    # at t₂), and the occupancy models over the rows below one acoustic time at every N
    scans, occ = [], []
    for coef in ("viscosity", "heat-conductivity"):
        fam = {}
        for r in fitted:
            if r["coefficient"] == coef:
                fam.setdefault((r["k"], r["cancellationBin"]), []).append(r)
        for (k, dv), rs in sorted(fam.items()):
            if len({r["particles"] for r in rs}) < 2:
                continue
            rs = sorted(rs, key=lambda r: r["particles"])
            entry = {"scan": coef, "k": k, "dv": dv, "rows": [(r["particles"], r["finalParticles"], r["value"], r["error"], r["replicas"]) for r in rs]}
            if len(rs) >= 3:
                beta, se, chi2, _ = design_fit(rs, [lambda r: 1.0, lambda r: 1e5 / r["finalParticles"]])
                entry.update(A=beta[0], AError=se[0], s=beta[1], sError=se[1], chi2=chi2, dof=len(rs) - 2)
            scans.append(entry)
        rs = [
            r
            for r in fitted
            if r["coefficient"] == coef and (coef != "heat-conductivity" or np.sqrt(5 * r["T"] / 3) * r["k"] * r["tEnd"] < 1)
        ]
        if len({r["particles"] for r in rs}) < 2:
            continue
        lit = LIT[coef]
        ns = sorted({r["particles"] for r in rs})
        # the bias coefficient as a free factor per N, c_N δv² (a and b shared): the limit δv → 0 of
        # every N is one a if the bias vanishes with δv at every N
        per_n = [lambda r: 1.0, lambda r: r["k"] ** 2] + [
            (lambda m: lambda r: r["cancellationBin"] ** 2 * (r["particles"] == m))(m) for m in ns
        ]
        for name_, cols in [*OCCUPANCY_MODELS.items(), ("a + b k² + c_N δv² (one c per N)", per_n)]:
            beta, se, chi2, pulls = design_fit(rs, cols)
            occ.append(
                {
                    "joint": coef,
                    "model": name_,
                    "ns": ns,
                    "rows": len(rs),
                    "value": beta[0],
                    "error": se[0],
                    "beta": [float(x) for x in beta],
                    "betaError": [float(x) for x in se],
                    "chi2": chi2,
                    "dof": len(rs) - len(beta),
                    "pulls": [
                        {"k": r["k"], "dv": r["cancellationBin"], "N": r["particles"], "pull": round(float(x), 2)}
                        for r, x in zip(rs, pulls)
                    ],
                    "deviation": (beta[0] - lit) / lit,
                    "seRelative": se[0] / beta[0],
                    "deviationPlus2SE": abs(beta[0] - lit) / lit + 2 * se[0] / beta[0],
                }
            )
    if md:
        markdown(rows, fits)
        name = {"viscosity": "μ", "heat-conductivity": "λ"}
        for j in joint:
            if "profile" in j:
                pr = j["profile"]
                (l1, h1), (l2, h2) = pr["interval1"], pr["interval2"]
                print(
                    f"| {name[j['joint']]} | k → 0 and δv → 0: {j['model']} over the {j['rows']} {name[j['joint']]} rows with δv ≤ {j['maxBin']:g}"
                    + (" and c_s k t₂ < 1 (k ≤ 0.5)" if j["acousticLimit"] else "")
                    + " | → 0 | | "
                    f"**{j['value']:.5f}** (Δχ² ≤ 1: [{l1:.5f}, {h1:.5f}]; ≤ 4: [{l2:.5f}, {h2:.5f}]) "
                    f"| **{100 * j['deviation']:+.2f} %** (largest \\|dev\\| with Δχ² ≤ 4: {100 * j['deviationPlus2SE']:.2f} %) "
                    f"| p = {pr['p']:.2f} (Δχ² ≤ 1: [{pr['pInterval1'][0]:.2f}, {pr['pInterval1'][1]:.2f}]; ≤ 4: "
                    f"[{pr['pInterval2'][0]:.2f}, {pr['pInterval2'][1]:.2f}] within the grid 0.5–4), χ² = {j['chi2']:.1f} ({j['dof']} dof) "
                    "| | | `python3 bench/wave_table.py` |"
                )
                continue
            print(
                f"| {name[j['joint']]} | k → 0 and δv → 0: {j['model']} over the {j['rows']} {name[j['joint']]} rows"
                + (f" at N = {j['particles']}" if j["particles"] != BASE_N else "")
                + f" with δv ≤ {j['maxBin']:g}"
                + (" and c_s k t₂ < 1 (k ≤ 0.5)" if j["acousticLimit"] else "")
                + " | → 0 | | "
                f"**{j['value']:.5f} ± {j['error']:.5f}** | **{100 * j['deviation']:+.2f} %** (SE {100 * j['seRelative']:.2f} %; "
                f"\\|dev\\| + 2 SE = {100 * j['deviationPlus2SE']:.2f} %) | b = {j['b']:+.5f} ± {j['bError']:.5f}, "
                f"c = {j['c']:+.5f} ± {j['cError']:.5f}, "
                + (f"d = {j['d']:+.5f} ± {j['dError']:.5f}, " if j["d"] is not None else "")
                + f"χ² = {j['chi2']:.1f} ({j['dof']} dof) | | | `python3 bench/wave_table.py` |"
            )
        for j in occ:
            b = j["beta"]
            e = j["betaError"]
            print(
                f"| {name[j['joint']]} | k → 0, δv → 0 (n = P δv³/1000, P the particles at t₂): {j['model']} over the "
                f"{j['rows']} {name[j['joint']]} rows at every N with c_s k t₂ < 1 | → 0 | | "
                f"**{j['value']:.5f} ± {j['error']:.5f}** | **{100 * j['deviation']:+.2f} %** (SE {100 * j['seRelative']:.2f} %; "
                f"\\|dev\\| + 2 SE = {100 * j['deviationPlus2SE']:.2f} %) | b = {b[1]:+.5f} ± {e[1]:.5f}, "
                + (
                    ", ".join(f"c_{n} = {x:+.5f} ± {y:.5f}" for n, x, y in zip(j["ns"], b[2:], e[2:])) + ", "
                    if "c_N" in j["model"]
                    else f"c = {b[2]:+.5f} ± {e[2]:.5f}, " + (f"e = {b[3]:+.5f} ± {e[3]:.5f}, " if len(b) > 3 else "")
                )
                + f"χ² = {j['chi2']:.1f} ({j['dof']} dof) "
                "| | | `python3 bench/wave_table.py` |"
            )
        for sc in scans:
            pts = "; ".join(f"N = {n}: P = {p / 1e3:.0f} k, {v:.5f} ± {e:.5f} ({m})" for n, p, v, e, m in sc["rows"])
            fit = (
                f"; value = A + s·10⁵/P: A = {sc['A']:.5f} ± {sc['AError']:.5f}, s = {sc['s']:+.5f} ± {sc['sError']:.5f}, "
                f"χ² = {sc['chi2']:.1f} ({sc['dof']} dof)"
                if "A" in sc
                else ""
            )
            print(f"N scan, {name[sc['scan']]} at k = {sc['k']:g}, δv = {sc['dv']:g}: {pts}{fit}", file=sys.stderr)
    else:
        for f in fits:
            print(json.dumps(f))
        for j in joint:
            print(json.dumps(j))
        for j in occ:
            print(json.dumps(j))
        for sc in scans:
            print(json.dumps(sc))


if __name__ == "__main__":
    main()
