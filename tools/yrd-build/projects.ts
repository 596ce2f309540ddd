/**
 * YRD builder, projects: the chapter-5 projects of the 2019 Outline that the data can represent, with the plan's
 * own Chinese name, status and opening date from the data and the facilities that open with them; the rest are listed
 * as "not represented" with the reason.
 */
import type { Project, Status } from "../../src/model/network.ts";
import type { RailLine, YrdData } from "./data.ts";
import { compareDates } from "./dates.ts";
import { SUTONG_GIL_FACILITY, SUTONG_GIL_SOUTH_FACILITY } from "./power.ts";
import { crossingIdOf } from "./road.ts";
import { isAfterTimetable } from "./rail-estimated.ts";
import { slug } from "./types.ts";
import { SUTONG_GIL_DATE, s } from "./assumptions.ts";

/** A chapter-5 item the data cannot represent. */
export interface NotRepresented {
  nameZh: string;
  category: string;
  reason: string;
}

/** The plan names of the power crossing (the plan excerpt prints 输本工程, a scanning slip for 输变电工程). */
export const UHV_CROSSING_PROJECT_NAME = "淮南—南京—上海1000千伏特高压交流输变电工程过江通道";

const OTHER_NOT_REPRESENTED: readonly NotRepresented[] = [
  { nameZh: "宁马、合宁、京沪等高速公路改扩建", category: "road", reason: "no lane or widening data in yrd_expressway_corridors.csv" },
  { nameZh: "龙潭、苏通第二、崇海等过江通道", category: "road", reason: "not in yrd_yangtze_crossings.csv (planned crossings without rows)" },
  { nameZh: "东海二桥、沪甬甬等跨海通道", category: "road", reason: "no cross-sea link data" },
  { nameZh: "取消高速公路省界收费站", category: "road", reason: "not a facility: represented by borderDelayMin on links with crossesProvincialBorder (a what-if sets it to 0)" },
  { nameZh: "长江南京以下江海联运港区、芜湖马鞍山江海联运枢纽、舟山江海联运服务中心", category: "water", reason: "port projects: yrd_ports.csv has isolated throughput figures only; the 12.5 m channel below Nanjing is in the network as existing (year-round 50,000 t from May 2019)" },
  { nameZh: "淮河出海通道、南通通州湾新出海口、小洋山北侧集装箱支线码头", category: "water", reason: "not in yrd_waterways.csv" },
  { nameZh: "南通—上海崇明500千伏联网工程", category: "power", reason: "no 500 kV data" },
  { nameZh: "省际联络线扩容工程", category: "power", reason: "no line data beyond the PyPSA aggregates (which have no vintage)" },
  { nameZh: "浙江宁海、缙云、衢江和安徽绩溪、金寨抽水蓄能电站", category: "power", reason: "generation/storage, not network links (绩溪 1,800 MW is in yrd_power_pumped_storage.csv)" },
  { nameZh: "南通新机场等机场群项目", category: "air", reason: "no airport data" },
];

/**
 * Assembles projects.json.
 * @param data loaded YRD data
 * @param facilitiesByLine rail facility ids per `line_zh` (timetable legs marked with the line, estimated legs)
 * @returns projects sorted by id and the chapter-5 items not represented
 * @example buildProjects(data, map).projects.map((p) => p.id).includes("shanghai-suzhou-huzhou-railway") // true
 */
export function buildProjects(data: YrdData, facilitiesByLine: ReadonlyMap<string, ReadonlySet<string>>): { projects: Project[]; notRepresented: NotRepresented[] } {
  const projects: Project[] = [];
  const notRepresented: NotRepresented[] = [];
  for (const p of data.outlineProjects) {
    const base = p.matchingLine?.replace(/\(.*$/, "");
    const lines: RailLine[] = p.matchingLine === undefined
      ? []
      : data.lines.filter((l) => l.sourceType === "page" && (l.lineZh === p.matchingLine || (base !== undefined && base !== p.matchingLine && l.lineZh.startsWith(`${base}(`))));
    const lineKeys = lines.length > 0 ? lines.map((l) => l.lineZh) : [p.projectZh];
    const facilityIds = [...new Set(lineKeys.flatMap((k) => [...(facilitiesByLine.get(k) ?? [])]))].sort();
    if (facilityIds.length === 0) {
      notRepresented.push({ nameZh: p.projectZh, category: "rail", reason: `no line row with stations, length or speed (status_found: ${p.statusFound})` });
      continue;
    }
    let status: Status;
    let openedDate: string | undefined;
    const statuses = lines.map((l) => (l.status.startsWith("open") ? "existing" : l.status.startsWith("under construction") ? "under-construction" : "planned"));
    if (lines.length === 0) status = "planned";
    else if (statuses.every((x) => x === "existing")) {
      status = "existing";
      openedDate = lines.map((l) => l.opened!).sort(compareDates).at(-1);
    } else status = statuses.includes("under-construction") ? "under-construction" : "planned";
    const sections = lines.length > 1 ? `; sections: ${lines.map((l) => `${l.lineZh} ${l.opened ?? l.status}`).join(", ")}` : "";
    const inTimetable = lines.some((l) => !isAfterTimetable(l));
    projects.push({
      id: slug(p.projectEn),
      nameZh: p.projectZh,
      nameEn: p.projectEn,
      category: "rail",
      status,
      ...(openedDate !== undefined ? { openedDate } : {}),
      facilityIds,
      source: `yrd_outline2019_rail_projects.csv: ${p.projectZh} (${p.outlineCategory}; status_found: ${p.statusFound})` + (lines.length ? `; yrd_rail_lines.csv: ${lines.map((l) => l.lineZh).join(", ")}` : ""),
      note: (inTimetable ? "facilities = June-2021 timetable legs that run over the line" : "facilities = estimated links (see each link's estimateNote)") +
        (lines.length === 0 ? "; no line row: status planned as in the Outline table (推动…开工建设), drawn through the four cities' main stations" : "") +
        sections +
        (lines.find((l) => /expected/.test(l.status)) ? `; ${lines.find((l) => /expected/.test(l.status))!.status}` : ""),
    });
  }
  // Road: 常泰 crossing.
  const changtai = data.crossings.find((c) => c.nameZh === "常泰长江大桥");
  if (changtai) {
    projects.push({
      id: "changtai-yangtze-crossing",
      nameZh: "常泰",
      nameEn: "Changzhou–Taizhou Yangtze crossing (Changtai Yangtze River Bridge)",
      category: "road",
      status: "under-construction",
      facilityIds: [crossingIdOf(changtai.nameZh)],
      source: "plan ch. 5 (规划建设常泰…过江通道); yrd_yangtze_crossings.csv: 常泰长江大桥",
      note: `road deck only (the rail deck has no line data); ${changtai.note ?? ""}`.trim(),
    });
  } else {
    notRepresented.push({ nameZh: "常泰", category: "road", reason: "no 常泰长江大桥 row in yrd_yangtze_crossings.csv" });
  }
  // Power: the UHVAC Yangtze crossing.
  projects.push({
    id: "huainan-nanjing-shanghai-uhvac-yangtze-crossing",
    nameZh: UHV_CROSSING_PROJECT_NAME,
    nameEn: "Huainan–Nanjing–Shanghai 1000 kV UHVAC Yangtze crossing (Sutong GIL)",
    category: "power",
    status: "existing",
    openedDate: s(SUTONG_GIL_DATE),
    facilityIds: [SUTONG_GIL_FACILITY, SUTONG_GIL_SOUTH_FACILITY].sort(),
    source: "plan ch. 5 (加快建设淮南—南京—上海1000千伏特高压交流输变电工程过江通道); yrd_power_uhv_lines.csv: 淮南–南京–上海",
    note: "raises Jiangsu cross-river capacity 9,000→16,000 MW (row note); openedDate = SUTONG_GIL_DATE, an assumption (the file says 'full line with Sutong GIL later'); the plan excerpt prints 输本工程, a scanning slip for 输变电工程",
  });
  notRepresented.push(...OTHER_NOT_REPRESENTED);
  projects.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { projects, notRepresented };
}
