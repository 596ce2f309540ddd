/**
 * YRD builder, estimated rail: links for lines that opened after the June-2021 timetable or are under construction /
 * planned (page rows of yrd_rail_lines.csv, plus 通苏嘉甬 from the Outline table), between consecutive points of
 * each line's station list; every number is an estimate with the rule in `estimateNote`.
 *
 * - lengthKm: the line's `length_km` apportioned by the great-circle distance between consecutive points (share of
 *   the sum over all consecutive pairs), or great-circle × RAIL_CIRCUITY when the row has no length;
 * - timeMin: lengthKm / (design speed × RAIL_OPERATING_SPEED_FACTOR) × 60 + RAIL_DWELL_MIN;
 * - trainsPerDay: ESTIMATED_TRAINS_PER_DAY (median of the 2019–2021 new lines in the timetable);
 * - a consecutive pair already served by a timetable leg (e.g. 杭台 uses the Hangzhou–Ningbo HSR between 杭州东 and
 *   绍兴北) gets no second link; its share of the length is simply not used;
 * - stations not in the timetable become nodes placed at their city's centre (labelled; the city comes from
 *   {@link NEW_STATION_CITY}, general knowledge, grade C); reserved stations `(预留)` are skipped; consecutive stations
 *   at one position would get a zero share, so such spans share the next span's distance ({@link spreadZeroSpans}).
 */
import { InputError } from "../../src/errors.ts";
import type { LinkAttributes, NodeAttributes, Status } from "../../src/model/network.ts";
import {
  HUTONG_PHASE2_DESIGN_SPEED_KPH,
  RAIL_CIRCUITY,
  RAIL_DWELL_MIN,
  RAIL_OPERATING_SPEED_FACTOR,
  TONGSUJIAYONG_DESIGN_SPEED_KPH,
  n,
} from "./assumptions.ts";
import type { City, RailLine, YrdData } from "./data.ts";
import { compareDates, firstDateIn } from "./dates.ts";
import { greatCircleKm, type LonLat } from "../../src/units.ts";
import { orderedPair, railLegFacilityId, railNodeId, stationNode, type RailContext } from "./rail.ts";
import { km, minutes, roundTo } from "./round.ts";
import { twoWay, type FacilityAttributes } from "./types.ts";

/** City (adcode) of each station of a future line that is not in the timetable: general knowledge, grade C. */
export const NEW_STATION_CITY: Readonly<Record<string, string>> = {
  // 杭台高铁
  上虞南: "330600", 嵊州北: "330600", 嵊州新昌: "330600", 天台山: "331000",
  // 合杭高铁湖杭段
  杭州西: "330100", 富阳西: "330100", 桐庐东: "330100",
  // 沪宁沿江高铁
  句容: "321100", 金坛: "320400", 武进: "320400", 江阴: "320200",
  // 池黄高铁
  九华山: "341700", 黄山西: "341000", 黟县东: "341000",
  // 杭温高铁
  浦江: "330700", 横店: "330700", 磐安: "330700", 仙居: "331000", 楠溪江: "330300", 温州北: "330300",
  // 沪苏湖高铁
  上海松江: "310100", 练塘: "310100", 苏州南: "320500", 盛泽: "320500", 湖州南浔: "330500", 湖州东: "330500",
  // 杭衢高铁
  建德南: "330100", 龙游北: "330800", 衢州西: "330800",
  // 沪乍杭铁路, 沪通铁路二期
  上海东: "310100", 四团: "310100", 奉贤: "310100", 上海金山: "310100", 平湖南: "330400", 临平北: "330100",
  // 北沿江高铁
  上海宝山: "310100", 崇明: "310100", 启东西: "320600", 海门北: "320600", 如皋西: "320600", 黄桥: "321200",
  泰州南: "321200", 仪征北: "321000", 南京北: "320100", 大墅: "341100",
  // 合新高铁
  五河: "340300",
};

/** The Outline project 通苏嘉甬 has no line row: drawn through the main stations of these cities (adcodes). */
const TONGSUJIAYONG_CITIES = ["320600", "320500", "330400", "330200"];

/**
 * A line with estimated links, as the transit builder needs it for its synthetic stopping pattern: the station list
 * in order (reserved stations and consecutive repeats dropped), status, opening date and source of the line.
 */
export interface EstimatedLine {
  lineZh: string;
  /** Station names (`station_zh`) in line order, ≥ 2, no two consecutive equal. */
  stations: string[];
  status: Status;
  openedDate?: string;
  source: string;
  /** Facility ids of the line's own estimated links (those the line made, not timetable legs or another line's). */
  facilityIds: string[];
}

/** A line to estimate, normalised from a yrd_rail_lines.csv row or the Outline table. */
interface FutureLine {
  lineZh: string;
  points: string[];
  lengthKm?: number;
  designSpeedKph: number;
  speedNote: string;
  status: Status;
  openedDate?: string;
  source: string;
  lineKey: string;
}

function statusOf(line: RailLine): Status {
  if (line.status.startsWith("open")) return "existing";
  if (line.status.startsWith("under construction")) return "under-construction";
  if (line.status.startsWith("planned")) return "planned";
  throw new InputError({ file: line.row.file, line: line.row.line, column: line.row.columnIndex.status, path: "status", code: "bad-value", message: `unknown line status "${line.status}"` });
}

/** True when a page row's line is not in the June-2021 timetable (opened later, undated within 2021, or not open). */
export function isAfterTimetable(line: RailLine): boolean {
  if (!line.status.startsWith("open")) return true;
  const date = line.opened ?? firstDateIn(line.status);
  if (date === undefined || date.length < 7) return true; // a bare year 2021 (金台): no timetable leg, treat as later
  return compareDates(date, "2021-07") >= 0;
}

function futureLines(data: YrdData): FutureLine[] {
  const out: FutureLine[] = [];
  for (const line of data.lines) {
    if (line.sourceType !== "page" || !isAfterTimetable(line)) continue;
    const status = statusOf(line);
    let speed = line.designSpeedKph;
    let speedNote = `design speed ${speed} km/h (yrd_rail_lines.csv)`;
    if (speed === undefined) {
      if (line.lineZh !== "沪通铁路二期") throw new InputError({ file: line.row.file, line: line.row.line, code: "missing-value", message: `future line ${line.lineZh} has no design speed and no documented assumption` });
      speed = n(HUTONG_PHASE2_DESIGN_SPEED_KPH);
      speedNote = `design speed ${speed} km/h assumed (HUTONG_PHASE2_DESIGN_SPEED_KPH)`;
    }
    const points = (line.points.length > 0 ? line.points : [line.start, line.end]).filter((p) => !p.includes("(预留)"));
    out.push({
      lineZh: line.lineZh,
      points,
      lengthKm: line.lengthKm,
      designSpeedKph: speed,
      speedNote,
      status,
      openedDate: status === "existing" ? (line.opened ?? firstDateIn(line.status)) : undefined,
      source: `yrd_rail_lines.csv: ${line.lineZh}`,
      lineKey: line.lineZh,
    });
  }
  const tsjy = data.outlineProjects.find((p) => p.projectZh === "通苏嘉甬");
  if (tsjy && tsjy.matchingLine === undefined) {
    out.push({
      lineZh: "通苏嘉甬",
      points: TONGSUJIAYONG_CITIES.map((adcode) => {
        const c = data.cityByAdcode.get(adcode);
        if (!c?.mainStationZh) throw new InputError({ file: "yrd_cities.csv", code: "missing-value", message: `city ${adcode} has no main station for 通苏嘉甬` });
        return c.mainStationZh;
      }),
      designSpeedKph: n(TONGSUJIAYONG_DESIGN_SPEED_KPH),
      speedNote: `design speed ${n(TONGSUJIAYONG_DESIGN_SPEED_KPH)} km/h assumed (TONGSUJIAYONG_DESIGN_SPEED_KPH)`,
      status: "planned",
      source: `yrd_outline2019_rail_projects.csv: 通苏嘉甬 (status_found "${tsjy.statusFound}"; drawn through the main stations of yrd_cities.csv)`,
      lineKey: "通苏嘉甬",
    });
  }
  return out;
}

/**
 * Spreads zero spans: consecutive points at one position (stations placed at the same city centre) would get length
 * 0, so each run of zero spans is grouped with the next non-zero span (the previous one at the end of the line) and
 * the group's distance is shared equally; the total is unchanged.
 * @param spansKm great-circle distances between consecutive points, km, ≥ 0
 * @returns spans of the same length and sum, with no zero inside a line that has any non-zero span
 * @example spreadZeroSpans([0, 0, 9, 4]) // [3, 3, 3, 4]
 * @example spreadZeroSpans([5, 0]) // [2.5, 2.5]
 */
export function spreadZeroSpans(spansKm: readonly number[]): number[] {
  const groups: number[][] = [];
  let pending: number[] = [];
  spansKm.forEach((x, i) => {
    pending.push(i);
    if (x > 0) {
      groups.push(pending);
      pending = [];
    }
  });
  if (pending.length > 0) {
    if (groups.length > 0) groups[groups.length - 1].push(...pending);
    else groups.push(pending);
  }
  const out = [...spansKm];
  for (const g of groups) {
    const share = g.reduce((s, k) => s + spansKm[k], 0) / g.length;
    for (const k of g) out[k] = share;
  }
  return out;
}

/**
 * Adds the estimated links of future lines to the rail context.
 * @param data loaded YRD data
 * @param ctx timetable context (nodes are added to it; facilitiesByLine gains the estimated facilities)
 * @returns directed links (two per facility), notes for SOURCES.md, and the lines with their station lists (for the
 *   synthetic stopping patterns of the transit layer)
 * @throws InputError code `unknown-station` when a point is neither a known station nor in {@link NEW_STATION_CITY}
 * @example buildEstimatedRail(data, ctx).links.some((l) => l.facilityId === "rail:leg:上海松江-上海虹桥") // true
 */
export function buildEstimatedRail(data: YrdData, ctx: RailContext): { links: LinkAttributes[]; notes: string[]; lines: EstimatedLine[] } {
  const links: LinkAttributes[] = [];
  const notes: string[] = [];
  const lines: EstimatedLine[] = [];
  const estimatedPairs = new Map<string, FacilityAttributes>();
  const positionOf = (name: string): { id: string; at: LonLat; placeholder: boolean; city: City } => {
    const id = railNodeId(name);
    const st = data.stations.get(name);
    if (st) {
      const city = data.cityByAdcode.get(st.cityAdcode)!;
      if (!ctx.nodes.has(id)) ctx.nodes.set(id, stationNode(st, city));
      const node = ctx.nodes.get(id)!;
      return node.lon !== undefined && node.lat !== undefined
        ? { id, at: [node.lon, node.lat], placeholder: false, city }
        : { id, at: [city.lon, city.lat], placeholder: true, city };
    }
    const adcode = NEW_STATION_CITY[name];
    const city = adcode === undefined ? undefined : data.cityByAdcode.get(adcode);
    if (!city) throw new InputError({ file: "yrd_rail_lines.csv", code: "unknown-station", message: `future-line station "${name}" has no city (add it to NEW_STATION_CITY)` });
    if (!ctx.nodes.has(id)) {
      const node: NodeAttributes = {
        id,
        kind: "station",
        layer: "rail",
        name: `${name} (${city.nameEn})`,
        nameZh: name,
        lon: city.lon,
        lat: city.lat,
        zoneId: city.adcode,
        province: city.provinceEn,
        source: `yrd_rail_lines.csv station list; not in the June-2021 timetable; coordinates = centre of ${city.nameZh} (station position unknown, placeholder)`,
      };
      ctx.nodes.set(id, node);
      ctx.placeholderCoords.add(id);
    }
    return { id, at: [city.lon, city.lat], placeholder: true, city };
  };

  for (const line of futureLines(data)) {
    const pts = line.points.map(positionOf);
    const gcs = spreadZeroSpans(pts.slice(1).map((p, i) => greatCircleKm(pts[i].at, p.at)));
    const gcSum = gcs.reduce((s, x) => s + x, 0);
    if (!(gcSum > 0)) throw new InputError({ file: "yrd_rail_lines.csv", code: "bad-value", message: `line ${line.lineZh}: all points at one position` });
    let made = 0;
    const own: string[] = [];
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1];
      const q = pts[i];
      if (p.id === q.id) continue;
      const [a, b] = orderedPair(line.points[i - 1], line.points[i]);
      const key = `${a}|${b}`;
      if (ctx.timetablePairs.has(key)) {
        notes.push(`${line.lineZh}: ${a}–${b} already a timetable leg, no estimated link`);
        continue;
      }
      const share = gcs[i - 1] / gcSum;
      const lengthKm = line.lengthKm !== undefined ? line.lengthKm * share : gcs[i - 1] * n(RAIL_CIRCUITY);
      const speedKph = line.designSpeedKph * n(RAIL_OPERATING_SPEED_FACTOR);
      const timeMin = (lengthKm / speedKph) * 60 + n(RAIL_DWELL_MIN);
      const facilityId = railLegFacilityId(a, b);
      const placeholders = [p, q].filter((x) => x.placeholder).map((x) => x.id.slice(5));
      const lengthRule =
        line.lengthKm !== undefined
          ? `lengthKm = ${line.lengthKm} km line length × great-circle share ${roundTo(share * 100, 1)}%`
          : `lengthKm = great-circle ${roundTo(gcs[i - 1], 1)} km × RAIL_CIRCUITY ${n(RAIL_CIRCUITY)}`;
      const facility: FacilityAttributes = {
        facilityId,
        layer: "rail",
        linkType: "rail-leg",
        name: `${a}–${b} (${line.lineZh}, estimated)`,
        status: line.status,
        ...(line.openedDate !== undefined ? { openedDate: line.openedDate } : {}),
        timeMin: minutes(timeMin),
        lengthKm: km(lengthKm),
        trainsPerDay: ctx.newLineTrainsPerDay,
        ...(p.city.provinceEn !== q.city.provinceEn ? { crossesProvincialBorder: true } : {}),
        estimate: true,
        estimateNote:
          `${lengthRule}; timeMin = lengthKm / (${line.speedNote} × RAIL_OPERATING_SPEED_FACTOR ${n(RAIL_OPERATING_SPEED_FACTOR)}) × 60 + RAIL_DWELL_MIN ${n(RAIL_DWELL_MIN)}; ` +
          `trainsPerDay = ESTIMATED_TRAINS_PER_DAY` +
          (placeholders.length > 0 ? `; ${placeholders.join(", ")} placed at the city centre (position unknown; equal-position spans shared by spreadZeroSpans)` : ""),
        source: `${line.source} (${line.points[i - 1]}–${line.points[i]})`,
      };
      const prior = estimatedPairs.get(key);
      if (prior) {
        notes.push(`${line.lineZh}: ${a}–${b} already estimated for another line, kept the first`);
        continue;
      }
      estimatedPairs.set(key, facility);
      links.push(...twoWay(facility, railNodeId(a), railNodeId(b)));
      if (!ctx.facilitiesByLine.has(line.lineKey)) ctx.facilitiesByLine.set(line.lineKey, new Set());
      ctx.facilitiesByLine.get(line.lineKey)!.add(facilityId);
      own.push(facilityId);
      made++;
    }
    const stations = line.points.filter((p, i) => i === 0 || p !== line.points[i - 1]);
    if (stations.length >= 2) {
      lines.push({
        lineZh: line.lineZh,
        stations,
        status: line.status,
        ...(line.openedDate !== undefined ? { openedDate: line.openedDate } : {}),
        source: line.source,
        facilityIds: own,
      });
    }
    notes.push(`${line.lineZh} (${line.status}${line.openedDate ? ` ${line.openedDate}` : ""}): ${made} estimated facilities over ${pts.length} points, ${line.speedNote}${line.lengthKm !== undefined ? `, ${line.lengthKm} km` : ", no length in the data"}`);
  }
  return { links, notes, lines };
}
