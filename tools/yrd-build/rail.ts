/**
 * YRD builder, rail from the timetable: station nodes in the 41 cities and one two-way facility per non-stop leg of
 * `yrd_rail_edges.csv` (both ends in the YRD), with the June-2021 median time, km and trains, and opening dates for legs
 * that run over lines opened after the 2019-05 Outline (rules in rail-new-lines.ts).
 *
 * Why the median: a leg pools every stopping pattern that runs it non-stop; the median over patterns is the typical
 * time and is robust to the odd slow overnight or freight-path train, where the minimum would credit every traveller
 * with the single fastest train. The source time is the difference of cumulative running times, so it includes the
 * dwell at the previous stop (≈1–3 min). Trains are counted per timetable pattern and both directions are pooled in
 * the source; `trainsPerDay` = n_trains / 2 per direction (timetable trains, not necessarily daily).
 */
import { median } from "simple-statistics";
import { InputError } from "../../src/errors.ts";
import type { LinkAttributes, NodeAttributes } from "../../src/model/network.ts";
import type { City, RailEdge, RailLine, RailStation, YrdData } from "./data.ts";
import { compareDates, laterDate } from "./dates.ts";
import { derivedAssumption } from "./assumptions.ts";
import { EMU_TRAIN_TYPES, EXTRA_NEW_LEGS, EXTRA_NEW_STATIONS, SPLIT_LEGS, isConventionalOnly } from "./rail-new-lines.ts";
import { km, minutes, roundTo } from "./round.ts";
import { twoWay, type FacilityAttributes, type LayerBuild } from "./types.ts";

/** Rail node id of a station. @example railNodeId("南京南") // "rail:南京南" */
export function railNodeId(stationZh: string): string {
  return `rail:${stationZh}`;
}

/** Facility id of the leg between two stations, ends in code-point order as in yrd_rail_edges.csv. @example railLegFacilityId("芜湖", "宣城") // "rail:leg:宣城-芜湖" */
export function railLegFacilityId(a: string, b: string): string {
  const [x, y] = orderedPair(a, b);
  return `rail:leg:${x}-${y}`;
}

/** The two station names in code-point order. @example orderedPair("芜湖", "宣城") // ["宣城", "芜湖"] */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** What the timetable part hands to the estimated-line, access and project builders. */
export interface RailContext {
  nodes: Map<string, NodeAttributes>;
  /** Station nodes whose lon/lat is a placeholder (city centre), so access uses the default distance. */
  placeholderCoords: Set<string>;
  /** Facility ids of timetable legs by unordered station pair key `a|b` (code-point order). */
  timetablePairs: Set<string>;
  /** Facility ids opened with each line (`line_zh`). */
  facilitiesByLine: Map<string, Set<string>>;
  /** Trains/day per direction assumed on estimated links (ESTIMATED_TRAINS_PER_DAY, derived from the timetable). */
  newLineTrainsPerDay: number;
}

/**
 * Line row by `line_zh`; every rule must name a row of yrd_rail_lines.csv.
 * @throws InputError code `unknown-line` when no row has that name
 * @example lineByName(data, "徐连高铁", "test").opened // "2021-02-08"
 */
export function lineByName(data: YrdData, lineZh: string, where: string): RailLine {
  const line = data.lines.find((l) => l.lineZh === lineZh);
  if (!line) throw new InputError({ file: "yrd_rail_lines.csv", code: "unknown-line", message: `${where} names line "${lineZh}", not in yrd_rail_lines.csv` });
  return line;
}

/** Opening date of a line: `opened`, or for a flagged station the file's `line_opened`. */
function lineDate(data: YrdData, lineZh: string, where: string): string {
  const line = lineByName(data, lineZh, where);
  if (line.opened === undefined) throw new InputError({ file: "yrd_rail_lines.csv", line: line.row.line, code: "missing-value", message: `line "${lineZh}" has no opening date (${where})` });
  return line.opened;
}

/** Station node (timetable or any station of yrd_rail_stations.csv); lon/lat only when the file has them. @example stationNode(st, city).id // "rail:南京南" */
export function stationNode(st: RailStation, city: City): NodeAttributes {
  const node: NodeAttributes = {
    id: railNodeId(st.stationZh),
    kind: "station",
    layer: "rail",
    name: `${st.stationZh} (${city.nameEn})`,
    nameZh: st.stationZh,
    zoneId: city.adcode,
    province: city.provinceEn,
    source: `yrd_rail_stations.csv: ${st.stationZh}` + (st.lat === undefined ? ` (no coordinates: ${st.coordSource})` : ""),
  };
  if (st.lat !== undefined && st.lon !== undefined) {
    node.lon = st.lon;
    node.lat = st.lat;
  }
  return node;
}

interface LegPart {
  timeMin: number;
  lengthKm: number;
  trains: number;
  services: number;
}

/** Per-pattern segment values of a station pair from yrd_rail_service_stops.csv, split EMU / conventional. */
function segmentsOfPair(data: YrdData, a: string, b: string): { emu: LegPart | undefined; conventional: LegPart | undefined; all: LegPart | undefined } {
  const parts = { emu: [] as { min: number; km: number; trains: number }[], conventional: [] as { min: number; km: number; trains: number }[] };
  for (const svc of data.services) {
    for (let i = 1; i < svc.stops.length; i++) {
      const p = svc.stops[i - 1].stationZh;
      const q = svc.stops[i].stationZh;
      if (!((p === a && q === b) || (p === b && q === a))) continue;
      const stop = svc.stops[i];
      if (stop.segMin === undefined || stop.segKm === undefined) {
        throw new InputError({ file: stop.row.file, line: stop.row.line, code: "missing-value", message: `segment ${p}–${q} of ${svc.serviceId} has no seg_min/seg_km` });
      }
      (EMU_TRAIN_TYPES.has(svc.trainTypeZh) ? parts.emu : parts.conventional).push({ min: stop.segMin, km: stop.segKm, trains: svc.nTrains });
    }
  }
  const agg = (xs: { min: number; km: number; trains: number }[]): LegPart | undefined =>
    xs.length === 0
      ? undefined
      : { timeMin: median(xs.map((x) => x.min)), lengthKm: median(xs.map((x) => x.km)), trains: xs.reduce((s, x) => s + x.trains, 0), services: xs.length };
  return { emu: agg(parts.emu), conventional: agg(parts.conventional), all: agg([...parts.emu, ...parts.conventional]) };
}

interface Opening {
  date: string;
  lines: string[];
  why: string[];
}

/**
 * Builds the timetable rail layer.
 * @param data loaded YRD data
 * @returns layer (station nodes, leg links) and the context for estimated lines, access and projects
 * @throws InputError code `unknown-station` when a leg names a station missing from yrd_rail_stations.csv,
 *   `unknown-line` when a rule names a line missing from yrd_rail_lines.csv, `inconsistent-data` when a split leg's
 *   services do not add up to the edge row
 * @example buildTimetableRail(data).layer.links.find((l) => l.id === "rail:leg:上海虹桥-南京南:ab")?.timeMin // 73
 */
export function buildTimetableRail(data: YrdData): { layer: LayerBuild; context: RailContext } {
  const nodes = new Map<string, NodeAttributes>();
  const notes: string[] = [];
  const stationOf = (name: string, edge: RailEdge): RailStation => {
    const st = data.stations.get(name);
    if (!st) throw new InputError({ file: edge.row.file, line: edge.row.line, code: "unknown-station", message: `station "${name}" is not in yrd_rail_stations.csv` });
    return st;
  };
  const ensureNode = (st: RailStation): string => {
    const id = railNodeId(st.stationZh);
    if (!nodes.has(id)) nodes.set(id, stationNode(st, data.cityByAdcode.get(st.cityAdcode)!));
    return id;
  };

  // New stations: flags of the file plus curated ones (rule 1 and 2).
  const newStation = new Map<string, { line: string; date: string; why: string }>();
  for (const st of data.stations.values()) {
    if (st.newWithLine !== undefined) {
      lineByName(data, st.newWithLine, `yrd_rail_stations.csv: ${st.stationZh}`);
      newStation.set(st.stationZh, { line: st.newWithLine, date: st.lineOpened!, why: "yrd_rail_stations.csv flag" });
    }
  }
  for (const r of EXTRA_NEW_STATIONS) {
    if (!data.stations.has(r.station)) throw new InputError({ file: "yrd_rail_stations.csv", code: "unknown-station", message: `curated new station "${r.station}" is not in the file` });
    if (newStation.has(r.station)) throw new InputError({ file: "yrd_rail_stations.csv", code: "duplicate-rule", message: `station "${r.station}" is already flagged; remove the curated rule` });
    newStation.set(r.station, { line: r.line, date: lineDate(data, r.line, `curated station ${r.station}`), why: `curated: ${r.reason}` });
  }
  const extraLegs = new Map(EXTRA_NEW_LEGS.map((r) => [orderedPair(r.a, r.b).join("|"), r]));
  const splitLegs = new Map(SPLIT_LEGS.map((r) => [orderedPair(r.a, r.b).join("|"), r]));
  const usedRules = new Set<string>();

  const links: LinkAttributes[] = [];
  const timetablePairs = new Set<string>();
  const facilitiesByLine = new Map<string, Set<string>>();
  const addToLine = (line: string, facilityId: string) => {
    if (!facilitiesByLine.has(line)) facilitiesByLine.set(line, new Set());
    facilitiesByLine.get(line)!.add(facilityId);
  };

  for (const edge of data.edges) {
    if (!edge.bothInYrd) continue;
    const sa = stationOf(edge.stationA, edge);
    const sb = stationOf(edge.stationB, edge);
    const [a, b] = orderedPair(sa.stationZh, sb.stationZh);
    if (a !== sa.stationZh) throw new InputError({ file: edge.row.file, line: edge.row.line, code: "bad-value", message: `station_a/station_b not in code-point order: ${sa.stationZh}, ${sb.stationZh}` });
    const fromId = ensureNode(sa);
    const toId = ensureNode(sb);
    const key = `${a}|${b}`;
    timetablePairs.add(key);
    const facilityId = railLegFacilityId(a, b);
    const cityA = data.cityByAdcode.get(sa.cityAdcode)!;
    const cityB = data.cityByAdcode.get(sb.cityAdcode)!;
    const border = cityA.provinceEn !== cityB.provinceEn;
    const base = (part: LegPart, source: string): FacilityAttributes => ({
      facilityId,
      layer: "rail",
      linkType: "rail-leg",
      name: `${a}–${b}`,
      status: "existing",
      timeMin: minutes(part.timeMin),
      lengthKm: km(part.lengthKm),
      trainsPerDay: roundTo(part.trains / 2, 1),
      ...(border ? { crossesProvincialBorder: true } : {}),
      source,
    });

    const split = splitLegs.get(key);
    if (split) {
      usedRules.add(`split:${key}`);
      const seg = segmentsOfPair(data, a, b);
      if (!seg.all || seg.all.services !== edge.nServices || seg.all.trains !== edge.nTrains) {
        throw new InputError({ file: edge.row.file, line: edge.row.line, code: "inconsistent-data", message: `split leg ${a}–${b}: yrd_rail_service_stops.csv gives ${seg.all?.services ?? 0} services / ${seg.all?.trains ?? 0} trains, the edge row ${edge.nServices} / ${edge.nTrains}` });
      }
      if (!seg.emu || !seg.conventional) throw new InputError({ file: edge.row.file, line: edge.row.line, code: "inconsistent-data", message: `split leg ${a}–${b} needs both EMU and conventional services` });
      const date = lineDate(data, split.line, `split leg ${a}–${b}`);
      links.push(...twoWay(base(seg.conventional, `yrd_rail_edges.csv: ${a}–${b}; conventional trains only (${seg.conventional.services} patterns), recomputed from yrd_rail_service_stops.csv`), fromId, toId));
      const emuFacility = `${facilityId}:emu`;
      const emu: FacilityAttributes = {
        ...base(seg.emu, `yrd_rail_edges.csv: ${a}–${b}; EMU trains only (${seg.emu.services} patterns), recomputed from yrd_rail_service_stops.csv; opened with ${split.line} ${date} (curated split: ${split.reason})`),
        facilityId: emuFacility,
        name: `${a}–${b} (EMU over ${split.line})`,
        openedDate: date,
      };
      links.push(...twoWay(emu, fromId, toId));
      addToLine(split.line, emuFacility);
      continue;
    }

    // Opening date from new stations (rule 1, 2) and curated legs (rule 3).
    let opening: Opening | undefined;
    for (const st of [sa, sb]) {
      const ns = newStation.get(st.stationZh);
      if (!ns) continue;
      const line = lineByName(data, ns.line, `station ${st.stationZh}`);
      if (line.category === "HSR" && isConventionalOnly(edge.trainTypes)) {
        notes.push(`${a}–${b}: conventional trains only (${edge.trainTypes.join(";")}) at ${st.stationZh}, which is flagged with the high-speed ${ns.line}: kept as an older conventional leg (rule 1 exception)`);
        continue;
      }
      opening = {
        date: laterDate(opening?.date, ns.date)!,
        lines: [...(opening?.lines ?? []), ns.line],
        why: [...(opening?.why ?? []), `station ${st.stationZh} (${ns.why})`],
      };
    }
    const extra = extraLegs.get(key);
    if (extra) {
      usedRules.add(`leg:${key}`);
      const date = lineDate(data, extra.line, `curated leg ${a}–${b}`);
      opening = { date: laterDate(opening?.date, date)!, lines: [...(opening?.lines ?? []), extra.line], why: [...(opening?.why ?? []), `curated leg: ${extra.reason}`] };
    }
    const part: LegPart = { timeMin: edge.medianTimeMin, lengthKm: edge.kmMedian, trains: edge.nTrains, services: edge.nServices };
    const facility = base(part, `yrd_rail_edges.csv: ${a}–${b}` + (opening ? `; opened ${opening.date} with ${[...new Set(opening.lines)].join(" + ")} (${opening.why.join("; ")})` : ""));
    if (opening) {
      facility.openedDate = opening.date;
      for (const l of new Set(opening.lines)) addToLine(l, facilityId);
    }
    links.push(...twoWay(facility, fromId, toId));
  }
  for (const k of [...extraLegs.keys()].map((k) => `leg:${k}`).concat([...splitLegs.keys()].map((k) => `split:${k}`))) {
    if (!usedRules.has(k)) throw new InputError({ file: "yrd_rail_edges.csv", code: "unused-rule", message: `curated rail rule ${k} matches no leg with both ends in the YRD` });
  }
  // Check dates are consistent with the timetable (nothing opened after it can be in it).
  for (const l of links) {
    if (l.openedDate !== undefined && compareDates(l.openedDate, "2021-07") >= 0) {
      throw new InputError({ file: "yrd_rail_edges.csv", code: "inconsistent-data", message: `timetable leg ${l.id} would open ${l.openedDate}, after the June-2021 timetable` });
    }
  }
  // Early service of a new line: trains/day per direction of the patterns calling at ≥1 of its flagged stations.
  const lineTrains: number[] = [];
  const flaggedByLine = new Map<string, Set<string>>();
  for (const st of data.stations.values()) {
    if (st.newWithLine === undefined) continue;
    if (!flaggedByLine.has(st.newWithLine)) flaggedByLine.set(st.newWithLine, new Set());
    flaggedByLine.get(st.newWithLine)!.add(st.stationZh);
  }
  for (const line of [...flaggedByLine.keys()].sort()) {
    const set = flaggedByLine.get(line)!;
    const trains = data.services.filter((svc) => svc.stops.some((x) => set.has(x.stationZh))).reduce((sum, svc) => sum + svc.nTrains, 0);
    lineTrains.push(trains / 2);
  }
  const newLineTrainsPerDay = roundTo(median(lineTrains), 1);
  notes.push(`${newStation.size} stations count as opened after 2019-05 (${newStation.size - EXTRA_NEW_STATIONS.length} flagged in yrd_rail_stations.csv, ${EXTRA_NEW_STATIONS.length} curated).`);
  return {
    layer: {
      layer: "rail",
      description: "",
      nodes: [],
      links,
      derived: [
        derivedAssumption(
          "ESTIMATED_TRAINS_PER_DAY", newLineTrainsPerDay, "trains/day per direction", "estimated rail links (lines opened after the timetable or not yet open)",
          `median over the ${lineTrains.length} lines opened 2019-12…2021-02 of the June-2021 trains/day per direction of patterns calling at ≥1 of the line's flagged stations (${lineTrains.join(", ")}): a lower bound of a new line's early service, since expresses that skip every new station are not counted`,
        ),
      ],
      notes,
    },
    context: { nodes, placeholderCoords: new Set(), timetablePairs, facilitiesByLine, newLineTrainsPerDay },
  };
}
