/**
 * YRD builder, water: port nodes for the Yangtze port cities and trunk channel links between consecutive ports
 * (Anqing … Nanjing … Shanghai), plus the Tongyang line and the Jianghuai canal from `yrd_waterways.csv`.
 *
 * Rules (documented in SOURCES.md):
 * - Port cities = the cities named as a bank city of a crossing in yrd_yangtze_crossings.csv (the cities with Yangtze
 *   frontage); the order along the river is the city-centre longitude, west → east (the river runs roughly west–east
 *   through the YRD; north- and south-bank cities alternate along it).
 * - Below Nanjing the 431 km of the 12.5 m deep-water channel (Nanjing–estuary) is apportioned over the consecutive
 *   pairs Nanjing … Shanghai by great-circle share; above Nanjing length = great-circle × RIVER_CIRCUITY.
 * - timeMin = lengthKm / VESSEL_SPEED_KPH × 60, both directions alike.
 */
import { InputError } from "../../src/errors.ts";
import type { LinkAttributes, NodeAttributes } from "../../src/model/network.ts";
import { RIVER_CIRCUITY, VESSEL_SPEED_KPH, n } from "./assumptions.ts";
import { yangtzeBankOf } from "./cities.ts";
import { cityNameOf, type City, type Waterway, type YrdData } from "./data.ts";
import { firstDateIn } from "./dates.ts";
import { greatCircleKm } from "../../src/units.ts";
import { km, minutes, roundTo } from "./round.ts";
import { twoWay, type LayerBuild } from "./types.ts";
import { compareCodeUnits } from "../../src/model/compare-code-units.ts";

/** Port node id of a city. @example portNodeId("320100") // "water:320100" */
export function portNodeId(adcode: string): string {
  return `water:${adcode}`;
}

function portNode(c: City): NodeAttributes {
  return {
    id: portNodeId(c.adcode), kind: "port", layer: "water", name: `Port of ${c.nameEn}`, nameZh: c.nameZh,
    lon: c.lon, lat: c.lat, zoneId: c.adcode, province: c.provinceEn, yangtzeBank: yangtzeBankOf(c.adcode),
    source: `yrd_cities.csv: ${c.adcode} (port placed at the city centre; port positions are not in the data)`,
  };
}

function waterwayByName(data: YrdData, prefix: string): Waterway {
  const w = data.waterways.find((x) => x.nameZh.startsWith(prefix));
  if (!w) throw new InputError({ file: "yrd_waterways.csv", code: "missing-row", message: `no waterway starting with "${prefix}"` });
  return w;
}

/**
 * Builds the water layer.
 * @param data loaded YRD data
 * @returns port nodes and two-way channel links
 * @throws InputError code `missing-row` when the deep-water channel, Tongyang line or Jianghuai canal row is missing,
 *   `unknown-city` when a waterway end is not one of the 41 cities
 * @example buildWater(data).links.filter((l) => l.vesselClass !== undefined).length // 16 (8 facilities × 2)
 */
export function buildWater(data: YrdData): LayerBuild {
  const notes: string[] = [];
  const cityOf = (raw: string, w: Waterway): City => {
    const c = data.cityByName.get(cityNameOf(raw.split("/")[0]));
    if (!c) throw new InputError({ file: w.row.file, line: w.row.line, code: "unknown-city", message: `waterway end "${raw}" is not one of the 41 cities` });
    return c;
  };
  const portCities = new Map<string, City>();
  for (const c of data.crossings) {
    for (const raw of [c.northBankCity, c.southBankCity]) {
      const city = data.cityByName.get(cityNameOf(raw));
      if (!city) throw new InputError({ file: c.row.file, line: c.row.line, code: "unknown-city", message: `"${raw}" is not one of the 41 cities` });
      portCities.set(city.adcode, city);
    }
  }
  const chain = [...portCities.values()].sort((a, b) => a.lon - b.lon || compareCodeUnits(a.adcode, b.adcode));
  const nodes = new Map<string, NodeAttributes>(chain.map((c) => [portNodeId(c.adcode), portNode(c)]));
  const deep = waterwayByName(data, "长江南京以下");
  const deepFrom = cityOf(deep.from, deep);
  if (deep.lengthKm === undefined) throw new InputError({ file: deep.row.file, line: deep.row.line, code: "missing-value", message: "the deep-water channel has no length" });
  const iNanjing = chain.findIndex((c) => c.adcode === deepFrom.adcode);
  if (iNanjing < 0) throw new InputError({ file: deep.row.file, line: deep.row.line, code: "bad-value", message: `${deep.from} is not a port city` });
  const gc = chain.slice(1).map((c, i) => greatCircleKm([chain[i].lon, chain[i].lat], [c.lon, c.lat]));
  const belowSum = gc.slice(iNanjing).reduce((s, x) => s + x, 0);
  const links: LinkAttributes[] = [];
  const speed = n(VESSEL_SPEED_KPH);
  for (let i = 1; i < chain.length; i++) {
    const a = chain[i - 1];
    const b = chain[i];
    const below = i - 1 >= iNanjing;
    const lengthKm = below ? (deep.lengthKm * gc[i - 1]) / belowSum : gc[i - 1] * n(RIVER_CIRCUITY);
    links.push(
      ...twoWay(
        {
          facilityId: `water:yangtze:${a.adcode}-${b.adcode}`,
          layer: "water",
          linkType: "yangtze-channel",
          name: `Yangtze ${a.nameEn}–${b.nameEn}`,
          nameZh: `长江 ${a.shortZh}–${b.shortZh}`,
          status: "existing",
          timeMin: minutes((lengthKm / speed) * 60),
          lengthKm: km(lengthKm),
          speedKph: speed,
          ...(below ? { vesselClass: deep.standard } : {}),
          ...(a.provinceEn !== b.provinceEn ? { crossesProvincialBorder: true } : {}),
          estimate: true,
          estimateNote: below
            ? `lengthKm = ${deep.lengthKm} km (Nanjing–estuary channel) × great-circle share ${roundTo((gc[i - 1] / belowSum) * 100, 1)}%; speedKph = VESSEL_SPEED_KPH; channel dates: ${deep.dates ?? "n/a"}`
            : `lengthKm = great-circle × RIVER_CIRCUITY ${n(RIVER_CIRCUITY)}; speedKph = VESSEL_SPEED_KPH; channel standard above Nanjing not in the data`,
          source: below ? `yrd_waterways.csv: ${deep.nameZh}; port order: yrd_yangtze_crossings.csv bank cities by longitude` : "yrd_yangtze_crossings.csv bank cities by longitude (consecutive Yangtze port cities)",
        },
        portNodeId(a.adcode),
        portNodeId(b.adcode),
      ),
    );
  }
  notes.push(`Yangtze port chain (west → east): ${chain.map((c) => c.nameEn).join(" – ")}.`);

  for (const [prefix, linkType] of [["通扬线", "inland-waterway"], ["江淮运河", "inland-waterway"]] as const) {
    const w = waterwayByName(data, prefix);
    const from = cityOf(w.from, w);
    const to = cityOf(w.to, w);
    for (const c of [from, to]) if (!nodes.has(portNodeId(c.adcode))) nodes.set(portNodeId(c.adcode), portNode(c));
    const gcKm = greatCircleKm([from.lon, from.lat], [to.lon, to.lat]);
    const lengthKm = w.lengthKm ?? gcKm * n(RIVER_CIRCUITY);
    const opened = /navigation/.test(w.dates ?? "") ? firstDateIn(w.dates) : undefined;
    links.push(
      ...twoWay(
        {
          facilityId: `water:${w.nameEn.toLowerCase().replace(/\(.*?\)/g, "").trim().replace(/[^a-z0-9]+/g, "-")}:${from.adcode}-${to.adcode}`,
          layer: "water",
          linkType,
          name: `${w.nameEn}`,
          nameZh: w.nameZh,
          status: "existing",
          ...(opened !== undefined ? { openedDate: opened } : {}),
          timeMin: minutes((lengthKm / speed) * 60),
          lengthKm: km(lengthKm),
          speedKph: speed,
          ...(w.standard !== undefined ? { vesselClass: w.standard } : {}),
          ...(from.provinceEn !== to.provinceEn ? { crossesProvincialBorder: true } : {}),
          estimate: true,
          estimateNote:
            (w.lengthKm !== undefined ? `lengthKm = ${w.lengthKm} km (yrd_waterways.csv)` : `lengthKm = great-circle ${roundTo(gcKm, 1)} km × RIVER_CIRCUITY ${n(RIVER_CIRCUITY)} (no length in the data)`) +
            `; speedKph = VESSEL_SPEED_KPH; ends ${w.from} → ${w.to} placed at the city ports` +
            (w.dates ? `; dates: ${w.dates}` : ""),
          source: `yrd_waterways.csv: ${w.nameZh}`,
        },
        portNodeId(from.adcode),
        portNodeId(to.adcode),
      ),
    );
  }
  return {
    layer: "water",
    description:
      "Water: Yangtze port cities (at the city centre) joined by trunk channel links in river order, plus the Tongyang line and the Jianghuai canal. Lengths: the 431 km Nanjing–estuary channel apportioned by great-circle, else great-circle × river circuity; times at an assumed vessel speed.",
    nodes: [...nodes.values()],
    links,
    derived: [],
    notes,
  };
}
