"""Spread of BFW/CFW iteration counts under harmless perturbations: random shortest-path tie-breaking
(cost perturbation of 1e-12 relative inside Dijkstra only; gaps use unperturbed costs)."""
import numpy as np, ta, sys
# count ties at free flow
c0 = ta.cost(np.zeros(ta.M))
import heapq
ties = 0
for o in range(ta.N):
    dist = np.full(ta.N, np.inf); dist[o] = 0; h = [(0.0, o)]; done = set()
    while h:
        du, u = heapq.heappop(h)
        if u in done: continue
        done.add(u)
        for v, e in ta.adj[u]:
            if du + c0[e] < dist[v]: dist[v] = du + c0[e]; heapq.heappush(h, (dist[v], v))
    for v in range(ta.N):
        if v != o and sum(1 for e in range(ta.M) if ta.head[e] == v and abs(dist[ta.tail[e]] + c0[e] - dist[v]) < 1e-9) > 1:
            ties += 1
print("origin-node pairs with >1 shortest-path predecessor at free flow:", ties)
orig_aon = ta.aon
method = sys.argv[1] if len(sys.argv) > 1 else "BFW"
NS = int(sys.argv[2]) if len(sys.argv) > 2 else 8
for seed in range(NS):
    rng = np.random.default_rng(seed)
    def aon(c, rng=rng):
        cp = c * (1 + 1e-12 * rng.random(ta.M))
        y, _ = orig_aon(cp)
        return y, float(np.dot(y, c))
    ta.aon = aon
    h, log, x = ta.solve(method)
    print(f"{method} seed {seed}: 1e-4 k={h[1e-4][0]}, 1e-5 k={h[1e-5][0]}, obj={h[1e-5][1]:.3f}, gap1={log[0]['gap']:.6f}")
