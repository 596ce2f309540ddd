/**
 * YRD builder, assumptions: every number of the bundled network that is not read from a data file, with its unit,
 * what it applies to and why. This table is the single source of these values: SOURCES.md prints it, and network.json
 * carries the numeric ones in its `assumptions` block (see {@link assumptionsBlock}), from which the engine reads the
 * ones it needs (src/model/network-assumptions.ts), so code, documentation and engine cannot drift apart.
 */

/** One labelled assumption. */
export interface Assumption {
  /** Stable key, also the constant name in code. */
  key: string;
  value: number | string;
  /** Unit of `value` (`km/h`, `min`, `ratio`, …). */
  unit: string;
  /** Which nodes or links use it. */
  appliesTo: string;
  /** Why this value: a source, a calibration against the data, or "assumption" with the reasoning. */
  basis: string;
}

function a(key: string, value: number | string, unit: string, appliesTo: string, basis: string): Assumption {
  return { key, value, unit, appliesTo, basis };
}

/** Road: expressway length = great-circle × this factor when no segment length is in the data. */
export const ROAD_CIRCUITY = a(
  "ROAD_CIRCUITY", 1.25, "ratio", "road links (expressway, yangtze-crossing)",
  "assumption: typical inter-city road circuity 1.2–1.4 (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9) 843–848); no segment lengths between cities exist in the data (PROVENANCE: yrd_expressway_corridors.csv)",
);
/** Road: average speed on an expressway link. */
export const ROAD_SPEED_KPH = a(
  "ROAD_SPEED_KPH", 100, "km/h", "road links carrying an expressway",
  "assumption: average below the 120 km/h design speed that the G42 source gives (yrd_expressway_corridors.csv note), for interchanges, trucks and urban approaches",
);
/** Road: average speed over crossings that carry a city road, urban expressway or provincial road. */
export const ROAD_URBAN_SPEED_KPH = a(
  "ROAD_URBAN_SPEED_KPH", 60, "km/h", "yangtze-crossing links whose `carries` is a city road, urban expressway, first-class or provincial road",
  "assumption: urban/first-class road design speeds are 60–80 km/h (JTG B01-2014 classes), averaged down for signals and congestion",
);
/** Road: delay at a provincial-border mainline toll station before 2020-01-01. */
export const BORDER_DELAY_MIN = a(
  "BORDER_DELAY_MIN", 5, "min", "road links with crossesProvincialBorder (included in timeMin as borderDelayMin)",
  "assumption: stop, pay/ETC and queue at a mainline border toll plaza; the Outline (ch. 5) orders 取消高速公路省界收费站, abolished nationwide 2020-01-01; a what-if sets it to 0",
);
/** Road: lanes (both directions) when the source gives none. */
export const EXPRESSWAY_LANES = a(
  "EXPRESSWAY_LANES", 4, "lanes (both directions)", "road links without a lane count in the data",
  "assumption: the minimum cross-section of a Chinese expressway (JTG B01-2014); many YRD expressways have 6–8 lanes, so capacities are conservative",
);
/** Road: capacity per lane. */
export const LANE_CAPACITY_PCU_PER_HOUR = a(
  "LANE_CAPACITY_PCU_PER_HOUR", 2000, "pcu/h/lane", "capacityVehPerHour = lanes/2 × this, per direction",
  "assumption: a round value below the basic capacity of JTG B01-2014 (2,200 pcu/h/ln at 120 km/h) and the Highway Capacity Manual (2,400 pc/h/ln), allowing for heavy vehicles; pcu are reported as veh",
);
/** Access: centroid connector time zone ↔ city expressway node. */
export const CENTROID_CONNECTOR_MIN = a(
  "CENTROID_CONNECTOR_MIN", 15, "min", "centroid-connector links (each direction)",
  "assumption: time from the city centre to the expressway network",
);
/** Access: average speed from the city centre to a station. */
export const STATION_ACCESS_SPEED_KPH = a(
  "STATION_ACCESS_SPEED_KPH", 30, "km/h", "station-access and station-egress links",
  "assumption: mixed metro/taxi/bus door-to-station speed in a Chinese city",
);
/** Access: fixed time at the departure station (entrance security check and ticket gate). */
export const ACCESS_TERMINAL_MIN = a(
  "ACCESS_TERMINAL_MIN", 10, "min", "station-access links",
  "assumption: entrance security screening and ticket gate at a Chinese railway station; walking to the platform and boarding are BOARDING_MIN on the rail-board link, so the two add up to 15 min before the wait",
);
/** Access: fixed time at the arrival station (walking out). */
export const EGRESS_TERMINAL_MIN = a(
  "EGRESS_TERMINAL_MIN", 5, "min", "station-egress links",
  "assumption: platform to station exit; no security check on arrival",
);
/** Transit: service window in which the day's trains are spread. */
export const SERVICE_WINDOW_MIN = a(
  "SERVICE_WINDOW_MIN", 1080, "min", "headway = window / trains per day of the boarded corridor (rail-board links)",
  "assumption: 06:00–24:00 operating day",
);
/** Transit: cap of the waiting time. */
export const WAIT_CAP_MIN = a(
  "WAIT_CAP_MIN", 30, "min", "waitMin = min(cap, ½ × headway) on rail-board links",
  "assumption: with sparse service travellers time their arrival to the timetable instead of waiting half a headway",
);
/** Transit: share of the headway a traveller waits on average. */
export const WAIT_HEADWAY_FRACTION = a(
  "WAIT_HEADWAY_FRACTION", 0.5, "ratio", "waitMin = min(WAIT_CAP_MIN, this × SERVICE_WINDOW_MIN / trainsPerDay) on rail-board links",
  "assumption: travellers arriving at random over evenly spaced departures wait half a headway on average (no timetable coordination)",
);
/** Transit: time to board a train, also the minimum time to change trains. */
export const BOARDING_MIN = a(
  "BOARDING_MIN", 5, "min", "rail-board links: timeMin = waitMin + BOARDING_MIN (at the first boarding and at every change of train)",
  "assumption: walk from the concourse or the arriving train to the platform and board; at a change of train it is the minimum transfer time (the model has no platform layout), so a transfer costs wait + BOARDING_MIN",
);
/** Transit: time charged on leaving a train. */
export const ALIGHT_MIN = a(
  "ALIGHT_MIN", 0, "min", "rail-alight links (stop node → station)",
  "assumption: leaving the train costs nothing of its own: the walk to the exit is EGRESS_TERMINAL_MIN on the station-egress link, and a change of train pays BOARDING_MIN on the next boarding",
);
/** Access: access distance for a station without coordinates. */
export const DEFAULT_ACCESS_KM = a(
  "DEFAULT_ACCESS_KM", 15, "km", "station-access/egress of stations without coordinates",
  "assumption: stations without coordinates are mostly new high-speed stations (opened 2019–2021) built at the urban edge",
);
/** Rail estimate: operating speed as a share of the design speed. */
export const RAIL_OPERATING_SPEED_FACTOR = a(
  "RAIL_OPERATING_SPEED_FACTOR", 0.7, "ratio", "estimated rail links: timeMin = lengthKm / (design speed × factor) × 60 + dwell",
  "calibrated: timetable non-stop legs on 350 km/h lines run at 0.68–0.69 × design speed (上海虹桥–南京南 295 km / 73 min = 242 km/h; 上海虹桥–合肥南 452 km / 114.5 min = 237 km/h); check: 沪苏湖 164 km with 7 legs gives 54 min vs the 55 min fastest train the source reports",
);
/** Rail estimate: dwell allowance per leg. */
export const RAIL_DWELL_MIN = a(
  "RAIL_DWELL_MIN", 2, "min", "estimated rail links (timetable legs already include dwell at the previous stop)",
  "assumption: typical high-speed stop of 2 min",
);
/** Rail estimate: route length = great-circle × this when the line length is not in the data. */
export const RAIL_CIRCUITY = a(
  "RAIL_CIRCUITY", 1.2, "ratio", "estimated rail links of lines without a length",
  "assumption: high-speed lines are straighter than roads; timetable km ÷ great-circle of adjacent stops with coordinates is mostly 1.0–1.25 (PROVENANCE consistency check uses ≤ 1.25 × km + 15)",
);
/** Rail estimate: design speed of 通苏嘉甬 (no row with a speed in the data). */
export const TONGSUJIAYONG_DESIGN_SPEED_KPH = a(
  "TONGSUJIAYONG_DESIGN_SPEED_KPH", 350, "km/h", "estimated links of 通苏嘉甬 (Nantong–Suzhou–Jiaxing–Ningbo)",
  "assumption: the data has no design speed; the Outline lists it with the 350 km/h trunk projects; the line is drawn between the four cities' main stations (yrd_cities.csv main_station_zh), crossing on the Hutong bridge whose 2 reserved tracks the Outline table mentions",
);
/** Rail estimate: design speed of 沪通铁路二期 (category only in the data). */
export const HUTONG_PHASE2_DESIGN_SPEED_KPH = a(
  "HUTONG_PHASE2_DESIGN_SPEED_KPH", 200, "km/h", "estimated link of 沪通铁路二期",
  "lower bound of the category `fast (200-250 km/h class)` that yrd_rail_lines.csv gives",
);
/** Water: average vessel speed. */
export const VESSEL_SPEED_KPH = a(
  "VESSEL_SPEED_KPH", 12, "km/h", "water links: timeMin = lengthKm / speed × 60",
  "assumption: typical laden inland/estuary cargo vessel speed through water, averaged over up- and downstream",
);
/** Road: a malin84 city-to-city segment becomes a link only if the network so far has no route within this × its own length. */
export const MALIN84_DETOUR_RATIO = a(
  "MALIN84_DETOUR_RATIO", 1.3, "ratio", "expressway links added from yrd_malin84_segments.csv",
  "assumption: a segment that the corridor network already serves within 30 % extra length adds nothing but double-counted capacity (e.g. 南京到上海 is the G42 chain); one that would save more is a missing road (e.g. 徐州到宿迁, which leaves Xuzhou unconnected otherwise)",
);
/** Road: approximate positions of the river-bank sub-nodes. */
export const BANK_SUBNODE_POSITIONS = a(
  "BANK_SUBNODE_POSITIONS", "see road nodes", "degrees", "road:320100:north (Jiangbei 32.16 N 118.70 E), road:340500:north (He county 31.72 N 118.36 E), road:340200:north (north bank opposite Wuhu 31.40 N 118.33 E), road:310100:chongming (Chengqiao 31.63 N 121.40 E)",
  "approximation (general knowledge, ±10 km): the data has no positions for the parts of a city across the river",
);
/** Water: river length = great-circle × this above Nanjing and for the Jianghuai canal. */
export const RIVER_CIRCUITY = a(
  "RIVER_CIRCUITY", 1.5, "ratio", "water links without a length in the data (Anqing–Nanjing reach, Jianghuai canal)",
  "assumption: the Anhui reach of the Yangtze meanders (roughly 300–330 river km against ~200 km straight between Anqing and Nanjing); below Nanjing the 431 km of yrd_waterways.csv is apportioned instead",
);
/** Power: the Sutong GIL in-service month. */
export const SUTONG_GIL_DATE = a(
  "SUTONG_GIL_DATE", "2019-09", "date", "the 淮南—南京—上海 UHVAC Yangtze crossing and its south-bank continuation",
  "not in the data (yrd_power_uhv_lines.csv says `full line with Sutong GIL later`); month from the task brief / public reports of the Sutong GIL utility tunnel energisation, unverified here (grade C)",
);

/** The static assumptions, in the order SOURCES.md lists them. */
export const STATIC_ASSUMPTIONS: readonly Assumption[] = [
  ROAD_CIRCUITY, ROAD_SPEED_KPH, ROAD_URBAN_SPEED_KPH, BORDER_DELAY_MIN, EXPRESSWAY_LANES, LANE_CAPACITY_PCU_PER_HOUR,
  CENTROID_CONNECTOR_MIN, STATION_ACCESS_SPEED_KPH, ACCESS_TERMINAL_MIN, EGRESS_TERMINAL_MIN, SERVICE_WINDOW_MIN, WAIT_CAP_MIN,
  WAIT_HEADWAY_FRACTION, BOARDING_MIN, ALIGHT_MIN, DEFAULT_ACCESS_KM, RAIL_OPERATING_SPEED_FACTOR, RAIL_DWELL_MIN, RAIL_CIRCUITY, TONGSUJIAYONG_DESIGN_SPEED_KPH,
  HUTONG_PHASE2_DESIGN_SPEED_KPH, MALIN84_DETOUR_RATIO, BANK_SUBNODE_POSITIONS, VESSEL_SPEED_KPH, RIVER_CIRCUITY, SUTONG_GIL_DATE,
];

/** Numeric value of an assumption (throws on a text one, a programming error). @example n(ROAD_SPEED_KPH) // 100 */
export function n(assumption: Assumption): number {
  if (typeof assumption.value !== "number") throw new TypeError(`assumption ${assumption.key} is not numeric`);
  return assumption.value;
}

/** Text value of an assumption. @example s(SUTONG_GIL_DATE) // "2019-09" */
export function s(assumption: Assumption): string {
  return String(assumption.value);
}

/** Builds an assumption record computed from the data during the build (e.g. a median). @example derivedAssumption("X", 3, "min", "links", "median").value // 3 */
export function derivedAssumption(key: string, value: number | string, unit: string, appliesTo: string, basis: string): Assumption {
  return a(key, value, unit, appliesTo, basis);
}

/**
 * Name of an assumption in network.json's `assumptions` block: the key in lower camelCase, unit suffix kept.
 * @param key upper snake-case key, e.g. `ROAD_SPEED_KPH`
 * @returns e.g. `roadSpeedKph`
 * @example assumptionJsonName("LANE_CAPACITY_PCU_PER_HOUR") // "laneCapacityPcuPerHour"
 * @example assumptionJsonName("HUTONG_PHASE2_DESIGN_SPEED_KPH") // "hutongPhase2DesignSpeedKph"
 */
export function assumptionJsonName(key: string): string {
  if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(key)) throw new TypeError(`assumption key "${key}" is not UPPER_SNAKE_CASE`);
  return key
    .toLowerCase()
    .split("_")
    .map((part, i) => (i === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join("");
}

/**
 * The `assumptions` block of network.json: every numeric assumption by its {@link assumptionJsonName}, in table order
 * (text assumptions such as positions and dates are documented in SOURCES.md only).
 * @param assumptions the table (static and derived), as SOURCES.md prints it
 * @returns name → value
 * @throws TypeError when two keys map to one name (a programming error)
 * @example assumptionsBlock([ROAD_CIRCUITY, SUTONG_GIL_DATE]) // { roadCircuity: 1.25 }
 */
export function assumptionsBlock(assumptions: readonly Assumption[]): Record<string, number> {
  const block: Record<string, number> = {};
  for (const x of assumptions) {
    if (typeof x.value !== "number") continue;
    const name = assumptionJsonName(x.key);
    if (name in block) throw new TypeError(`two assumptions are named ${name}`);
    block[name] = x.value;
  }
  return block;
}
