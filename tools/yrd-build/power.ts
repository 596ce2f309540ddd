/**
 * YRD builder, power: province grid nodes (Jiangsu split at the Yangtze) and external sending regions, the UHV lines of
 * `yrd_power_uhv_lines.csv`, the Jiangsu cross-river aggregate and the PyPSA-China inter-provincial corridors.
 *
 * Rules (documented in SOURCES.md):
 * - DC lines are one directed link sending region → YRD (`linkType: uhv-dc`); AC lines and corridors are two-way.
 * - Blank capacities take the value the row's note calls "commonly reported" (`estimate: true`); a capacity the row
 *   marks unverified is kept and also flagged `estimate: true`.
 * - Jiangsu is two nodes because the 淮南–南京–上海 row says the line "raises Jiangsu cross-river capacity
 *   9,000→16,000 MW": the existing 9,000 MW is one aggregate link, the Sutong GIL crossing (+7,000 MW) is the project
 *   `淮南—南京—上海1000千伏特高压交流输变电工程过江通道`.
 * - PyPSA corridors (both ends in the YRD) have no vintage ("current"): the same value serves before and after, an
 *   approximation; they are aggregate transfer limits that probably include the UHVAC lines, so summing both
 *   link types over-states inter-provincial capacity (their linkType `interprovincial-corridor` lets a run pick one).
 * - No timeMin on power links.
 */
import { InputError } from "../../src/errors.ts";
import type { LinkAttributes, NodeAttributes } from "../../src/model/network.ts";
import { SUTONG_GIL_DATE, s } from "./assumptions.ts";
import { yangtzeBankOf } from "./cities.ts";
import type { UhvLine, YrdData } from "./data.ts";
import { firstDateIn, normaliseDate } from "./dates.ts";
import { km } from "./round.ts";
import { oneWay, twoWay, type FacilityAttributes, type LayerBuild } from "./types.ts";

/** Facility id of the Sutong GIL crossing of the 淮南–南京–上海 UHVAC line. */
export const SUTONG_GIL_FACILITY = "power:uhvac:huainan-nanjing-shanghai:yangtze-crossing";
/** Facility id of the south-bank continuation that opened with the GIL. */
export const SUTONG_GIL_SOUTH_FACILITY = "power:uhvac:huainan-nanjing-shanghai:jiangsu-south-shanghai";

const GRID_NODES: readonly { id: string; name: string; province?: string; nameZh: string }[] = [
  { id: "power:shanghai", name: "Shanghai grid", province: "Shanghai", nameZh: "上海电网" },
  { id: "power:jiangsu-north", name: "Jiangsu grid north of the Yangtze", province: "Jiangsu", nameZh: "江苏电网(江北)" },
  { id: "power:jiangsu-south", name: "Jiangsu grid south of the Yangtze", province: "Jiangsu", nameZh: "江苏电网(江南)" },
  { id: "power:zhejiang", name: "Zhejiang grid", province: "Zhejiang", nameZh: "浙江电网" },
  { id: "power:anhui", name: "Anhui grid", province: "Anhui", nameZh: "安徽电网" },
  { id: "power:sichuan", name: "Sichuan (sending region)", nameZh: "四川" },
  { id: "power:ningxia", name: "Ningxia (sending region)", nameZh: "宁夏" },
  { id: "power:shanxi", name: "Shanxi (sending region)", nameZh: "山西" },
  { id: "power:inner-mongolia", name: "Inner Mongolia (sending region)", nameZh: "内蒙古" },
  { id: "power:xinjiang", name: "Xinjiang (sending region)", nameZh: "新疆" },
  { id: "power:fujian", name: "Fujian (neighbouring grid)", nameZh: "福建" },
];

/** Stable slug of each UHV row (a new row must be added, so ids stay readable). */
const UHV_SLUGS: Readonly<Record<string, string>> = {
  "向家坝–上海": "xiangjiaba-shanghai",
  "锦屏–苏南": "jinping-sunan",
  "溪洛渡左岸–浙江金华": "xiluodu-jinhua",
  "宁东(灵州)–浙江(绍兴)": "lingzhou-shaoxing",
  "晋北–南京": "jinbei-nanjing",
  "锡盟–泰州": "ximeng-taizhou",
  "昌吉–古泉": "changji-guquan",
  "白鹤滩–江苏": "baihetan-jiangsu",
  "白鹤滩–浙江": "baihetan-zhejiang",
  "淮南–浙北–上海 (皖电东送)": "huainan-zhebei-shanghai",
  "浙北–福州": "zhebei-fuzhou",
  "淮南–南京–上海": "huainan-nanjing-shanghai",
};

function sendingRegion(from: string, row: UhvLine): string {
  const rules: [RegExp, string][] = [[/Sichuan|四川/, "power:sichuan"], [/宁夏/, "power:ningxia"], [/山西/, "power:shanxi"], [/内蒙古/, "power:inner-mongolia"], [/新疆/, "power:xinjiang"]];
  for (const [re, id] of rules) if (re.test(from)) return id;
  throw new InputError({ file: row.row.file, line: row.row.line, code: "unknown-region", message: `no sending region for "${from}"` });
}

function receivingNode(data: YrdData, row: UhvLine): string {
  const city = row.toCity === undefined ? undefined : data.cityByName.get(row.toCity);
  if (!city) throw new InputError({ file: row.row.file, line: row.row.line, code: "unknown-city", message: `to_city "${row.toCity ?? ""}" is not one of the 41 cities` });
  switch (city.provinceEn) {
    case "Shanghai": return "power:shanghai";
    case "Zhejiang": return "power:zhejiang";
    case "Anhui": return "power:anhui";
    case "Jiangsu": return yangtzeBankOf(city.adcode) === "north" ? "power:jiangsu-north" : "power:jiangsu-south";
  }
  throw new InputError({ file: row.row.file, line: row.row.line, code: "unknown-province", message: `province ${city.provinceEn}` });
}

function capacityOf(row: UhvLine): { capacityMw: number; estimate: boolean; note: string } {
  const unverified = /capacity not (verified|in source)/.test(row.verifiedFields);
  if (row.capacityMw !== undefined) {
    return { capacityMw: row.capacityMw, estimate: unverified, note: unverified ? `capacity ${row.capacityMw} MW from the file but unverified (${row.verifiedFields})` : `capacity from the file (${row.verifiedFields})` };
  }
  const m = /([\d,]+) MW commonly reported/.exec(row.note ?? "");
  if (!m) throw new InputError({ file: row.row.file, line: row.row.line, code: "missing-value", message: `${row.nameZh}: blank capacity and no commonly reported value in the note` });
  const v = Number(m[1].replace(/,/g, ""));
  return { capacityMw: v, estimate: true, note: `capacity blank in the file; ${v} MW is the value its note calls commonly reported (unverified)` };
}

/**
 * Builds the power layer.
 * @param data loaded YRD data
 * @returns grid nodes, UHV links, the Jiangsu cross-river aggregate and PyPSA corridors
 * @throws InputError code `unknown-region`, `unknown-city`, `missing-value`, `unknown-line` (a UHV row without a slug)
 * @example buildPower(data).links.find((l) => l.facilityId === SUTONG_GIL_FACILITY)?.capacityMw // 7000
 */
export function buildPower(data: YrdData): LayerBuild {
  const notes: string[] = [];
  const nodes: NodeAttributes[] = GRID_NODES.map((g) => ({
    id: g.id, kind: "grid-node", layer: "power", name: g.name, nameZh: g.nameZh, ...(g.province ? { province: g.province } : {}),
    source: g.province
      ? g.id.startsWith("power:jiangsu")
        ? "aggregate node; Jiangsu split at the Yangtze because yrd_power_uhv_lines.csv (淮南–南京–上海) gives a cross-river capacity (no coordinates: a grid region, not a substation)"
        : "aggregate province grid node (no coordinates: a grid region, not a substation)"
      : "sending/neighbouring region of a UHV line or corridor (yrd_power_uhv_lines.csv, yrd_power_interprovincial_pypsa.csv)",
  }));
  const links: LinkAttributes[] = [];
  const slugOf = (row: UhvLine) => {
    const sl = UHV_SLUGS[row.nameZh];
    if (sl === undefined) throw new InputError({ file: row.row.file, line: row.row.line, code: "unknown-line", message: `no slug for UHV line "${row.nameZh}" (add it to UHV_SLUGS)` });
    return sl;
  };
  const source = (row: UhvLine) => `yrd_power_uhv_lines.csv: ${row.nameZh}`;

  for (const row of data.uhvLines) {
    const sl = slugOf(row);
    if (row.type === "UHVDC") {
      const cap = capacityOf(row);
      const date = normaliseDate(row.inService) ?? firstDateIn(row.inService);
      if (date === undefined) throw new InputError({ file: row.row.file, line: row.row.line, code: "missing-value", message: `${row.nameZh}: no date in in_service` });
      const dateIsPartial = normaliseDate(row.inService) === undefined;
      const f: FacilityAttributes = {
        facilityId: `power:uhvdc:${sl}`, layer: "power", linkType: "uhv-dc", name: `±${row.voltageKv} kV UHVDC ${row.from} → ${row.toCity}`, nameZh: row.nameZh,
        status: "existing", openedDate: date, ...(row.lengthKm !== undefined ? { lengthKm: km(row.lengthKm) } : {}),
        capacityMw: cap.capacityMw, crossesProvincialBorder: true,
        ...(cap.estimate || dateIsPartial ? { estimate: true } : {}),
        estimateNote: [cap.note, dateIsPartial ? `openedDate from in_service "${row.inService}"` : undefined].filter(Boolean).join("; "),
        source: source(row),
      };
      links.push(oneWay(f, sendingRegion(row.from, row), receivingNode(data, row), "ab"));
      continue;
    }
    // UHVAC: explicit routes through the province nodes.
    if (sl === "huainan-zhebei-shanghai") {
      const m = /long-run capacity ([\d,]+) MW/.exec(row.verifiedFields);
      if (!m) throw new InputError({ file: row.row.file, line: row.row.line, code: "missing-value", message: `${row.nameZh}: no long-run capacity in verified_fields` });
      const cap = Number(m[1].replace(/,/g, ""));
      const date = normaliseDate(row.inService)!;
      for (const [a, b, part] of [["power:anhui", "power:zhejiang", "anhui-zhejiang"], ["power:zhejiang", "power:shanghai", "zhejiang-shanghai"]] as const) {
        links.push(...twoWay({
          facilityId: `power:uhvac:${sl}:${part}`, layer: "power", linkType: "uhv-ac", name: `1000 kV UHVAC 皖电东送 ${part}`, nameZh: row.nameZh, status: "existing", openedDate: date,
          capacityMw: cap, crossesProvincialBorder: true, estimate: true,
          estimateNote: `capacity = the long-run (远期) transfer capability the row quotes (${cap} MW), applied to each section; route via 皖南(芜湖) and 浙北(安吉) substations (row note); ${row.lengthKm} km double-circuit line, length not split by section`,
          source: source(row),
        }, a, b));
      }
    } else if (sl === "zhebei-fuzhou") {
      const fj = data.pypsa.find((p) => [p.provinceA, p.provinceB].sort().join("|") === "Fujian|Zhejiang");
      if (!fj) throw new InputError({ file: "yrd_power_interprovincial_pypsa.csv", code: "missing-row", message: "no Fujian–Zhejiang row for the 浙北–福州 capacity proxy" });
      links.push(...twoWay({
        facilityId: `power:uhvac:${sl}`, layer: "power", linkType: "uhv-ac", name: "1000 kV UHVAC Zhebei–Fuzhou", nameZh: row.nameZh, status: "existing", openedDate: normaliseDate(row.inService),
        capacityMw: fj.capacityMw, crossesProvincialBorder: true, estimate: true,
        estimateNote: `capacity blank in the file (${row.verifiedFields}); the PyPSA-China Fujian–Zhejiang transfer capacity (${fj.capacityMw} MW, yrd_power_interprovincial_pypsa.csv line ${fj.row.line}) is used as a proxy`,
        source: source(row),
      }, "power:zhejiang", "power:fujian"));
    } else if (sl === "huainan-nanjing-shanghai") {
      const m = /cross-river capacity ([\d,]+)→([\d,]+) MW/.exec(row.note ?? "");
      if (!m) throw new InputError({ file: row.row.file, line: row.row.line, code: "missing-value", message: `${row.nameZh}: no cross-river capacity step in the note` });
      const before = Number(m[1].replace(/,/g, ""));
      const after = Number(m[2].replace(/,/g, ""));
      const step = after - before;
      const firstStage = firstDateIn(row.inService);
      const gil = s(SUTONG_GIL_DATE);
      const common = { layer: "power" as const, linkType: "uhv-ac", nameZh: row.nameZh, capacityMw: step, source: source(row) };
      links.push(...twoWay({
        ...common, facilityId: `power:uhvac:${sl}:anhui-jiangsu-north`, name: "1000 kV UHVAC Huainan–Jiangsu north bank (盱眙, 泰州)", status: "existing", openedDate: firstStage,
        crossesProvincialBorder: true, estimate: true,
        estimateNote: `first stage ${row.inService.split(";")[0]}; capacity assumed equal to the cross-river step ${after} − ${before} = ${step} MW the row gives (the row has no line rating)`,
      }, "power:anhui", "power:jiangsu-north"));
      links.push(...twoWay({
        ...common, facilityId: SUTONG_GIL_FACILITY, name: "1000 kV UHVAC Sutong GIL Yangtze crossing", status: "existing", openedDate: gil, estimate: true,
        estimateNote: `capacity = cross-river step ${after} − ${before} = ${step} MW (row note); openedDate = SUTONG_GIL_DATE (not in the data: "full line with Sutong GIL later")`,
      }, "power:jiangsu-north", "power:jiangsu-south"));
      links.push(...twoWay({
        ...common, facilityId: SUTONG_GIL_SOUTH_FACILITY, name: "1000 kV UHVAC 东吴(苏州)–沪西", status: "existing", openedDate: gil, crossesProvincialBorder: true, estimate: true,
        estimateNote: `completes the line with the GIL (openedDate = SUTONG_GIL_DATE); capacity assumed equal to the ${step} MW cross-river step`,
      }, "power:jiangsu-south", "power:shanghai"));
      links.push(...twoWay({
        facilityId: "power:jiangsu:cross-river-existing", layer: "power", linkType: "cross-river-corridor", name: "Jiangsu cross-river transfer (500 kV, before the UHV crossing)",
        nameZh: "江苏过江输电通道(既有)", status: "existing", capacityMw: before,
        estimateNote: `aggregate of the older cross-river 500 kV circuits; ${before} MW is the "before" value of the 淮南–南京–上海 row note (no 500 kV data otherwise)`,
        source: `${source(row)} (note: cross-river capacity ${m[1]}→${m[2]} MW)`,
      }, "power:jiangsu-north", "power:jiangsu-south"));
    } else {
      throw new InputError({ file: row.row.file, line: row.row.line, code: "unknown-line", message: `no route rule for UHVAC line ${row.nameZh}` });
    }
  }

  const provinceNode = (p: string, other: string): string => {
    switch (p) {
      case "Shanghai": return "power:shanghai";
      case "Zhejiang": return "power:zhejiang";
      case "Anhui": return "power:anhui";
      case "Jiangsu": return other === "Shanghai" ? "power:jiangsu-south" : "power:jiangsu-north";
    }
    throw new InputError({ file: "yrd_power_interprovincial_pypsa.csv", code: "unknown-province", message: `province ${p}` });
  };
  for (const p of data.pypsa) {
    if (!p.bothInYrd) {
      notes.push(`PyPSA ${p.provinceA}–${p.provinceB} ${p.capacityMw} MW: one end outside the YRD, not a corridor link (the UHV rows cover the lines into the YRD)`);
      continue;
    }
    const a = provinceNode(p.provinceA, p.provinceB);
    const b = provinceNode(p.provinceB, p.provinceA);
    links.push(...twoWay({
      facilityId: `power:pypsa:${p.provinceA.toLowerCase()}-${p.provinceB.toLowerCase()}`, layer: "power", linkType: "interprovincial-corridor",
      name: `${p.provinceA}–${p.provinceB} inter-provincial transfer (PyPSA-China)`, status: "existing", capacityMw: p.capacityMw, crossesProvincialBorder: true, estimate: true,
      estimateNote: `PyPSA-China-PIK edges_current.csv value, vintage "current" and undated: the same value is used before and after 2019 (approximation); an aggregate limit that probably includes the UHVAC lines${p.provinceA === "Jiangsu" || p.provinceB === "Jiangsu" ? `; Jiangsu end placed ${a === "power:jiangsu-south" || b === "power:jiangsu-south" ? "south of the river (the Suzhou–Shanghai border)" : "north of the river (Huainan-based 皖电东送 supply enters north of the river), an assumption"}` : ""}`,
      source: `yrd_power_interprovincial_pypsa.csv: ${p.provinceA}–${p.provinceB}`,
    }, a, b));
  }
  notes.push("No 500 kV network data exist: province nodes are aggregates and intra-province transfer is unconstrained except Jiangsu's cross-river limit.");
  return {
    layer: "power",
    description:
      "Power: aggregate grid nodes for Shanghai, Jiangsu (north and south of the Yangtze), Zhejiang and Anhui, external sending regions, the UHV DC (one-way, sending → YRD) and AC lines ending in the YRD, the Jiangsu cross-river aggregate and the PyPSA-China inter-provincial corridors. No times; capacities in MW.",
    nodes,
    links,
    derived: [],
    notes,
  };
}
