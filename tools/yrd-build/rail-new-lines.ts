/**
 * YRD builder, rail opening rules: which timetable legs (June 2021) run over lines opened after the 2019-05 Outline,
 * beyond the stations that `yrd_rail_stations.csv` flags; each curated item names its line and the evidence.
 *
 * Rule (documented in SOURCES.md):
 * 1. A leg touching a station flagged `new_with_line_after_2019_05` gets that line's opening date (the later one if
 *    both ends are flagged) — except a leg whose trains are all conventional (non-EMU) when the flagged line is a
 *    high-speed line: 建湖 and 泗阳 share their names with older stations of the 新长 / 宿淮 conventional railways,
 *    and a conventional train at 46–78 km/h cannot be running on the new EMU-only line.
 * 2. {@link EXTRA_NEW_STATIONS}: stations not flagged in the file but new with a post-2019-05 line (listed in the
 *    line's station list, or every leg of theirs is an EMU leg into that line's flagged stations).
 * 3. {@link EXTRA_NEW_LEGS}: non-stop legs between two older stations that can only run over a new line (the older
 *    network has no such connection, e.g. 巢湖东–芜湖 needs the 商合杭 Hefei–Huzhou section).
 * 4. {@link SPLIT_LEGS}: station pairs served both by conventional trains on an old line and by EMUs on a new line
 *    (e.g. 宣城–芜湖: 64 km conventional via the 皖赣 line, 70 km EMU via 商合杭). They become two facilities: the
 *    conventional part keeps `rail:leg:<a>-<b>` without an opening date, the EMU part is `rail:leg:<a>-<b>:emu` with
 *    the new line's date; times, km and trains of each part are recomputed from yrd_rail_service_stops.csv.
 * Limits: the station lists of RailwayVIS rows name key cities only, and legs that merely pass a new line's section
 * without stopping at any of its stations are found only when listed here; see SOURCES.md.
 */

/** A station that opened with a post-2019-05 line although the stations file does not flag it. */
export interface NewStationRule {
  station: string;
  /** `line_zh` of yrd_rail_lines.csv. */
  line: string;
  reason: string;
}

/** A leg between two older stations that runs over a post-2019-05 line. */
export interface NewLegRule {
  a: string;
  b: string;
  line: string;
  reason: string;
}

/** Curated new stations (rule 2). */
export const EXTRA_NEW_STATIONS: readonly NewStationRule[] = [
  { station: "丹徒", line: "连淮扬镇铁路(淮镇段)", reason: "listed in the line's station list; all its legs are EMU legs" },
  { station: "东海县", line: "徐连高铁", reason: "listed in the line's station list; its only legs (新沂南, 连云港) are G trains" },
  { station: "芜湖北", line: "商合杭高铁(合湖段)", reason: "listed in the line's station list (absent from TrainVis StationInfo)" },
  { station: "芜湖南", line: "商合杭高铁(合湖段)", reason: "absent from TrainVis StationInfo (new 2020–21); every leg is an EMU leg of the Wuhu hub rebuilt for 商合杭 (宣城–芜湖南 58 km in 23 min)" },
  { station: "寿县", line: "商合杭高铁(商合段)", reason: "every leg is a G-train leg to 商合段 stations (凤台南, 淮南南, 颍上北, 阜阳西) or on to Hefei" },
  { station: "合肥北城", line: "商合杭高铁(商合段)", reason: "every leg is a G-train leg of the 商合杭 approach to Hefei (淮南南, 寿县, 肥东)" },
  { station: "古城东", line: "商合杭高铁(商合段)", reason: "every leg is a G-train leg to 亳州南/太和东/阜阳西" },
  { station: "太和东", line: "商合杭高铁(商合段)", reason: "every leg is a G-train leg to 商丘/亳州南/古城东/阜阳西" },
  { station: "芦庙", line: "商合杭高铁(商合段)", reason: "only legs: 商丘 and 亳州南 (G trains)" },
  { station: "界首南", line: "郑阜高铁", reason: "legs to 临泉/阜阳西 and Henan stations of 郑阜 (周口东, 淮阳南) only; 郑阜高铁 opened 2019-12-01 (RailwayVIS row)" },
  { station: "临泉", line: "郑阜高铁", reason: "legs to 界首南/阜阳西/寿县 and Henan stations of 郑阜 only" },
];

/** Curated legs between older stations over a new line (rule 3). */
export const EXTRA_NEW_LEGS: readonly NewLegRule[] = [
  { a: "合肥南", b: "芜湖", line: "商合杭高铁(合湖段)", reason: "128 km in 42 min (G); before 2020 Hefei–Wuhu ran on the conventional 合芜 line (合肥–芜湖 141 km, 117 min)" },
  { a: "巢湖东", b: "芜湖", line: "商合杭高铁(合湖段)", reason: "巢湖东 is on 合福; only 商合杭 links it to 芜湖 (58 km, 23 min, EMU)" },
  { a: "巢湖东", b: "肥东", line: "商合杭高铁(合湖段)", reason: "肥东 (合宁) and 巢湖东 (合福) are joined only by 商合杭 (52 km, EMU)" },
  { a: "合肥北城", b: "肥东", line: "商合杭高铁(合湖段)", reason: "the 商合杭 bypass of 合肥南 between the two sections" },
  { a: "宣城", b: "杭州东", line: "商合杭高铁(合湖段)", reason: "200 km in 56 min (G) needs the Xuancheng–Huzhou section; the older route is the conventional 宣杭 line (240 km, 173 min)" },
  { a: "宣城", b: "德清", line: "商合杭高铁(合湖段)", reason: "165 km in 51 min (G), via the Xuancheng–Huzhou section" },
];

/** Station pairs whose EMU services run on a new line and conventional services on an old one (rule 4). */
export const SPLIT_LEGS: readonly NewLegRule[] = [
  { a: "宣城", b: "芜湖", line: "商合杭高铁(合湖段)", reason: "EMUs 70 km / 26–31 min on 商合杭; conventional trains 64 km / 55–75 min on the 皖赣 line" },
  { a: "东台", b: "盐城", line: "盐通高铁", reason: "EMUs 61 km / 19–23 min on 盐通; conventional trains 63 km / 41–52 min on the 新长 line (not electrified per RailwayVIS)" },
  { a: "东台", b: "海安", line: "盐通高铁", reason: "EMUs 40 km / 16 min on 盐通; conventional trains 40 km / 36–47 min on 新长" },
  { a: "海安", b: "盐城", line: "盐通高铁", reason: "EMU 101 km / 26 min on 盐通; conventional trains 103 km / 81–104 min on 新长" },
];

/** Train classes that are electric multiple units (can run on high-speed lines). */
export const EMU_TRAIN_TYPES: ReadonlySet<string> = new Set(["高速动车组", "普通动车组", "城际动车组"]);

/** True when none of the train types is an EMU class. @example isConventionalOnly(["快速", "特快"]) // true */
export function isConventionalOnly(trainTypes: readonly string[]): boolean {
  return trainTypes.every((t) => !EMU_TRAIN_TYPES.has(t));
}
