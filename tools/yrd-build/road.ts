/**
 * YRD builder, road: one expressway node per city (plus river-bank sub-nodes where a city straddles the Yangtze),
 * expressway links between consecutive cities of each corridor, the Yangtze crossings as their own facilities
 * (`road:crossing:<slug>`), and malin84 city-to-city segments that fill real gaps.
 *
 * Rules (documented in SOURCES.md):
 * - A corridor leg between cities on different banks: when one city has a sub-node on the other city's bank
 *   (Nanjing Jiangbei, Wuhu north bank, Ma'anshan He county), the leg ends there and the city's own crossings join its
 *   bank nodes; Shanghai–Nantong (G40) runs Pudong → Chongming → Nantong over the Tunnel-Bridge and the Chongqi Bridge;
 *   otherwise the leg is routed over the crossings between the two cities (those carrying the corridor's code first),
 *   one parallel facility per crossing, and the leg itself is the crossing facility (facilityId = crossingId).
 * - Crossings on no corridor join the two bank nodes they connect.
 * - Corridors sharing a node pair are one facility named with all codes (id lists the codes joined by `+`).
 * - Lengths: great-circle between the two nodes × ROAD_CIRCUITY (no crossing `length_m` is a whole node-to-node link).
 * - timeMin = lengthKm / speedKph × 60 + borderDelayMin; capacityVehPerHour = lanes / 2 × LANE_CAPACITY_PCU_PER_HOUR.
 */
import { MultiUndirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import { InputError } from "../../src/errors.ts";
import type { LinkAttributes, NodeAttributes, Status } from "../../src/model/network.ts";
import {
  BORDER_DELAY_MIN,
  EXPRESSWAY_LANES,
  LANE_CAPACITY_PCU_PER_HOUR,
  MALIN84_DETOUR_RATIO,
  ROAD_CIRCUITY,
  ROAD_SPEED_KPH,
  ROAD_URBAN_SPEED_KPH,
  n,
} from "./assumptions.ts";
import { yangtzeBankOf } from "./cities.ts";
import { cityNameOf, type City, type Corridor, type Crossing, type YrdData } from "./data.ts";
import { compareDates } from "./dates.ts";
import { greatCircleKm, type LonLat } from "../../src/units.ts";
import { km, minutes } from "./round.ts";
import { twoWay, type FacilityAttributes, type LayerBuild } from "./types.ts";
import { compareCodeUnits } from "../../src/model/compare-code-units.ts";

/** Road node id of a city. @example roadNodeId("320100") // "road:320100" */
export function roadNodeId(adcode: string): string {
  return `road:${adcode}`;
}

/** A part of a city across the river from its main urban area. */
interface SubNode {
  id: string;
  adcode: string;
  bank: "north" | "south" | undefined;
  lat: number;
  lon: number;
  label: string;
}

/** River-bank sub-nodes (positions: BANK_SUBNODE_POSITIONS, approximations). */
export const SUB_NODES: readonly SubNode[] = [
  { id: "road:320100:north", adcode: "320100", bank: "north", lat: 32.16, lon: 118.7, label: "Nanjing Jiangbei (north bank)" },
  { id: "road:340500:north", adcode: "340500", bank: "north", lat: 31.72, lon: 118.36, label: "Ma'anshan He county (north bank)" },
  { id: "road:340200:north", adcode: "340200", bank: "north", lat: 31.4, lon: 118.33, label: "Wuhu north bank" },
  { id: "road:310100:chongming", adcode: "310100", bank: undefined, lat: 31.63, lon: 121.4, label: "Shanghai Chongming island (between the South and North Channels)" },
];

/** Stable slug of every crossing row (a new row must be added here, so ids stay readable and stable). */
export const CROSSING_SLUGS: Readonly<Record<string, string>> = {
  南京长江大桥: "nanjing-1st",
  南京长江第二大桥: "nanjing-2nd",
  南京长江第三大桥: "nanjing-3rd",
  南京长江第四大桥: "nanjing-4th",
  "南京江心洲长江大桥(长江五桥)": "nanjing-5th",
  南京长江隧道: "nanjing-tunnel",
  润扬长江大桥: "runyang",
  五峰山长江大桥: "wufengshan",
  泰州长江大桥: "taizhou",
  江阴长江公路大桥: "jiangyin",
  沪苏通长江公铁大桥: "hutong",
  苏通长江公路大桥: "sutong",
  崇启大桥: "chongqi",
  上海长江隧桥: "shanghai-tunnel-bridge",
  常泰长江大桥: "changtai",
  铜陵长江公路大桥: "tongling",
  G3铜陵长江公铁大桥: "tongling-g3",
  芜湖长江大桥: "wuhu",
  安庆长江公路大桥: "anqing",
  安庆长江铁路大桥: "anqing-rail",
  望东长江公路大桥: "wangdong",
  池州长江公路大桥: "chizhou",
  马鞍山长江大桥: "maanshan",
};

/** Crossing id of a crossing row. @example crossingId("苏通长江公路大桥") // "road:crossing:sutong" */
export function crossingIdOf(nameZh: string): string {
  const s = CROSSING_SLUGS[nameZh];
  if (s === undefined) throw new InputError({ file: "yrd_yangtze_crossings.csv", code: "unknown-crossing", message: `no slug for crossing "${nameZh}" (add it to CROSSING_SLUGS)` });
  return `road:crossing:${s}`;
}

/** Crossing ends the file cannot express: the Chongqi Bridge lands on Chongming, which the file calls 上海市. */
const CROSSING_END_OVERRIDES: Readonly<Record<string, { south?: string; north?: string; why: string }>> = {
  崇启大桥: { south: "road:310100:chongming", why: "the bridge joins Qidong (Nantong) to Chongming island; the file names the south end 上海市" },
};

/** Opening dates refined from a row's own note. */
const CROSSING_DATE_OVERRIDES: Readonly<Record<string, { date: string; why: string }>> = {
  池州长江公路大桥: { date: "2019-09", why: "`opened` says 2019 and the note `source (2019-08) expected opening Sept 2019`" },
};

/** How each corridor's `opened_or_completed` text applies to its legs (every non-blank value must be covered). */
type CorridorDateRule =
  | { kind: "leg"; cities: [string, string]; date: string }
  | { kind: "crossing-only"; why: string }
  | { kind: "unusable"; why: string };
const CORRIDOR_DATE_RULES: Readonly<Record<string, CorridorDateRule>> = {
  G2: { kind: "unusable", why: "`2000-12-18 (whole route in service)`: completion of the whole Beijing–Shanghai route, not a leg's date" },
  G42: { kind: "unusable", why: "`2014-12-27 (whole route)`: completion of the whole Shanghai–Chengdu route (the Shanghai–Nanjing part opened in the 1990s)" },
  G1522: { kind: "leg", cities: ["嘉兴市", "绍兴市"], date: "2013" },
  G1521: { kind: "leg", cities: ["苏州市", "嘉兴市"], date: "2020-01-01" },
  G40: { kind: "crossing-only", why: "the date is the Chongqi Bridge's, carried by the crossing facility" },
  "S26/S58": { kind: "unusable", why: "`partially complete (source c. 2013)`: no completion date" },
  "(first)": { kind: "unusable", why: "a single-city corridor (沪嘉, 1988-10): no inter-city leg" },
};

/** Upstream typo in malin84 notes. */
const MALIN84_CITY_ALIASES: Readonly<Record<string, string>> = { 毫州: "亳州" };

const URBAN_CARRIES = /city road|urban|first-class|provincial route/i;

interface RoadNodeInfo {
  node: NodeAttributes;
  at: LonLat;
  province: string;
  adcode: string;
}

interface LegDraft {
  a: string;
  b: string;
  codes: string[];
  corridors: Corridor[];
  lanes: number | undefined;
  /** undefined = some contributing corridor counts as old (before 2019) */
  openedDate: string | undefined;
  hasUndatedContributor: boolean;
  dateNotes: string[];
  malin84?: string;
}

function nodeKey(id: string): string {
  return id.replace(/^road:/, "").replace(/:/g, ".");
}

/**
 * Builds the road layer.
 * @param data loaded YRD data
 * @returns road nodes (41 city nodes + 4 sub-nodes), expressway and crossing links, notes
 * @throws InputError code `unknown-city` (a corridor or crossing names a city not in yrd_cities.csv), `no-crossing`
 *   (a corridor leg changes bank and no crossing of the file joins the two cities), `unknown-crossing`,
 *   `undocumented-date` (a corridor date without a rule in CORRIDOR_DATE_RULES)
 * @example buildRoad(data).links.some((l) => l.facilityId === "road:crossing:sutong") // true
 */
export function buildRoad(data: YrdData): LayerBuild {
  const notes: string[] = [];
  const nodes = new Map<string, RoadNodeInfo>();
  for (const c of data.cities) {
    const node: NodeAttributes = {
      id: roadNodeId(c.adcode), kind: "road-junction", layer: "road", name: `${c.nameEn} expressway node`, nameZh: c.nameZh,
      lon: c.lon, lat: c.lat, zoneId: c.adcode, province: c.provinceEn, yangtzeBank: yangtzeBankOf(c.adcode),
      source: `yrd_cities.csv: ${c.adcode} (city centre)`,
    };
    nodes.set(node.id, { node, at: [c.lon, c.lat], province: c.provinceEn, adcode: c.adcode });
  }
  for (const s of SUB_NODES) {
    const c = data.cityByAdcode.get(s.adcode)!;
    const node: NodeAttributes = {
      id: s.id, kind: "road-junction", layer: "road", name: s.label, nameZh: c.nameZh, lon: s.lon, lat: s.lat, zoneId: s.adcode,
      province: c.provinceEn, ...(s.bank ? { yangtzeBank: s.bank } : {}),
      source: "approximation: river-bank sub-node, position from general knowledge (BANK_SUBNODE_POSITIONS), reached only over the city's Yangtze crossings",
    };
    nodes.set(s.id, { node, at: [s.lon, s.lat], province: c.provinceEn, adcode: s.adcode });
  }
  const cityByName = (raw: string, where: { file: string; line: number }): City => {
    const c = data.cityByName.get(cityNameOf(raw));
    if (!c) throw new InputError({ ...where, code: "unknown-city", message: `"${raw}" is not one of the 41 cities` });
    return c;
  };
  const northSubNode = (adcode: string) => SUB_NODES.find((s) => s.adcode === adcode && s.bank === "north")?.id;
  const lengthBetween = (a: string, b: string) => greatCircleKm(nodes.get(a)!.at, nodes.get(b)!.at) * n(ROAD_CIRCUITY);
  const borderBetween = (a: string, b: string) => nodes.get(a)!.province !== nodes.get(b)!.province;

  const links: LinkAttributes[] = [];
  const facility = (
    base: Omit<FacilityAttributes, "layer" | "timeMin" | "lengthKm" | "speedKph" | "capacityVehPerHour" | "lanes" | "borderDelayMin" | "crossesProvincialBorder">,
    a: string,
    b: string,
    speedKph: number,
    lanes: number | undefined,
    lanesNote: string,
  ) => {
    const lengthKm = km(lengthBetween(a, b));
    const border = borderBetween(a, b);
    const delay = border ? n(BORDER_DELAY_MIN) : 0;
    const laneCount = lanes ?? n(EXPRESSWAY_LANES);
    const f: FacilityAttributes = {
      ...base,
      layer: "road",
      timeMin: minutes((lengthKm / speedKph) * 60 + delay),
      lengthKm,
      speedKph,
      ...(border ? { borderDelayMin: delay, crossesProvincialBorder: true } : {}),
      lanes: laneCount,
      capacityVehPerHour: (laneCount / 2) * n(LANE_CAPACITY_PCU_PER_HOUR),
      estimate: true,
      estimateNote:
        `lengthKm = great-circle × ROAD_CIRCUITY ${n(ROAD_CIRCUITY)}; speedKph assumed (${speedKph === n(ROAD_SPEED_KPH) ? "ROAD_SPEED_KPH" : "ROAD_URBAN_SPEED_KPH"})` +
        (border ? `; borderDelayMin = BORDER_DELAY_MIN (pre-2020 provincial-border toll station)` : "") +
        `; ${lanesNote}; capacityVehPerHour = lanes / 2 × LANE_CAPACITY_PCU_PER_HOUR` +
        (base.estimateNote ? `; ${base.estimateNote}` : ""),
    };
    links.push(...twoWay(f, a, b));
  };

  // Crossings (road and road+rail) indexed by slug.
  const roadCrossings = data.crossings.filter((c) => c.mode !== "rail");
  const usedCrossings = new Set<string>();
  const crossingStatus = (c: Crossing): { status: Status; openedDate?: string; note?: string } => {
    const o = CROSSING_DATE_OVERRIDES[c.nameZh];
    if (o) return { status: "existing", openedDate: o.date, note: `openedDate ${o.date}: ${o.why}` };
    if (c.opened !== undefined) {
      const note = c.mode === "road+rail" && /rail opening date/.test(c.note ?? "") ? "openedDate is the rail opening date (road deck date not in the data)" : undefined;
      return { status: "existing", openedDate: c.opened, ...(note ? { note } : {}) };
    }
    if (/under construction/i.test(c.note ?? "")) return { status: "under-construction", note: c.note };
    throw new InputError({ file: c.row.file, line: c.row.line, code: "missing-value", message: `crossing ${c.nameZh} has no opening date and is not marked under construction` });
  };
  const crossingEndsUsed = new Map<string, string>();
  const addCrossing = (c: Crossing, a: string, b: string, onCorridor: string | undefined) => {
    const id = crossingIdOf(c.nameZh);
    const prior = crossingEndsUsed.get(c.nameZh);
    if (prior !== undefined) {
      if (prior === `${a}|${b}`) return;
      throw new InputError({ file: c.row.file, line: c.row.line, code: "ambiguous-crossing", message: `crossing ${c.nameZh} would join ${prior} and ${a}|${b}` });
    }
    crossingEndsUsed.set(c.nameZh, `${a}|${b}`);
    usedCrossings.add(c.nameZh);
    const st = crossingStatus(c);
    const speed = URBAN_CARRIES.test(c.carries) ? n(ROAD_URBAN_SPEED_KPH) : n(ROAD_SPEED_KPH);
    const lengthNote = c.lengthM !== undefined ? `crossing length_m ${c.lengthM} (${c.note ?? "bridge/tunnel proper"}) is not the node-to-node link` : "no crossing length in the data";
    facility(
      {
        facilityId: id, linkType: "yangtze-crossing", name: `${c.nameEn} (${c.carries})`, nameZh: c.nameZh, status: st.status,
        ...(st.openedDate !== undefined ? { openedDate: st.openedDate } : {}),
        crossesYangtze: true, crossingId: id,
        estimateNote: [lengthNote, st.note, onCorridor ? `routes the ${onCorridor} corridor leg` : "joins the two bank nodes (on no corridor of the data)"].filter(Boolean).join("; "),
        source: `yrd_yangtze_crossings.csv: ${c.nameZh}`,
      },
      a, b, speed, undefined, "lanes = EXPRESSWAY_LANES (not in the data)",
    );
  };
  const crossingEnds = (c: Crossing): [string, string] => {
    const where = { file: c.row.file, line: c.row.line };
    const north = cityByName(c.northBankCity, where);
    const south = cityByName(c.southBankCity, where);
    const o = CROSSING_END_OVERRIDES[c.nameZh];
    let northId = roadNodeId(north.adcode);
    let southId = roadNodeId(south.adcode);
    if (north.adcode === south.adcode || yangtzeBankOf(north.adcode) === "south") {
      const sub = /崇明/.test(c.northBankCity) ? "road:310100:chongming" : northSubNode(north.adcode);
      if (!sub) throw new InputError({ ...where, code: "no-sub-node", message: `crossing ${c.nameZh}: north end ${c.northBankCity} is in a south-bank city without a north sub-node` });
      northId = sub;
    }
    if (o?.north) northId = o.north;
    if (o?.south) southId = o.south;
    return [northId, southId];
  };

  // Corridor legs.
  const legs = new Map<string, LegDraft>();
  const addLeg = (a: string, b: string, corridor: Corridor, lanes: number | undefined, date: string | undefined, dateNote: string | undefined) => {
    const key = [a, b].sort().join("|");
    const prior = legs.get(key);
    if (prior) {
      if (!prior.codes.includes(corridor.code)) prior.codes.push(corridor.code);
      prior.corridors.push(corridor);
      prior.lanes = Math.max(prior.lanes ?? 0, lanes ?? 0) || undefined;
      if (date === undefined) prior.hasUndatedContributor = true;
      else prior.openedDate = prior.openedDate === undefined ? date : compareDates(date, prior.openedDate) < 0 ? date : prior.openedDate;
      if (dateNote) prior.dateNotes.push(dateNote);
      return;
    }
    legs.set(key, { a, b, codes: [corridor.code], corridors: [corridor], lanes, openedDate: date, hasUndatedContributor: date === undefined, dateNotes: dateNote ? [dateNote] : [] });
  };
  const malin84Year = (x: City, y: City): { year: number; segId: string } | undefined => {
    const hits = data.malin84
      .filter((s) => s.mode === "road" && s.rate === "highway")
      .filter((s) => s.notes === `${x.shortZh}到${y.shortZh}` || s.notes === `${y.shortZh}到${x.shortZh}`)
      .sort((p, q) => p.year - q.year || compareCodeUnits(p.segId, q.segId));
    return hits[0] ? { year: hits[0].year, segId: hits[0].segId } : undefined;
  };

  for (const corridor of data.corridors) {
    const where = { file: corridor.row.file, line: corridor.row.line };
    const rule = corridor.openedOrCompleted !== undefined ? CORRIDOR_DATE_RULES[corridor.code] : undefined;
    if (corridor.openedOrCompleted !== undefined && rule === undefined) {
      throw new InputError({ ...where, code: "undocumented-date", message: `corridor ${corridor.code}: opened_or_completed "${corridor.openedOrCompleted}" has no rule in CORRIDOR_DATE_RULES` });
    }
    const lanesMatch = /(\d+) lanes in ([A-Za-z/ ]+?)(?:,|$)/.exec(corridor.note ?? "");
    const laneProvinces = lanesMatch ? lanesMatch[2].split("/").map((p) => p.trim()) : [];
    const cities = corridor.cityNamesZh.map((name) => cityByName(name, where));
    for (let i = 1; i < cities.length; i++) {
      const x = cities[i - 1];
      const y = cities[i];
      let a = roadNodeId(x.adcode);
      let b = roadNodeId(y.adcode);
      const lanes = corridor.lanes ?? (lanesMatch && laneProvinces.includes(x.provinceEn) && laneProvinces.includes(y.provinceEn) ? Number(lanesMatch[1]) : undefined);
      const m84 = malin84Year(x, y);
      let date: string | undefined;
      let dateNote: string | undefined;
      if (m84) {
        date = String(m84.year);
        dateNote = `${corridor.code} ${x.shortZh}–${y.shortZh}: malin84 ${m84.segId} year ${m84.year}`;
      } else if (rule?.kind === "leg" && rule.cities.includes(x.nameZh) && rule.cities.includes(y.nameZh)) {
        date = rule.date;
        dateNote = `${corridor.code} ${x.shortZh}–${y.shortZh}: ${corridor.openedOrCompleted}`;
      }
      const bx = yangtzeBankOf(x.adcode);
      const by = yangtzeBankOf(y.adcode);
      if (bx !== by) {
        const subY = bx === "north" ? northSubNode(y.adcode) : undefined;
        const subX = by === "north" ? northSubNode(x.adcode) : undefined;
        if (subY) b = subY;
        else if (subX) a = subX;
        else if (x.adcode === "310100" || y.adcode === "310100") {
          // Shanghai ↔ a north-bank city: Pudong → Chongming (Tunnel-Bridge) → Chongqi Bridge.
          const chain = roadCrossings.filter((c) => new RegExp(`\\b${corridor.code}\\b`).test(c.carries) && (cityNameOf(c.northBankCity) === "上海市" || cityNameOf(c.southBankCity) === "上海市"));
          if (chain.length !== 2) throw new InputError({ ...where, code: "no-crossing", message: `${corridor.code} ${x.nameZh}–${y.nameZh}: expected the two Shanghai crossings carrying ${corridor.code}` });
          for (const c of chain) {
            const [na, sb] = crossingEnds(c);
            addCrossing(c, na, sb, `${corridor.code} ${x.shortZh}–${y.shortZh}`);
          }
          continue;
        } else {
          const north = bx === "north" ? x : y;
          const south = bx === "north" ? y : x;
          const between = roadCrossings.filter((c) => cityNameOf(c.northBankCity) === north.nameZh && cityNameOf(c.southBankCity) === south.nameZh);
          const carrying = roadCrossings.filter(
            (c) => new RegExp(`\\b${corridor.code}\\b`).test(c.carries) && (cityNameOf(c.northBankCity) === north.nameZh || cityNameOf(c.southBankCity) === south.nameZh),
          );
          const chosen = carrying.length > 0 ? carrying : between;
          if (chosen.length === 0) throw new InputError({ ...where, code: "no-crossing", message: `${corridor.code} ${x.nameZh}–${y.nameZh} changes bank and no crossing joins them` });
          for (const c of chosen) {
            const n1 = roadNodeId(north.adcode);
            const s1 = roadNodeId(south.adcode);
            addCrossing(c, n1, s1, `${corridor.code} ${north.shortZh}–${south.shortZh}`);
          }
          continue;
        }
      }
      addLeg(a, b, corridor, lanes, date, dateNote);
    }
  }
  // Crossings on no corridor join their bank nodes.
  for (const c of roadCrossings) {
    if (usedCrossings.has(c.nameZh)) continue;
    const [na, sb] = crossingEnds(c);
    addCrossing(c, na, sb, undefined);
  }
  for (const c of data.crossings) if (c.mode === "rail") notes.push(`${c.nameZh} (${c.nameEn}) is rail-only: not a road link (rail legs over it come from the timetable).`);

  // Expressway legs.
  for (const leg of legs.values()) {
    const codes = leg.codes;
    const fid = `road:${codes.join("+")}:${nodeKey(leg.a)}-${nodeKey(leg.b)}`;
    const openedDate = leg.hasUndatedContributor ? undefined : leg.openedDate;
    const nameA = nodes.get(leg.a)!.node.name.replace(/ expressway node$/, "");
    const nameB = nodes.get(leg.b)!.node.name.replace(/ expressway node$/, "");
    facility(
      {
        facilityId: fid, linkType: "expressway", name: `${codes.join("/")} ${nameA}–${nameB}`, nameZh: leg.corridors.map((c) => c.nameZh).filter((v, i, arr) => arr.indexOf(v) === i).join("/"),
        status: "existing", ...(openedDate !== undefined ? { openedDate } : {}),
        estimateNote: openedDate === undefined ? `no opening date matched (in service before 2019)${leg.dateNotes.length ? `; ${leg.dateNotes.join("; ")}` : ""}` : `openedDate: ${leg.dateNotes.join("; ")}`,
        source: `yrd_expressway_corridors.csv: ${leg.corridors.map((c) => c.code).join(", ")} (consecutive cities ${nodes.get(leg.a)!.node.nameZh}–${nodes.get(leg.b)!.node.nameZh})`,
      },
      leg.a, leg.b, n(ROAD_SPEED_KPH), leg.lanes,
      leg.lanes !== undefined ? `lanes ${leg.lanes} from the corridor note (${leg.corridors.find((c) => /lanes/.test(c.note ?? ""))?.code})` : "lanes = EXPRESSWAY_LANES (not in the data)",
    );
  }

  // malin84 city-to-city segments that fill gaps (MALIN84_DETOUR_RATIO).
  const g = new MultiUndirectedGraph<Record<string, never>, { lengthKm: number }>();
  for (const id of [...nodes.keys()].sort()) g.addNode(id);
  for (const l of links) if (l.id.endsWith(":ab") && l.status === "existing") g.addEdge(l.fromNodeId, l.toNodeId, { lengthKm: l.lengthKm! });
  const candidates = data.malin84
    .filter((s) => s.mode === "road" && s.rate === "highway")
    .map((s) => ({ s, m: /^([^到\-（(\s]+)(?:到|-)([^到\-（(\s]+)$/.exec(s.notes) }))
    .filter((x) => x.m !== null)
    .sort((p, q) => p.s.year - q.s.year || Number(p.s.segId.replace(/\D/g, "")) - Number(q.s.segId.replace(/\D/g, "")));
  let added = 0;
  for (const { s, m } of candidates) {
    const [xName, yName] = [m![1], m![2]].map((v) => MALIN84_CITY_ALIASES[v] ?? v);
    const x = data.cityByName.get(xName);
    const y = data.cityByName.get(yName);
    if (!x || !y || x.adcode === y.adcode) continue;
    let a = roadNodeId(x.adcode);
    let b = roadNodeId(y.adcode);
    if (yangtzeBankOf(x.adcode) !== yangtzeBankOf(y.adcode)) {
      const subY = yangtzeBankOf(x.adcode) === "north" ? northSubNode(y.adcode) : undefined;
      const subX = yangtzeBankOf(y.adcode) === "north" ? northSubNode(x.adcode) : undefined;
      if (subY) b = subY;
      else if (subX) a = subX;
      else {
        notes.push(`malin84 ${s.segId} ${s.notes} (${s.year}): the cities are on different banks and neither has a sub-node on the other bank: not added (cross-river links come only from yrd_yangtze_crossings.csv)`);
        continue;
      }
    }
    const direct = lengthBetween(a, b);
    let pathKm = Infinity;
    const path = dijkstra.bidirectional(g, a, b, "lengthKm");
    if (path) {
      pathKm = 0;
      for (let i = 1; i < path.length; i++) {
        let best = Infinity;
        g.forEachEdge(path[i - 1], path[i], (_e, attr) => (best = Math.min(best, attr.lengthKm)));
        pathKm += best;
      }
    }
    if (pathKm <= n(MALIN84_DETOUR_RATIO) * direct) continue;
    const fid = `road:malin84-${s.segId.replace(/_/g, "-")}:${nodeKey(a)}-${nodeKey(b)}`;
    facility(
      {
        facilityId: fid, linkType: "expressway", name: `${s.pathName ?? "expressway"} ${x.nameEn}–${y.nameEn} (malin84 ${s.segId})`, nameZh: s.pathName ?? s.notes,
        status: "existing", openedDate: String(s.year),
        estimateNote: `added because the network so far ${Number.isFinite(pathKm) ? `needs ${Math.round(pathKm)} km` : "has no route"} against ${Math.round(direct)} km direct (MALIN84_DETOUR_RATIO); openedDate = malin84 construction year`,
        source: `yrd_malin84_segments.csv: ${s.segId} ${s.notes}${MALIN84_CITY_ALIASES[m![1]] || MALIN84_CITY_ALIASES[m![2]] ? " (毫州 read as 亳州, an upstream typo)" : ""}`,
      },
      a, b, n(ROAD_SPEED_KPH), undefined, "lanes = EXPRESSWAY_LANES (not in the data)",
    );
    g.addEdge(a, b, { lengthKm: links[links.length - 1].lengthKm! });
    added++;
    notes.push(`malin84 ${s.segId} ${s.notes} (${s.year}) added: ${x.nameEn}–${y.nameEn}`);
  }
  const isolated = [...nodes.keys()].filter((id) => !links.some((l) => l.fromNodeId === id));
  notes.push(`${added} malin84 segments added; road nodes without any road link: ${isolated.length === 0 ? "none" : isolated.join(", ")}.`);
  return {
    layer: "road",
    description:
      "Road: one expressway node per city at the city centre, river-bank sub-nodes (approximate), expressway links between consecutive corridor cities (compiled, coarse), Yangtze crossings as their own facilities, and malin84 segments that fill gaps. Lengths are great-circle × circuity; speeds, lanes, capacities and border delays are documented assumptions (SOURCES.md).",
    nodes: [...nodes.values()].map((x) => x.node),
    links,
    derived: [],
    notes,
  };
}
