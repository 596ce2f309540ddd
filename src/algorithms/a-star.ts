/**
 * A* search with a great-circle lower bound: h(v) = costPerKm × greatCircleKm(v, destination) (src/units.ts), where
 * costPerKm is the smallest cost/length ratio over all links (measured from the network itself, so no speed assumption
 * is made).
 *
 * Admissible and consistent: every link costs ≥ costPerKm × its chord, and great-circle distance obeys the triangle
 * inequality, so h(u) ≤ c(u→v) + h(v). The ratio is shrunk by 1e-9 (relative) so rounding cannot break this. If some
 * link has zero cost but positive length, costPerKm = 0 and A* degenerates to Dijkstra (still correct).
 * @see P. E. Hart, N. J. Nilsson, B. Raphael (1968), "A Formal Basis for the Heuristic Determination of Minimum Cost
 *   Paths", IEEE Trans. SSC 4(2), 100–107.
 */
import { UsageError } from "../errors.ts";
import { EARTH_RADIUS_KM } from "../units.ts";
import type { Csr } from "./csr.ts";
import { clearDijkstraWorkspace, createDijkstraWorkspace, type DijkstraWorkspace } from "./dijkstra.ts";
import { pathLinks, shortestPathFromLinks, type ShortestPath } from "./path.ts";

/** Precomputed node coordinates and the cost-per-km bound for {@link aStarPath}. */
export interface GreatCircleHeuristic {
  /** Smallest link cost per great-circle km, cost unit per km, ≥ 0 (shrunk by 1e-9 relative). */
  readonly costPerKm: number;
  /** Float64Array(n): latitude in radians. */
  readonly latRad: Float64Array;
  /** Float64Array(n): longitude in radians. */
  readonly lonRad: Float64Array;
  /** Float64Array(n): cos(latitude). */
  readonly cosLat: Float64Array;
}

const DEG = Math.PI / 180;

/**
 * The haversine of `greatCircleKm` (src/units.ts), specialised for the A* hot loop: the same formula on the same
 * sphere ({@link EARTH_RADIUS_KM}), taking each point's latitude and longitude already in radians and the cosine of its
 * latitude cached ({@link GreatCircleHeuristic} computes them once per node), so a bound costs two sines, a square root
 * and an arcsine and allocates nothing. Agrees with `greatCircleKm([lon1°, lat1°], [lon2°, lat2°])` to rounding
 * (test/algorithms/a-star.test.ts checks 1e-9 km on random points).
 * @param lat1 latitude of the first point, radians
 * @param lon1 longitude of the first point, radians
 * @param cosLat1 `Math.cos(lat1)`
 * @param lat2 latitude of the second point, radians
 * @param lon2 longitude of the second point, radians
 * @param cosLat2 `Math.cos(lat2)`
 * @returns km, ≥ 0
 * @example haversineKmFromRadians(0, 0, 1, 0, Math.PI / 180, 1) // ≈ 111.195 (one degree of longitude on the equator)
 */
export function haversineKmFromRadians(lat1: number, lon1: number, cosLat1: number, lat2: number, lon2: number, cosLat2: number): number {
  const sinDLat = Math.sin((lat2 - lat1) / 2);
  const sinDLon = Math.sin((lon2 - lon1) / 2);
  const a = sinDLat * sinDLat + cosLat1 * cosLat2 * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Builds the A* heuristic for `csr` from node coordinates.
 * @param lonDeg Float64Array(n), longitude in degrees, −180 … 180; NaN = missing
 * @param latDeg Float64Array(n), latitude in degrees, −90 … 90; NaN = missing
 * @throws UsageError code `missing-coordinates` naming the first node that has a link (in or out) but no valid
 *   coordinates (it would make the bound inadmissible; use Dijkstra or bidirectional search instead). Nodes with no
 *   link at all may lack coordinates: no path passes through them. Code `invalid-argument` when the arrays are not
 *   of length nodeCount.
 * @example createGreatCircleHeuristic(csr, lon, lat).costPerKm // e.g. 0.5 min/km when the fastest link runs at 120 km/h
 */
export function createGreatCircleHeuristic(csr: Csr, lonDeg: Float64Array, latDeg: Float64Array): GreatCircleHeuristic {
  const n = csr.nodeCount;
  if (lonDeg.length !== n || latDeg.length !== n) {
    throw new UsageError(`lon and lat must have length nodeCount = ${n} (got ${lonDeg.length}, ${latDeg.length})`, "invalid-argument");
  }
  const latRad = new Float64Array(n);
  const lonRad = new Float64Array(n);
  const cosLat = new Float64Array(n);
  const hasLinks = new Uint8Array(n);
  for (let i = 0; i < csr.linkCount; i++) {
    hasLinks[csr.linkFromNodes[i]] = 1;
    hasLinks[csr.linkToNodes[i]] = 1;
  }
  for (let v = 0; v < n; v++) {
    const lon = lonDeg[v];
    const lat = latDeg[v];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      if (hasLinks[v] === 0) {
        latRad[v] = lonRad[v] = cosLat[v] = NaN; // isolated: never on a path, handled at query time
        continue;
      }
      throw new UsageError(
        `node ${v} has links but no valid coordinates (lon ${lon}, lat ${lat}); A* needs them for every linked node`,
        "missing-coordinates",
      );
    }
    latRad[v] = lat * DEG;
    lonRad[v] = lon * DEG;
    cosLat[v] = Math.cos(latRad[v]);
  }
  let costPerKm = Infinity;
  for (let i = 0; i < csr.linkCount; i++) {
    const a = csr.linkFromNodes[i];
    const b = csr.linkToNodes[i];
    const km = haversineKmFromRadians(latRad[a], lonRad[a], cosLat[a], latRad[b], lonRad[b], cosLat[b]);
    if (km > 0) {
      const ratio = csr.linkCosts[i] / km;
      if (ratio < costPerKm) costPerKm = ratio;
    }
  }
  // No link with positive length (or all impassable): any finite path has no length to bound, use h = 0.
  if (costPerKm === Infinity) costPerKm = 0;
  return { costPerKm: costPerKm * (1 - 1e-9), latRad, lonRad, cosLat };
}

/** Workspace of an A* search: a Dijkstra workspace (g costs, heap keyed by f = g + h) and cached h values. */
export interface AStarWorkspace {
  readonly search: DijkstraWorkspace;
  /** Float64Array(n): h(v) for the current destination, NaN until computed. */
  readonly estimates: Float64Array;
}

/**
 * Allocates an A* workspace for networks of `nodeCount` nodes.
 * @example createAStarWorkspace(3).estimates // Float64Array [NaN, NaN, NaN]
 */
export function createAStarWorkspace(nodeCount: number): AStarWorkspace {
  return { search: createDijkstraWorkspace(nodeCount), estimates: new Float64Array(nodeCount).fill(NaN) };
}

/**
 * Least-cost path from `origin` to `destination` by A* with the great-circle bound.
 *
 * Contract
 * - origin, destination: node indexes of `csr`; `heuristic` built for `csr`; `closed`: Uint8Array(linkCount);
 * - returns `undefined` when unreachable; origin = destination gives cost 0 and no links;
 * - the cost is exact (the bound is consistent); when several paths tie, the one returned is deterministic.
 * Never throws: arguments are checked by `createShortestPathSearch(csr, { lon, lat }).pathAStar`.
 * @example aStarPath(createAStarWorkspace(csr.nodeCount), csr, heuristic, 0, 2, csr.closed) // { cost: 10, … }
 */
export function aStarPath(
  aw: AStarWorkspace,
  csr: Csr,
  heuristic: GreatCircleHeuristic,
  origin: number,
  destination: number,
  closed: Uint8Array,
): ShortestPath | undefined {
  if (Number.isNaN(heuristic.latRad[origin]) || Number.isNaN(heuristic.latRad[destination])) {
    // An endpoint without coordinates has no links (see createGreatCircleHeuristic): only the empty path exists.
    return origin === destination ? shortestPathFromLinks(csr, new Int32Array(0), origin) : undefined;
  }
  const ws = aw.search;
  const estimates = aw.estimates;
  // Reset cached estimates of the nodes the last run touched (settled or still in the heap).
  resetEstimates(estimates, ws.settled, ws.settledCount);
  resetEstimates(estimates, ws.heap.items, ws.heap.size);
  clearDijkstraWorkspace(ws);
  // The loop is a separate function so that only `return` follows it (see runDijkstra on V8 on-stack replacement).
  ws.settledCount = aStarLoop(ws, estimates, csr, heuristic, origin, destination, closed);
  const { costs, predecessorLinks } = ws;
  const positions = ws.heap.positions;
  if (costs[destination] === Infinity || positions[destination] >= 0) return undefined;
  const links = pathLinks(csr, predecessorLinks, origin, destination);
  return links === undefined ? undefined : shortestPathFromLinks(csr, links, origin);
}

function aStarLoop(
  ws: DijkstraWorkspace,
  estimates: Float64Array,
  csr: Csr,
  heuristic: GreatCircleHeuristic,
  origin: number,
  destination: number,
  closed: Uint8Array,
): number {
  const { offsets, targets, arcCosts, arcLinks } = csr;
  const { costs, predecessorLinks, settled, heap } = ws;
  const positions = heap.positions;
  const { costPerKm, latRad, lonRad, cosLat } = heuristic;
  const latD = latRad[destination];
  const lonD = lonRad[destination];
  const cosD = cosLat[destination];
  let settledCount = 0;
  costs[origin] = 0;
  estimates[origin] = costPerKm * haversineKmFromRadians(latRad[origin], lonRad[origin], cosLat[origin], latD, lonD, cosD);
  heap.push(origin, estimates[origin]);
  while (heap.size > 0) {
    const u = heap.pop();
    settled[settledCount++] = u;
    if (u === destination) break;
    const costU = costs[u];
    for (let k = offsets[u], end = offsets[u + 1]; k < end; k++) {
      const v = targets[k];
      const cost = costU + arcCosts[k];
      const costV = costs[v];
      if (cost < costV) {
        const link = arcLinks[k];
        if (closed[link] !== 0) continue;
        if (costV !== Infinity && positions[v] < 0) continue; // settled: final under a consistent bound
        costs[v] = cost;
        predecessorLinks[v] = link;
        let h = estimates[v];
        if (h !== h) {
          h = costPerKm * haversineKmFromRadians(latRad[v], lonRad[v], cosLat[v], latD, lonD, cosD);
          estimates[v] = h;
        }
        if (costV === Infinity) heap.push(v, cost + h);
        else heap.decrease(v, cost + h);
      } else if (cost === costV && cost !== Infinity) {
        const link = arcLinks[k];
        if (closed[link] === 0 && link < predecessorLinks[v] && positions[v] >= 0) predecessorLinks[v] = link;
      }
    }
  }
  return settledCount;
}

/** Sets estimates[nodes[i]] = NaN for i < count (a free function: see runDijkstra on on-stack replacement). */
function resetEstimates(estimates: Float64Array, nodes: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) estimates[nodes[i]] = NaN;
}
