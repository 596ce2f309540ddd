"""Independent FW / CFW / BFW oracle for TNTP Sioux Falls (written for deltanet benchmark check).

Conventions (match deltanet's):
  iteration 1 = AoN at free flow (x1 = y0); iteration k evaluates x_k: costs c(x_k), AoN y_k,
  rgap_k = (x.c - y.c)/(x.c); stop at first k with rgap <= target.
"""
import heapq
import os
import re
import sys
import numpy as np
from scipy.optimize import brentq

# TNTP Sioux Falls (Transportation Networks for Research, https://github.com/bstabler/TransportationNetworks), read from
# ../shared beside the repository; set TNTP_SIOUX_FALLS to another folder holding the same files.
D = os.environ.get(
    "TNTP_SIOUX_FALLS",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "data", "reference", "tntp", "SiouxFalls"),
) + os.sep
BEST_OBJ = 4231335.28710744


def read_net(path):
    rows = []
    with open(path) as f:
        body = False
        for line in f:
            if "<END OF METADATA>" in line:
                body = True
                continue
            if not body:
                continue
            line = line.strip()
            if not line or line.startswith("~"):
                continue
            parts = line.rstrip(";").split()
            rows.append([float(p) for p in parts[:10]])
    a = np.array(rows)
    return (a[:, 0].astype(int) - 1, a[:, 1].astype(int) - 1, a[:, 2], a[:, 4], a[:, 5], a[:, 6])


def read_trips(path, n):
    dem = np.zeros((n, n))
    txt = open(path).read().split("<END OF METADATA>")[1]
    o = None
    for line in txt.splitlines():
        line = line.strip()
        if line.startswith("Origin"):
            o = int(line.split()[1]) - 1
            continue
        for d, v in re.findall(r"(\d+)\s*:\s*([0-9.eE+-]+)", line):
            dem[o, int(d) - 1] += float(v)
    return dem


tail, head, cap, t0, B, pw = read_net(D + "SiouxFalls_net.tntp")
N = int(max(tail.max(), head.max())) + 1
M = len(tail)
DEM = read_trips(D + "SiouxFalls_trips.tntp", N)
adj = [[] for _ in range(N)]
for e in range(M):
    adj[tail[e]].append((head[e], e))


def cost(x):
    return t0 * (1.0 + B * (x / cap) ** pw)


def dcost(x):
    return t0 * B * pw * x ** (pw - 1) / cap ** pw


def beckmann(x):
    return float(np.sum(t0 * (x + B * x ** (pw + 1) / ((pw + 1) * cap ** pw))))


def aon(c):
    """All-or-nothing loading; returns (link flows, sum demand * sp cost)."""
    y = np.zeros(M)
    spc = 0.0
    for o in range(N):
        if DEM[o].sum() <= 0:
            continue
        dist = np.full(N, np.inf)
        pred = np.full(N, -1)
        dist[o] = 0.0
        h = [(0.0, o)]
        done = np.zeros(N, bool)
        order = []
        while h:
            du, u = heapq.heappop(h)
            if done[u]:
                continue
            done[u] = True
            order.append(u)
            for v, e in adj[u]:
                nd = du + c[e]
                if nd < dist[v]:
                    dist[v] = nd
                    pred[v] = e
                    heapq.heappush(h, (nd, v))
        load = DEM[o].copy()
        spc += float(np.dot(DEM[o], dist))
        for u in reversed(order):  # farthest first: push accumulated load to predecessor
            e = pred[u]
            if e >= 0:
                y[e] += load[u]
                load[tail[e]] += load[u]
    return y, spc


def line_search(x, d):
    """Exact minimiser of Beckmann on x + tau d, tau in [0,1]."""
    g = lambda t: float(np.dot(cost(x + t * d), d))
    g0, g1 = g(0.0), g(1.0)
    if g0 >= 0:
        return 0.0
    if g1 <= 0:
        return 1.0
    return brentq(g, 0.0, 1.0, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=500)


def cfw_weight(s_prev, x, H, dfw, delta):
    """CFW weight of the previous target: H-conjugacy of s - x with s_prev - x, clamped to [0, 1 - delta]."""
    db = s_prev - x
    Nk = np.dot(db, H * dfw)
    Dk = np.dot(db, H * (dfw - db))
    if Dk == 0:
        return 0.0
    a = Nk / Dk
    return 0.0 if a < 0 else min(a, 1 - delta)


def solve(method="BFW", targets=(1e-4, 1e-5), max_iter=20000, trace=0, delta=1e-4, restart_tau=0.999999,
          variant=None):
    """variant: optional dict of deviations for diagnosis."""
    variant = variant or {}
    x, _ = aon(cost(np.zeros(M)))
    hits = {}
    log = []
    tau = 0.0
    s_prev = s_prev2 = None  # s_{k-1}, s_{k-2}
    phase = 0  # 0 -> next step FW, 1 -> next step CFW, 2 -> BFW
    for k in range(1, max_iter + 1):
        c = cost(x)
        y, spc = aon(c)
        tstt = float(np.dot(x, c))
        gap = (tstt - spc) / tstt
        for tg in targets:
            if tg not in hits and gap <= tg:
                hits[tg] = (k, beckmann(x))
        rec = dict(k=k, gap=gap, obj=beckmann(x))
        if len(hits) == len(targets):
            log.append(rec)
            break
        dfw = y - x
        H = dcost(x)
        if method == "FW":
            s = y
        elif method == "CFW":
            if k == 1 or tau > restart_tau:
                s = y
            else:
                a = cfw_weight(s_prev, x, H, dfw, delta)
                s = a * s_prev + (1 - a) * y
                rec["alpha"] = a
            s_prev = s
        else:  # BFW
            if k == 1 or tau > restart_tau:
                phase = 0
            if phase == 0:
                s = y
                s_prev2, s_prev = None, s
                phase = 1
                rec["dir"] = "FW"
            elif phase == 1:
                a = cfw_weight(s_prev, x, H, dfw, delta)
                s = a * s_prev + (1 - a) * y
                s_prev2, s_prev = s_prev, s
                phase = 2
                rec["dir"] = "CFW"
                rec["alpha"] = a
            else:
                db = s_prev - x
                dbb = tau * s_prev - x + (1 - tau) * s_prev2
                mu = -np.dot(dbb, H * dfw) / np.dot(dbb, H * (s_prev2 - s_prev))
                nu = -np.dot(db, H * dfw) / np.dot(db, H * db) + mu * tau / (1 - tau)
                mu, nu = max(0.0, mu), max(0.0, nu)
                b0 = 1 / (1 + mu + nu)
                b1, b2 = nu * b0, mu * b0
                s = b0 * y + b1 * s_prev + b2 * s_prev2
                s_prev2, s_prev = s_prev, s
                rec.update(dir="BFW", mu=mu, nu=nu, b0=b0, b1=b1, b2=b2)
        d = s - x
        tau = line_search(x, d)
        rec["tau"] = tau
        log.append(rec)
        x = x + tau * d
    return hits, log, x


def fmt(r):
    s = f"k={r['k']:4d} gap={r['gap']:.6e} obj={r['obj']:.6f}"
    if "dir" in r:
        s += f" {r['dir']:3s}"
    if "tau" in r:
        s += f" tau={r['tau']:.6f}"
    if "alpha" in r:
        s += f" alpha={r['alpha']:.6f}"
    if "mu" in r:
        s += f" mu={r['mu']:.5g} nu={r['nu']:.5g} b0={r['b0']:.5f} b1={r['b1']:.5f} b2={r['b2']:.5f}"
    return s


if __name__ == "__main__":
    methods = sys.argv[1:] or ["FW", "CFW", "BFW"]
    for m in methods:
        hits, log, x = solve(m)
        print(f"== {m}: " + ", ".join(f"rgap<={t:g}: k={v[0]} obj={v[1]:.6f}" for t, v in hits.items())
              + f"  (best known {BEST_OBJ:.6f})")
        if m != "FW":
            for r in log[:15]:
                print("  " + fmt(r))
