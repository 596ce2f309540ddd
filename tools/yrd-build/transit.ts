/**
 * YRD builder, transit: the rail passenger service model ("route" layer) — one node per stop of every directed
 * stopping pattern of the June-2021 timetable inside the YRD, rides between consecutive stops, and board/alight links
 * to the stations, so that a change of train costs a wait and a boarding instead of being free as on the leg graph.
 *
 * Rules (printed in SOURCES.md, section Transit):
 * - Patterns: every row of yrd_rail_services.csv, cut where it leaves the YRD: each maximal run of ≥ 2 consecutive
 *   stops with `in_yrd = 1` is used on its own (a train that leaves and re-enters the region is two runs; no ride
 *   spans stops outside the YRD). Directions: forward (first → last, `n_trains_forward`) and backward (same stops and
 *   times reversed, `n_trains_backward`); a direction with no trains gets no nodes or links.
 * - Nodes `svc:<service_id>:<f|b>:<stop_seq>` (kind `service-stop`, layer `transit`, zoneId of the station). One node
 *   per direction, not per stop: the wait of a boarding depends on the direction boarded into, and separate nodes
 *   keep a traveller from turning round inside a train.
 * - `rail-ride` stop → next stop: timeMin = the pattern's `seg_min` (running time + dwell at the previous stop),
 *   lengthKm = `seg_km` (the known 0-km 苏州–无锡 record takes the leg's km instead), trainsPerDay = the direction's
 *   trains; status, openedDate, projectIds, estimate and crossesProvincialBorder of the rail-leg facility between the
 *   same two stations (`…:emu` for EMU patterns on a split leg), so scenarios date rides exactly as legs; and
 *   `railLinkId` = the directed rail-leg link from the ride's first station to its second, so closing or removing
 *   that link in a scenario (or a what-if) stops the ride too.
 * - `rail-board` station → stop node (every stop but a direction's last): timeMin = waitMin + BOARDING_MIN, waitMin =
 *   min(WAIT_CAP_MIN, WAIT_HEADWAY_FRACTION × SERVICE_WINDOW_MIN / f), f = trainsPerDay of the rail-leg facility from
 *   the station towards the pattern's next stop: the frequency of the corridor boarded into. Not all departures of the
 *   station (too optimistic: a traveller to Nanjing cannot take a train to Hangzhou), nor the pattern's own trains (too
 *   pessimistic: any train along that leg serves the traveller, and the search picks the best pattern afterwards).
 * - `rail-alight` stop node → station (every stop but a direction's first): ALIGHT_MIN (the walk out is on
 *   station-egress).
 * - Board and alight links take status, openedDate and projectIds of the ride they lead into / come from: the one
 *   ride a directed stop node has on that side. A stop node whose rides are all out of service then has its board and
 *   alight links out of service too (applyScenario also drops stop nodes left without a ride).
 * - Estimated lines (no timetable) get one synthetic pattern `est-<line_zh>` along their station list, both
 *   directions at ESTIMATED_TRAINS_PER_DAY, ride times and km of the rail-leg facility between each pair (estimated,
 *   or the timetable leg a line re-uses), status and openedDate of the line, projectIds of the line's estimated
 *   facilities; every link `estimate: true`.
 * Every transit link is its own one-way facility (link id = facility id): the two directions of a ride join
 * different stop nodes, and projects list exactly the transit links that open with them.
 *
 * Size (measured on the June-2021 data): 1,110 directed runs, ≈ 9,000 stop nodes and ≈ 23,500 links.
 */
import { InputError } from "../../src/errors.ts";
import { TRANSIT_LINK_TYPES, type LinkAttributes, type NodeAttributes, type Status } from "../../src/model/network.ts";
import { ALIGHT_MIN, BOARDING_MIN, SERVICE_WINDOW_MIN, WAIT_CAP_MIN, WAIT_HEADWAY_FRACTION, n } from "./assumptions.ts";
import type { RailService, YrdData } from "./data.ts";
import { yearOf } from "./dates.ts";
import type { EstimatedLine } from "./rail-estimated.ts";
import { EMU_TRAIN_TYPES } from "./rail-new-lines.ts";
import { railLegFacilityId, railNodeId } from "./rail.ts";
import { km, minutes } from "./round.ts";
import type { LayerBuild } from "./types.ts";

/** Inputs of {@link buildTransit}. */
export interface TransitInput {
  data: YrdData;
  /** Station nodes of rail.json by node id. */
  stations: ReadonlyMap<string, NodeAttributes>;
  /** Every rail link (timetable and estimated legs), with projectIds already assigned. */
  railLinks: readonly LinkAttributes[];
  /** Lines with estimated links, for the synthetic patterns. */
  estimatedLines: readonly EstimatedLine[];
  /** Trains/day per direction of a synthetic pattern (ESTIMATED_TRAINS_PER_DAY), > 0. */
  estimatedTrainsPerDay: number;
}

/** Direction of a pattern: forward (file order) or backward (reversed). */
type Direction = "f" | "b";

/** One stop of a run, in file order. */
interface RunStop {
  seq: number;
  stationZh: string;
  /** From the previous stop of the run (absent at the run's first stop), minutes and km. */
  segMin?: number;
  segKm?: number;
}

/** A run of ≥ 2 consecutive in-YRD stops of one pattern, with what its links inherit. */
interface Run {
  serviceId: string;
  stops: RunStop[];
  trains: Record<Direction, number>;
  /** Terminus of the whole pattern in each direction (for node names). */
  terminus: Record<Direction, string>;
  emu: boolean;
  /** Synthetic pattern of an estimated line. */
  line?: EstimatedLine;
  /** Source text of the pattern. */
  source: string;
}

/** Service-stop node id. @example transitStopNodeId("S0001", "f", 3) // "svc:S0001:f:3" */
export function transitStopNodeId(serviceId: string, direction: Direction, stopSeq: number): string {
  return `svc:${serviceId}:${direction}:${stopSeq}`;
}

/**
 * Waiting time at a boarding, minutes: min(WAIT_CAP_MIN, WAIT_HEADWAY_FRACTION × SERVICE_WINDOW_MIN / trainsPerDay).
 * @param trainsPerDay trains per day of the corridor boarded into (> 0)
 * @returns minutes in (0, WAIT_CAP_MIN]
 * @throws RangeError when trainsPerDay is not a number > 0 (a programming error: legs always have trains)
 * @example boardingWaitMin(54) // 10 (½ × 1080 / 54)
 * @example boardingWaitMin(2) // 30 (capped)
 */
export function boardingWaitMin(trainsPerDay: number): number {
  if (!(trainsPerDay > 0)) throw new RangeError(`trainsPerDay must be > 0 (got ${trainsPerDay})`);
  return Math.min(n(WAIT_CAP_MIN), (n(WAIT_HEADWAY_FRACTION) * n(SERVICE_WINDOW_MIN)) / trainsPerDay);
}

function timetableRuns(data: YrdData): Run[] {
  const runs: Run[] = [];
  const emitRun = (svc: RailService, stops: RunStop[]) => {
    if (stops.length < 2) return;
    runs.push({
      serviceId: svc.serviceId,
      stops,
      trains: { f: svc.nTrainsForward, b: svc.nTrainsBackward },
      terminus: { f: svc.stops[svc.stops.length - 1]!.stationZh, b: svc.stops[0]!.stationZh },
      emu: EMU_TRAIN_TYPES.has(svc.trainTypeZh),
      source: `yrd_rail_service_stops.csv: ${svc.serviceId}`,
    });
  };
  for (const svc of data.services) {
    let current: RunStop[] = [];
    for (const stop of svc.stops) {
      if (stop.inYrd !== data.stations.has(stop.stationZh)) {
        throw new InputError({
          file: stop.row.file, line: stop.row.line, code: "inconsistent-data",
          message: `${svc.serviceId} stop ${stop.stopSeq} ${stop.stationZh}: in_yrd = ${stop.inYrd ? 1 : 0} but the station is${stop.inYrd ? " not" : ""} in yrd_rail_stations.csv`,
        });
      }
      if (!stop.inYrd) {
        emitRun(svc, current);
        current = [];
        continue;
      }
      if (current.length > 0 && (stop.segMin === undefined || stop.segKm === undefined)) {
        throw new InputError({ file: stop.row.file, line: stop.row.line, code: "missing-value", message: `${svc.serviceId} stop ${stop.stopSeq} has no seg_min/seg_km` });
      }
      current.push(current.length === 0 ? { seq: stop.stopSeq, stationZh: stop.stationZh } : { seq: stop.stopSeq, stationZh: stop.stationZh, segMin: stop.segMin, segKm: stop.segKm });
    }
    emitRun(svc, current);
  }
  return runs;
}

function syntheticRuns(lines: readonly EstimatedLine[], trainsPerDay: number): Run[] {
  return lines.map((line) => ({
    serviceId: `est-${line.lineZh}`,
    stops: line.stations.map((stationZh, i) => ({ seq: i + 1, stationZh })),
    trains: { f: trainsPerDay, b: trainsPerDay },
    terminus: { f: line.stations[line.stations.length - 1]!, b: line.stations[0]! },
    emu: true,
    line,
    source: `${line.source} (synthetic pattern)`,
  }));
}

/** What a ride and its board/alight links inherit. */
interface Dating {
  status: Status;
  openedDate?: string;
  projectIds?: string[];
}

/**
 * Builds the transit layer.
 * @param input data, station nodes, rail links (with projectIds), estimated lines and their trains/day
 * @returns nodes (service stops) and links (rides, boardings, alightings), with notes for SOURCES.md
 * @throws InputError code `inconsistent-data` when a stop's `in_yrd` disagrees with yrd_rail_stations.csv or two
 *   consecutive in-YRD stops have no rail-leg facility; `missing-value` for a segment without seg_min/seg_km
 * @example buildTransit(input).links.find((l) => l.id === "transit:S0004:f:3-4")?.timeMin // 50 (苏州 → 上海虹桥)
 */
export function buildTransit(input: TransitInput): LayerBuild {
  const { data, stations } = input;
  const legs = new Map<string, LinkAttributes>();
  for (const l of input.railLinks) if (!legs.has(l.facilityId)) legs.set(l.facilityId, l);
  /** `<facilityId> <fromNodeId>` → the directed rail link's id. */
  const directedLegs = new Map<string, string>();
  for (const l of input.railLinks) directedLegs.set(`${l.facilityId} ${l.fromNodeId}`, l.id);
  const directedLeg = (leg: LinkAttributes, fromStationZh: string, toStationZh: string): string => {
    const id = directedLegs.get(`${leg.facilityId} ${railNodeId(fromStationZh)}`);
    if (id === undefined) {
      throw new InputError({ file: "yrd_rail_edges.csv", code: "inconsistent-data", message: `rail leg ${leg.facilityId} has no link ${fromStationZh} → ${toStationZh}` });
    }
    return id;
  };
  const projectsOfLine = (line: EstimatedLine): string[] | undefined => {
    const ids = new Set(line.facilityIds.flatMap((f) => legs.get(f)?.projectIds ?? []));
    return ids.size > 0 ? [...ids].sort() : undefined;
  };

  const nodes: NodeAttributes[] = [];
  const links: LinkAttributes[] = [];
  const notes: string[] = [];
  const runs = [...timetableRuns(data), ...syntheticRuns(input.estimatedLines, input.estimatedTrainsPerDay)];
  let zeroKmFixes = 0;
  const runsPerService = new Map<string, number>();
  for (const run of runs) runsPerService.set(run.serviceId, (runsPerService.get(run.serviceId) ?? 0) + 1);

  for (const run of runs) {
    const stationNode = (stationZh: string): NodeAttributes => {
      const node = stations.get(railNodeId(stationZh));
      if (!node) throw new InputError({ file: "yrd_rail_service_stops.csv", code: "inconsistent-data", message: `${run.serviceId}: station ${stationZh} is not a rail node` });
      return node;
    };
    // Leg facility between two consecutive stops (EMU patterns take the `:emu` part of a split leg).
    const legOf = (a: string, b: string): LinkAttributes => {
      const base = railLegFacilityId(a, b);
      const emu = legs.get(`${base}:emu`);
      const leg = emu !== undefined && run.emu ? emu : legs.get(base);
      if (!leg) throw new InputError({ file: "yrd_rail_service_stops.csv", code: "inconsistent-data", message: `${run.serviceId}: no rail leg between ${a} and ${b}` });
      return leg;
    };
    const lineDating: Dating | undefined = run.line && {
      status: run.line.status,
      ...(run.line.openedDate !== undefined ? { openedDate: run.line.openedDate } : {}),
      ...(projectsOfLine(run.line) ? { projectIds: projectsOfLine(run.line) } : {}),
    };
    for (const direction of ["f", "b"] as const) {
      const trains = run.trains[direction];
      if (!(trains > 0)) continue;
      const order = direction === "f" ? run.stops : [...run.stops].reverse();
      const nodeId = (s: RunStop) => transitStopNodeId(run.serviceId, direction, s.seq);
      for (const s of order) {
        const station = stationNode(s.stationZh);
        nodes.push({
          id: nodeId(s),
          kind: "service-stop",
          layer: "transit",
          name: `${run.serviceId} ${s.stationZh} (→ ${run.terminus[direction]})`,
          zoneId: station.zoneId,
          source: `${run.source} stop ${s.seq}`,
        });
      }
      const datings: Dating[] = [];
      const waits: { waitMin: number; trainsPerDay: number; legId: string }[] = [];
      for (let k = 0; k + 1 < order.length; k++) {
        const from = order[k]!;
        const to = order[k + 1]!;
        // The segment's values sit on the later stop in file order (seg_* are "from the previous stop").
        const seg = from.seq < to.seq ? to : from;
        const leg = legOf(from.stationZh, to.stationZh);
        const dating: Dating = lineDating ?? {
          status: leg.status,
          ...(leg.openedDate !== undefined ? { openedDate: leg.openedDate } : {}),
          ...(leg.projectIds !== undefined ? { projectIds: leg.projectIds } : {}),
        };
        datings.push(dating);
        let timeMin: number;
        let lengthKm: number;
        let estimateNote: string | undefined;
        if (run.line) {
          timeMin = leg.timeMin!;
          lengthKm = leg.lengthKm!;
          estimateNote = `synthetic pattern of ${run.line.lineZh} (no timetable): timeMin and lengthKm of ${leg.facilityId}, trainsPerDay = ESTIMATED_TRAINS_PER_DAY`;
        } else {
          timeMin = seg.segMin!;
          lengthKm = seg.segKm!;
          if (lengthKm === 0) {
            lengthKm = leg.lengthKm!;
            zeroKmFixes++;
            if (direction === "f") notes.push(`${run.serviceId} ${from.stationZh}–${to.stationZh}: seg_km 0 in the file (known glitch), lengthKm ${lengthKm} km of ${leg.facilityId}`);
          }
          if (leg.estimate) estimateNote = leg.estimateNote;
        }
        const id = `transit:${run.serviceId}:${direction}:${from.seq}-${to.seq}`;
        links.push({
          id,
          facilityId: id,
          fromNodeId: nodeId(from),
          toNodeId: nodeId(to),
          layer: "transit",
          linkType: TRANSIT_LINK_TYPES.ride,
          name: `${run.serviceId} ${from.stationZh}→${to.stationZh}`,
          ...withYear(dating),
          timeMin: minutes(timeMin),
          lengthKm: km(lengthKm),
          trainsPerDay: trains,
          ...(leg.crossesProvincialBorder ? { crossesProvincialBorder: true } : {}),
          ...(run.line || leg.estimate ? { estimate: true } : {}),
          ...(estimateNote !== undefined ? { estimateNote } : {}),
          railLinkId: directedLeg(leg, from.stationZh, to.stationZh),
          source: `${run.source} stops ${from.seq}→${to.seq} (leg ${leg.facilityId})`,
        });
        waits.push({ waitMin: minutes(boardingWaitMin(leg.trainsPerDay!)), trainsPerDay: leg.trainsPerDay!, legId: leg.facilityId });
      }
      order.forEach((s, k) => {
        const station = railNodeId(s.stationZh);
        if (k + 1 < order.length) {
          const w = waits[k]!;
          const id = `transit:${run.serviceId}:${direction}:${s.seq}:board`;
          links.push({
            id,
            facilityId: id,
            fromNodeId: station,
            toNodeId: nodeId(s),
            layer: "transit",
            linkType: TRANSIT_LINK_TYPES.board,
            ...withYear(datings[k]!),
            timeMin: minutes(w.waitMin + n(BOARDING_MIN)),
            waitMin: w.waitMin,
            estimate: true,
            estimateNote: `waitMin = min(WAIT_CAP_MIN, ½ × SERVICE_WINDOW_MIN / ${w.trainsPerDay} trains/day of ${w.legId}) + BOARDING_MIN`,
            source: `${run.source} stop ${s.seq}`,
          });
        }
        if (k > 0) {
          const id = `transit:${run.serviceId}:${direction}:${s.seq}:alight`;
          links.push({
            id,
            facilityId: id,
            fromNodeId: nodeId(s),
            toNodeId: station,
            layer: "transit",
            linkType: TRANSIT_LINK_TYPES.alight,
            ...withYear(datings[k - 1]!),
            timeMin: n(ALIGHT_MIN),
            source: `${run.source} stop ${s.seq}`,
          });
        }
      });
    }
  }
  const timetable = runs.filter((r) => !r.line);
  const directed = (rs: Run[]) => rs.reduce((sum, r) => sum + (r.trains.f > 0 ? 1 : 0) + (r.trains.b > 0 ? 1 : 0), 0);
  const split = [...runsPerService].filter(([, count]) => count > 1).map(([id]) => id).sort();
  notes.unshift(
    `${new Set(timetable.map((r) => r.serviceId)).size} of ${data.services.length} timetable patterns have a run of ≥ 2 consecutive YRD stops: ${timetable.length} runs, ${directed(timetable)} directed runs (a direction without trains is left out)${split.length > 0 ? `; patterns leaving and re-entering the YRD, cut into separate runs: ${split.join(", ")}` : ""}.`,
    `Synthetic patterns of estimated lines: ${input.estimatedLines.map((l) => `est-${l.lineZh} (${l.stations.length} stops)`).join(", ")}.`,
  );
  if (zeroKmFixes > 0) notes.push(`${zeroKmFixes} ride(s) with seg_km 0 take the leg's km.`);
  return {
    layer: "transit",
    description:
      "Transit: the rail passenger service model. One node per stop of each directed stopping pattern of the June-2021 timetable inside the YRD (and of one synthetic pattern per estimated line), rail-ride links between consecutive stops (pattern segment time and km, trains/day of the direction), rail-board links station → stop (wait from the boarded corridor's frequency + boarding time) and rail-alight links stop → station (0 min). Rides are dated like the rail legs they run over. See SOURCES.md.",
    nodes,
    links,
    derived: [],
    notes,
  };
}

/** The dating fields of a link, with openedYear from openedDate. */
function withYear(d: Dating): Pick<LinkAttributes, "status" | "openedDate" | "openedYear" | "projectIds"> {
  return {
    status: d.status,
    ...(d.openedDate !== undefined ? { openedDate: d.openedDate, openedYear: yearOf(d.openedDate) } : {}),
    ...(d.projectIds !== undefined ? { projectIds: d.projectIds } : {}),
  };
}
