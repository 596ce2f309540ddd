/**
 * YRD builder, input data: loads every CSV of `../shared/data/yrd` that the bundled network uses into typed records,
 * checking columns, numbers and cross-references once, so the layer builders work on clean values with row keys.
 */
import { InputError } from "../../src/errors.ts";
import { normaliseDate } from "./dates.ts";
import { num, oneOf, optNum, optText, readCsv, rowError, text, type CsvRow } from "./csv.ts";
import { compareCodeUnits } from "../../src/model/compare-code-units.ts";

/** A prefecture-level city (one zone). */
export interface City {
  adcode: string;
  nameZh: string;
  /** Short name without the trailing 市, as used in station lists and malin84 notes (`南京`). */
  shortZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
  lat: number;
  lon: number;
  /** 2020 census resident population, persons. */
  pop2020: number;
  mainStationZh?: string;
  row: CsvRow;
}

/** A railway station of the timetable inside the 41 cities. */
export interface RailStation {
  stationZh: string;
  cityAdcode: string;
  lat?: number;
  lon?: number;
  coordSource: string;
  /** `new_with_line_after_2019_05`: the line (row key of yrd_rail_lines.csv) the station opened with, if flagged. */
  newWithLine?: string;
  /** `line_opened`, normalised. */
  lineOpened?: string;
  row: CsvRow;
}

/** An undirected non-stop leg of the timetable (`yrd_rail_edges.csv`). */
export interface RailEdge {
  stationA: string;
  stationB: string;
  bothInYrd: boolean;
  kmMedian: number;
  minTimeMin: number;
  medianTimeMin: number;
  nServices: number;
  /** Trains of all patterns using the leg, both directions pooled. */
  nTrains: number;
  trainTypes: string[];
  row: CsvRow;
}

/** A stopping pattern (`yrd_rail_services.csv`). */
export interface RailService {
  serviceId: string;
  trainTypeZh: string;
  /** Trains running first→last plus last→first. */
  nTrains: number;
  /** Trains running first→last (`n_trains_forward`), ≥ 0. */
  nTrainsForward: number;
  /** Trains running last→first over the same stops (`n_trains_backward`), ≥ 0. */
  nTrainsBackward: number;
  /**
   * Stops in order: `stopSeq` 1-based; `inYrd` from `in_yrd`; `segKm`/`segMin` from the previous stop (absent at the
   * first), km and minutes (running time + dwell at the previous stop).
   */
  stops: { stopSeq: number; stationZh: string; inYrd: boolean; segKm?: number; segMin?: number; row: CsvRow }[];
  row: CsvRow;
}

/** A railway line (`yrd_rail_lines.csv`). */
export interface RailLine {
  lineZh: string;
  lineEn?: string;
  category: string;
  start: string;
  end: string;
  /** `stations_or_cities` split on `|`, in order (may be empty). */
  points: string[];
  lengthKm?: number;
  /** First number of `design_speed_kmh` (e.g. `350 (Wuhu–Xuancheng 250)` → 350). */
  designSpeedKph?: number;
  opened?: string;
  status: string;
  sourceType: string;
  source: string;
  note?: string;
  row: CsvRow;
}

/** A chapter-5 rail project of the 2019 Outline (`yrd_outline2019_rail_projects.csv`). */
export interface OutlineRailProject {
  projectZh: string;
  projectEn: string;
  outlineCategory: string;
  statusFound: string;
  matchingLine?: string;
  source: string;
  row: CsvRow;
}

/** An expressway corridor (`yrd_expressway_corridors.csv`). */
export interface Corridor {
  code: string;
  nameZh: string;
  nameEn: string;
  cityNamesZh: string[];
  lanes?: number;
  openedOrCompleted?: string;
  source: string;
  note?: string;
  row: CsvRow;
}

/** A Yangtze crossing (`yrd_yangtze_crossings.csv`). */
export interface Crossing {
  nameZh: string;
  nameEn: string;
  mode: "road" | "rail" | "road+rail";
  /** City name as in the file, e.g. `安庆市(枞阳)`; `cityOf` strips the county. */
  northBankCity: string;
  southBankCity: string;
  carries: string;
  opened?: string;
  openedRaw?: string;
  lengthM?: number;
  source: string;
  note?: string;
  row: CsvRow;
}

/** A road or rail segment of malin84 `seg_info` (`yrd_malin84_segments.csv`). */
export interface Malin84Segment {
  mode: string;
  segId: string;
  rate: string;
  year: number;
  pathName?: string;
  notes: string;
  row: CsvRow;
}

/** A waterway (`yrd_waterways.csv`). */
export interface Waterway {
  nameZh: string;
  nameEn: string;
  from: string;
  to: string;
  lengthKm?: number;
  standard?: string;
  dates?: string;
  source: string;
  note?: string;
  row: CsvRow;
}

/** A UHV line (`yrd_power_uhv_lines.csv`). */
export interface UhvLine {
  nameZh: string;
  type: "UHVDC" | "UHVAC";
  voltageKv: number;
  from: string;
  toCity?: string;
  toProvince?: string;
  capacityMw?: number;
  lengthKm?: number;
  inService: string;
  verifiedFields: string;
  source: string;
  note?: string;
  row: CsvRow;
}

/** An inter-provincial transfer corridor of PyPSA-China-PIK (`yrd_power_interprovincial_pypsa.csv`). */
export interface PypsaCorridor {
  provinceA: string;
  provinceB: string;
  capacityMw: number;
  bothInYrd: boolean;
  row: CsvRow;
}

/** Everything the builder reads, keyed for lookups. */
export interface YrdData {
  dir: string;
  cities: City[];
  cityByAdcode: Map<string, City>;
  /** By full name (`南京市`) and short name (`南京`). */
  cityByName: Map<string, City>;
  stations: Map<string, RailStation>;
  edges: RailEdge[];
  services: RailService[];
  lines: RailLine[];
  outlineProjects: OutlineRailProject[];
  corridors: Corridor[];
  crossings: Crossing[];
  malin84: Malin84Segment[];
  waterways: Waterway[];
  uhvLines: UhvLine[];
  pypsa: PypsaCorridor[];
}

/** Strips a trailing county in parentheses: `安庆市(枞阳)` → `安庆市`. @example cityNameOf("上海市(崇明)") // "上海市" */
export function cityNameOf(raw: string): string {
  return raw.replace(/[（(].*$/, "").trim();
}

function cities(dir: string): City[] {
  const t = readCsv(dir, "yrd_cities.csv", [
    "adcode", "name_zh", "name_en", "province_zh", "province_en", "lat", "lon", "pop_2020_census", "main_station_zh",
  ]);
  return t.rows.map((row) => {
    const adcode = text(row, "adcode");
    if (!/^\d{6}$/.test(adcode)) throw rowError(row, "adcode", "bad-value", `adcode must be 6 digits (got "${adcode}")`);
    const nameZh = text(row, "name_zh");
    return {
      adcode,
      nameZh,
      shortZh: nameZh.replace(/市$/, ""),
      nameEn: text(row, "name_en"),
      provinceZh: text(row, "province_zh"),
      provinceEn: text(row, "province_en"),
      lat: num(row, "lat", { min: -90, max: 90 }),
      lon: num(row, "lon", { min: -180, max: 180 }),
      pop2020: num(row, "pop_2020_census", { min: 0, integer: true }),
      mainStationZh: optText(row, "main_station_zh"),
      row,
    };
  });
}

function stations(dir: string, cityByAdcode: Map<string, City>): Map<string, RailStation> {
  const t = readCsv(dir, "yrd_rail_stations.csv", [
    "station_zh", "city_adcode", "lat", "lon", "coord_source", "new_with_line_after_2019_05", "line_opened",
  ]);
  const out = new Map<string, RailStation>();
  for (const row of t.rows) {
    const stationZh = text(row, "station_zh");
    const cityAdcode = text(row, "city_adcode");
    if (!cityByAdcode.has(cityAdcode)) throw rowError(row, "city_adcode", "unknown-city", `no city with adcode ${cityAdcode}`);
    if (out.has(stationZh)) throw rowError(row, "station_zh", "duplicate-id", `duplicate station "${stationZh}"`);
    const lat = optNum(row, "lat", { min: -90, max: 90 });
    const lon = optNum(row, "lon", { min: -180, max: 180 });
    if ((lat === undefined) !== (lon === undefined)) throw rowError(row, "lat", "bad-value", "lat and lon must both be given or both be blank");
    const newWithLine = optText(row, "new_with_line_after_2019_05");
    const lineOpenedRaw = optText(row, "line_opened");
    const lineOpened = normaliseDate(lineOpenedRaw);
    if (newWithLine !== undefined && lineOpened === undefined) {
      throw rowError(row, "line_opened", "bad-value", `a flagged station needs a line_opened date (got "${lineOpenedRaw ?? ""}")`);
    }
    out.set(stationZh, { stationZh, cityAdcode, lat, lon, coordSource: text(row, "coord_source"), newWithLine, lineOpened, row });
  }
  return out;
}

function edges(dir: string): RailEdge[] {
  const t = readCsv(dir, "yrd_rail_edges.csv", [
    "station_a", "station_b", "both_in_yrd", "km_median", "min_time_min", "median_time_min", "n_services", "n_trains", "train_types",
  ]);
  return t.rows.map((row) => ({
    stationA: text(row, "station_a"),
    stationB: text(row, "station_b"),
    bothInYrd: oneOf(row, "both_in_yrd", ["0", "1"]) === "1",
    kmMedian: num(row, "km_median", { min: 0 }),
    minTimeMin: num(row, "min_time_min", { min: 0 }),
    medianTimeMin: num(row, "median_time_min", { greaterThan: 0 }),
    nServices: num(row, "n_services", { min: 1, integer: true }),
    nTrains: num(row, "n_trains", { min: 1, integer: true }),
    trainTypes: text(row, "train_types").split(";").map((s) => s.trim()),
    row,
  }));
}

function services(dir: string): RailService[] {
  const s = readCsv(dir, "yrd_rail_services.csv", ["service_id", "train_type_zh", "n_trains_forward", "n_trains_backward"]);
  const byId = new Map<string, RailService>();
  for (const row of s.rows) {
    const serviceId = text(row, "service_id");
    if (byId.has(serviceId)) throw rowError(row, "service_id", "duplicate-id", `duplicate service "${serviceId}"`);
    const nTrainsForward = num(row, "n_trains_forward", { min: 0, integer: true });
    const nTrainsBackward = num(row, "n_trains_backward", { min: 0, integer: true });
    byId.set(serviceId, {
      serviceId,
      trainTypeZh: text(row, "train_type_zh"),
      nTrains: nTrainsForward + nTrainsBackward,
      nTrainsForward,
      nTrainsBackward,
      stops: [],
      row,
    });
  }
  const st = readCsv(dir, "yrd_rail_service_stops.csv", ["service_id", "stop_seq", "station_zh", "in_yrd", "seg_km", "seg_min"]);
  for (const row of st.rows) {
    const id = text(row, "service_id");
    const svc = byId.get(id);
    if (!svc) throw rowError(row, "service_id", "unknown-service", `no service "${id}" in yrd_rail_services.csv`);
    const seq = num(row, "stop_seq", { min: 1, integer: true });
    if (seq !== svc.stops.length + 1) throw rowError(row, "stop_seq", "bad-value", `stop_seq ${seq} out of order (expected ${svc.stops.length + 1})`);
    svc.stops.push({
      stopSeq: seq,
      stationZh: text(row, "station_zh"),
      inYrd: oneOf(row, "in_yrd", ["0", "1"]) === "1",
      segKm: optNum(row, "seg_km", { min: 0 }),
      segMin: optNum(row, "seg_min", { min: 0 }),
      row,
    });
  }
  return [...byId.values()];
}

function lines(dir: string): RailLine[] {
  const t = readCsv(dir, "yrd_rail_lines.csv", [
    "line_zh", "line_en", "category", "start", "end", "stations_or_cities", "length_km", "design_speed_kmh", "opened", "status",
    "source_type", "source", "note",
  ]);
  return t.rows.map((row) => {
    const speedRaw = optText(row, "design_speed_kmh");
    let designSpeedKph: number | undefined;
    if (speedRaw !== undefined) {
      const m = /^(\d+)/.exec(speedRaw);
      if (!m) throw rowError(row, "design_speed_kmh", "not-a-number", `design speed must start with a number (got "${speedRaw}")`);
      designSpeedKph = Number(m[1]);
    }
    const openedRaw = optText(row, "opened");
    const opened = normaliseDate(openedRaw);
    if (openedRaw !== undefined && opened === undefined) throw rowError(row, "opened", "bad-value", `not a date: "${openedRaw}"`);
    const pts = optText(row, "stations_or_cities");
    return {
      lineZh: text(row, "line_zh"),
      lineEn: optText(row, "line_en"),
      category: text(row, "category"),
      start: text(row, "start"),
      end: text(row, "end"),
      points: pts === undefined ? [] : pts.split("|").map((p) => p.trim()),
      lengthKm: optNum(row, "length_km", { greaterThan: 0 }),
      designSpeedKph,
      opened,
      status: text(row, "status"),
      sourceType: text(row, "source_type"),
      source: text(row, "source"),
      note: optText(row, "note"),
      row,
    };
  });
}

function outlineProjects(dir: string): OutlineRailProject[] {
  const t = readCsv(dir, "yrd_outline2019_rail_projects.csv", [
    "project_zh", "project_en", "outline_category", "status_found", "matching_line_in_yrd_rail_lines", "source",
  ]);
  return t.rows.map((row) => ({
    projectZh: text(row, "project_zh"),
    projectEn: text(row, "project_en"),
    outlineCategory: text(row, "outline_category"),
    statusFound: text(row, "status_found"),
    matchingLine: optText(row, "matching_line_in_yrd_rail_lines"),
    source: text(row, "source"),
    row,
  }));
}

function corridors(dir: string): Corridor[] {
  const t = readCsv(dir, "yrd_expressway_corridors.csv", [
    "code", "name_zh", "name_en", "yrd_cities_in_order", "lanes", "opened_or_completed", "source", "note",
  ]);
  return t.rows.map((row) => ({
    code: text(row, "code"),
    nameZh: text(row, "name_zh"),
    nameEn: text(row, "name_en"),
    cityNamesZh: text(row, "yrd_cities_in_order").split("|").map((c) => c.trim()),
    lanes: optNum(row, "lanes", { min: 1, integer: true }),
    openedOrCompleted: optText(row, "opened_or_completed"),
    source: text(row, "source"),
    note: optText(row, "note"),
    row,
  }));
}

function crossings(dir: string): Crossing[] {
  const t = readCsv(dir, "yrd_yangtze_crossings.csv", [
    "name_zh", "name_en", "mode", "north_bank_city", "south_bank_city", "carries", "opened", "length_m", "source", "note",
  ]);
  return t.rows.map((row) => {
    const openedRaw = optText(row, "opened");
    const opened = normaliseDate(openedRaw);
    if (openedRaw !== undefined && opened === undefined) throw rowError(row, "opened", "bad-value", `not a date: "${openedRaw}"`);
    return {
      nameZh: text(row, "name_zh"),
      nameEn: text(row, "name_en"),
      mode: oneOf(row, "mode", ["road", "rail", "road+rail"]),
      northBankCity: text(row, "north_bank_city"),
      southBankCity: text(row, "south_bank_city"),
      carries: text(row, "carries"),
      opened,
      openedRaw,
      lengthM: optNum(row, "length_m", { greaterThan: 0 }),
      source: text(row, "source"),
      note: optText(row, "note"),
      row,
    };
  });
}

function malin84(dir: string): Malin84Segment[] {
  const t = readCsv(dir, "yrd_malin84_segments.csv", ["mode", "seg_id", "rate", "year", "path_name", "notes"]);
  return t.rows.map((row) => ({
    mode: text(row, "mode"),
    segId: text(row, "seg_id"),
    rate: text(row, "rate"),
    year: num(row, "year", { min: 1900, max: 2100, integer: true }),
    pathName: optText(row, "path_name"),
    notes: optText(row, "notes") ?? "",
    row,
  }));
}

function waterways(dir: string): Waterway[] {
  const t = readCsv(dir, "yrd_waterways.csv", ["name_zh", "name_en", "from", "to", "length_km", "standard", "dates", "source", "note"]);
  return t.rows.map((row) => ({
    nameZh: text(row, "name_zh"),
    nameEn: text(row, "name_en"),
    from: text(row, "from"),
    to: text(row, "to"),
    lengthKm: optNum(row, "length_km", { greaterThan: 0 }),
    standard: optText(row, "standard"),
    dates: optText(row, "dates"),
    source: text(row, "source"),
    note: optText(row, "note"),
    row,
  }));
}

function uhvLines(dir: string): UhvLine[] {
  const t = readCsv(dir, "yrd_power_uhv_lines.csv", [
    "name_zh", "type", "voltage_kv", "from", "to_city", "to_province", "capacity_mw", "length_km", "in_service", "verified_fields", "source", "note",
  ]);
  return t.rows.map((row) => ({
    nameZh: text(row, "name_zh"),
    type: oneOf(row, "type", ["UHVDC", "UHVAC"]),
    voltageKv: num(row, "voltage_kv", { greaterThan: 0 }),
    from: text(row, "from"),
    toCity: optText(row, "to_city"),
    toProvince: optText(row, "to_province"),
    capacityMw: optNum(row, "capacity_mw", { greaterThan: 0 }),
    lengthKm: optNum(row, "length_km", { greaterThan: 0 }),
    inService: text(row, "in_service"),
    verifiedFields: text(row, "verified_fields"),
    source: text(row, "source"),
    note: optText(row, "note"),
    row,
  }));
}

function pypsa(dir: string): PypsaCorridor[] {
  const t = readCsv(dir, "yrd_power_interprovincial_pypsa.csv", ["province_a", "province_b", "capacity_mw", "both_in_yrd"]);
  return t.rows.map((row) => ({
    provinceA: text(row, "province_a"),
    provinceB: text(row, "province_b"),
    capacityMw: num(row, "capacity_mw", { greaterThan: 0 }),
    bothInYrd: oneOf(row, "both_in_yrd", ["0", "1"]) === "1",
    row,
  }));
}

/**
 * Loads and checks the YRD data folder.
 * @param dir folder holding the `yrd_*.csv` files (normally `<repo>/../shared/data/yrd`)
 * @returns typed records with their source rows; cities sorted by adcode
 * @throws InputError (codes `file-not-found`, `missing-column`, `missing-value`, `not-a-number`, `out-of-range`,
 *   `bad-value`, `duplicate-id`, `unknown-city`, `unknown-service`) with file, line and column
 * @example loadYrdData("../shared/data/yrd").cities.length // 41
 */
export function loadYrdData(dir: string): YrdData {
  const cityList = cities(dir).sort((a, b) => compareCodeUnits(a.adcode, b.adcode));
  const cityByAdcode = new Map(cityList.map((c) => [c.adcode, c]));
  if (cityByAdcode.size !== cityList.length) throw new InputError({ file: "yrd_cities.csv", code: "duplicate-id", message: "duplicate adcode" });
  const cityByName = new Map<string, City>();
  for (const c of cityList) {
    cityByName.set(c.nameZh, c);
    cityByName.set(c.shortZh, c);
  }
  return {
    dir,
    cities: cityList,
    cityByAdcode,
    cityByName,
    stations: stations(dir, cityByAdcode),
    edges: edges(dir),
    services: services(dir),
    lines: lines(dir),
    outlineProjects: outlineProjects(dir),
    corridors: corridors(dir),
    crossings: crossings(dir),
    malin84: malin84(dir),
    waterways: waterways(dir),
    uhvLines: uhvLines(dir),
    pypsa: pypsa(dir),
  };
}
